// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/api/Reports.h"
#include "core/api/Health.h"
#include "core/api/Reputation.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace cs::api {

const VerifyProblem* VerifySummary::first() const
{
    return problems.empty() ? nullptr : &problems.front();
}

std::string_view toString(ReplayStage stage)
{
    switch (stage) {
    case ReplayStage::Intake: return "intake";
    case ReplayStage::Model: return "model";
    case ReplayStage::Edit: return "edit";
    case ReplayStage::Simulation: return "simulation";
    case ReplayStage::Decision: return "decision";
    case ReplayStage::Approval: return "approval";
    case ReplayStage::Settlement: return "settlement";
    }
    return "model";
}

std::string_view toString(ReputationTier tier)
{
    switch (tier) {
    case ReputationTier::Untrusted: return "untrusted";
    case ReputationTier::Provisional: return "provisional";
    case ReputationTier::Trusted: return "trusted";
    }
    return "provisional";
}

std::optional<ReputationTier> parseReputationTier(std::string_view text)
{
    for (const ReputationTier tier : {ReputationTier::Untrusted, ReputationTier::Provisional, ReputationTier::Trusted}) {
        if (toString(tier) == text)
            return tier;
    }
    return std::nullopt;
}

std::string_view toString(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Ok: return "ok";
    case HealthStatus::Warn: return "warn";
    case HealthStatus::Fail: return "fail";
    }
    return "fail";
}

HealthStatus HealthReport::overall() const
{
    HealthStatus worst = HealthStatus::Ok;
    for (const HealthItem& item : items)
        worst = std::max(worst, item.status);
    return worst;
}

std::string twoDecimals(double value)
{
    const long long hundredths = std::llround(value * 100.0);
    const long long whole = std::llabs(hundredths);
    const std::string cents = std::to_string(whole % 100);
    return (hundredths < 0 ? "-" : "") + std::to_string(whole / 100) + (cents.size() < 2 ? ".0" : ".") + cents;
}

AuditKind kindOf(std::string_view type)
{
    const auto starts = [&](std::string_view prefix) { return type.substr(0, prefix.size()) == prefix; };
    if (starts("intent.") || starts("model.") || starts("proposal."))
        return AuditKind::Intake;
    if (starts("simulation.") || starts("policy."))
        return AuditKind::Decisions;
    if (starts("approval."))
        return AuditKind::Approvals;
    if (starts("settlement."))
        return AuditKind::Settlements;
    return AuditKind::Other;
}

bool ProposalReplay::identical() const
{
    return firstDivergence() == nullptr;
}

const ReplayStep* ProposalReplay::firstDivergence() const
{
    const auto found = std::find_if(steps.begin(), steps.end(), [](const ReplayStep& step) { return !step.identical; });
    return found == steps.end() ? nullptr : &*found;
}

} // namespace cs::api
