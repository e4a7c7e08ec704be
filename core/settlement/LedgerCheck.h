// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/Verifier.h"

#include <QJsonObject>

namespace cs::storage {
class Database;
}

namespace cs::settlement {

inline constexpr const char* kLedgerOpeningSchema = "countersign.ledger-opening/1";

//! The signed body of ledger.opened: every balance and lending position as they stand now
//! (at init, before anything settled), amounts as exact decimal strings.
Result<QJsonObject> openingBody(storage::Database& db);

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
