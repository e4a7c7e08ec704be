// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/policy/Policy.h"

namespace cs::policy {

/**
 * What changed from `before` to `after`, one human-readable line per change, rule by rule:
 * "+ rule …" added, "- rule …" removed, "~ rule id: field: old → new" changed (effect,
 * description, match, amount, window, approval, position), and likewise for the name, the
 * globals, the named lists (members added and removed) and the approver groups. Empty when the
 * two versions are the same policy.
 */
std::vector<std::string> diffPolicies(const Policy& before, const Policy& after);

} // namespace cs::policy
