// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/LocalEngine.h"
#include "core/engine/LiveFeed.h"

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

} // namespace cs::engine
