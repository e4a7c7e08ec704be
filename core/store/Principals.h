// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cs::storage {
class Database;
}

//! The tables of a workspace, each with one owner here (see README.md); callers pass the
//! connection and run these inside their own transaction.
namespace cs::store {

//! One row of `principals`: an agent, approver, risk manager or the engine.
struct PrincipalRow
{
    std::string id;
    std::string displayName;
    std::string role;   //!< agent, approver, risk_manager, engine
    std::string status; //!< active, suspended, revoked
    std::string description;
    std::vector<std::uint8_t> publicKey; //!< empty until enrolled
    Timestamp created;
};

Result<std::optional<PrincipalRow>> findPrincipal(storage::Database& db, std::string_view id);
//! Every principal, ordered by role, then id.
Result<std::vector<PrincipalRow>> principals(storage::Database& db);
Result<void> insertPrincipal(storage::Database& db, const PrincipalRow& row);
Result<void> setPrincipalKey(storage::Database& db, std::string_view id, std::span<const std::uint8_t> publicKey);
Result<void> setPrincipalStatus(storage::Database& db, std::string_view id, std::string_view status);

} // namespace cs::store
