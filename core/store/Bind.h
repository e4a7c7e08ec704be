// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The store's own binding helpers: how an absent value is written (NULL), in one place.
#include "core/storage/Database.h"

#include <optional>
#include <string>

namespace cs::store {

inline storage::Statement& bindOptional(storage::Statement& statement, int index, const std::optional<std::string>& value)
{
    return value ? statement.bind(index, *value) : statement.bindNull(index);
}

//! Text that is NULL when empty (an account without an owner).
inline storage::Statement& bindNonEmpty(storage::Statement& statement, int index, const std::string& text)
{
    return text.empty() ? statement.bindNull(index) : statement.bind(index, text);
}

//! An audit entry's sequence number, NULL for none (0).
inline storage::Statement& bindSeq(storage::Statement& statement, int index, std::int64_t seq)
{
    return seq > 0 ? statement.bind(index, seq) : statement.bindNull(index);
}

} // namespace cs::store
