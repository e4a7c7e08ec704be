// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/policy/Policy.h"

namespace cs::policy {

struct Finding
{
    bool error = false; //!< errors block publishing; warnings are shown
    std::string kind;   //!< unreachable, too-broad (errors); shadowed, shadowed-by-deny, overlap, cap-never-binds, broad
    std::string rule;
    std::string message;
};

/**
 * Static checks of a parsed policy (undefined lists and groups are already parse errors):
 * - unreachable (error): a rule no proposal can match, e.g. a counterparty condition on
 *   actions that have no counterparty, or a destination class its counterparties never have;
 * - shadowed (warning): an allow or deny rule inside an earlier rule of the same effect that
 *   has no amount limits, so it never changes a decision;
 * - shadowed-by-deny (warning): an allow or approval rule inside a deny rule without amount
 *   limits, so it never takes effect;
 * - overlap (warning): an allow rule and a deny rule without limits that partly overlap (deny
 *   wins where both apply);
 * - cap-never-binds (warning): a deny window whose scope no allow or approval rule reaches, so
 *   nothing is ever spent in it.
 */
std::vector<Finding> checkPolicy(const Policy& policy);

} // namespace cs::policy
