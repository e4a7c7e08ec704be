// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/bridge/MetaTypes.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <stop_token>

#include <QObject>
#include <QThread>
#include <QTimer>

namespace cs {
class SecretBytes;
}

namespace cs::api {
class Engine;
class EngineFactory;
class Handler;
} // namespace cs::api

namespace cs::ui {

//! An approver's decision on one proposal, as the console collected it.
struct Verdict
{
    QString intent;
    QString approver;
    enum Kind { Approve, Reject, Edit } kind = Approve;
    QString reason;       //!< Reject: why (required)
    QString amount;       //!< Edit: the lower amount (empty: unchanged)
    QString minOut;       //!< Edit: the higher min_out of a swap (empty: unchanged)
    QString shownSubject; //!< the subject_sha256 the approver reviewed
};

/**
 * The GUI's only way to the engine. Every call is posted to a worker thread that owns the
 * open api::Engine; results come back as signals, queued to the GUI thread. Nothing here
 * blocks the caller, and no exception leaves the worker. Browsing the audit timeline (its
 * matches and rows) has a thread of its own, so a page never waits behind the
 * integrity check, a verification or a what-if on the worker.
 */
class EngineClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineClient)

public:
    explicit EngineClient(std::shared_ptr<api::EngineFactory> factory, QObject* parent = nullptr);
    ~EngineClient() override;

    //! Opens WS (closing the current one); workspaceOpened or workspaceFailed follows.
    void openWorkspace(const QString& path);
    //! Creates WS, then opens it; workspaceFailed if either step fails. A workspace that is not
    //! a demo needs the passphrase that will seal its engine key (wiped once used).
    //! A workspace of one's own needs the engine's passphrase and its first risk manager (id, passphrase).
    void createWorkspace(const QString& path, bool demo, const QString& enginePassphrase = {},
                         const QString& riskManager = {}, const QString& riskManagerName = {},
                         const QString& riskManagerPassphrase = {});
    //! agentsLoaded or requestFailed follows.
    void loadAgents();
    /**
     * The live feed of a demo workspace: every `intervalMs` the next intent of its
     * intents.jsonl goes through the pipeline (unlocking the engine key with the public demo
     * passphrase); intentProcessed follows each one, feedFinished the last (after which it may
     * be started again). Only demo workspaces are fed.
     */
    void startDemoFeed(int intervalMs);
    //! approvalQueueLoaded or requestFailed follows.
    void loadApprovalQueue();
    /**
     * Signs `verdict` with the approver's key (opened by `passphrase`, which the worker holds
     * only while signing) over the subject the approver was shown, and records it; the quorum
     * settles it (the engine key: the public demo passphrase in a demo workspace, otherwise it
     * must have been unlocked). verdictSubmitted or verdictFailed follows; a refusal writes nothing.
     */
    void submitVerdict(const cs::ui::Verdict& verdict, std::shared_ptr<const SecretBytes> passphrase);
    //! Every principal; peopleLoaded or requestFailed follows.
    void loadPeople();
    //! What the active policy lets `principal` do; grantsLoaded or requestFailed follows.
    void loadGrants(const QString& principal);
    //! What a risk manager does to people and agents, each signed with `actor`'s key (opened by
    //! `passphrase`) and audited; principalChanged or principalFailed follows, and a refusal
    //! writes nothing. A new key is sealed with `newPassphrase` (none for an analyst).
    void addPrincipal(const QString& id, cs::api::Role role, const QString& name, const QString& description,
                      const QString& actor, std::shared_ptr<const SecretBytes> passphrase,
                      std::shared_ptr<const SecretBytes> newPassphrase);
    void rotateKey(const QString& principal, const QString& actor, std::shared_ptr<const SecretBytes> passphrase,
                   std::shared_ptr<const SecretBytes> newPassphrase);
    //! The kill switch for each of `principals` in turn (Freeze all: every active agent); one
    //! principalChanged per change, principalFailed at the first refusal.
    void changeStatus(const QStringList& principals, cs::api::PrincipalStatus status, const QString& actor,
                      const QString& reason, std::shared_ptr<const SecretBytes> passphrase);
    //! The world as it is now; worldLoaded or requestFailed follows.
    void loadWorld();
    //! The world file (countersign.world/1) written to `path`; worldExported or worldFailed follows.
    void exportWorld(const QString& path);
    /**
     * What a risk manager changes in the world, signed with `actor`'s key and audited:
     * `document` (countersign.world/1, from a file or one item) adds what is new, all or nothing;
     * a price applies from now on. worldChanged or worldFailed follows; a refusal writes nothing.
     */
    void importWorld(const QByteArray& document, const QString& actor, std::shared_ptr<const SecretBytes> passphrase);
    void setPrice(const QString& asset, const QString& quote, const QString& price, const QString& source,
                  const QString& actor, std::shared_ptr<const SecretBytes> passphrase);
    //! A text no decision reads (a counterparty's name, an account's description…), signed by
    //! `actor`; worldChanged or worldFailed follows, and a refusal writes nothing.
    void editWorldText(const QString& section, const QString& id, const QString& field, const QString& value,
                       const QString& actor, std::shared_ptr<const SecretBytes> passphrase);
    //! The version that decides now (an empty one when none is published) and the workspace's
    //! policy draft, if it keeps one; policyLoaded or requestFailed follows.
    void loadPolicy();
    //! The engine's check of a draft (parse, static checks, the diff from the active version);
    //! policyChecked follows — a draft that does not parse is a check with its problem.
    void checkPolicy(const QByteArray& document);
    //! Keeps `document` as the workspace's policy draft, signed by nobody (empty: discards it).
    void savePolicyDraft(const QByteArray& document);
    //! Every agent's use of every windowed cap now; capUsageLoaded or requestFailed follows.
    void loadCapUsage();
    //! What-if: the draft re-decides the whole history; backtestProgress as it goes, then
    //! backtestFinished or backtestFailed. cancelBacktest (from any thread) stops it.
    void backtestPolicy(const QByteArray& document);
    void cancelBacktest();
    //! Publishes `document` (as the active version, or as a shadow), signed by the risk manager
    //! `signer` (key opened with `passphrase`); policyPublished or policyFailed follows, and a
    //! refusal writes nothing.
    void publishPolicy(const QByteArray& document, const QString& signer, std::shared_ptr<const SecretBytes> passphrase,
                       cs::api::PolicyMode mode);
    //! The shadow running now and its differences; shadowLoaded or requestFailed follows.
    void loadShadow();
    //! Any recorded proposal as the approval detail shows it; proposalDetailLoaded or requestFailed follows.
    void loadProposalDetail(const QString& intent);
    //! The audit timeline. Which entries `query` keeps; auditMatchesLoaded (with `generation`,
    //! so a view drops answers to a query it no longer shows) or requestFailed follows.
    void loadAuditMatches(quint64 generation, const cs::api::AuditQuery& query);
    //! The strip of what `query` keeps over time; auditHistogramLoaded (with `generation`) or requestFailed follows.
    void loadAuditHistogram(quint64 generation, const cs::api::AuditQuery& query);
    //! The rows of `seqs`; auditRowsLoaded (with `generation`) or requestFailed follows.
    void loadAuditRows(quint64 generation, const std::vector<std::int64_t>& seqs);
    //! One entry in full; auditEntryLoaded or requestFailed follows, unless another entry is
    //! asked for before this one is read (then only that one's).
    void loadAuditEntry(qint64 seq);
    //! The proposal's whole path recomputed from the log; replayLoaded or requestFailed follows.
    void replayProposal(const QString& intent);
    //! Verifies the log and the money; verifyProgress as it goes, then verifyFinished or
    //! verifyFailed. cancelVerify (from any thread) stops it.
    void verifyLog();
    void cancelVerify();
    //! The whole log written to `path`; auditExported or requestFailed follows.
    void exportAuditLog(const QString& path, cs::api::LogFormat format);
    //! Every agent's reputation from the log; reputationLoaded or requestFailed follows.
    void loadReputation();
    //! The workspace's red flags checked; healthLoaded or requestFailed follows.
    void loadHealth();
    //! Opens the engine key of a workspace that is not a demo; engineUnlocked or requestFailed follows.
    void unlockEngine(std::shared_ptr<const SecretBytes> passphrase);

Q_SIGNALS:
    void workspaceOpened(const QString& path, const cs::api::WorkspaceSummary& summary);
    void workspaceFailed(const QString& path, const QString& message);
    void agentsLoaded(const std::vector<cs::api::AgentSummary>& agents);
    void requestFailed(const QString& message);
    void statusChanged(const cs::api::EngineStatus& status);
    //! Something a write of the open workspace changed, once it committed.
    void workspaceChanged(const cs::api::Change& change);
    void intentProcessed(const cs::api::IntentResult& result);
    void feedFinished();
    void approvalQueueLoaded(const cs::api::ApprovalQueue& queue);
    void verdictSubmitted(const QString& intent, const cs::api::ApprovalOutcome& outcome);
    void verdictFailed(const QString& intent, const QString& message);
    void engineUnlocked();
    void peopleLoaded(const std::vector<cs::api::PrincipalView>& people);
    void grantsLoaded(const QString& principal, const cs::api::Grants& grants);
    //! `what` says what was done, in the user's language.
    void principalChanged(const QString& principal, const QString& what);
    void principalFailed(const QString& principal, const QString& message);
    void worldLoaded(const cs::api::WorldView& world);
    void worldExported(const QString& path);
    void worldChanged(const QString& what);
    void worldFailed(const QString& message);
    void policyLoaded(const cs::api::PolicyVersion& active, const QByteArray& draft, bool hasDraft);
    void policyChecked(const QByteArray& document, const cs::api::PolicyCheck& check);
    void capUsageLoaded(const std::vector<cs::api::CapUse>& uses);
    void backtestProgress(qint64 done, qint64 total);
    void backtestFinished(const cs::api::BacktestSummary& summary);
    void backtestFailed(const QString& message, bool cancelled);
    void policyPublished(const cs::api::PolicyVersion& version);
    void policyFailed(const QString& message);
    void shadowLoaded(const cs::api::ShadowReport& report);
    void proposalDetailLoaded(const cs::api::QueueItem& item);
    void auditMatchesLoaded(quint64 generation, const std::vector<std::int64_t>& seqs);
    void auditRowsLoaded(quint64 generation, const std::vector<cs::api::AuditRow>& rows);
    void auditHistogramLoaded(quint64 generation, const cs::api::AuditHistogram& histogram);
    void auditEntryLoaded(const cs::api::AuditEntryDetail& detail);
    void replayLoaded(const cs::api::ProposalReplay& replay);
    void verifyProgress(qint64 done, qint64 total);
    void verifyFinished(const cs::api::VerifySummary& summary);
    void verifyFailed(const QString& message, bool cancelled);
    void auditExported(const QString& path, qint64 entries);
    void reputationLoaded(const cs::api::ReputationReport& report);
    void healthLoaded(const cs::api::HealthReport& report);
    //! The check the engine runs before its first write, run as soon as a workspace opens.
    void integrityProgress(qint64 done, qint64 total);
    //! `intact` false: the workspace is read-only, `problem` says why (entry and reason).
    void integrityChecked(bool intact, const QString& problem);

private:
    //! Where a call runs: the worker, or the browsing thread (api::Engine's browsing methods only).
    enum class Lane { Worker, Browse };
    template <class Work>
    void post(Work work, Lane lane = Lane::Worker);
    //! Posts `read` (api::Engine& → Result<T>); `loaded` (a signal taking T) or requestFailed follows.
    template <class Read, class Loaded>
    void postRead(Read read, Loaded loaded, Lane lane = Lane::Worker);
    //! The engine the browsing thread reads (null: no workspace); it may outlive its workspace
    //! on that thread for as long as one read of it lasts.
    std::shared_ptr<api::Engine> browsed() const;
    void openOnWorker(const QString& path);
    static QString noWorkspace();
    //! On the worker: why nothing may be signed now (no workspace, or a log that does not
    //! verify), or empty when a change may be signed.
    QString whyNotWritable() const;
    //! A fresh stop source in `source` (a what-if or a verification starting); its token.
    std::stop_token restart(std::stop_source& source);

    std::shared_ptr<api::EngineFactory> m_factory;
    QThread m_thread;
    QObject m_context; //!< lives on m_thread; posted lambdas run in its context
    QThread m_browseThread;
    QObject m_browseContext; //!< lives on m_browseThread
    mutable std::mutex m_browseMutex;
    std::shared_ptr<api::Engine> m_browsed; //!< m_engine, as the browsing thread sees it (under m_browseMutex)
    // Touched only on m_thread.
    std::shared_ptr<api::Engine> m_engine;
    std::unique_ptr<api::Handler> m_statusHandler;
    std::unique_ptr<api::Handler> m_changesHandler;
    QTimer* m_feedTimer = nullptr;
    bool m_demo = false; //!< the open workspace is a demo: its engine key opens with the public passphrase
    bool m_readOnly = false; //!< its audit log did not verify: nothing is fed or written
    std::mutex m_backtestMutex;
    std::stop_source m_backtestStop; //!< the what-if under way, if any
    std::stop_source m_verifyStop;   //!< the verification under way, if any (under m_backtestMutex)
    std::atomic<qint64> m_entryWanted{0}; //!< the entry loadAuditEntry asked for last
};

} // namespace cs::ui
