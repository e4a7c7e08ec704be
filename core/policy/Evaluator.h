// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/CanonicalJson.h"
#include "core/domain/Clock.h"
#include "core/policy/Policy.h"
#include "core/simulation/Simulator.h"

#include <QJsonObject>

#include <array>
#include <deque>
#include <unordered_map>
#include <unordered_set>

namespace cs::policy {

//! One spend a window counts: an allowed or approval-pending proposal, at its decision time.
struct Spend
{
    std::string intent;
    std::string agent;
    ActionType action = ActionType::Transfer;
    Money amount = Money::zero(Asset{});
    std::optional<std::string> to;
    std::optional<std::string> venue;
    Timestamp at;
    bool firstTime = false; //!< `to` had never been settled to when it was decided
};

//! What the evaluator needs besides the policy and the proposal.
struct Context
{
    Timestamp now;
    //! The simulation the decision is about; null when there is none (`evaluate` is policy-only).
    const simulation::SimulationResult* simulation = nullptr;
    //! Price of one unit of each asset in the reference currency (the reference itself is 1).
    std::map<std::string, Money> prices;
    //! agent → role, for rules that match on a role.
    std::map<std::string, std::string> roles;
    //! Every counterparty a settlement has paid so far: the others are `first_time` destinations.
    std::unordered_set<std::string> settledTo;
    //! false: the effect, fired rules and approvals only — no reason texts, windows or
    //! counterfactual (backtests, which compare effects).
    bool explain = true;
};

//! An agent's reputation as a decision used it (the seam's type: what approvers are shown).
using Standing = api::ReputationStanding;

//! What a decision reads from a proposal (pointers into storage the caller keeps alive).
struct Request
{
    const std::string* agent = nullptr;
    ActionType action = ActionType::Transfer;
    Money amount = Money::zero(Asset{});
    const std::string* to = nullptr;
    const std::string* venue = nullptr;
    const Money* minOut = nullptr;
    RiskLevel claimedRisk = RiskLevel::Low;
    int claimedApprovals = 0;
    //! Whether `to` had never been settled to, as recorded (backtests, replay); when absent,
    //! from `Context::settledTo`.
    std::optional<bool> firstTime;
    //! The agent's reputation, for a policy that matches on it (policy::Decider fills it in);
    //! absent, a newcomer's.
    std::optional<Standing> reputation;
};
//! The request of `proposal` (pointing into it).
Request requestOf(const Proposal& proposal);

//! Approvers still needed: from each group in `anyOf` that many more — any one of them will do.
struct ApproverNeed
{
    std::vector<std::pair<std::string, int>> anyOf; //!< group, how many more

    bool operator==(const ApproverNeed&) const = default;
};
//! "1 more approver from 'treasury'", "2 more approvers from 'a' or 1 more approver from 'b'"
std::string toString(const ApproverNeed& need);
//! "needs A and B", alternatives in parentheses when there is more than one need.
std::string needsText(const std::vector<ApproverNeed>& needs);

/**
 * A counterfactual that names who must approve and/or a smaller amount, in parts, for a reader
 * to say it in another language: "needs <approvers>", "amount ≤ <amountAtMost> would <then>",
 * or both joined by "; or ". Other counterfactuals are text only.
 */
struct CounterfactualParts
{
    std::vector<ApproverNeed> approvers;
    std::optional<Money> amountAtMost;
    Effect then = Effect::Allow; //!< what the smaller amount would get
};

struct Clause
{
    std::string rule; //!< a rule id, or global.simulation / global.max-slippage / global.default-deny / global.error
    Effect effect = Effect::Deny;
    std::string text; //!< English, with the figures: what the log keeps
    //! The figures of a global clause by name, for a reader to say it in another language:
    //! global.simulation {problem}, global.max-slippage {tolerance_bps, allowed_bps, min_out_floor},
    //! global.error {message}.
    std::map<std::string, std::string> params;
};

struct WindowUse
{
    std::string rule;
    std::string period;
    Money spent = Money::zero(Asset{});    //!< before this proposal
    Money withThis = Money::zero(Asset{}); //!< including it
};

struct ApprovalNeed
{
    std::string rule;
    ApprovalSpec spec;
};

/**
 * A decision with its explanation: the effect, every rule that fired (its match held and its
 * amount bounds held), one reason per clause, the approvals required, the windows consulted,
 * and a counterfactual — the smallest change that flips the effect.
 */
struct Decision
{
    Effect effect = Effect::Deny;
    std::vector<std::string> rules;
    std::vector<Clause> reasons;
    std::vector<ApprovalNeed> approvals;
    int approvalsRequired = 0;
    std::vector<WindowUse> windows;
    std::string counterfactual;
    std::optional<CounterfactualParts> counterfactualParts; //!< when it is of that form
    RiskLevel computedRisk = RiskLevel::High;
    bool underClaimed = false; //!< the model claimed less risk or fewer approvals than decided
    std::string error;         //!< an evaluation error, which denies
    std::string policyVersion;
    Timestamp at;
    bool firstTime = false; //!< the counterparty had never been settled to (false without one)
    std::optional<Standing> reputation; //!< the agent's, when the policy matches on it

    //! The texts of the clauses that had `which` effect, joined by "; ".
    std::string reasonsFor(Effect which) const;
    //! The signed body of a policy.decided entry (schema countersign.decision/1).
    CanonicalObject toJson(const Proposal& proposal, const std::string& proposalSha256) const;
    //! The standing a signed decision body records (toJson's "reputation"), if it records one.
    static std::optional<Standing> recordedStanding(const QJsonObject& body);
};

class Evaluator;

/**
 * Spend per (window rule, agent): what each window already holds, kept as a time-ordered queue
 * with a running total so a decision consults a window in O(1). Spends are added in time order;
 * a window is asked at times not before the spends it holds.
 */
class SpendWindows
{
public:
    explicit SpendWindows(const Evaluator& evaluator) : m_evaluator(evaluator) {}

    //! Counts `spend` in every window whose rule matches it (the agent's role and the prices
    //! from `context`).
    Result<void> add(const Spend& spend, const Context& context);
    //! The value (minor units of the rule's window currency) `agent` spent in window `rule` since `from`.
    Int128 spent(std::size_t rule, const std::string& agent, Timestamp from);

private:
    struct Queue
    {
        std::deque<std::pair<std::int64_t, Int128>> items;
        Int128 total = 0;
    };
    const Evaluator& m_evaluator;
    std::unordered_map<std::string, std::unordered_map<std::size_t, Queue>> m_queues; // agent → rule → queue
};

/**
 * A policy compiled for evaluation: rules indexed by (agent, action type) so a decision looks
 * only at the rules that can apply. Pure and thread-safe: the same inputs give the same decision.
 */
class Evaluator
{
public:
    explicit Evaluator(Policy policy);

    const Policy& policy() const { return m_policy; }
    //! Whether a rule matches on reputation: decisions then need the agent's (Request::reputation).
    bool usesReputation() const { return m_usesReputation; }
    Decision evaluate(const Proposal& proposal, const Context& context, SpendWindows& usage) const;
    Decision decide(const Request& request, const Context& context, SpendWindows& usage) const;

    //! The value of `amount` in minor units of `currency` through `prices`, rounded up.
    static Result<Int128> valueIn(const Money& amount, const Asset& currency, const std::map<std::string, Money>& prices,
                                  const Asset& reference);
    //! The largest amount of `asset` (minor units) worth at most `limit` in `currency`; exact.
    static std::optional<Int128> largestAmountWithin(const Asset& asset, const Asset& currency, Int128 limit,
                                                     const std::map<std::string, Money>& prices, const Asset& reference);
    //! Start of the window of `rule` that ends at `now`.
    Timestamp windowStart(const Window& window, Timestamp now) const;
    //! The longest window any rule keeps, in seconds (0 when no rule has one).
    std::int64_t longestWindowSeconds() const;

private:
    struct Subject;
    struct Outcome;
    //! `simulated` null: the rules alone, without the global simulation and slippage checks.
    //! `explain` false: the effect and fired rules only (counterfactual probes, backtests).
    Outcome run(const Subject& subject, const Context& context, const simulation::SimulationResult* simulated,
                SpendWindows& usage, bool explain) const;
    //! `indexed`: the rule came from candidates(), so its agent and action already match.
    bool matches(const Rule& rule, const Subject& subject, bool indexed = false) const;
    //! The rule's reputation clause holds (always, when a spend is counted).
    static bool meetsReputation(const Rule& rule, const Subject& subject);
    std::vector<std::string> misses(const Rule& rule, const Subject& subject) const;
    std::size_t missCount(const Rule& rule, const Subject& subject) const;
    const std::vector<std::uint32_t>& candidates(const std::string& agent, ActionType action) const;
    //! `parts`: filled when the counterfactual is approvers and/or a smaller amount.
    std::string counterfactual(const Subject& subject, const Outcome& outcome, const Context& context, SpendWindows& usage,
                               std::optional<CounterfactualParts>* parts = nullptr) const;
    // The counterfactual's parts.
    //! The largest amount of the subject's asset worth at most `limit` in `currency` (no more than its own).
    std::optional<Int128> largestWithin(const Subject& subject, const Context& context, const Asset& currency,
                                        Int128 limit) const;
    Int128 spentInWindow(const Rule& rule, const Subject& subject, const Context& context, SpendWindows& usage) const;
    //! What every fired approval rule still needs (needsText: "needs 1 more approver from 'treasury'").
    std::vector<ApproverNeed> approversNeeded(const Outcome& outcome) const;
    //! Denied because no rule allows it: the closest rule that would, and what it lacks.
    std::string nearestAllowing(const Subject& subject, const Context& context, SpendWindows& usage) const;
    //! Why a deny `rule` holds whatever the amount: a window used up (and when it resets), or the rule itself.
    std::string whyItStays(const Rule& rule, const Subject& subject, const Context& context, SpendWindows& usage) const;
    //! Allowed: the smallest larger amount that changes the effect.
    std::string largerAmountThatFlips(const Subject& subject, const Context& context, SpendWindows& usage) const;
    //! The effect of the same proposal for `minor` units, on the rules alone.
    Effect retry(const Subject& subject, Int128 minor, const Context& context, SpendWindows& usage) const;

    friend class SpendWindows;
    using ByAction = std::array<std::vector<std::uint32_t>, 5>;
    Policy m_policy;
    std::vector<std::uint32_t> m_windowRules;
    std::vector<std::string> m_summaries; //!< describeMatch() of each rule, for its reasons
    std::vector<std::string> m_boundTexts; //!< describeBound() of each rule's amount bound
    ByAction m_anyAgent;
    std::unordered_map<std::string, ByAction> m_byAgent;
    //! Every rule an agent can meet, whatever the action (the counterfactual's search).
    std::unordered_map<std::string, std::vector<std::uint32_t>> m_agentRules;
    std::vector<std::uint32_t> m_anyAgentRules;
    std::vector<std::uint32_t> m_allRules;
    std::int64_t m_utcOffsetFixed = 0; //!< the time zone's offset when it has no transitions
    bool m_fixedOffset = true;
    bool m_usesReputation = false;
};

} // namespace cs::policy
