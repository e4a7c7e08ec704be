// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/AuditLog.h"
#include "core/simulation/Simulator.h"

#include <string>
#include <vector>

namespace cs::settlement {

//! What to execute: the exact proposal, what its simulation said, and what decided it.
struct Request
{
    std::string idempotencyKey; //!< idempotencyKey(proposal): the same proposal settles once
    Proposal proposal;
    simulation::SimulationResult simulation;
    std::string decisionSha256;
    std::string policyVersion;
};

enum class Outcome {
    Executed,     //!< done; the receipt is in the audit log
    Failed,       //!< not done, and known not to be
    Unknown,      //!< may or may not have happened: waits for reconciliation, never retried blindly
    StateChanged, //!< the world moved since the simulation: nothing done; simulate and decide again
};
std::string_view toString(Outcome outcome);

struct Settlement
{
    Outcome outcome = Outcome::Failed;
    std::string reason;
    std::int64_t receiptSeq = 0; //!< the settlement.receipt entry, when executed
    std::string receiptJson;     //!< its signed body
    bool replayed = false;       //!< an earlier settlement of the same key, returned again
};

//! Where approved proposals execute. An adapter is idempotent per key and never guesses.
class SettlementAdapter
{
public:
    virtual ~SettlementAdapter() = default;
    virtual Result<Settlement> settle(const Request& request) = 0;
};

//! SHA-256 over the intent and the canonical proposal, in hex.
std::string idempotencyKey(const Proposal& proposal);

// Building blocks for a caller that settles inside a transaction of its own (the pipeline
// settles a batch of proposals, their audit entries and their receipts in one commit).

//! What an earlier settlement of `key` came to, if there was one.
Result<std::optional<Settlement>> findSettlement(storage::Database& db, const std::string& key);
//! The simulated postings to balances and the journal, and the lending position they move.
Result<void> applyPostings(storage::Database& db, const Request& request);
//! The engine-signed settlement.receipt entry (countersign.receipt/1).
Result<audit::Draft> receiptDraft(const Request& request, const identity::SigningKey& engineKey);
//! The settlements row of an execution that commits together with its receipt: written before
//! the postings that name it, the receipt's sequence number attached once it is appended.
Result<void> recordExecuted(storage::Database& db, const Request& request, Timestamp now);
Result<void> attachReceipt(storage::Database& db, const std::string& key, std::int64_t receiptSeq);

struct Reconciled
{
    std::string idempotencyKey;
    std::string intent;
    Outcome resolution = Outcome::Failed;
    std::string reason;
};

/**
 * The embedded double-entry ledger in the workspace database. settle() first commits a
 * 'pending' row for the key, then in one transaction checks the world state hash, applies the
 * simulated postings to balances (and lending positions), appends the engine-signed
 * settlement.receipt entry and marks the row executed. So a crash leaves either nothing, or a
 * pending row (which markInterrupted() turns into 'unknown'), never a half-applied transfer or
 * a transfer without its receipt.
 */
class LocalLedger final : public SettlementAdapter
{
public:
    LocalLedger(storage::DbWriter& writer, audit::CheckpointPolicy policy, const Clock& clock);

    Result<Settlement> settle(const Request& request) override;
    //! After a restart: settlements left 'pending' become 'unknown', each recorded in the log.
    Result<int> markInterrupted();
    //! Resolves every 'unknown' settlement from the ledger itself: executed when its postings
    //! and receipt exist, otherwise failed (nothing moved). Each resolution is audited.
    Result<std::vector<Reconciled>> reconcile();

private:
    storage::DbWriter& m_writer;
    audit::CheckpointPolicy m_policy;
    const Clock& m_clock;
};

} // namespace cs::settlement
