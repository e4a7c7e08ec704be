// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Result.h"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace cs {

//! True for ASCII identifiers "[a-z0-9][a-z0-9._:-]{0,63}": no homoglyph, control or bidi
//! character can hide in one.
bool isValidIdentifier(std::string_view text);

/**
 * A strong identifier: a validated string that cannot be mixed up with another kind of id.
 * Tag is an empty struct naming the kind.
 */
template <class Tag>
class Id
{
public:
    Id() = default;

    static Result<Id> parse(std::string_view text)
    {
        if (!isValidIdentifier(text))
            return fail(ErrorCode::InvalidInput,
                        std::string(Tag::kName) + " id must match [a-z0-9][a-z0-9._:-]{0,63}");
        return Id(std::string(text));
    }

    const std::string& str() const { return m_value; }
    bool isEmpty() const { return m_value.empty(); }

    auto operator<=>(const Id&) const = default;

private:
    explicit Id(std::string value) : m_value(std::move(value)) {}

    std::string m_value;
};

struct PrincipalTag { static constexpr const char* kName = "principal"; };
struct AccountTag { static constexpr const char* kName = "account"; };
struct VenueTag { static constexpr const char* kName = "venue"; };
struct IntentTag { static constexpr const char* kName = "intent"; };
struct CounterpartyTag { static constexpr const char* kName = "counterparty"; };
struct ListTag { static constexpr const char* kName = "list"; };

//! Agents, approvers, risk managers and the engine are all principals.
using PrincipalId = Id<PrincipalTag>;
using AccountId = Id<AccountTag>;
using VenueId = Id<VenueTag>;
using IntentId = Id<IntentTag>;
using CounterpartyId = Id<CounterpartyTag>;
using ListId = Id<ListTag>;

//! Position of an entry in the audit log (1-based, dense).
struct AuditSeq
{
    std::int64_t value = 0;
    auto operator<=>(const AuditSeq&) const = default;
};

} // namespace cs
