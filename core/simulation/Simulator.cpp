// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/simulation/Simulator.h"

#include "core/domain/Encoding.h"

#include <QJsonArray>

#include <functional>

namespace cs::simulation {

namespace {

constexpr Int128 kBps = 10'000;

SimulationResult failed(const WorldState& state, Failure failure, std::string reason)
{
    SimulationResult result;
    result.failure = failure;
    result.reason = std::move(reason);
    result.stateBefore = state.hash();
    result.stateAfter = result.stateBefore;
    return result;
}

std::string describe(Int128 minor, const Asset& asset)
{
    return Money::fromMinor(minor, asset).toString() + " " + asset.code;
}

//! A swap on its constant-product pool: what it returns, its fee and price impact, its deltas;
//! or the failure. `debit` says whether `from` can pay.
std::optional<SimulationResult> simulateSwap(const WorldState& state, const Proposal& proposal, const std::string& from,
                                             const SimulationOptions& options,
                                             const std::function<std::optional<SimulationResult>()>& debit,
                                             SimulationResult& result)
{
    const Proposal::Action& action = proposal.action;
    const Asset& asset = action.amount.asset();
    const Int128 amount = action.amount.minor();
    const std::string& out = action.minOut->asset().code;
    const Pool* pool = nullptr;
    for (const Pool& candidate : state.pools) {
        const bool pair = (candidate.assetA == asset.code && candidate.assetB == out)
                          || (candidate.assetA == out && candidate.assetB == asset.code);
        if (pair && (!action.venue || candidate.venue == *action.venue)) {
            pool = &candidate;
            break;
        }
    }
    if (pool == nullptr)
        return failed(state, Failure::NoPool, "no pool trades " + asset.code + "/" + out
                                                  + (action.venue ? " at " + *action.venue : std::string()));
    const Asset& assetOut = state.assets.at(out);
    const Int128 reserveIn = state.balance(pool->account, asset.code);
    const Int128 reserveOut = state.balance(pool->account, out);
    if (reserveIn <= 0 || reserveOut <= 0)
        return failed(state, Failure::EmptyPool, "pool " + pool->id + " has an empty reserve");
    if (auto refused = debit())
        return *refused;
    const Int128 keep = kBps - pool->feeBps;
    const auto inWithFee = checkedMul(amount, keep);
    const auto numerator = inWithFee ? checkedMul(*inWithFee, reserveOut) : std::nullopt;
    const auto scaledReserve = checkedMul(reserveIn, kBps);
    const auto denominator = scaledReserve && inWithFee ? checkedAdd(*scaledReserve, *inWithFee) : std::nullopt;
    if (!numerator || !denominator)
        return failed(state, Failure::Overflow, "the swap's arithmetic would leave the 128-bit range");
    const Int128 received = *numerator / *denominator;
    // Spot: what the same input would buy at the pool's current price, after the fee;
    // impact = 1 − received / spot, in basis points, rounded up (never understated).
    const auto receivedScaled = checkedMul(received, *scaledReserve);
    if (!receivedScaled)
        return failed(state, Failure::Overflow, "the swap's arithmetic would leave the 128-bit range");
    const Int128 shortfall = *numerator - *receivedScaled; // spot·reserve_in·10⁴ − received·reserve_in·10⁴
    const auto impactNumerator = checkedMul(shortfall, kBps);
    if (!impactNumerator)
        return failed(state, Failure::Overflow, "the swap's arithmetic would leave the 128-bit range");
    const auto feeScaled = checkedMul(amount, pool->feeBps);
    if (!feeScaled || !checkedAdd(*impactNumerator, *numerator))
        return failed(state, Failure::Overflow, "the swap's arithmetic would leave the 128-bit range");
    const Int128 impact = (*impactNumerator + *numerator - 1) / *numerator;
    const Int128 fee = (*feeScaled + kBps - 1) / kBps;
    result.expectedOut = Money::fromMinor(received, assetOut);
    result.fee = Money::fromMinor(fee, asset);
    result.priceImpactBps = static_cast<std::int64_t>(impact);
    if (received <= 0)
        return failed(state, Failure::BelowMinOut, "the swap returns nothing");
    if (received < action.minOut->minor())
        return failed(state, Failure::BelowMinOut,
                      "the swap returns " + describe(received, assetOut) + ", below min_out "
                          + describe(action.minOut->minor(), assetOut));
    if (impact > options.maxSlippageBps)
        return failed(state, Failure::SlippageTooHigh,
                      "price impact " + std::to_string(static_cast<long long>(impact)) + " bps exceeds the maximum of "
                          + std::to_string(options.maxSlippageBps) + " bps");
    result.deltas = {{from, Money::fromMinor(-amount, asset)},
                     {from, Money::fromMinor(received, assetOut)},
                     {pool->account, action.amount},
                     {pool->account, Money::fromMinor(-received, assetOut)}};
    return std::nullopt;
}

//! A deposit to or a withdrawal from a lending market; or the failure.
std::optional<SimulationResult> simulateLending(const WorldState& state, const Proposal& proposal, const std::string& from,
                                                const std::function<std::optional<SimulationResult>()>& debit,
                                                SimulationResult& result)
{
    const Proposal::Action& action = proposal.action;
    const Asset& asset = action.amount.asset();
    const Int128 amount = action.amount.minor();
    const LendingMarket* market = nullptr;
    for (const LendingMarket& candidate : state.lending) {
        if (candidate.venue == *action.venue && candidate.asset == asset.code)
            market = &candidate;
    }
    if (market == nullptr)
        return failed(state, Failure::UnknownVenue, *action.venue + " has no lending market for " + asset.code);
    if (action.type == ActionType::Deposit) {
        if (auto refused = debit())
            return *refused;
        result.deltas = {{from, Money::fromMinor(-amount, asset)}, {market->account, action.amount}};
    } else {
        const auto position = state.positions.find({proposal.agent, *action.venue, asset.code});
        const Int128 supplied = position == state.positions.end() ? 0 : position->second;
        if (supplied < amount)
            return failed(state, Failure::NoPosition, proposal.agent + " has " + describe(supplied, asset) + " at "
                                                          + *action.venue + ", less than " + describe(amount, asset));
        if (state.balance(market->account, asset.code) < amount)
            return failed(state, Failure::InsufficientFunds, "the market holds less than " + describe(amount, asset));
        result.deltas = {{market->account, Money::fromMinor(-amount, asset)}, {from, action.amount}};
    }
    return std::nullopt;
}

} // namespace

std::string_view toString(Failure failure)
{
    switch (failure) {
    case Failure::None: return "none";
    case Failure::UnknownAgent: return "unknown_agent";
    case Failure::UnknownCounterparty: return "unknown_counterparty";
    case Failure::UnknownVenue: return "unknown_venue";
    case Failure::NoPool: return "no_pool";
    case Failure::EmptyPool: return "empty_pool";
    case Failure::InsufficientFunds: return "insufficient_funds";
    case Failure::NoPosition: return "no_position";
    case Failure::BelowMinOut: return "below_min_out";
    case Failure::SlippageTooHigh: return "slippage_too_high";
    case Failure::Overflow: return "overflow";
    }
    return "overflow";
}

SimulationResult simulate(const WorldState& state, const Proposal& proposal, const SimulationOptions& options)
{
    const Proposal::Action& action = proposal.action;
    const Asset& asset = action.amount.asset();
    const Int128 amount = action.amount.minor();

    const auto agentAccount = state.agentAccounts.find(proposal.agent);
    if (agentAccount == state.agentAccounts.end())
        return failed(state, Failure::UnknownAgent, "agent " + proposal.agent + " has no account");
    const std::string& from = agentAccount->second;

    std::string venueKind;
    if (action.venue) {
        const auto venue = state.venues.find(*action.venue);
        if (venue == state.venues.end())
            return failed(state, Failure::UnknownVenue, "no venue " + *action.venue);
        venueKind = venue->second;
    }
    const Int128 held = state.balance(from, asset.code);

    SimulationResult result;
    result.stateBefore = state.hash();
    const auto debitAgent = [&]() -> std::optional<SimulationResult> {
        if (held < amount)
            return failed(state, Failure::InsufficientFunds,
                          from + " holds " + describe(held, asset) + ", less than " + describe(amount, asset));
        return std::nullopt;
    };

    switch (action.type) {
    case ActionType::Transfer:
    case ActionType::PayApi: {
        // A counterparty's account, or for a transfer another agent's own account.
        const auto counterparty = state.counterparties.find(*action.to);
        const auto agent = state.agentAccounts.find(*action.to);
        const bool toAgent = action.type == ActionType::Transfer && counterparty == state.counterparties.end()
                             && agent != state.agentAccounts.end() && *action.to != proposal.agent;
        if (counterparty == state.counterparties.end() && !toAgent)
            return failed(state, Failure::UnknownCounterparty, "no counterparty " + *action.to);
        if (action.type == ActionType::PayApi && action.venue && venueKind != "x402")
            return failed(state, Failure::UnknownVenue, *action.venue + " does not take API payments");
        if (auto refused = debitAgent())
            return *refused;
        result.deltas = {{from, Money::fromMinor(-amount, asset)},
                         {toAgent ? agent->second : counterparty->second, action.amount}};
        break;
    }
    case ActionType::Swap:
        if (auto refused = simulateSwap(state, proposal, from, options, debitAgent, result))
            return *refused;
        break;
    case ActionType::Deposit:
    case ActionType::Withdraw:
        if (auto refused = simulateLending(state, proposal, from, debitAgent, result))
            return *refused;
        break;
    }
    for (const BalanceDelta& delta : result.deltas) {
        if (!checkedAdd(state.balance(delta.account, delta.amount.asset().code), delta.amount.minor()))
            return failed(state, Failure::Overflow, "the balance of " + delta.account + " would leave the 128-bit range");
    }
    WorldState after = state;
    apply(after, proposal, result.deltas);
    result.stateAfter = after.hash();
    return result;
}

void apply(WorldState& next, const Proposal& proposal, const std::vector<BalanceDelta>& deltas)
{
    for (const BalanceDelta& delta : deltas)
        next.balances[{delta.account, delta.amount.asset().code}] += delta.amount.minor();
    const Proposal::Action& action = proposal.action;
    if (!deltas.empty() && (action.type == ActionType::Deposit || action.type == ActionType::Withdraw)) {
        Int128& position = next.positions[{proposal.agent, *action.venue, action.amount.asset().code}];
        position += action.type == ActionType::Deposit ? action.amount.minor() : -action.amount.minor();
    }
}

CanonicalObject toJson(const std::string& intent, const SimulationResult& result)
{
    CanonicalArray deltas;
    for (const auto& delta : result.deltas)
        deltas.object(CanonicalObject()
                          .text("account", delta.account)
                          .text("asset", delta.amount.asset().code)
                          .text("amount", delta.amount.toString()));
    CanonicalObject body;
    body.text("intent", intent)
        .boolean("ok", result.ok())
        .text("failure", toString(result.failure))
        .array("deltas", deltas)
        .text("state_before", toHex(result.stateBefore))
        .text("state_after", toHex(result.stateAfter));
    if (!result.ok())
        body.text("reason", result.reason);
    if (result.expectedOut)
        body.text("expected_out", result.expectedOut->toString() + " " + result.expectedOut->asset().code);
    if (result.fee)
        body.text("fee", result.fee->toString() + " " + result.fee->asset().code);
    if (result.priceImpactBps)
        body.integer("price_impact_bps", *result.priceImpactBps);
    return body;
}

} // namespace cs::simulation
