// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Money.h"
#include "core/domain/Proposal.h"
#include "core/domain/Result.h"

#include <map>
#include <string>

namespace cs::storage {
class Database;
}

namespace cs::workspace {

/**
 * Inserts the demo world described by `seedJson` (resources/demo/world.json) in one transaction:
 * assets, principals, accounts with balances, venues, pools, lending markets, counterparties,
 * lists and prices. Every amount is parsed exactly with its asset's decimals; any bad field is
 * an error naming it, and nothing is written.
 *
 * Identity keys are not created here: principals.public_key stays NULL until core/identity
 * provisions sealed keys (the identity issue), and the UI shows "no key" meanwhile.
 */
Result<void> seedDemoWorld(storage::Database& db, const std::string& seedJson, const Clock& clock);

//! The embedded resources/demo/world.json and intents.jsonl.
std::string embeddedDemoWorld();
//! The demo policy (resources/demo/policy.json), published signed by rita at init --demo.
std::string embeddedDemoPolicy();
std::string embeddedDemoIntents();
//! USDC, ETH and SOL as the embedded demo world defines them.
AssetCatalog demoAssets();
//! The demo world's recorded prices, in USDC (what `evaluate` values amounts with by default).
std::map<std::string, Money> demoPrices();

} // namespace cs::workspace
