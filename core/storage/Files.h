// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Result.h"

#include <filesystem>
#include <span>
#include <utility>
#include <string>
#include <string_view>

namespace cs::storage {

/**
 * Replaces `path` with `bytes` so that a crash leaves either the old or the new file: writes a
 * temporary file with `mode` (never wider), fsyncs it, renames it over `path` and fsyncs the
 * directory. Returns once the new content is durable.
 */
Result<void> writeFileDurably(const std::filesystem::path& path, std::string_view bytes, unsigned mode = 0644);
//! writeFileDurably for several files (name, bytes) in `dir`, the directory fsynced once for all
//! of them. On an error, the files before the failing one are written.
Result<void> writeFilesDurably(const std::filesystem::path& dir,
                               std::span<const std::pair<std::string, std::string_view>> files, unsigned mode = 0644);

/**
 * An exclusive advisory lock (flock) on `path`, created if missing, held until destroyed; the
 * kernel releases it when the process dies. Taken by another process: waits when `wait`,
 * otherwise StorageBusy with `busy` as the message.
 */
class FileLock
{
public:
    static Result<FileLock> acquire(const std::filesystem::path& path, bool wait, const std::string& busy);
    FileLock(FileLock&& other) noexcept;
    FileLock& operator=(FileLock&&) = delete;
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    ~FileLock();

private:
    explicit FileLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

} // namespace cs::storage
