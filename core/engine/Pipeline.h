// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Snapshots.h"
#include "core/audit/AuditLog.h"
#include "core/model/ModelBackend.h"
#include "core/policy/Decide.h"
#include "core/settlement/Settlement.h"
#include "core/storage/Database.h"

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <vector>
#include <string>

namespace cs::engine {

//! Where an intent ends (or waits): the states of ARCHITECTURE.md after Decided.
using api::IntentState;

struct IntentOutcome
{
    std::string intent;
    std::string agent;
    IntentState state = IntentState::Rejected;
    std::string reason;
    std::int64_t receiptSeq = 0;
    bool alreadyProcessed = false; //!< found in the workspace from an earlier run
};

/**
 * Where an intents file's stream starts: 14:00 UTC three days before `now`'s UTC date. Every
 * intent is then in the past, and the demo's two calendar days fall the same way on every run.
 */
Timestamp streamStart(Timestamp now);

struct PipelineOptions
{
    std::chrono::milliseconds modelTimeout = std::chrono::seconds(60);
    //! When set, each intent happens at streamStart + its offset_s (a recorded stream placed in
    //! time, so calendar-day windows behave the same on every run); otherwise at the clock's now.
    std::optional<Timestamp> streamStart;
    //! What a model.exchange entry keeps of a response: the parser refuses anything longer, so
    //! beyond it the entry holds this prefix, the full length and the full SHA-256.
    std::size_t recordedResponseBytes = 64 * 1024;
};

//! Where a pipeline's time went, in seconds of steady-clock time, summed over every batch
//! (bench_pipeline prints it; nothing decides on it).
struct PipelineTimings
{
    double propose = 0;         //!< intake, the model, the strict parser, their drafts
    double decide = 0;          //!< loading policy and windows, simulating, deciding, signing, settling
    double record = 0;          //!< audit entries, checkpoint, proposal and decision rows
    double commit = 0;          //!< the transaction's durable commit
    double checkpointFiles = 0; //!< handing the checkpoints to the file writer after the commit
};

/**
 * Intents through the whole pipeline, every step one audit entry: intent.received →
 * model.exchange (the redacted request — its system prompt whole in the batch's first exchange,
 * by hash in the others — and the response, with hashes and the fields accessed)
 * → proposal.parsed or proposal.rejected → simulation.completed → policy.decided (signed by the
 * engine) → settlement.receipt or approval.requested. The model is untrusted: its proposal must
 * name the intent's own agent and intent, and its claims are recorded, never obeyed. An intent
 * already processed is returned as it stands, never run twice.
 *
 * A batch runs in two steps. Outside any transaction, on the caller's thread: the model is asked
 * and its answer parsed. Then in one write transaction on the writer thread: each proposal is
 * simulated on the world as the earlier ones left it, decided by the newest published policy
 * with its spend windows checked and reserved (atomic: no other decision interleaves), signed,
 * settled when allowed, and every entry, posting, receipt, spend and outcome of the batch
 * commits together, or none does (group commit). Settlement always happens on the state that
 * was simulated, because both happen in that one transaction.
 */
class Pipeline
{
public:
    //! `reader` is a connection of its own to the workspace database, for reads.
    //! Allowed proposals settle through `adapter`, in the batch's transaction.
    Pipeline(storage::DbWriter& writer, storage::Database reader, audit::CheckpointPolicy policy, const Clock& clock,
             model::ModelBackend& backend, settlement::SettlementAdapter& adapter, PipelineOptions options = {});
    ~Pipeline();

    Result<IntentOutcome> process(const model::Intent& intent);
    //! Outcomes in the order of `intents`; durable together once this returns.
    Result<std::vector<IntentOutcome>> processBatch(std::span<const model::Intent> intents);
    /**
     * `intents` in batches of `batchSize`, each durable on its own, with the model and the
     * parser of the next batch running while the writer decides and commits this one. An id
     * that appears again in a later batch is refused like a repeat within one batch. Outcomes in
     * the order of `intents`; on an error, the batches before the failing one are committed.
     */
    Result<std::vector<IntentOutcome>> processBatches(std::span<const model::Intent> intents, std::size_t batchSize);
    const PipelineTimings& timings() const { return m_timings; }

private:
    struct Planned;
    //! A batch's system prompts so far, each with its SHA-256 (hex).
    using Prompts = std::map<std::string, std::string, std::less<>>;
    //! `seen`: the ids of this run so far; a repeat is refused.
    Result<std::vector<Planned>> propose(std::span<const model::Intent> intents, std::set<std::string>& seen);
    //! Intake, the model and the strict parser for one new intent, its drafts into `item`.
    Result<void> proposeOne(const model::Intent& intent, const AssetCatalog& catalog, Prompts& prompts, Planned& item);
    //! Each proposal's drafts the engine signs go to `signer` once it is decided.
    Result<void> decide(storage::Database& db, std::vector<Planned>& planned, audit::DraftSigner& signer);
    Result<void> decideAndCommit(std::vector<Planned>& planned);
    static Result<void> recordDecision(storage::Database& db, const Planned& item, Timestamp now);

    storage::DbWriter& m_writer;
    audit::CheckpointPolicy m_policy;
    const Clock& m_clock;
    model::ModelBackend& m_backend;
    settlement::SettlementAdapter& m_adapter;
    PipelineOptions m_options;
    storage::Database m_reader;
    policy::Decider m_decider; //!< kept across batches; used on the writer thread only
    PipelineTimings m_timings;
    //! Each batch's checkpoint files, written after its commit without holding up the next
    //! batch; all of them by the time the pipeline is gone.
    audit::CheckpointFileWriter m_files;
};

} // namespace cs::engine
