// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Ledger.h"

#include "core/storage/Database.h"
#include "core/store/Bind.h"

namespace cs::store {

namespace {

Result<std::optional<std::string>> oneText(storage::Statement& query)
{
    std::optional<std::string> text;
    CS_TRY(row, storage::firstRow(query, [&](storage::Statement& at) { text = at.textAt(0); }));
    return text;
}

SettlementRow settlementOf(const storage::Statement& row)
{
    return {row.textAt(0), row.textAt(1), row.textAt(2), row.textAt(3), row.textAt(4),
            row.int64At(5), Timestamp{row.int64At(6)}, Timestamp{row.int64At(7)}};
}

constexpr const char* kSettlementColumns =
    "SELECT idempotency_key, intent, agent, state, reason, coalesce(receipt_seq, 0), created_ms, updated_ms FROM settlements ";

} // namespace

Result<std::optional<std::string>> balance(storage::Database& db, std::string_view account, std::string_view asset)
{
    CS_TRY(query, db.cached("SELECT amount FROM balances WHERE account = ?1 AND asset = ?2"));
    return oneText((*query)->bind(1, account).bind(2, asset));
}

Result<void> setBalance(storage::Database& db, std::string_view account, std::string_view asset, std::string_view amount)
{
    CS_TRY(write, db.cached("INSERT INTO balances(account, asset, amount) VALUES (?1, ?2, ?3) "
                            "ON CONFLICT(account, asset) DO UPDATE SET amount = excluded.amount"));
    return (*write)->bind(1, account).bind(2, asset).bind(3, amount).run();
}

Result<void> forEachBalance(storage::Database& db, const BalanceFn& fn)
{
    return storage::forEachRow(db, "SELECT account, asset, amount FROM balances ORDER BY account, asset",
                               [&](storage::Statement& row) { return fn(row.textAt(0), row.textAt(1), row.textAt(2)); });
}

Result<std::optional<std::string>> position(storage::Database& db, std::string_view agent, std::string_view venue,
                                            std::string_view asset)
{
    CS_TRY(query, db.cached("SELECT amount FROM lending_positions WHERE agent = ?1 AND venue = ?2 AND asset = ?3"));
    return oneText((*query)->bind(1, agent).bind(2, venue).bind(3, asset));
}

Result<void> setPosition(storage::Database& db, std::string_view agent, std::string_view venue, std::string_view asset,
                         std::string_view amount)
{
    CS_TRY(write, db.cached("INSERT INTO lending_positions(agent, venue, asset, amount) VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT(agent, venue, asset) DO UPDATE SET amount = excluded.amount"));
    return (*write)->bind(1, agent).bind(2, venue).bind(3, asset).bind(4, amount).run();
}

Result<void> forEachPosition(storage::Database& db, const PositionFn& fn)
{
    return storage::forEachRow(db, "SELECT agent, venue, asset, amount FROM lending_positions ORDER BY agent, venue, asset",
                               [&](storage::Statement& row) {
                                   return fn(row.textAt(0), row.textAt(1), row.textAt(2), row.textAt(3));
                               });
}

Result<void> insertPosting(storage::Database& db, std::string_view settlement, std::string_view account,
                           std::string_view asset, std::string_view amount)
{
    CS_TRY(journal, db.cached("INSERT INTO ledger_postings(settlement, account, asset, amount) VALUES (?1, ?2, ?3, ?4)"));
    return (*journal)->bind(1, settlement).bind(2, account).bind(3, asset).bind(4, amount).run();
}

Result<void> forEachPosting(storage::Database& db,
                            const std::function<Result<void>(const std::string& settlement, const std::string& account,
                                                             const std::string& asset, const std::string& amount)>& fn)
{
    return storage::forEachRow(db, "SELECT settlement, account, asset, amount FROM ledger_postings ORDER BY id",
                               [&](storage::Statement& row) {
                                   return fn(row.textAt(0), row.textAt(1), row.textAt(2), row.textAt(3));
                               });
}

Result<std::int64_t> postingCount(storage::Database& db)
{
    return db.queryInt("SELECT count(*) FROM ledger_postings");
}

Result<std::int64_t> postingCountOf(storage::Database& db, std::string_view settlement)
{
    CS_TRY(query, db.cached("SELECT count(*) FROM ledger_postings WHERE settlement = ?1"));
    std::int64_t count = 0;
    CS_TRY(row, storage::firstRow((*query)->bind(1, settlement), [&](storage::Statement& at) { count = at.int64At(0); }));
    return count;
}

Result<std::optional<SettlementRow>> findSettlement(storage::Database& db, std::string_view idempotencyKey)
{
    static const std::string sql = std::string(kSettlementColumns) + "WHERE idempotency_key = ?1";
    CS_TRY(query, db.cached(sql));
    std::optional<SettlementRow> found;
    CS_TRY(row, storage::firstRow((*query)->bind(1, idempotencyKey), [&](storage::Statement& at) { found = settlementOf(at); }));
    return found;
}

Result<void> insertPendingSettlement(storage::Database& db, std::string_view idempotencyKey, std::string_view intent,
                                     std::string_view agent, Timestamp now)
{
    CS_TRY(insert, db.cached("INSERT INTO settlements(idempotency_key, intent, agent, state, created_ms, updated_ms) "
                             "VALUES (?1, ?2, ?3, 'pending', ?4, ?4)"));
    return (*insert)->bind(1, idempotencyKey).bind(2, intent).bind(3, agent).bind(4, now.msSinceEpoch).run();
}

Result<void> setSettlementState(storage::Database& db, std::string_view idempotencyKey, std::string_view state,
                                std::string_view reason, std::int64_t receiptSeq, Timestamp now)
{
    CS_TRY(update, db.cached("UPDATE settlements SET state = ?2, reason = ?3, receipt_seq = ?4, updated_ms = ?5 "
                             "WHERE idempotency_key = ?1"));
    return bindSeq((*update)->bind(1, idempotencyKey).bind(2, state).bind(3, reason).bind(5, now.msSinceEpoch), 4, receiptSeq)
        .run();
}

Result<std::vector<SettlementRow>> settlements(storage::Database& db, std::string_view state)
{
    static const std::string sql = std::string(kSettlementColumns) + "WHERE ?1 = '' OR state = ?1 ORDER BY created_ms, idempotency_key";
    CS_TRY(query, db.cached(sql));
    std::vector<SettlementRow> rows;
    CS_TRY(read, storage::eachRow((*query)->bind(1, state), [&](storage::Statement& row) -> Result<void> {
        rows.push_back(settlementOf(row));
        return {};
    }));
    return rows;
}

} // namespace cs::store
