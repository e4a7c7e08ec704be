// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/policy/Decide.h"

#include "core/storage/Database.h"
#include "core/store/Policies.h"
#include "core/store/Principals.h"
#include "core/store/Proposals.h"

namespace cs::policy {

namespace {

//! `context` brought up to date: prices and roles read again, and the counterparties of
//! decisions rows after `paidAfterRowid` that settled added to those it holds.
Result<void> refreshContext(storage::Database& db, const simulation::WorldState& world, const Asset& reference,
                            Context& context, std::int64_t paidAfterRowid)
{
    context.prices = pricesIn(world, reference);
    context.roles.clear();
    CS_TRY(principals, store::principals(db));
    for (store::PrincipalRow& principal : *principals)
        context.roles.emplace(std::move(principal.id), std::move(principal.role));
    return store::forEachPaid(db, paidAfterRowid, [&](const std::string& to) { context.settledTo.insert(to); });
}

/**
 * Adds to `windows`, in time order, every reserved or committed spend decided at or after
 * `from` and written after decisions row `afterRowid`, except the spend of `except`.
 */
Result<void> loadSpends(storage::Database& db, std::initializer_list<SpendWindows*> windows, const Context& context,
                        const simulation::WorldState& world, Timestamp from, std::int64_t afterRowid, std::string_view except)
{
    return store::forEachSpend(db, from, afterRowid, [&](const store::DecisionRow& spend) -> Result<void> {
        if (spend.intent == except)
            return {};
        const auto asset = world.assets.find(spend.asset);
        auto amount = asset == world.assets.end() ? Result<Money>(fail(ErrorCode::StorageFailed, "unknown asset"))
                                                  : Money::parse(spend.amount, asset->second);
        if (!amount)
            return fail(ErrorCode::StorageFailed, "spend of " + spend.intent + " is corrupt");
        Spend counted{spend.intent, spend.agent, parseActionType(spend.action).value_or(ActionType::Transfer),
                      *amount, spend.to, spend.venue, spend.at, spend.firstTime};
        // A spend the policy cannot value (no price) counts in no window.
        for (SpendWindows* each : windows) {
            if (each != nullptr)
                (void)each->add(counted, context);
        }
        return {};
    });
}

} // namespace

std::map<std::string, Money> pricesIn(const simulation::WorldState& world, const Asset& reference)
{
    std::map<std::string, Money> prices;
    for (const auto& [key, price] : world.prices) {
        if (key.second != reference.code)
            continue;
        if (auto money = Money::parse(price, reference))
            prices.emplace(key.first, *money);
    }
    return prices;
}

Result<Policy> loadActivePolicy(storage::Database& db, const simulation::WorldState& world)
{
    CS_TRY(published, store::newestPolicy(db));
    if (!*published) {
        Policy none;
        none.name = "no published policy";
        return none;
    }
    return parsePublished(**published, world);
}

Result<Policy> parsePublished(const store::PolicyRow& row, const simulation::WorldState& world)
{
    auto parsed = parsePolicy(row.document, AssetCatalog(world.assetList()));
    if (!parsed)
        return fail(ErrorCode::StorageFailed, "published policy " + row.version + " does not parse: " + parsed.error().message);
    return parsed;
}

Result<Context> loadContext(storage::Database& db, const simulation::WorldState& world, const Asset& reference)
{
    Context context;
    CS_TRY(refreshed, refreshContext(db, world, reference, context, 0));
    return context;
}

Decider::Decider(const Evaluator& evaluator, Context context)
    : m_evaluator(&evaluator), m_context(std::move(context)), m_windows(std::make_unique<SpendWindows>(evaluator))
{
}

Decider::~Decider() = default;

Result<void> Decider::load(storage::Database& db, const simulation::WorldState& world, Timestamp earliest, Timestamp latest,
                           std::string_view except)
{
    // The newest published policy decides; with none published, everything is denied.
    CS_TRY(published, store::newestPolicy(db));
    const std::string version = *published ? (*published)->version : std::string();
    if (!m_owned || m_version != version) {
        CS_TRY(document, loadActivePolicy(db, world));
        m_windows.reset(); // they count by the rules of the policy that compiled them
        m_owned = std::make_unique<Evaluator>(std::move(*document));
        m_evaluator = m_owned.get();
        m_version = version;
        m_latest = Timestamp{0};
    }
    // The shadow, if one runs: its own rules and windows, over the spends that really happened.
    CS_TRY(shadow, store::shadowPolicy(db));
    const std::string shadowVersion = *shadow ? (*shadow)->version : std::string();
    const bool shadowChanged = shadowVersion != m_shadowVersion;
    if (shadowChanged) {
        m_shadow.reset();
        if (*shadow) {
            CS_TRY(document, parsePublished(**shadow, world));
            m_shadow = std::make_unique<Evaluator>(std::move(*document));
        }
        m_shadowVersion = shadowVersion;
    }
    // The windows — what was reserved or spent since the start of the longest one — and the
    // counterparties paid so far are kept from the last load unless a spend moved since (an
    // approval, a rejection, an expiry), time went back, or one intent's own spend is to be
    // left out; then only the decisions written since are added.
    CS_TRY(epoch, store::spendEpoch(db));
    if (!m_windows || shadowChanged || m_epoch != *epoch || earliest < m_latest || !except.empty()) {
        m_windows = std::make_unique<SpendWindows>(*m_evaluator);
        m_shadowWindows = m_shadow ? std::make_unique<SpendWindows>(*m_shadow) : nullptr;
        m_context.settledTo.clear();
        m_rowid = 0;
        m_epoch = *epoch;
    }
    m_latest = std::max(m_latest, latest);
    CS_TRY(context, refreshContext(db, world, m_evaluator->policy().globals.referenceCurrency, m_context, m_rowid));
    if (m_evaluator->usesReputation() || (m_shadow && m_shadow->usesReputation())) {
        CS_TRY(standings, reputation::standingsNow(db));
        m_standings = std::move(*standings);
    }
    const std::int64_t longest = std::max(m_evaluator->longestWindowSeconds(), m_shadow ? m_shadow->longestWindowSeconds() : 0);
    if (longest > 0) {
        CS_TRY(spends, loadSpends(db, {m_windows.get(), m_shadowWindows.get()}, m_context, world,
                                  Timestamp{earliest.msSinceEpoch - longest * 1000}, m_rowid, except));
    }
    return {};
}

Result<Decider> Decider::loadFor(storage::Database& db, const simulation::WorldState& world, Timestamp now,
                                 std::string_view except)
{
    Decider decider;
    CS_TRY(loaded, decider.load(db, world, now, now, except));
    return decider;
}

Decided Decider::decide(const simulation::WorldState& world, const Proposal& proposal, Timestamp at)
{
    Decided decided;
    decided.simulated = simulation::simulate(world, proposal);
    decided.decision = decide(proposal, decided.simulated, at);
    return decided;
}

Standing standingFrom(double score, std::int64_t asOf)
{
    return Standing{api::twoDecimals(score), reputation::tierOf(score), asOf};
}

Standing Decider::standingOf(const std::string& agent, Timestamp at) const
{
    if (!m_standings)
        return Standing{};
    return standingFrom(m_standings->scoreAt(agent, at.msSinceEpoch), m_standings->asOf);
}

Request Decider::requestFor(const Evaluator& evaluator, const Proposal& proposal, Timestamp at) const
{
    Request request = requestOf(proposal);
    if (evaluator.usesReputation())
        request.reputation = standingOf(proposal.agent, at);
    return request;
}

Decision Decider::decide(const Proposal& proposal, const simulation::SimulationResult& simulated, Timestamp at)
{
    return m_evaluator->decide(requestFor(*m_evaluator, proposal, at), contextAt(simulated, at), *m_windows);
}

Decision Decider::decide(const Request& request, const simulation::SimulationResult& simulated, Timestamp at)
{
    return m_evaluator->decide(request, contextAt(simulated, at), *m_windows);
}

std::optional<Decision> Decider::decideInShadow(const Proposal& proposal, const simulation::SimulationResult& simulated,
                                                Timestamp at)
{
    if (!m_shadow || !m_shadowWindows)
        return std::nullopt;
    return m_shadow->decide(requestFor(*m_shadow, proposal, at), contextAt(simulated, at), *m_shadowWindows);
}

Int128 Decider::windowUse(std::size_t rule, const std::string& agent, Timestamp now)
{
    const Window& window = *m_evaluator->policy().rules.at(rule).window;
    return m_windows ? m_windows->spent(rule, agent, m_evaluator->windowStart(window, now)) : 0;
}

const Context& Decider::contextAt(const simulation::SimulationResult& simulated, Timestamp at)
{
    m_context.now = at;
    m_context.simulation = &simulated; // for this decision only: every decision sets its own
    return m_context;
}

void Decider::count(const Spend& spend, bool settled)
{
    // A spend the policy cannot value (no price) counts in no window.
    (void)m_windows->add(spend, m_context);
    if (m_shadowWindows)
        (void)m_shadowWindows->add(spend, m_context);
    if (settled && spend.to)
        m_context.settledTo.insert(*spend.to);
}

} // namespace cs::policy
