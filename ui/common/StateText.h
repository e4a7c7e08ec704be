// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Snapshots.h"

#include <QString>

namespace cs::ui {

//! The seam's states in the user's language (the log and the CLI keep their English names).
QString stateText(api::IntentState state);
QString stateText(api::PrincipalStatus status);
QString stateText(api::Role role);
//! "allowed", "needs approval", "denied".
QString stateText(api::Effect effect);

//! A decision's reason in the user's language: a global of the policy from its code and
//! figures; a rule in the policy's own words (its text).
QString reasonText(const api::Reason& reason);
//! Several, joined with "; ".
QString reasonsText(const std::vector<api::Reason>& reasons);

//! "1 more approver from 'treasury'", alternatives joined by "or", in the user's language.
QString needText(const api::ApproverNeed& need);

//! What would change a decision: from its parts when it has them, otherwise the log's English.
QString counterfactualText(const api::DecisionView& decision);

} // namespace cs::ui
