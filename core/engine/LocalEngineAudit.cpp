// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/LogReads.h"
#include "core/engine/LocalEngine.h"
// LocalEngine's audit side: verification, proofs, receipts, reconciliation, synthetic history.

#include "core/audit/Generator.h"
#include "core/audit/Proofs.h"
#include "core/audit/Seen.h"
#include "core/settlement/LedgerCheck.h"
#include "core/replay/Replay.h"
#include "core/audit/Export.h"
#include "core/audit/Evidence.h"
#include "core/audit/Timeline.h"

#include "core/approval/Approvals.h"
#include "core/audit/AuditLog.h"
#include "core/engine/Pipeline.h"
#include "core/model/OpenAiBackend.h"
#include "core/domain/Encoding.h"
#include "core/domain/Ids.h"
#include "core/domain/Money.h"
#include "core/identity/Registry.h"
#include "core/model/ProposalParser.h"
#include "core/policy/Backtest.h"
#include "core/policy/Checks.h"
#include "core/policy/Evaluator.h"
#include "core/policy/Publish.h"
#include "core/store/Ledger.h"
#include "core/simulation/Simulator.h"
#include "core/simulation/WorldState.h"
#include "core/storage/Files.h"
#include "core/storage/Migrations.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <limits>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <map>

namespace cs::engine {

namespace fs = std::filesystem;
using storage::Database;

namespace {

//! The seam's view of a verification.
api::VerifySummary summaryOf(const audit::VerifyReport& report)
{
    api::VerifySummary out;
    out.entries = report.entries;
    out.signedEntries = report.signedEntries;
    out.coveredEntries = report.coveredEntries;
    out.checkpoints = report.checkpoints;
    out.checkpointFiles = report.checkpointFiles;
    out.consistencyProofs = report.consistencyProofs;
    out.latestCheckpoint = static_cast<std::int64_t>(report.latestCheckpoint);
    out.root = toHex(report.root);
    out.receiptsReplayed = report.receiptsReplayed;
    out.balancesChecked = report.balancesChecked;
    for (const audit::Problem& problem : report.problems)
        out.problems.push_back({problem.seq, problem.reason});
    return out;
}

} // namespace

Result<std::int64_t> LocalEngine::exportAuditLog(api::LogFormat format, std::int64_t from, std::int64_t to,
                                                 const std::function<Result<void>(std::string_view chunk)>& write,
                                                 const api::ProgressFn& progress, std::stop_token stop)
{
    std::lock_guard lock(m_readMutex);
    return observed(audit::exportEntries(m_reader, from, to,
                                         format == api::LogFormat::Csv ? audit::ExportFormat::Csv : audit::ExportFormat::JsonLines,
                                         write, progress, stop));
}

Result<std::vector<std::int64_t>> LocalEngine::auditMatches(const api::AuditQuery& query)
{
    std::lock_guard lock(m_browseMutex);
    return observed(audit::matchingEntries(m_browser, query));
}

Result<api::AuditHistogram> LocalEngine::auditHistogram(const api::AuditQuery& query)
{
    std::lock_guard lock(m_readMutex);
    return observed(audit::histogramOf(m_reader, query));
}

Result<std::vector<api::AuditRow>> LocalEngine::auditRows(const std::vector<std::int64_t>& seqs)
{
    std::lock_guard lock(m_browseMutex);
    return observed(audit::rowsOf(m_browser, seqs));
}

Result<api::AuditEntryDetail> LocalEngine::auditEntry(std::int64_t seq)
{
    CS_TRY(key, engineKey());
    std::lock_guard lock(m_readMutex);
    return observed(audit::entryDetail(m_reader, seq, *key));
}

Result<api::EvidenceBundle> LocalEngine::evidenceBundle(const std::string& intent)
{
    CS_TRY(key, engineKey());
    std::lock_guard lock(m_readMutex);
    return observed([&]() -> Result<api::EvidenceBundle> {
        CS_TRY(files, audit::buildEvidence(m_reader, intent, *key));
        api::EvidenceBundle bundle;
        const QJsonObject manifest = QJsonDocument::fromJson(QByteArray::fromStdString(files->at("manifest.json"))).object();
        bundle.checkpointSize = manifest.value(QStringLiteral("checkpoint_size")).toInteger();
        for (auto& [name, bytes] : *files) {
            if (name.rfind("entries/", 0) == 0)
                ++bundle.entries;
            bundle.files.emplace_back(name, std::move(bytes));
        }
        return bundle;
    }());
}

Result<api::ReplaySummary> LocalEngine::replayLog(const std::string& intent, const api::ProgressFn& progress,
                                                   std::stop_token stop)
{
    std::lock_guard lock(m_readMutex);
    return observed([&]() -> Result<api::ReplaySummary> {
        replay::Options options;
        options.intent = intent;
        return replay::replayLog(m_reader, options, progress, stop);
    }());
}

Result<audit::VerifyReport> LocalEngine::verifyAgainstSeen(const audit::ProgressFn& progress, bool full,
                                                           bool everySignature, std::stop_token stop)
{
    CS_TRY(key, engineKey());
    std::lock_guard lock(m_readMutex);
    CS_TRY(transaction, storage::Transaction::beginRead(m_reader)); // one snapshot of the log and its checkpoints
    CS_TRY(origin, audit::readOrigin(m_reader));
    audit::VerifyOptions options;
    options.checkpointsDir = m_dir / workspace::kCheckpointsDir;
    options.keyFileKey = *key;
    options.progress = progress;
    options.stop = std::move(stop);
    options.consistencyProofs = full;
    options.engineEntrySignatures = everySignature;
    auto seen = audit::readSeen(*origin);
    if (!seen) {
        audit::VerifyReport report;
        report.problems.push_back({0, seen.error().message});
        return report;
    }
    if (*seen) {
        options.seen = (*seen)->checkpoint;
        options.trustedPrefix = full ? 0 : (*seen)->verifiedSize;
    }
    CS_TRY(report, audit::verifyLog(m_reader, options));
    if (report->intact()) {
        // This user has now seen (and checked every signature under) the newest checkpoint.
        CS_TRY(checkpoints, audit::readCheckpoints(m_reader));
        if (!checkpoints->empty()) {
            CS_TRY(recorded, audit::recordSeen({checkpoints->back(), checkpoints->back().size}, *key));
        }
    }
    return report;
}

Result<api::VerifySummary> LocalEngine::verifyAuditLog(const api::ProgressFn& progress, bool everySignature, std::stop_token stop)
{
    return observed([&]() -> Result<api::VerifySummary> {
        CS_TRY(report, verifyAgainstSeen(progress, true, everySignature, stop));
        api::VerifySummary summary = summaryOf(*report);
        if (!report->intact())
            return summary; // the money is recomputed only from a log that holds
        // The money, not only the log: every balance recomputed from the log, and the ledger's tables against it.
        std::lock_guard lock(m_readMutex);
        CS_TRY(ledger, settlement::verifyLedger(m_reader));
        summary.receiptsReplayed = ledger->receipts;
        summary.balancesChecked = ledger->balances;
        for (const audit::Problem& problem : ledger->problems)
            summary.problems.push_back({problem.seq, problem.reason});
        return summary;
    }());
}

Result<api::VerifySummary> LocalEngine::checkIntegrity(const api::ProgressFn& progress)
{
    std::lock_guard guard(m_integrityMutex);
    if (!m_integrity) {
        auto report = verifyAgainstSeen(progress, false, false, {});
        m_integrity = report ? Result<api::VerifySummary>(summaryOf(*report)) : Result<api::VerifySummary>(Unexpected{report.error()});
        if (*m_integrity && !(*m_integrity)->intact()) {
            const api::VerifyProblem* first = (*m_integrity)->first();
            m_readOnly = true;
            setStatus({api::EngineState::ReadOnly,
                       "the audit log does not verify (" + first->reason + "); nothing will be written"});
        }
    }
    return *m_integrity;
}

Result<QJsonObject> LocalEngine::proveEntry(std::int64_t seq)
{
    CS_TRY(key, engineKey());
    std::lock_guard lock(m_readMutex);
    return observed(audit::proveInclusion(m_reader, seq, *key));
}

Result<api::ReceiptExport> LocalEngine::exportReceipt(std::int64_t seq)
{
    CS_TRY(key, engineKey());
    std::lock_guard lock(m_readMutex);
    CS_TRY(receipt, observed(audit::exportReceipt(m_reader, seq, *key)));
    return api::ReceiptExport{receipt->receiptJson,
                              std::string(reinterpret_cast<const char*>(receipt->signature.data()), receipt->signature.size()),
                              receipt->enginePem, receipt->proof};
}

Result<std::vector<api::ReceiptRef>> LocalEngine::receipts()
{
    std::lock_guard lock(m_readMutex);
    std::vector<api::ReceiptRef> out;
    CS_TRY(executed, store::settlements(m_reader, "executed"));
    for (const store::SettlementRow& row : *executed) {
        if (row.receiptSeq > 0)
            out.push_back({row.intent, row.agent, row.receiptSeq, toIso8601(row.updated)});
    }
    std::sort(out.begin(), out.end(), [](const api::ReceiptRef& a, const api::ReceiptRef& b) { return a.seq < b.seq; });
    return observed(Result<std::vector<api::ReceiptRef>>(std::move(out)));
}

Result<api::GeneratedHistory> LocalEngine::generateHistory(std::int64_t entries, std::string_view passphrase)
{
    const Announcing announcing{*this};
    // No passphrase: a demo's engine key, with its public passphrase.
    CS_TRY(engine, passphrase.empty() ? engineKeyReady() : unlockEngine(passphrase));
    CS_TRY(alice, principalKey("alice", passphrase));
    CS_TRY(bob, principalKey("bob", passphrase));
    CS_TRY(rita, principalKey("rita", passphrase));
    const audit::GeneratorKeys signers{&*m_engineSigner, &*alice, &*bob, &*rita};
    CS_TRY(generated, m_writer->run([&](Database& db) -> Result<audit::GenerateSummary> {
        CS_TRY(origin, audit::readOrigin(db));
        return audit::generateHistory(db, entries, signers, *m_clock, checkpointPolicy(*origin));
    }));
    return api::GeneratedHistory{generated->appended, generated->proposals, generated->signedEntries, generated->firstSeq,
                                 generated->lastSeq};
}

Result<api::Reconciliation> LocalEngine::reconcile()
{
    const Announcing announcing{*this};
    CS_TRY(unlocked, engineKeyReady());
    CS_TRY(origin, m_writer->run([](Database& db) { return audit::readOrigin(db); }));
    api::Reconciliation result;
    CS_TRY(interrupted, settlement::markInterrupted(*m_writer, checkpointPolicy(*origin), *m_clock));
    CS_TRY(resolved, settlement::reconcile(*m_writer, checkpointPolicy(*origin), *m_clock));
    result.interrupted = *interrupted;
    for (const settlement::Reconciled& item : *resolved)
        result.resolved.push_back({item.idempotencyKey, item.intent, std::string(settlement::toString(item.resolution)),
                                   item.reason});
    return result;
}

} // namespace cs::engine
