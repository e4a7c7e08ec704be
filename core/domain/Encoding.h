// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Result.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

using Bytes = std::vector<std::uint8_t>;

//! Lowercase hexadecimal.
std::string toHex(std::span<const std::uint8_t> bytes);
//! Strict: even length, [0-9a-f] only (canonical form, so one value has one spelling).
Result<Bytes> fromHex(std::string_view text);

//! Standard base64 with padding (RFC 4648 §4).
std::string toBase64(std::span<const std::uint8_t> bytes);
//! Strict: the canonical padded form only; anything else (whitespace, URL alphabet) is refused.
Result<Bytes> fromBase64(std::string_view text);

//! Appends the UTF-8 form of `code` (a Unicode scalar value) to `out`.
void appendUtf8(std::string& out, char32_t code);

inline std::span<const std::uint8_t> asBytes(std::string_view text)
{
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

} // namespace cs
