// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Money.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

inline constexpr const char* kProposalSchema = "countersign.proposal/1";

enum class ActionType { Transfer, PayApi, Swap, Deposit, Withdraw };
std::string_view toString(ActionType type);
//! "transfer", "pay_api", "swap", "deposit", "withdraw"; nullopt for anything else.
std::optional<ActionType> parseActionType(std::string_view text);

//! What the model claims; recorded and compared, never obeyed (the policy computes its own).
enum class RiskLevel { Low, Medium, High, Critical };
std::string_view toString(RiskLevel level);
//! "low", "medium", "high", "critical"; nullopt for anything else.
std::optional<RiskLevel> parseRiskLevel(std::string_view text);

struct ProposalInput
{
    std::string name;
    std::string value;
    std::string source;

    bool operator==(const ProposalInput&) const = default;
};

/**
 * A model's proposal after the strict parser (core/model/ProposalParser) accepted it: every
 * identifier checked, amounts exact, free text free of control and bidi characters. It is
 * data; nothing in it is an instruction to the engine.
 */
struct Proposal
{
    struct Action
    {
        ActionType type = ActionType::Transfer;
        Money amount = Money::zero(Asset{});
        std::optional<std::string> to;    //!< transfer, pay_api
        std::optional<std::string> venue; //!< deposit, withdraw; optional for pay_api and swap
        std::map<std::string, std::string> params;
        std::optional<Money> minOut; //!< swap: params.min_out in params.asset_out

        bool operator==(const Action&) const = default;
    };

    std::string agent;
    std::string intent;
    Action action;
    RiskLevel riskLevel = RiskLevel::Low;
    int requiredApprovals = 0;
    std::vector<ProposalInput> inputs;
    std::vector<std::string> executionPlan;
    std::string rationale;
    std::string auditSummary;

    bool operator==(const Proposal&) const = default;
};

//! The assets a proposal may name, with their decimals.
class AssetCatalog
{
public:
    explicit AssetCatalog(std::vector<Asset> assets) : m_assets(std::move(assets)) {}
    const Asset* find(std::string_view code) const;

private:
    std::vector<Asset> m_assets;
};

/**
 * The canonical form of an accepted proposal (CanonicalJson), amounts written in
 * their shortest exact form ("25.00" becomes "25"): the same proposal always gives the same
 * bytes, which is what is hashed and signed later.
 */
std::string canonicalProposal(const Proposal& proposal);

} // namespace cs
