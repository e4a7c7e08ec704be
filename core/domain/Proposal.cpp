// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/Proposal.h"

#include "core/domain/CanonicalJson.h"


namespace cs {

std::string_view toString(ActionType type)
{
    switch (type) {
    case ActionType::Transfer: return "transfer";
    case ActionType::PayApi: return "pay_api";
    case ActionType::Swap: return "swap";
    case ActionType::Deposit: return "deposit";
    case ActionType::Withdraw: return "withdraw";
    }
    return "transfer";
}

std::optional<ActionType> parseActionType(std::string_view text)
{
    for (ActionType type : {ActionType::Transfer, ActionType::PayApi, ActionType::Swap, ActionType::Deposit,
                            ActionType::Withdraw}) {
        if (toString(type) == text)
            return type;
    }
    return std::nullopt;
}

std::optional<RiskLevel> parseRiskLevel(std::string_view text)
{
    for (RiskLevel level : {RiskLevel::Low, RiskLevel::Medium, RiskLevel::High, RiskLevel::Critical}) {
        if (toString(level) == text)
            return level;
    }
    return std::nullopt;
}

std::string_view toString(RiskLevel level)
{
    switch (level) {
    case RiskLevel::Low: return "low";
    case RiskLevel::Medium: return "medium";
    case RiskLevel::High: return "high";
    case RiskLevel::Critical: return "critical";
    }
    return "critical";
}

const Asset* AssetCatalog::find(std::string_view code) const
{
    for (const Asset& asset : m_assets) {
        if (asset.code == code)
            return &asset;
    }
    return nullptr;
}

std::string canonicalProposal(const Proposal& proposal)
{
    CanonicalObject action;
    action.text("type", toString(proposal.action.type))
        .text("asset", proposal.action.amount.asset().code)
        .text("amount", proposal.action.amount.toString());
    if (proposal.action.to)
        action.text("to", *proposal.action.to);
    if (proposal.action.venue)
        action.text("venue", *proposal.action.venue);
    CanonicalObject params;
    for (const auto& [name, value] : proposal.action.params)
        params.text(name, name == "min_out" && proposal.action.minOut ? proposal.action.minOut->toString() : value);
    action.object("params", params);
    CanonicalArray inputs;
    for (const auto& input : proposal.inputs)
        inputs.object(CanonicalObject().text("name", input.name).text("value", input.value).text("source", input.source));
    return CanonicalObject()
        .text("schema", kProposalSchema)
        .text("agent", proposal.agent)
        .text("intent", proposal.intent)
        .object("action", action)
        .text("risk_level", toString(proposal.riskLevel))
        .integer("required_approvals", proposal.requiredApprovals)
        .array("inputs", inputs)
        .array("execution_plan", CanonicalArray::ofTexts(proposal.executionPlan))
        .text("rationale", proposal.rationale)
        .text("audit_summary", proposal.auditSummary)
        .json(); // validated text, small integers: cannot fail
}

} // namespace cs
