// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/Proposal.h"

#include "core/domain/CanonicalJson.h"

#include <QJsonArray>
#include <QJsonObject>

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
    const auto qs = [](const std::string& text) { return QString::fromStdString(text); };
    QJsonObject action{{QStringLiteral("type"), qs(std::string(toString(proposal.action.type)))},
                       {QStringLiteral("asset"), qs(proposal.action.amount.asset().code)},
                       {QStringLiteral("amount"), qs(proposal.action.amount.toString())}};
    if (proposal.action.to)
        action.insert(QStringLiteral("to"), qs(*proposal.action.to));
    if (proposal.action.venue)
        action.insert(QStringLiteral("venue"), qs(*proposal.action.venue));
    QJsonObject params;
    for (const auto& [name, value] : proposal.action.params)
        params.insert(qs(name), qs(name == "min_out" && proposal.action.minOut ? proposal.action.minOut->toString() : value));
    action.insert(QStringLiteral("params"), params);
    QJsonArray inputs;
    for (const auto& input : proposal.inputs)
        inputs.append(QJsonObject{{QStringLiteral("name"), qs(input.name)},
                                  {QStringLiteral("value"), qs(input.value)},
                                  {QStringLiteral("source"), qs(input.source)}});
    QJsonArray plan;
    for (const auto& step : proposal.executionPlan)
        plan.append(qs(step));
    const QJsonObject object{
        {QStringLiteral("schema"), QLatin1String(kProposalSchema)},
        {QStringLiteral("agent"), qs(proposal.agent)},
        {QStringLiteral("intent"), qs(proposal.intent)},
        {QStringLiteral("action"), action},
        {QStringLiteral("risk_level"), qs(std::string(toString(proposal.riskLevel)))},
        {QStringLiteral("required_approvals"), proposal.requiredApprovals},
        {QStringLiteral("inputs"), inputs},
        {QStringLiteral("execution_plan"), plan},
        {QStringLiteral("rationale"), qs(proposal.rationale)},
        {QStringLiteral("audit_summary"), qs(proposal.auditSummary)},
    };
    return canonicalJson(object).value(); // validated text, small integers: cannot fail
}

} // namespace cs
