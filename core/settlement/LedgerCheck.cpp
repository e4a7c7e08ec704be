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

struct Checker
{
    std::map<std::string, Asset> assets;
    std::map<std::pair<std::string, std::string>, Int128> balances;                    // account, asset
    std::map<std::tuple<std::string, std::string, std::string>, Int128> positions;     // agent, venue, asset
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
    struct Receipt
    {
        std::int64_t seq = 0;
        std::multiset<std::tuple<std::string, std::string, Int128>> postings;
    };
    std::map<std::string, Receipt> receipts; // by idempotency key
    bool opened = false;
    CS_TRY(readLog, storage::forEachRow(db, "SELECT seq, type, body FROM audit_entries "
                                            "WHERE type IN ('ledger.opened', 'settlement.receipt') ORDER BY seq",
                                        [&](storage::Statement& row) -> Result<void> {
        const std::int64_t seq = row.int64At(0);
        const std::string type = row.textAt(1);
        const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(row.textAt(2))).object();
        if (type == "ledger.opened") {
            if (opened) {
                check.problem(seq, "entry " + std::to_string(seq) + ": a second ledger.opened");
                return {};
            }
            opened = true;
            for (const QJsonValue& value : body.value(QStringLiteral("balances")).toArray()) {
                const QJsonObject b = value.toObject();
                const std::string account = b.value(QStringLiteral("account")).toString().toStdString();
                const std::string asset = b.value(QStringLiteral("asset")).toString().toStdString();
                if (auto money = check.amount(asset, b.value(QStringLiteral("amount")).toString().toStdString(), seq,
                                              "opening balance of " + account))
                    check.add(check.balances[{account, asset}], *money, seq, "opening balance of " + account);
            }
            for (const QJsonValue& value : body.value(QStringLiteral("positions")).toArray()) {
                const QJsonObject p = value.toObject();
                const std::string asset = p.value(QStringLiteral("asset")).toString().toStdString();
                if (auto money = check.amount(asset, p.value(QStringLiteral("amount")).toString().toStdString(), seq, "opening position"))
                    check.add(check.positions[{p.value(QStringLiteral("agent")).toString().toStdString(),
                                               p.value(QStringLiteral("venue")).toString().toStdString(), asset}],
                              *money, seq, "opening position");
            }
            return {};
        }
        if (body.value(QStringLiteral("adapter")).toString() != QLatin1String("local-ledger"))
            return {}; // another rail's receipt (or a synthetic history's) moved nothing here
        if (!opened) {
            check.problem(seq, "receipt " + std::to_string(seq) + " comes before the log's opening balances");
            return {};
        }
        ++check.report.receipts;
        const std::string key = body.value(QStringLiteral("idempotency_key")).toString().toStdString();
        Receipt& receipt = receipts[key];
        if (receipt.seq != 0)
            check.problem(seq, "receipt " + std::to_string(seq) + " settles " + key + " again (first at "
                                   + std::to_string(receipt.seq) + ")");
        receipt.seq = seq;
        const std::string where = "receipt " + std::to_string(seq);
        for (const QJsonValue& value : body.value(QStringLiteral("postings")).toArray()) {
            const QJsonObject p = value.toObject();
            const std::string account = p.value(QStringLiteral("account")).toString().toStdString();
            const std::string asset = p.value(QStringLiteral("asset")).toString().toStdString();
            if (auto money = check.amount(asset, p.value(QStringLiteral("amount")).toString().toStdString(), seq, where)) {
                check.add(check.balances[{account, asset}], *money, seq, where);
                receipt.postings.emplace(account, asset, money->minor());
            }
        }
        const QJsonObject action = body.value(QStringLiteral("action")).toObject();
        const QString type_ = action.value(QStringLiteral("type")).toString();
        if (type_ == QLatin1String("deposit") || type_ == QLatin1String("withdraw")) {
            const std::string asset = action.value(QStringLiteral("asset")).toString().toStdString();
            if (auto money = check.amount(asset, action.value(QStringLiteral("amount")).toString().toStdString(), seq, where)) {
                const Money signedAmount = type_ == QLatin1String("deposit") ? *money : Money::fromMinor(-money->minor(), money->asset());
                check.add(check.positions[{body.value(QStringLiteral("agent")).toString().toStdString(),
                                           action.value(QStringLiteral("venue")).toString().toStdString(), asset}],
                          signedAmount, seq, where);
            }
        }
        return {};
    }));
    if (!opened) {
        check.problem(0, "the log records no opening balances (ledger.opened): no balance can be recomputed from it");
        return std::move(check.report);
    }

    // The tables against the log: balances, then lending positions.
    std::map<std::pair<std::string, std::string>, Int128> stored;
    CS_TRY(readBalances, storage::forEachRow(db, "SELECT account, asset, amount FROM balances", [&](storage::Statement& row) -> Result<void> {
        const std::string account = row.textAt(0);
        const std::string asset = row.textAt(1);
        if (auto money = check.amount(asset, row.textAt(2), 0, "balance of " + account + " in " + asset))
            stored[{account, asset}] = money->minor();
        else
            stored[{account, asset}] = kInt128Min; // differs from whatever the log says
        return {};
    }));
    std::set<std::pair<std::string, std::string>> keys;
    for (const auto& [key, minor] : check.balances)
        keys.insert(key);
    for (const auto& [key, minor] : stored)
        keys.insert(key);
    for (const auto& key : keys) {
        const auto expected = check.balances.find(key);
        const auto actual = stored.find(key);
        const Int128 want = expected == check.balances.end() ? 0 : expected->second;
        ++check.report.balances;
        if (actual == stored.end()) {
            if (want != 0)
                check.problem(0, "balance of " + key.first + " in " + key.second + " is missing; the log says "
                                     + check.shown(key.second, want));
        } else if (actual->second != want && check.assets.count(key.second) != 0) {
            check.problem(0, "balance of " + key.first + " in " + key.second + " is "
                                 + (actual->second == kInt128Min ? std::string("not an amount")
                                                                 : check.shown(key.second, actual->second))
                                 + "; the log says " + check.shown(key.second, want));
        }
    }
    std::map<std::tuple<std::string, std::string, std::string>, Int128> storedPositions;
    CS_TRY(readPositions, storage::forEachRow(db, "SELECT agent, venue, asset, amount FROM lending_positions",
                                              [&](storage::Statement& row) -> Result<void> {
        if (auto money = check.amount(row.textAt(2), row.textAt(3), 0, "lending position of " + row.textAt(0)))
            storedPositions[{row.textAt(0), row.textAt(1), row.textAt(2)}] = money->minor();
        return {};
    }));
    for (const auto& [key, want] : check.positions) {
        const auto actual = storedPositions.find(key);
        const Int128 have = actual == storedPositions.end() ? 0 : actual->second;
        if (have != want)
            check.problem(0, "lending position of " + std::get<0>(key) + " at " + std::get<1>(key) + " is "
                                 + check.shown(std::get<2>(key), have) + "; the log says " + check.shown(std::get<2>(key), want));
        if (actual != storedPositions.end())
            storedPositions.erase(actual);
    }
    for (const auto& [key, have] : storedPositions) {
        if (have != 0)
            check.problem(0, "lending position of " + std::get<0>(key) + " at " + std::get<1>(key) + " is "
                                 + check.shown(std::get<2>(key), have) + "; the log records none");
    }

    // Settlements and their postings against the receipts.
    std::map<std::string, std::multiset<std::tuple<std::string, std::string, Int128>>> posted;
    CS_TRY(readPostings, storage::forEachRow(db, "SELECT settlement, account, asset, amount FROM ledger_postings",
                                             [&](storage::Statement& row) -> Result<void> {
        if (auto money = check.amount(row.textAt(2), row.textAt(3), 0, "posting of settlement " + row.textAt(0)))
            posted[row.textAt(0)].emplace(row.textAt(1), row.textAt(2), money->minor());
        return {};
    }));
    std::set<std::string> settled;
    CS_TRY(readSettlements, storage::forEachRow(db, "SELECT idempotency_key, state, coalesce(receipt_seq, 0) FROM settlements",
                                                [&](storage::Statement& row) -> Result<void> {
        const std::string key = row.textAt(0);
        const std::string state = row.textAt(1);
        settled.insert(key);
        const auto receipt = receipts.find(key);
        if (receipt == receipts.end()) {
            if (state == "executed")
                check.problem(0, "settlement " + key + " is marked executed, but the log has no receipt for it");
            if (posted.count(key) != 0)
                check.problem(0, "settlement " + key + " has postings, but the log has no receipt for them");
            return {};
        }
        const std::string at = " (receipt " + std::to_string(receipt->second.seq) + ")";
        if (state != "executed")
            check.problem(receipt->second.seq, "settlement " + key + " is marked " + state + ", but the log's receipt says executed" + at);
        else if (row.int64At(2) != receipt->second.seq)
            check.problem(receipt->second.seq, "settlement " + key + " points at entry " + std::to_string(row.int64At(2)) + ", not its receipt" + at);
        const auto found = posted.find(key);
        if (found == posted.end() || found->second != receipt->second.postings)
            check.problem(receipt->second.seq, "the postings of settlement " + key + " differ from its receipt" + at);
        return {};
    }));
    for (const auto& [key, receipt] : receipts) {
        if (settled.count(key) == 0)
            check.problem(receipt.seq, "receipt " + std::to_string(receipt.seq) + " settles " + key + ", which the ledger has no settlement for");
    }

    CS_TRY(integrity, db.prepare("PRAGMA quick_check"));
    for (;;) {
        CS_TRY(row, integrity->step());
        if (!*row)
            break;
        if (integrity->textAt(0) != "ok")
            check.problem(0, "SQLite quick_check: " + integrity->textAt(0));
    }
    return std::move(check.report);
}

} // namespace cs::settlement
