// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/CanonicalJson.h"
#include "core/domain/Proposal.h"
#include "core/simulation/WorldState.h"

#include <QJsonObject>

#include <optional>
#include <string>
#include <vector>

namespace cs::simulation {

enum class Failure {
    None,
    UnknownAgent,        //!< the agent has no account
    UnknownCounterparty, //!< `to` names nobody the ledger knows
    UnknownVenue,        //!< `venue` is not a venue, or not one that does this
    NoPool,              //!< no pool trades this pair (at this venue)
    EmptyPool,           //!< a reserve is zero
    InsufficientFunds,   //!< the paying account holds less than the amount
    NoPosition,          //!< a withdrawal larger than what was deposited
    BelowMinOut,         //!< the swap would return less than params.min_out
    SlippageTooHigh,     //!< the price impact exceeds the maximum slippage
    Overflow,            //!< an amount would leave the 128-bit range
};
std::string_view toString(Failure failure);

struct BalanceDelta
{
    std::string account;
    Money amount; //!< signed
};

struct SimulationOptions
{
    int maxSlippageBps = 10'000; //!< price impact allowed on swaps, in basis points
};

struct SimulationResult
{
    bool ok() const { return failure == Failure::None; }

    Failure failure = Failure::None;
    std::string reason;                //!< for people and the audit log, when not ok
    std::vector<BalanceDelta> deltas;  //!< per account and asset; for each asset they sum to zero
    std::optional<Money> fee;          //!< swap: the pool's fee, in the asset sold
    std::optional<Money> expectedOut;  //!< swap: what the agent receives
    std::optional<std::int64_t> priceImpactBps; //!< swap: shortfall against the spot price, rounded up
    identity::Hash stateBefore{};
    identity::Hash stateAfter{};       //!< the state with the deltas applied (equal to before when not ok)
};

/**
 * What `proposal` would do to `state`, without doing it: pure and deterministic. transfer and
 * pay_api move the amount from the agent's account to the counterparty's; swap trades against
 * the constant-product pool of the pair (at `venue` when given), as Uniswap v2 does:
 * out = ⌊in·(10⁴−fee)·reserve_out / (reserve_in·10⁴ + in·(10⁴−fee))⌋, the fee (reported as
 * ⌈in·fee/10⁴⌉) staying in the pool, and the price impact measured against the spot price;
 * deposit and withdraw move funds between the agent and the venue's lending market and its
 * position. Every amount is checked integer arithmetic; nothing is ever rounded in the agent's
 * favour.
 */
SimulationResult simulate(const WorldState& state, const Proposal& proposal, const SimulationOptions& options = {});

//! The body of a simulation.completed entry: ok, failure, deltas, the state hashes, expected
//! output, fee and price impact.
CanonicalObject toJson(const std::string& intent, const SimulationResult& result);

//! Applies `deltas` (and the position change of a deposit or withdrawal) to `state` in place.
void apply(WorldState& state, const Proposal& proposal, const std::vector<BalanceDelta>& deltas);

} // namespace cs::simulation
