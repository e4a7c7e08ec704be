// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/Entry.h"

#include <functional>
#include <stop_token>
#include <string>
#include <string_view>

namespace cs::storage {
class Database;
}

namespace cs::audit {

enum class ExportFormat {
    JsonLines, //!< one entry per line: exactly its entry bytes, so SHA-256(0x00 ‖ line) is its leaf hash
    Csv,       //!< RFC 4180: a header, then seq,time,type,actor,sig,prev,leaf,body per entry
};

//! The CSV header line (with its CRLF).
std::string csvHeader();
//! One entry in `format`, with its line ending (LF for JSON lines, CRLF for CSV).
std::string exportLine(const Entry& entry, ExportFormat format);
//! RFC 4180 quoting: the field as is, or in double quotes with quotes doubled when it holds a
//! comma, a quote, CR or LF.
std::string csvField(std::string_view text);

/**
 * Entries `from`..`to` (clamped to the log; 0 for `to`: the newest) in `format`, in order, in
 * one read transaction, handed to `write` a few hundred kilobytes at a time; returns how many.
 * `progress(done, total)` every few thousand entries; a stop requested ends it with Cancelled.
 * InvalidInput when `from` > `to`.
 */
Result<std::int64_t> exportEntries(storage::Database& db, std::int64_t from, std::int64_t to, ExportFormat format,
                                   const std::function<Result<void>(std::string_view chunk)>& write,
                                   const std::function<void(std::int64_t done, std::int64_t total)>& progress = {},
                                   std::stop_token stop = {});

} // namespace cs::audit
