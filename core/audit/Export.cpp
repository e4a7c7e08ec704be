// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/Export.h"

#include "core/audit/LogReads.h"
#include "core/domain/Encoding.h"
#include "core/storage/Database.h"

#include <algorithm>

namespace cs::audit {

std::string csvHeader()
{
    return "seq,time,type,actor,sig,prev,leaf,body\r\n";
}

std::string csvField(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string exportLine(const Entry& entry, ExportFormat format)
{
    if (format == ExportFormat::JsonLines)
        return entryBytes(entry) + '\n';
    std::string line = std::to_string(entry.seq);
    for (const std::string& field : {toIso8601(entry.time), entry.type, entry.actor,
                                     entry.signature ? toBase64(*entry.signature) : std::string(), toHex(entry.prev),
                                     toHex(entry.leaf), entry.body}) {
        line += ',';
        line += csvField(field);
    }
    return line + "\r\n";
}

Result<std::int64_t> exportEntries(storage::Database& db, std::int64_t from, std::int64_t to, ExportFormat format,
                                   const std::function<Result<void>(std::string_view chunk)>& write,
                                   const std::function<void(std::int64_t done, std::int64_t total)>& progress,
                                   std::stop_token stop)
{
    constexpr std::size_t kChunk = 256 * 1024;
    constexpr std::int64_t kProgressEvery = 4096;
    CS_TRY(transaction, storage::Transaction::beginRead(db));
    CS_TRY(size, logSize(db));
    const std::int64_t first = std::max<std::int64_t>(from, 1);
    const std::int64_t last = to <= 0 ? *size : std::min(to, *size);
    if (to > 0 && from > to)
        return fail(ErrorCode::InvalidInput, "--from " + std::to_string(from) + " is after --to " + std::to_string(to));
    const std::int64_t total = std::max<std::int64_t>(last - first + 1, 0);
    std::string buffer = format == ExportFormat::Csv ? csvHeader() : std::string();
    std::int64_t done = 0;
    CS_TRY(read, forEachEntry(db, first, last, [&](const Entry& entry) -> Result<void> {
        if (done % kProgressEvery == 0) {
            if (stop.stop_requested())
                return fail(ErrorCode::Cancelled, "the export was cancelled after " + std::to_string(done) + " entries");
            if (progress)
                progress(done, total);
        }
        buffer += exportLine(entry, format);
        ++done;
        if (buffer.size() >= kChunk) {
            CS_TRY(written, write(buffer));
            buffer.clear();
        }
        return {};
    }));
    if (!buffer.empty()) {
        CS_TRY(written, write(buffer));
    }
    if (progress)
        progress(done, total);
    return done;
}

} // namespace cs::audit
