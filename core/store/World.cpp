// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/World.h"

#include "core/storage/Database.h"
#include "core/store/Bind.h"
#include "core/store/Ledger.h"

namespace cs::store {

using storage::forEachRow;
using storage::Statement;

namespace {

Result<int> count(storage::Database& db, std::string_view sql)
{
    CS_TRY(value, db.queryInt(sql));
    return static_cast<int>(*value);
}

struct DescribingText
{
    std::string_view section;
    std::string_view field;
    std::string_view select; //!< ?1 the key
    std::string_view update; //!< ?1 the key, ?2 the text
};

constexpr DescribingText kDescribingTexts[] = {
    {"assets", "name", "SELECT name FROM assets WHERE code = ?1", "UPDATE assets SET name = ?2 WHERE code = ?1"},
    {"accounts", "description", "SELECT description FROM accounts WHERE id = ?1",
     "UPDATE accounts SET description = ?2 WHERE id = ?1"},
    {"venues", "name", "SELECT display_name FROM venues WHERE id = ?1", "UPDATE venues SET display_name = ?2 WHERE id = ?1"},
    {"counterparties", "name", "SELECT display_name FROM counterparties WHERE id = ?1",
     "UPDATE counterparties SET display_name = ?2 WHERE id = ?1"},
    {"lists", "description", "SELECT description FROM lists WHERE id = ?1", "UPDATE lists SET description = ?2 WHERE id = ?1"},
};

Result<const DescribingText*> findDescribingText(std::string_view section, std::string_view field)
{
    for (const DescribingText& text : kDescribingTexts) {
        if (text.section == section && text.field == field)
            return &text;
    }
    return fail(ErrorCode::InvalidInput, std::string(section) + "." + std::string(field) + " is not a text that may be edited");
}

} // namespace

std::string_view describingField(std::string_view section)
{
    for (const DescribingText& text : kDescribingTexts) {
        if (text.section == section)
            return text.field;
    }
    return {};
}

Result<std::optional<std::string>> describingText(storage::Database& db, std::string_view section, std::string_view id,
                                                  std::string_view field)
{
    CS_TRY(text, findDescribingText(section, field));
    CS_TRY(select, db.cached((*text)->select));
    std::optional<std::string> now;
    CS_TRY(found, storage::firstRow((*select)->bind(1, id), [&](Statement& row) { now = row.textAt(0); }));
    return now;
}

Result<void> setDescribingText(storage::Database& db, std::string_view section, std::string_view id, std::string_view field,
                               std::string_view value)
{
    CS_TRY(text, findDescribingText(section, field));
    CS_TRY(update, db.cached((*text)->update));
    return (*update)->bind(1, id).bind(2, value).run();
}

Result<void> insertAsset(storage::Database& db, const AssetRow& row)
{
    CS_TRY(insert, db.cached("INSERT INTO assets(code, name, decimals) VALUES (?1, ?2, ?3)"));
    return (*insert)->bind(1, row.code).bind(2, row.name).bind(3, std::int64_t{row.decimals}).run();
}

Result<void> insertAccount(storage::Database& db, const AccountRow& row)
{
    CS_TRY(insert, db.cached("INSERT INTO accounts(id, owner, kind, description) VALUES (?1, ?2, ?3, ?4)"));
    Statement& statement = (*insert)->bind(1, row.id);
    return bindNonEmpty(statement, 2, row.owner).bind(3, row.kind).bind(4, row.description).run();
}

Result<void> insertVenue(storage::Database& db, const VenueRow& row)
{
    CS_TRY(insert, db.cached("INSERT INTO venues(id, kind, display_name) VALUES (?1, ?2, ?3)"));
    return (*insert)->bind(1, row.id).bind(2, row.kind).bind(3, row.displayName).run();
}

Result<void> insertPool(storage::Database& db, const simulation::Pool& row)
{
    CS_TRY(insert, db.cached("INSERT INTO pools(id, venue, account, asset_a, asset_b, fee_bps) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    return (*insert)->bind(1, row.id).bind(2, row.venue).bind(3, row.account).bind(4, row.assetA).bind(5, row.assetB)
        .bind(6, std::int64_t{row.feeBps}).run();
}

Result<void> insertLendingMarket(storage::Database& db, const LendingMarketRow& row)
{
    CS_TRY(insert, db.cached("INSERT INTO lending_markets(venue, asset, account, supply_apr_bps) VALUES (?1, ?2, ?3, ?4)"));
    return (*insert)->bind(1, row.venue).bind(2, row.asset).bind(3, row.account).bind(4, row.supplyAprBps).run();
}

Result<void> insertCounterparty(storage::Database& db, const CounterpartyRow& row)
{
    CS_TRY(insert, db.cached("INSERT INTO counterparties(id, display_name, kind, account) VALUES (?1, ?2, ?3, ?4)"));
    return (*insert)->bind(1, row.id).bind(2, row.displayName).bind(3, row.kind).bind(4, row.account).run();
}

Result<void> insertList(storage::Database& db, const ListRow& row)
{
    CS_TRY(insert, db.cached("INSERT INTO lists(id, kind, description) VALUES (?1, ?2, ?3)"));
    CS_TRY(created, (*insert)->bind(1, row.id).bind(2, row.kind).bind(3, row.description).run());
    for (const std::string& member : row.members) {
        CS_TRY(add, db.cached("INSERT INTO list_members(list, member) VALUES (?1, ?2)"));
        CS_TRY(added, (*add)->bind(1, row.id).bind(2, member).run());
    }
    return {};
}

Result<void> insertPrice(storage::Database& db, const PriceRow& row)
{
    CS_TRY(insert, db.cached("INSERT INTO prices(asset, quote, price, source, at_ms) VALUES (?1, ?2, ?3, ?4, ?5)"));
    return (*insert)->bind(1, row.asset).bind(2, row.quote).bind(3, row.price).bind(4, row.source)
        .bind(5, row.at.msSinceEpoch).run();
}

Result<std::vector<AssetRow>> assets(storage::Database& db)
{
    std::vector<AssetRow> rows;
    CS_TRY(read, forEachRow(db, "SELECT code, name, decimals FROM assets ORDER BY code", [&](Statement& row) -> Result<void> {
        rows.push_back({row.textAt(0), row.textAt(1), static_cast<int>(row.int64At(2))});
        return {};
    }));
    return rows;
}

Result<AssetCatalog> assetCatalog(storage::Database& db)
{
    CS_TRY(rows, assets(db));
    std::vector<Asset> known;
    known.reserve(rows->size());
    for (const AssetRow& row : *rows) {
        CS_TRY(asset, Asset::make(row.code, row.decimals));
        known.push_back(*asset);
    }
    return AssetCatalog(std::move(known));
}

Result<WorldCounts> worldCounts(storage::Database& db)
{
    WorldCounts counts;
    CS_TRY(venues, count(db, "SELECT count(*) FROM venues"));
    CS_TRY(pools, count(db, "SELECT count(*) FROM pools"));
    CS_TRY(lending, count(db, "SELECT count(*) FROM lending_markets"));
    CS_TRY(counterparties, count(db, "SELECT count(*) FROM counterparties"));
    CS_TRY(listed, count(db, "SELECT count(*) FROM counterparties c WHERE EXISTS "
                             "(SELECT 1 FROM list_members m JOIN lists l ON l.id = m.list "
                             " WHERE l.kind = 'counterparties' AND m.member = c.id)"));
    CS_TRY(lists, count(db, "SELECT count(*) FROM lists"));
    counts.venues = *venues;
    counts.pools = *pools;
    counts.lendingMarkets = *lending;
    counts.counterparties = *counterparties;
    counts.listedCounterparties = *listed;
    counts.lists = *lists;
    return counts;
}

Result<WorldRows> worldRows(storage::Database& db)
{
    WorldRows rows;
    CS_TRY(assetRows, assets(db));
    rows.assets = std::move(*assetRows);
    CS_TRY(accounts, forEachRow(db, "SELECT id, coalesce(owner, ''), kind, description FROM accounts ORDER BY id",
                                [&](Statement& row) -> Result<void> {
                                    rows.accounts.push_back({row.textAt(0), row.textAt(1), row.textAt(2), row.textAt(3)});
                                    return {};
                                }));
    CS_TRY(venues, forEachRow(db, "SELECT id, kind, display_name FROM venues ORDER BY id", [&](Statement& row) -> Result<void> {
        rows.venues.push_back({row.textAt(0), row.textAt(1), row.textAt(2)});
        return {};
    }));
    CS_TRY(pools, forEachRow(db, "SELECT id, venue, account, asset_a, asset_b, fee_bps FROM pools ORDER BY id",
                             [&](Statement& row) -> Result<void> {
                                 rows.pools.push_back({row.textAt(0), row.textAt(1), row.textAt(2), row.textAt(3),
                                                       row.textAt(4), static_cast<int>(row.int64At(5))});
                                 return {};
                             }));
    CS_TRY(lending, forEachRow(db, "SELECT venue, asset, account, supply_apr_bps FROM lending_markets ORDER BY venue, asset",
                               [&](Statement& row) -> Result<void> {
                                   rows.lending.push_back({row.textAt(0), row.textAt(1), row.textAt(2), row.int64At(3)});
                                   return {};
                               }));
    CS_TRY(counterparties, forEachRow(db, "SELECT id, display_name, kind, account FROM counterparties ORDER BY id",
                                      [&](Statement& row) -> Result<void> {
                                          rows.counterparties.push_back({row.textAt(0), row.textAt(1), row.textAt(2), row.textAt(3)});
                                          return {};
                                      }));
    CS_TRY(lists, forEachRow(db, "SELECT id, kind, description FROM lists ORDER BY id", [&](Statement& row) -> Result<void> {
        rows.lists.push_back({row.textAt(0), row.textAt(1), row.textAt(2), {}});
        return {};
    }));
    for (ListRow& list : rows.lists) {
        CS_TRY(query, db.cached("SELECT member FROM list_members WHERE list = ?1 ORDER BY member"));
        CS_TRY(members, storage::eachRow((*query)->bind(1, list.id), [&](Statement& row) -> Result<void> {
            list.members.push_back(row.textAt(0));
            return {};
        }));
    }
    CS_TRY(prices, forEachRow(db, "SELECT asset, quote, price, source, at_ms FROM prices p WHERE at_ms = "
                                  "(SELECT max(at_ms) FROM prices q WHERE q.asset = p.asset AND q.quote = p.quote) "
                                  "ORDER BY asset, quote",
                              [&](Statement& row) -> Result<void> {
                                  rows.prices.push_back({row.textAt(0), row.textAt(1), row.textAt(2), row.textAt(3),
                                                         Timestamp{row.int64At(4)}});
                                  return {};
                              }));
    return rows;
}

Result<std::vector<Holding>> agentHoldings(storage::Database& db)
{
    std::vector<Holding> rows;
    CS_TRY(read, forEachRow(db, R"sql(
        SELECT p.id, a.id, b.asset, b.amount, s.decimals
        FROM principals p
        LEFT JOIN accounts a ON a.owner = p.id
        LEFT JOIN balances b ON b.account = a.id
        LEFT JOIN assets s ON s.code = b.asset
        WHERE p.role = 'agent'
        ORDER BY p.id, a.id, b.asset)sql",
                            [&](Statement& row) -> Result<void> {
                                rows.push_back({row.textAt(0), row.isNullAt(1) ? std::string() : row.textAt(1),
                                                row.isNullAt(2) ? std::string() : row.textAt(2),
                                                row.isNullAt(3) ? std::string() : row.textAt(3),
                                                static_cast<int>(row.int64At(4))});
                                return {};
                            }));
    return rows;
}

Result<simulation::WorldState> loadWorld(storage::Database& db)
{
    simulation::WorldState state;
    CS_TRY(assets, forEachRow(db, "SELECT code, decimals FROM assets", [&](Statement& row) -> Result<void> {
        CS_TRY(asset, Asset::make(row.textAt(0), static_cast<int>(row.int64At(1))));
        state.assets.emplace(asset->code, *asset);
        return {};
    }));
    CS_TRY(balances, forEachBalance(db, [&](const std::string& account, const std::string& code,
                                            const std::string& text) -> Result<void> {
        const auto asset = state.assets.find(code);
        if (asset == state.assets.end())
            return fail(ErrorCode::StorageFailed, "balance of " + account + " in unknown asset " + code);
        auto amount = Money::parse(text, asset->second, SignPolicy::AllowNegative);
        if (!amount)
            return fail(ErrorCode::StorageFailed, "balance of " + account + " is corrupt: " + amount.error().message);
        state.balances[{account, asset->first}] = amount->minor();
        return {};
    }));
    CS_TRY(pools, forEachRow(db, "SELECT id, venue, account, asset_a, asset_b, fee_bps FROM pools ORDER BY id",
                             [&](Statement& row) -> Result<void> {
                                 state.pools.push_back({row.textAt(0), row.textAt(1), row.textAt(2), row.textAt(3),
                                                        row.textAt(4), static_cast<int>(row.int64At(5))});
                                 return {};
                             }));
    CS_TRY(lending, forEachRow(db, "SELECT venue, asset, account FROM lending_markets ORDER BY venue, asset",
                               [&](Statement& row) -> Result<void> {
                                   state.lending.push_back({row.textAt(0), row.textAt(1), row.textAt(2)});
                                   return {};
                               }));
    CS_TRY(venues, forEachRow(db, "SELECT id, kind FROM venues", [&](Statement& row) -> Result<void> {
        state.venues.emplace(row.textAt(0), row.textAt(1));
        return {};
    }));
    CS_TRY(counterparties, forEachRow(db, "SELECT id, account FROM counterparties", [&](Statement& row) -> Result<void> {
        state.counterparties.emplace(row.textAt(0), row.textAt(1));
        return {};
    }));
    CS_TRY(agents, forEachRow(db, "SELECT owner, min(id) FROM accounts WHERE kind = 'agent' AND owner IS NOT NULL GROUP BY owner",
                              [&](Statement& row) -> Result<void> {
                                  state.agentAccounts.emplace(row.textAt(0), row.textAt(1));
                                  return {};
                              }));
    CS_TRY(prices, forEachRow(db, "SELECT asset, quote, price FROM prices p WHERE at_ms = "
                                  "(SELECT max(at_ms) FROM prices q WHERE q.asset = p.asset AND q.quote = p.quote)",
                              [&](Statement& row) -> Result<void> {
                                  state.prices[{row.textAt(0), row.textAt(1)}] = row.textAt(2);
                                  return {};
                              }));
    CS_TRY(positions, forEachPosition(db, [&](const std::string& agent, const std::string& venue, const std::string& code,
                                              const std::string& text) -> Result<void> {
        const auto asset = state.assets.find(code);
        auto amount = asset == state.assets.end() ? Result<Money>(fail(ErrorCode::StorageFailed, "unknown asset"))
                                                  : Money::parse(text, asset->second, SignPolicy::UnsignedOnly);
        if (!amount)
            return fail(ErrorCode::StorageFailed, "lending position of " + agent + " is corrupt: " + amount.error().message);
        state.positions[{agent, venue, code}] = amount->minor();
        return {};
    }));
    return state;
}

} // namespace cs::store
