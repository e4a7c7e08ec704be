// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/policy/Diff.h"

#include <algorithm>

namespace cs::policy {

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string joined(const std::vector<std::string>& items)
{
    std::string text;
    for (const std::string& item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

std::string duration(std::int64_t seconds)
{
    if (seconds % 86'400 == 0)
        return std::to_string(seconds / 86'400) + "d";
    if (seconds % 3'600 == 0)
        return std::to_string(seconds / 3'600) + "h";
    return std::to_string(seconds) + "s";
}

//! Each field of a rule as text, in a fixed order.
Fields fieldsOf(const Rule& rule)
{
    Fields fields{{"effect", std::string(toString(rule.effect))},
                  {"description", rule.description},
                  {"match", describeMatch(rule)},
                  {"amount", rule.amount ? describeBound(*rule.amount) : "none"},
                  {"window", rule.window ? rule.window->text + " " + describeBound(rule.window->bound) : "none"}};
    if (rule.effect == Effect::RequireApproval) {
        std::string groups;
        for (const GroupRequirement& need : rule.approval.groups)
            groups += (groups.empty() ? "" : rule.approval.any ? " or " : " and ") + std::to_string(need.threshold)
                      + " of '" + need.group + "'";
        fields.emplace_back("approval", groups + (rule.approval.initiatorMayApprove ? ", initiator may approve" : "")
                                            + ", expires after " + duration(rule.approval.expirySeconds));
    }
    return fields;
}

std::string summary(const Rule& rule)
{
    std::string text = "rule " + rule.id + " [" + std::string(toString(rule.effect)) + "]: " + describeMatch(rule);
    if (rule.amount)
        text += "; amount " + describeBound(*rule.amount);
    if (rule.window)
        text += "; " + rule.window->text + " total " + describeBound(rule.window->bound);
    return text;
}

Fields globalsOf(const Globals& globals)
{
    return {{"reference_currency", globals.referenceCurrency.code},
            {"simulation_required", globals.simulationRequired ? "true" : "false"},
            {"max_slippage_bps", globals.maxSlippageBps ? std::to_string(*globals.maxSlippageBps) : "none"},
            {"approval_expiry", duration(globals.approvalExpirySeconds)},
            {"time_zone", globals.timeZone}};
}

//! "+ a, b; - c" between two sorted sets, or empty when equal.
std::string setChange(const std::vector<std::string>& before, const std::vector<std::string>& after)
{
    std::vector<std::string> added;
    std::vector<std::string> removed;
    std::set_difference(after.begin(), after.end(), before.begin(), before.end(), std::back_inserter(added));
    std::set_difference(before.begin(), before.end(), after.begin(), after.end(), std::back_inserter(removed));
    std::string text;
    if (!added.empty())
        text = "+ " + joined(added);
    if (!removed.empty())
        text += (text.empty() ? "" : "; ") + std::string("- ") + joined(removed);
    return text;
}

} // namespace

std::vector<std::string> diffPolicies(const Policy& before, const Policy& after)
{
    std::vector<std::string> lines;
    if (before.name != after.name)
        lines.push_back("~ name: \"" + before.name + "\" → \"" + after.name + "\"");
    const Fields oldGlobals = globalsOf(before.globals);
    const Fields newGlobals = globalsOf(after.globals);
    for (std::size_t i = 0; i < oldGlobals.size(); ++i) {
        if (oldGlobals[i].second != newGlobals[i].second)
            lines.push_back("~ globals." + oldGlobals[i].first + ": " + oldGlobals[i].second + " → " + newGlobals[i].second);
    }

    for (const auto& [name, list] : before.lists) {
        const auto now = after.lists.find(name);
        if (now == after.lists.end())
            lines.push_back("- list " + name + " (" + list.kind + "): " + joined(list.members));
        else if (const std::string change = setChange(list.members, now->second.members); !change.empty())
            lines.push_back("~ list " + name + ": " + change);
    }
    for (const auto& [name, list] : after.lists) {
        if (!before.lists.count(name))
            lines.push_back("+ list " + name + " (" + list.kind + "): " + joined(list.members));
    }
    for (const auto& [name, members] : before.groups) {
        const auto now = after.groups.find(name);
        if (now == after.groups.end())
            lines.push_back("- group " + name + ": " + joined(members));
        else if (const std::string change = setChange(members, now->second); !change.empty())
            lines.push_back("~ group " + name + ": " + change);
    }
    for (const auto& [name, members] : after.groups) {
        if (!before.groups.count(name))
            lines.push_back("+ group " + name + ": " + joined(members));
    }

    for (const Rule& rule : before.rules) {
        const Rule* now = after.findRule(rule.id);
        if (now == nullptr) {
            lines.push_back("- " + summary(rule));
            continue;
        }
        const Fields oldFields = fieldsOf(rule);
        const Fields newFields = fieldsOf(*now);
        for (const auto& [field, text] : oldFields) {
            const auto match = std::find_if(newFields.begin(), newFields.end(), [&](const auto& f) { return f.first == field; });
            const std::string changed = match == newFields.end() ? "none" : match->second;
            if (changed != text)
                lines.push_back("~ rule " + rule.id + ": " + field + ": " + (text.empty() ? "\"\"" : text) + " → "
                                + (changed.empty() ? "\"\"" : changed));
        }
        for (const auto& [field, text] : newFields) {
            const bool known = std::any_of(oldFields.begin(), oldFields.end(), [&](const auto& f) { return f.first == field; });
            if (!known)
                lines.push_back("~ rule " + rule.id + ": " + field + ": none → " + text);
        }
    }
    for (const Rule& rule : after.rules) {
        if (before.findRule(rule.id) == nullptr)
            lines.push_back("+ " + summary(rule));
    }
    // Order changes only what the static checks call shadowing; reported once.
    std::vector<std::string> oldOrder;
    std::vector<std::string> newOrder;
    for (const Rule& rule : before.rules)
        if (after.findRule(rule.id) != nullptr)
            oldOrder.push_back(rule.id);
    for (const Rule& rule : after.rules)
        if (before.findRule(rule.id) != nullptr)
            newOrder.push_back(rule.id);
    if (oldOrder != newOrder)
        lines.push_back("~ rule order: " + joined(oldOrder) + " → " + joined(newOrder));
    return lines;
}

} // namespace cs::policy
