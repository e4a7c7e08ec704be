// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cs::storage {

class Database;

//! PRAGMA application_id of every Countersign database ("CSIG").
inline constexpr std::int64_t kApplicationId = 0x43534947;

//! The schema version this binary writes; migrations take older databases up to it.
int latestSchemaVersion();

//! The schema version of `db` (PRAGMA user_version).
Result<std::int64_t> schemaVersion(Database& db);

//! workspace_meta: what the workspace says about itself (its audit origin, its demo world).
Result<std::optional<std::string>> readMeta(Database& db, std::string_view key);
Result<void> writeMeta(Database& db, std::string_view key, std::string_view value);

/**
 * Brings the database to `targetVersion` (default: the latest), one transaction per step, each
 * step setting PRAGMA user_version. Refuses a database that is not Countersign's
 * (NotAWorkspace) or whose schema is newer than this binary (SchemaTooNew); changes nothing then.
 */
Result<void> migrate(Database& db, int targetVersion = latestSchemaVersion());

} // namespace cs::storage
