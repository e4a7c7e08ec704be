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
    if (parser.isSet(QStringLiteral("key"))) {
        pem = readInput(parser.value(QStringLiteral("key")), err, exit);
        if (!pem)
            return exit;
    }
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return usageError(err, QStringLiteral("%1 is not a JSON object").arg(parser.positionalArguments().at(0)));
    auto check = api::verifyInclusionProof(document.object(), pem ? std::optional(std::string_view(pem->constData(),
                                                                                                   static_cast<std::size_t>(pem->size())))
                                                                  : std::nullopt);
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
        if (auto saved = api::writeFileDurably(dir / name, bytes); !saved)
            return workspaceError(err, saved.error());
        written.append(QString::fromStdString((dir / name).string()));
    }
    printJson(out, {{QStringLiteral("seq"), static_cast<qint64>(*seq)}, {QStringLiteral("files"), written}});
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
        {"reconcile",
         "reconcile WS",
         "settlements a crash interrupted are marked unknown, then each\nunknown one is resolved from the ledger (executed if its\npostings and receipt exist, else failed); JSON report",
         reconcile},
    };
    return commands;
}

} // namespace cs::cli
