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
};

Result<void> insertPolicy(storage::Database& db, const PolicyRow& row);
Result<bool> policyExists(storage::Database& db, std::string_view version);
//! The newest published version (the one that decides), or nullopt.
Result<std::optional<PolicyRow>> newestPolicy(storage::Database& db);
//! Every published version, newest first.
Result<std::vector<PolicyRow>> policies(storage::Database& db);

} // namespace cs::store
