// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/policy/Evaluator.h"

namespace cs::policy {

inline constexpr const char* kUsageSchema = "countersign.usage/1";

//! What `countersign-cli evaluate --usage U` decides with besides the policy and the proposal.
struct EvaluationInput
{
    Context context;
    std::vector<Spend> spends; //!< earlier spends the windows count, in time order
    std::map<std::string, Standing> reputation; //!< agent → its standing (others: a newcomer's)
};

/**
 * Reads a countersign.usage/1 document strictly:
 * {"schema", "now": RFC 3339, "prices": {ASSET: "decimal"}, "roles": {agent: role},
 *  "spends": [{"agent", "action", "asset", "amount", "to"?, "venue"?, "at": RFC 3339}],
 *  "reputation": {agent: "score"}} (a score 0–100 with at most two decimals; its tier follows).
 * Only "schema" is required; prices not given are `defaultPrices`, `now` defaults to `now`.
 * Spends must be in time order and not after `now`.
 */
Result<EvaluationInput> parseEvaluationInput(std::string_view bytes, const AssetCatalog& assets, Timestamp now,
                                             std::map<std::string, Money> defaultPrices);

//! RFC 3339 text with a zone ("2026-11-24T09:30:00Z", "…+01:00") → Timestamp.
std::optional<Timestamp> parseIso8601(std::string_view text);

} // namespace cs::policy
