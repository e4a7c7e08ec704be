// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/Money.h"

#include <algorithm>
#include <limits>

namespace cs {

namespace {

UInt128 magnitude(Int128 value)
{
    // Two's complement negation in unsigned arithmetic is defined for kInt128Min too.
    return value < 0 ? ~static_cast<UInt128>(value) + 1 : static_cast<UInt128>(value);
}

std::string uint128ToString(UInt128 value)
{
    // 128-bit division is slow: peel off 19 digits at a time, then finish in 64 bits.
    char buffer[40];
    char* const end = buffer + sizeof buffer;
    char* at = end;
    constexpr std::uint64_t kChunk = 10'000'000'000'000'000'000ULL; // 10^19
    while (value > std::numeric_limits<std::uint64_t>::max()) {
        auto low = static_cast<std::uint64_t>(value % kChunk);
        value /= kChunk;
        for (int i = 0; i < 19; ++i, low /= 10)
            *--at = static_cast<char>('0' + low % 10);
    }
    auto rest = static_cast<std::uint64_t>(value);
    do {
        *--at = static_cast<char>('0' + rest % 10);
        rest /= 10;
    } while (rest != 0);
    return std::string(at, end);
}

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

//! The reason a character that is not a digit or the one decimal point cannot be in an amount.
std::string reasonForCharacter(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    if (c == '+' || c == '-')
        return "a sign is not allowed here";
    if (c == 'e' || c == 'E')
        return "exponent notation is not allowed";
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return "spaces are not allowed";
    if (c == ',' || c == '_' || c == '\'')
        return "digit grouping separators are not allowed";
    if (byte >= 0x80)
        return "only ASCII digits 0-9 are allowed (found a non-ASCII character)";
    if (byte < 0x20 || byte == 0x7f)
        return "control characters are not allowed";
    return std::string("'") + c + "' is not allowed in a decimal amount";
}

} // namespace

std::string int128ToString(Int128 value)
{
    std::string text = uint128ToString(magnitude(value));
    return value < 0 ? "-" + text : text;
}

bool Asset::isValidCode(std::string_view code)
{
    if (code.size() < 2 || code.size() > 12 || code.front() < 'A' || code.front() > 'Z')
        return false;
    return std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'A' && c <= 'Z') || isAsciiDigit(c); });
}

Result<Asset> Asset::make(std::string_view code, int decimals)
{
    if (!isValidCode(code))
        return fail(ErrorCode::InvalidInput, "asset code must match [A-Z][A-Z0-9]{1,11}");
    if (decimals < 0 || decimals > kMaxDecimals)
        return fail(ErrorCode::InvalidInput, "asset decimals must be between 0 and 36");
    return Asset{std::string(code), decimals};
}

Result<Money> Money::parse(std::string_view text, const Asset& asset, SignPolicy sign)
{
    if (text.empty())
        return fail(ErrorCode::InvalidInput, "amount is empty");

    bool negative = false;
    std::size_t pos = 0;
    if (text.front() == '-' && sign == SignPolicy::AllowNegative) {
        negative = true;
        pos = 1;
    }

    std::size_t pointAt = std::string_view::npos;
    for (std::size_t i = pos; i < text.size(); ++i) {
        const char c = text[i];
        if (isAsciiDigit(c))
            continue;
        if (c == '.') {
            if (pointAt != std::string_view::npos)
                return fail(ErrorCode::InvalidInput, "more than one decimal point");
            pointAt = i;
            continue;
        }
        return fail(ErrorCode::InvalidInput, reasonForCharacter(c));
    }

    const std::string_view body = text.substr(pos);
    if (body.empty())
        return fail(ErrorCode::InvalidInput, "amount has no digits");
    if (body.front() == '.')
        return fail(ErrorCode::InvalidInput, "amount must start with a digit");
    if (body.back() == '.')
        return fail(ErrorCode::InvalidInput, "amount must have digits after the decimal point");

    const std::size_t fractionDigits = pointAt == std::string_view::npos ? 0 : text.size() - pointAt - 1;
    if (fractionDigits > static_cast<std::size_t>(asset.decimals)) {
        return fail(ErrorCode::InvalidInput,
                    "amount has " + std::to_string(fractionDigits) + " decimal places; " + asset.code
                        + " allows at most " + std::to_string(asset.decimals));
    }

    // Accumulate the magnitude in minor units, checking every step against the 128-bit range.
    const UInt128 limit = negative ? magnitude(kInt128Min) : static_cast<UInt128>(kInt128Max);
    const auto outOfRange = [] {
        return fail(ErrorCode::Overflow, "amount is outside the 128-bit range of minor units");
    };
    UInt128 minor = 0;
    const auto push = [&](unsigned digit) {
        UInt128 next = 0;
        if (__builtin_mul_overflow(minor, UInt128{10}, &next) || __builtin_add_overflow(next, UInt128{digit}, &next)
            || next > limit)
            return false;
        minor = next;
        return true;
    };
    for (const char c : body) {
        if (c != '.' && !push(static_cast<unsigned>(c - '0')))
            return outOfRange();
    }
    for (std::size_t i = fractionDigits; i < static_cast<std::size_t>(asset.decimals); ++i) {
        if (!push(0))
            return outOfRange();
    }

    const Int128 value = negative ? static_cast<Int128>(~minor + 1) : static_cast<Int128>(minor);
    return Money(value, asset);
}

Money Money::fromMinor(Int128 minor, Asset asset)
{
    return Money(minor, std::move(asset));
}

namespace {

std::string fixed(Int128 minor, int decimalCount)
{
    std::string digits = uint128ToString(magnitude(minor));
    const auto decimals = static_cast<std::size_t>(decimalCount);
    if (digits.size() <= decimals)
        digits.insert(0, decimals + 1 - digits.size(), '0');
    if (decimals > 0)
        digits.insert(digits.size() - decimals, 1, '.');
    return minor < 0 ? "-" + digits : digits;
}

} // namespace

std::string Money::toFixedString() const
{
    return fixed(m_minor, m_asset.decimals);
}

std::string Money::format(Int128 minor, int decimals)
{
    std::string text = fixed(minor, decimals);
    if (decimals > 0) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.')
            text.pop_back();
    }
    return text;
}

std::string Money::toString() const
{
    return format(m_minor, m_asset.decimals);
}

Result<Money> Money::plus(const Money& other) const
{
    if (other.m_asset != m_asset)
        return fail(ErrorCode::InvalidInput, "cannot add " + other.m_asset.code + " to " + m_asset.code);
    Int128 sum = 0;
    if (__builtin_add_overflow(m_minor, other.m_minor, &sum))
        return fail(ErrorCode::Overflow, "sum is outside the 128-bit range of minor units");
    return Money(sum, m_asset);
}

Result<Money> Money::minus(const Money& other) const
{
    if (other.m_asset != m_asset)
        return fail(ErrorCode::InvalidInput, "cannot subtract " + other.m_asset.code + " from " + m_asset.code);
    Int128 difference = 0;
    if (__builtin_sub_overflow(m_minor, other.m_minor, &difference))
        return fail(ErrorCode::Overflow, "difference is outside the 128-bit range of minor units");
    return Money(difference, m_asset);
}

Result<Money> Money::negated() const
{
    if (m_minor == kInt128Min)
        return fail(ErrorCode::Overflow, "negation is outside the 128-bit range of minor units");
    return Money(-m_minor, m_asset);
}

} // namespace cs
