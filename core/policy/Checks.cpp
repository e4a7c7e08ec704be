// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/policy/Checks.h"

#include <algorithm>

namespace cs::policy {

namespace {

using Kind = Selector::Kind;

bool subset(const std::vector<std::string>& small, const std::vector<std::string>& large)
{
    return std::includes(large.begin(), large.end(), small.begin(), small.end());
}

bool disjoint(const std::vector<std::string>& a, const std::vector<std::string>& b)
{
    std::vector<std::string> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    return common.empty();
}

//! Every value `inner` matches, `outer` matches too (an absent value is in no set).
bool contains(const Selector& outer, const Selector& inner)
{
    if (outer.kind == Kind::Any)
        return true;
    if (inner.kind == Kind::Any)
        return false;
    if (outer.kind == Kind::In)
        return inner.kind == Kind::In && subset(inner.values, outer.values);
    return inner.kind == Kind::In ? disjoint(inner.values, outer.values) : subset(outer.values, inner.values);
}

bool intersects(const Selector& a, const Selector& b)
{
    if (a.kind == Kind::Any || b.kind == Kind::Any || (a.kind == Kind::NotIn && b.kind == Kind::NotIn))
        return true;
    if (a.kind == Kind::In && b.kind == Kind::In)
        return !disjoint(a.values, b.values);
    const Selector& in = a.kind == Kind::In ? a : b;
    const Selector& notIn = a.kind == Kind::In ? b : a;
    return !subset(in.values, notIn.values);
}

bool containsRule(const Rule& outer, const Rule& inner)
{
    return contains(outer.agent, inner.agent) && contains(outer.role, inner.role) && contains(outer.action, inner.action)
           && contains(outer.asset, inner.asset) && contains(outer.venue, inner.venue)
           && contains(outer.counterparty, inner.counterparty)
           && (outer.destination == Destination::Any || outer.destination == inner.destination)
           && (!outer.reputationBelow || (inner.reputationBelow && *inner.reputationBelow <= *outer.reputationBelow));
}

//! Destinations never keep two rules apart (a listed counterparty may never have been paid), nor
//! do reputation tiers (every "below" holds for an untrusted agent).
bool intersectsRule(const Rule& a, const Rule& b)
{
    return intersects(a.agent, b.agent) && intersects(a.role, b.role) && intersects(a.action, b.action)
           && intersects(a.asset, b.asset) && intersects(a.venue, b.venue) && intersects(a.counterparty, b.counterparty);
}

bool unbounded(const Rule& rule)
{
    return !rule.amount && !rule.window;
}

//! Why no proposal can match `rule`, or empty.
std::string unreachable(const Rule& rule, const Policy& policy)
{
    bool paysSomeone = false;
    for (const char* type : {"transfer", "pay_api"}) {
        const std::string name(type);
        paysSomeone = paysSomeone || rule.action.matches(&name);
    }
    if (!paysSomeone && (rule.counterparty.kind == Kind::In || rule.destination != Destination::Any))
        return "it needs a counterparty, but only transfer and pay_api have one and it matches neither";
    // Whether a counterparty was paid before is history, not policy: only "listed" is checked.
    if (rule.counterparty.kind == Kind::In && rule.destination == Destination::Listed
        && std::none_of(rule.counterparty.values.begin(), rule.counterparty.values.end(),
                        [&](const std::string& id) { return policy.isListedCounterparty(id); }))
        return "it matches listed counterparties, but none of its counterparties is on a list";
    return {};
}

} // namespace

std::vector<Finding> checkPolicy(const Policy& policy)
{
    std::vector<Finding> findings;
    const auto& rules = policy.rules;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const Rule& rule = rules[i];
        if (const std::string why = unreachable(rule, policy); !why.empty()) {
            findings.push_back({true, "unreachable", rule.id, "rule " + rule.id + " can never apply: " + why});
            continue;
        }
        // A catch-all allow: every agent, every action, no amount bound. Only on purpose.
        if (rule.effect == Effect::Allow && rule.agent.kind == Kind::Any && rule.role.kind == Kind::Any
            && rule.action.kind == Kind::Any && unbounded(rule)) {
            if (rule.broad.empty())
                findings.push_back({true, "too-broad", rule.id,
                                    "allow rule " + rule.id + " matches every agent and every action with no amount "
                                    "bound; narrow it, bound it, or say why with \"broad\": \"reason\""});
            else
                findings.push_back({false, "broad", rule.id, "allow rule " + rule.id + " allows every agent and action without "
                                                             "an amount bound, on purpose: " + rule.broad});
        }
        for (std::size_t j = 0; j < rules.size(); ++j) {
            const Rule& other = rules[j];
            if (j == i || !unbounded(other))
                continue;
            if (j < i && other.effect == rule.effect && rule.effect != Effect::RequireApproval && containsRule(other, rule)) {
                findings.push_back({false, "shadowed", rule.id,
                                    "rule " + rule.id + " never changes a decision: the earlier rule " + other.id
                                        + " has the same effect, no amount limits, and applies wherever it does"});
                break;
            }
            if (other.effect == Effect::Deny && rule.effect != Effect::Deny && containsRule(other, rule)) {
                findings.push_back({false, "shadowed-by-deny", rule.id,
                                    "rule " + rule.id + " never takes effect: deny rule " + other.id
                                        + " has no amount limits and applies wherever it does"});
                break;
            }
            if (other.effect == Effect::Deny && rule.effect == Effect::Allow && intersectsRule(other, rule)) {
                findings.push_back({false, "overlap", rule.id,
                                    "allow rule " + rule.id + " overlaps deny rule " + other.id
                                        + ": where both apply, the deny wins"});
            }
        }
        if (rule.window && rule.effect == Effect::Deny) {
            const bool reached = std::any_of(rules.begin(), rules.end(), [&](const Rule& other) {
                return other.effect != Effect::Deny && intersectsRule(other, rule);
            });
            if (!reached)
                findings.push_back({false, "cap-never-binds", rule.id,
                                    "the " + rule.window->text + " cap of rule " + rule.id
                                        + " never binds: no allow or approval rule reaches its scope, so nothing is ever spent in it"});
        }
    }
    return findings;
}

} // namespace cs::policy
