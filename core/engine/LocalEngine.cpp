// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/LocalEngine.h"
#include "core/engine/LiveFeed.h"

#include "core/audit/Generator.h"
#include "core/audit/Proofs.h"
#include "core/audit/Seen.h"
#include "core/audit/LogReads.h"
#include "core/audit/Verifier.h"
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
#include "core/policy/Publish.h"
#include "core/simulation/Simulator.h"
#include "core/simulation/WorldState.h"
#include "core/storage/Files.h"
#include "core/storage/Migrations.h"
#include "core/store/Approvals.h"
#include "core/store/Ledger.h"
#include "core/store/Policies.h"
#include "core/store/Principals.h"
#include "core/store/World.h"

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

//! The agents among `principals`, with what they hold.
Result<std::vector<api::AgentSummary>> readAgents(Database& db, const std::vector<store::PrincipalRow>& principals)
{
    CS_TRY(holdings, store::agentHoldings(db));
    std::vector<api::AgentSummary> agents;
    for (const store::PrincipalRow& principal : principals) {
        if (principal.role != "agent")
            continue;
        api::AgentSummary agent;
        agent.id = principal.id;
        agent.displayName = principal.displayName;
        agent.description = principal.description;
        const auto status = api::parsePrincipalStatus(principal.status);
        if (!status)
            return fail(ErrorCode::StorageFailed, "principal " + principal.id + " has no valid status");
        agent.status = *status;
        if (auto key = identity::publicKeyFromBytes(principal.publicKey, "public_key"))
            agent.keyFingerprint = identity::fingerprint(*key);
        agents.push_back(std::move(agent));
    }
    // Holdings come ordered by agent, account and asset: totals per asset across an agent's accounts.
    auto agent = agents.begin();
    std::map<std::string, Money> totals;
    const auto flush = [&] {
        for (const auto& [code, money] : totals)
            agent->balances.push_back({code, money.asset().decimals, money.toString()});
        totals.clear();
    };
    for (const store::Holding& holding : *holdings) {
        while (agent != agents.end() && agent->id != holding.agent) {
            flush();
            ++agent;
        }
        if (agent == agents.end())
            break;
        if (!holding.account.empty() && (agent->accounts.empty() || agent->accounts.back() != holding.account))
            agent->accounts.push_back(holding.account);
        if (holding.asset.empty())
            continue;
        const Asset asset{holding.asset, holding.decimals};
        auto amount = Money::parse(holding.amount, asset, SignPolicy::AllowNegative);
        if (!amount)
            return fail(ErrorCode::StorageFailed, "balance of " + agent->id + " in " + asset.code
                                                      + " is corrupt: " + amount.error().message);
        auto [it, inserted] = totals.try_emplace(asset.code, Money::zero(asset));
        CS_TRY(sum, it->second.plus(*amount));
        it->second = *sum;
    }
    if (agent != agents.end())
        flush();
    return agents;
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
    CS_TRY(browser, Database::open(dbPath, storage::OpenMode::MustExist));
    return std::unique_ptr<LocalEngine>(new LocalEngine(dir, std::move(*settings), std::move(clock), std::move(*writer),
                                                        std::move(*reader), std::move(*browser)));
}

LocalEngine::LocalEngine(fs::path dir, workspace::Settings settings, std::shared_ptr<const Clock> clock,
                         std::unique_ptr<storage::DbWriter> writer, Database reader, Database browser)
    : m_dir(std::move(dir))
    , m_settings(std::move(settings))
    , m_clock(std::move(clock))
    , m_writer(std::move(writer))
    , m_reader(std::move(reader))
    , m_browser(std::move(browser))
{
    if (auto seen = fingerprint())
        m_announced = std::move(*seen);
}

LocalEngine::~LocalEngine()
{
    {
        std::lock_guard lock(m_watchMutex);
        m_watchStop = true;
    }
    m_watchWake.notify_all();
    if (m_watcher.joinable())
        m_watcher.join();
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
    return observed([this]() -> Result<std::vector<api::AgentSummary>> {
        CS_TRY(principals, store::principals(m_reader));
        return readAgents(m_reader, *principals);
    }());
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
        if (m_settings.demo)
            summary.keyPassphrase = workspace::kDemoPassphrase;
        CS_TRY(version, storage::schemaVersion(m_reader));
        summary.schemaVersion = static_cast<int>(*version);
        CS_TRY(assets, store::assets(m_reader));
        for (const store::AssetRow& asset : *assets)
            summary.assets.push_back({asset.code, asset.name, asset.decimals});
        CS_TRY(principals, store::principals(m_reader));
        CS_TRY(lastActive, audit::lastActivity(m_reader));
        for (const store::PrincipalRow& principal : *principals) {
            CS_TRY(view, principalView(principal, *lastActive));
            summary.principals.push_back(std::move(*view));
        }
        CS_TRY(agentList, readAgents(m_reader, *principals));
        summary.agents = std::move(*agentList);
        CS_TRY(counts, store::worldCounts(m_reader));
        summary.venues = counts->venues;
        summary.pools = counts->pools;
        summary.lendingMarkets = counts->lendingMarkets;
        summary.counterparties = counts->counterparties;
        summary.listedCounterparties = counts->listedCounterparties;
        summary.lists = counts->lists;
        summary.pendingIntents = countLines(m_dir / workspace::kIntentsFile);
        summary.modelBackend = m_settings.modelBackend;
        CS_TRY(entries, audit::logSize(m_reader));
        CS_TRY(checkpoint, audit::newestCheckpointSize(m_reader));
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
    {
        std::lock_guard lock(m_watchMutex);
        if (!m_watcher.joinable())
            m_watcher = std::thread([this] { watchForeignWrites(); });
    }
    return m_changes.add(std::move(fn));
}

void LocalEngine::watchForeignWrites()
{
    constexpr auto kWatchInterval = std::chrono::milliseconds(500);
    const auto version = [this]() -> std::optional<std::int64_t> {
        std::lock_guard read(m_readMutex);
        auto value = storage::dataVersion(m_reader);
        return value ? std::optional(*value) : std::nullopt;
    };
    std::optional<std::int64_t> seen = version();
    std::unique_lock lock(m_watchMutex);
    while (!m_watchWake.wait_for(lock, kWatchInterval, [this] { return m_watchStop; })) {
        lock.unlock();
        if (m_writing.load() == 0) {
            const std::optional<std::int64_t> now = version();
            if (now && now != seen) {
                seen = now;
                announceChanges();
            }
        }
        lock.lock();
    }
}

Result<LocalEngine::Fingerprint> LocalEngine::fingerprint()
{
    std::lock_guard lock(m_readMutex);
    CS_TRY(transaction, storage::Transaction::beginRead(m_reader)); // one snapshot
    Fingerprint seen;
    CS_TRY(size, audit::logSize(m_reader));
    seen.auditSize = *size;
    // Requests by state, and every verdict (an edit signs one): what the queue shows moves with these.
    CS_TRY(requests, store::requestCounts(m_reader));
    for (const auto& [state, count] : *requests)
        seen.queue += state + '=' + std::to_string(count) + ';';
    CS_TRY(verdicts, store::verdictCount(m_reader));
    seen.queue += "verdicts=" + std::to_string(*verdicts) + ';';
    CS_TRY(postings, store::postingCount(m_reader));
    seen.postings = *postings;
    // The newest version published, active or shadow: either is a publication the views follow.
    CS_TRY(policy, store::lastPublished(m_reader));
    if (*policy)
        seen.policy = (*policy)->version;
    CS_TRY(principals, store::principals(m_reader));
    for (const store::PrincipalRow& principal : *principals)
        seen.principals.emplace(principal.id, principal.status + ':' + toHex(principal.publicKey));
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
            announce(api::Change::Kind::PrincipalChanged, id);
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
    CS_TRY(row, store::findPrincipal(m_reader, id));
    if (!*row)
        return fail(ErrorCode::NotFound, "no such principal '" + id + "'");
    return std::move((*row)->role);
}

Result<identity::SigningKey> LocalEngine::principalKey(const std::string& id, std::string_view passphrase)
{
    CS_TRY(known, principalRole(id)); // a principal first, then its key file
    std::vector<std::uint8_t> registered;
    {
        std::lock_guard lock(m_readMutex);
        CS_TRY(row, store::findPrincipal(m_reader, id));
        if (*row)
            registered = (*row)->publicKey;
    }
    if (registered.size() != 32)
        return fail(ErrorCode::NotAllowed, "'" + id + "' has no key and signs nothing");
    // A rotation the database holds but whose files did not move yet (a crash between) is completed.
    identity::PublicKey key{};
    std::copy(registered.begin(), registered.end(), key.begin());
    CS_TRY(rotated, identity::finishKeyRotation(m_dir / workspace::kKeysDir, id, key));
    // A demo's keys are sealed with its public passphrase: used when none is given, and only there.
    if (passphrase.empty() && m_settings.demo)
        passphrase = workspace::kDemoPassphrase;
    return identity::unsealKey(identity::keyFilePath(m_dir / workspace::kKeysDir, id), passphrase);
}

} // namespace cs::engine
