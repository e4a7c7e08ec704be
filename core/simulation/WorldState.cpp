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
    // (identifiers, asset codes, decimal amounts). Appended into one buffer: the pipeline hashes
    // the world two or three times for every proposal it settles.
    std::string text;
    text.reserve(64 * (assets.size() + balances.size() + pools.size() + lending.size() + positions.size() + venues.size()
                       + counterparties.size() + agentAccounts.size() + prices.size())
                 + 32);
    const auto line = [&text](std::string_view kind, std::initializer_list<std::string_view> fields) {
        text += kind;
        for (std::string_view field : fields) {
            text += '|';
            text += field;
        }
        text += '\n';
    };
    text += "countersign.world-state/1\n";
    for (const auto& [code, asset] : assets)
        line("asset", {code, std::to_string(asset.decimals)});
    for (const auto& [key, minor] : balances)
        line("balance", {key.first, key.second, int128ToString(minor)});
    for (const Pool& pool : pools)
        line("pool", {pool.id, pool.venue, pool.account, pool.assetA, pool.assetB, std::to_string(pool.feeBps)});
    for (const LendingMarket& market : lending)
        line("lending", {market.venue, market.asset, market.account});
    for (const auto& [key, minor] : positions)
        line("position", {std::get<0>(key), std::get<1>(key), std::get<2>(key), int128ToString(minor)});
    for (const auto& [id, kind] : venues)
        line("venue", {id, kind});
    for (const auto& [id, account] : counterparties)
        line("counterparty", {id, account});
    for (const auto& [agent, account] : agentAccounts)
        line("agent", {agent, account});
    for (const auto& [key, price] : prices)
        line("price", {key.first, key.second, price});
    return identity::sha256(text);
}

} // namespace cs::simulation
