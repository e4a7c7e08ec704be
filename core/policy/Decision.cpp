// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A decision in words and as the signed countersign.decision/1 body.
#include "core/policy/Evaluator.h"

#include "core/domain/CanonicalJson.h"

#include <QJsonObject>

namespace cs::policy {

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

std::string Decision::reasonsFor(Effect which) const
{
    std::string why;
    for (const auto& clause : reasons) {
        if (clause.effect == which)
            why += (why.empty() ? "" : "; ") + clause.text;
    }
    return why;
}

CanonicalObject Decision::toJson(const Proposal& proposal, const std::string& proposalSha256) const
{
    CanonicalArray why;
    for (const auto& reason : reasons) {
        CanonicalObject clause;
        clause.text("rule", reason.rule).text("effect", toString(reason.effect)).text("text", reason.text);
        if (!reason.params.empty()) {
            CanonicalObject params;
            for (const auto& [name, value] : reason.params)
                params.text(name, value);
            clause.object("params", params);
        }
        why.object(clause);
    }
    CanonicalArray needs;
    for (const auto& need : approvals) {
        CanonicalArray groups;
        for (const auto& group : need.spec.groups)
            groups.object(CanonicalObject().text("group", group.group).integer("threshold", group.threshold));
        needs.object(CanonicalObject()
                         .text("rule", need.rule)
                         .array("groups", groups)
                         .text("combine", need.spec.any ? "any" : "all")
                         .boolean("initiator_may_approve", need.spec.initiatorMayApprove)
                         .integer("expiry_s", need.spec.expirySeconds));
    }
    CanonicalArray consulted;
    for (const auto& window : windows)
        consulted.object(CanonicalObject()
                             .text("rule", window.rule)
                             .text("period", window.period)
                             .text("currency", window.spent.asset().code)
                             .text("spent", window.spent.toString())
                             .text("with_this", window.withThis.toString()));
    CanonicalObject body;
    body.text("schema", "countersign.decision/1")
        .text("intent", proposal.intent)
        .text("agent", proposal.agent)
        .text("proposal_sha256", proposalSha256)
        .text("effect", toString(effect))
        .array("rules", CanonicalArray::ofTexts(rules))
        .array("reasons", why)
        .array("approvals", needs)
        .integer("approvals_required", approvalsRequired)
        .array("windows", consulted)
        .text("counterfactual", counterfactual)
        .text("computed_risk", toString(computedRisk))
        .object("claimed", CanonicalObject()
                               .text("risk_level", toString(proposal.riskLevel))
                               .integer("required_approvals", proposal.requiredApprovals))
        .boolean("under_claimed", underClaimed)
        .boolean("first_time", firstTime)
        .text("policy_version", policyVersion)
        .text("at", toIso8601(at));
    if (!error.empty())
        body.text("error", error);
    if (reputation) {
        // Only where the policy matches on it: other decisions stay as they always were.
        body.object("reputation", CanonicalObject()
                                      .text("score", reputation->score)
                                      .text("tier", api::toString(reputation->tier))
                                      .integer("as_of", reputation->asOf));
    }
    if (counterfactualParts) {
        // The counterfactual's parts, for a reader to say it in another language.
        CanonicalArray approvers;
        for (const ApproverNeed& need : counterfactualParts->approvers) {
            CanonicalArray anyOf;
            for (const auto& [group, count] : need.anyOf)
                anyOf.object(CanonicalObject().text("group", group).integer("count", count));
            approvers.array(anyOf);
        }
        CanonicalObject parts;
        parts.array("approvers", approvers);
        if (counterfactualParts->amountAtMost) {
            parts.text("amount_at_most", counterfactualParts->amountAtMost->toString())
                .text("asset", counterfactualParts->amountAtMost->asset().code)
                .text("then", toString(counterfactualParts->then));
        }
        body.object("counterfactual_parts", parts);
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
