// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliCommands.h"

#include "core/api/Engine.h"
#include "core/audit/Proofs.h"
#include "core/workspace/DemoSeed.h"
#include "core/domain/Encoding.h"
#include "core/identity/Crypto.h"
#include "core/model/ProposalParser.h"
#include "core/policy/Checks.h"
#include "core/policy/Diff.h"
#include "core/policy/EvaluationInput.h"
#include "core/storage/Files.h"
#include "core/workspace/Workspace.h"

#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace cs::cli {

namespace {

const char kUsage[] = R"(Usage: countersign-cli COMMAND [ARGS]

Commands:
  init WS [--demo] [--force]   create a workspace; --demo seeds the demo world and intents,
                               --force replaces an existing workspace
  status WS                    the workspace at a glance as JSON: assets, people, agents
                               and their balances, market counts
  verify WS [--full]           verify the audit log: hash chain, Merkle root against the
                               signed checkpoints (in the database and in WS/checkpoints),
                               consistency proofs, every signature by a key other than the
                               engine's and every entry after the newest checkpoint (what
                               the engine signed below it, its signed roots cover; --full
                               checks each of those signatures too); then the money: every
                               balance and lending position recomputed from the log (signed
                               opening balances, then each receipt's postings) against the
                               ledger, settlements and postings against their receipts, and
                               SQLite's quick_check; progress on stderr
  prove WS SEQ                 an RFC 9162 inclusion proof of entry SEQ against a signed
                               checkpoint, as JSON (self-contained: checkpoint and engine key)
  verify-proof PROOF.json [--key engine.pem]
                               verify a proof without any database; --key pins the engine key
  receipts WS                  every settlement's receipt entry as JSON (intent, agent,
                               receipt_seq, settled_at): the SEQ export-receipt takes
  export-receipt WS SEQ --out DIR
                               write receipt.json, receipt.sig (raw Ed25519 signature over
                               receipt.json), engine.pem and proof.json for a receipt entry
  check-proposal [--workspace WS] FILE|-
                               strictly parse a model's proposal; prints it in canonical
                               form, or one error line naming the JSON path and the reason
                               (the demo assets unless WS names the workspace's)
  evaluate --policy P --proposal X [--usage U]
                               the policy's decision on one proposal as JSON: effect, the
                               rules that fired (`rules`), a reason per clause, approvals
                               required, windows consulted, the counterfactual. U is a
                               countersign.usage/1 file (now, prices, earlier spends); without
                               it, now and the demo prices. Policy-only: no simulation.
                               Exit 0 allow, 3 needs approval, 4 deny, 2 bad input (an invalid
                               policy never allows anything)
  replay WS [--policy P]       re-decide every recorded proposal in time order, spend windows
                               recomputed from scratch: each under the version that decided
                               it (must reproduce the record), or with --policy under the
                               draft P (what-if). JSON: the decisions that change, counts and
                               value by transition, value allowed before and after. Exit 0
                               when nothing changes, 1 when decisions differ
  policy diff A B              what changed from policy A to B, rule by rule, in words;
                               exit 0 when they are the same policy, 1 when they differ
  policy export WS --out P     write the policy that decides in WS (the newest published)
  policy publish WS P --as NAME
                               publish P, signed by risk manager NAME (its key unlocked with
                               COUNTERSIGN_PASSPHRASE; the engine key, which checkpoints the
                               log, with COUNTERSIGN_ENGINE_PASSPHRASE); refused for a policy
                               with static-check errors; from then on it decides
  policy check P               parse P strictly and run the static checks (unreachable,
                               shadowed, overlapping rules, caps that never bind); JSON
                               report; exit 0 without errors (warnings allowed), 2 with errors
  run WS [--intents FILE] [--backend rules|replay|openai] [--model-url URL]
         [--fixtures FILE] [--wait]
                               feed intents (WS/intents.jsonl by default) through the
                               pipeline: model, strict parser, simulator, decision,
                               settlement; JSON counts by outcome and by agent. Intents
                               already processed are counted, not run again. The backend
                               defaults to workspace.json's model.backend (rules). openai:
                               any OpenAI-compatible server (--model-url, else
                               COUNTERSIGN_MODEL_URL/_MODEL, else workspace.json model.url
                               and model.name; the key from COUNTERSIGN_API_KEY or
                               OPENAI_API_KEY). replay: --fixtures FILE (JSON lines
                               request_sha256, response), else this log's model exchanges.
                               One run at a time per workspace: another exits 5, or waits
                               for it with --wait
  queue WS                     proposals awaiting approval as JSON (each with its id and what it
                               would do if it settled now)
  approve WS ID --as NAME [--reason T] [--amount A] [--min-out M] [--subject H]
  reject WS ID --as NAME --reason T [--subject H]
                               an approver's verdict on proposal ID, signed with NAME's key
                               (COUNTERSIGN_PASSPHRASE) over the exact proposal, simulation,
                               policy version and decision; once the quorum is reached it is
                               settled (the engine key: COUNTERSIGN_ENGINE_PASSPHRASE). Exit 0
                               done; 2 bad input (no reason, unknown ID, bad signature); 6 not
                               allowed (counted already, separation of duties, not an approver
                               of it, expired). --amount (lower) and --min-out (higher) edit
                               the proposal first: the new version is simulated and decided
                               again, and the approval signs that version. --subject H: the
                               subject_sha256 you reviewed (queue); exit 6 if it changed since
  principal suspend|resume|revoke WS NAME --as RM --reason T
                               the kill switch, signed by risk manager RM
                               (COUNTERSIGN_PASSPHRASE) and audited: a suspended or revoked
                               agent's intents are refused at intake and its pending approval
                               requests end, their spends released; resume restores intake
                               only; revoked is final. Exit 6 for anyone but a risk manager
  reconcile WS                 settlements a crash interrupted are marked unknown, then each
                               unknown one is resolved from the ledger (executed if its
                               postings and receipt exist, else failed); JSON report
  generate WS --entries N      append a synthetic history of at least N entries (tests and
                               benchmarks; needs the demo principals' keys)

Passphrases: init of a workspace that is not a demo seals the engine key with
COUNTERSIGN_ENGINE_PASSPHRASE (or asks on a terminal), and reconcile unlocks it with the
same; generate unlocks keys with COUNTERSIGN_PASSPHRASE. In a demo workspace both default
to "demo", and only there.

Options:
  -h, --help                   show this help
  -v, --version                show the version

Exit status:
  0  success
  1  the log or a proof does not hold (verify, verify-proof); decisions differ (replay);
     the policies differ (policy diff); a write refused on a log that does not verify
  2  usage or bad input
  3  evaluate: needs approval
  4  evaluate: denied
  5  workspace error: missing, not a Countersign workspace, already exists, schema newer
     than this binary, locked, another run in progress
  6  not allowed: an approver who may not, a publisher or a status change by someone who is
     not a risk manager
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

//! A passphrase held only as long as the command runs; wiped when it goes out of scope.
struct Passphrase
{
    std::string text;
    Passphrase() = default;
    Passphrase(Passphrase&& other) noexcept : text(std::move(other.text)) { other.wipe(); }
    Passphrase& operator=(Passphrase&& other) noexcept
    {
        wipe();
        text = std::move(other.text);
        other.wipe();
        return *this;
    }
    Passphrase(const Passphrase&) = delete;
    Passphrase& operator=(const Passphrase&) = delete;
    ~Passphrase() { wipe(); }
    void wipe()
    {
        sodium_memzero(text.data(), text.size());
        text.clear();
    }
};

std::string readLineWithoutEcho(const char* prompt)
{
    termios saved{};
    tcgetattr(STDIN_FILENO, &saved);
    termios silent = saved;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    std::cerr << prompt << std::flush;
    std::string line;
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::cerr << "\n";
    return line;
}

//! From the environment variable, else asked on the terminal (twice when `confirm`); empty
//! when neither is available or the two answers differ.
Passphrase readPassphrase(const char* variable, const char* prompt, bool confirm)
{
    Passphrase passphrase;
    if (const char* value = std::getenv(variable); value != nullptr && *value != '\0') {
        passphrase.text = value;
        return passphrase;
    }
    if (!isatty(STDIN_FILENO))
        return passphrase;
    passphrase.text = readLineWithoutEcho(prompt);
    if (confirm) {
        Passphrase again;
        again.text = readLineWithoutEcho("Repeat it: ");
        if (again.text != passphrase.text)
            passphrase.wipe();
    }
    return passphrase;
}

QString absolute(const QString& path)
{
    return QDir::cleanPath(QDir::current().absoluteFilePath(path));
}

//! Parses the command's own options; usage errors are reported and returned as ExitUsage.
std::optional<int> parse(QCommandLineParser& parser, const QStringList& arguments, std::ostream& err,
                         qsizetype positionals)
{
    for (const QString& argument : arguments.mid(1)) {
        // "-1" would read as option "1": say what it is instead.
        static const QRegularExpression negative(QStringLiteral("^-[0-9]"));
        if (negative.match(argument).hasMatch())
            return usageError(err, QStringLiteral("%1: a negative number; entry numbers and amounts are positive").arg(argument));
    }
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
    Passphrase passphrase;
    if (!demo) {
        passphrase = readPassphrase("COUNTERSIGN_ENGINE_PASSPHRASE", "Passphrase for the engine key: ", true);
        if (passphrase.text.empty())
            return usageError(err, QStringLiteral("a workspace that is not a demo needs a passphrase for its engine "
                                                  "key: set COUNTERSIGN_ENGINE_PASSPHRASE or run on a terminal"));
    }
    if (auto created = factory.createWorkspace(path.toStdString(), demo, parser.isSet(QStringLiteral("force")),
                                               passphrase.text);
        !created)
        return created.error().code == ErrorCode::InvalidInput ? usageError(err, QString::fromStdString(created.error().message))
                                                                : workspaceError(err, created.error());
    QJsonObject created{{QStringLiteral("workspace"), path}, {QStringLiteral("demo"), demo}, {QStringLiteral("created"), true}};
    if (demo) // public by design, so that the demo can be used at all; never a default elsewhere
        created.insert(QStringLiteral("key_passphrase"), QLatin1String(workspace::kDemoPassphrase));
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

//! Opens WS through the engine interface; errors are reported and returned as ExitWorkspace.
std::unique_ptr<api::Engine> openEngine(api::EngineFactory& factory, const QString& path, std::ostream& err, int& exit)
{
    auto engine = factory.openWorkspace(absolute(path).toStdString());
    if (!engine) {
        exit = workspaceError(err, engine.error());
        return nullptr;
    }
    return std::move(*engine);
}

//! A request to an open workspace failed: the workspace's own failures exit 5, anything the
//! request asked for that does not hold (no such entry, wrong passphrase, …) exits 2.
int requestError(std::ostream& err, const Error& error)
{
    switch (error.code) {
    case ErrorCode::StorageFailed:
    case ErrorCode::StorageBusy:
    case ErrorCode::NotAWorkspace:
    case ErrorCode::SchemaTooNew:
        return workspaceError(err, error);
    case ErrorCode::NotAllowed:
        err << "error: " << error.message << "\n";
        return ExitNotAllowed;
    case ErrorCode::NotIntact: // nothing was written: the log names its first bad entry
        err << "error: " << error.message << "\n";
        return ExitTampered;
    default:
        return usageError(err, QString::fromStdString(error.message));
    }
}

//! The commands whose only argument is WS: parses it and opens the workspace.
std::unique_ptr<api::Engine> openWorkspaceArgument(const QStringList& arguments, api::EngineFactory& factory,
                                                   std::ostream& err, int& exit)
{
    QCommandLineParser parser;
    if (auto failed = parse(parser, arguments, err, 1)) {
        exit = *failed;
        return nullptr;
    }
    return openEngine(factory, parser.positionalArguments().at(0), err, exit);
}

std::optional<std::int64_t> parseSeq(const QString& text)
{
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    if (!ok || value < 1 || text.startsWith(QLatin1Char('+')))
        return std::nullopt;
    return value;
}

int verify(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("full"), QString()});
    if (auto failed = parse(parser, arguments, err, 1))
        return *failed;
    int exit = ExitOk;
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine)
        return exit;
    const bool terminal = isatty(STDERR_FILENO) != 0;
    auto report = engine->verifyAuditLog(
        [&](std::int64_t done, std::int64_t total) {
            if (terminal)
                err << "\rverifying " << done << " / " << total << " entries" << std::flush;
        },
        parser.isSet(QStringLiteral("full")));
    if (terminal)
        err << "\n";
    if (!report)
        return workspaceError(err, report.error());
    QJsonArray problems;
    for (const auto& problem : report->problems)
        problems.append(QJsonObject{{QStringLiteral("seq"), static_cast<qint64>(problem.seq)},
                                    {QStringLiteral("reason"), QString::fromStdString(problem.reason)}});
    QJsonObject json{
        {QStringLiteral("intact"), report->intact()},
        {QStringLiteral("entries"), static_cast<qint64>(report->entries)},
        {QStringLiteral("signed_entries"), static_cast<qint64>(report->signedEntries)},
        {QStringLiteral("covered_by_checkpoints"), static_cast<qint64>(report->coveredEntries)},
        {QStringLiteral("checkpoints"), static_cast<qint64>(report->checkpoints)},
        {QStringLiteral("checkpoint_files"), static_cast<qint64>(report->checkpointFiles)},
        {QStringLiteral("consistency_proofs"), static_cast<qint64>(report->consistencyProofs)},
        {QStringLiteral("latest_checkpoint"), static_cast<qint64>(report->latestCheckpoint)},
        {QStringLiteral("root"), QString::fromStdString(report->root)},
        {QStringLiteral("receipts_replayed"), static_cast<qint64>(report->receiptsReplayed)},
        {QStringLiteral("balances_checked"), static_cast<qint64>(report->balancesChecked)},
        {QStringLiteral("problems"), problems},
    };
    if (const auto* first = report->first()) {
        json.insert(QStringLiteral("first_bad_seq"), static_cast<qint64>(first->seq));
        printJson(out, json);
        err << "error: audit log not intact: " << first->reason << "\n";
        return ExitTampered;
    }
    printJson(out, json);
    return ExitOk;
}

int prove(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    if (auto failed = parse(parser, arguments, err, 2))
        return *failed;
    const auto seq = parseSeq(parser.positionalArguments().at(1));
    if (!seq)
        return usageError(err, QStringLiteral("SEQ must be a positive entry number"));
    int exit = ExitOk;
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine)
        return exit;
    auto proof = engine->proveEntry(*seq);
    if (!proof)
        return requestError(err, proof.error());
    printJson(out, *proof);
    return ExitOk;
}

std::optional<QByteArray> readInput(const QString& path, std::ostream& err, int& exit)
{
    QFile file(path);
    if (path == QLatin1String("-") ? !file.open(stdin, QIODevice::ReadOnly) : !file.open(QIODevice::ReadOnly)) {
        exit = usageError(err, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    constexpr qint64 kMaxInput = 16 << 20;
    QByteArray bytes = file.read(kMaxInput + 1);
    if (bytes.size() > kMaxInput) { // never a part of it read as if it were the whole
        exit = usageError(err, QStringLiteral("%1 is larger than 16 MiB; refusing it rather than reading part of it").arg(path));
        return std::nullopt;
    }
    return bytes;
}

int verifyProof(const QStringList& arguments, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("key"), QString(), QStringLiteral("engine.pem")});
    if (auto failed = parse(parser, arguments, err, 1))
        return *failed;
    int exit = ExitOk;
    auto bytes = readInput(parser.positionalArguments().at(0), err, exit);
    if (!bytes)
        return exit;
    std::optional<identity::PublicKey> pinned;
    if (parser.isSet(QStringLiteral("key"))) {
        auto pem = readInput(parser.value(QStringLiteral("key")), err, exit);
        if (!pem)
            return exit;
        auto key = identity::publicKeyFromPem(pem->toStdString());
        if (!key)
            return usageError(err, QStringLiteral("--key: %1").arg(QString::fromStdString(key.error().message)));
        pinned = *key;
    }
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return usageError(err, QStringLiteral("%1 is not a JSON object").arg(parser.positionalArguments().at(0)));
    auto check = audit::verifyInclusionProof(document.object(), pinned);
    if (!check)
        return usageError(err, QString::fromStdString(check.error().message));
    QJsonObject json{{QStringLiteral("valid"), check->valid},
                     {QStringLiteral("seq"), static_cast<qint64>(check->seq)},
                     {QStringLiteral("type"), QString::fromStdString(check->type)},
                     {QStringLiteral("checkpoint_size"), static_cast<qint64>(check->checkpointSize)}};
    if (!check->valid) {
        json.insert(QStringLiteral("reason"), QString::fromStdString(check->reason));
        printJson(out, json);
        err << "error: proof does not verify: " << check->reason << "\n";
        return ExitTampered;
    }
    printJson(out, json);
    return ExitOk;
}

int exportReceipt(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("out"), QString(), QStringLiteral("DIR")});
    if (auto failed = parse(parser, arguments, err, 2))
        return *failed;
    const auto seq = parseSeq(parser.positionalArguments().at(1));
    if (!seq)
        return usageError(err, QStringLiteral("SEQ must be a positive entry number"));
    if (!parser.isSet(QStringLiteral("out")))
        return usageError(err, QStringLiteral("export-receipt needs --out DIR"));
    int exit = ExitOk;
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine)
        return exit;
    auto receipt = engine->exportReceipt(*seq);
    if (!receipt)
        return requestError(err, receipt.error());
    const std::filesystem::path dir = absolute(parser.value(QStringLiteral("out"))).toStdString();
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const std::string signature(reinterpret_cast<const char*>(receipt->signature.data()), receipt->signature.size());
    std::vector<std::pair<std::string, std::string>> files{
        {"receipt.json", receipt->receiptJson}, {"receipt.sig", signature}, {"engine.pem", receipt->enginePem}};
    if (receipt->proof)
        files.emplace_back("proof.json", QJsonDocument(*receipt->proof).toJson(QJsonDocument::Indented).toStdString());
    QJsonArray written;
    for (const auto& [name, bytes] : files) {
        if (auto saved = storage::writeFileDurably(dir / name, bytes); !saved)
            return workspaceError(err, saved.error());
        written.append(QString::fromStdString((dir / name).string()));
    }
    printJson(out, {{QStringLiteral("seq"), static_cast<qint64>(*seq)}, {QStringLiteral("files"), written}});
    return ExitOk;
}

int checkProposal(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("workspace"), QString(), QStringLiteral("WS")});
    if (auto failed = parse(parser, arguments, err, 1))
        return *failed;
    auto catalog = workspace::demoAssets();
    if (parser.isSet(QStringLiteral("workspace"))) {
        int exit = ExitOk;
        auto engine = openEngine(factory, parser.value(QStringLiteral("workspace")), err, exit);
        if (!engine)
            return exit;
        auto summary = engine->summary();
        if (!summary)
            return workspaceError(err, summary.error());
        std::vector<Asset> assets;
        for (const auto& asset : summary->assets) {
            if (auto made = Asset::make(asset.code, asset.decimals))
                assets.push_back(*made);
        }
        catalog = AssetCatalog(std::move(assets));
    }
    int exit = ExitOk;
    auto bytes = readInput(parser.positionalArguments().at(0), err, exit);
    if (!bytes)
        return exit;
    auto proposal = model::parseProposal(std::string_view(bytes->constData(), static_cast<std::size_t>(bytes->size())),
                                         catalog);
    if (!proposal) {
        err << "error: " << proposal.error().message << "\n";
        return ExitUsage;
    }
    out << canonicalProposal(*proposal) << "\n";
    return ExitOk;
}

//! The passphrase of keys to unlock: from `variable`, else asked on a terminal, else "demo" in
//! a demo workspace (and only there). Reports the failure and sets `exit` when there is none.
bool keyPassphrase(api::Engine& engine, const char* variable, Passphrase& passphrase, std::ostream& err, int& exit,
                   const char* prompt = "Passphrase: ")
{
    auto summary = engine.summary();
    if (!summary) {
        exit = workspaceError(err, summary.error());
        return false;
    }
    passphrase = readPassphrase(variable, prompt, false);
    if (passphrase.text.empty() && summary->demo)
        passphrase.text = workspace::kDemoPassphrase;
    if (passphrase.text.empty()) {
        exit = usageError(err, QStringLiteral("this command unlocks keys: set %1").arg(QLatin1String(variable)));
        return false;
    }
    return true;
}

//! The engine key, which every write needs: a demo workspace opens its own; any other opens it
//! with COUNTERSIGN_ENGINE_PASSPHRASE (or asks on a terminal). False once an error is reported.
bool unlockEngineKey(api::Engine& engine, std::ostream& err, int& exit)
{
    auto summary = engine.summary();
    if (!summary) {
        exit = workspaceError(err, summary.error());
        return false;
    }
    if (summary->demo)
        return true;
    Passphrase passphrase;
    if (!keyPassphrase(engine, "COUNTERSIGN_ENGINE_PASSPHRASE", passphrase, err, exit, "Passphrase of the engine key: "))
        return false;
    if (auto unlocked = engine.unlockEngine(passphrase.text); !unlocked) {
        exit = requestError(err, unlocked.error());
        return false;
    }
    return true;
}

//! What a signed write opens: the signer's key (COUNTERSIGN_PASSPHRASE, `prompt` on a
//! terminal) and the engine's. False once an error is reported.
bool signerPassphraseAndEngineKey(api::Engine& engine, const char* prompt, Passphrase& signer, std::ostream& err, int& exit)
{
    return keyPassphrase(engine, "COUNTERSIGN_PASSPHRASE", signer, err, exit, prompt) && unlockEngineKey(engine, err, exit);
}

//! Reads and checks policy file `path`: parse errors and static-check errors both refuse it.
std::optional<policy::Policy> readPolicy(const QString& path, std::vector<policy::Finding>& findings,
                                         std::ostream& err, int& exit)
{
    auto bytes = readInput(path, err, exit);
    if (!bytes)
        return std::nullopt;
    auto parsed = policy::parsePolicy(std::string_view(bytes->constData(), static_cast<std::size_t>(bytes->size())),
                                      workspace::demoAssets());
    if (!parsed) {
        err << "error: policy " << path.toStdString() << ": " << parsed.error().message << "\n";
        exit = ExitUsage;
        return std::nullopt;
    }
    findings = policy::checkPolicy(*parsed);
    return std::move(*parsed);
}

int evaluate(const QStringList& arguments, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("policy"), QString(), QStringLiteral("P")});
    parser.addOption({QStringLiteral("proposal"), QString(), QStringLiteral("X")});
    parser.addOption({QStringLiteral("usage"), QString(), QStringLiteral("U")});
    if (auto failed = parse(parser, arguments, err, 0))
        return *failed;
    if (!parser.isSet(QStringLiteral("policy")) || !parser.isSet(QStringLiteral("proposal")))
        return usageError(err, QStringLiteral("evaluate needs --policy P and --proposal X"));
    int exit = ExitOk;
    std::vector<policy::Finding> findings;
    auto read = readPolicy(parser.value(QStringLiteral("policy")), findings, err, exit);
    if (!read)
        return exit;
    for (const policy::Finding& finding : findings) {
        if (finding.error) {
            err << "error: policy " << parser.value(QStringLiteral("policy")).toStdString() << ": " << finding.message << "\n";
            return ExitUsage;
        }
    }
    const auto catalog = workspace::demoAssets();
    auto bytes = readInput(parser.value(QStringLiteral("proposal")), err, exit);
    if (!bytes)
        return exit;
    const std::string_view text(bytes->constData(), static_cast<std::size_t>(bytes->size()));
    auto proposal = model::parseProposal(text, catalog);
    if (!proposal) {
        err << "error: proposal: " << proposal.error().message << "\n";
        return ExitUsage;
    }
    policy::EvaluationInput input;
    input.context.now = SystemClock().now();
    input.context.prices = policy::demoPrices();
    if (parser.isSet(QStringLiteral("usage"))) {
        auto usageBytes = readInput(parser.value(QStringLiteral("usage")), err, exit);
        if (!usageBytes)
            return exit;
        auto parsed = policy::parseEvaluationInput(
            std::string_view(usageBytes->constData(), static_cast<std::size_t>(usageBytes->size())), catalog,
            input.context.now);
        if (!parsed) {
            err << "error: usage: " << parsed.error().message << "\n";
            return ExitUsage;
        }
        input = std::move(*parsed);
    }
    const policy::Evaluator evaluator(std::move(*read));
    policy::SpendWindows windows(evaluator);
    for (const policy::Spend& spend : input.spends) {
        if (auto added = windows.add(spend, input.context); !added) {
            err << "error: usage: " << added.error().message << "\n";
            return ExitUsage;
        }
    }
    const policy::Decision decision = evaluator.evaluate(*proposal, input.context, windows);
    const std::string canonical = canonicalProposal(*proposal);
    printJson(out, decision.toJson(*proposal, toHex(identity::sha256(canonical))));
    switch (decision.effect) {
    case policy::Effect::Allow: return ExitOk;
    case policy::Effect::RequireApproval: return ExitNeedsApproval;
    case policy::Effect::Deny: return ExitDenied;
    }
    return ExitDenied;
}

//! replay's report: counts and value by transition, then at most `maxChanges` changed decisions.
QJsonObject backtestJson(const api::BacktestSummary& report, std::size_t maxChanges = 1000)
{
    const auto qs = [](const std::string& text) { return QString::fromStdString(text); };
    const auto effect = [&](api::Effect value) { return qs(std::string(api::toString(value))); };
    QJsonArray transitions;
    for (const api::BacktestTransition& transition : report.transitions)
        transitions.append(QJsonObject{{QStringLiteral("from"), effect(transition.from)},
                                       {QStringLiteral("to"), effect(transition.to)},
                                       {QStringLiteral("count"), static_cast<qint64>(transition.count)},
                                       {QStringLiteral("value"), qs(transition.value)}});
    QJsonArray changes;
    for (std::size_t i = 0; i < report.changes.size() && i < maxChanges; ++i) {
        const api::BacktestChange& change = report.changes[i];
        QJsonArray rules;
        for (const std::string& rule : change.rules)
            rules.append(qs(rule));
        changes.append(QJsonObject{{QStringLiteral("intent"), qs(change.intent)},
                                   {QStringLiteral("agent"), qs(change.agent)},
                                   {QStringLiteral("at"), qs(change.at)},
                                   {QStringLiteral("before"), effect(change.before)},
                                   {QStringLiteral("after"), effect(change.after)},
                                   {QStringLiteral("rules"), rules},
                                   {QStringLiteral("amount"), qs(change.amount + " " + change.asset)},
                                   {QStringLiteral("value"), qs(change.value)}});
    }
    QJsonArray unpriced;
    for (const std::string& intent : report.unpriced)
        unpriced.append(qs(intent));
    return {{QStringLiteral("policy_version"), report.policyVersion.empty() ? QStringLiteral("recorded") : qs(report.policyVersion)},
            {QStringLiteral("proposals"), static_cast<qint64>(report.proposals)},
            {QStringLiteral("changed"), static_cast<qint64>(report.changes.size())},
            {QStringLiteral("currency"), qs(report.currency)},
            {QStringLiteral("allowed_value_before"), qs(report.allowedBefore)},
            {QStringLiteral("allowed_value_after"), qs(report.allowedAfter)},
            {QStringLiteral("transitions"), transitions},
            {QStringLiteral("changes"), changes},
            {QStringLiteral("changes_shown"), static_cast<qint64>(std::min(report.changes.size(), maxChanges))},
            {QStringLiteral("unpriced"), unpriced}};
}

int replay(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("policy"), QString(), QStringLiteral("P")});
    if (auto failed = parse(parser, arguments, err, 1))
        return *failed;
    int exit = ExitOk;
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine)
        return exit;
    QByteArray draft;
    if (parser.isSet(QStringLiteral("policy"))) {
        auto bytes = readInput(parser.value(QStringLiteral("policy")), err, exit);
        if (!bytes)
            return exit;
        if (bytes->isEmpty())
            return usageError(err, QStringLiteral("the draft policy %1 is empty").arg(parser.value(QStringLiteral("policy"))));
        draft = *bytes;
    }
    auto report = engine->backtestPolicy(std::string_view(draft.constData(), static_cast<std::size_t>(draft.size())));
    if (!report)
        return requestError(err, report.error());
    printJson(out, backtestJson(*report));
    return report->changes.empty() ? ExitOk : ExitTampered; // 1: decisions differ
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
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine)
        return exit;
    Passphrase passphrase;
    if (!signerPassphraseAndEngineKey(*engine, "Passphrase of the approver: ", passphrase, err, exit))
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
                       {QStringLiteral("state"), QString::fromStdString(outcome->state)},
                       {QStringLiteral("message"), QString::fromStdString(outcome->message)}};
    if (outcome->receiptSeq > 0)
        report.insert(QStringLiteral("receipt_seq"), static_cast<qint64>(outcome->receiptSeq));
    printJson(out, report);
    return ExitOk;
}

//! principal suspend|resume|revoke WS NAME --as RM --reason T: the kill switch.
int principalCommand(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    const QString sub = arguments.value(1);
    const std::map<QString, std::string> statuses{{QStringLiteral("suspend"), "suspended"},
                                                  {QStringLiteral("resume"), "active"},
                                                  {QStringLiteral("revoke"), "revoked"}};
    const auto status = statuses.find(sub);
    if (status == statuses.end())
        return usageError(err, QStringLiteral("principal needs suspend, resume or revoke, not '%1'").arg(sub));
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("as"), QString(), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("reason"), QString(), QStringLiteral("T")});
    if (auto failed = parse(parser, arguments.mid(1), err, 2))
        return *failed;
    if (!parser.isSet(QStringLiteral("as")))
        return usageError(err, QStringLiteral("principal %1 needs --as NAME (a risk manager)").arg(sub));
    const QString reason = parser.value(QStringLiteral("reason")).trimmed();
    if (reason.isEmpty())
        return usageError(err, QStringLiteral("principal %1 needs --reason T: a status change says why").arg(sub));
    int exit = ExitOk;
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine)
        return exit;
    Passphrase passphrase;
    if (!signerPassphraseAndEngineKey(*engine, "Passphrase of the risk manager: ", passphrase, err, exit))
        return exit;
    auto changed = engine->changePrincipalStatus(parser.positionalArguments().at(1).toStdString(), status->second,
                                                 parser.value(QStringLiteral("as")).toStdString(), reason.toStdString(),
                                                 passphrase.text);
    if (!changed)
        return requestError(err, changed.error());
    engine.reset(); // closing signs a checkpoint over the change
    printJson(out, {{QStringLiteral("principal"), QString::fromStdString(changed->principal)},
                    {QStringLiteral("from"), QString::fromStdString(changed->from)},
                    {QStringLiteral("to"), QString::fromStdString(changed->to)},
                    {QStringLiteral("entry_seq"), static_cast<qint64>(changed->entrySeq)},
                    {QStringLiteral("cancelled_requests"), changed->cancelledRequests}});
    return ExitOk;
}

int policyCommand(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    const QString sub = arguments.value(1);
    const QStringList rest = arguments.mid(1);
    if (sub == QLatin1String("check")) {
        QCommandLineParser parser;
        if (auto failed = parse(parser, rest, err, 1))
            return *failed;
        int exit = ExitOk;
        std::vector<policy::Finding> findings;
        auto read = readPolicy(parser.positionalArguments().at(0), findings, err, exit);
        if (!read)
            return exit;
        QJsonArray errors;
        QJsonArray warnings;
        for (const policy::Finding& finding : findings)
            (finding.error ? errors : warnings)
                .append(QJsonObject{{QStringLiteral("kind"), QString::fromStdString(finding.kind)},
                                    {QStringLiteral("rule"), QString::fromStdString(finding.rule)},
                                    {QStringLiteral("message"), QString::fromStdString(finding.message)}});
        printJson(out, {{QStringLiteral("valid"), errors.isEmpty()},
                        {QStringLiteral("name"), QString::fromStdString(read->name)},
                        {QStringLiteral("version"), QString::fromStdString(read->version)},
                        {QStringLiteral("rules"), static_cast<qint64>(read->rules.size())},
                        {QStringLiteral("errors"), errors},
                        {QStringLiteral("warnings"), warnings}});
        for (const policy::Finding& finding : findings) {
            if (finding.error)
                err << "error: " << finding.message << "\n";
        }
        return errors.isEmpty() ? ExitOk : ExitUsage;
    }
    if (sub == QLatin1String("diff")) {
        QCommandLineParser parser;
        if (auto failed = parse(parser, rest, err, 2))
            return *failed;
        int exit = ExitOk;
        std::vector<policy::Finding> ignored;
        auto before = readPolicy(parser.positionalArguments().at(0), ignored, err, exit);
        if (!before)
            return exit;
        auto after = readPolicy(parser.positionalArguments().at(1), ignored, err, exit);
        if (!after)
            return exit;
        const std::vector<std::string> lines = policy::diffPolicies(*before, *after);
        out << "--- " << before->version << "  " << before->name << "\n"
            << "+++ " << after->version << "  " << after->name << "\n";
        for (const std::string& line : lines)
            out << line << "\n";
        return lines.empty() ? ExitOk : ExitTampered; // like diff(1): 1 when they differ
    }
    if (sub == QLatin1String("export")) {
        QCommandLineParser parser;
        parser.addOption({QStringLiteral("out"), QString(), QStringLiteral("P")});
        if (auto failed = parse(parser, rest, err, 1))
            return *failed;
        if (!parser.isSet(QStringLiteral("out")))
            return usageError(err, QStringLiteral("policy export needs --out P"));
        int exit = ExitOk;
        auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
        if (!engine)
            return exit;
        auto versions = engine->policyVersions();
        if (!versions)
            return requestError(err, versions.error());
        if (versions->empty())
            return usageError(err, QStringLiteral("the workspace has no published policy"));
        const api::PolicyVersion& current = versions->front();
        const QByteArray pretty =
            QJsonDocument::fromJson(QByteArray::fromStdString(current.document)).toJson(QJsonDocument::Indented);
        if (auto written = storage::writeFileDurably(parser.value(QStringLiteral("out")).toStdString(), pretty.toStdString());
            !written)
            return usageError(err, QString::fromStdString(written.error().message));
        printJson(out, {{QStringLiteral("version"), QString::fromStdString(current.version)},
                        {QStringLiteral("name"), QString::fromStdString(current.name)},
                        {QStringLiteral("signer"), QString::fromStdString(current.signer)},
                        {QStringLiteral("published_at"), QString::fromStdString(current.publishedAt)},
                        {QStringLiteral("out"), absolute(parser.value(QStringLiteral("out")))}});
        return ExitOk;
    }
    if (sub == QLatin1String("publish")) {
        QCommandLineParser parser;
        parser.addOption({QStringLiteral("as"), QString(), QStringLiteral("NAME")});
        if (auto failed = parse(parser, rest, err, 2))
            return *failed;
        if (!parser.isSet(QStringLiteral("as")))
            return usageError(err, QStringLiteral("policy publish needs --as NAME (a risk manager)"));
        int exit = ExitOk;
        auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
        if (!engine)
            return exit;
        auto bytes = readInput(parser.positionalArguments().at(1), err, exit);
        if (!bytes)
            return exit;
        Passphrase passphrase;
        if (!signerPassphraseAndEngineKey(*engine, "Passphrase of the signer: ", passphrase, err, exit))
            return exit;
        auto published = engine->publishPolicy(std::string_view(bytes->constData(), static_cast<std::size_t>(bytes->size())),
                                               parser.value(QStringLiteral("as")).toStdString(), passphrase.text);
        if (!published)
            return requestError(err, published.error());
        engine.reset(); // closing signs a checkpoint over the publication
        QJsonArray warnings;
        for (const std::string& warning : published->warnings)
            warnings.append(QString::fromStdString(warning));
        printJson(out, {{QStringLiteral("warnings"), warnings},
                        {QStringLiteral("version"), QString::fromStdString(published->version)},
                        {QStringLiteral("name"), QString::fromStdString(published->name)},
                        {QStringLiteral("signer"), QString::fromStdString(published->signer)},
                        {QStringLiteral("rules"), published->rules},
                        {QStringLiteral("entry_seq"), static_cast<qint64>(published->entrySeq)}});
        return ExitOk;
    }
    return usageError(err, sub.isEmpty() ? QStringLiteral("policy needs a subcommand (check, diff, export, publish)")
                                         : QStringLiteral("unknown policy subcommand '%1'").arg(sub));
}


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
        const QString state = QString::fromStdString(result.state);
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

int receipts(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    int exit = ExitOk;
    auto engine = openWorkspaceArgument(arguments, factory, err, exit);
    if (!engine)
        return exit;
    auto list = engine->receipts();
    if (!list)
        return requestError(err, list.error());
    QJsonArray items;
    for (const api::ReceiptRef& receipt : *list)
        items.append(QJsonObject{{QStringLiteral("intent"), QString::fromStdString(receipt.intent)},
                                 {QStringLiteral("agent"), QString::fromStdString(receipt.agent)},
                                 {QStringLiteral("receipt_seq"), static_cast<qint64>(receipt.seq)},
                                 {QStringLiteral("settled_at"), QString::fromStdString(receipt.settledAt)}});
    out << QJsonDocument(items).toJson(QJsonDocument::Indented).toStdString();
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
        if (item.priceImpactBps >= 0) {
            now.insert(QStringLiteral("fee"), QString::fromStdString(item.fee));
            now.insert(QStringLiteral("expected_out"), QString::fromStdString(item.expectedOut));
            now.insert(QStringLiteral("price_impact_bps"), item.priceImpactBps);
        }
        queue.append(QJsonObject{
            {QStringLiteral("id"), QString::fromStdString(item.intent)},
            {QStringLiteral("agent"), QString::fromStdString(item.agent)},
            {QStringLiteral("proposal"), QJsonDocument::fromJson(QByteArray::fromStdString(item.proposal)).object()},
            {QStringLiteral("decision"), QJsonDocument::fromJson(QByteArray::fromStdString(item.decision)).object()},
            {QStringLiteral("reason"), QString::fromStdString(item.reason)},
            {QStringLiteral("subject_sha256"), QString::fromStdString(item.subjectSha256)},
            {QStringLiteral("expires_at"), QString::fromStdString(item.expiresAt)},
            {QStringLiteral("requested_at"), QString::fromStdString(item.requestedAt)},
            {QStringLiteral("expired"), item.expired},
            {QStringLiteral("approved_by"), strings(item.approvedBy)},
            {QStringLiteral("still_needed"), strings(item.stillNeeded)},
            {QStringLiteral("if_settled_now"), now}});
    }
    out << QJsonDocument(queue).toJson(QJsonDocument::Indented).toStdString();
    return ExitOk;
}

int reconcile(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    int exit = ExitOk;
    auto engine = openWorkspaceArgument(arguments, factory, err, exit);
    if (!engine)
        return exit;
    if (!unlockEngineKey(*engine, err, exit))
        return exit;
    auto reconciled = engine->reconcile();
    if (!reconciled)
        return requestError(err, reconciled.error());
    QJsonArray resolved;
    for (const auto& item : reconciled->resolved)
        resolved.append(QJsonObject{{QStringLiteral("idempotency_key"), QString::fromStdString(item.idempotencyKey)},
                                    {QStringLiteral("intent"), QString::fromStdString(item.intent)},
                                    {QStringLiteral("resolution"), QString::fromStdString(item.resolution)},
                                    {QStringLiteral("reason"), QString::fromStdString(item.reason)}});
    printJson(out, {{QStringLiteral("interrupted"), reconciled->interrupted}, {QStringLiteral("resolved"), resolved}});
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
    if (command == QLatin1String("verify"))
        return verify(rest, factory, out, err);
    if (command == QLatin1String("prove"))
        return prove(rest, factory, out, err);
    if (command == QLatin1String("verify-proof"))
        return verifyProof(rest, out, err);
    if (command == QLatin1String("export-receipt"))
        return exportReceipt(rest, factory, out, err);
    if (command == QLatin1String("check-proposal"))
        return checkProposal(rest, factory, out, err);
    if (command == QLatin1String("evaluate"))
        return evaluate(rest, out, err);
    if (command == QLatin1String("policy"))
        return policyCommand(rest, factory, out, err);
    if (command == QLatin1String("principal"))
        return principalCommand(rest, factory, out, err);
    if (command == QLatin1String("replay"))
        return replay(rest, factory, out, err);
    if (command == QLatin1String("approve"))
        return verdict(rest, true, factory, out, err);
    if (command == QLatin1String("reject"))
        return verdict(rest, false, factory, out, err);
    if (command == QLatin1String("run"))
        return runIntents(rest, factory, out, err);
    if (command == QLatin1String("queue"))
        return queue(rest, factory, out, err);
    if (command == QLatin1String("receipts"))
        return receipts(rest, factory, out, err);
    if (command == QLatin1String("reconcile"))
        return reconcile(rest, factory, out, err);
    if (command == QLatin1String("generate"))
        return generate(rest, factory, out, err);
    return usageError(err, QStringLiteral("unknown command '%1'").arg(command));
}

} // namespace cs::cli
