// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/Ids.h"

namespace cs {

bool isValidIdentifier(std::string_view text)
{
    if (text.empty() || text.size() > 64)
        return false;
    const auto isLowerAlnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!isLowerAlnum(text.front()))
        return false;
    for (const char c : text.substr(1)) {
        if (!isLowerAlnum(c) && c != '.' && c != '_' && c != ':' && c != '-')
            return false;
    }
    return true;
}

} // namespace cs
