// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/settlement/LedgerCheck.h"

#include "core/domain/CanonicalJson.h"
#include "core/domain/Money.h"
#include "core/audit/LogReads.h"
#include "core/storage/Database.h"
#include "core/store/Ledger.h"
#include "core/store/World.h"

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

} // namespace

void LogLedger::problem(std::int64_t seq, std::string reason)
{
    if (problems.size() < kMaxProblems)
        problems.push_back({seq, std::move(reason)});
}

std::optional<Money> LogLedger::amount(const std::string& code, const std::string& text, std::int64_t seq, const std::string& where)
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

void LogLedger::add(Int128& total, const Money& delta, std::int64_t seq, const std::string& where)
{
    Int128 sum = 0;
    if (__builtin_add_overflow(total, delta.minor(), &sum))
        problem(seq, where + ": the recomputed amount overflows");
    else
        total = sum;
}

std::string LogLedger::shown(const std::string& code, Int128 minor) const
{
    return Money::fromMinor(minor, assets.at(code)).toString() + " " + code;
}

//! ledger.opened: the opening balances and lending positions.
void LogLedger::opening(std::int64_t seq, const QJsonObject& body)
{
    if (opened) {
        problem(seq, "entry " + std::to_string(seq) + ": a second ledger.opened");
        return;
    }
    opened = true;
    for (const QJsonValue& value : body.value(QStringLiteral("balances")).toArray()) {
        const QJsonObject b = value.toObject();
        const std::string where = "opening balance of " + jsonText(b, "account");
        if (auto money = amount(jsonText(b, "asset"), jsonText(b, "amount"), seq, where))
            add(balances[{jsonText(b, "account"), jsonText(b, "asset")}], *money, seq, where);
    }
    for (const QJsonValue& value : body.value(QStringLiteral("positions")).toArray()) {
        const QJsonObject p = value.toObject();
        if (auto money = amount(jsonText(p, "asset"), jsonText(p, "amount"), seq, "opening position"))
            add(positions[{jsonText(p, "agent"), jsonText(p, "venue"), jsonText(p, "asset")}], *money, seq, "opening position");
    }
}

//! world.changed: the balances of what a risk manager added, opened once each.
void LogLedger::worldChanged(std::int64_t seq, const QJsonObject& body)
{
    if (!opened) {
        problem(seq, "entry " + std::to_string(seq) + " opens balances before the log's opening balances");
        return;
    }
    for (const QJsonValue& value : body.value(QStringLiteral("balances")).toArray()) {
        const QJsonObject b = value.toObject();
        const std::string where = "balance of " + jsonText(b, "account") + " opened at entry " + std::to_string(seq);
        if (balances.contains({jsonText(b, "account"), jsonText(b, "asset")})) {
            problem(seq, where + ": it was open already");
            continue;
        }
        if (auto money = amount(jsonText(b, "asset"), jsonText(b, "amount"), seq, where))
            add(balances[{jsonText(b, "account"), jsonText(b, "asset")}], *money, seq, where);
    }
}

//! A settlement.receipt of the local ledger: its postings onto the balances, a deposit or
//! withdrawal onto the lending positions.
void LogLedger::receipt(std::int64_t seq, const QJsonObject& body)
{
    if (body.value(QStringLiteral("adapter")).toString() != QLatin1String("local-ledger"))
        return; // another rail's receipt (or a synthetic history's) moved nothing here
    if (!opened) {
        problem(seq, "receipt " + std::to_string(seq) + " comes before the log's opening balances");
        return;
    }
    ++receiptCount;
    const std::string key = jsonText(body, "idempotency_key");
    Receipt& recorded = receipts[key];
    if (recorded.seq != 0)
        problem(seq, "receipt " + std::to_string(seq) + " settles " + key + " again (first at "
                         + std::to_string(recorded.seq) + ")");
    recorded.seq = seq;
    const std::string where = "receipt " + std::to_string(seq);
    for (const QJsonValue& value : body.value(QStringLiteral("postings")).toArray()) {
        const QJsonObject p = value.toObject();
        if (auto money = amount(jsonText(p, "asset"), jsonText(p, "amount"), seq, where)) {
            add(balances[{jsonText(p, "account"), jsonText(p, "asset")}], *money, seq, where);
            recorded.postings.emplace(jsonText(p, "account"), jsonText(p, "asset"), money->minor());
        }
    }
    const QJsonObject action = body.value(QStringLiteral("action")).toObject();
    const std::string type = jsonText(action, "type");
    if (type != "deposit" && type != "withdraw")
        return;
    if (auto money = amount(jsonText(action, "asset"), jsonText(action, "amount"), seq, where)) {
        const Money moved = type == "deposit" ? *money : Money::fromMinor(-money->minor(), money->asset());
        add(positions[{jsonText(body, "agent"), jsonText(action, "venue"), jsonText(action, "asset")}], moved, seq, where);
    }
}

void LogLedger::apply(std::int64_t seq, std::string_view type, const QJsonObject& body)
{
    if (type == "ledger.opened")
        opening(seq, body);
    else if (type == "world.changed")
        worldChanged(seq, body);
    else if (type == "settlement.receipt")
        receipt(seq, body);
}

namespace {

//! The money recomputed from the log, then held against the tables, one step each.
struct Checker : LogLedger
{
    LedgerReport report;

    LedgerReport finish()
    {
        report.receipts = receiptCount;
        report.problems = std::move(problems);
        return std::move(report);
    }

    Result<void> readLog(storage::Database& db)
    {
        static constexpr std::string_view types[] = {"ledger.opened", "settlement.receipt", "world.changed"};
        return audit::forEachEntryOf(db, types, [&](std::int64_t seq, const std::string& type,
                                                    const std::string& text) -> Result<void> {
            apply(seq, type, QJsonDocument::fromJson(QByteArray::fromStdString(text)).object());
            return {};
        });
    }

    //! Every balance in the table against the log's, and every one the log has against the table.
    Result<void> compareBalances(storage::Database& db)
    {
        std::map<std::pair<std::string, std::string>, Int128> stored;
        CS_TRY(read, store::forEachBalance(db, [&](const std::string& account, const std::string& asset,
                                                   const std::string& text) -> Result<void> {
            auto money = amount(asset, text, 0, "balance of " + account + " in " + asset);
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
        CS_TRY(read, store::forEachPosition(db, [&](const std::string& agent, const std::string& venue,
                                                    const std::string& asset, const std::string& text) -> Result<void> {
            if (auto money = amount(asset, text, 0, "lending position of " + agent))
                stored[{agent, venue, asset}] = money->minor();
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
        CS_TRY(readPostings, store::forEachPosting(db, [&](const std::string& settlement, const std::string& account,
                                                           const std::string& asset, const std::string& text) -> Result<void> {
            if (auto money = amount(asset, text, 0, "posting of settlement " + settlement))
                posted[settlement].emplace(account, asset, money->minor());
            return {};
        }));
        std::set<std::string> settled;
        CS_TRY(rows, store::settlements(db));
        for (const store::SettlementRow& row : *rows) {
            const std::string& key = row.idempotencyKey;
            const std::string& state = row.state;
            settled.insert(key);
            const auto found = receipts.find(key);
            if (found == receipts.end()) {
                if (state == "executed")
                    problem(0, "settlement " + key + " is marked executed, but the log has no receipt for it");
                if (posted.count(key) != 0)
                    problem(0, "settlement " + key + " has postings, but the log has no receipt for them");
                continue;
            }
            const Receipt& recorded = found->second;
            const std::string at = " (receipt " + std::to_string(recorded.seq) + ")";
            if (state != "executed")
                problem(recorded.seq, "settlement " + key + " is marked " + state + ", but the log's receipt says executed" + at);
            else if (row.receiptSeq != recorded.seq)
                problem(recorded.seq, "settlement " + key + " points at entry " + std::to_string(row.receiptSeq) + ", not its receipt" + at);
            const auto postings = posted.find(key);
            if (postings == posted.end() || postings->second != recorded.postings)
                problem(recorded.seq, "the postings of settlement " + key + " differ from its receipt" + at);
        }
        for (const auto& [key, recorded] : receipts) {
            if (settled.count(key) == 0)
                problem(recorded.seq, "receipt " + std::to_string(recorded.seq) + " settles " + key
                                          + ", which the ledger has no settlement for");
        }
        return {};
    }

    Result<void> quickCheck(storage::Database& db)
    {
        CS_TRY(findings, storage::quickCheck(db));
        for (const std::string& finding : *findings)
            problem(0, "SQLite quick_check: " + finding);
        return {};
    }
};

} // namespace

Result<QJsonObject> openingBody(storage::Database& db)
{
    QJsonArray balances;
    CS_TRY(readBalances, store::forEachBalance(db, [&](const std::string& account, const std::string& asset,
                                                       const std::string& amount) -> Result<void> {
        balances.append(QJsonObject{{QStringLiteral("account"), qs(account)},
                                    {QStringLiteral("asset"), qs(asset)},
                                    {QStringLiteral("amount"), qs(amount)}});
        return {};
    }));
    QJsonArray positions;
    CS_TRY(readPositions, store::forEachPosition(db, [&](const std::string& agent, const std::string& venue,
                                                         const std::string& asset, const std::string& amount) -> Result<void> {
        positions.append(QJsonObject{{QStringLiteral("agent"), qs(agent)},
                                     {QStringLiteral("venue"), qs(venue)},
                                     {QStringLiteral("asset"), qs(asset)},
                                     {QStringLiteral("amount"), qs(amount)}});
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
    CS_TRY(assets, store::assets(db));
    for (const store::AssetRow& asset : *assets)
        check.assets.emplace(asset.code, Asset{asset.code, asset.decimals});
    // From the log: the opening, then every receipt of the local ledger.
    CS_TRY(replayed, check.readLog(db));
    if (!check.opened) {
        check.problem(0, "the log records no opening balances (ledger.opened): no balance can be recomputed from it");
        return check.finish();
    }
    // The tables against the log.
    CS_TRY(balances, check.compareBalances(db));
    CS_TRY(positions, check.comparePositions(db));
    CS_TRY(settlements, check.compareSettlements(db));
    CS_TRY(quick, check.quickCheck(db));
    return check.finish();
}

} // namespace cs::settlement
