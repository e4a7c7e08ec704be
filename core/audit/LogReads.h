// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/Entry.h"

#include <functional>
#include <map>
#include <span>
#include <string_view>
#include <vector>

namespace cs::storage {
class Database;
class Statement;
}

//! What the rest of the engine reads from the log's own tables, without verifying them.
namespace cs::audit {

//! The columns readEntryRow reads, in its order: what a query for whole entries selects.
inline constexpr const char* kEntryColumns = "seq, time_ms, type, actor, body, sig, prev_hash, leaf_hash";
//! The row `query` (selecting kEntryColumns) stands on, into `entry`, reusing its strings'
//! storage; false with `why` when a column is malformed.
bool readEntryRow(storage::Statement& query, Entry& entry, std::string& why);
//! fn(entry) for every entry with seq in [from, to], in order (one Entry reused: copy what you
//! keep); a malformed row is StorageFailed naming it.
Result<void> forEachEntry(storage::Database& db, std::int64_t from, std::int64_t to,
                          const std::function<Result<void>(const Entry& entry)>& fn);
//! All leaf hashes in order (for proofs); `upTo` entries at most.
Result<std::vector<Hash>> readLeafHashes(storage::Database& db, std::int64_t upTo);
//! Checkpoints in the database, by size.
Result<std::vector<Checkpoint>> readCheckpoints(storage::Database& db);
//! How many entries the log holds (its Merkle tree's size).
Result<std::int64_t> logSize(storage::Database& db);
//! The size of the newest checkpoint in the database (0: none).
Result<std::int64_t> newestCheckpointSize(storage::Database& db);
//! Each actor's newest entry: when every principal was last active.
Result<std::map<std::string, Timestamp>> lastActivity(storage::Database& db);
//! fn(seq, type, body) for every entry of one of `types`, in log order.
Result<void> forEachEntryOf(storage::Database& db, std::span<const std::string_view> types,
                            const std::function<Result<void>(std::int64_t seq, const std::string& type,
                                                             const std::string& body)>& fn);

} // namespace cs::audit
