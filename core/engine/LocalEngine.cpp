// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/LocalEngine.h"

#include "core/audit/Generator.h"
#include "core/audit/Proofs.h"
#include "core/audit/Seen.h"
#include "core/settlement/LedgerCheck.h"

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
#include "core/policy/Store.h"
#include "core/simulation/Simulator.h"
#include "core/simulation/WorldState.h"
#include "core/storage/Files.h"
#include "core/storage/Migrations.h"

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

//! Held by whoever runs intents through the pipeline (WS/run.lock).
constexpr const char* kRunLockFile = "run.lock";

// What a run reads whole, bounded: an intent file and a fixtures file are input like any other.
constexpr qint64 kMaxIntentsBytes = 64ll << 20;
constexpr qint64 kMaxFixturesBytes = 256ll << 20;

//! `file` (open) read whole, refused past `limit` bytes with its name and size, never read in part.
Result<std::string> readWhole(QFile& file, qint64 limit, const char* what)
{
    if (file.size() > limit)
        return fail(ErrorCode::InvalidInput, std::string(what) + " " + file.fileName().toStdString() + " is "
                                                 + std::to_string(file.size()) + " bytes, more than the "
                                                 + std::to_string(limit >> 20) + " MiB allowed");
    QByteArray bytes = file.read(limit + 1);
    if (bytes.size() > limit) // grew while read
        return fail(ErrorCode::InvalidInput, std::string(what) + " " + file.fileName().toStdString() + " is more than "
                                                 + std::to_string(limit >> 20) + " MiB");
    return bytes.toStdString();
}

Result<std::vector<api::AgentSummary>> readAgents(Database& db)
{
    CS_TRY(query, db.prepare(R"sql(
        SELECT p.id, p.display_name, p.description, p.status, p.public_key,
               a.id, b.asset, b.amount, s.decimals
        FROM principals p
        LEFT JOIN accounts a ON a.owner = p.id
        LEFT JOIN balances b ON b.account = a.id
        LEFT JOIN assets s ON s.code = b.asset
        WHERE p.role = 'agent'
        ORDER BY p.id, a.id, b.asset)sql"));

    std::vector<api::AgentSummary> agents;
    std::map<std::string, Money> totals; // of the agent being read, by asset
    const auto flushTotals = [&] {
        for (const auto& [code, money] : totals)
            agents.back().balances.push_back({code, money.asset().decimals, money.toString()});
        totals.clear();
    };
    for (;;) {
        CS_TRY(row, query->step());
        if (!*row)
            break;
        const std::string id = query->textAt(0);
        if (agents.empty() || agents.back().id != id) {
            if (!agents.empty())
                flushTotals();
            api::AgentSummary agent;
            agent.id = id;
            agent.displayName = query->textAt(1);
            agent.description = query->textAt(2);
            agent.status = query->textAt(3);
            if (auto key = identity::publicKeyFromBytes(query->blobAt(4), "public_key"))
                agent.keyFingerprint = identity::fingerprint(*key);
            agents.push_back(std::move(agent));
        }
        auto& agent = agents.back();
        if (!query->isNullAt(5) && (agent.accounts.empty() || agent.accounts.back() != query->textAt(5)))
            agent.accounts.push_back(query->textAt(5));
        if (query->isNullAt(6))
            continue;
        const Asset asset{query->textAt(6), static_cast<int>(query->int64At(8))};
        auto amount = Money::parse(query->textAt(7), asset, SignPolicy::AllowNegative);
        if (!amount)
            return fail(ErrorCode::StorageFailed, "balance of " + agent.id + " in " + asset.code
                                                      + " is corrupt: " + amount.error().message);
        auto [it, inserted] = totals.try_emplace(asset.code, Money::zero(asset));
        CS_TRY(sum, it->second.plus(*amount));
        it->second = *sum;
    }
    if (!agents.empty())
        flushTotals();
    return agents;
}

Result<int> count(Database& db, std::string_view sql)
{
    CS_TRY(value, db.queryInt(sql));
    return static_cast<int>(*value);
}

int countLines(const fs::path& file)
{
    std::ifstream in(file);
    int lines = 0;
    for (std::string line; std::getline(in, line);)
        lines += line.find_first_not_of(" \t\r") != std::string::npos ? 1 : 0;
    return lines;
}


//! Refuses a verdict on a request whose subject is no longer the one the approver reviewed.
Result<void> stillAsShown(const approval::Request& request, std::string_view shownSubject)
{
    if (!shownSubject.empty() && shownSubject != request.subjectSha256)
        return fail(ErrorCode::NotAllowed, "the proposal of " + request.intent
                                               + " changed since it was shown (edited or decided again); review it again");
    return {};
}

std::int64_t saturated(Int128 value)
{
    constexpr auto top = std::numeric_limits<std::int64_t>::max();
    constexpr auto bottom = std::numeric_limits<std::int64_t>::min();
    return value > top ? top : value < bottom ? bottom : static_cast<std::int64_t>(value);
}

//! What `item`'s proposal would do if it settled now: simulated on `world`, valued in `reference`,
//! and whether the world moved since the state its approval subject names.
void describeNow(api::QueueItem& item, const approval::Request& request, const simulation::WorldState& world,
                 const AssetCatalog& catalog, const std::map<std::string, Money>& prices, const Asset& reference)
{
    auto proposal = model::parseProposal(item.proposal, catalog);
    if (!proposal) {
        item.simulationProblem = "the stored proposal no longer reads: " + proposal.error().message;
        return;
    }
    const Money& amount = proposal->action.amount;
    if (auto value = policy::Evaluator::valueIn(amount, reference, prices, reference)) {
        item.value = Money::format(*value, reference.decimals) + " " + reference.code;
        item.valueMinor = saturated(*value);
    }
    const simulation::SimulationResult simulated = simulation::simulate(world, *proposal);
    item.simulationOk = simulated.ok();
    item.simulationProblem = simulated.reason;
    for (const simulation::BalanceDelta& delta : simulated.deltas) {
        const Asset& asset = delta.amount.asset();
        const Int128 before = world.balance(delta.account, asset.code);
        item.balances.push_back({delta.account, asset.code, Money::format(before, asset.decimals),
                                 Money::format(before + delta.amount.minor(), asset.decimals)});
    }
    if (simulated.fee)
        item.fee = simulated.fee->toString() + " " + simulated.fee->asset().code;
    if (simulated.expectedOut)
        item.expectedOut = simulated.expectedOut->toString() + " " + simulated.expectedOut->asset().code;
    if (simulated.priceImpactBps)
        item.priceImpactBps = static_cast<int>(*simulated.priceImpactBps);
    const QJsonObject subject = QJsonDocument::fromJson(QByteArray::fromStdString(request.subject)).object();
    item.worldMoved = subject.value(QStringLiteral("state_before")).toString().toStdString() != toHex(simulated.stateBefore);
}

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

api::Effect effectOf(policy::Effect effect)
{
    switch (effect) {
    case policy::Effect::Allow: return api::Effect::Allow;
    case policy::Effect::RequireApproval: return api::Effect::RequireApproval;
    case policy::Effect::Deny: return api::Effect::Deny;
    }
    return api::Effect::Deny;
}

//! The seam's view of a backtest: times and amounts as text.
api::BacktestSummary summaryOf(const policy::BacktestReport& report)
{
    const auto money = [&](Int128 minor) { return Money::fromMinor(minor, report.reference).toString(); };
    api::BacktestSummary out;
    out.policyVersion = report.policyVersion;
    out.currency = report.reference.code;
    out.proposals = static_cast<std::int64_t>(report.proposals);
    for (const policy::BacktestChange& change : report.changes)
        out.changes.push_back({change.intent, change.agent, toIso8601(change.at), effectOf(change.before),
                               effectOf(change.after), change.rules, change.amount.toString(), change.amount.asset().code,
                               money(change.value)});
    for (const auto& [key, transition] : report.transitions)
        out.transitions.push_back({effectOf(key.first), effectOf(key.second), static_cast<std::int64_t>(transition.count),
                                   money(transition.value)});
    out.allowedBefore = money(report.allowedBefore);
    out.allowedAfter = money(report.allowedAfter);
    out.unpriced = report.unpriced;
    return out;
}

} // namespace

Result<std::unique_ptr<LocalEngine>> LocalEngine::open(const fs::path& dir, std::shared_ptr<const Clock> clock)
{
    CS_TRY(settings, workspace::loadSettings(dir));
    const std::string dbPath = (dir / workspace::kDatabaseFile).string();
    CS_TRY(writer, storage::DbWriter::start(dbPath, storage::OpenMode::MustExist));
    CS_TRY(migrated, (*writer)->run([](Database& db) { return storage::migrate(db); }));
    CS_TRY(reader, Database::open(dbPath, storage::OpenMode::MustExist));
    return std::unique_ptr<LocalEngine>(
        new LocalEngine(dir, std::move(*settings), std::move(clock), std::move(*writer), std::move(*reader)));
}

LocalEngine::LocalEngine(fs::path dir, workspace::Settings settings, std::shared_ptr<const Clock> clock,
                         std::unique_ptr<storage::DbWriter> writer, Database reader)
    : m_dir(std::move(dir))
    , m_settings(std::move(settings))
    , m_clock(std::move(clock))
    , m_writer(std::move(writer))
    , m_reader(std::move(reader))
{
    if (auto seen = fingerprint())
        m_announced = std::move(*seen);
}

LocalEngine::~LocalEngine()
{
    m_feed.reset(); // its pipeline uses the writer and the signer below
    if (m_engineSigner) {
        // On close: sign a checkpoint over whatever was appended since the last one.
        (void)m_writer->run([this](Database& db) -> Result<void> {
            CS_TRY(origin, audit::readOrigin(db));
            const auto policy = checkpointPolicy(*origin);
            CS_TRY(transaction, storage::Transaction::begin(db));
            CS_TRY(checkpoint, audit::checkpointInTransaction(db, m_clock->now(), policy));
            CS_TRY(committed, transaction->commit());
            if (*checkpoint)
                return audit::writeCheckpointFiles(std::span(&**checkpoint, 1), policy);
            return {};
        });
    }
    setStatus({api::EngineState::Closed, {}});
}

Result<identity::PublicKey> LocalEngine::engineKey() const
{
    CS_TRY(info, identity::readKeyFileInfo(identity::keyFilePath(m_dir / workspace::kKeysDir, identity::kEngineId)));
    return info->publicKey;
}

audit::CheckpointPolicy LocalEngine::checkpointPolicy(const std::string& origin) const
{
    return {origin, m_dir / workspace::kCheckpointsDir, m_engineSigner ? &*m_engineSigner : nullptr};
}

Result<audit::VerifyReport> LocalEngine::verifyAgainstSeen(const audit::ProgressFn& progress, bool full,
                                                           bool everySignature)
{
    CS_TRY(key, engineKey());
    std::lock_guard lock(m_readMutex);
    CS_TRY(transaction, storage::Transaction::beginRead(m_reader)); // one snapshot of the log and its checkpoints
    CS_TRY(origin, audit::readOrigin(m_reader));
    audit::VerifyOptions options;
    options.checkpointsDir = m_dir / workspace::kCheckpointsDir;
    options.keyFileKey = *key;
    options.progress = progress;
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

Result<api::VerifySummary> LocalEngine::verifyAuditLog(const api::ProgressFn& progress, bool everySignature)
{
    return observed([&]() -> Result<api::VerifySummary> {
        CS_TRY(report, verifyAgainstSeen(progress, true, everySignature));
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
        auto report = verifyAgainstSeen(progress, false, false);
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
    CS_TRY(read, storage::forEachRow(m_reader, "SELECT intent, agent, receipt_seq, updated_ms FROM settlements "
                                               "WHERE state = 'executed' AND receipt_seq IS NOT NULL ORDER BY receipt_seq",
                                     [&](storage::Statement& row) -> Result<void> {
                                         out.push_back({row.textAt(0), row.textAt(1), row.int64At(2),
                                                        toIso8601(Timestamp{row.int64At(3)})});
                                         return {};
                                     }));
    return observed(Result<std::vector<api::ReceiptRef>>(std::move(out)));
}

Result<void> LocalEngine::unlockEngine(std::string_view passphrase)
{
    if (m_engineSigner)
        return {};
    // Every write signs with the engine key: none happens on a log that does not verify.
    CS_TRY(integrity, checkIntegrity({}));
    if (!integrity->intact()) {
        const api::VerifyProblem* first = integrity->first();
        return fail(ErrorCode::NotIntact, "the audit log does not verify, so the workspace is read-only: " + first->reason);
    }
    CS_TRY(engine, identity::unsealKey(identity::keyFilePath(m_dir / workspace::kKeysDir, identity::kEngineId), passphrase));
    m_engineSigner = std::move(*engine);
    return {};
}

Result<void> LocalEngine::engineKeyReady()
{
    if (m_engineSigner)
        return {};
    if (m_settings.demo)
        return unlockEngine(workspace::kDemoPassphrase); // public: a demo's keys protect nothing
    return fail(ErrorCode::Locked, "the engine key is locked: unlock the engine with its passphrase first");
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

Result<std::vector<api::IntentResult>> LocalEngine::runIntents(const RunOptions& options)
{
    const Announcing announcing{*this};
    const std::string& backendName = options.backend.empty() ? m_settings.modelBackend : options.backend;
    const fs::path path = options.intentsFile.empty() ? m_dir / workspace::kIntentsFile : fs::path(options.intentsFile);
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::NotFound, "cannot read intents from " + path.string());
    CS_TRY(intentText, readWhole(file, kMaxIntentsBytes, "the intents file"));
    CS_TRY(intents, model::parseIntents(*intentText));
    CS_TRY(unlocked, engineKeyReady());
    // One run at a time per workspace: two would race for the same intents.
    CS_TRY(running, storage::FileLock::acquire(m_dir / kRunLockFile, options.wait,
                                               "another run is in progress on this workspace; wait for it to finish "
                                               "(or pass --wait)"));

    std::unique_ptr<model::ModelBackend> backend;
    if (backendName == "rules") {
        backend = std::make_unique<model::RulesBackend>(model::RulesBackend::demoScript(*intents));
    } else if (backendName == "replay" && !options.fixturesFile.empty()) {
        QFile fixtures(QString::fromStdString(options.fixturesFile));
        if (!fixtures.open(QIODevice::ReadOnly))
            return fail(ErrorCode::NotFound, "cannot read fixtures from " + options.fixturesFile);
        CS_TRY(fixtureText, readWhole(fixtures, kMaxFixturesBytes, "the fixtures file"));
        CS_TRY(replay, model::ReplayBackend::fromFixtures(*fixtureText));
        backend = std::make_unique<model::ReplayBackend>(std::move(*replay));
    } else if (backendName == "replay") {
        // Recorded answers from this workspace's own model exchanges, by request hash.
        std::map<std::string, model::ModelResponse> recorded;
        std::lock_guard lock(m_readMutex);
        CS_TRY(read, storage::forEachRow(m_reader, "SELECT body FROM audit_entries WHERE type = 'model.exchange'",
                                         [&](storage::Statement& row) -> Result<void> {
            const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(row.textAt(0))).object();
            // A response recorded only in part cannot be answered again: replay says it has none.
            if (body.contains(QStringLiteral("response")) && !body.value(QStringLiteral("response_cut")).toBool())
                recorded[body.value(QStringLiteral("request_sha256")).toString().toStdString()] =
                    model::ModelResponse{body.value(QStringLiteral("response")).toString().toStdString(),
                                         body.value(QStringLiteral("cannot_plan")).toBool(),
                                         body.value(QStringLiteral("reason")).toString().toStdString()};
            return {};
        }));
        backend = std::make_unique<model::ReplayBackend>(std::move(recorded));
    } else if (backendName == "openai") {
        // The command line, then the environment, then workspace.json; keys only ever from the
        // environment, and sent only where the operator chose.
        std::string notice;
        CS_TRY(config, model::OpenAiConfig::resolve(options.modelUrl, m_settings.modelUrl, m_settings.modelName, &notice));
        if (!notice.empty() && options.notice)
            options.notice(notice);
        backend = std::make_unique<model::OpenAiBackend>(std::move(*config));
    } else {
        return fail(ErrorCode::InvalidInput, "backend must be rules, replay or openai");
    }

    CS_TRY(origin, m_writer->run([](Database& db) { return audit::readOrigin(db); }));
    // Requests whose time is up end first, so their reservations no longer count.
    CS_TRY(expired, m_writer->run([&](Database& db) { return approval::expireDue(db, m_clock->now(), checkpointPolicy(*origin)); }));
    CS_TRY(reader, Database::open((m_dir / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist));
    Pipeline pipeline(*m_writer, std::move(*reader), checkpointPolicy(*origin), *m_clock, *backend, m_ledger,
                      {.streamStart = streamStart(m_clock->now())});
    // Batches share one commit (group commit); each intent still sees the ones before it.
    constexpr std::size_t kBatch = 64;
    std::vector<api::IntentResult> results;
    for (std::size_t first = 0; first < intents->size(); first += kBatch) {
        const auto batch = std::span(*intents).subspan(first, std::min(kBatch, intents->size() - first));
        CS_TRY(outcomes, pipeline.processBatch(batch));
        for (const IntentOutcome& outcome : *outcomes)
            results.push_back({outcome.intent, outcome.agent, std::string(toString(outcome.state)), outcome.reason,
                               outcome.receiptSeq, outcome.alreadyProcessed});
    }
    return results;
}

struct LocalEngine::Feed
{
    std::vector<model::Intent> intents;
    std::size_t next = 0;
    std::unique_ptr<model::RulesBackend> backend;
    std::unique_ptr<Pipeline> pipeline;
};

Result<std::optional<api::IntentResult>> LocalEngine::runNextIntent()
{
    const Announcing announcing{*this};
    if (!m_feed) {
        QFile file(QString::fromStdString((m_dir / workspace::kIntentsFile).string()));
        if (!file.open(QIODevice::ReadOnly))
            return std::optional<api::IntentResult>();
        CS_TRY(intentText, readWhole(file, kMaxIntentsBytes, "the intents file"));
        CS_TRY(intents, model::parseIntents(*intentText));
        CS_TRY(unlocked, engineKeyReady());
        CS_TRY(origin, m_writer->run([](Database& db) { return audit::readOrigin(db); }));
        CS_TRY(reader, Database::open((m_dir / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist));
        auto feed = std::make_unique<Feed>();
        feed->intents = std::move(*intents);
        feed->backend = std::make_unique<model::RulesBackend>(model::RulesBackend::demoScript(feed->intents));
        feed->pipeline = std::make_unique<Pipeline>(*m_writer, std::move(*reader), checkpointPolicy(*origin), *m_clock,
                                                    *feed->backend, m_ledger,
                                                    PipelineOptions{.streamStart = streamStart(m_clock->now())});
        m_feed = std::move(feed);
    }
    while (m_feed->next < m_feed->intents.size()) {
        CS_TRY(running, storage::FileLock::acquire(m_dir / kRunLockFile, false,
                                                   "another run is in progress on this workspace; the live feed stops"));
        CS_TRY(outcome, m_feed->pipeline->process(m_feed->intents[m_feed->next++]));
        if (outcome->alreadyProcessed)
            continue;
        return std::optional<api::IntentResult>(api::IntentResult{outcome->intent, outcome->agent,
                                                                  std::string(toString(outcome->state)), outcome->reason,
                                                                  outcome->receiptSeq, false});
    }
    return std::optional<api::IntentResult>();
}

Result<api::ApprovalQueue> LocalEngine::approvalQueue()
{
    std::lock_guard lock(m_readMutex);
    return observed([this]() -> Result<api::ApprovalQueue> {
        CS_TRY(transaction, storage::Transaction::beginRead(m_reader)); // one snapshot of queue and world
        api::ApprovalQueue queue;
        CS_TRY(read, storage::forEachRow(m_reader, "SELECT intent, agent, proposal, decision, reason FROM proposals "
                                                   "WHERE state = 'awaiting_approval' ORDER BY updated_ms, intent",
                                         [&](storage::Statement& row) -> Result<void> {
                                             api::QueueItem item;
                                             item.intent = row.textAt(0);
                                             item.agent = row.textAt(1);
                                             item.proposal = row.textAt(2);
                                             item.decision = row.textAt(3);
                                             item.reason = row.textAt(4);
                                             queue.items.push_back(std::move(item));
                                             return {};
                                         }));
        CS_TRY(ended, storage::forEachRow(m_reader, "SELECT state, count(*) FROM approval_requests GROUP BY state",
                                          [&](storage::Statement& row) -> Result<void> {
                                              const std::string state = row.textAt(0);
                                              const int count = static_cast<int>(row.int64At(1));
                                              if (state == "approved")
                                                  queue.approved = count;
                                              else if (state == "rejected")
                                                  queue.rejected = count;
                                              else if (state == "expired")
                                                  queue.expired = count;
                                              return {};
                                          }));
        if (queue.items.empty())
            return queue;

        CS_TRY(world, simulation::WorldState::load(m_reader));
        CS_TRY(policy, policy::loadActivePolicy(m_reader, *world));
        const Asset& reference = policy->globals.referenceCurrency;
        CS_TRY(context, policy::loadContext(m_reader, *world, reference));
        const AssetCatalog catalog = AssetCatalog(world->assetList());
        const Timestamp now = m_clock->now();
        for (api::QueueItem& item : queue.items) {
            CS_TRY(request, approval::findRequest(m_reader, item.intent));
            if (!*request)
                continue;
            item.subjectSha256 = (*request)->subjectSha256;
            item.expiresAt = toIso8601((*request)->expiresAt);
            item.requestedAt = toIso8601((*request)->requestedAt);
            item.expired = now >= (*request)->expiresAt;
            item.approvedBy = (*request)->approvedBy;
            item.stillNeeded = approval::stillNeeded(**request);
            describeNow(item, **request, *world, catalog, context->prices, reference);
        }
        return queue;
    }());
}

Result<api::GeneratedHistory> LocalEngine::generateHistory(std::int64_t entries, std::string_view passphrase)
{
    const Announcing announcing{*this};
    const fs::path keys = m_dir / workspace::kKeysDir;
    CS_TRY(engine, unlockEngine(passphrase));
    CS_TRY(alice, identity::unsealKey(identity::keyFilePath(keys, "alice"), passphrase));
    CS_TRY(bob, identity::unsealKey(identity::keyFilePath(keys, "bob"), passphrase));
    CS_TRY(rita, identity::unsealKey(identity::keyFilePath(keys, "rita"), passphrase));
    const audit::GeneratorKeys signers{&*m_engineSigner, &*alice, &*bob, &*rita};
    CS_TRY(generated, m_writer->run([&](Database& db) -> Result<audit::GenerateSummary> {
        CS_TRY(origin, audit::readOrigin(db));
        return audit::generateHistory(db, entries, signers, *m_clock, checkpointPolicy(*origin));
    }));
    return api::GeneratedHistory{generated->appended, generated->proposals, generated->signedEntries, generated->firstSeq,
                                 generated->lastSeq};
}

Result<std::vector<api::AgentSummary>> LocalEngine::agents()
{
    std::lock_guard lock(m_readMutex);
    return observed(readAgents(m_reader));
}

Result<api::WorkspaceSummary> LocalEngine::summary()
{
    std::lock_guard lock(m_readMutex);
    return observed([this]() -> Result<api::WorkspaceSummary> {
        api::WorkspaceSummary summary;
        summary.path = m_dir.string();
        summary.name = m_settings.name;
        summary.createdAt = m_settings.createdAt;
        summary.demo = m_settings.demo;
        CS_TRY(version, count(m_reader, "PRAGMA user_version"));
        summary.schemaVersion = *version;

        CS_TRY(assets, m_reader.prepare("SELECT code, name, decimals FROM assets ORDER BY code"));
        for (;;) {
            CS_TRY(row, assets->step());
            if (!*row)
                break;
            summary.assets.push_back({assets->textAt(0), assets->textAt(1), static_cast<int>(assets->int64At(2))});
        }
        CS_TRY(principals, m_reader.prepare("SELECT id, display_name, role, status FROM principals ORDER BY role, id"));
        for (;;) {
            CS_TRY(row, principals->step());
            if (!*row)
                break;
            summary.principals.push_back(
                {principals->textAt(0), principals->textAt(1), principals->textAt(2), principals->textAt(3)});
        }
        CS_TRY(agentList, readAgents(m_reader));
        summary.agents = std::move(*agentList);

        CS_TRY(venues, count(m_reader, "SELECT count(*) FROM venues"));
        CS_TRY(pools, count(m_reader, "SELECT count(*) FROM pools"));
        CS_TRY(lending, count(m_reader, "SELECT count(*) FROM lending_markets"));
        CS_TRY(counterparties, count(m_reader, "SELECT count(*) FROM counterparties"));
        CS_TRY(listed, count(m_reader, "SELECT count(*) FROM counterparties c WHERE EXISTS "
                                       "(SELECT 1 FROM list_members m JOIN lists l ON l.id = m.list "
                                       " WHERE l.kind = 'counterparties' AND m.member = c.id)"));
        CS_TRY(lists, count(m_reader, "SELECT count(*) FROM lists"));
        summary.venues = *venues;
        summary.pools = *pools;
        summary.lendingMarkets = *lending;
        summary.counterparties = *counterparties;
        summary.listedCounterparties = *listed;
        summary.lists = *lists;
        summary.pendingIntents = countLines(m_dir / workspace::kIntentsFile);
        summary.modelBackend = m_settings.modelBackend;
        CS_TRY(entries, m_reader.queryInt("SELECT size FROM audit_tree WHERE id = 1"));
        CS_TRY(checkpoint, m_reader.queryInt("SELECT coalesce(max(size), 0) FROM audit_checkpoints"));
        summary.auditEntries = *entries;
        summary.latestCheckpoint = *checkpoint;
        return summary;
    }());
}

api::EngineStatus LocalEngine::status()
{
    std::lock_guard lock(m_statusMutex);
    return m_status;
}

std::unique_ptr<api::Handler> LocalEngine::handleChanges(ChangedFn fn)
{
    return m_changes.add(std::move(fn));
}

Result<LocalEngine::Fingerprint> LocalEngine::fingerprint()
{
    std::lock_guard lock(m_readMutex);
    CS_TRY(transaction, storage::Transaction::beginRead(m_reader)); // one snapshot
    Fingerprint seen;
    CS_TRY(size, m_reader.queryInt("SELECT coalesce(max(seq), 0) FROM audit_entries"));
    seen.auditSize = *size;
    // Requests by state, and every verdict (an edit signs one): what the queue shows moves with these.
    CS_TRY(queue, storage::forEachRow(m_reader,
                                      "SELECT state, count(*) FROM approval_requests GROUP BY state "
                                      "UNION ALL SELECT 'verdicts', count(*) FROM approvals ORDER BY 1",
                                      [&](storage::Statement& row) -> Result<void> {
                                          seen.queue += row.textAt(0) + '=' + std::to_string(row.int64At(1)) + ';';
                                          return {};
                                      }));
    CS_TRY(postings, m_reader.queryInt("SELECT count(*) FROM ledger_postings"));
    seen.postings = *postings;
    CS_TRY(policy, storage::forEachRow(m_reader, "SELECT version FROM policies ORDER BY entry_seq DESC LIMIT 1",
                                       [&](storage::Statement& row) -> Result<void> {
                                           seen.policy = row.textAt(0);
                                           return {};
                                       }));
    CS_TRY(principals, storage::forEachRow(m_reader, "SELECT id, status FROM principals",
                                           [&](storage::Statement& row) -> Result<void> {
                                               seen.principals.emplace(row.textAt(0), row.textAt(1));
                                               return {};
                                           }));
    return seen;
}

void LocalEngine::announceChanges()
{
    std::lock_guard lock(m_changesMutex);
    auto now = fingerprint();
    if (!now)
        return; // a failed read announces nothing; the next write compares with what was announced
    const Fingerprint& was = m_announced;
    const auto announce = [&](api::Change::Kind kind, std::string subject = {}) {
        m_changes.notify(api::Change{kind, now->auditSize, std::move(subject)});
    };
    if (now->auditSize != was.auditSize)
        announce(api::Change::Kind::AuditAppended);
    if (now->queue != was.queue)
        announce(api::Change::Kind::QueueChanged);
    if (now->postings != was.postings)
        announce(api::Change::Kind::BalancesChanged);
    if (now->policy != was.policy)
        announce(api::Change::Kind::PolicyPublished, now->policy);
    for (const auto& [id, status] : now->principals) {
        const auto before = was.principals.find(id);
        if (before == was.principals.end() || before->second != status)
            announce(api::Change::Kind::PrincipalStatusChanged, id);
    }
    m_announced = std::move(*now);
}

std::unique_ptr<api::Handler> LocalEngine::handleStatusChanged(StatusChangedFn fn)
{
    return m_statusChanged.add(std::move(fn));
}

template <class T>
Result<T> LocalEngine::observed(Result<T> result)
{
    if (result)
        setStatus({api::EngineState::Ready, {}});
    else
        setStatus({api::EngineState::Degraded, result.error().message});
    return result;
}

void LocalEngine::setStatus(api::EngineStatus status)
{
    if (m_readOnly && status.state != api::EngineState::ReadOnly && status.state != api::EngineState::Closed)
        return; // read-only stays read-only while the workspace is open
    {
        std::lock_guard lock(m_statusMutex);
        const bool changed = m_status.state != status.state;
        m_status = status; // the latest reason, but subscribers hear only of state changes
        if (!changed)
            return;
    }
    m_statusChanged.notify(status);
}

Result<std::vector<api::PolicyVersion>> LocalEngine::policyVersions()
{
    std::lock_guard lock(m_readMutex);
    return observed([this]() -> Result<std::vector<api::PolicyVersion>> {
        std::vector<api::PolicyVersion> versions;
        CS_TRY(read, storage::forEachRow(
                         m_reader,
                         "SELECT version, name, document, signer, entry_seq, published_ms FROM policies ORDER BY entry_seq DESC",
                         [&](storage::Statement& row) -> Result<void> {
                             const QJsonObject document =
                                 QJsonDocument::fromJson(QByteArray::fromStdString(row.textAt(2))).object();
                             versions.push_back({row.textAt(0), row.textAt(1), row.textAt(2), row.textAt(3), row.int64At(4),
                                                 toIso8601(Timestamp{row.int64At(5)}),
                                                 static_cast<int>(document.value(QStringLiteral("rules")).toArray().size()),
                                                 {}});
                             return {};
                         }));
        return versions;
    }());
}

Result<api::PolicyVersion> LocalEngine::publishPolicy(std::string_view document, const std::string& signer,
                                                      std::string_view passphrase)
{
    const Announcing announcing{*this};
    CS_TRY(engine, engineKeyReady());
    CS_TRY(key, principalKey(signer, passphrase));
    std::vector<std::string> warnings;
    CS_TRY(published, m_writer->run([&](Database& db) -> Result<policy::Published> {
        CS_TRY(world, simulation::WorldState::load(db));
        CS_TRY(parsed, policy::parsePolicy(document, AssetCatalog(world->assetList())));
        for (const policy::Finding& finding : policy::checkPolicy(*parsed)) {
            if (!finding.error)
                warnings.push_back(finding.message);
        }
        CS_TRY(origin, audit::readOrigin(db));
        return policy::publishPolicy(db, *parsed, signer, *key, m_clock->now(), checkpointPolicy(*origin));
    }));
    const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(published->document)).object();
    return api::PolicyVersion{published->version, published->name, published->document, published->signer,
                              published->entrySeq, toIso8601(published->publishedAt),
                              static_cast<int>(body.value(QStringLiteral("rules")).toArray().size()), std::move(warnings)};
}

Result<api::BacktestSummary> LocalEngine::backtestPolicy(std::string_view document)
{
    std::lock_guard lock(m_readMutex);
    return observed([&]() -> Result<api::BacktestSummary> {
        CS_TRY(transaction, storage::Transaction::beginRead(m_reader)); // one snapshot of history and policies
        CS_TRY(world, simulation::WorldState::load(m_reader));
        const AssetCatalog catalog = AssetCatalog(world->assetList());

        std::vector<std::unique_ptr<policy::Evaluator>> compiled;
        std::map<std::string, const policy::Evaluator*> versions;
        CS_TRY(read, storage::forEachRow(m_reader, "SELECT version, document FROM policies",
                                         [&](storage::Statement& row) -> Result<void> {
                                             auto parsed = policy::parsePolicy(row.textAt(1), catalog);
                                             if (!parsed)
                                                 return fail(ErrorCode::StorageFailed, "published policy " + row.textAt(0)
                                                                                           + " does not parse: " + parsed.error().message);
                                             compiled.push_back(std::make_unique<policy::Evaluator>(std::move(*parsed)));
                                             versions.emplace(row.textAt(0), compiled.back().get());
                                             return {};
                                         }));
        std::unique_ptr<policy::Evaluator> draft;
        if (!document.empty()) {
            CS_TRY(parsed, policy::parsePolicy(document, catalog));
            for (const policy::Finding& finding : policy::checkPolicy(*parsed)) {
                if (finding.error)
                    return fail(ErrorCode::InvalidInput, "the draft policy has errors: " + finding.message);
            }
            draft = std::make_unique<policy::Evaluator>(std::move(*parsed));
        }
        const Asset& reference = draft ? draft->policy().globals.referenceCurrency
                                       : versions.empty() ? Asset{} : versions.begin()->second->policy().globals.referenceCurrency;
        CS_TRY(context, policy::loadContext(m_reader, *world, reference));
        CS_TRY(history, policy::loadHistory(m_reader));
        CS_TRY(report, policy::backtest(*history, draft.get(), versions, *context));
        return summaryOf(*report);
    }());
}

Result<api::ApprovalOutcome> LocalEngine::submitVerdict(const std::string& intent, const std::string& approver, bool approve,
                                                        std::string_view reason, std::string_view passphrase,
                                                        std::string_view shownSubject)
{
    const Announcing announcing{*this};
    if (!approve && reason.empty())
        return fail(ErrorCode::InvalidInput, "reason: a rejection needs a reason");
    CS_TRY(engine, engineKeyReady());
    CS_TRY(key, principalKey(approver, passphrase));
    CS_TRY(request, m_writer->run([&](Database& db) { return approval::findRequest(db, intent); }));
    if (!*request)
        return fail(ErrorCode::NotFound, "no approval request for " + intent);
    CS_TRY(unchanged, stillAsShown(**request, shownSubject));
    // The approver signs the subject the request holds: this proposal, simulation, policy and decision.
    CS_TRY(signedVerdict, approval::signVerdict({intent, approver, approve, std::string(reason), (*request)->subjectSha256}, *key));
    CS_TRY(submitted, m_writer->run([&](Database& db) -> Result<approval::Submitted> {
        CS_TRY(origin, audit::readOrigin(db));
        return approval::submitVerdict(db, *signedVerdict, m_clock->now(), checkpointPolicy(*origin), m_ledger);
    }));
    return api::ApprovalOutcome{submitted->state, submitted->message, submitted->receiptSeq};
}

Result<std::string> LocalEngine::principalRole(const std::string& id)
{
    if (!isValidIdentifier(id))
        return fail(ErrorCode::InvalidInput, "--as must name a principal");
    std::lock_guard lock(m_readMutex);
    CS_TRY(query, m_reader.cached("SELECT role FROM principals WHERE id = ?1"));
    (*query)->bind(1, id);
    CS_TRY(row, (*query)->step());
    if (!*row)
        return fail(ErrorCode::NotFound, "no such principal '" + id + "'");
    std::string role = (*query)->textAt(0);
    (*query)->reset();
    return role;
}

Result<identity::SigningKey> LocalEngine::principalKey(const std::string& id, std::string_view passphrase)
{
    CS_TRY(known, principalRole(id)); // a principal first, then its key file
    return identity::unsealKey(identity::keyFilePath(m_dir / workspace::kKeysDir, id), passphrase);
}

Result<api::Engine::StatusChange> LocalEngine::changePrincipalStatus(const std::string& principal, const std::string& status,
                                                                    const std::string& actor, std::string_view reason,
                                                                    std::string_view passphrase)
{
    const Announcing announcing{*this};
    CS_TRY(to, identity::parseKeyStatus(status));
    if (!isValidIdentifier(principal))
        return fail(ErrorCode::InvalidInput, "the principal must be an identifier, not '" + principal + "'");
    CS_TRY(roles, principalRole(actor));
    if (*roles != "risk_manager")
        return fail(ErrorCode::NotAllowed, "'" + actor + "' is " + *roles + "; only a risk manager may change a principal's status");
    CS_TRY(engine, engineKeyReady());
    CS_TRY(key, principalKey(actor, passphrase));
    return m_writer->run([&](Database& db) -> Result<StatusChange> {
        CS_TRY(transaction, storage::Transaction::begin(db));
        CS_TRY(origin, audit::readOrigin(db));
        const audit::CheckpointPolicy checkpoints = checkpointPolicy(*origin);
        CS_TRY(query, db.cached("SELECT role, status FROM principals WHERE id = ?1"));
        (*query)->bind(1, principal);
        CS_TRY(row, (*query)->step());
        if (!*row)
            return fail(ErrorCode::NotFound, "no such principal '" + principal + "'");
        const std::string role = (*query)->textAt(0);
        StatusChange change{principal, (*query)->textAt(1), status, 0, 0};
        (*query)->reset();
        CS_TRY(changed, identity::changeStatus(db, principal, *to, actor, *key, reason, m_clock->now(), checkpoints));
        change.entrySeq = changed->entries.back().seq;
        std::vector<audit::Checkpoint> signedCheckpoints = changed->checkpoints;
        if (role == "agent" && *to != identity::KeyStatus::Active) {
            CS_TRY(cancelled, approval::cancelPendingOf(db, principal, "agent " + principal + " was " + status + " by " + actor
                                                                      + ": " + std::string(reason),
                                                        m_clock->now(), checkpoints));
            change.cancelledRequests = cancelled->requests;
            signedCheckpoints.insert(signedCheckpoints.end(), cancelled->checkpoints.begin(), cancelled->checkpoints.end());
        }
        CS_TRY(committed, transaction->commit());
        (void)audit::writeCheckpointFiles(signedCheckpoints, checkpoints);
        return change;
    });
}

Result<api::ApprovalOutcome> LocalEngine::submitEdit(const std::string& intent, const std::string& approver,
                                                     const std::string& amount, const std::string& minOut,
                                                     std::string_view passphrase, std::string_view shownSubject)
{
    const Announcing announcing{*this};
    CS_TRY(engine, engineKeyReady());
    CS_TRY(key, principalKey(approver, passphrase));
    approval::Edit edit;
    if (!amount.empty())
        edit.amount = amount;
    if (!minOut.empty())
        edit.minOut = minOut;
    CS_TRY(submitted, m_writer->run([&](Database& db) -> Result<approval::Submitted> {
        CS_TRY(request, approval::findRequest(db, intent));
        if (*request) { // approval::submitEdit refuses a missing one
            CS_TRY(unchanged, stillAsShown(**request, shownSubject));
        }
        CS_TRY(origin, audit::readOrigin(db));
        return approval::submitEdit(db, intent, edit, approver, *key, m_clock->now(), checkpointPolicy(*origin), m_ledger);
    }));
    return api::ApprovalOutcome{submitted->state, submitted->message, submitted->receiptSeq};
}

} // namespace cs::engine
