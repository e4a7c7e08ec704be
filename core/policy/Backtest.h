// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/policy/Decide.h"

#include <deque>
#include <functional>
#include <stop_token>
#include <unordered_set>

namespace cs::storage {
class Database;
}

namespace cs::policy {

//! One recorded decision and the facts it was made on (a decisions row).
struct HistoryItem
{
    const std::string* intent = nullptr;
    Request request; //!< agent, to and venue point into the History's pool; minOut is set when deciding
    std::optional<Money> minOut;
    Timestamp at;
    Effect recorded = Effect::Deny;
    const std::string* recordedVersion = nullptr;
    simulation::Failure simulation = simulation::Failure::None;
    const std::string* simulationReason = nullptr;
    std::optional<Money> expectedOut;
};

//! The recorded decisions in time order; identifiers are stored once.
struct History
{
    std::vector<HistoryItem> items;
    const std::string* intern(std::string text);

private:
    std::unordered_set<std::string> m_pool;
};

//! Every recorded decision of the workspace, oldest first.
Result<History> loadHistory(storage::Database& db);
/**
 * Gives each item of `history` its agent's reputation, for a policy that matches on it: the
 * standing its decision recorded, if it recorded one; otherwise the standing over the log's
 * entries before its policy.decided entry, decayed to its time (core/reputation).
 */
Result<void> addStandings(storage::Database& db, History& history);

struct BacktestChange
{
    std::string intent;
    std::string agent;
    Timestamp at;
    Effect before = Effect::Deny;
    Effect after = Effect::Deny;
    std::vector<std::string> rules; //!< the rules that fired in the re-decision
    Money amount = Money::zero(Asset{});
    Int128 value = 0; //!< in the reference currency, minor units
};

struct BacktestReport
{
    std::string policyVersion; //!< the draft's; empty when each proposal was re-decided by its own version
    Asset reference;
    std::size_t proposals = 0;
    std::vector<BacktestChange> changes;
    struct Transition
    {
        std::size_t count = 0;
        Int128 value = 0;
    };
    std::map<std::pair<Effect, Effect>, Transition> transitions;
    Int128 allowedBefore = 0; //!< value of the proposals allowed, as recorded
    Int128 allowedAfter = 0;  //!< and as re-decided
    std::vector<std::string> unpriced; //!< intents whose amount has no price (valued 0 in the totals)
    //! Per UTC day (days since the epoch): value allowed as recorded and as re-decided.
    std::map<std::int64_t, std::pair<Int128, Int128>> days;
};

//! Called every few thousand decisions and at the end: how many of how many are decided.
using BacktestProgress = std::function<void(std::size_t done, std::size_t total)>;

/**
 * Re-decides `history` in time order with spend windows recomputed from scratch: every
 * proposal allowed or routed to approval in the re-decision counts in the windows from its
 * time on, exactly as the pipeline reserves it. Under `draft` when given; otherwise each
 * proposal under the published version that decided it (`versions`, by version hash), which
 * replays the record and must reproduce it. The recorded simulation outcome stands in for a
 * new simulation, and the recorded `first_time` (whether the counterparty had been settled to
 * then) for the settlement history. Amounts are valued at `context.prices`. A stop requested
 * on `stop` ends it between two decisions with Cancelled; nothing is written either way.
 */
Result<BacktestReport> backtest(const History& history, const Evaluator* draft,
                                const std::map<std::string, const Evaluator*>& versions, const Context& context,
                                const BacktestProgress& progress = {}, std::stop_token stop = {});

} // namespace cs::policy
