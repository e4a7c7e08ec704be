// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A decision in words and as the signed countersign.decision/1 body.
#include "core/policy/Evaluator.h"

#include <QJsonArray>

namespace cs::policy {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

std::string toString(const ApproverNeed& need)
{
    std::string text;
    for (const auto& [group, count] : need.anyOf)
        text += (text.empty() ? "" : " or ") + std::to_string(count) + " more approver" + (count == 1 ? "" : "s") + " from '"
                + group + "'";
    return text;
}

std::string needsText(const std::vector<ApproverNeed>& needs)
{
    std::string text;
    for (const ApproverNeed& need : needs)
        text += std::string(text.empty() ? "" : " and ")
                + (need.anyOf.size() > 1 && needs.size() > 1 ? "(" + toString(need) + ")" : toString(need));
    return "needs " + text;
}

QJsonObject Decision::toJson(const Proposal& proposal, const std::string& proposalSha256) const
{
    QJsonArray ruleIds;
    for (const auto& rule : rules)
        ruleIds.append(qs(rule));
    QJsonArray why;
    for (const auto& reason : reasons) {
        QJsonObject clause{{QStringLiteral("rule"), qs(reason.rule)},
                           {QStringLiteral("effect"), qs(std::string(toString(reason.effect)))},
                           {QStringLiteral("text"), qs(reason.text)}};
        if (!reason.params.empty()) {
            QJsonObject params;
            for (const auto& [name, value] : reason.params)
                params.insert(qs(name), qs(value));
            clause.insert(QStringLiteral("params"), params);
        }
        why.append(clause);
    }
    QJsonArray needs;
    for (const auto& need : approvals) {
        QJsonArray groups;
        for (const auto& group : need.spec.groups)
            groups.append(QJsonObject{{QStringLiteral("group"), qs(group.group)}, {QStringLiteral("threshold"), group.threshold}});
        needs.append(QJsonObject{{QStringLiteral("rule"), qs(need.rule)},
                                 {QStringLiteral("groups"), groups},
                                 {QStringLiteral("combine"), need.spec.any ? QStringLiteral("any") : QStringLiteral("all")},
                                 {QStringLiteral("initiator_may_approve"), need.spec.initiatorMayApprove},
                                 {QStringLiteral("expiry_s"), static_cast<qint64>(need.spec.expirySeconds)}});
    }
    QJsonArray consulted;
    for (const auto& window : windows)
        consulted.append(QJsonObject{{QStringLiteral("rule"), qs(window.rule)},
                                     {QStringLiteral("period"), qs(window.period)},
                                     {QStringLiteral("currency"), qs(window.spent.asset().code)},
                                     {QStringLiteral("spent"), qs(window.spent.toString())},
                                     {QStringLiteral("with_this"), qs(window.withThis.toString())}});
    QJsonObject body{
        {QStringLiteral("schema"), QStringLiteral("countersign.decision/1")},
        {QStringLiteral("intent"), qs(proposal.intent)},
        {QStringLiteral("agent"), qs(proposal.agent)},
        {QStringLiteral("proposal_sha256"), qs(proposalSha256)},
        {QStringLiteral("effect"), qs(std::string(toString(effect)))},
        {QStringLiteral("rules"), ruleIds},
        {QStringLiteral("reasons"), why},
        {QStringLiteral("approvals"), needs},
        {QStringLiteral("approvals_required"), approvalsRequired},
        {QStringLiteral("windows"), consulted},
        {QStringLiteral("counterfactual"), qs(counterfactual)},
        {QStringLiteral("computed_risk"), qs(std::string(toString(computedRisk)))},
        {QStringLiteral("claimed"), QJsonObject{{QStringLiteral("risk_level"), qs(std::string(toString(proposal.riskLevel)))},
                                               {QStringLiteral("required_approvals"), proposal.requiredApprovals}}},
        {QStringLiteral("under_claimed"), underClaimed},
        {QStringLiteral("first_time"), firstTime},
        {QStringLiteral("policy_version"), qs(policyVersion)},
        {QStringLiteral("at"), qs(toIso8601(at))},
    };
    if (!error.empty())
        body.insert(QStringLiteral("error"), qs(error));
    if (reputation) {
        // Only where the policy matches on it: other decisions stay as they always were.
        body.insert(QStringLiteral("reputation"),
                    QJsonObject{{QStringLiteral("score"), qs(reputation->score)},
                                {QStringLiteral("tier"), qs(std::string(api::toString(reputation->tier)))},
                                {QStringLiteral("as_of"), static_cast<qint64>(reputation->asOf)}});
    }
    if (counterfactualParts) {
        // The counterfactual's parts, for a reader to say it in another language.
        QJsonArray approvers;
        for (const ApproverNeed& need : counterfactualParts->approvers) {
            QJsonArray anyOf;
            for (const auto& [group, count] : need.anyOf)
                anyOf.append(QJsonObject{{QStringLiteral("group"), qs(group)}, {QStringLiteral("count"), count}});
            approvers.append(anyOf);
        }
        QJsonObject parts{{QStringLiteral("approvers"), approvers}};
        if (counterfactualParts->amountAtMost) {
            parts.insert(QStringLiteral("amount_at_most"), qs(counterfactualParts->amountAtMost->toString()));
            parts.insert(QStringLiteral("asset"), qs(counterfactualParts->amountAtMost->asset().code));
            parts.insert(QStringLiteral("then"), qs(std::string(toString(counterfactualParts->then))));
        }
        body.insert(QStringLiteral("counterfactual_parts"), parts);
    }
    return body;
}

std::optional<Standing> Decision::recordedStanding(const QJsonObject& body)
{
    const QJsonObject recorded = body.value(QStringLiteral("reputation")).toObject();
    const auto tier = api::parseReputationTier(recorded.value(QStringLiteral("tier")).toString().toStdString());
    if (!tier)
        return std::nullopt;
    return Standing{recorded.value(QStringLiteral("score")).toString().toStdString(), *tier,
                    recorded.value(QStringLiteral("as_of")).toInteger()};
}

} // namespace cs::policy
