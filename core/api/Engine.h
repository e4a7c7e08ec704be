// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Handler.h"
#include "core/api/Health.h"
#include "core/api/Reports.h"
#include "core/api/Reputation.h"
#include "core/api/Snapshots.h"
#include "core/domain/Clock.h"
#include "core/domain/Result.h"

#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>

namespace cs::api {

/**
 * Everything the UI and the CLI may ask of one open workspace. Pure virtual, value types only,
 * no SQL and no engine internals cross it. Every method may block on the database: call it
 * from a worker thread (ui/bridge/EngineClient), never from the GUI thread. Not overloaded.
 */
class Engine
{
public:
    virtual ~Engine() = default;

    //! The workspace at a glance: settings, assets, principals, agents with balances, counts.
    virtual Result<WorkspaceSummary> summary() = 0;
    //! Agents with their balances, ordered by id.
    virtual Result<std::vector<AgentSummary>> agents() = 0;
    virtual EngineStatus status() = 0;

    //! Verifies the audit log against the checkpoints in the database and in checkpoints/
    //! (core/audit/Verifier), then every balance from the log. `progress` runs on the calling
    //! thread. `everySignature` (`verify --full`): also each engine-signed entry a checkpoint covers.
    //! A stop requested on `stop` ends it with Cancelled.
    virtual Result<VerifySummary> verifyAuditLog(const ProgressFn& progress, bool everySignature, std::stop_token stop) = 0;
    /**
     * What the engine checks before its first write (and runs on its own then): every entry
     * against its leaf hash and the signed roots, signatures of what this user has not verified
     * before, consistency with the newest checkpoint this user saw of this workspace (kept
     * outside it). Computed once per open workspace. A log that fails leaves the workspace
     * read-only: every write is NotIntact naming the first bad entry, the status ReadOnly.
     */
    virtual Result<VerifySummary> checkIntegrity(const ProgressFn& progress) = 0;
    //! An inclusion proof of entry `seq` against the newest signed checkpoint covering it.
    virtual Result<QJsonObject> proveEntry(std::int64_t seq) = 0;
    /**
     * Every proposal's path recomputed from what the log recorded (core/replay): the model
     * output parsed again, each simulation on the world the log records at that entry, each
     * decision under its recorded version with windows from the log, each approval and receipt
     * checked; never the mutable tables, a model, a key or a write. With `intent`, that proposal's
     * every step (NotFound when the log has no such intent); without, the divergent ones.
     * `progress` runs on the calling thread; a stop requested on `stop` ends it with Cancelled.
     */
    virtual Result<ReplaySummary> replayLog(const std::string& intent, const ProgressFn& progress, std::stop_token stop) = 0;
    /**
     * The seqs of the entries `query` keeps, in log order (core/audit/Timeline). This one and
     * auditRows — browsing — may be called from a second thread while any other
     * method runs on the first: an analyst's next page never waits for a verification or a what-if.
     */
    virtual Result<std::vector<std::int64_t>> auditMatches(const AuditQuery& query) = 0;
    //! The entries `query` keeps, counted by kind per minute, hour or day (the timeline's strip).
    virtual Result<AuditHistogram> auditHistogram(const AuditQuery& query) = 0;
    //! Every agent's reputation from the log alone (core/reputation); an agent with no outcome yet at 50.
    virtual Result<ReputationReport> reputation() = 0;
    /**
     * A signed attestation of `agent`'s reputation over the entries the newest checkpoint
     * covers (countersign.reputation-attestation/1, core/reputation/Attestation.h). NotFound for
     * no such agent, Locked when the engine key is not open (a demo opens its own).
     */
    virtual Result<std::string> attestReputation(const std::string& agent) = 0;
    //! The seed's red flags checked from the log, each with its evidence (core/health, countersign-cli doctor).
    virtual Result<HealthReport> health() = 0;
    //! The timeline rows of `seqs` (at most 10,000), in that order.
    virtual Result<std::vector<AuditRow>> auditRows(const std::vector<std::int64_t>& seqs) = 0;
    //! Entry `seq` in full: bytes, hashes checked, signature checked, inclusion proof, its proposal's entries.
    virtual Result<AuditEntryDetail> auditEntry(std::int64_t seq) = 0;
    /**
     * Entries `from`..`to` of the log (0 for `to`: the newest) in `format`, in order, handed to
     * `write` in chunks; returns how many were written. InvalidInput when `from` > `to`.
     * `progress` runs on the calling thread; a stop requested on `stop` ends it with Cancelled.
     */
    virtual Result<std::int64_t> exportAuditLog(LogFormat format, std::int64_t from, std::int64_t to,
                                                const std::function<Result<void>(std::string_view chunk)>& write,
                                                const ProgressFn& progress, std::stop_token stop) = 0;
    //! The evidence bundle of the proposal of `intent` (core/audit/Evidence): its entries, an
    //! inclusion proof of each against one signed checkpoint, the checkpoint, the engine's and
    //! the signers' keys. NotFound when the log has no such intent or no checkpoint covers it yet.
    virtual Result<EvidenceBundle> evidenceBundle(const std::string& intent) = 0;
    //! Every executed settlement's receipt entry, in log order.
    virtual Result<std::vector<ReceiptRef>> receipts() = 0;
    //! receipt.json, its signature and the engine key, for a settlement receipt entry.
    virtual Result<ReceiptExport> exportReceipt(std::int64_t seq) = 0;
    //! Appends a synthetic history (audit/Generator), unlocking the keys it signs with by
    //! `passphrase`; the log is checkpointed when it is done.
    virtual Result<GeneratedHistory> generateHistory(std::int64_t entries, std::string_view passphrase) = 0;

    //! countersign-cli reconcile: settlements a crash interrupted are marked unknown, then every
    //! unknown one is resolved from the ledger; each step is audited.
    virtual Result<Reconciliation> reconcile() = 0;

    struct RunOptions
    {
        std::string intentsFile; //!< WS/intents.jsonl when empty
        std::string backend;     //!< rules, replay or openai; empty: workspace.json's "model.backend"
        std::string modelUrl;    //!< openai: base URL up to /v1; else COUNTERSIGN_MODEL_URL, else workspace.json
        std::string fixturesFile; //!< replay: recorded responses (JSON lines); empty: this log's model exchanges
        std::function<void(const std::string&)> notice; //!< what the operator should know (a key withheld), once
        bool wait = false; //!< another run holds the workspace: wait for it (otherwise StorageBusy)
    };
    //! countersign-cli run: every intent through the pipeline, in order; intents already
    //! processed are reported, not run again.
    virtual Result<std::vector<IntentResult>> runIntents(const RunOptions& options) = 0;
    //! The next intent of WS/intents.jsonl not processed yet, through the pipeline with the
    //! rules backend (the console's live feed); nullopt when every intent has been processed.
    virtual Result<std::optional<IntentResult>> runNextIntent() = 0;
    //! Proposals awaiting approval, oldest first, each simulated on the world as it is now.
    virtual Result<ApprovalQueue> approvalQueue() = 0;
    //! Any recorded proposal of `intent` as the approval detail shows it: what it is, its signed
    //! decision, what it would do if it settled now, and its request when one was made.
    //! NotFound when `intent` has no parsed proposal.
    virtual Result<QueueItem> proposalDetail(const std::string& intent) = 0;
    //! Opens the engine's signing key (checkpoints, receipts, settlements) for as long as the
    //! workspace stays open; WrongPassphrase leaves it locked. Already open: nothing to do.
    //! Every call that writes needs it: a demo workspace opens it itself (its passphrase is
    //! public); any other is Locked until this succeeds.
    virtual Result<void> unlockEngine(std::string_view passphrase) = 0;
    //! Whether unlockEngine succeeded (or a call that needed the engine key opened it).
    virtual bool engineUnlocked() const = 0;

    //! Published policy versions, newest first: the first one decides.
    virtual Result<std::vector<PolicyVersion>> policyVersions() = 0;
    //! Publishes `document` (countersign.policy/1), signed by the risk manager `signer` whose key
    //! opens with `passphrase`. Refused
    //! (NotAllowed) for anyone but an active risk manager, and (InvalidInput) for a policy that
    //! does not parse or has static-check errors; AlreadyExists for a version already published.
    virtual Result<PolicyVersion> publishPolicy(std::string_view document, const std::string& signer,
                                                std::string_view passphrase, PolicyMode mode) = 0;
    //! The shadow running now and every live decision it would have made otherwise.
    virtual Result<ShadowReport> shadowReport() = 0;

    /**
     * Re-decides every recorded proposal in time order with spend windows recomputed from
     * scratch (core/policy/Backtest): under the draft policy `document` when it is not empty
     * (what-if), otherwise each under the version that decided it (a replay that must reproduce
     * the record). A draft that does not parse or has static-check errors is InvalidInput.
     * `progress` runs on the calling thread; a stop requested on `stop` ends it with Cancelled.
     */
    virtual Result<BacktestSummary> backtestPolicy(std::string_view document, const ProgressFn& progress,
                                                   std::stop_token stop) = 0;

    //! Parses `document` against the workspace's assets, runs the static checks and says what it
    //! changes from the active version. Never writes; a draft that does not parse is a
    //! PolicyCheck with its problem, not an error.
    virtual Result<PolicyCheck> checkPolicy(std::string_view document) = 0;
    //! The policy draft kept in the workspace (signed by nobody), or nullopt when there is none.
    virtual Result<std::optional<std::string>> policyDraft() = 0;
    //! Keeps `document` as the workspace's policy draft (durably, replacing the one before;
    //! at most 4 MiB); an empty document discards it.
    virtual Result<void> savePolicyDraft(std::string_view document) = 0;
    //! Every agent's use of every windowed cap of the active policy that can apply to it, now.
    virtual Result<std::vector<CapUse>> capUsage() = 0;

    /**
     * An approver's verdict on the proposal of `intent`: signed with the approver's key (opened
     * with `passphrase`) over the request's subject, then checked and recorded by the engine
     * (core/approval); the quorum settles it. A
     * rejection needs a reason. NotAllowed for an approver who may not (duties, counted once,
     * not in a required group, expired); InvalidInput for a bad verdict; NotFound for no request.
     * `shownSubject`, when not empty, is the subject_sha256 the approver reviewed: a request whose
     * subject changed since (edited, decided again) is NotAllowed, and nothing is signed.
     */
    virtual Result<ApprovalOutcome> submitVerdict(const std::string& intent, const std::string& approver, bool approve,
                                                  std::string_view reason, std::string_view passphrase,
                                                  std::string_view shownSubject) = 0;

    /**
     * Edit-then-approve (core/approval): `approver` lowers the amount and/or raises min_out; the
     * new version is simulated and decided now and their approval is signed over it. Empty
     * strings leave a field as it is. Refusals as for submitVerdict, plus InvalidInput for an
     * edit that loosens the proposal.
     */
    virtual Result<ApprovalOutcome> submitEdit(const std::string& intent, const std::string& approver,
                                               const std::string& amount, const std::string& minOut,
                                               std::string_view passphrase, std::string_view shownSubject) = 0;

    struct StatusChange
    {
        std::string principal;
        PrincipalStatus from = PrincipalStatus::Active;
        PrincipalStatus to = PrincipalStatus::Active;
        std::int64_t entrySeq = 0;  //!< the signed identity.status_changed entry
        int cancelledRequests = 0;  //!< pending approval requests the kill switch ended
    };
    /**
     * The kill switch: `principal`'s status becomes `status` (a revocation is final), signed by the risk manager `actor` (key opened with `passphrase`)
     * with a reason, audited. Suspending or revoking an agent also ends its pending approval
     * requests (their spends released); resuming restores intake only. NotAllowed for an actor
     * who is not an active risk manager; NotFound for no such principal.
     */
    virtual Result<StatusChange> changePrincipalStatus(const std::string& principal, PrincipalStatus status,
                                                       const std::string& actor, std::string_view reason,
                                                       std::string_view passphrase) = 0;

    //! The rules of the active policy that can apply to what `principal` proposes.
    virtual Result<Grants> grantsOf(const std::string& principal) = 0;
    //! Every principal, ordered by role, then id.
    virtual Result<std::vector<PrincipalView>> principals() = 0;

    //! Who a risk manager adds.
    struct NewPrincipal
    {
        std::string id;
        Role role = Role::Agent;
        std::string displayName; //!< the id when empty
        std::string description;
    };
    struct PrincipalChange
    {
        PrincipalView principal; //!< as it is now
        std::int64_t entrySeq = 0; //!< the signed entry that made the change
    };
    /**
     * Adds a person or an agent, signed by the risk manager `actor` (key opened with
     * `passphrase`) and audited; the new principal's key is sealed with `newPassphrase` (an
     * analyst gets none: analysts read everything and sign nothing). NotAllowed for anyone but
     * an active risk manager, AlreadyExists for an id in use; nothing is written then.
     */
    virtual Result<PrincipalChange> addPrincipal(const NewPrincipal& principal, const std::string& actor,
                                                 std::string_view passphrase, std::string_view newPassphrase) = 0;
    /**
     * A new key for `principal`, signed by `actor` — a risk manager, or the principal itself —
     * and sealed with `newPassphrase`; the old key file is kept under keys/retired/ and what was
     * signed with it still verifies.
     */
    virtual Result<PrincipalChange> rotateKey(const std::string& principal, const std::string& actor,
                                              std::string_view passphrase, std::string_view newPassphrase) = 0;

    //! Accounts with their balances, counterparties, venues, prices and lists, as they are now.
    virtual Result<WorldView> world() = 0;
    //! The world as a countersign.world/1 document (pretty JSON): what `importWorld` reads.
    virtual Result<std::string> exportWorld() = 0;
    struct WorldImport
    {
        int added = 0;     //!< items new to the workspace
        int unchanged = 0; //!< items that were there already, the same
        int balances = 0;  //!< balances opened
        std::int64_t entrySeq = 0; //!< the signed world.changed entry; 0 when nothing was new
    };
    /**
     * Adds what `document` (countersign.world/1) holds that the workspace does not, all or
     * nothing, signed by the risk manager `actor` (key opened with `passphrase`) in one
     * world.changed entry that carries the balances it opens (so `verify` recomputes them). An
     * item that exists must be the same; importing a file twice changes nothing. InvalidInput
     * naming the JSON path, NotAllowed for anyone but an active risk manager; nothing is written then.
     */
    virtual Result<WorldImport> importWorld(std::string_view document, const std::string& actor,
                                            std::string_view passphrase) = 0;

    struct PriceChange
    {
        std::string asset;
        std::string quote;
        std::string price; //!< decimal, in the quote asset
        std::string source;
    };
    //! A new price from now on, signed by the risk manager `actor` in a world.changed entry;
    //! returns that entry's seq. The older prices stay for replay.
    virtual Result<std::int64_t> setPrice(const PriceChange& price, const std::string& actor, std::string_view passphrase) = 0;

    struct TextEdit
    {
        std::string section; //!< assets, accounts, venues, counterparties, lists
        std::string id;
        std::string field;   //!< the section's one describing text: name or description
        std::string value;
    };
    struct TextEdited
    {
        std::string before;
        std::int64_t entrySeq = 0; //!< the signed world.changed entry; 0 when the text was that already
    };
    /**
     * Edits a text of the world that no decision reads — an asset's, venue's or counterparty's
     * name, an account's or list's description — signed by the risk manager `actor` in a
     * world.changed entry with the text before and after. Anything else is refused, naming the
     * part that is wrong, and nothing is written.
     */
    virtual Result<TextEdited> editWorldText(const TextEdit& edit, const std::string& actor, std::string_view passphrase) = 0;

    using ChangedFn = std::function<void(const Change& change)>;
    //! Every change a write of this engine committed, in order, once it committed: the views
    //! refresh from these instead of polling. Writes by another process on the same workspace
    //! are pushed too, within a second. Runs on the thread that wrote, or the engine's watcher.
    [[nodiscard]] virtual std::unique_ptr<Handler> handleChanges(ChangedFn fn) = 0;

    using StatusChangedFn = std::function<void(const EngineStatus& status)>;
    //! The callback runs on whichever thread changed the status.
    [[nodiscard]] virtual std::unique_ptr<Handler> handleStatusChanged(StatusChangedFn fn) = 0;
};

//! Creates and opens workspaces. The UI receives one so tests can pass a fake.
class EngineFactory
{
public:
    virtual ~EngineFactory() = default;

    //! Opens WS, migrating an older schema; NotFound, NotAWorkspace, SchemaTooNew, StorageBusy.
    virtual Result<std::unique_ptr<Engine>> openWorkspace(const std::string& path) = 0;
    struct NewWorkspace
    {
        bool demo = false;
        bool force = false; //!< replace an existing workspace
        std::string_view enginePassphrase{};
        std::string riskManager{}; //!< the first risk manager's id
        std::string riskManagerName{};
        std::string_view riskManagerPassphrase{};
    };
    //! countersign-cli init: AlreadyExists unless `force`. A workspace that is not a demo needs
    //! the passphrases that seal the engine's key and its first risk manager's; demo keys use
    //! the public demo passphrase.
    virtual Result<void> createWorkspace(const std::string& path, const NewWorkspace& options) = 0;
};

[[nodiscard]] std::unique_ptr<EngineFactory> makeEngineFactory(std::shared_ptr<const Clock> clock);

} // namespace cs::api
