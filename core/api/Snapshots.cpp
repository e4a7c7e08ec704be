// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/api/Snapshots.h"

#include <array>
#include <utility>

namespace cs::api {

namespace {

// Each enum's names, in the order of its values.
constexpr std::array<std::string_view, 5> kRoles{"agent", "approver", "risk_manager", "engine", "analyst"};
constexpr std::array<std::string_view, 3> kStatuses{"active", "suspended", "revoked"};
constexpr std::array<std::string_view, 7> kIntentStates{"cannot_plan", "rejected", "denied", "awaiting_approval",
                                                        "executed",    "failed",   "unknown"};
constexpr std::array<std::string_view, 5> kApprovalStates{"pending", "executed", "failed", "rejected", "denied"};

template <class Enum, std::size_t N>
std::string_view nameOf(Enum value, const std::array<std::string_view, N>& names)
{
    const auto index = static_cast<std::size_t>(value);
    return index < N ? names[index] : std::string_view("unknown");
}

template <class Enum, std::size_t N>
std::optional<Enum> valueOf(std::string_view text, const std::array<std::string_view, N>& names)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == text)
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

} // namespace

std::string_view toString(Role role) { return nameOf(role, kRoles); }
std::string_view toString(PrincipalStatus status) { return nameOf(status, kStatuses); }
std::string_view toString(IntentState state) { return nameOf(state, kIntentStates); }
std::string_view toString(ApprovalState state) { return nameOf(state, kApprovalStates); }
std::optional<Role> parseRole(std::string_view text) { return valueOf<Role>(text, kRoles); }
std::optional<PrincipalStatus> parsePrincipalStatus(std::string_view text) { return valueOf<PrincipalStatus>(text, kStatuses); }
std::optional<IntentState> parseIntentState(std::string_view text) { return valueOf<IntentState>(text, kIntentStates); }
std::optional<ApprovalState> parseApprovalState(std::string_view text) { return valueOf<ApprovalState>(text, kApprovalStates); }

} // namespace cs::api
