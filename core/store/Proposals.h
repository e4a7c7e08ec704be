// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cs::storage {
class Database;
}

namespace cs::store {

//! Where one intent's proposal stands (`proposals`).
struct ProposalRow
{
    std::string intent;
    std::string agent;
    std::string state; //!< cannot_plan, rejected, denied, awaiting_approval, executed, failed, unknown
    std::string reason;
    std::optional<std::string> proposal; //!< canonical JSON, once parsed
    std::optional<std::string> proposalSha256;
    std::optional<std::string> effect; //!< allow, require_approval, deny, once decided
    std::optional<std::string> decision; //!< the policy.decided body
    std::int64_t receiptSeq = 0;         //!< 0: none
    Timestamp updated;
};

Result<void> insertProposal(storage::Database& db, const ProposalRow& row);
Result<std::optional<ProposalRow>> findProposal(storage::Database& db, std::string_view intent);
//! Its state, reason and receipt (0: none).
Result<void> setProposalState(storage::Database& db, std::string_view intent, std::string_view state,
                              std::string_view reason, std::int64_t receiptSeq, Timestamp now);
//! An edited version: proposal, hash, effect and decision.
Result<void> setProposalVersion(storage::Database& db, const ProposalRow& row);
//! The proposals in `state`, oldest first.
Result<std::vector<ProposalRow>> proposalsIn(storage::Database& db, std::string_view state);

//! One decided proposal as the policy saw it (`decisions`), with its spend.
struct DecisionRow
{
    std::string intent;
    std::string agent;
    std::string action;
    std::string asset;
    std::string amount;
    std::optional<std::string> to;
    std::optional<std::string> venue;
    std::optional<std::string> assetOut;
    std::optional<std::string> minOut;
    std::string claimedRisk;
    std::int64_t claimedApprovals = 0;
    std::string simulation; //!< "ok" or the failure
    std::string simulationReason;
    std::optional<std::string> expectedOut;
    Timestamp at;
    std::string effect;
    std::string policyVersion;
    std::optional<std::string> spend; //!< reserved, committed, released; none when nothing counts
    Timestamp updated;
    bool firstTime = false;
};

using DecisionFn = std::function<Result<void>(const DecisionRow&)>;

Result<void> insertDecision(storage::Database& db, const DecisionRow& row);
//! What an edit changes: amount, min_out, effect, policy version, simulation, first_time; the
//! spend is reserved again.
Result<void> setEditedDecision(storage::Database& db, const DecisionRow& row);
//! Every decision in time order.
Result<void> forEachDecision(storage::Database& db, const DecisionFn& fn);
/**
 * The decisions written after row `afterRowid`, decided at or after `from`, whose spend counts
 * (reserved or committed), in time order.
 */
Result<void> forEachSpend(storage::Database& db, Timestamp from, std::int64_t afterRowid, const DecisionFn& fn);
//! The counterparties of decisions after row `afterRowid` whose spend settled.
Result<void> forEachPaid(storage::Database& db, std::int64_t afterRowid,
                         const std::function<void(const std::string& counterparty)>& fn);
//! The newest decisions row (0: none).
Result<std::int64_t> newestDecisionRow(storage::Database& db);
/**
 * Moves the spend of `intent`'s decision on: `committed` when it settles, `released` when it is
 * rejected, expires or fails (it stops counting in every window). Only a reserved spend moves,
 * and only forward; NotFound when there is none. Every move advances the spend epoch.
 */
Result<void> moveSpend(storage::Database& db, std::string_view intent, std::string_view state, Timestamp now);
//! Advances whenever a spend moves (a trigger on decisions): cached windows are stale once it does.
Result<std::int64_t> spendEpoch(storage::Database& db);

} // namespace cs::store
