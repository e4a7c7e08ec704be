// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/settlement/LedgerCheck.h"

#include "core/domain/Money.h"
#include "core/storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <map>
#include <set>
#include <tuple>

namespace cs::settlement {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

constexpr std::size_t kMaxProblems = 100;

using Postings = std::multiset<std::tuple<std::string, std::string, Int128>>; // account, asset, minor units

//! What the log says of one settlement: its receipt entry and its postings.
struct Receipt
{
    std::int64_t seq = 0;
    Postings postings;
};

//! The money recomputed from the log, then held against the tables, one step each.
struct Checker
{
    std::map<std::string, Asset> assets;
    std::map<std::pair<std::string, std::string>, Int128> balances;                    // account, asset
    std::map<std::tuple<std::string, std::string, std::string>, Int128> positions;     // agent, venue, asset
    std::map<std::string, Receipt> receipts;                                           // by idempotency key
    bool opened = false;
    LedgerReport report;

    void problem(std::int64_t seq, std::string reason)
    {
        if (report.problems.size() < kMaxProblems)
            report.problems.push_back({seq, std::move(reason)});
    }

    //! An amount of the log or of a table, exactly; nullopt (and a problem) when it is not one.
    std::optional<Money> amount(const std::string& code, const std::string& text, std::int64_t seq, const std::string& where)
    {
        const auto asset = assets.find(code);
        if (asset == assets.end()) {
            problem(seq, where + ": unknown asset " + code);
            return std::nullopt;
        }
        auto parsed = Money::parse(text, asset->second, SignPolicy::AllowNegative);
        if (!parsed) {
            problem(seq, where + ": " + parsed.error().message);
            return std::nullopt;
        }
        return *parsed;
    }

    void add(Int128& total, const Money& delta, std::int64_t seq, const std::string& where)
    {
        Int128 sum = 0;
        if (__builtin_add_overflow(total, delta.minor(), &sum))
            problem(seq, where + ": the recomputed amount overflows");
        else
            total = sum;
    }

    std::string shown(const std::string& code, Int128 minor) const
    {
        return Money::fromMinor(minor, assets.at(code)).toString() + " " + code;
    }

    static std::string text(const QJsonObject& object, const char* key)
    {
        return object.value(QLatin1String(key)).toString().toStdString();
    }

    //! ledger.opened: the opening balances and lending positions.
    void opening(std::int64_t seq, const QJsonObject& body)
    {
        if (opened) {
            problem(seq, "entry " + std::to_string(seq) + ": a second ledger.opened");
            return;
        }
        opened = true;
        for (const QJsonValue& value : body.value(QStringLiteral("balances")).toArray()) {
            const QJsonObject b = value.toObject();
            const std::string where = "opening balance of " + text(b, "account");
            if (auto money = amount(text(b, "asset"), text(b, "amount"), seq, where))
                add(balances[{text(b, "account"), text(b, "asset")}], *money, seq, where);
        }
        for (const QJsonValue& value : body.value(QStringLiteral("positions")).toArray()) {
            const QJsonObject p = value.toObject();
            if (auto money = amount(text(p, "asset"), text(p, "amount"), seq, "opening position"))
                add(positions[{text(p, "agent"), text(p, "venue"), text(p, "asset")}], *money, seq, "opening position");
        }
    }

    //! A settlement.receipt of the local ledger: its postings onto the balances, a deposit or
    //! withdrawal onto the lending positions.
    void receipt(std::int64_t seq, const QJsonObject& body)
    {
        if (body.value(QStringLiteral("adapter")).toString() != QLatin1String("local-ledger"))
            return; // another rail's receipt (or a synthetic history's) moved nothing here
        if (!opened) {
            problem(seq, "receipt " + std::to_string(seq) + " comes before the log's opening balances");
            return;
        }
        ++report.receipts;
        const std::string key = text(body, "idempotency_key");
        Receipt& recorded = receipts[key];
        if (recorded.seq != 0)
            problem(seq, "receipt " + std::to_string(seq) + " settles " + key + " again (first at "
                             + std::to_string(recorded.seq) + ")");
        recorded.seq = seq;
        const std::string where = "receipt " + std::to_string(seq);
        for (const QJsonValue& value : body.value(QStringLiteral("postings")).toArray()) {
            const QJsonObject p = value.toObject();
            if (auto money = amount(text(p, "asset"), text(p, "amount"), seq, where)) {
                add(balances[{text(p, "account"), text(p, "asset")}], *money, seq, where);
                recorded.postings.emplace(text(p, "account"), text(p, "asset"), money->minor());
            }
        }
        const QJsonObject action = body.value(QStringLiteral("action")).toObject();
        const std::string type = text(action, "type");
        if (type != "deposit" && type != "withdraw")
            return;
        if (auto money = amount(text(action, "asset"), text(action, "amount"), seq, where)) {
            const Money moved = type == "deposit" ? *money : Money::fromMinor(-money->minor(), money->asset());
            add(positions[{text(body, "agent"), text(action, "venue"), text(action, "asset")}], moved, seq, where);
        }
    }

    Result<void> readLog(storage::Database& db)
    {
        return storage::forEachRow(db, "SELECT seq, type, body FROM audit_entries "
                                       "WHERE type IN ('ledger.opened', 'settlement.receipt') ORDER BY seq",
                                   [&](storage::Statement& row) -> Result<void> {
                                       const QJsonObject body =
                                           QJsonDocument::fromJson(QByteArray::fromStdString(row.textAt(2))).object();
                                       if (row.textAt(1) == "ledger.opened")
                                           opening(row.int64At(0), body);
                                       else
                                           receipt(row.int64At(0), body);
                                       return {};
                                   });
    }

    //! Every balance in the table against the log's, and every one the log has against the table.
    Result<void> compareBalances(storage::Database& db)
    {
        std::map<std::pair<std::string, std::string>, Int128> stored;
        CS_TRY(read, storage::forEachRow(db, "SELECT account, asset, amount FROM balances", [&](storage::Statement& row) -> Result<void> {
            const std::string account = row.textAt(0);
            const std::string asset = row.textAt(1);
            auto money = amount(asset, row.textAt(2), 0, "balance of " + account + " in " + asset);
            stored[{account, asset}] = money ? money->minor() : kInt128Min; // not an amount differs from whatever the log says
            return {};
        }));
        std::set<std::pair<std::string, std::string>> keys;
        for (const auto& [key, minor] : balances)
            keys.insert(key);
        for (const auto& [key, minor] : stored)
            keys.insert(key);
        for (const auto& key : keys) {
            const auto expected = balances.find(key);
            const auto actual = stored.find(key);
            const Int128 want = expected == balances.end() ? 0 : expected->second;
            ++report.balances;
            if (actual == stored.end()) {
                if (want != 0)
                    problem(0, "balance of " + key.first + " in " + key.second + " is missing; the log says " + shown(key.second, want));
            } else if (actual->second != want && assets.count(key.second) != 0) {
                problem(0, "balance of " + key.first + " in " + key.second + " is "
                               + (actual->second == kInt128Min ? std::string("not an amount") : shown(key.second, actual->second))
                               + "; the log says " + shown(key.second, want));
            }
        }
        return {};
    }

    Result<void> comparePositions(storage::Database& db)
    {
        std::map<std::tuple<std::string, std::string, std::string>, Int128> stored;
        CS_TRY(read, storage::forEachRow(db, "SELECT agent, venue, asset, amount FROM lending_positions",
                                         [&](storage::Statement& row) -> Result<void> {
            if (auto money = amount(row.textAt(2), row.textAt(3), 0, "lending position of " + row.textAt(0)))
                stored[{row.textAt(0), row.textAt(1), row.textAt(2)}] = money->minor();
            return {};
        }));
        const auto where = [](const auto& key) { return "lending position of " + std::get<0>(key) + " at " + std::get<1>(key) + " is "; };
        for (const auto& [key, want] : positions) {
            const auto actual = stored.find(key);
            const Int128 have = actual == stored.end() ? 0 : actual->second;
            if (have != want)
                problem(0, where(key) + shown(std::get<2>(key), have) + "; the log says " + shown(std::get<2>(key), want));
            if (actual != stored.end())
                stored.erase(actual);
        }
        for (const auto& [key, have] : stored) {
            if (have != 0)
                problem(0, where(key) + shown(std::get<2>(key), have) + "; the log records none");
        }
        return {};
    }

    //! Each settlement row and its postings against the receipt the log has for it, both ways.
    Result<void> compareSettlements(storage::Database& db)
    {
        std::map<std::string, Postings> posted;
        CS_TRY(readPostings, storage::forEachRow(db, "SELECT settlement, account, asset, amount FROM ledger_postings",
                                                 [&](storage::Statement& row) -> Result<void> {
            if (auto money = amount(row.textAt(2), row.textAt(3), 0, "posting of settlement " + row.textAt(0)))
                posted[row.textAt(0)].emplace(row.textAt(1), row.textAt(2), money->minor());
            return {};
        }));
        std::set<std::string> settled;
        CS_TRY(readSettlements, storage::forEachRow(db, "SELECT idempotency_key, state, coalesce(receipt_seq, 0) FROM settlements",
                                                    [&](storage::Statement& row) -> Result<void> {
            const std::string key = row.textAt(0);
            const std::string state = row.textAt(1);
            settled.insert(key);
            const auto found = receipts.find(key);
            if (found == receipts.end()) {
                if (state == "executed")
                    problem(0, "settlement " + key + " is marked executed, but the log has no receipt for it");
                if (posted.count(key) != 0)
                    problem(0, "settlement " + key + " has postings, but the log has no receipt for them");
                return {};
            }
            const Receipt& recorded = found->second;
            const std::string at = " (receipt " + std::to_string(recorded.seq) + ")";
            if (state != "executed")
                problem(recorded.seq, "settlement " + key + " is marked " + state + ", but the log's receipt says executed" + at);
            else if (row.int64At(2) != recorded.seq)
                problem(recorded.seq, "settlement " + key + " points at entry " + std::to_string(row.int64At(2)) + ", not its receipt" + at);
            const auto postings = posted.find(key);
            if (postings == posted.end() || postings->second != recorded.postings)
                problem(recorded.seq, "the postings of settlement " + key + " differ from its receipt" + at);
            return {};
        }));
        for (const auto& [key, recorded] : receipts) {
            if (settled.count(key) == 0)
                problem(recorded.seq, "receipt " + std::to_string(recorded.seq) + " settles " + key
                                          + ", which the ledger has no settlement for");
        }
        return {};
    }

    Result<void> quickCheck(storage::Database& db)
    {
        CS_TRY(integrity, db.prepare("PRAGMA quick_check"));
        for (;;) {
            CS_TRY(row, integrity->step());
            if (!*row)
                return {};
            if (integrity->textAt(0) != "ok")
                problem(0, "SQLite quick_check: " + integrity->textAt(0));
        }
    }
};

} // namespace

Result<QJsonObject> openingBody(storage::Database& db)
{
    QJsonArray balances;
    CS_TRY(readBalances, storage::forEachRow(db, "SELECT account, asset, amount FROM balances ORDER BY account, asset",
                                             [&](storage::Statement& row) -> Result<void> {
        balances.append(QJsonObject{{QStringLiteral("account"), qs(row.textAt(0))},
                                    {QStringLiteral("asset"), qs(row.textAt(1))},
                                    {QStringLiteral("amount"), qs(row.textAt(2))}});
        return {};
    }));
    QJsonArray positions;
    CS_TRY(readPositions, storage::forEachRow(db, "SELECT agent, venue, asset, amount FROM lending_positions "
                                                  "ORDER BY agent, venue, asset",
                                              [&](storage::Statement& row) -> Result<void> {
        positions.append(QJsonObject{{QStringLiteral("agent"), qs(row.textAt(0))},
                                     {QStringLiteral("venue"), qs(row.textAt(1))},
                                     {QStringLiteral("asset"), qs(row.textAt(2))},
                                     {QStringLiteral("amount"), qs(row.textAt(3))}});
        return {};
    }));
    return QJsonObject{{QStringLiteral("schema"), QLatin1String(kLedgerOpeningSchema)},
                       {QStringLiteral("balances"), balances},
                       {QStringLiteral("positions"), positions}};
}

Result<LedgerReport> verifyLedger(storage::Database& db)
{
    Checker check;
    CS_TRY(transaction, storage::Transaction::beginRead(db)); // the log and the tables as of one moment
    CS_TRY(readAssets, storage::forEachRow(db, "SELECT code, decimals FROM assets", [&](storage::Statement& row) -> Result<void> {
        check.assets.emplace(row.textAt(0), Asset{row.textAt(0), static_cast<int>(row.int64At(1))});
        return {};
    }));
    // From the log: the opening, then every receipt of the local ledger.
    CS_TRY(replayed, check.readLog(db));
    if (!check.opened) {
        check.problem(0, "the log records no opening balances (ledger.opened): no balance can be recomputed from it");
        return std::move(check.report);
    }
    // The tables against the log.
    CS_TRY(balances, check.compareBalances(db));
    CS_TRY(positions, check.comparePositions(db));
    CS_TRY(settlements, check.compareSettlements(db));
    CS_TRY(quick, check.quickCheck(db));
    return std::move(check.report);
}

} // namespace cs::settlement
