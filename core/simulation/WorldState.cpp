// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/simulation/WorldState.h"

namespace cs::simulation {

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
