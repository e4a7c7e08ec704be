// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/AuditLog.h"
#include "core/model/ModelBackend.h"
#include "core/settlement/Settlement.h"
#include "core/storage/Database.h"

#include <chrono>
#include <optional>
#include <span>
#include <vector>
#include <string>

namespace cs::engine {

//! Where an intent ends (or waits): the states of ARCHITECTURE.md after Decided.
enum class IntentState { CannotPlan, Rejected, Denied, AwaitingApproval, Executed, Failed, Unknown };
std::string_view toString(IntentState state);

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
 * Intents through the whole pipeline, every step one audit entry: intent.received →
 * model.exchange (the redacted request and the response, with hashes and the fields accessed)
 * → proposal.parsed or proposal.rejected → simulation.completed → policy.decided (signed by the
 * engine) → settlement.receipt or approval.requested. The model is untrusted: its proposal must
 * name the intent's own agent and intent, and its claims are recorded, never obeyed. An intent
 * already processed is returned as it stands, never run twice.
 *
 * A batch is decided in memory, each intent on the world as the earlier ones in the batch
 * left it, and then committed in one transaction: every entry, posting, receipt and outcome
 * of the batch, or none (group commit). The transaction first checks that the world is still
 * the one the batch was simulated on; if not, the batch is simulated and decided again.
 */
class Pipeline
{
public:
    //! `reader` is a connection of its own to the workspace database, for reads.
    Pipeline(storage::DbWriter& writer, storage::Database reader, audit::CheckpointPolicy policy, const Clock& clock,
             model::ModelBackend& backend, std::chrono::milliseconds modelTimeout = std::chrono::seconds(60));

    Result<IntentOutcome> process(const model::Intent& intent);
    //! Outcomes in the order of `intents`; durable together once this returns.
    Result<std::vector<IntentOutcome>> processBatch(std::span<const model::Intent> intents);

private:
    struct Planned;
    Result<std::vector<Planned>> plan(std::span<const model::Intent> intents, simulation::WorldState& world);
    Result<bool> commit(std::vector<Planned>& planned, const identity::Hash& worldBefore);

    storage::DbWriter& m_writer;
    audit::CheckpointPolicy m_policy;
    const Clock& m_clock;
    model::ModelBackend& m_backend;
    std::chrono::milliseconds m_modelTimeout;
    storage::Database m_reader;
};

} // namespace cs::engine
