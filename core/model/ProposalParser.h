// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Proposal.h"

#include <string>
#include <string_view>
#include <vector>

namespace cs::model {

/**
 * The proposal contract of ARCHITECTURE.md, enforced on untrusted model output: the strict JSON
 * reader's limits (64 KiB, strings of 4 KiB, 64 items, depth 8, valid UTF-8, one value, no
 * duplicate keys), then exactly the known keys at every level, every required field, the
 * identifier grammar for agent, intent, to and venue, asset codes known to `assets`, amounts
 * as positive decimal strings within the asset's decimals and the 128-bit range, params as
 * names ([a-z][a-z0-9_]{0,31}) mapped to strings, and free text without control or
 * bidirectional formatting characters. The first violation is returned as InvalidInput
 * naming the JSON path and the reason.
 */
Result<Proposal> parseProposal(std::string_view bytes, const AssetCatalog& assets);

struct Intent;

/**
 * The intent's structured fields (its "action") are the agent's own bounds on what a model may
 * propose for it: type, asset, to, venue and a swap's asset_out must be what the intent names
 * where it names them, the amount may not exceed the intent's, and a swap's min_out may not be
 * lower. The first proposal field outside them is InvalidInput
 * "$.action.to: intent int-0002 names maps-api"; an intent field that is itself malformed is
 * named the same way, as the intent's.
 */
Result<void> checkWithinIntent(const Proposal& proposal, const Intent& intent, const AssetCatalog& assets);

} // namespace cs::model
