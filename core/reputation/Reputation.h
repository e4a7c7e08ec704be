// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Reputation.h"
#include "core/domain/Result.h"

#include <QJsonObject>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cs::audit {
struct Entry;
}
namespace cs::storage {
class Database;
}

/**
 * An agent's reputation, from the outcomes of its proposals as the audit log records them —
 * never from how many it makes. Each proposal counts once, when it ends:
 *
 *   outcome             value   the entry that ends it
 *   approved_executed   +1.00   settlement.receipt after human approvals, unedited
 *   executed            +0.50   settlement.receipt, allowed by policy alone (routine)
 *   cannot_plan          0.00   proposal.rejected, cause cannot_plan (an honest refusal)
 *   edited_executed     -0.25   settlement.receipt after an approver had to edit it
 *   settlement_failed   -0.25   settlement.failed (often the venue's doing, so weighed lightly)
 *   settlement_unknown  -0.25   settlement.unknown (reconciled later or not)
 *   denied              -0.50   policy.decided deny: a policy violation attempted
 *   human_rejected      -0.75   approval.rejected
 *   malformed           -1.00   proposal.rejected by the strict parser (also wrong_intent,
 *   intent_mismatch     -1.00     intent_mismatch: the model's output broke the contract)
 *
 * and two flags lower a value (to at least -1): under_claimed −0.5 (the agent claimed less risk
 * than the engine computed, policy.decided's under_claimed) and drift −0.5 (the receipt's
 * postings differ from the simulation's deltas). Refusals at intake, expiries and cancellations
 * are not the agent's output and do not count.
 *
 * The score is an exponential moving average in time with a prior: with S = Σ wᵢvᵢ and
 * W = Σ wᵢ, wᵢ = 2^(−age/half-life) (half-life 14 days), score = 50 + 50·S / (W + 4). The prior
 * of four neutral outcomes keeps a newcomer near 50, and because the score is an average,
 * volume only adds confidence: routine outcomes alone (+0.5) never lift it above 75, and an
 * agent with fewer, harder, clean outcomes (approved by people, +1) passes one that only
 * repeats small allowed actions. Tiers: trusted ≥ 70, provisional ≥ 40, untrusted below.
 * Every change is an api::ReputationEvent naming the entries behind it, and the same entries
 * always give the same scores: the score depends on nothing but the log.
 *
 * A policy may match on the tier (policy::Rule::reputationBelow): a decision then uses the
 * agent's standing over entries 1..asOf (the log as it stood when the decider loaded), decayed
 * to the decision's own time, and records it, so replay computes it again from the same entries.
 */
namespace cs::reputation {

inline constexpr double kHalfLifeDays = 14;
inline constexpr double kPriorWeight = 4;
using api::kProvisionalAt;
using api::kTrustedAt;

//! The tier of a score.
api::ReputationTier tierOf(double score);
//! Best score first, ties by name: the order every report lists agents in.
void sortBestFirst(std::vector<api::AgentReputation>& agents);

//! Where an agent's sums stood after one of its outcomes.
struct AgentState
{
    std::int64_t seq = 0;  //!< the entry that ended the outcome
    double sum = 0;        //!< S, as of atMs
    double weight = 0;     //!< W, as of atMs
    std::int64_t atMs = 0; //!< when S and W were last decayed
};

//! Every agent's state over entries 1..asOf: what a decision needs of reputation.
struct Standings
{
    std::int64_t asOf = 0;
    std::map<std::string, AgentState, std::less<>> agents;

    //! `agent`'s score decayed to `atMs` (never grown when `atMs` is earlier); 50 for an agent
    //! with no outcome.
    double scoreAt(const std::string& agent, std::int64_t atMs) const;
};

//! Folds the log's entries, in order, into every agent's reputation.
class Scorer
{
public:
    //! `keepEvents` false: scores and states only, no api::ReputationEvent (decisions, replay).
    explicit Scorer(bool keepEvents = true) : m_keepEvents(keepEvents) {}

    void add(const audit::Entry& entry);
    //! The same with its body already read (an object; anything else counts for nothing).
    void add(const audit::Entry& entry, const QJsonObject& body);
    //! Every agent seen, scores decayed to the newest entry added, best first.
    api::ReputationReport report() const;
    //! Each agent's state as it was over entries 1..`upTo` (at most those added).
    Standings standingsAt(std::int64_t upTo) const;
    //! How many entries were added.
    std::int64_t entries() const { return m_entries; }

private:
    struct Open //!< a proposal not ended yet
    {
        std::string agent;
        std::vector<std::int64_t> entries;
        bool approved = false;
        bool edited = false;
        bool underClaimed = false;
        std::string simulated; //!< the simulation's deltas, canonical
    };
    struct Agent
    {
        AgentState state;
        std::vector<AgentState> history; //!< the state after each outcome, oldest first
        api::AgentReputation view;
    };
    void end(const std::string& intent, Open& open, const audit::Entry& entry, std::string outcome, std::vector<std::string> flags);
    Agent& agent(const std::string& id);

    std::map<std::string, Open> m_open; //!< intent → its proposal, until it ends
    std::map<std::string, Agent> m_agents;
    std::int64_t m_entries = 0;
    std::int64_t m_lastMs = 0;
    bool m_keepEvents = true;
};

//! The reputation of every agent over entries 1..`upTo` of the log (0: all of it).
Result<api::ReputationReport> computeReputation(storage::Database& db, std::int64_t upTo = 0);

/**
 * Every agent's standing over the whole log of `db` as it is now. The whole log's fold is kept
 * for the process (audit::withFoldedLog), shared with computeReputation over all of it: a
 * workspace file's log is folded once and then only its new entries.
 */
Result<Standings> standingsNow(storage::Database& db);

} // namespace cs::reputation
