// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cs {

//! Signed 128-bit integer for minor units. An 18-decimal asset overflows int64 above 9.2 units.
__extension__ using Int128 = __int128;
__extension__ using UInt128 = unsigned __int128;

inline constexpr Int128 kInt128Max = static_cast<Int128>(~UInt128{0} >> 1);
inline constexpr Int128 kInt128Min = -kInt128Max - 1;

//! Decimal text of a 128-bit integer ("-42"); the inverse of nothing in particular, used for logs and SQL.
std::string int128ToString(Int128 value);

//! Checked 128-bit arithmetic: nullopt instead of overflow.
inline std::optional<Int128> checkedMul(Int128 a, Int128 b)
{
    Int128 out = 0;
    if (__builtin_mul_overflow(a, b, &out))
        return std::nullopt;
    return out;
}
inline std::optional<Int128> checkedAdd(Int128 a, Int128 b)
{
    Int128 out = 0;
    if (__builtin_add_overflow(a, b, &out))
        return std::nullopt;
    return out;
}

//! An asset and the number of decimals its minor unit has (USDC 6, ETH 18, SOL 9).
struct Asset
{
    std::string code; //!< [A-Z][A-Z0-9]{1,11}
    int decimals = 0; //!< 0 ... kMaxDecimals

    static constexpr int kMaxDecimals = 36;

    //! Checks the code grammar and the decimals range.
    static Result<Asset> make(std::string_view code, int decimals);
    static bool isValidCode(std::string_view code);

    bool operator==(const Asset&) const = default;
};

//! Whether a leading '-' is accepted by Money::parse. A '+' is never accepted.
enum class SignPolicy { UnsignedOnly, AllowNegative };

/**
 * An exact amount of one asset: minor units in a checked 128-bit signed integer.
 * Never floating point. Text is parsed and formatted exactly; anything that would need
 * rounding or leave the 128-bit range is an error, never silently changed.
 */
class Money
{
public:
    //! Parses "^-?[0-9]+(\.[0-9]+)?$" (sign only with AllowNegative) with at most the asset's decimals.
    //! The error message gives the reason without echoing the input.
    static Result<Money> parse(std::string_view text, const Asset& asset,
                               SignPolicy sign = SignPolicy::UnsignedOnly);
    static Money fromMinor(Int128 minor, Asset asset);
    static Money zero(Asset asset) { return fromMinor(0, std::move(asset)); }

    Int128 minor() const { return m_minor; }
    const Asset& asset() const { return m_asset; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }

    //! Canonical text: no trailing zeros in the fraction, no trailing point ("25", "0.5", "-3.000001").
    std::string toString() const;
    //! toString() of `minor` units of an asset with `decimals`, without making a Money.
    static std::string format(Int128 minor, int decimals);
    //! Every decimal place of the asset ("25.000000" for USDC).
    std::string toFixedString() const;

    //! Checked arithmetic; different assets or leaving the 128-bit range are errors.
    Result<Money> plus(const Money& other) const;
    Result<Money> minus(const Money& other) const;
    Result<Money> negated() const;

    bool operator==(const Money&) const = default;

private:
    Money(Int128 minor, Asset asset) : m_minor(minor), m_asset(std::move(asset)) {}

    Int128 m_minor = 0;
    Asset m_asset;
};

} // namespace cs
