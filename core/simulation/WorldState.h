// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Money.h"
#include "core/identity/Crypto.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace cs::simulation {

//! A constant-product pool: its reserves are the balances of `account`.
struct Pool
{
    std::string id;
    std::string venue;
    std::string account;
    std::string assetA;
    std::string assetB;
    int feeBps = 0;
};

//! Where deposits of one asset at a lending venue go.
struct LendingMarket
{
    std::string venue;
    std::string asset;
    std::string account;
};

/**
 * What the simulator sees: balances per account and asset (in minor units), pools, lending
 * markets and positions in them, venues, counterparties and the agents' own accounts, and the
 * prices recorded (`store::loadWorld` reads it from a workspace). Plain data: a simulation reads it and never changes it; hash() names it,
 * so a settlement can tell whether the world moved since it was simulated.
 */
struct WorldState
{
    std::map<std::string, Asset> assets;
    std::map<std::pair<std::string, std::string>, Int128> balances; //!< (account, asset) → minor units
    std::vector<Pool> pools;
    std::vector<LendingMarket> lending;
    std::map<std::tuple<std::string, std::string, std::string>, Int128> positions; //!< (agent, venue, asset)
    std::map<std::string, std::string> venues;         //!< id → kind
    std::map<std::string, std::string> counterparties; //!< id → account
    std::map<std::string, std::string> agentAccounts;  //!< agent → its main account
    std::map<std::pair<std::string, std::string>, std::string> prices; //!< (asset, quote) → newest price, decimal

    Int128 balance(const std::string& account, const std::string& asset) const;
    //! The assets, ordered by code (what an AssetCatalog reads proposals against).
    std::vector<Asset> assetList() const;
    //! SHA-256 over a canonical rendering of everything above.
    identity::Hash hash() const;
};

} // namespace cs::simulation
