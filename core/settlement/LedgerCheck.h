// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/Verifier.h"
#include "core/domain/Money.h"

#include <QJsonObject>

#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

namespace cs::storage {
class Database;
}

namespace cs::settlement {

inline constexpr const char* kLedgerOpeningSchema = "countersign.ledger-opening/1";

//! The signed body of ledger.opened: every balance and lending position as they stand now
//! (at init, before anything settled), amounts as exact decimal strings.
Result<QJsonObject> openingBody(storage::Database& db);

/**
 * The money as the log alone says it. Fed, in log order, the entries that move money —
 * ledger.opened (the signed opening), world.changed (the balances a risk manager opened),
 * settlement.receipt of the local ledger (its postings, and a deposit's or withdrawal's
 * position) — it holds every balance and lending position and each receipt's postings; what the
 * entries say wrong is a problem naming the entry. `verify` holds the tables against it;
 * replay (core/replay) simulates on it.
 */
struct LogLedger
{
    using Postings = std::multiset<std::tuple<std::string, std::string, Int128>>; //!< account, asset, minor units
    //! What the log says of one settlement: its receipt entry and its postings.
    struct Receipt
    {
        std::int64_t seq = 0;
        Postings postings;
    };

    std::map<std::string, Asset> assets; //!< what amounts are read with; the caller keeps it current
    std::map<std::pair<std::string, std::string>, Int128> balances;                // account, asset
    std::map<std::tuple<std::string, std::string, std::string>, Int128> positions; // agent, venue, asset
    std::map<std::string, Receipt> receipts;                                       // by idempotency key
    std::int64_t receiptCount = 0;
    bool opened = false;
    std::vector<audit::Problem> problems; //!< at most 100, in log order

    //! One entry: the three types above move money, every other one is ignored.
    void apply(std::int64_t seq, std::string_view type, const QJsonObject& body);
    void opening(std::int64_t seq, const QJsonObject& body);
    void worldChanged(std::int64_t seq, const QJsonObject& body);
    void receipt(std::int64_t seq, const QJsonObject& body);

    void problem(std::int64_t seq, std::string reason);
    //! An amount of the log or of a table, exactly; nullopt (and a problem) when it is not one.
    std::optional<Money> amount(const std::string& code, const std::string& text, std::int64_t seq, const std::string& where);
    void add(Int128& total, const Money& delta, std::int64_t seq, const std::string& where);
    std::string shown(const std::string& code, Int128 minor) const;
};

struct LedgerReport
{
    std::int64_t receipts = 0;  //!< local-ledger receipts replayed onto the opening balances
    std::int64_t balances = 0;  //!< (account, asset) pairs compared
    std::vector<audit::Problem> problems;
};

/**
 * The money against the log, for `verify`: every balance and lending position recomputed from
 * the log alone — the engine-signed opening (ledger.opened), then the postings of each
 * local-ledger settlement.receipt in order — and compared with the ledger tables; every
 * receipt has its settlement row (executed, pointing at it) and exactly its postings, and no
 * settlement claims an execution or a failure the log contradicts; then SQLite's quick_check.
 * Each mismatch is a problem naming the account and asset, or the settlement and its receipt.
 * Read only; trust the entry bodies only after verifyLog found the log intact.
 */
Result<LedgerReport> verifyLedger(storage::Database& db);

} // namespace cs::settlement
