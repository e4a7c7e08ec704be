// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Engine.h"
#include "tests/support/QueueItems.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace cs::test {

/**
 * One workspace of the fake: what its engine reports, held in memory. Tests set it up and look
 * at it; the engine changes it as the real one would change the database (the feed, verdicts).
 */
struct FakeWorkspace
{
    //! One intent of the live feed: its outcome, and what it does to the workspace.
    struct Step
    {
        api::IntentResult result;
        std::optional<api::QueueItem> flagged; //!< awaiting approval: enters the queue
        std::string agent;                     //!< executed: whose balance moves
        std::string asset;
        std::string balanceAfter;
    };

    api::WorkspaceSummary summary;
    api::WorldView world;
    api::Grants grants;
    std::vector<std::pair<api::Engine::TextEdit, std::string>> textEdits; //!< each edit with who signed it
    api::ApprovalQueue queue;
    std::vector<Step> feed;
    std::size_t fed = 0;
    std::string integrityProblem; //!< not empty: the log does not verify, and this is why
    std::string enginePassphrase; //!< not a demo: what unlocks the engine key
    std::vector<std::string> calls; //!< every method the views called, in order
    std::mutex callsMutex;          //!< calls come from the worker and the browsing thread
    std::vector<api::AuditRow> log; //!< the audit timeline's entries, seq i at index i - 1
    api::ReputationReport reputation; //!< what reputation() reports
    api::HealthReport health;         //!< what health() reports
    std::function<void()> verifying; //!< set: runs inside each verification (a test holds the worker there)
};

/**
 * api::Engine over a FakeWorkspace, for widget tests: instant, deterministic, no database, no
 * key derivation. Writes are refused on a workspace whose log "does not verify", changes are
 * announced through handleChanges like the real engine's, and what a test did not set up is
 * NotFound saying so.
 */
class FakeEngine final : public api::Engine
{
public:
    explicit FakeEngine(std::shared_ptr<FakeWorkspace> workspace) : m_ws(std::move(workspace)) {}

    Result<api::WorkspaceSummary> summary() override { return record("summary", m_ws->summary); }
    Result<std::vector<api::AgentSummary>> agents() override { return record("agents", m_ws->summary.agents); }
    api::EngineStatus status() override
    {
        return {m_ws->integrityProblem.empty() ? api::EngineState::Ready : api::EngineState::ReadOnly, m_ws->integrityProblem};
    }
    Result<api::VerifySummary> verifyAuditLog(const api::ProgressFn& progress, bool, std::stop_token) override
    {
        return checkIntegrity(progress);
    }
    Result<api::VerifySummary> checkIntegrity(const api::ProgressFn& progress) override
    {
        called("checkIntegrity");
        if (m_ws->verifying)
            m_ws->verifying();
        api::VerifySummary report;
        report.entries = m_ws->summary.auditEntries;
        if (progress)
            progress(report.entries, report.entries);
        if (!m_ws->integrityProblem.empty()) {
            report.problems.push_back({1, m_ws->integrityProblem});
            notifyStatus();
        }
        return report;
    }
    Result<QJsonObject> proveEntry(std::int64_t) override { return missing("proveEntry"); }
    Result<std::vector<api::ReceiptRef>> receipts() override { return missing("receipts"); }
    Result<api::ReceiptExport> exportReceipt(std::int64_t) override { return missing("exportReceipt"); }
    Result<api::GeneratedHistory> generateHistory(std::int64_t, std::string_view) override { return missing("generateHistory"); }
    Result<api::Reconciliation> reconcile() override { return missing("reconcile"); }
    Result<std::vector<api::IntentResult>> runIntents(const RunOptions&) override { return missing("runIntents"); }

    Result<std::optional<api::IntentResult>> runNextIntent() override
    {
        called("runNextIntent");
        if (auto refused = writable(); !refused)
            return Unexpected{refused.error()};
        if (m_ws->fed >= m_ws->feed.size())
            return std::optional<api::IntentResult>();
        const FakeWorkspace::Step& step = m_ws->feed[m_ws->fed++];
        ++m_ws->summary.auditEntries;
        announce(api::Change::Kind::AuditAppended);
        if (step.flagged) {
            m_ws->queue.items.push_back(*step.flagged);
            announce(api::Change::Kind::QueueChanged);
        }
        if (!step.agent.empty()) {
            for (api::AgentSummary& agent : m_ws->summary.agents) {
                for (api::BalanceView& balance : agent.balances) {
                    if (agent.id == step.agent && balance.asset == step.asset)
                        balance.amount = step.balanceAfter;
                }
            }
            announce(api::Change::Kind::BalancesChanged);
        }
        return std::optional<api::IntentResult>(step.result);
    }
    Result<api::ApprovalQueue> approvalQueue() override { return record("approvalQueue", m_ws->queue); }
    Result<void> unlockEngine(std::string_view passphrase) override
    {
        called("unlockEngine");
        if (auto refused = writable(); !refused)
            return refused;
        if (!m_ws->summary.demo && passphrase != m_ws->enginePassphrase)
            return fail(ErrorCode::WrongPassphrase, "wrong passphrase for the engine key");
        m_unlocked = true;
        return {};
    }
    bool engineUnlocked() const override { return m_unlocked; }
    Result<std::vector<api::PolicyVersion>> policyVersions() override { return missing("policyVersions"); }
    Result<api::ShadowReport> shadowReport() override { return missing("shadowReport"); }
    Result<api::QueueItem> proposalDetail(const std::string&) override { return missing("proposalDetail"); }
    Result<api::PolicyVersion> publishPolicy(std::string_view, const std::string&, std::string_view, api::PolicyMode) override
    {
        return missing("publishPolicy");
    }
    Result<std::int64_t> exportAuditLog(api::LogFormat, std::int64_t, std::int64_t,
                                        const std::function<Result<void>(std::string_view)>&, const api::ProgressFn&,
                                        std::stop_token) override
    {
        return missing("exportAuditLog");
    }
    Result<api::EvidenceBundle> evidenceBundle(const std::string&) override { return missing("evidenceBundle"); }
    Result<api::ReputationReport> reputation() override { return record("reputation", m_ws->reputation); }
    Result<std::string> attestReputation(const std::string&) override { return missing("attestReputation"); }
    Result<api::HealthReport> health() override { return record("health", m_ws->health); }
    Result<std::vector<std::int64_t>> auditMatches(const api::AuditQuery& query) override
    {
        std::vector<std::int64_t> seqs;
        for (const api::AuditRow& row : m_ws->log) {
            const bool type = query.types.empty() || std::find(query.types.begin(), query.types.end(), row.type) != query.types.end();
            if (type && (query.agent.empty() || row.agent == query.agent || row.actor == query.agent)
                && (query.intent.empty() || row.intent == query.intent) && (query.outcome.empty() || row.outcome == query.outcome)
                && (query.text.empty() || row.summary.find(query.text) != std::string::npos))
                seqs.push_back(row.seq);
        }
        return record("auditMatches", seqs);
    }
    Result<api::AuditHistogram> auditHistogram(const api::AuditQuery&) override
    {
        api::AuditHistogram histogram;
        for (const api::AuditRow& row : m_ws->log) {
            const std::int64_t start = row.timeMs / histogram.bucketMs * histogram.bucketMs;
            if (histogram.buckets.empty() || histogram.buckets.back().startMs != start)
                histogram.buckets.push_back({start, row.seq, {}});
            ++histogram.buckets.back().counts[static_cast<std::size_t>(api::kindOf(row.type))];
        }
        return record("auditHistogram", histogram);
    }
    Result<std::vector<api::AuditRow>> auditRows(const std::vector<std::int64_t>& seqs) override
    {
        std::vector<api::AuditRow> rows;
        for (std::int64_t seq : seqs) {
            if (seq >= 1 && seq <= static_cast<std::int64_t>(m_ws->log.size()))
                rows.push_back(m_ws->log[static_cast<std::size_t>(seq - 1)]);
        }
        return record("auditRows", rows);
    }
    Result<api::AuditEntryDetail> auditEntry(std::int64_t seq) override
    {
        if (seq < 1 || seq > static_cast<std::int64_t>(m_ws->log.size()))
            return missing("auditEntry");
        api::AuditEntryDetail detail;
        detail.row = m_ws->log[static_cast<std::size_t>(seq - 1)];
        for (const api::AuditRow& row : m_ws->log) {
            if (!detail.row.intent.empty() && row.intent == detail.row.intent)
                detail.related.push_back(row);
        }
        return record("auditEntry", detail);
    }
    Result<api::ReplaySummary> replayLog(const std::string&, const api::ProgressFn&, std::stop_token) override
    {
        return missing("replayLog");
    }
    Result<api::BacktestSummary> backtestPolicy(std::string_view, const api::ProgressFn&, std::stop_token) override
    {
        return missing("backtestPolicy");
    }
    Result<api::PolicyCheck> checkPolicy(std::string_view) override { return missing("checkPolicy"); }
    Result<std::optional<std::string>> policyDraft() override { return missing("policyDraft"); }
    Result<void> savePolicyDraft(std::string_view) override { return missing("savePolicyDraft"); }
    Result<std::vector<api::CapUse>> capUsage() override { return missing("capUsage"); }

    Result<api::ApprovalOutcome> submitVerdict(const std::string& intent, const std::string& approver, bool approve,
                                               std::string_view reason, std::string_view, std::string_view) override
    {
        called("submitVerdict " + intent + " " + approver + (approve ? " approve" : " reject"));
        if (auto refused = writable(); !refused)
            return Unexpected{refused.error()};
        if (!approve && reason.empty())
            return fail(ErrorCode::InvalidInput, "reason: a rejection needs a reason");
        auto& items = m_ws->queue.items;
        const auto found = std::find_if(items.begin(), items.end(), [&](const api::QueueItem& item) { return item.intent == intent; });
        if (found == items.end())
            return fail(ErrorCode::NotFound, "no approval request for " + intent);
        items.erase(found);
        ++(approve ? m_ws->queue.approved : m_ws->queue.rejected);
        ++m_ws->summary.auditEntries;
        announce(api::Change::Kind::AuditAppended);
        announce(api::Change::Kind::QueueChanged);
        return api::ApprovalOutcome{approve ? api::ApprovalState::Executed : api::ApprovalState::Rejected,
                                    approve ? "approved and executed" : "rejected", 0};
    }
    Result<api::ApprovalOutcome> submitEdit(const std::string&, const std::string&, const std::string&, const std::string&,
                                            std::string_view, std::string_view) override
    {
        return missing("submitEdit");
    }
    Result<StatusChange> changePrincipalStatus(const std::string&, api::PrincipalStatus, const std::string&, std::string_view,
                                               std::string_view) override
    {
        return missing("changePrincipalStatus");
    }
    Result<std::vector<api::PrincipalView>> principals() override { return m_ws->summary.principals; }
    Result<api::Grants> grantsOf(const std::string&) override { return m_ws->grants; }
    Result<PrincipalChange> addPrincipal(const NewPrincipal&, const std::string&, std::string_view, std::string_view) override
    {
        return missing("addPrincipal");
    }
    Result<PrincipalChange> rotateKey(const std::string&, const std::string&, std::string_view, std::string_view) override
    {
        return missing("rotateKey");
    }
    Result<std::string> exportWorld() override { return missing("exportWorld"); }
    Result<api::WorldView> world() override { return m_ws->world; }
    Result<WorldImport> importWorld(std::string_view, const std::string&, std::string_view) override
    {
        return missing("importWorld");
    }
    Result<std::int64_t> setPrice(const PriceChange&, const std::string&, std::string_view) override
    {
        return missing("setPrice");
    }
    Result<TextEdited> editWorldText(const TextEdit& edit, const std::string& actor, std::string_view) override
    {
        m_ws->textEdits.push_back({edit, actor});
        return TextEdited{"before", static_cast<std::int64_t>(m_ws->textEdits.size())};
    }

    std::unique_ptr<api::Handler> handleChanges(ChangedFn fn) override { return subscribe(m_changes, std::move(fn)); }
    std::unique_ptr<api::Handler> handleStatusChanged(StatusChangedFn fn) override { return subscribe(m_status, std::move(fn)); }

private:
    //! Records a call; the worker and the browsing thread both call.
    void called(std::string call)
    {
        std::lock_guard lock(m_ws->callsMutex);
        m_ws->calls.push_back(std::move(call));
    }
    template <class Fn>
    struct Subscribers
    {
        std::mutex mutex;
        std::map<int, Fn> callbacks;
        int next = 0;
    };
    template <class Fn>
    class Subscription final : public api::Handler
    {
    public:
        Subscription(std::shared_ptr<Subscribers<Fn>> subscribers, int id) : m_subscribers(std::move(subscribers)), m_id(id) {}
        ~Subscription() override { disconnect(); }
        void disconnect() override
        {
            std::lock_guard lock(m_subscribers->mutex);
            m_subscribers->callbacks.erase(m_id);
        }

    private:
        std::shared_ptr<Subscribers<Fn>> m_subscribers;
        int m_id;
    };
    template <class Fn>
    static std::unique_ptr<api::Handler> subscribe(const std::shared_ptr<Subscribers<Fn>>& subscribers, Fn fn)
    {
        std::lock_guard lock(subscribers->mutex);
        subscribers->callbacks.emplace(++subscribers->next, std::move(fn));
        return std::make_unique<Subscription<Fn>>(subscribers, subscribers->next);
    }
    void announce(api::Change::Kind kind)
    {
        std::lock_guard lock(m_changes->mutex);
        for (auto& [id, fn] : m_changes->callbacks)
            fn(api::Change{kind, m_ws->summary.auditEntries, {}});
    }
    void notifyStatus()
    {
        const api::EngineStatus now = status();
        std::lock_guard lock(m_status->mutex);
        for (auto& [id, fn] : m_status->callbacks)
            fn(now);
    }
    template <class T>
    Result<T> record(const char* call, const T& value)
    {
        called(call);
        return value;
    }
    Result<void> writable() const
    {
        if (!m_ws->integrityProblem.empty())
            return fail(ErrorCode::NotIntact, "the audit log does not verify, so the workspace is read-only: "
                                                  + m_ws->integrityProblem);
        if (!m_ws->summary.demo && !m_unlocked)
            return fail(ErrorCode::Locked, "the engine key is locked: unlock the engine with its passphrase first");
        return {};
    }
    Unexpected missing(const char* call)
    {
        called(call);
        return fail(ErrorCode::NotFound, std::string("FakeEngine: ") + call + " is not set up in this test");
    }

    std::shared_ptr<FakeWorkspace> m_ws;
    bool m_unlocked = false;
    std::shared_ptr<Subscribers<ChangedFn>> m_changes = std::make_shared<Subscribers<ChangedFn>>();
    std::shared_ptr<Subscribers<StatusChangedFn>> m_status = std::make_shared<Subscribers<StatusChangedFn>>();
};

/**
 * A small demo: the demo's four agents with their opening balances, its assets and approvers,
 * and a live feed of `flagged` proposals (each awaiting approval) after one executed payment
 * (api-buyer pays 25 USDC).
 */
inline std::shared_ptr<FakeWorkspace> fakeDemo(const std::string& path, const std::vector<Spec>& flagged = {})
{
    auto ws = std::make_shared<FakeWorkspace>();
    api::WorkspaceSummary& s = ws->summary;
    s.path = path;
    s.name = "Demo workspace";
    s.demo = true;
    s.schemaVersion = 8;
    s.modelBackend = "rules";
    s.assets = {{"ETH", "Ether", 18}, {"SOL", "Solana", 9}, {"USDC", "USD Coin", 6}};
    s.principals = {{"alice", "Alice Nguyen", api::Role::Approver, api::PrincipalStatus::Active},
                    {"bob", "Bob Okafor", api::Role::Approver, api::PrincipalStatus::Active},
                    {"rita", "Rita Alvarez", api::Role::RiskManager, api::PrincipalStatus::Active}};
    const auto agent = [](const char* id, std::vector<api::BalanceView> balances) {
        return api::AgentSummary{id, id, {}, api::PrincipalStatus::Active, "ed25519:0000", {std::string(id) + ":main"}, std::move(balances)};
    };
    s.agents = {agent("api-buyer", {{"USDC", 6, "1200"}}),
                agent("payroll-bot", {{"USDC", 6, "85000"}}),
                agent("trader", {{"ETH", 18, "12.75"}, {"SOL", 9, "300"}, {"USDC", 6, "48000"}}),
                agent("treasury-bot", {{"ETH", 18, "40.5"}, {"SOL", 9, "1200"}, {"USDC", 6, "250000"}})};
    for (const api::AgentSummary& a : s.agents)
        s.principals.push_back({a.id, a.displayName, api::Role::Agent, api::PrincipalStatus::Active});
    s.auditEntries = 11;
    s.latestCheckpoint = 11;
    ws->feed.push_back({{"int-0001", "api-buyer", api::IntentState::Executed, {}, 20, false}, std::nullopt, "api-buyer", "USDC", "1175"});
    for (const Spec& spec : flagged) {
        api::QueueItem item = itemOf(spec);
        ws->feed.push_back({{item.intent, item.agent, api::IntentState::AwaitingApproval, "needs a treasury approver", 0, false}, item, {}, {}, {}});
    }
    s.pendingIntents = static_cast<int>(ws->feed.size());
    return ws;
}

//! Workspaces by path; createWorkspace makes a fakeDemo (or an empty one sealed by a passphrase).
class FakeEngineFactory final : public api::EngineFactory
{
public:
    std::map<std::string, std::shared_ptr<FakeWorkspace>> workspaces;
    //! What createWorkspace(path, demo=true) flags in its feed.
    std::vector<Spec> demoFlagged;

    Result<std::unique_ptr<api::Engine>> openWorkspace(const std::string& path) override
    {
        const auto found = workspaces.find(path);
        if (found == workspaces.end())
            return fail(ErrorCode::NotFound, "workspace not found: " + path);
        return std::unique_ptr<api::Engine>(std::make_unique<FakeEngine>(found->second));
    }
    Result<void> createWorkspace(const std::string& path, const NewWorkspace& options) override
    {
        if (workspaces.count(path) > 0 && !options.force)
            return fail(ErrorCode::AlreadyExists, "a workspace already exists at " + path);
        if (!options.demo && (options.enginePassphrase.empty() || options.riskManager.empty()
                              || options.riskManagerPassphrase.empty()))
            return fail(ErrorCode::InvalidInput, "a workspace that is not a demo needs an engine passphrase and a risk manager");
        auto ws = options.demo ? fakeDemo(path, demoFlagged) : std::make_shared<FakeWorkspace>();
        if (!options.demo) {
            ws->summary.path = path;
            ws->summary.name = "Workspace";
            ws->enginePassphrase = std::string(options.enginePassphrase);
            ws->summary.principals.push_back({options.riskManager, options.riskManagerName, api::Role::RiskManager,
                                              api::PrincipalStatus::Active, {}, {}, {}, std::nullopt});
        }
        workspaces[path] = std::move(ws);
        return {};
    }
};

} // namespace cs::test
