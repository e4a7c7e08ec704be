// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// countersign-cli, the workspace commands.
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

int init(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("demo"), QString()});
    parser.addOption({QStringLiteral("force"), QString()});
    parser.addOption({QStringLiteral("risk-manager"), QString(), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("name"), QString(), QStringLiteral("N")});
    if (auto failed = parse(parser, arguments, err, 1))
        return *failed;
    const QString path = absolute(parser.positionalArguments().at(0));
    const bool demo = parser.isSet(QStringLiteral("demo"));
    const QString riskManager = parser.value(QStringLiteral("risk-manager"));
    if (demo && (parser.isSet(QStringLiteral("risk-manager")) || parser.isSet(QStringLiteral("name"))))
        return usageError(err, QStringLiteral("--demo brings its own people; --risk-manager and --name are for a workspace of your own"));
    if (!demo && riskManager.isEmpty())
        return usageError(err, QStringLiteral("a workspace of your own starts with its first risk manager: "
                                              "init WS --risk-manager NAME [--name \"Display name\"] (or --demo)"));
    Passphrase passphrase;
    Passphrase riskManagerPassphrase;
    if (!demo) {
        passphrase = readPassphrase("COUNTERSIGN_ENGINE_PASSPHRASE", "Passphrase for the engine key: ", true);
        if (passphrase.text.empty())
            return usageError(err, QStringLiteral("a workspace that is not a demo needs a passphrase for its engine "
                                                  "key: set COUNTERSIGN_ENGINE_PASSPHRASE or run on a terminal"));
        riskManagerPassphrase = readPassphrase("COUNTERSIGN_PASSPHRASE", "Passphrase for the risk manager's key: ", true);
        if (riskManagerPassphrase.text.empty())
            return usageError(err, QStringLiteral("the first risk manager needs a passphrase for their key: "
                                                  "set COUNTERSIGN_PASSPHRASE or run on a terminal"));
    }
    if (auto created = factory.createWorkspace(path.toStdString(), {demo, parser.isSet(QStringLiteral("force")),
                                                                    passphrase.text, riskManager.toStdString(),
                                                                    parser.value(QStringLiteral("name")).toStdString(),
                                                                    riskManagerPassphrase.text});
        !created)
        return created.error().code == ErrorCode::InvalidInput ? usageError(err, QString::fromStdString(created.error().message))
                                                                : workspaceError(err, created.error());
    QJsonObject created{{QStringLiteral("workspace"), path}, {QStringLiteral("demo"), demo}, {QStringLiteral("created"), true}};
    if (!demo)
        created.insert(QStringLiteral("risk_manager"), riskManager);
    if (demo) { // public by design, so that the demo can be used at all; never a default elsewhere
        int exit = ExitOk;
        auto engine = openEngine(factory, path, err, exit);
        if (!engine)
            return exit;
        auto summary = engine->summary();
        if (!summary)
            return workspaceError(err, summary.error());
        created.insert(QStringLiteral("key_passphrase"), QString::fromStdString(summary->keyPassphrase));
    }
    printJson(out, created);
    return ExitOk;
}

QJsonObject toJson(const api::WorkspaceSummary& summary)
{
    QJsonArray assets;
    for (const auto& asset : summary.assets) {
        assets.append(QJsonObject{{QStringLiteral("code"), QString::fromStdString(asset.code)},
                                  {QStringLiteral("name"), QString::fromStdString(asset.name)},
                                  {QStringLiteral("decimals"), asset.decimals}});
    }
    QJsonArray principals;
    for (const auto& principal : summary.principals) {
        principals.append(QJsonObject{{QStringLiteral("id"), QString::fromStdString(principal.id)},
                                      {QStringLiteral("name"), QString::fromStdString(principal.displayName)},
                                      {QStringLiteral("role"), nameOf(principal.role)},
                                      {QStringLiteral("status"), nameOf(principal.status)}});
    }
    QJsonArray agents;
    for (const auto& agent : summary.agents) {
        QJsonObject balances; // amounts stay decimal strings: JSON numbers would lose digits
        for (const auto& balance : agent.balances)
            balances.insert(QString::fromStdString(balance.asset), QString::fromStdString(balance.amount));
        QJsonArray accounts;
        for (const auto& account : agent.accounts)
            accounts.append(QString::fromStdString(account));
        agents.append(QJsonObject{{QStringLiteral("id"), QString::fromStdString(agent.id)},
                                  {QStringLiteral("name"), QString::fromStdString(agent.displayName)},
                                  {QStringLiteral("status"), nameOf(agent.status)},
                                  {QStringLiteral("key"), agent.keyFingerprint.empty()
                                                              ? QJsonValue(QJsonValue::Null)
                                                              : QJsonValue(QString::fromStdString(agent.keyFingerprint))},
                                  {QStringLiteral("accounts"), accounts},
                                  {QStringLiteral("balances"), balances}});
    }
    return {
        {QStringLiteral("workspace"), QString::fromStdString(summary.path)},
        {QStringLiteral("name"), QString::fromStdString(summary.name)},
        {QStringLiteral("created"), QString::fromStdString(summary.createdAt)},
        {QStringLiteral("demo"), summary.demo},
        {QStringLiteral("schema_version"), summary.schemaVersion},
        {QStringLiteral("assets"), assets},
        {QStringLiteral("principals"), principals},
        {QStringLiteral("agents"), agents},
        {QStringLiteral("venues"), summary.venues},
        {QStringLiteral("pools"), summary.pools},
        {QStringLiteral("lending_markets"), summary.lendingMarkets},
        {QStringLiteral("counterparties"), summary.counterparties},
        {QStringLiteral("listed_counterparties"), summary.listedCounterparties},
        {QStringLiteral("lists"), summary.lists},
        {QStringLiteral("pending_intents"), summary.pendingIntents},
        {QStringLiteral("audit"), QJsonObject{{QStringLiteral("entries"), static_cast<qint64>(summary.auditEntries)},
                                              {QStringLiteral("latest_checkpoint"),
                                               static_cast<qint64>(summary.latestCheckpoint)}}},
    };
}

int status(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    if (auto failed = parse(parser, arguments, err, 1))
        return *failed;
    auto engine = factory.openWorkspace(absolute(parser.positionalArguments().at(0)).toStdString());
    if (!engine)
        return workspaceError(err, engine.error());
    auto summary = (*engine)->summary();
    if (!summary)
        return workspaceError(err, summary.error());
    printJson(out, toJson(*summary));
    return ExitOk;
}

int generate(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("entries"), QString(), QStringLiteral("N")});
    if (auto failed = parse(parser, arguments, err, 1))
        return *failed;
    const auto entries = parseSeq(parser.value(QStringLiteral("entries")));
    if (!entries || *entries > 100'000'000)
        return usageError(err, QStringLiteral("--entries must be a number from 1 to 100000000"));
    int exit = ExitOk;
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine)
        return exit;
    Passphrase passphrase;
    if (!keyPassphrase(*engine, "COUNTERSIGN_PASSPHRASE", passphrase, err, exit))
        return exit;
    auto generated = engine->generateHistory(*entries, passphrase.text);
    if (!generated)
        return requestError(err, generated.error());
    engine.reset(); // closing signs the final checkpoint
    printJson(out, {{QStringLiteral("appended"), static_cast<qint64>(generated->appended)},
                    {QStringLiteral("proposals"), static_cast<qint64>(generated->proposals)},
                    {QStringLiteral("signed_entries"), static_cast<qint64>(generated->signedEntries)},
                    {QStringLiteral("first_seq"), static_cast<qint64>(generated->firstSeq)},
                    {QStringLiteral("last_seq"), static_cast<qint64>(generated->lastSeq)}});
    return ExitOk;
}

} // namespace

const std::vector<Command>& workspaceCommands()
{
    static const std::vector<Command> commands{
        {"init",
         "init WS --risk-manager NAME [--name N] [--force] | init WS --demo [--force]",
         "create a workspace of your own: the engine key\n(COUNTERSIGN_ENGINE_PASSPHRASE) and its first risk manager NAME\n(COUNTERSIGN_PASSPHRASE), both sealed and registered in the\nlog; or with --demo the demo world, people, policy and intents.\n--force replaces an existing workspace",
         init},
        {"status",
         "status WS",
         "the workspace at a glance as JSON: assets, people, agents\nand their balances, market counts",
         status},
        {"generate",
         "generate WS --entries N",
         "append a synthetic history of at least N entries (tests and\nbenchmarks; needs the demo principals' keys)",
         generate},
    };
    return commands;
}

} // namespace cs::cli
