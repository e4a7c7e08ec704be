// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/policy/Evaluator.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace cs::policy {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

std::optional<Int128> pow10(int exponent)
{
    Int128 value = 1;
    for (int i = 0; i < exponent; ++i) {
        if (__builtin_mul_overflow(value, Int128(10), &value))
            return std::nullopt;
    }
    return value;
}

//! The price of one unit of `of` in minor units of `reference` (the reference itself: 10^decimals).
std::optional<Int128> priceIn(const Asset& of, const std::map<std::string, Money>& prices, const Asset& reference)
{
    if (of == reference)
        return pow10(reference.decimals);
    const auto found = prices.find(of.code);
    if (found == prices.end() || found->second.minor() <= 0)
        return std::nullopt;
    return found->second.minor();
}

std::string shown(Int128 minor, const Asset& asset)
{
    std::string text = Money::format(minor, asset.decimals);
    text.reserve(text.size() + 1 + asset.code.size());
    return text.append(" ").append(asset.code);
}

bool holds(const Bound& bound, Int128 value)
{
    return (!bound.above || value > *bound.above) && (!bound.atMost || value <= *bound.atMost);
}

std::string effectVerb(Effect effect)
{
    switch (effect) {
    case Effect::Allow: return "be allowed";
    case Effect::RequireApproval: return "need approval";
    case Effect::Deny: return "be denied";
    }
    return "be denied";
}

//! The action's name as a string the selectors can compare, made once.
const std::string& actionName(ActionType type)
{
    static const std::array<std::string, 5> names = {std::string(toString(ActionType::Transfer)),
                                                     std::string(toString(ActionType::PayApi)),
                                                     std::string(toString(ActionType::Swap)),
                                                     std::string(toString(ActionType::Deposit)),
                                                     std::string(toString(ActionType::Withdraw))};
    return names[static_cast<std::size_t>(type)];
}

} // namespace

Request requestOf(const Proposal& proposal)
{
    Request request;
    request.agent = &proposal.agent;
    request.action = proposal.action.type;
    request.amount = proposal.action.amount;
    request.to = proposal.action.to ? &*proposal.action.to : nullptr;
    request.venue = proposal.action.venue ? &*proposal.action.venue : nullptr;
    request.minOut = proposal.action.minOut ? &*proposal.action.minOut : nullptr;
    request.claimedRisk = proposal.riskLevel;
    request.claimedApprovals = proposal.requiredApprovals;
    return request;
}

struct Evaluator::Subject
{
    const std::string* agent = nullptr;
    const std::string* role = nullptr;
    ActionType action = ActionType::Transfer;
    Money amount = Money::zero(Asset{});
    const std::string* venue = nullptr;
    const std::string* to = nullptr;
    bool listed = false;    //!< `to` is on a counterparties list
    bool firstTime = false; //!< `to` has never been settled to
    //! The agent's reputation when it decides; null when a spend is counted (whatever its tier was).
    const Standing* standing = nullptr;
    const Money* minOut = nullptr;
    const std::vector<std::uint32_t>* rules = nullptr; //!< candidates(agent, action), looked up once
};

struct Evaluator::Outcome
{
    Effect effect = Effect::Deny;
    std::vector<std::uint32_t> fired;
    std::vector<Clause> reasons;
    std::vector<WindowUse> windows;
    std::string error;
    std::string globalDeny; //!< the global rule that denied, if one did
    std::string slippageFix;
};

Evaluator::Evaluator(Policy policy) : m_policy(std::move(policy)), m_usesReputation(m_policy.usesReputation())
{
    ByAction own{};
    for (std::uint32_t i = 0; i < m_policy.rules.size(); ++i) {
        const Rule& rule = m_policy.rules[i];
        m_summaries.push_back(describeMatch(rule));
        m_boundTexts.push_back(rule.amount ? describeBound(*rule.amount) : std::string());
        if (rule.window)
            m_windowRules.push_back(i);
        for (ActionType type : {ActionType::Transfer, ActionType::PayApi, ActionType::Swap, ActionType::Deposit,
                                ActionType::Withdraw}) {
            const std::string name(toString(type));
            if (!rule.action.matches(&name))
                continue;
            const auto bucket = static_cast<std::size_t>(type);
            if (rule.agent.kind == Selector::Kind::In) {
                for (const std::string& agent : rule.agent.values)
                    m_byAgent[agent][bucket].push_back(i);
            } else {
                m_anyAgent[bucket].push_back(i);
            }
        }
    }
    // Each named agent's buckets hold its own rules and the rules for any agent, in rule order.
    for (auto& [agent, buckets] : m_byAgent) {
        for (std::size_t bucket = 0; bucket < buckets.size(); ++bucket) {
            std::vector<std::uint32_t> merged;
            std::merge(buckets[bucket].begin(), buckets[bucket].end(), m_anyAgent[bucket].begin(),
                       m_anyAgent[bucket].end(), std::back_inserter(merged));
            buckets[bucket] = std::move(merged);
        }
    }
    const auto unionOf = [](const ByAction& buckets) {
        std::vector<std::uint32_t> all;
        for (const auto& bucket : buckets)
            all.insert(all.end(), bucket.begin(), bucket.end());
        std::sort(all.begin(), all.end());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        return all;
    };
    for (const auto& [agent, buckets] : m_byAgent)
        m_agentRules.emplace(agent, unionOf(buckets));
    m_anyAgentRules = unionOf(m_anyAgent);
    for (std::uint32_t i = 0; i < m_policy.rules.size(); ++i)
        m_allRules.push_back(i);
    const QTimeZone zone(QByteArray::fromStdString(m_policy.globals.timeZone));
    m_fixedOffset = !zone.hasTransitions();
    m_utcOffsetFixed = static_cast<std::int64_t>(zone.offsetFromUtc(QDateTime::currentDateTimeUtc())) * 1000;
}

const std::vector<std::uint32_t>& Evaluator::candidates(const std::string& agent, ActionType action) const
{
    const auto found = m_byAgent.find(agent);
    const ByAction& buckets = found == m_byAgent.end() ? m_anyAgent : found->second;
    return buckets[static_cast<std::size_t>(action)];
}

bool Evaluator::matches(const Rule& rule, const Subject& subject, bool indexed) const
{
    // A rule found through the index already matches the agent and the action.
    if (!indexed && (!rule.agent.matches(subject.agent) || !rule.action.matches(&actionName(subject.action))))
        return false;
    if (!rule.role.matches(subject.role) || !rule.asset.matches(&subject.amount.asset().code)
        || !rule.venue.matches(subject.venue) || !rule.counterparty.matches(subject.to))
        return false;
    if (!meetsReputation(rule, subject))
        return false;
    switch (rule.destination) {
    case Destination::Any: return true;
    case Destination::Listed: return subject.to != nullptr && subject.listed;
    case Destination::FirstTime: return subject.firstTime;
    }
    return false;
}

bool Evaluator::meetsReputation(const Rule& rule, const Subject& subject)
{
    return !rule.reputationBelow || subject.standing == nullptr || subject.standing->tier < *rule.reputationBelow;
}

std::size_t Evaluator::missCount(const Rule& rule, const Subject& subject) const
{
    std::size_t count = 0;
    for (const auto& [selector, value] : {std::pair{&rule.agent, subject.agent}, std::pair{&rule.role, subject.role},
                                          std::pair{&rule.action, &actionName(subject.action)},
                                          std::pair{&rule.asset, &subject.amount.asset().code},
                                          std::pair{&rule.venue, subject.venue}, std::pair{&rule.counterparty, subject.to}})
        count += selector->matches(value) ? 0u : 1u;
    if (rule.destination == Destination::Listed && (subject.to == nullptr || !subject.listed))
        ++count;
    if (rule.destination == Destination::FirstTime && !subject.firstTime)
        ++count;
    if (!meetsReputation(rule, subject))
        ++count;
    return count;
}

std::vector<std::string> Evaluator::misses(const Rule& rule, const Subject& subject) const
{
    std::vector<std::string> out;
    const std::string action(toString(subject.action));
    const auto check = [&](const char* field, const Selector& selector, const std::string* value) {
        if (!selector.matches(value))
            out.push_back(selector.describeMiss(field, value));
    };
    check("agent", rule.agent, subject.agent);
    check("role", rule.role, subject.role);
    check("action", rule.action, &action);
    check("asset", rule.asset, &subject.amount.asset().code);
    check("venue", rule.venue, subject.venue);
    check("counterparty", rule.counterparty, subject.to);
    if (rule.destination == Destination::Listed && (subject.to == nullptr || !subject.listed))
        out.push_back("the counterparty is on no counterparty list");
    if (rule.destination == Destination::FirstTime && !subject.firstTime)
        out.push_back(subject.to == nullptr ? "there is no counterparty" : "the counterparty has been paid before");
    if (!meetsReputation(rule, subject))
        out.push_back("the agent's reputation is " + std::string(api::toString(subject.standing->tier)) + " ("
                      + subject.standing->score + "), not below " + std::string(api::toString(*rule.reputationBelow)));
    return out;
}

Result<Int128> Evaluator::valueIn(const Money& amount, const Asset& currency, const std::map<std::string, Money>& prices,
                                  const Asset& reference)
{
    const Asset& asset = amount.asset();
    if (asset == currency)
        return amount.minor();
    const auto priceAsset = priceIn(asset, prices, reference);
    const auto priceCurrency = priceIn(currency, prices, reference);
    if (!priceAsset || !priceCurrency)
        return fail(ErrorCode::InvalidInput, "no recorded " + reference.code + " price for "
                                                 + (priceAsset ? currency.code : asset.code));
    // ceil(amount × pA × 10^dC / (10^dA × pC)): rounded against the agent.
    const auto scaleC = pow10(currency.decimals);
    const auto scaleA = pow10(asset.decimals);
    std::optional<Int128> numerator = checkedMul(amount.minor(), *priceAsset);
    if (numerator && scaleC)
        numerator = checkedMul(*numerator, *scaleC);
    std::optional<Int128> denominator = scaleA ? checkedMul(*scaleA, *priceCurrency) : std::nullopt;
    if (!numerator || !denominator)
        return fail(ErrorCode::InvalidInput, "the value of " + amount.toString() + " " + asset.code + " in "
                                                 + currency.code + " leaves the 128-bit range");
    return (*numerator + *denominator - 1) / *denominator;
}

std::optional<Int128> Evaluator::largestAmountWithin(const Asset& asset, const Asset& currency, Int128 limit,
                                                     const std::map<std::string, Money>& prices, const Asset& reference)
{
    if (limit < 0)
        return std::nullopt;
    if (asset == currency)
        return limit;
    // valueIn is ceil(a × pA × 10^dC / (10^dA × pC)), and ceil(x / d) ≤ L exactly when x ≤ L × d,
    // so the largest amount is floor(L × 10^dA × pC / (pA × 10^dC)).
    const auto priceAsset = priceIn(asset, prices, reference);
    const auto priceCurrency = priceIn(currency, prices, reference);
    const auto scaleA = pow10(asset.decimals);
    const auto scaleC = pow10(currency.decimals);
    if (!priceAsset || !priceCurrency || !scaleA || !scaleC)
        return std::nullopt;
    std::optional<Int128> top = checkedMul(limit, *scaleA);
    if (top)
        top = checkedMul(*top, *priceCurrency);
    const std::optional<Int128> bottom = checkedMul(*priceAsset, *scaleC);
    if (!top || !bottom)
        return std::nullopt;
    return *top / *bottom;
}

Timestamp Evaluator::windowStart(const Window& window, Timestamp now) const
{
    if (window.kind == Window::Kind::Rolling)
        return Timestamp{now.msSinceEpoch - window.seconds * 1000};
    if (m_fixedOffset) {
        const std::int64_t local = now.msSinceEpoch + m_utcOffsetFixed;
        const std::int64_t dayStart = local - ((local % kDayMs) + kDayMs) % kDayMs;
        return Timestamp{dayStart - m_utcOffsetFixed};
    }
    const QTimeZone zone(QByteArray::fromStdString(m_policy.globals.timeZone));
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(now.msSinceEpoch, zone);
    return Timestamp{QDateTime(local.date(), QTime(0, 0), zone).toMSecsSinceEpoch()};
}

std::int64_t Evaluator::longestWindowSeconds() const
{
    std::int64_t longest = 0;
    for (std::uint32_t index : m_windowRules) {
        const Window& window = *m_policy.rules[index].window;
        longest = std::max(longest, window.kind == Window::Kind::CalendarDay ? 2 * 86'400 : window.seconds);
    }
    return longest;
}

Evaluator::Outcome Evaluator::run(const Subject& subject, const Context& context,
                                  const simulation::SimulationResult* simulated, SpendWindows& usage, bool explain) const
{
    Outcome outcome;
    const Globals& globals = m_policy.globals;
    const auto error = [&](const std::string& message) {
        outcome.error = message;
        outcome.globalDeny = "global.error";
        outcome.reasons.push_back({"global.error", Effect::Deny, "evaluation error, which denies: " + message, {{"message", message}}});
    };

    // Globals first: the simulation must have succeeded, and a swap stay within the slippage.
    if (simulated != nullptr && globals.simulationRequired && !simulated->ok()) {
        outcome.globalDeny = "global.simulation";
        outcome.reasons.push_back({"global.simulation", Effect::Deny, "the simulation failed: " + simulated->reason,
                                   {{"problem", simulated->reason}}});
    }
    if (simulated != nullptr && simulated->ok() && globals.maxSlippageBps && subject.minOut != nullptr
        && simulated->expectedOut && simulated->expectedOut->minor() > 0) {
        const Int128 expected = simulated->expectedOut->minor();
        const Int128 minOut = subject.minOut->minor();
        const Int128 tolerance = ((expected - minOut) * 10'000 + expected - 1) / expected;
        if (tolerance > *globals.maxSlippageBps) {
            const Int128 floor = (expected * (10'000 - *globals.maxSlippageBps) + 9'999) / 10'000;
            outcome.globalDeny = "global.max-slippage";
            outcome.reasons.push_back({"global.max-slippage", Effect::Deny,
                                       "min_out accepts " + int128ToString(tolerance) + " bps of slippage, more than the "
                                           + std::to_string(*globals.maxSlippageBps) + " bps allowed",
                                       {{"tolerance_bps", int128ToString(tolerance)},
                                        {"allowed_bps", std::to_string(*globals.maxSlippageBps)},
                                        {"min_out_floor", shown(floor, simulated->expectedOut->asset())}}});
            outcome.slippageFix = "min_out ≥ " + shown(floor, simulated->expectedOut->asset()) + " would be within "
                                  + std::to_string(*globals.maxSlippageBps) + " bps";
        }
    }

    bool deny = false;
    bool approval = false;
    bool allow = false;
    for (std::uint32_t index : subject.rules != nullptr ? *subject.rules : candidates(*subject.agent, subject.action)) {
        const Rule& rule = m_policy.rules[index];
        if (!matches(rule, subject, true))
            continue;
        std::string detail;
        if (rule.amount) {
            auto value = valueIn(subject.amount, rule.amount->currency, context.prices, globals.referenceCurrency);
            if (!value) {
                error("rule " + rule.id + ": " + value.error().message);
                continue;
            }
            if (!holds(*rule.amount, *value))
                continue;
            if (explain)
                detail = shown(*value, rule.amount->currency) + ", " + m_boundTexts[index];
        }
        if (rule.window) {
            const Bound& bound = rule.window->bound;
            auto value = valueIn(subject.amount, bound.currency, context.prices, globals.referenceCurrency);
            if (!value) {
                error("rule " + rule.id + ": " + value.error().message);
                continue;
            }
            const Int128 spent = usage.spent(index, *subject.agent, windowStart(*rule.window, context.now));
            const Int128 total = spent + *value;
            if (explain)
                outcome.windows.push_back({rule.id, rule.window->text, Money::fromMinor(spent, bound.currency),
                                           Money::fromMinor(total, bound.currency)});
            if (!holds(bound, total))
                continue;
            if (explain)
                detail += std::string(detail.empty() ? "" : "; ") + rule.window->text + " " + shown(spent, bound.currency)
                          + " spent, " + shown(total, bound.currency) + " with this, " + describeBound(bound);
        }
        outcome.fired.push_back(index);
        if (explain) {
            const std::string& what = rule.description.empty() ? m_summaries[index] : rule.description;
            Clause& clause = outcome.reasons.emplace_back(Clause{rule.id, rule.effect, {}, {}});
            clause.text.reserve(what.size() + detail.size() + 3);
            clause.text.append(what);
            if (!detail.empty())
                clause.text.append(" (").append(detail).append(")");
        }
        deny = deny || rule.effect == Effect::Deny;
        approval = approval || rule.effect == Effect::RequireApproval;
        allow = allow || rule.effect == Effect::Allow;
    }
    if (deny || !outcome.globalDeny.empty())
        outcome.effect = Effect::Deny;
    else if (approval)
        outcome.effect = Effect::RequireApproval;
    else if (allow)
        outcome.effect = Effect::Allow;
    else
        outcome.reasons.push_back({"global.default-deny", Effect::Deny, "no rule allows this proposal", {}});
    return outcome;
}

std::optional<Int128> Evaluator::largestWithin(const Subject& subject, const Context& context, const Asset& currency,
                                               Int128 limit) const
{
    const auto most = largestAmountWithin(subject.amount.asset(), currency, limit, context.prices,
                                          m_policy.globals.referenceCurrency);
    if (!most || *most <= 0)
        return std::nullopt;
    return std::min(*most, subject.amount.minor());
}

Int128 Evaluator::spentInWindow(const Rule& rule, const Subject& subject, const Context& context, SpendWindows& usage) const
{
    return usage.spent(static_cast<std::size_t>(&rule - m_policy.rules.data()), *subject.agent,
                       windowStart(*rule.window, context.now));
}

std::vector<ApproverNeed> Evaluator::approversNeeded(const Outcome& outcome) const
{
    // Every fired approval rule must be met: requirements of "all" rules on one group are one
    // requirement (the largest threshold); "any" rules are listed as they are.
    std::vector<ApproverNeed> everyOf; // one group each, the largest threshold, in order
    std::vector<ApproverNeed> anyOf;
    for (std::uint32_t index : outcome.fired) {
        const Rule& rule = m_policy.rules[index];
        if (rule.effect != Effect::RequireApproval)
            continue;
        ApproverNeed alternatives;
        for (const GroupRequirement& need : rule.approval.groups) {
            if (rule.approval.any) {
                alternatives.anyOf.emplace_back(need.group, need.threshold);
                continue;
            }
            auto known = std::find_if(everyOf.begin(), everyOf.end(),
                                      [&](const ApproverNeed& g) { return g.anyOf.front().first == need.group; });
            if (known == everyOf.end())
                everyOf.push_back({{{need.group, need.threshold}}});
            else
                known->anyOf.front().second = std::max(known->anyOf.front().second, need.threshold);
        }
        if (!alternatives.anyOf.empty() && std::find(anyOf.begin(), anyOf.end(), alternatives) == anyOf.end())
            anyOf.push_back(std::move(alternatives));
    }
    everyOf.insert(everyOf.end(), anyOf.begin(), anyOf.end());
    return everyOf;
}

std::string Evaluator::nearestAllowing(const Subject& subject, const Context& context, SpendWindows& usage) const
{
    // Rules for this agent (any action) first; only when there are none, every rule.
    const Asset& asset = subject.amount.asset();
    const auto own = m_agentRules.find(*subject.agent);
    const std::vector<std::uint32_t>& scope =
        own != m_agentRules.end() ? own->second : !m_anyAgentRules.empty() ? m_anyAgentRules : m_allRules;
    // What `rule` lacks, in words: its unmatched fields, or the amount its bounds allow.
    const auto describe = [&](const Rule& rule, std::size_t count) {
        std::vector<std::string> missed = count > 0 ? misses(rule, subject) : std::vector<std::string>();
        if (count > 0)
            return missed;
        if (rule.amount && rule.amount->atMost)
            if (auto most = largestWithin(subject, context, rule.amount->currency, *rule.amount->atMost); most)
                missed.push_back("amount ≤ " + shown(*most, asset));
        if (rule.window && rule.window->bound.atMost) {
            const Int128 spent = spentInWindow(rule, subject, context, usage);
            if (auto most = largestWithin(subject, context, rule.window->bound.currency, *rule.window->bound.atMost - spent); most)
                missed.push_back("amount ≤ " + shown(*most, asset) + " (" + rule.window->text + " "
                                 + shown(spent, rule.window->bound.currency) + " already spent)");
            else
                missed.push_back("the " + rule.window->text + " window of rule " + rule.id + " is used up ("
                                 + shown(spent, rule.window->bound.currency) + " spent)");
        }
        return missed;
    };
    // Counted without words first; only the nearest rule is described.
    const Rule* nearest = nullptr;
    std::size_t nearestCount = 0;
    std::size_t nearestScore = 0;
    for (std::uint32_t index : scope) {
        const Rule& rule = m_policy.rules[index];
        if (rule.effect == Effect::Deny)
            continue;
        const std::size_t count = missCount(rule, subject);
        const std::size_t score = count > 0 ? count
                                            : (rule.amount && rule.amount->atMost ? 1u : 0u)
                                                  + (rule.window && rule.window->bound.atMost ? 1u : 0u);
        if (score > 0 && (nearest == nullptr || score < nearestScore)) {
            nearest = &rule;
            nearestCount = count;
            nearestScore = score;
        }
    }
    const std::vector<std::string> nearestMisses = nearest != nullptr ? describe(*nearest, nearestCount)
                                                                      : std::vector<std::string>();
    if (nearestMisses.empty())
        return "none: no rule allows " + std::string(toString(subject.action)) + " by " + *subject.agent;
    std::string text;
    for (const std::string& miss : nearestMisses)
        text += (text.empty() ? "" : "; ") + miss;
    return text + " — rule " + nearest->id + " would " + (nearest->effect == Effect::Allow ? "allow it" : "route it to approval");
}

std::string Evaluator::whyItStays(const Rule& rule, const Subject& subject, const Context& context, SpendWindows& usage) const
{
    if (rule.window && rule.window->bound.above) {
        const Timestamp start = windowStart(*rule.window, context.now);
        const Int128 spent = spentInWindow(rule, subject, context, usage);
        if (spent >= *rule.window->bound.above) {
            const std::string used = "the " + rule.window->text + " cap of rule " + rule.id + " is used up ("
                                     + shown(spent, rule.window->bound.currency) + " spent, "
                                     + describeBound(rule.window->bound) + " is denied)";
            if (rule.window->kind == Window::Kind::CalendarDay)
                return used + "; it resets at "
                       + toIso8601(windowStart(*rule.window, Timestamp{start.msSinceEpoch + 36 * 3'600'000}));
            return used + "; room returns as spends leave the " + rule.window->text + " window";
        }
    }
    return "deny rule " + rule.id + " applies whatever the amount (" + describeMatch(rule) + ")";
}

std::string Evaluator::largerAmountThatFlips(const Subject& subject, const Context& context, SpendWindows& usage) const
{
    // The smallest larger amount at which a bound of a matching rule changes the effect.
    const Asset& asset = subject.amount.asset();
    std::optional<Int128> flip;
    for (std::uint32_t index : *subject.rules) {
        const Rule& rule = m_policy.rules[index];
        if (!matches(rule, subject, true))
            continue;
        const auto edgeOf = [&](const Bound& bound, Int128 spent) -> std::optional<Int128> {
            const std::optional<Int128> limit = rule.effect == Effect::Allow ? bound.atMost : bound.above;
            if (!limit)
                return std::nullopt;
            // The smallest amount whose value passes the limit: one more than the largest within it.
            const auto most = largestAmountWithin(asset, bound.currency, *limit - spent, context.prices,
                                                  m_policy.globals.referenceCurrency);
            if (!most || *most < subject.amount.minor())
                return std::nullopt;
            return *most + 1;
        };
        if (rule.amount)
            if (auto edge = edgeOf(*rule.amount, 0); edge && (!flip || *edge < *flip))
                flip = edge;
        if (rule.window) {
            const Int128 spent = usage.spent(index, *subject.agent, windowStart(*rule.window, context.now));
            if (auto edge = edgeOf(rule.window->bound, spent); edge && (!flip || *edge < *flip))
                flip = edge;
        }
    }
    if (!flip)
        return "none by amount: only a change of agent, action, asset, venue or counterparty would change it";
    return "amount above " + shown(*flip - 1, asset) + " would " + effectVerb(retry(subject, *flip, context, usage));
}

Effect Evaluator::retry(const Subject& subject, Int128 minor, const Context& context, SpendWindows& usage) const
{
    Subject changed = subject;
    changed.amount = Money::fromMinor(minor, subject.amount.asset());
    return run(changed, context, nullptr, usage, false).effect;
}

std::string Evaluator::counterfactual(const Subject& subject, const Outcome& outcome, const Context& context,
                                      SpendWindows& usage, std::optional<CounterfactualParts>* parts) const
{
    if (!outcome.error.empty())
        return "none: the evaluation failed (" + outcome.error + ")";
    if (outcome.globalDeny == "global.simulation" || outcome.globalDeny == "global.max-slippage") {
        // What the globals need, then what the rules alone would still say.
        std::string fix = outcome.globalDeny == "global.simulation" ? "a proposal whose simulation succeeds"
                                                                    : outcome.slippageFix;
        const Outcome rules = run(subject, context, nullptr, usage, false);
        if (rules.effect == Effect::Allow)
            return fix;
        if (rules.effect == Effect::RequireApproval)
            return fix + "; then it would need approval";
        return fix + "; and " + counterfactual(subject, rules, context, usage);
    }
    if (outcome.effect == Effect::Allow)
        return largerAmountThatFlips(subject, context, usage);

    // Denied or routed to approvers: the most this proposal could be while escaping every rule
    // of that effect that fired, and who must approve it otherwise.
    const Effect escaping = outcome.effect;
    std::optional<Int128> lowest;
    bool allEscapable = true;
    const Rule* blocking = nullptr;
    for (std::uint32_t index : outcome.fired) {
        const Rule& rule = m_policy.rules[index];
        if (rule.effect != escaping)
            continue;
        std::optional<Int128> most;
        const auto consider = [&](std::optional<Int128> candidate) {
            if (candidate && (!most || *candidate > *most))
                most = candidate;
        };
        if (rule.amount && rule.amount->above)
            consider(largestWithin(subject, context, rule.amount->currency, *rule.amount->above));
        if (rule.window && rule.window->bound.above)
            consider(largestWithin(subject, context, rule.window->bound.currency,
                                   *rule.window->bound.above - spentInWindow(rule, subject, context, usage)));
        if (!most) {
            allEscapable = false;
            blocking = blocking != nullptr ? blocking : &rule;
        } else if (!lowest || *most < *lowest) {
            lowest = most;
        }
    }
    const std::vector<ApproverNeed> needs =
        escaping == Effect::RequireApproval ? approversNeeded(outcome) : std::vector<ApproverNeed>();
    const std::string approvers = escaping == Effect::RequireApproval ? needsText(needs) : std::string();
    if (outcome.fired.empty() || (escaping == Effect::Deny && blocking == nullptr && !lowest))
        return nearestAllowing(subject, context, usage); // denied because no rule allows it
    if (allEscapable && lowest) {
        const Effect then = retry(subject, *lowest, context, usage);
        if (then != outcome.effect) {
            const std::string change = "amount ≤ " + shown(*lowest, subject.amount.asset()) + " would " + effectVerb(then);
            if (parts != nullptr)
                *parts = CounterfactualParts{needs, Money::fromMinor(*lowest, subject.amount.asset()), then};
            return approvers.empty() ? change : approvers + "; or " + change;
        }
    }
    if (!approvers.empty()) {
        if (parts != nullptr)
            *parts = CounterfactualParts{needs, std::nullopt, Effect::Allow};
        return approvers;
    }
    return whyItStays(blocking != nullptr ? *blocking : m_policy.rules[outcome.fired.front()], subject, context, usage);
}

Decision Evaluator::evaluate(const Proposal& proposal, const Context& context, SpendWindows& usage) const
{
    return decide(requestOf(proposal), context, usage);
}

Decision Evaluator::decide(const Request& request, const Context& context, SpendWindows& usage) const
{
    Subject subject;
    subject.agent = request.agent;
    const auto role = context.roles.find(*request.agent);
    subject.role = role == context.roles.end() ? nullptr : &role->second;
    subject.action = request.action;
    subject.amount = request.amount;
    subject.venue = request.venue;
    subject.to = request.to;
    subject.listed = subject.to != nullptr && m_policy.isListedCounterparty(*subject.to);
    subject.firstTime = subject.to != nullptr && request.firstTime.value_or(!context.settledTo.contains(*subject.to));
    subject.minOut = request.minOut;
    subject.rules = &candidates(*request.agent, request.action);
    const Standing standing = request.reputation.value_or(Standing{});
    subject.standing = &standing;

    Outcome outcome = run(subject, context, context.simulation, usage, context.explain);
    Decision decision;
    decision.effect = outcome.effect;
    decision.policyVersion = m_policy.version;
    decision.at = context.now;
    decision.firstTime = subject.firstTime;
    if (m_usesReputation)
        decision.reputation = standing;
    decision.error = outcome.error;
    if (context.explain)
        decision.counterfactual = counterfactual(subject, outcome, context, usage, &decision.counterfactualParts);
    decision.rules.reserve(outcome.fired.size() + 1);
    if (!outcome.globalDeny.empty())
        decision.rules.push_back(outcome.globalDeny);
    for (std::uint32_t index : outcome.fired) {
        const Rule& rule = m_policy.rules[index];
        decision.rules.push_back(rule.id);
        if (rule.effect == Effect::RequireApproval && outcome.effect == Effect::RequireApproval) {
            decision.approvals.push_back({rule.id, rule.approval});
            int need = 0;
            for (const GroupRequirement& group : rule.approval.groups)
                need = rule.approval.any ? (need == 0 ? group.threshold : std::min(need, group.threshold))
                                         : need + group.threshold;
            decision.approvalsRequired = std::max(decision.approvalsRequired, need);
        }
    }
    if (outcome.effect == Effect::Deny && outcome.fired.empty() && outcome.globalDeny.empty())
        decision.rules.push_back("global.default-deny");
    decision.reasons = std::move(outcome.reasons);
    decision.windows = std::move(outcome.windows);
    decision.computedRisk = outcome.effect == Effect::Allow             ? RiskLevel::Low
                            : outcome.effect == Effect::RequireApproval ? RiskLevel::Medium
                                                                        : RiskLevel::High;
    decision.underClaimed = request.claimedApprovals < decision.approvalsRequired
                            || static_cast<int>(request.claimedRisk) < static_cast<int>(decision.computedRisk);
    return decision;
}

Result<void> SpendWindows::add(const Spend& spend, const Context& context)
{
    Evaluator::Subject subject;
    subject.agent = &spend.agent;
    const auto role = context.roles.find(spend.agent);
    subject.role = role == context.roles.end() ? nullptr : &role->second;
    subject.action = spend.action;
    subject.amount = spend.amount;
    subject.venue = spend.venue ? &*spend.venue : nullptr;
    subject.to = spend.to ? &*spend.to : nullptr;
    const Policy& policy = m_evaluator.policy();
    subject.listed = subject.to != nullptr && policy.isListedCounterparty(*subject.to);
    subject.firstTime = subject.to != nullptr && spend.firstTime;
    // Only the rules that can apply to this agent and action can count it.
    for (std::uint32_t index : m_evaluator.candidates(spend.agent, spend.action)) {
        const Rule& rule = policy.rules[index];
        if (!rule.window || !m_evaluator.matches(rule, subject, true))
            continue;
        CS_TRY(value, Evaluator::valueIn(spend.amount, rule.window->bound.currency, context.prices,
                                         policy.globals.referenceCurrency));
        Queue& queue = m_queues[spend.agent][index];
        queue.items.emplace_back(spend.at.msSinceEpoch, *value);
        queue.total += *value;
    }
    return {};
}

Int128 SpendWindows::spent(std::size_t rule, const std::string& agent, Timestamp from)
{
    const auto byAgent = m_queues.find(agent);
    if (byAgent == m_queues.end())
        return 0;
    const auto found = byAgent->second.find(rule);
    if (found == byAgent->second.end())
        return 0;
    Queue& queue = found->second;
    while (!queue.items.empty() && queue.items.front().first < from.msSinceEpoch) {
        queue.total -= queue.items.front().second;
        queue.items.pop_front();
    }
    return queue.total;
}

} // namespace cs::policy
