// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// countersign-cli, agents' reputation (scores and their traces, signed attestations) and the
// workspace's health (doctor).
#include "app/cli/CliIo.h"

#include "core/api/Engine.h"
#include "core/api/Tools.h"
#include "core/domain/Clock.h"

#include <algorithm>

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace cs::cli {

namespace {

QString timeText(std::int64_t ms)
{
    return ms == 0 ? QString() : qs(toIso8601(Timestamp{ms}));
}

QJsonObject agentJson(const api::AgentReputation& agent, bool withEvents)
{
    QJsonObject counts;
    for (const auto& [outcome, count] : agent.counts)
        counts.insert(qs(outcome), static_cast<qint64>(count));
    QJsonObject json{{QStringLiteral("agent"), qs(agent.agent)},
                     {QStringLiteral("score"), qs(api::twoDecimals(agent.score))},
                     {QStringLiteral("tier"), qs(std::string(api::toString(agent.tier)))},
                     {QStringLiteral("scored"), static_cast<qint64>(agent.outcomes)},
                     {QStringLiteral("incidents"), static_cast<qint64>(agent.incidents)},
                     {QStringLiteral("outcomes"), counts},
                     {QStringLiteral("first_outcome"), timeText(agent.firstMs)},
                     {QStringLiteral("last_activity"), timeText(agent.lastActivityMs)}};
    if (!withEvents)
        return json;
    QJsonArray events;
    for (const api::ReputationEvent& event : agent.events) {
        QJsonArray flags;
        for (const std::string& flag : event.flags)
            flags.append(qs(flag));
        QJsonArray entries;
        for (std::int64_t seq : event.entries)
            entries.append(static_cast<qint64>(seq));
        events.append(QJsonObject{{QStringLiteral("seq"), static_cast<qint64>(event.seq)},
                                  {QStringLiteral("at"), timeText(event.timeMs)},
                                  {QStringLiteral("intent"), qs(event.intent)},
                                  {QStringLiteral("outcome"), qs(event.outcome)},
                                  {QStringLiteral("flags"), flags},
                                  {QStringLiteral("value"), qs(api::twoDecimals(event.value))},
                                  {QStringLiteral("score_after"), qs(api::twoDecimals(event.scoreAfter))},
                                  {QStringLiteral("entries"), entries}});
    }
    json.insert(QStringLiteral("events"), events);
    return json;
}

//! reputation WS [AGENT]
int reputation(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    const auto positionals = std::count_if(arguments.begin() + 1, arguments.end(),
                                           [](const QString& argument) { return !argument.startsWith(u'-'); });
    if (auto failed = parse(parser, arguments, err, positionals == 2 ? 2 : 1))
        return *failed;
    int exit = ExitOk;
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine)
        return exit;
    auto report = engine->reputation();
    if (!report)
        return requestError(err, report.error());
    QJsonObject json{{QStringLiteral("entries"), static_cast<qint64>(report->entries)},
                     {QStringLiteral("as_of"), timeText(report->asOfMs)},
                     {QStringLiteral("half_life_days"), report->halfLifeDays}};
    if (positionals == 2) {
        const std::string wanted = parser.positionalArguments().at(1).toStdString();
        const auto found = std::find_if(report->agents.begin(), report->agents.end(),
                                        [&](const api::AgentReputation& agent) { return agent.agent == wanted; });
        if (found == report->agents.end())
            return requestError(err, Error{ErrorCode::NotFound, "no agent " + wanted});
        json.insert(QStringLiteral("agent"), agentJson(*found, true));
    } else {
        QJsonArray agents;
        for (const api::AgentReputation& agent : report->agents)
            agents.append(agentJson(agent, false));
        json.insert(QStringLiteral("agents"), agents);
    }
    printJson(out, json);
    return ExitOk;
}

//! attest WS AGENT --out F
int attest(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("out"), QString(), QStringLiteral("F")});
    if (auto failed = parse(parser, arguments, err, 2))
        return *failed;
    if (!parser.isSet(QStringLiteral("out")))
        return usageError(err, QStringLiteral("attest needs --out F"));
    int exit = ExitOk;
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine || !unlockEngineKey(*engine, err, exit))
        return exit;
    auto file = engine->attestReputation(parser.positionalArguments().at(1).toStdString());
    if (!file)
        return requestError(err, file.error());
    const QString path = absolute(parser.value(QStringLiteral("out")));
    if (auto saved = api::writeFileDurably(path.toStdString(), *file); !saved)
        return workspaceError(err, saved.error());
    auto check = api::verifyAttestation(*file, std::nullopt);
    printJson(out, {{QStringLiteral("agent"), parser.positionalArguments().at(1)},
                    {QStringLiteral("out"), path},
                    {QStringLiteral("score"), check ? qs(check->score) : QString()},
                    {QStringLiteral("tier"), check ? qs(check->tier) : QString()},
                    {QStringLiteral("checkpoint_size"), check ? static_cast<qint64>(check->checkpointSize) : 0}});
    return ExitOk;
}

//! verify-attestation F [--key engine.pem]
int verifyAttestation(const QStringList& arguments, api::EngineFactory&, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("key"), QString(), QStringLiteral("engine.pem")});
    if (auto failed = parse(parser, arguments, err, 1))
        return *failed;
    int exit = ExitOk;
    std::optional<QByteArray> pem;
    if (!readPinnedKey(parser, pem, err, exit))
        return exit;
    const auto file = readInput(parser.positionalArguments().at(0), err, exit);
    if (!file)
        return exit;
    auto check = api::verifyAttestation(std::string_view(file->constData(), static_cast<std::size_t>(file->size())), pemView(pem));
    if (!check)
        return usageError(err, QString::fromStdString(check.error().message));
    QJsonObject json{{QStringLiteral("valid"), check->valid},
                     {QStringLiteral("agent"), qs(check->agent)},
                     {QStringLiteral("score"), qs(check->score)},
                     {QStringLiteral("tier"), qs(check->tier)},
                     {QStringLiteral("checkpoint_size"), static_cast<qint64>(check->checkpointSize)}};
    if (!check->valid)
        json.insert(QStringLiteral("reason"), qs(check->reason));
    return verdict(out, err, json, check->valid, check->reason);
}

//! doctor WS
int doctor(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    int exit = ExitOk;
    auto engine = openWorkspaceArgument(arguments, factory, err, exit);
    if (!engine)
        return exit;
    auto report = engine->health();
    if (!report)
        return requestError(err, report.error());
    QJsonArray items;
    for (const api::HealthItem& item : report->items) {
        QJsonArray entries;
        for (std::int64_t seq : item.entries) {
            if (seq > 0)
                entries.append(static_cast<qint64>(seq));
        }
        QJsonArray findings;
        for (const std::string& finding : item.findings)
            findings.append(qs(finding));
        QJsonObject counts;
        for (const auto& [name, count] : item.counts)
            counts.insert(qs(name), static_cast<qint64>(count));
        items.append(QJsonObject{{QStringLiteral("check"), qs(item.check)},
                                 {QStringLiteral("red_flag"), qs(item.title)},
                                 {QStringLiteral("status"), qs(std::string(api::toString(item.status)))},
                                 {QStringLiteral("summary"), qs(item.summary)},
                                 {QStringLiteral("entries"), entries},
                                 {QStringLiteral("findings"), findings},
                                 {QStringLiteral("counts"), counts}});
    }
    const api::HealthStatus overall = report->overall();
    printJson(out, {{QStringLiteral("entries"), static_cast<qint64>(report->entries)},
                    {QStringLiteral("status"), qs(std::string(api::toString(overall)))},
                    {QStringLiteral("items"), items}});
    return overall == api::HealthStatus::Fail ? ExitTampered : ExitOk;
}

} // namespace

const std::vector<Command>& reputationCommands()
{
    static const std::vector<Command> commands{
        {"reputation",
         "reputation WS [AGENT]",
         "every agent's reputation from the log's outcomes as JSON (score\n0-100, tier, outcomes, incidents); with AGENT also each change of\nits score and the entries behind it",
         reputation},
        {"attest",
         "attest WS AGENT --out F",
         "a portable attestation of AGENT's reputation over the entries\nthe newest checkpoint covers: its key, score, tier, window,\noutcome counts and that checkpoint, signed by the engine (fields\nfor ERC-8004 feedback included)",
         attest},
        {"verify-attestation",
         "verify-attestation F [--key engine.pem]",
         "check an attestation with nothing but itself: the engine's\nsignature over it and over its checkpoint; exit 1 when altered.\n--key pins the engine key",
         verifyAttestation},
        {"doctor",
         "doctor WS",
         "the seed's red flags checked from the log, each ok, warn or fail\nwith its evidence: actions without an explanation, settlements\nwithout an allow or a valid quorum, secrets in the log (and those\nintake redacted), reputations that cannot be attested, scoring\nthat rewards activity, approvers who rubber-stamp; exit 1 when\none fails (warnings allowed)",
         doctor},
    };
    return commands;
}

} // namespace cs::cli
