// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"

#include <optional>
#include <string>
#include <vector>

namespace cs::storage {
class Database;
}

namespace cs::store {

//! One published policy version: the row beside its policy.published entry.
struct PolicyRow
{
    std::string version; //!< SHA-256 of the canonical document
    std::string name;
    std::string document; //!< canonical JSON
    std::string signer;
    std::int64_t entrySeq = 0;
    Timestamp published;
    std::string mode = "active"; //!< active, or shadow: evaluated beside the active one, never enforced
};

Result<void> insertPolicy(storage::Database& db, const PolicyRow& row);
//! The mode version `version` is published in (active or shadow), or nullopt when it is not.
Result<std::optional<std::string>> policyMode(storage::Database& db, std::string_view version);
//! The newest version published as active (the one that decides), or nullopt.
Result<std::optional<PolicyRow>> newestPolicy(storage::Database& db);
//! The version published last, active or shadow, or nullopt.
Result<std::optional<PolicyRow>> lastPublished(storage::Database& db);
//! The shadow that runs beside it: the newest shadow version published after it, or nullopt.
Result<std::optional<PolicyRow>> shadowPolicy(storage::Database& db);
//! The shadow version `version` becomes active, by its new policy.published entry `entrySeq`.
Result<void> promotePolicy(storage::Database& db, std::string_view version, std::int64_t entrySeq, Timestamp now);
//! Every published version, newest first.
Result<std::vector<PolicyRow>> policies(storage::Database& db);

} // namespace cs::store
