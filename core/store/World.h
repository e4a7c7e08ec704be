// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Proposal.h"
#include "core/simulation/WorldState.h"

#include <optional>
#include <string>
#include <vector>

namespace cs::storage {
class Database;
}

namespace cs::store {

// The reference data of a workspace: assets, accounts, venues, pools, lending markets,
// counterparties, named lists and prices. Balances and positions are the ledger's (Ledger.h).

struct AssetRow
{
    std::string code;
    std::string name;
    int decimals = 0;
};

struct AccountRow
{
    std::string id;
    std::string owner; //!< a principal, or empty
    std::string kind;  //!< agent, treasury, counterparty, pool, venue
    std::string description;
};

struct VenueRow
{
    std::string id;
    std::string kind; //!< x402, amm, lending, bank
    std::string displayName;
};

struct LendingMarketRow
{
    std::string venue;
    std::string asset;
    std::string account;
    std::int64_t supplyAprBps = 0;
};

struct CounterpartyRow
{
    std::string id;
    std::string displayName;
    std::string kind; //!< api, vendor, employee, wallet
    std::string account;
};

struct ListRow
{
    std::string id;
    std::string kind; //!< venues, counterparties, assets
    std::string description;
    std::vector<std::string> members;
};

struct PriceRow
{
    std::string asset;
    std::string quote;
    std::string price; //!< decimal, in the quote asset
    std::string source;
    Timestamp at;
};

/**
 * The texts of the world that no decision reads, which a risk manager may edit in place: an
 * asset's and a venue's or counterparty's `name`, an account's and a list's `description`
 * (`section` and `field` as in the world file). What an edit touches is only ever one of these.
 */
//! The one describing text of `section` ("name", "description"), or empty when it has none.
std::string_view describingField(std::string_view section);
//! The text now; nullopt when `section` holds no `id`. `field` must be its describingField.
Result<std::optional<std::string>> describingText(storage::Database& db, std::string_view section, std::string_view id,
                                                  std::string_view field);
Result<void> setDescribingText(storage::Database& db, std::string_view section, std::string_view id, std::string_view field,
                               std::string_view value);

Result<void> insertAsset(storage::Database& db, const AssetRow& row);
Result<void> insertAccount(storage::Database& db, const AccountRow& row);
Result<void> insertVenue(storage::Database& db, const VenueRow& row);
Result<void> insertPool(storage::Database& db, const simulation::Pool& row);
Result<void> insertLendingMarket(storage::Database& db, const LendingMarketRow& row);
Result<void> insertCounterparty(storage::Database& db, const CounterpartyRow& row);
Result<void> insertList(storage::Database& db, const ListRow& row);
Result<void> insertPrice(storage::Database& db, const PriceRow& row);

//! Every asset, ordered by code.
Result<std::vector<AssetRow>> assets(storage::Database& db);
//! The same as a catalogue to read proposals and policies against.
Result<AssetCatalog> assetCatalog(storage::Database& db);

struct WorldCounts
{
    int venues = 0;
    int pools = 0;
    int lendingMarkets = 0;
    int counterparties = 0;
    int listedCounterparties = 0; //!< on at least one counterparties list
    int lists = 0;
};
Result<WorldCounts> worldCounts(storage::Database& db);

//! What an agent holds: one row per (agent, account, asset), agents without accounts included
//! with empty account and asset; ordered by agent, account, asset.
struct Holding
{
    std::string agent;
    std::string account;
    std::string asset;
    std::string amount;
    int decimals = 0;
};
Result<std::vector<Holding>> agentHoldings(storage::Database& db);

/**
 * The world the simulator sees, read from the workspace (inside the caller's transaction for a
 * consistent view). A stored amount that does not parse is StorageFailed, naming the row.
 */
Result<simulation::WorldState> loadWorld(storage::Database& db);

//! Every row of the reference data, each table in key order; prices only the newest per pair.
struct WorldRows
{
    std::vector<AssetRow> assets;
    std::vector<AccountRow> accounts;
    std::vector<VenueRow> venues;
    std::vector<simulation::Pool> pools;
    std::vector<LendingMarketRow> lending;
    std::vector<CounterpartyRow> counterparties;
    std::vector<ListRow> lists;
    std::vector<PriceRow> prices;
};
Result<WorldRows> worldRows(storage::Database& db);

} // namespace cs::store
