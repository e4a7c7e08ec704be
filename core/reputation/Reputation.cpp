// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reputation/Reputation.h"

#include "core/domain/CanonicalJson.h"
#include "core/audit/Entry.h"
#include "core/audit/Folds.h"
#include "core/audit/LogReads.h"
#include "core/storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <string_view>

namespace cs::reputation {

namespace {

namespace types = audit::types;

//! What each way of ending counts (the table in Reputation.h).
double valueOf(std::string_view outcome)
{
    static const std::map<std::string, double, std::less<>> kValues{
        {"approved_executed", 1.0},   {"executed", 0.5},          {"cannot_plan", 0.0},    {"edited_executed", -0.25},
        {"settlement_failed", -0.25}, {"settlement_unknown", -0.25}, {"denied", -0.5},     {"human_rejected", -0.75},
        {"malformed", -1.0},          {"wrong_intent", -1.0},     {"intent_mismatch", -1.0}};
    const auto found = kValues.find(outcome);
    return found == kValues.end() ? -1.0 : found->second;
}

constexpr double kFlagPenalty = 0.5;
constexpr double kHalfLifeMs = kHalfLifeDays * 86'400'000.0;

//! How much of a weight is left after `fromMs` → `toMs` (never more than all of it).
double decay(std::int64_t fromMs, std::int64_t toMs)
{
    return toMs <= fromMs ? 1.0 : std::exp2(-static_cast<double>(toMs - fromMs) / kHalfLifeMs);
}

double scoreOf(double sum, double weight)
{
    return 50.0 + 50.0 * sum / (weight + kPriorWeight);
}

//! Balance changes as one comparable string: each account, asset and amount, sorted.
std::string changesOf(const QJsonArray& changes)
{
    std::vector<std::string> lines;
    for (const QJsonValue& change : changes) {
        const QJsonObject object = change.toObject();
        lines.push_back(jsonText(object, "account") + "|" + jsonText(object, "asset") + "|" + jsonText(object, "amount"));
    }
    std::sort(lines.begin(), lines.end());
    std::string joined;
    for (const std::string& line : lines)
        joined += line + ";";
    return joined;
}

} // namespace

api::ReputationTier tierOf(double score)
{
    return score >= kTrustedAt ? api::ReputationTier::Trusted
           : score >= kProvisionalAt ? api::ReputationTier::Provisional
                                     : api::ReputationTier::Untrusted;
}

void sortBestFirst(std::vector<api::AgentReputation>& agents)
{
    std::sort(agents.begin(), agents.end(), [](const api::AgentReputation& a, const api::AgentReputation& b) {
        return a.score != b.score ? a.score > b.score : a.agent < b.agent;
    });
}

Scorer::Agent& Scorer::agent(const std::string& id)
{
    Agent& found = m_agents[id];
    found.view.agent = id;
    return found;
}

void Scorer::add(const audit::Entry& entry)
{
    // Bodies are read without trust: one that is not JSON names no proposal and counts for nothing.
    add(entry, QJsonDocument::fromJson(QByteArray::fromStdString(entry.body)).object());
}

void Scorer::add(const audit::Entry& entry, const QJsonObject& body)
{
    ++m_entries;
    const std::int64_t at = entry.time.msSinceEpoch;
    m_lastMs = std::max(m_lastMs, at);
    if (m_agents.count(entry.actor) != 0)
        m_agents[entry.actor].view.lastActivityMs = std::max(m_agents[entry.actor].view.lastActivityMs, at);
    const std::string intent = jsonText(body, "intent");
    if (intent.empty())
        return;
    if (entry.type == types::kIntentReceived) {
        m_open[intent] = Open{entry.actor, m_keepEvents ? std::vector<std::int64_t>{entry.seq} : std::vector<std::int64_t>{},
                              false, false, false, {}};
        Agent& of = agent(entry.actor);
        of.view.lastActivityMs = std::max(of.view.lastActivityMs, at);
        return;
    }
    const auto found = m_open.find(intent);
    if (found == m_open.end())
        return; // ended already, or begun before the entries read
    Open& open = found->second;
    if (m_keepEvents)
        open.entries.push_back(entry.seq);
    Agent& of = agent(open.agent);
    of.view.lastActivityMs = std::max(of.view.lastActivityMs, at);
    const std::string& type = entry.type;
    if (type == types::kProposalRejected) {
        const std::string cause = jsonText(body, "cause");
        if (cause == "intake")
            m_open.erase(found); // refused before the agent proposed anything
        else
            end(intent, open, entry, cause == "cannot_plan" || cause == "wrong_intent" || cause == "intent_mismatch" ? cause : "malformed", {});
    } else if (type == types::kProposalEdited) {
        open.edited = true;
    } else if (type == types::kSimulationCompleted) {
        open.simulated = changesOf(body.value(QStringLiteral("deltas")).toArray());
    } else if (type == types::kPolicyDecided) {
        open.underClaimed = open.underClaimed || body.value(QStringLiteral("under_claimed")).toBool();
        if (jsonText(body, "effect") == "deny") {
            if (body.contains(QStringLiteral("decided_again")))
                m_open.erase(found); // the world moved while people approved: not the agent's doing
            else
                end(intent, open, entry, "denied", open.underClaimed ? std::vector<std::string>{"under_claimed"} : std::vector<std::string>{});
        }
    } else if (type == types::kApprovalGranted) {
        open.approved = true;
    } else if (type == types::kApprovalRejected) {
        end(intent, open, entry, "human_rejected", open.underClaimed ? std::vector<std::string>{"under_claimed"} : std::vector<std::string>{});
    } else if (type == types::kApprovalExpired || type == types::kApprovalCancelled) {
        m_open.erase(found);
    } else if (type == types::kSettlementReceipt) {
        std::vector<std::string> flags;
        if (open.underClaimed)
            flags.emplace_back("under_claimed");
        if (!open.simulated.empty() && changesOf(body.value(QStringLiteral("postings")).toArray()) != open.simulated)
            flags.emplace_back("drift");
        end(intent, open, entry, open.edited ? "edited_executed" : open.approved ? "approved_executed" : "executed", std::move(flags));
    } else if (type == types::kSettlementFailed) {
        end(intent, open, entry, "settlement_failed", {});
    } else if (type == types::kSettlementUnknown) {
        end(intent, open, entry, "settlement_unknown", {});
    }
}

void Scorer::end(const std::string& intent, Open& open, const audit::Entry& entry, std::string outcome, std::vector<std::string> flags)
{
    Agent& of = agent(open.agent);
    const std::int64_t at = entry.time.msSinceEpoch;
    AgentState& state = of.state;
    const double kept = decay(state.atMs, at);
    double value = valueOf(outcome) - kFlagPenalty * static_cast<double>(flags.size());
    value = std::max(-1.0, value);
    state.seq = entry.seq;
    state.sum = state.sum * kept + value;
    state.weight = state.weight * kept + 1.0;
    state.atMs = std::max(state.atMs, at);
    of.history.push_back(state);
    api::AgentReputation& view = of.view;
    ++view.outcomes;
    if (value < 0)
        ++view.incidents;
    ++view.counts[outcome];
    for (const std::string& flag : flags)
        ++view.counts[flag];
    if (view.firstMs == 0)
        view.firstMs = at;
    if (m_keepEvents) {
        view.events.push_back({entry.seq, at, intent, std::move(outcome), std::move(flags), value,
                               scoreOf(state.sum, state.weight), std::move(open.entries)});
    }
    m_open.erase(intent);
}

api::ReputationReport Scorer::report() const
{
    api::ReputationReport report;
    report.entries = m_entries;
    report.asOfMs = m_lastMs;
    report.halfLifeDays = kHalfLifeDays;
    for (const auto& [id, agent] : m_agents) {
        api::AgentReputation view = agent.view;
        const double kept = decay(agent.state.atMs, m_lastMs);
        view.score = scoreOf(agent.state.sum * kept, agent.state.weight * kept);
        view.tier = tierOf(view.score);
        report.agents.push_back(std::move(view));
    }
    sortBestFirst(report.agents);
    return report;
}

Standings Scorer::standingsAt(std::int64_t upTo) const
{
    Standings standings;
    standings.asOf = std::min(upTo, m_entries);
    for (const auto& [id, agent] : m_agents) {
        // The last outcome at or before `upTo`; none: the agent is a newcomer then.
        const auto after = std::upper_bound(agent.history.begin(), agent.history.end(), upTo,
                                            [](std::int64_t seq, const AgentState& state) { return seq < state.seq; });
        if (after != agent.history.begin())
            standings.agents.emplace(id, *std::prev(after));
    }
    return standings;
}

double Standings::scoreAt(const std::string& agent, std::int64_t atMs) const
{
    const auto found = agents.find(agent);
    if (found == agents.end())
        return scoreOf(0, 0);
    const AgentState& state = found->second;
    const double kept = decay(state.atMs, atMs);
    return scoreOf(state.sum * kept, state.weight * kept);
}

Result<api::ReputationReport> computeReputation(storage::Database& db, std::int64_t upTo)
{
    CS_TRY(size, audit::logSize(db));
    if (upTo <= 0 || upTo >= *size) // the whole log: the fold kept for it, brought up to date
        return audit::withFoldedLog<Scorer>(db, [](const Scorer& scorer, std::int64_t) { return scorer.report(); });
    Scorer scorer; // a prefix: folded on its own
    CS_TRY(read, audit::forEachEntry(db, 1, upTo, [&](const audit::Entry& entry) -> Result<void> {
        scorer.add(entry);
        return {};
    }));
    return scorer.report();
}

Result<Standings> standingsNow(storage::Database& db)
{
    return audit::withFoldedLog<Scorer>(db, [](const Scorer& scorer, std::int64_t entries) { return scorer.standingsAt(entries); });
}

} // namespace cs::reputation
