// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// countersign-cli, the audit commands.
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
#include <QSaveFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cs::cli {

namespace {

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
        parser.isSet(QStringLiteral("full")), {});
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

int verifyProof(const QStringList& arguments, api::EngineFactory&, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("key"), QString(), QStringLiteral("engine.pem")});
    if (auto failed = parse(parser, arguments, err, 1))
        return *failed;
    int exit = ExitOk;
    auto bytes = readInput(parser.positionalArguments().at(0), err, exit);
    if (!bytes)
        return exit;
    std::optional<QByteArray> pem;
    if (!readPinnedKey(parser, pem, err, exit))
        return exit;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return usageError(err, QStringLiteral("%1 is not a JSON object").arg(parser.positionalArguments().at(0)));
    auto check = api::verifyInclusionProof(document.object(), pemView(pem));
    if (!check)
        return usageError(err, QString::fromStdString(check.error().message));
    QJsonObject json{{QStringLiteral("valid"), check->valid},
                     {QStringLiteral("seq"), static_cast<qint64>(check->seq)},
                     {QStringLiteral("type"), QString::fromStdString(check->type)},
                     {QStringLiteral("checkpoint_size"), static_cast<qint64>(check->checkpointSize)}};
    if (!check->valid)
        json.insert(QStringLiteral("reason"), QString::fromStdString(check->reason));
    return verdict(out, err, json, check->valid, "proof does not verify: " + check->reason);
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
        if (auto saved = api::writeFileDurably(dir / name, bytes); !saved)
            return workspaceError(err, saved.error());
        written.append(QString::fromStdString((dir / name).string()));
    }
    printJson(out, {{QStringLiteral("seq"), static_cast<qint64>(*seq)}, {QStringLiteral("files"), written}});
    return ExitOk;
}

//! export WS --format jsonl|csv [--out F] [--from SEQ] [--to SEQ]
int exportLog(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("format"), QString(), QStringLiteral("F")});
    parser.addOption({QStringLiteral("out"), QString(), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("from"), QString(), QStringLiteral("SEQ")});
    parser.addOption({QStringLiteral("to"), QString(), QStringLiteral("SEQ")});
    if (auto failed = parse(parser, arguments, err, 1))
        return *failed;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("jsonl") && format != QLatin1String("csv"))
        return usageError(err, QStringLiteral("--format must be jsonl or csv"));
    std::int64_t range[2] = {1, 0};
    for (int i = 0; i < 2; ++i) {
        const QString name = i == 0 ? QStringLiteral("from") : QStringLiteral("to");
        if (!parser.isSet(name))
            continue;
        const auto seq = parseSeq(parser.value(name));
        if (!seq)
            return usageError(err, QStringLiteral("--%1 must be a positive entry number").arg(name));
        range[i] = *seq;
    }
    int exit = ExitOk;
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine)
        return exit;
    const bool toFile = parser.isSet(QStringLiteral("out"));
    QSaveFile file(absolute(parser.value(QStringLiteral("out"))));
    if (toFile && !file.open(QIODevice::WriteOnly))
        return workspaceError(err, Error{ErrorCode::StorageFailed, "cannot write " + file.fileName().toStdString() + ": "
                                                                      + file.errorString().toStdString()});
    const auto write = [&](std::string_view chunk) -> Result<void> {
        if (!toFile) {
            out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
            return {};
        }
        if (file.write(chunk.data(), static_cast<qint64>(chunk.size())) != static_cast<qint64>(chunk.size()))
            return fail(ErrorCode::StorageFailed, "cannot write " + file.fileName().toStdString() + ": " + file.errorString().toStdString());
        return {};
    };
    auto written = engine->exportAuditLog(format == QLatin1String("csv") ? api::LogFormat::Csv : api::LogFormat::JsonLines,
                                          range[0], range[1], write, {}, {});
    if (!written)
        return requestError(err, written.error());
    if (!toFile)
        return ExitOk;
    if (!file.commit())
        return workspaceError(err, Error{ErrorCode::StorageFailed, "cannot write " + file.fileName().toStdString()});
    printJson(out, {{QStringLiteral("entries"), static_cast<qint64>(*written)},
                    {QStringLiteral("format"), format},
                    {QStringLiteral("file"), file.fileName()}});
    return ExitOk;
}

//! evidence WS ID --out DIR
int evidence(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("out"), QString(), QStringLiteral("DIR")});
    if (auto failed = parse(parser, arguments, err, 2))
        return *failed;
    if (!parser.isSet(QStringLiteral("out")))
        return usageError(err, QStringLiteral("evidence needs --out DIR"));
    const std::filesystem::path dir = absolute(parser.value(QStringLiteral("out"))).toStdString();
    std::error_code ec;
    if (std::filesystem::exists(dir, ec) && !std::filesystem::is_empty(dir, ec))
        return usageError(err, QStringLiteral("%1 is not empty: evidence goes into a new directory").arg(QString::fromStdString(dir.string())));
    int exit = ExitOk;
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine)
        return exit;
    auto bundle = engine->evidenceBundle(parser.positionalArguments().at(1).toStdString());
    if (!bundle)
        return requestError(err, bundle.error());
    for (const auto& [name, bytes] : bundle->files) {
        const std::filesystem::path path = dir / name;
        std::filesystem::create_directories(path.parent_path(), ec);
        if (auto saved = api::writeFileDurably(path, bytes); !saved)
            return workspaceError(err, saved.error());
    }
    printJson(out, {{QStringLiteral("intent"), parser.positionalArguments().at(1)},
                    {QStringLiteral("dir"), QString::fromStdString(dir.string())},
                    {QStringLiteral("files"), static_cast<qint64>(bundle->files.size())},
                    {QStringLiteral("entries"), static_cast<qint64>(bundle->entries)},
                    {QStringLiteral("checkpoint_size"), static_cast<qint64>(bundle->checkpointSize)}});
    return ExitOk;
}

//! A bundle's files read back, bounded: regular files only, at most 10,000 of 16 MiB each.
std::optional<std::map<std::string, std::string>> readBundle(const std::filesystem::path& dir, std::ostream& err, int& exit)
{
    constexpr std::size_t kMaxFiles = 10'000;
    constexpr std::uintmax_t kMaxFileBytes = 16u << 20;
    std::map<std::string, std::string> files;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        exit = usageError(err, QStringLiteral("%1 is not a directory").arg(QString::fromStdString(dir.string())));
        return std::nullopt;
    }
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); !ec && it != std::filesystem::recursive_directory_iterator();
         it.increment(ec)) {
        const std::string name = std::filesystem::relative(it->path(), dir, ec).generic_string();
        if (it->is_symlink(ec) || (!it->is_directory(ec) && !it->is_regular_file(ec))) {
            exit = usageError(err, QStringLiteral("%1: not a regular file").arg(QString::fromStdString(name)));
            return std::nullopt;
        }
        if (it->is_directory(ec))
            continue;
        if (files.size() >= kMaxFiles || it->file_size(ec) > kMaxFileBytes) {
            exit = usageError(err, QStringLiteral("%1: the bundle is larger than any evidence bundle").arg(QString::fromStdString(name)));
            return std::nullopt;
        }
        QFile file(QString::fromStdString(it->path().string()));
        if (!file.open(QIODevice::ReadOnly)) {
            exit = usageError(err, QStringLiteral("%1: %2").arg(QString::fromStdString(name), file.errorString()));
            return std::nullopt;
        }
        files.emplace(name, file.readAll().toStdString());
    }
    if (ec) {
        exit = usageError(err, QStringLiteral("cannot read %1: %2").arg(QString::fromStdString(dir.string()), QString::fromStdString(ec.message())));
        return std::nullopt;
    }
    return files;
}

//! verify-evidence DIR [--key engine.pem]
int verifyEvidence(const QStringList& arguments, api::EngineFactory&, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("key"), QString(), QStringLiteral("engine.pem")});
    if (auto failed = parse(parser, arguments, err, 1))
        return *failed;
    int exit = ExitOk;
    std::optional<QByteArray> pem;
    if (!readPinnedKey(parser, pem, err, exit))
        return exit;
    const auto files = readBundle(absolute(parser.positionalArguments().at(0)).toStdString(), err, exit);
    if (!files)
        return exit;
    auto check = api::verifyEvidence(*files, pemView(pem));
    if (!check)
        return usageError(err, QString::fromStdString(check.error().message));
    QJsonObject json{{QStringLiteral("valid"), check->valid},
                     {QStringLiteral("intent"), QString::fromStdString(check->intent)},
                     {QStringLiteral("entries"), static_cast<qint64>(check->entries)},
                     {QStringLiteral("signatures"), static_cast<qint64>(check->signatures)},
                     {QStringLiteral("checkpoint_size"), static_cast<qint64>(check->checkpointSize)}};
    if (!check->valid) {
        json.insert(QStringLiteral("file"), QString::fromStdString(check->file));
        json.insert(QStringLiteral("reason"), QString::fromStdString(check->reason));
    }
    return verdict(out, err, json, check->valid, check->file + ": " + check->reason);
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

QJsonObject replayedJson(const api::ProposalReplay& replayed, bool everyStep)
{
    const auto parsed = [](const std::string& text) {
        return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
    };
    QJsonArray steps;
    for (const api::ReplayStep& step : replayed.steps) {
        if (!everyStep && step.identical)
            continue;
        QJsonObject shown{{QStringLiteral("stage"), QString::fromUtf8(api::toString(step.stage))},
                          {QStringLiteral("seq"), static_cast<qint64>(step.seq)},
                          {QStringLiteral("identical"), step.identical},
                          {QStringLiteral("reason"), QString::fromStdString(step.reason)}};
        if (!step.identical)
            shown.insert(QStringLiteral("field"), QString::fromStdString(step.field));
        if (!step.recorded.empty())
            shown.insert(QStringLiteral("recorded"), parsed(step.recorded));
        if (!step.recomputed.empty())
            shown.insert(QStringLiteral("recomputed"), parsed(step.recomputed));
        steps.append(shown);
    }
    QJsonArray entries;
    for (std::int64_t seq : replayed.entries)
        entries.append(static_cast<qint64>(seq));
    QJsonObject out{{QStringLiteral("intent"), QString::fromStdString(replayed.intent)},
                    {QStringLiteral("agent"), QString::fromStdString(replayed.agent)},
                    {QStringLiteral("identical"), replayed.identical()},
                    {QStringLiteral("entries"), entries},
                    {QStringLiteral("steps"), steps}};
    if (const api::ReplayStep* first = replayed.firstDivergence()) {
        out.insert(QStringLiteral("divergence"),
                   QJsonObject{{QStringLiteral("stage"), QString::fromUtf8(api::toString(first->stage))},
                               {QStringLiteral("seq"), static_cast<qint64>(first->seq)},
                               {QStringLiteral("field"), QString::fromStdString(first->field)}});
    }
    return out;
}

} // namespace

int replayFromLog(api::Engine& engine, const QString& proposal, std::ostream& out, std::ostream& err)
{
    auto report = engine.replayLog(proposal.toStdString(), {}, {});
    if (!report)
        return requestError(err, report.error());
    QJsonArray replayed;
    for (const api::ProposalReplay& each : report->replayed)
        replayed.append(replayedJson(each, !proposal.isEmpty()));
    printJson(out, {{QStringLiteral("entries"), static_cast<qint64>(report->entries)},
                    {QStringLiteral("proposals"), static_cast<qint64>(report->proposals)},
                    {QStringLiteral("divergent"), static_cast<qint64>(report->divergent)},
                    {proposal.isEmpty() ? QStringLiteral("divergences") : QStringLiteral("proposal"),
                     proposal.isEmpty() ? QJsonValue(replayed) : replayed.first()}});
    const bool identical = proposal.isEmpty() ? report->divergent == 0 : report->replayed.front().identical();
    return identical ? ExitOk : ExitTampered;
}

const std::vector<Command>& auditCommands()
{
    static const std::vector<Command> commands{
        {"verify",
         "verify WS [--full]",
         "verify the audit log: hash chain, Merkle root against the\nsigned checkpoints (in the database and in WS/checkpoints),\nconsistency proofs, every signature by a key other than the\nengine's and every entry after the newest checkpoint (what\nthe engine signed below it, its signed roots cover; --full\nchecks each of those signatures too); then the money: every\nbalance and lending position recomputed from the log (signed\nopening balances, then each receipt's postings) against the\nledger, settlements and postings against their receipts, and\nSQLite's quick_check; progress on stderr",
         verify},
        {"prove",
         "prove WS SEQ",
         "an RFC 9162 inclusion proof of entry SEQ against a signed\ncheckpoint, as JSON (self-contained: checkpoint and engine key)",
         prove},
        {"verify-proof",
         "verify-proof PROOF.json [--key engine.pem]",
         "verify a proof without any database; --key pins the engine key",
         verifyProof},
        {"receipts",
         "receipts WS",
         "every settlement's receipt entry as JSON (intent, agent,\nreceipt_seq, settled_at): the SEQ export-receipt takes",
         receipts},
        {"export-receipt",
         "export-receipt WS SEQ --out DIR",
         "write receipt.json, receipt.sig (raw Ed25519 signature over\nreceipt.json), engine.pem and proof.json for a receipt entry",
         exportReceipt},
        {"export",
         "export WS --format jsonl|csv [--out F] [--from SEQ] [--to SEQ]",
         "the log's entries in order (all, or SEQ to SEQ), to F or\nstdout. jsonl: one line per entry, exactly its entry bytes\n(SHA-256 of 0x00 and the line is its Merkle leaf hash); csv:\nRFC 4180 with a header, seq,time,type,actor,sig,prev,leaf,body",
         exportLog},
        {"evidence",
         "evidence WS ID --out DIR",
         "the evidence for proposal ID, checkable with no workspace: its\nentries (and the registrations of every key that signed one),\nan inclusion proof of each against one signed checkpoint in\nthe layout of C2SP tlog-proof, the checkpoint, the engine's\nand the signers' public keys, a manifest; into a new DIR",
         evidence},
        {"verify-evidence",
         "verify-evidence DIR [--key engine.pem]",
         "check an evidence bundle with nothing but its files: the\ncheckpoint's signature, every entry's path to its root, every\nsignature, no file unaccounted for; exit 1 naming the first\nfile that does not hold. --key pins the engine key",
         verifyEvidence},
        {"reconcile",
         "reconcile WS",
         "settlements a crash interrupted are marked unknown, then each\nunknown one is resolved from the ledger (executed if its\npostings and receipt exist, else failed); JSON report",
         reconcile},
    };
    return commands;
}

} // namespace cs::cli
