// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/policy/Policy.h"

#include "core/domain/CanonicalJson.h"
#include "core/domain/Encoding.h"
#include "core/domain/Ids.h"
#include "core/identity/Crypto.h"
#include "core/domain/StrictJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>
#include <array>

namespace cs::policy {

using Kind = JsonValue::Kind;

namespace {

constexpr int kMaxThreshold = 16;
constexpr std::array<const char*, 4> kListKinds = {"agents", "assets", "venues", "counterparties"};

Result<int> integerAt(const JsonValue& value, const std::string& path, int min, int max)
{
    const bool digits = value.kind == Kind::Number && !value.text.empty() && value.text.size() <= 6
                        && value.text.find_first_not_of("0123456789") == std::string::npos
                        && (value.text == "0" || value.text.front() != '0');
    if (!digits || std::stoi(value.text) < min || std::stoi(value.text) > max)
        return invalid(path, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return std::stoi(value.text);
}

Result<bool> booleanAt(const JsonValue& value, const std::string& path)
{
    if (value.kind != Kind::Bool)
        return invalid(path, "must be true or false");
    return value.boolean;
}

Result<std::int64_t> durationAt(const JsonValue& value, const std::string& path)
{
    CS_TRY(text, stringAt(value, path));
    const auto seconds = parseDuration(*text);
    if (!seconds)
        return invalid(path, "must be a duration such as \"3600s\", \"90m\", \"24h\" or \"7d\"");
    return *seconds;
}

//! A member of a set a selector or list holds: an action type, an asset code or an identifier.
Result<std::string> elementAt(const JsonValue& value, const std::string& path, std::string_view kind,
                              const AssetCatalog& assets)
{
    if (kind == "assets") {
        CS_TRY(asset, assetAt(value, path, assets));
        return (*asset)->code;
    }
    CS_TRY(id, identifierAt(value, path));
    if (kind == "actions" && !parseActionType(*id))
        return invalid(path, "must be one of transfer, pay_api, swap, deposit, withdraw");
    return id;
}

Result<std::vector<std::string>> setAt(const JsonValue& value, const std::string& path, std::string_view kind,
                                       const AssetCatalog& assets)
{
    if (value.kind != Kind::Array)
        return invalid(path, "must be an array");
    if (value.items.empty())
        return invalid(path, "must not be empty");
    std::vector<std::string> set;
    for (std::size_t i = 0; i < value.items.size(); ++i) {
        CS_TRY(element, elementAt(value.items[i], path + "[" + std::to_string(i) + "]", kind, assets));
        set.push_back(std::move(*element));
    }
    std::sort(set.begin(), set.end());
    if (std::adjacent_find(set.begin(), set.end()) != set.end())
        return invalid(path, "names " + *std::adjacent_find(set.begin(), set.end()) + " twice");
    return set;
}

//! ["a", "b"], {"in_list": L}, {"not_in": [...]} or {"not_in_list": L}.
Result<Selector> readSelector(const JsonValue& value, const std::string& path, std::string_view kind,
                              const std::map<std::string, NamedList>& lists, const AssetCatalog& assets)
{
    Selector selector;
    selector.kind = Selector::Kind::In;
    if (value.kind == Kind::Array) {
        CS_TRY(set, setAt(value, path, kind, assets));
        selector.values = std::move(*set);
        return selector;
    }
    if (value.kind != Kind::Object || value.keys.size() != 1)
        return invalid(path, "must be an array of values or one of {\"in_list\"}, {\"not_in\"}, {\"not_in_list\"}");
    const std::string& how = value.keys.front();
    const std::string where = jsonMemberPath(path, how);
    if (how == "not_in") {
        CS_TRY(set, setAt(value.values.front(), where, kind, assets));
        selector.kind = Selector::Kind::NotIn;
        selector.values = std::move(*set);
        return selector;
    }
    if (how != "in_list" && how != "not_in_list")
        return invalid(where, "unknown key (in_list, not_in or not_in_list)");
    CS_TRY(name, identifierAt(value.values.front(), where));
    const auto list = lists.find(*name);
    if (list == lists.end())
        return invalid(where, "undefined list '" + *name + "'");
    if (list->second.kind != kind)
        return invalid(where, "list '" + *name + "' holds " + list->second.kind + ", not " + std::string(kind));
    selector.kind = how == "in_list" ? Selector::Kind::In : Selector::Kind::NotIn;
    selector.values = list->second.members;
    selector.list = *name;
    return selector;
}

//! A selector with its set described once, for every explanation that names it.
Result<Selector> selectorAt(const JsonValue& value, const std::string& path, std::string_view kind,
                            const std::map<std::string, NamedList>& lists, const AssetCatalog& assets)
{
    CS_TRY(selector, readSelector(value, path, kind, lists, assets));
    selector->text = describeSet(*selector);
    return selector;
}

Result<Bound> boundAt(const JsonValue& value, const std::string& path, const Asset& reference,
                      const AssetCatalog& assets)
{
    Bound bound;
    bound.currency = reference;
    if (const JsonValue* currency = value.find("currency")) {
        CS_TRY(asset, assetAt(*currency, member(path, "currency"), assets));
        bound.currency = **asset;
    }
    const auto amountAt = [&](const char* key) -> Result<std::optional<Int128>> {
        const JsonValue* field = value.find(key);
        if (field == nullptr)
            return std::optional<Int128>();
        CS_TRY(money, cs::amountAt(*field, member(path, key), bound.currency));
        return std::optional<Int128>(money->minor());
    };
    CS_TRY(above, amountAt("above"));
    CS_TRY(atMost, amountAt("at_most"));
    if (!*above && !*atMost)
        return invalid(path, "needs \"above\", \"at_most\" or both");
    if (*above && *atMost && **atMost <= **above)
        return invalid(member(path, "at_most"), "must be greater than \"above\": the range is empty");
    bound.above = *above;
    bound.atMost = *atMost;
    return bound;
}

//! A rule's `match` object at `where`, into `rule`.
Result<void> matchAt(const JsonValue& match, const std::string& where, const Policy& policy, const AssetCatalog& assets,
                     Rule& rule)
{
    CS_TRY(keys, exactKeys(match, where, {},
                           {"agent", "role", "action", "asset", "venue", "counterparty", "destination", "reputation_below"}));
    const auto field = [&](const char* key, std::string_view kind, Selector& out) -> Result<void> {
        if (const JsonValue* selector = match.find(key)) {
            CS_TRY(read, selectorAt(*selector, member(where, key), kind, policy.lists, assets));
            out = std::move(*read);
        }
        return {};
    };
    CS_TRY(agent, field("agent", "agents", rule.agent));
    CS_TRY(role, field("role", "roles", rule.role));
    CS_TRY(action, field("action", "actions", rule.action));
    CS_TRY(asset, field("asset", "assets", rule.asset));
    CS_TRY(venue, field("venue", "venues", rule.venue));
    CS_TRY(counterparty, field("counterparty", "counterparties", rule.counterparty));
    if (const JsonValue* destination = match.find("destination")) {
        CS_TRY(text, stringAt(*destination, member(where, "destination")));
        if (*text == "listed")
            rule.destination = Destination::Listed;
        else if (*text == "first_time")
            rule.destination = Destination::FirstTime;
        else
            return invalid(member(where, "destination"), "must be listed or first_time");
    }
    if (const JsonValue* below = match.find("reputation_below")) {
        CS_TRY(text, stringAt(*below, member(where, "reputation_below")));
        rule.reputationBelow = api::parseReputationTier(*text);
        if (!rule.reputationBelow || *rule.reputationBelow == api::ReputationTier::Untrusted)
            return invalid(member(where, "reputation_below"), "must be trusted or provisional");
    }
    return {};
}

Result<Rule> ruleAt(const JsonValue& value, const std::string& path, const Policy& policy,
                    const AssetCatalog& assets)
{
    CS_TRY(keys, exactKeys(value, path, {"id", "effect"}, {"description", "match", "amount", "window", "approval", "broad"}));
    Rule rule;
    CS_TRY(id, identifierAt(*value.find("id"), member(path, "id")));
    rule.id = *id;
    if (const JsonValue* description = value.find("description")) {
        CS_TRY(text, freeTextAt(*description, member(path, "description"), true));
        rule.description = *text;
    }
    if (const JsonValue* broad = value.find("broad")) {
        CS_TRY(text, freeTextAt(*broad, member(path, "broad")));
        rule.broad = *text;
    }
    CS_TRY(effect, stringAt(*value.find("effect"), member(path, "effect")));
    if (*effect == "allow")
        rule.effect = Effect::Allow;
    else if (*effect == "deny")
        rule.effect = Effect::Deny;
    else if (*effect == "require_approval")
        rule.effect = Effect::RequireApproval;
    else
        return invalid(member(path, "effect"), "must be allow, deny or require_approval");

    if (const JsonValue* match = value.find("match")) {
        CS_TRY(matched, matchAt(*match, member(path, "match"), policy, assets, rule));
    }
    if (const JsonValue* amount = value.find("amount")) {
        CS_TRY(amountKeys, exactKeys(*amount, member(path, "amount"), {}, {"above", "at_most", "currency"}));
        CS_TRY(bound, boundAt(*amount, member(path, "amount"), policy.globals.referenceCurrency, assets));
        rule.amount = *bound;
    }
    if (const JsonValue* window = value.find("window")) {
        const std::string where = member(path, "window");
        CS_TRY(windowKeys, exactKeys(*window, where, {"period"}, {"above", "at_most", "currency"}));
        Window read;
        CS_TRY(period, stringAt(*window->find("period"), member(where, "period")));
        read.text = *period;
        if (*period == "calendar_day") {
            read.kind = Window::Kind::CalendarDay;
        } else if (const auto seconds = parseDuration(*period)) {
            read.seconds = *seconds;
        } else {
            return invalid(member(where, "period"), "must be calendar_day or a duration such as \"24h\", \"7d\", \"3600s\"");
        }
        CS_TRY(bound, boundAt(*window, where, policy.globals.referenceCurrency, assets));
        read.bound = *bound;
        rule.window = std::move(read);
    }
    const JsonValue* approval = value.find("approval");
    if (rule.effect != Effect::RequireApproval) {
        if (approval != nullptr)
            return invalid(member(path, "approval"), "only a require_approval rule names approvers");
        return rule;
    }
    const std::string where = member(path, "approval");
    if (approval == nullptr)
        return invalid(where, "required for require_approval");
    CS_TRY(approvalKeys, exactKeys(*approval, where, {"groups"}, {"combine", "initiator_may_approve", "expiry"}));
    const JsonValue& groups = *approval->find("groups");
    if (groups.kind != Kind::Array || groups.items.empty())
        return invalid(member(where, "groups"), "must be a non-empty array of {group, threshold}");
    for (std::size_t i = 0; i < groups.items.size(); ++i) {
        const std::string at = member(where, "groups") + "[" + std::to_string(i) + "]";
        CS_TRY(groupKeys, exactKeys(groups.items[i], at, {"group", "threshold"}));
        CS_TRY(name, identifierAt(*groups.items[i].find("group"), member(at, "group")));
        const auto group = policy.groups.find(*name);
        if (group == policy.groups.end())
            return invalid(member(at, "group"), "undefined approver group '" + *name + "'");
        CS_TRY(threshold, integerAt(*groups.items[i].find("threshold"), member(at, "threshold"), 1, kMaxThreshold));
        if (*threshold > static_cast<int>(group->second.size()))
            return invalid(member(at, "threshold"), std::to_string(*threshold) + " approvals cannot come from the "
                                                        + std::to_string(group->second.size()) + " members of '" + *name + "'");
        for (const GroupRequirement& earlier : rule.approval.groups) {
            if (earlier.group == *name)
                return invalid(member(at, "group"), "names group '" + *name + "' twice");
        }
        rule.approval.groups.push_back({*name, *threshold});
    }
    if (const JsonValue* combine = approval->find("combine")) {
        CS_TRY(text, stringAt(*combine, member(where, "combine")));
        if (*text != "all" && *text != "any")
            return invalid(member(where, "combine"), "must be all or any");
        rule.approval.any = *text == "any";
    }
    if (const JsonValue* initiator = approval->find("initiator_may_approve")) {
        CS_TRY(flag, booleanAt(*initiator, member(where, "initiator_may_approve")));
        rule.approval.initiatorMayApprove = *flag;
    }
    rule.approval.expirySeconds = policy.globals.approvalExpirySeconds;
    if (const JsonValue* expiry = approval->find("expiry")) {
        CS_TRY(seconds, durationAt(*expiry, member(where, "expiry")));
        rule.approval.expirySeconds = *seconds;
    }
    return rule;
}

} // namespace

std::optional<Effect> parseEffect(std::string_view text)
{
    for (Effect effect : {Effect::Allow, Effect::RequireApproval, Effect::Deny}) {
        if (toString(effect) == text)
            return effect;
    }
    return std::nullopt;
}

std::string_view toString(Effect effect)
{
    switch (effect) {
    case Effect::Allow: return "allow";
    case Effect::RequireApproval: return "require_approval";
    case Effect::Deny: return "deny";
    }
    return "deny";
}

bool Selector::matches(const std::string* value) const
{
    if (kind == Kind::Any)
        return true;
    bool in = false;
    if (value != nullptr && values.size() <= 8) {
        // Small sets (most): lengths first, then bytes.
        for (const std::string& item : values)
            in = in || (item.size() == value->size() && item == *value);
    } else if (value != nullptr) {
        in = std::binary_search(values.begin(), values.end(), *value);
    }
    return kind == Kind::In ? in : !in;
}

std::string Selector::describeMiss(std::string_view field, const std::string* value) const
{
    return std::string(field) + " " + (value != nullptr ? *value : std::string("(none)"))
           + (kind == Kind::In ? " is not in " : " is in ") + describeSet(*this);
}

std::string describeSet(const Selector& selector)
{
    if (!selector.text.empty())
        return selector.text;
    if (!selector.list.empty())
        return "list '" + selector.list + "'";
    std::string set;
    for (const std::string& item : selector.values)
        set += (set.empty() ? "" : ", ") + item;
    return "{" + set + "}";
}

std::string describeBound(const Bound& bound)
{
    const auto shown = [&](Int128 minor) { return Money::fromMinor(minor, bound.currency).toString() + " " + bound.currency.code; };
    std::string text;
    if (bound.above)
        text = "above " + shown(*bound.above);
    if (bound.atMost)
        text += (text.empty() ? "" : " and ") + std::string("at most ") + shown(*bound.atMost);
    return text;
}

std::vector<const Rule*> rulesFor(const Policy& policy, const std::string& principal, const std::string& role)
{
    std::vector<const Rule*> rules;
    for (const Rule& rule : policy.rules) {
        if (rule.agent.matches(&principal) && rule.role.matches(&role))
            rules.push_back(&rule);
    }
    return rules;
}

std::string describeMatch(const Rule& rule)
{
    std::string text;
    const auto add = [&](const char* field, const Selector& selector) {
        if (selector.kind != Selector::Kind::Any)
            text += (text.empty() ? "" : ", ") + std::string(field)
                    + (selector.kind == Selector::Kind::In ? " in " : " not in ") + describeSet(selector);
    };
    add("agent", rule.agent);
    add("role", rule.role);
    add("action", rule.action);
    add("asset", rule.asset);
    add("venue", rule.venue);
    add("counterparty", rule.counterparty);
    if (rule.destination != Destination::Any)
        text += (text.empty() ? "" : ", ")
                + std::string(rule.destination == Destination::Listed ? "a listed counterparty" : "a counterparty never paid before");
    if (rule.reputationBelow)
        text += (text.empty() ? "" : ", ") + ("an agent whose reputation is below " + std::string(api::toString(*rule.reputationBelow)));
    return text.empty() ? "every proposal" : text;
}

bool Policy::usesReputation() const
{
    return std::any_of(rules.begin(), rules.end(), [](const Rule& rule) { return rule.reputationBelow.has_value(); });
}

const Rule* Policy::findRule(std::string_view id) const
{
    for (const Rule& rule : rules) {
        if (rule.id == id)
            return &rule;
    }
    return nullptr;
}

bool Policy::isListedCounterparty(const std::string& counterparty) const
{
    return std::binary_search(listedCounterparties.begin(), listedCounterparties.end(), counterparty);
}

std::optional<std::int64_t> parseDuration(std::string_view text)
{
    if (text.size() < 2 || text.size() > 9 || text.front() == '0')
        return std::nullopt;
    std::int64_t unit = 0;
    switch (text.back()) {
    case 's': unit = 1; break;
    case 'm': unit = 60; break;
    case 'h': unit = 3600; break;
    case 'd': unit = 86400; break;
    default: return std::nullopt;
    }
    std::int64_t count = 0;
    for (char c : text.substr(0, text.size() - 1)) {
        if (c < '0' || c > '9')
            return std::nullopt;
        count = count * 10 + (c - '0');
    }
    return count * unit;
}

Result<Policy> parsePolicy(std::string_view bytes, const AssetCatalog& assets)
{
    JsonLimits limits;
    limits.maxDocument = 4 * 1024 * 1024;
    limits.maxItems = 10'000;
    CS_TRY(document, parseStrictJson(bytes, limits));
    const JsonValue& root = *document;
    CS_TRY(keys, exactKeys(root, "$", {"schema", "name", "globals", "rules"}, {"lists", "groups"}));
    CS_TRY(schema, stringAt(*root.find("schema"), "$.schema"));
    if (*schema != kPolicySchema)
        return invalid("$.schema", std::string("must be \"") + kPolicySchema + "\"");
    Policy policy;
    CS_TRY(name, freeTextAt(*root.find("name"), "$.name"));
    policy.name = *name;

    const JsonValue& globals = *root.find("globals");
    CS_TRY(globalKeys, exactKeys(globals, "$.globals", {"default_effect", "reference_currency"},
                                 {"simulation_required", "max_slippage_bps", "approval_expiry", "time_zone"}));
    CS_TRY(defaultEffect, stringAt(*globals.find("default_effect"), "$.globals.default_effect"));
    if (*defaultEffect != "deny")
        return invalid("$.globals.default_effect", "must be deny: what no rule allows is denied");
    CS_TRY(reference, assetAt(*globals.find("reference_currency"), "$.globals.reference_currency", assets));
    policy.globals.referenceCurrency = **reference;
    if (const JsonValue* required = globals.find("simulation_required")) {
        CS_TRY(flag, booleanAt(*required, "$.globals.simulation_required"));
        policy.globals.simulationRequired = *flag;
    }
    if (const JsonValue* slippage = globals.find("max_slippage_bps")) {
        CS_TRY(bps, integerAt(*slippage, "$.globals.max_slippage_bps", 0, 10'000));
        policy.globals.maxSlippageBps = *bps;
    }
    if (const JsonValue* expiry = globals.find("approval_expiry")) {
        CS_TRY(seconds, durationAt(*expiry, "$.globals.approval_expiry"));
        policy.globals.approvalExpirySeconds = *seconds;
    }
    if (const JsonValue* zone = globals.find("time_zone")) {
        CS_TRY(text, stringAt(*zone, "$.globals.time_zone"));
        if (!QTimeZone(QByteArray::fromStdString(*text)).isValid())
            return invalid("$.globals.time_zone", "unknown time zone " + *text + " (an IANA name such as Europe/Berlin)");
        policy.globals.timeZone = *text;
    }

    if (const JsonValue* lists = root.find("lists")) {
        if (lists->kind != Kind::Object)
            return invalid("$.lists", "must be an object of named lists");
        for (std::size_t i = 0; i < lists->keys.size(); ++i) {
            const std::string path = jsonMemberPath("$.lists", lists->keys[i]);
            if (!isValidIdentifier(lists->keys[i]))
                return invalid(path, "list names are identifiers [a-z0-9][a-z0-9._:-]{0,63}");
            const JsonValue& list = lists->values[i];
            CS_TRY(listKeys, exactKeys(list, path, {"kind", "members"}, {"description"}));
            CS_TRY(kind, stringAt(*list.find("kind"), member(path, "kind")));
            if (std::find_if(kListKinds.begin(), kListKinds.end(), [&](const char* k) { return *kind == k; })
                == kListKinds.end())
                return invalid(member(path, "kind"), "must be agents, assets, venues or counterparties");
            if (const JsonValue* description = list.find("description")) {
                CS_TRY(text, freeTextAt(*description, member(path, "description"), true));
            }
            CS_TRY(members, setAt(*list.find("members"), member(path, "members"), *kind, assets));
            policy.lists.emplace(lists->keys[i], NamedList{*kind, std::move(*members)});
        }
    }
    if (const JsonValue* groups = root.find("groups")) {
        if (groups->kind != Kind::Object)
            return invalid("$.groups", "must be an object of approver groups");
        for (std::size_t i = 0; i < groups->keys.size(); ++i) {
            const std::string path = jsonMemberPath("$.groups", groups->keys[i]);
            if (!isValidIdentifier(groups->keys[i]))
                return invalid(path, "group names are identifiers [a-z0-9][a-z0-9._:-]{0,63}");
            CS_TRY(members, setAt(groups->values[i], path, "principals", assets));
            policy.groups.emplace(groups->keys[i], std::move(*members));
        }
    }

    for (const auto& [listName, list] : policy.lists) {
        if (list.kind == "counterparties")
            policy.listedCounterparties.insert(policy.listedCounterparties.end(), list.members.begin(), list.members.end());
    }
    std::sort(policy.listedCounterparties.begin(), policy.listedCounterparties.end());

    const JsonValue& rules = *root.find("rules");
    if (rules.kind != Kind::Array)
        return invalid("$.rules", "must be an array");
    for (std::size_t i = 0; i < rules.items.size(); ++i) {
        const std::string path = "$.rules[" + std::to_string(i) + "]";
        CS_TRY(rule, ruleAt(rules.items[i], path, policy, assets));
        if (policy.findRule(rule->id) != nullptr)
            return invalid(member(path, "id"), "rule id " + rule->id + " is used twice");
        policy.rules.push_back(std::move(*rule));
    }

    // The content address: canonical JSON of the document as written (keys sorted, no spaces).
    const QJsonDocument parsed = QJsonDocument::fromJson(QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())));
    CS_TRY(canonical, canonicalJson(parsed.object()));
    policy.canonical = std::move(*canonical);
    policy.version = toHex(identity::sha256(policy.canonical));
    return policy;
}

} // namespace cs::policy
