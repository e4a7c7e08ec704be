// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/policy/Evaluator.h"
#include "core/policy/Policy.h"
#include "core/reputation/Reputation.h"
#include "core/simulation/Simulator.h"
#include "core/simulation/WorldState.h"

#include <memory>

namespace cs::storage {
class Database;
}
namespace cs::store {
struct PolicyRow;
}

namespace cs::policy {

//! The newest published policy, read against `world`'s assets; with none published, an empty
//! policy (which denies everything) named "no published policy".
Result<Policy> loadActivePolicy(storage::Database& db, const simulation::WorldState& world);
//! A published version's document, read against `world`'s assets (StorageFailed if it does not).
Result<Policy> parsePublished(const store::PolicyRow& row, const simulation::WorldState& world);

//! The price of one unit of each asset of `world` in `reference` (its newest price in that quote).
std::map<std::string, Money> pricesIn(const simulation::WorldState& world, const Asset& reference);

//! What decisions need from the workspace: `world`'s prices in `reference`, principals' roles,
//! the counterparties settled to so far.
Result<Context> loadContext(storage::Database& db, const simulation::WorldState& world, const Asset& reference);

//! The standing of `score` over entries 1..`asOf`: two decimals, and the tier the score itself is in.
Standing standingFrom(double score, std::int64_t asOf);

//! A proposal simulated on a world and decided.
struct Decided
{
    simulation::SimulationResult simulated;
    Decision decision;
};

/**
 * The one decide step. It holds what a decision needs — the policy that decides, its context
 * (prices, roles, the counterparties paid so far) and the spend windows — loaded once, and then
 * simulates and evaluates (with its explanation) one proposal after another, counting what each
 * reserves or settles. Everything that decides goes through it: the pipeline (one Decider kept
 * across batches, loaded again only when another policy decides or a spend moved), a quorum
 * reached on a moved world, an edit and the queue's "if it settles now" (one for the moment),
 * replay and backtests (one per deciding policy, on recorded facts). When a policy matches
 * on reputation, the load also brings every agent's standing over the log as it is then, and
 * each decision uses the agent's, decayed to its own time (Request::reputation).
 */
class Decider
{
public:
    Decider() = default;
    //! For recorded history: `evaluator` (kept by the caller) with empty windows and `context`.
    Decider(const Evaluator& evaluator, Context context);
    Decider(Decider&&) noexcept = default;
    Decider& operator=(Decider&&) noexcept = default;
    ~Decider();

    /**
     * Ready to decide at times in [earliest, latest]: the active policy (compiled again only
     * when another version decides now), its context, and every spend reserved or committed
     * in the longest window before `earliest` (those already held are kept unless a spend
     * moved or time went back). `except`: leave that intent's own spend out (deciding it again).
     */
    Result<void> load(storage::Database& db, const simulation::WorldState& world, Timestamp earliest, Timestamp latest,
                      std::string_view except = {});
    //! A Decider loaded for one decision at `now`, `except`'s own spend aside.
    static Result<Decider> loadFor(storage::Database& db, const simulation::WorldState& world, Timestamp now,
                                   std::string_view except);

    //! Simulates `proposal` on `world` and decides it at `at`.
    Decided decide(const simulation::WorldState& world, const Proposal& proposal, Timestamp at);
    //! Decides `proposal` at `at` on a simulation already made.
    Decision decide(const Proposal& proposal, const simulation::SimulationResult& simulated, Timestamp at);
    //! Decides a recorded request at `at` on its recorded simulation outcome (and the reputation
    //! it carries, if any).
    Decision decide(const Request& request, const simulation::SimulationResult& simulated, Timestamp at);
    /**
     * What the shadow version (published as a shadow after the active one, if any) decides of
     * the same proposal at the same moment, with its own rules and windows over the spends the
     * active policy really made; never enforced. nullopt when no shadow runs.
     */
    std::optional<Decision> decideInShadow(const Proposal& proposal, const simulation::SimulationResult& simulated, Timestamp at);
    const std::string& shadowVersion() const { return m_shadowVersion; }

    //! Counts a decided spend in the windows: reserved (awaiting approval) or settled, which
    //! also makes its counterparty one paid before.
    void count(const Spend& spend, bool settled);
    //! `counterparty` has been settled to: later decisions see it as paid before.
    void paidTo(const std::string& counterparty) { m_context.settledTo.insert(counterparty); }
    //! The windows hold every decisions row up to `rowid` (their transaction committed).
    void committed(std::int64_t rowid) { m_rowid = rowid; }
    //! Forgets the windows: the transaction that counted spends did not commit.
    void discardWindows() { m_windows.reset(); }
    //! Decisions from now on use these standings (replay: the log's as a decision recorded it).
    void useStandings(reputation::Standings standings) { m_standings = std::move(standings); }
    //! `agent`'s standing at `at`, from the standings loaded (a newcomer's without them).
    Standing standingOf(const std::string& agent, Timestamp at) const;

    //! What `agent` spent or reserved in the window of rule `rule` (it has one) that ends at
    //! `now`, in minor units of the window's currency: the use of that cap now.
    Int128 windowUse(std::size_t rule, const std::string& agent, Timestamp now);

    const Evaluator& evaluator() const { return *m_evaluator; }
    const Context& context() const { return m_context; }

private:
    //! The context for one decision at `at` on `simulated`.
    const Context& contextAt(const simulation::SimulationResult& simulated, Timestamp at);
    //! `proposal`'s request, with the agent's standing when `evaluator` matches on reputation.
    Request requestFor(const Evaluator& evaluator, const Proposal& proposal, Timestamp at) const;

    std::unique_ptr<Evaluator> m_owned; //!< the compiled active policy, when loaded from the database
    const Evaluator* m_evaluator = nullptr;
    std::string m_version;
    Context m_context;
    std::unique_ptr<SpendWindows> m_windows;
    std::unique_ptr<Evaluator> m_shadow; //!< the shadow version, compiled, when one runs
    std::string m_shadowVersion;
    std::unique_ptr<SpendWindows> m_shadowWindows;
    std::optional<reputation::Standings> m_standings; //!< when a policy deciding matches on reputation
    std::int64_t m_epoch = -1;  //!< spend_epoch when the windows were loaded
    std::int64_t m_rowid = 0;   //!< decisions rows up to this one are in the windows and settledTo
    Timestamp m_latest{0};      //!< the latest time decided since the windows were loaded
};

} // namespace cs::policy
