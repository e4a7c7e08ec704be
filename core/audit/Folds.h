// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/LogReads.h"
#include "core/storage/Database.h"

#include <map>
#include <memory>
#include <mutex>
#include <type_traits>

namespace cs::audit {

//! Where withFoldedLog keeps its folds of one type: by database file, for the process.
template <typename Fold>
struct FoldedLogs
{
    struct Kept
    {
        Fold fold;
        std::int64_t entries = 0;
        Hash last{};
    };
    static inline std::mutex mutex; //!< guards byPath
    static inline std::mutex folding; //!< one caller folds at a time
    static inline std::map<std::string, std::shared_ptr<Kept>, std::less<>> byPath;
};

/**
 * A fold over a workspace's whole log, kept for the process between calls: `Fold` (default
 * constructible, with add(const Entry&) returning void or Result<void>) is fed each entry once,
 * in order, and each call adds only the entries appended since the last. What it folded is
 * checked against the leaf hash of the last entry it read, so a log replaced or rolled back
 * under the same path is folded again from the start; an in-memory database's log is folded
 * anew each time. Entries already folded are not read again: a change to one of them (past the
 * append-only triggers) is for the verifier to find, as with every reader of the log's tables.
 * `use(const Fold&, std::int64_t entries)` reads it, under the fold's lock, over entries
 * 1..entries: the log as it is now. One fold per database file and Fold type.
 */
template <typename Fold, typename Use>
auto withFoldedLog(storage::Database& db, Use use) -> Result<decltype(use(std::declval<const Fold&>(), std::int64_t{}))>
{
    using Logs = FoldedLogs<Fold>;
    std::shared_ptr<typename Logs::Kept> kept;
    {
        const std::lock_guard lock(Logs::mutex);
        if (!db.path().empty()) {
            auto& found = Logs::byPath[db.path()];
            if (!found)
                found = std::make_shared<typename Logs::Kept>();
            kept = found;
        }
    }
    if (!kept)
        kept = std::make_shared<typename Logs::Kept>();
    // One caller folds at a time; one that waited finds the fold done and adds only what is new.
    const std::lock_guard lock(Logs::folding);
    CS_TRY(size, logSize(db));
    bool same = kept->entries <= *size;
    if (same && kept->entries > 0) {
        CS_TRY(checked, forEachEntry(db, kept->entries, kept->entries, [&](const Entry& entry) -> Result<void> {
            same = entry.leaf == kept->last;
            return {};
        }));
    }
    if (!same) {
        kept->fold = Fold();
        kept->entries = 0;
        kept->last = {};
    }
    if (kept->entries < *size) {
        CS_TRY(read, forEachEntry(db, kept->entries + 1, *size, [&](const Entry& entry) -> Result<void> {
            if constexpr (std::is_void_v<decltype(kept->fold.add(entry))>) {
                kept->fold.add(entry);
            } else {
                CS_TRY(added, kept->fold.add(entry));
            }
            kept->entries = entry.seq;
            kept->last = entry.leaf;
            return {};
        }));
    }
    return use(std::as_const(kept->fold), kept->entries);
}

} // namespace cs::audit
