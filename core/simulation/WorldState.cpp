// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/simulation/WorldState.h"

#include "core/storage/Database.h"

namespace cs::simulation {

using storage::forEachRow;

Result<WorldState> WorldState::load(storage::Database& db)
{
    WorldState state;
    CS_TRY(assets, forEachRow(db, "SELECT code, decimals FROM assets", [&](storage::Statement& row) -> Result<void> {
        CS_TRY(asset, Asset::make(row.textAt(0), static_cast<int>(row.int64At(1))));
        state.assets.emplace(asset->code, *asset);
        return {};
    }));
    CS_TRY(balances, forEachRow(db, "SELECT account, asset, amount FROM balances", [&](storage::Statement& row) -> Result<void> {
        const auto asset = state.assets.find(row.textAt(1));
        if (asset == state.assets.end())
            return fail(ErrorCode::StorageFailed, "balance of " + row.textAt(0) + " in unknown asset " + row.textAt(1));
        auto amount = Money::parse(row.textAt(2), asset->second, SignPolicy::AllowNegative);
        if (!amount)
            return fail(ErrorCode::StorageFailed, "balance of " + row.textAt(0) + " is corrupt: " + amount.error().message);
        state.balances[{row.textAt(0), asset->first}] = amount->minor();
        return {};
    }));
    CS_TRY(pools, forEachRow(db, "SELECT id, venue, account, asset_a, asset_b, fee_bps FROM pools ORDER BY id",
                          [&](storage::Statement& row) -> Result<void> {
                              state.pools.push_back({row.textAt(0), row.textAt(1), row.textAt(2), row.textAt(3),
                                                     row.textAt(4), static_cast<int>(row.int64At(5))});
                              return {};
                          }));
    CS_TRY(lending, forEachRow(db, "SELECT venue, asset, account FROM lending_markets ORDER BY venue, asset",
                            [&](storage::Statement& row) -> Result<void> {
                                state.lending.push_back({row.textAt(0), row.textAt(1), row.textAt(2)});
                                return {};
                            }));
    CS_TRY(venues, forEachRow(db, "SELECT id, kind FROM venues", [&](storage::Statement& row) -> Result<void> {
        state.venues.emplace(row.textAt(0), row.textAt(1));
        return {};
    }));
    CS_TRY(counterparties, forEachRow(db, "SELECT id, account FROM counterparties", [&](storage::Statement& row) -> Result<void> {
        state.counterparties.emplace(row.textAt(0), row.textAt(1));
        return {};
    }));
    CS_TRY(agents, forEachRow(db, "SELECT owner, min(id) FROM accounts WHERE kind = 'agent' AND owner IS NOT NULL GROUP BY owner",
                           [&](storage::Statement& row) -> Result<void> {
                               state.agentAccounts.emplace(row.textAt(0), row.textAt(1));
                               return {};
                           }));
    CS_TRY(prices, forEachRow(db, "SELECT asset, quote, price FROM prices p WHERE at_ms = "
                               "(SELECT max(at_ms) FROM prices q WHERE q.asset = p.asset AND q.quote = p.quote)",
                           [&](storage::Statement& row) -> Result<void> {
                               state.prices[{row.textAt(0), row.textAt(1)}] = row.textAt(2);
                               return {};
                           }));
    CS_TRY(positions, forEachRow(db, "SELECT agent, venue, asset, amount FROM lending_positions",
                              [&](storage::Statement& row) -> Result<void> {
                                  const auto asset = state.assets.find(row.textAt(2));
                                  auto amount = asset == state.assets.end()
                                                    ? Result<Money>(fail(ErrorCode::StorageFailed, "unknown asset"))
                                                    : Money::parse(row.textAt(3), asset->second, SignPolicy::UnsignedOnly);
                                  if (!amount)
                                      return fail(ErrorCode::StorageFailed, "lending position of " + row.textAt(0)
                                                                                + " is corrupt: " + amount.error().message);
                                  state.positions[{row.textAt(0), row.textAt(1), row.textAt(2)}] = amount->minor();
                                  return {};
                              }));
    return state;
}

std::vector<Asset> WorldState::assetList() const
{
    std::vector<Asset> list;
    for (const auto& [code, asset] : assets)
        list.push_back(asset);
    return list;
}

Int128 WorldState::balance(const std::string& account, const std::string& asset) const
{
    const auto it = balances.find({account, asset});
    return it == balances.end() ? 0 : it->second;
}

identity::Hash WorldState::hash() const
{
    // One line per fact, in the maps' sorted order; fields cannot contain '|' or '\n'
    // (identifiers, asset codes, decimal amounts).
    std::string text = "countersign.world-state/1\n";
    for (const auto& [code, asset] : assets)
        text += "asset|" + code + "|" + std::to_string(asset.decimals) + "\n";
    for (const auto& [key, minor] : balances)
        text += "balance|" + key.first + "|" + key.second + "|" + int128ToString(minor) + "\n";
    for (const Pool& pool : pools)
        text += "pool|" + pool.id + "|" + pool.venue + "|" + pool.account + "|" + pool.assetA + "|" + pool.assetB + "|"
                + std::to_string(pool.feeBps) + "\n";
    for (const LendingMarket& market : lending)
        text += "lending|" + market.venue + "|" + market.asset + "|" + market.account + "\n";
    for (const auto& [key, minor] : positions)
        text += "position|" + std::get<0>(key) + "|" + std::get<1>(key) + "|" + std::get<2>(key) + "|"
                + int128ToString(minor) + "\n";
    for (const auto& [id, kind] : venues)
        text += "venue|" + id + "|" + kind + "\n";
    for (const auto& [id, account] : counterparties)
        text += "counterparty|" + id + "|" + account + "\n";
    for (const auto& [agent, account] : agentAccounts)
        text += "agent|" + agent + "|" + account + "\n";
    for (const auto& [key, price] : prices)
        text += "price|" + key.first + "|" + key.second + "|" + price + "\n";
    return identity::sha256(text);
}

} // namespace cs::simulation
