// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Engine.h"
#include "core/audit/AuditLog.h"
#include "core/audit/Verifier.h"
#include "core/engine/CallbackList.h"
#include "core/policy/Policy.h"
#include "core/identity/Crypto.h"
#include "core/settlement/Settlement.h"
#include "core/storage/Database.h"
#include "core/storage/DbWriter.h"
#include "core/workspace/Workspace.h"

#include <QFile>

#include <atomic>
#include <functional>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>
#include <optional>

namespace cs::engine {

//! The seam's Effect of a policy decision.
api::Effect effectOf(policy::Effect effect);

//! A parsed policy's name, version and static-check findings (core/policy/Checks).
api::PolicyCheck policyCheckOf(const policy::Policy& policy);

//! `file` (open) read whole, refused past `limit` bytes with its name (`what`) and size, never read in part.
Result<std::string> readWhole(QFile& file, qint64 limit, const char* what);

} // namespace cs::engine
namespace cs::store {
struct PrincipalRow;
}
namespace cs::identity {
struct SignedStatement;
}
namespace cs::engine {

//! The seam's view of a principal's row, with when it was last active (`audit::lastActivity`).
Result<api::PrincipalView> principalView(const store::PrincipalRow& row, const std::map<std::string, Timestamp>& lastActive);

/**
 * The engine of one workspace on this machine: the DbWriter thread owns the write connection,
 * reads use a connection of their own. Wraps core/storage and core/workspace; logic lives there.
 */
class LocalEngine final : public api::Engine
{
public:
    static Result<std::unique_ptr<LocalEngine>> open(const std::filesystem::path& dir,
                                                     std::shared_ptr<const Clock> clock);
    ~LocalEngine() override;

    Result<api::WorkspaceSummary> summary() override;
    Result<std::vector<api::AgentSummary>> agents() override;
    api::EngineStatus status() override;
    std::unique_ptr<api::Handler> handleStatusChanged(StatusChangedFn fn) override;
    std::unique_ptr<api::Handler> handleChanges(ChangedFn fn) override;
    Result<api::VerifySummary> verifyAuditLog(const api::ProgressFn& progress, bool everySignature, std::stop_token stop) override;
    Result<QJsonObject> proveEntry(std::int64_t seq) override;
    Result<api::ReceiptExport> exportReceipt(std::int64_t seq) override;
    Result<api::GeneratedHistory> generateHistory(std::int64_t entries, std::string_view passphrase) override;
    Result<api::Reconciliation> reconcile() override;
    Result<std::vector<api::IntentResult>> runIntents(const RunOptions& options) override;
    Result<std::optional<api::IntentResult>> runNextIntent() override;
    Result<api::ApprovalQueue> approvalQueue() override;
    Result<api::QueueItem> proposalDetail(const std::string& intent) override;
    Result<void> unlockEngine(std::string_view passphrase) override;
    Result<std::vector<api::ReceiptRef>> receipts() override;
    Result<api::VerifySummary> checkIntegrity(const api::ProgressFn& progress) override;
    bool engineUnlocked() const override { return m_engineSigner.has_value(); }
    Result<std::vector<api::PolicyVersion>> policyVersions() override;
    Result<std::int64_t> exportAuditLog(api::LogFormat format, std::int64_t from, std::int64_t to,
                                        const std::function<Result<void>(std::string_view chunk)>& write,
                                        const api::ProgressFn& progress, std::stop_token stop) override;
    Result<api::ReputationReport> reputation() override;
    Result<std::string> attestReputation(const std::string& agent) override;
    Result<api::HealthReport> health() override;
    Result<std::vector<std::int64_t>> auditMatches(const api::AuditQuery& query) override;
    Result<api::AuditHistogram> auditHistogram(const api::AuditQuery& query) override;
    Result<std::vector<api::AuditRow>> auditRows(const std::vector<std::int64_t>& seqs) override;
    Result<api::AuditEntryDetail> auditEntry(std::int64_t seq) override;
    Result<api::EvidenceBundle> evidenceBundle(const std::string& intent) override;
    Result<api::ReplaySummary> replayLog(const std::string& intent, const api::ProgressFn& progress, std::stop_token stop) override;
    Result<api::BacktestSummary> backtestPolicy(std::string_view document, const api::ProgressFn& progress,
                                                std::stop_token stop) override;
    Result<api::PolicyCheck> checkPolicy(std::string_view document) override;
    Result<std::optional<std::string>> policyDraft() override;
    Result<void> savePolicyDraft(std::string_view document) override;
    Result<std::vector<api::CapUse>> capUsage() override;
    Result<StatusChange> changePrincipalStatus(const std::string& principal, api::PrincipalStatus status,
                                               const std::string& actor, std::string_view reason,
                                               std::string_view passphrase) override;
    Result<std::vector<api::PrincipalView>> principals() override;
    Result<api::Grants> grantsOf(const std::string& principal) override;
    Result<PrincipalChange> addPrincipal(const NewPrincipal& principal, const std::string& actor,
                                         std::string_view passphrase, std::string_view newPassphrase) override;
    Result<PrincipalChange> rotateKey(const std::string& principal, const std::string& actor, std::string_view passphrase,
                                      std::string_view newPassphrase) override;
    Result<std::string> exportWorld() override;
    Result<api::WorldView> world() override;
    Result<WorldImport> importWorld(std::string_view document, const std::string& actor, std::string_view passphrase) override;
    Result<std::int64_t> setPrice(const PriceChange& price, const std::string& actor, std::string_view passphrase) override;
    Result<TextEdited> editWorldText(const TextEdit& edit, const std::string& actor, std::string_view passphrase) override;
    Result<api::ApprovalOutcome> submitVerdict(const std::string& intent, const std::string& approver, bool approve,
                                               std::string_view reason, std::string_view passphrase,
                                               std::string_view shownSubject) override;
    Result<api::ApprovalOutcome> submitEdit(const std::string& intent, const std::string& approver, const std::string& amount,
                                            const std::string& minOut, std::string_view passphrase,
                                            std::string_view shownSubject) override;
    Result<api::PolicyVersion> publishPolicy(std::string_view document, const std::string& signer,
                                             std::string_view passphrase, api::PolicyMode mode) override;
    Result<api::ShadowReport> shadowReport() override;

private:
    //! The engine key is open: already, or now (a demo opens its own); Locked otherwise.
    Result<void> engineKeyReady();
    LocalEngine(std::filesystem::path dir, workspace::Settings settings, std::shared_ptr<const Clock> clock,
                std::unique_ptr<storage::DbWriter> writer, storage::Database reader, storage::Database browser);

    //! The engine's public key as keys/engine.key states it.
    Result<identity::PublicKey> engineKey() const;
    audit::CheckpointPolicy checkpointPolicy(const std::string& origin) const;
    //! Appends signed identity statements in the caller's transaction; the last one's seq.
    Result<std::int64_t> recordStatements(storage::Database& db, std::span<const identity::SignedStatement> statements,
                                          std::vector<audit::Checkpoint>& signedCheckpoints);
    //! After a commit: its checkpoints mirrored to WS/checkpoints.
    Result<void> mirrorCheckpoints(storage::Database& db, const std::vector<audit::Checkpoint>& signedCheckpoints);
    Result<api::PrincipalView> principalNow(storage::Database& db, const std::string& id);
    //! A change of the world, signed by the risk manager `actor` and committed with `change` in
    //! one transaction: `change` returns the world.changed body's `change`, `added` and
    //! `balances`, or nothing when there was nothing to change. The entry's seq, or 0.
    using WorldChangeFn = std::function<Result<std::optional<QJsonObject>>(storage::Database& db, Timestamp now)>;
    Result<std::int64_t> changeWorld(const std::string& actor, std::string_view passphrase, const WorldChangeFn& change);

    //! Records the outcome of a read: a failure degrades the engine, a success restores it.
    template <class T>
    Result<T> observed(Result<T> result);
    void setStatus(api::EngineStatus status);

    //! What the views show, reduced to what tells whether it changed.
    struct Fingerprint
    {
        std::int64_t auditSize = 0;
        std::string queue;      //!< approval requests and verdicts
        std::int64_t postings = 0;
        std::string policy;     //!< the newest published version
        std::map<std::string, std::string> principals; //!< id → status and key
    };
    Result<Fingerprint> fingerprint();
    //! After a write: every difference from the last fingerprint, announced in order.
    void announceChanges();
    //! Announces on leaving the write it guards, on every path out of it; while one is alive,
    //! the watcher leaves the announcing to it.
    struct Announcing
    {
        explicit Announcing(LocalEngine& owner) : engine(owner) { ++engine.m_writing; }
        Announcing(const Announcing&) = delete;
        Announcing& operator=(const Announcing&) = delete;
        ~Announcing()
        {
            engine.announceChanges();
            --engine.m_writing;
        }
        LocalEngine& engine;
    };
    /**
     * Writes by anyone else — countersign-cli beside the console, another engine on the same
     * workspace: while anyone listens, PRAGMA data_version is read every kWatchInterval and a
     * change announced like one of this engine's own (the fingerprint tells what moved).
     */
    void watchForeignWrites();
    //! The role of principal `id`; NotFound "no such principal" before any key file is looked for.
    Result<std::string> principalRole(const std::string& id);
    //! Principal `id`'s signing key, unsealed with `passphrase`: the one way a signer's key is opened.
    Result<identity::SigningKey> principalKey(const std::string& id, std::string_view passphrase);
    //! verifyLog against this user's record of the workspace, which an intact log then advances;
    //! `full` checks every signature, otherwise only those this user has not checked before.
    //! `full`: every checkpoint, consistency proofs, no trusted prefix; `everySignature`: also each
    //! engine-signed entry under a checkpoint.
    Result<audit::VerifyReport> verifyAgainstSeen(const audit::ProgressFn& progress, bool full, bool everySignature,
                                                  std::stop_token stop);

    std::filesystem::path m_dir;
    workspace::Settings m_settings;
    std::shared_ptr<const Clock> m_clock;
    //! Unlocked only for operations that append; used to checkpoint the log on close.
    std::optional<identity::SigningKey> m_engineSigner;
    //! Where money moves: every settlement of this engine goes through it.
    settlement::LocalLedger m_ledger;
    //! The live feed's pipeline, made on its first use (runNextIntent).
    struct Feed;
    std::unique_ptr<Feed> m_feed;
    std::unique_ptr<storage::DbWriter> m_writer;
    std::mutex m_readMutex;
    std::mutex m_integrityMutex;
    std::optional<Result<api::VerifySummary>> m_integrity; //!< checkIntegrity's answer, once
    std::atomic<bool> m_readOnly{false};
    storage::Database m_reader;
    //! Browsing the timeline (auditMatches, auditRows) reads through its own
    //! connection, so it never waits for a verification or a what-if holding m_reader.
    std::mutex m_browseMutex;
    storage::Database m_browser;
    std::mutex m_statusMutex;
    api::EngineStatus m_status{api::EngineState::Ready, {}};
    CallbackList<api::EngineStatus> m_statusChanged;
    std::mutex m_changesMutex;
    Fingerprint m_announced; //!< what the last announcement described
    CallbackList<api::Change> m_changes;
    std::atomic<int> m_writing{0}; //!< this engine's writes under way (Announcing)
    std::mutex m_watchMutex;
    std::condition_variable m_watchWake;
    bool m_watchStop = false;
    std::thread m_watcher; //!< started by the first handleChanges
};

template <class T>
Result<T> LocalEngine::observed(Result<T> result)
{
    if (result)
        setStatus({api::EngineState::Ready, {}});
    else
        setStatus({api::EngineState::Degraded, result.error().message});
    return result;
}

} // namespace cs::engine
