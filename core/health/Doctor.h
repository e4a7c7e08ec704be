// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Health.h"
#include "core/domain/Result.h"

#include <string>
#include <vector>

namespace cs::storage {
class Database;
}

/**
 * countersign-cli doctor: the seed's red flags, checked from the log in one pass — each a
 * HealthItem with its evidence:
 *  - explained: every executed action's proposal has a rationale and its decision reasons;
 *  - authorized: every settlement follows an allow, or a quorum of approvals whose signatures
 *    verify against the approvers' registered keys, with no rejection;
 *  - private_data: no entry holds a secret the scanner recognises (core/domain/SecretScan);
 *    each secret intake redacted from an intent's free text is a warning naming the intent;
 *  - portable_reputation: every agent has a key and the log a signed checkpoint, so its
 *    reputation can be attested;
 *  - outcome_scoring: the scorer itself, on a busy agent of routine actions and a careful one of
 *    approved ones: outcomes must win over activity;
 *  - approver_quality: per approver, verdicts, approval rate and the median time from request
 *    to verdict; all approved in under 10 s each (median, 5 verdicts or more) warns of rubber-stamping.
 */
namespace cs::health {

struct Agent
{
    std::string id;
    bool hasKey = false;
};

//! The report over the whole log; `agents`: every agent principal; `checkpoints`: how many the log has.
Result<api::HealthReport> checkHealth(storage::Database& db, const std::vector<Agent>& agents, std::int64_t checkpoints);

} // namespace cs::health
