// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Result.h"

#include <filesystem>
#include <string_view>

namespace cs::storage {

/**
 * Replaces `path` with `bytes` so that a crash leaves either the old or the new file: writes a
 * temporary file with `mode` (never wider), fsyncs it, renames it over `path` and fsyncs the
 * directory. Returns once the new content is durable.
 */
Result<void> writeFileDurably(const std::filesystem::path& path, std::string_view bytes, unsigned mode = 0644);

} // namespace cs::storage
