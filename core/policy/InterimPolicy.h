// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Proposal.h"
#include "core/simulation/Simulator.h"

#include <QJsonObject>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace cs::storage {
class Database;
}

namespace cs::policy {

/**
 * The minimal default-deny check the pipeline decides with until the policy engine (the
 * Policy issue) replaces it. Rules, in order, deny winning:
 * - interim.simulation — a failed simulation is denied;
 * - interim.unknown-wallet — paying a wallet that is on no list is denied;
 * - interim.unlisted-venue — swaps, deposits and withdrawals at a venue on no venue list are denied;
 * - interim.first-time-counterparty — paying a counterparty on no list needs one approval;
 * - interim.amount-threshold — more than 10,000 USDC of value (recorded prices) needs one approval;
 * - interim.allow — everything else is allowed.
 */
struct Facts
{
    std::map<std::string, std::string> counterpartyKinds; //!< id → api, vendor, employee, wallet
    std::set<std::string> listedCounterparties;
    std::set<std::string> listedVenues;
    std::map<std::string, Money> pricesInUsdc; //!< asset → price of one unit in USDC

    static Result<Facts> load(storage::Database& db);
};

struct Decision
{
    std::string effect; //!< allow, require_approval or deny
    std::vector<std::string> rules;
    std::vector<std::string> reasons;
    int approvalsRequired = 0;
    bool underClaimed = false; //!< the model claimed less risk or fewer approvals than decided
    std::string policyVersion;

    //! The signed body of a policy.decided entry (schema countersign.decision/1).
    QJsonObject toJson(const Proposal& proposal, const std::string& proposalSha256) const;
};

inline constexpr std::int64_t kInterimApprovalThresholdUsdc = 10'000;

//! The content hash naming this interim policy in every decision.
std::string interimPolicyVersion();

Decision decide(const Proposal& proposal, const simulation::SimulationResult& simulation, const Facts& facts);

} // namespace cs::policy
