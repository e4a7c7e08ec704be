// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/AuditLog.h"
#include "core/simulation/Simulator.h"
#include "core/simulation/WorldState.h"

#include <QJsonObject>

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

//! The countersign.receipt/1 body of `request` executed by the adapter named `adapter`: what a
//! settlement's receipt says, and what replay recomputes it against.
CanonicalObject receiptBody(const Request& request, std::string_view adapter);

//! What settle() did, and the receipt body for the engine to sign and append.
struct Settled
{
    Settlement settlement;
    std::optional<CanonicalObject> receipt; //!< executed now: countersign.receipt/1, to sign, append, then receiptAppended()
};

/**
 * Where money moves: every settlement (a pipeline allow, a quorum reached, an allowed edit)
 * goes through an adapter, inside the caller's write transaction. An adapter is idempotent per
 * key and never guesses: an earlier settlement of the key is answered from its record, a world
 * that moved since the simulation is StateChanged with nothing done, and an interrupted one is
 * unknown until reconciled. The caller — the engine — signs the receipt the adapter describes,
 * appends it with its own entries (so a batch commits everything at once) and then tells the
 * adapter its sequence number.
 */
class SettlementAdapter
{
public:
    virtual ~SettlementAdapter() = default;
    //! "local-ledger": what receipts name as their adapter.
    virtual std::string_view name() const = 0;
    //! Settles `request` on `world` (the world as the caller's transaction holds it, moved on
    //! by the postings when it executes).
    virtual Result<Settled> settle(storage::Database& db, simulation::WorldState& world, const Request& request,
                                   Timestamp now) = 0;
    //! The receipt of `key` is entry `receiptSeq`: the settlement is executed.
    virtual Result<void> receiptAppended(storage::Database& db, const std::string& key, std::int64_t receiptSeq,
                                         Timestamp now) = 0;
};

//! SHA-256 over the intent and its canonical proposal (`canonicalProposal`), in hex.
std::string idempotencyKey(const std::string& intent, std::string_view canonical);

//! What an earlier settlement of `key` came to, if there was one.
Result<std::optional<Settlement>> findSettlement(storage::Database& db, const std::string& key);

//! The engine-signed settlement.receipt entry of a receipt body an adapter described.
Result<audit::Draft> receiptDraft(const CanonicalObject& receipt, const identity::SigningKey& engineKey);
//! The same entry with its signature left to audit::signDrafts (a batch signs its receipts together).
Result<audit::Draft> receiptDraftToSign(const CanonicalObject& receipt);

/**
 * One settlement in the caller's transaction, its receipt signed (with `checkpoints.engineKey`)
 * and appended at once: `adapter.settle`, the receipt entry, `receiptAppended`. The checkpoints
 * the append signed are added to `signedCheckpoints` (for the caller to write once it commits).
 */
Result<Settlement> settleNow(storage::Database& db, SettlementAdapter& adapter, simulation::WorldState& world,
                             const Request& request, Timestamp now, const audit::CheckpointPolicy& checkpoints,
                             std::vector<audit::Checkpoint>& signedCheckpoints);
//! settleNow() in a write transaction of its own, on the world the database holds.
Result<Settlement> settleAlone(storage::DbWriter& writer, SettlementAdapter& adapter, const Request& request,
                               const audit::CheckpointPolicy& checkpoints, const Clock& clock);

struct Reconciled
{
    std::string idempotencyKey;
    std::string intent;
    Outcome resolution = Outcome::Failed;
    std::string reason;
};

/**
 * The embedded double-entry ledger in the workspace database. Inside the caller's transaction
 * settle() writes the settlement's 'pending' row, checks the world state hash, applies the
 * simulated postings to balances (and lending positions) and describes the receipt;
 * receiptAppended() marks the row executed. All of it commits with the caller's transaction or
 * none of it does, so there is never a half-applied transfer or a transfer without its receipt.
 */
class LocalLedger final : public SettlementAdapter
{
public:
    std::string_view name() const override { return "local-ledger"; }
    Result<Settled> settle(storage::Database& db, simulation::WorldState& world, const Request& request,
                           Timestamp now) override;
    Result<void> receiptAppended(storage::Database& db, const std::string& key, std::int64_t receiptSeq,
                                 Timestamp now) override;
};

/**
 * A 'pending' settlement that survives its transaction (a rail outside the database commits
 * its marker before it calls out, and may crash while out) becomes 'unknown' here, each
 * recorded in the log; reconcile() then resolves every 'unknown' one from the ledger itself.
 */
Result<int> markInterrupted(storage::DbWriter& writer, const audit::CheckpointPolicy& checkpoints, const Clock& clock);
//! Resolves every 'unknown' settlement from the ledger: executed when its postings and receipt
//! exist, failed when neither does (nothing moved), otherwise left unknown saying what it found.
//! Each resolution is audited.
Result<std::vector<Reconciled>> reconcile(storage::DbWriter& writer, const audit::CheckpointPolicy& checkpoints,
                                          const Clock& clock);

} // namespace cs::settlement
