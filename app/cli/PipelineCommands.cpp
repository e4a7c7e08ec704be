// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// countersign-cli, the pipeline commands.
#include "app/cli/CliIo.h"

#include "core/api/Engine.h"
#include "core/api/Tools.h"
#include "core/domain/Encoding.h"

#include <unistd.h>

#include <filesystem>
#include <map>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cs::cli {

namespace {

int runIntents(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("intents"), QString(), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("backend"), QString(), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("model-url"), QString(), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("fixtures"), QString(), QStringLiteral("FILE")});
    parser.addOption(QCommandLineOption(QStringLiteral("wait")));
    if (auto failed = parse(parser, arguments, err, 1))
        return *failed;
    const QString backend = parser.value(QStringLiteral("backend"));
    if (!backend.isEmpty() && backend != QLatin1String("rules") && backend != QLatin1String("replay")
        && backend != QLatin1String("openai"))
        return usageError(err, QStringLiteral("--backend must be rules, replay or openai, not %1").arg(backend));
    int exit = ExitOk;
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine)
        return exit;
    if (!unlockEngineKey(*engine, err, exit))
        return exit;
    api::Engine::RunOptions options;
    if (parser.isSet(QStringLiteral("intents")))
        options.intentsFile = absolute(parser.value(QStringLiteral("intents"))).toStdString();
    options.backend = backend.toStdString();
    if (options.backend.empty()) {
        auto summary = engine->summary();
        if (!summary)
            return workspaceError(err, summary.error());
        options.backend = summary->modelBackend;
    }
    options.modelUrl = parser.value(QStringLiteral("model-url")).toStdString();
    if (parser.isSet(QStringLiteral("fixtures")))
        options.fixturesFile = absolute(parser.value(QStringLiteral("fixtures"))).toStdString();
    options.notice = [&err](const std::string& notice) { err << "warning: " << notice << "\n"; };
    options.wait = parser.isSet(QStringLiteral("wait"));
    auto results = engine->runIntents(options);
    if (!results)
        return requestError(err, results.error());
    QJsonObject byOutcome;
    QJsonObject byAgent;
    int fresh = 0;
    for (const auto& result : *results) {
        const QString state = nameOf(result.state);
        byOutcome.insert(state, byOutcome.value(state).toInt() + 1);
        QJsonObject agent = byAgent.value(QString::fromStdString(result.agent)).toObject();
        agent.insert(state, agent.value(state).toInt() + 1);
        byAgent.insert(QString::fromStdString(result.agent), agent);
        fresh += result.alreadyProcessed ? 0 : 1;
    }
    engine.reset(); // closing signs the checkpoint over what this run appended
    printJson(out, {{QStringLiteral("intents"), static_cast<int>(results->size())},
                    {QStringLiteral("processed"), fresh},
                    {QStringLiteral("already_processed"), static_cast<int>(results->size()) - fresh},
                    {QStringLiteral("backend"), QString::fromStdString(options.backend)},
                    {QStringLiteral("by_outcome"), byOutcome},
                    {QStringLiteral("by_agent"), byAgent}});
    return ExitOk;
}

int queue(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    int exit = ExitOk;
    auto engine = openWorkspaceArgument(arguments, factory, err, exit);
    if (!engine)
        return exit;
    auto items = engine->approvalQueue();
    if (!items)
        return workspaceError(err, items.error());
    QJsonArray queue;
    const auto strings = [](const std::vector<std::string>& texts) {
        QJsonArray array;
        for (const std::string& text : texts)
            array.append(QString::fromStdString(text));
        return array;
    };
    const auto needs = [](const std::vector<api::ApproverNeed>& stillNeeded) {
        QJsonArray array;
        for (const api::ApproverNeed& need : stillNeeded)
            array.append(QString::fromStdString(need.text));
        return array;
    };
    for (const auto& item : items->items) {
        QJsonArray balances;
        for (const api::BalanceChange& change : item.balances)
            balances.append(QJsonObject{{QStringLiteral("account"), QString::fromStdString(change.account)},
                                        {QStringLiteral("asset"), QString::fromStdString(change.asset)},
                                        {QStringLiteral("before"), QString::fromStdString(change.before)},
                                        {QStringLiteral("after"), QString::fromStdString(change.after)}});
        QJsonObject now{{QStringLiteral("ok"), item.simulationOk},
                        {QStringLiteral("value"), QString::fromStdString(item.value)},
                        {QStringLiteral("balances"), balances},
                        {QStringLiteral("world_moved"), item.worldMoved}};
        if (!item.simulationOk)
            now.insert(QStringLiteral("problem"), QString::fromStdString(item.simulationProblem));
        if (item.decidedNow) {
            now.insert(QStringLiteral("decided_now"), QString::fromStdString(std::string(api::toString(*item.decidedNow))));
            std::string reasons;
            for (const api::Reason& reason : item.decidedNowReasons)
                reasons += (reasons.empty() ? "" : "; ") + reason.text;
            now.insert(QStringLiteral("decided_now_reason"), QString::fromStdString(reasons));
        }
        if (item.priceImpactBps >= 0) {
            now.insert(QStringLiteral("fee"), QString::fromStdString(item.fee));
            now.insert(QStringLiteral("expected_out"), QString::fromStdString(item.expectedOut));
            now.insert(QStringLiteral("price_impact_bps"), item.priceImpactBps);
        }
        queue.append(QJsonObject{
            {QStringLiteral("id"), QString::fromStdString(item.intent)},
            {QStringLiteral("agent"), QString::fromStdString(item.agent)},
            {QStringLiteral("proposal"), QJsonDocument::fromJson(QByteArray::fromStdString(canonicalProposal(item.proposal))).object()},
            {QStringLiteral("decision"), QJsonDocument::fromJson(QByteArray::fromStdString(item.signedDecision)).object()},
            {QStringLiteral("reason"), QString::fromStdString(item.reason)},
            {QStringLiteral("subject_sha256"), QString::fromStdString(item.subjectSha256)},
            {QStringLiteral("expires_at"), QString::fromStdString(item.expiresAt)},
            {QStringLiteral("requested_at"), QString::fromStdString(item.requestedAt)},
            {QStringLiteral("expired"), item.expired},
            {QStringLiteral("approved_by"), strings(item.approvedBy)},
            {QStringLiteral("still_needed"), needs(item.stillNeeded)},
            {QStringLiteral("if_settled_now"), now}});
    }
    out << QJsonDocument(queue).toJson(QJsonDocument::Indented).toStdString();
    return ExitOk;
}

//! approve WS ID --as NAME [--reason T] and reject WS ID --as NAME --reason T.
int verdict(const QStringList& arguments, bool approve, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("as"), QString(), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("reason"), QString(), QStringLiteral("T")});
    parser.addOption({QStringLiteral("amount"), QString(), QStringLiteral("A")});
    parser.addOption({QStringLiteral("min-out"), QString(), QStringLiteral("M")});
    parser.addOption({QStringLiteral("subject"), QString(), QStringLiteral("SHA256")});
    if (auto failed = parse(parser, arguments, err, 2))
        return *failed;
    const bool edits = parser.isSet(QStringLiteral("amount")) || parser.isSet(QStringLiteral("min-out"));
    if (edits && !approve)
        return usageError(err, QStringLiteral("--amount and --min-out edit a proposal before approving it, not rejecting"));
    if (!parser.isSet(QStringLiteral("as")))
        return usageError(err, QStringLiteral("%1 needs --as NAME (the approver)").arg(arguments.value(0)));
    const QString reason = parser.value(QStringLiteral("reason")).trimmed();
    if (!approve && reason.isEmpty())
        return usageError(err, QStringLiteral("reject needs --reason T: a rejection says why"));
    if (parser.isSet(QStringLiteral("subject"))) {
        // What the approver reviewed, exactly: an empty or malformed one would check nothing.
        static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
        if (!hex64.match(parser.value(QStringLiteral("subject"))).hasMatch())
            return usageError(err, QStringLiteral("--subject must be the 64 lowercase hex digits of the subject_sha256 you "
                                                  "reviewed (countersign-cli queue), not '%1'")
                                       .arg(parser.value(QStringLiteral("subject"))));
    }
    int exit = ExitOk;
    Passphrase passphrase;
    auto engine = openToSign(factory, parser.positionalArguments().at(0), "Passphrase of the approver: ", passphrase, err, exit);
    if (!engine)
        return exit;
    const std::string intent = parser.positionalArguments().at(1).toStdString();
    const std::string approver = parser.value(QStringLiteral("as")).toStdString();
    const std::string shown = parser.value(QStringLiteral("subject")).toStdString();
    auto outcome = edits ? engine->submitEdit(intent, approver, parser.value(QStringLiteral("amount")).toStdString(),
                                              parser.value(QStringLiteral("min-out")).toStdString(), passphrase.text, shown)
                         : engine->submitVerdict(intent, approver, approve, reason.toStdString(), passphrase.text, shown);
    if (!outcome)
        return requestError(err, outcome.error());
    engine.reset(); // closing signs a checkpoint over the verdict
    QJsonObject report{{QStringLiteral("intent"), parser.positionalArguments().at(1)},
                       {QStringLiteral("state"), nameOf(outcome->state)},
                       {QStringLiteral("message"), QString::fromStdString(outcome->message)}};
    if (outcome->receiptSeq > 0)
        report.insert(QStringLiteral("receipt_seq"), static_cast<qint64>(outcome->receiptSeq));
    printJson(out, report);
    return ExitOk;
}

int approve(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    return verdict(arguments, true, factory, out, err);
}

int reject(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    return verdict(arguments, false, factory, out, err);
}

} // namespace

const std::vector<Command>& pipelineCommands()
{
    static const std::vector<Command> commands{
        {"run",
         "run WS [--intents FILE] [--backend rules|replay|openai] [--model-url URL]\n[--fixtures FILE] [--wait]",
         "feed intents (WS/intents.jsonl by default) through the\npipeline: model, strict parser, simulator, decision,\nsettlement; JSON counts by outcome and by agent. Intents\nalready processed are counted, not run again. The backend\ndefaults to workspace.json's model.backend (rules). openai:\nany OpenAI-compatible server (--model-url, else\nCOUNTERSIGN_MODEL_URL/_MODEL, else workspace.json model.url\nand model.name; the key from COUNTERSIGN_API_KEY or\nOPENAI_API_KEY). replay: --fixtures FILE (JSON lines\nrequest_sha256, response), else this log's model exchanges.\nOne run at a time per workspace: another exits 5, or waits\nfor it with --wait",
         runIntents},
        {"queue",
         "queue WS",
         "proposals awaiting approval as JSON (each with its id and what it\nwould do if it settled now)",
         queue},
        {"approve",
         "approve WS ID --as NAME [--reason T] [--amount A] [--min-out M] [--subject H]",
         "",
         approve},
        {"reject",
         "reject WS ID --as NAME --reason T [--subject H]",
         "an approver's verdict on proposal ID, signed with NAME's key\n(COUNTERSIGN_PASSPHRASE) over the exact proposal, simulation,\npolicy version and decision; once the quorum is reached it is\nsettled (the engine key: COUNTERSIGN_ENGINE_PASSPHRASE). Exit 0\ndone; 2 bad input (no reason, unknown ID, bad signature); 6 not\nallowed (counted already, separation of duties, not an approver\nof it, expired). --amount (lower) and --min-out (higher) edit\nthe proposal first: the new version is simulated and decided\nagain, and the approval signs that version. --subject H: the\nsubject_sha256 you reviewed (queue); exit 6 if it changed since",
         reject},
    };
    return commands;
}

} // namespace cs::cli
