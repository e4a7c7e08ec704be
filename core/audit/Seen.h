// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/Entry.h"

#include <filesystem>
#include <optional>

namespace cs::audit {

/**
 * What this user has seen of one workspace's log, kept outside every workspace (the per-user
 * data directory, <data>/countersign/seen/<sha256 of the origin>.json): the newest signed
 * checkpoint, and how far this user verified every signature under it. Someone who can
 * replace a workspace's database and its checkpoints/ cannot replace this.
 */
struct Seen
{
    Checkpoint checkpoint;
    std::uint64_t verifiedSize = 0; //!< entries 1..verifiedSize: signatures checked
};

std::filesystem::path seenFile(const std::string& origin);

//! Nothing seen yet is nullopt; a record that does not read is an error (InvalidInput naming
//! the file). Its signature is checked by verifyLog, under the engine key the log registered.
Result<std::optional<Seen>> readSeen(const std::string& origin);

//! Records `seen`, durably, unless a larger checkpoint is recorded already.
Result<void> recordSeen(const Seen& seen, const PublicKey& engineKey);

} // namespace cs::audit
