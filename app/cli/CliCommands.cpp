// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliCommands.h"

#include "core/api/Engine.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cs::cli {

namespace {

const char kUsage[] = R"(Usage: countersign-cli COMMAND [ARGS]

Commands:
  init WS [--demo] [--force]   create a workspace; --demo seeds the demo world and intents,
                               --force replaces an existing workspace
  status WS                    the workspace at a glance as JSON: assets, people, agents
                               and their balances, market counts

Options:
  -h, --help                   show this help
  -v, --version                show the version

Exit status: 0 success; 2 usage or bad input; 5 workspace error (missing, not a
Countersign workspace, already exists, schema newer than this binary, locked).
Errors go to stderr as one line starting with "error:"; machine output is JSON on stdout.
)";

void printJson(std::ostream& out, const QJsonObject& object)
{
    out << QJsonDocument(object).toJson(QJsonDocument::Indented).toStdString();
}

int usageError(std::ostream& err, const QString& message)
{
    err << "error: " << message.toStdString() << "\n"
        << "Run 'countersign-cli --help' for the commands.\n";
    return ExitUsage;
}

int workspaceError(std::ostream& err, const Error& error)
{
    err << "error: " << error.message << "\n";
    return ExitWorkspace;
}

QString absolute(const QString& path)
{
    return QDir::cleanPath(QDir::current().absoluteFilePath(path));
}

//! Parses the command's own options; usage errors are reported and returned as ExitUsage.
std::optional<int> parse(QCommandLineParser& parser, const QStringList& arguments, std::ostream& err,
                         qsizetype positionals)
{
    if (!parser.parse(arguments))
        return usageError(err, parser.errorText());
    if (parser.positionalArguments().size() != positionals)
        return usageError(err, QStringLiteral("%1 expects %2 argument(s), got %3")
                                   .arg(arguments.value(0))
                                   .arg(positionals)
                                   .arg(parser.positionalArguments().size()));
    return std::nullopt;
}

int init(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("demo"), QString()});
    parser.addOption({QStringLiteral("force"), QString()});
    if (auto failed = parse(parser, arguments, err, 1))
        return *failed;
    const QString path = absolute(parser.positionalArguments().at(0));
    const bool demo = parser.isSet(QStringLiteral("demo"));
    if (auto created = factory.createWorkspace(path.toStdString(), demo, parser.isSet(QStringLiteral("force")));
        !created)
        return workspaceError(err, created.error());
    printJson(out, {{QStringLiteral("workspace"), path}, {QStringLiteral("demo"), demo}, {QStringLiteral("created"), true}});
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
                                      {QStringLiteral("role"), QString::fromStdString(principal.role)},
                                      {QStringLiteral("status"), QString::fromStdString(principal.status)}});
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
                                  {QStringLiteral("status"), QString::fromStdString(agent.status)},
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

} // namespace

int run(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    const QString command = arguments.value(1);
    if (command.isEmpty())
        return usageError(err, QStringLiteral("no command given"));
    if (command == QLatin1String("-h") || command == QLatin1String("--help") || command == QLatin1String("help")) {
        out << kUsage;
        return ExitOk;
    }
    if (command == QLatin1String("-v") || command == QLatin1String("--version")) {
        out << "countersign-cli " << CS_VERSION << "\n";
        return ExitOk;
    }
    const QStringList rest = arguments.mid(1); // the command stands where a program name would
    if (command == QLatin1String("init"))
        return init(rest, factory, out, err);
    if (command == QLatin1String("status"))
        return status(rest, factory, out, err);
    return usageError(err, QStringLiteral("unknown command '%1'").arg(command));
}

} // namespace cs::cli
