// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cs::storage {
class Database;
}

namespace cs::store {

// The ledger: balances, lending positions, settlements and their postings. Amounts are the
// stored decimal text; the callers parse them with the asset's decimals (a corrupt row is
// theirs to name).

using BalanceFn = std::function<Result<void>(const std::string& account, const std::string& asset, const std::string& amount)>;
using PositionFn = std::function<Result<void>(const std::string& agent, const std::string& venue, const std::string& asset,
                                              const std::string& amount)>;

//! The stored balance of (account, asset), or nullopt when it has none.
Result<std::optional<std::string>> balance(storage::Database& db, std::string_view account, std::string_view asset);
//! Sets the balance of (account, asset), creating it when it has none.
Result<void> setBalance(storage::Database& db, std::string_view account, std::string_view asset, std::string_view amount);
//! Every balance, ordered by account and asset.
Result<void> forEachBalance(storage::Database& db, const BalanceFn& fn);

Result<std::optional<std::string>> position(storage::Database& db, std::string_view agent, std::string_view venue,
                                            std::string_view asset);
Result<void> setPosition(storage::Database& db, std::string_view agent, std::string_view venue, std::string_view asset,
                         std::string_view amount);
//! Every lending position, ordered by agent, venue and asset.
Result<void> forEachPosition(storage::Database& db, const PositionFn& fn);

//! One double-entry posting of a settlement.
Result<void> insertPosting(storage::Database& db, std::string_view settlement, std::string_view account,
                           std::string_view asset, std::string_view amount);
Result<void> forEachPosting(storage::Database& db,
                            const std::function<Result<void>(const std::string& settlement, const std::string& account,
                                                             const std::string& asset, const std::string& amount)>& fn);
Result<std::int64_t> postingCount(storage::Database& db);
Result<std::int64_t> postingCountOf(storage::Database& db, std::string_view settlement);

struct SettlementRow
{
    std::string idempotencyKey;
    std::string intent;
    std::string agent;
    std::string state; //!< pending, executed, failed, unknown
    std::string reason;
    std::int64_t receiptSeq = 0; //!< 0: none
    Timestamp created;
    Timestamp updated;
};

Result<std::optional<SettlementRow>> findSettlement(storage::Database& db, std::string_view idempotencyKey);
//! A new settlement, 'pending' until its outcome is recorded.
Result<void> insertPendingSettlement(storage::Database& db, std::string_view idempotencyKey, std::string_view intent,
                                     std::string_view agent, Timestamp now);
//! Its state, reason and receipt (0: none).
Result<void> setSettlementState(storage::Database& db, std::string_view idempotencyKey, std::string_view state,
                                std::string_view reason, std::int64_t receiptSeq, Timestamp now);
//! The settlements in `state` (every one when empty), oldest first.
Result<std::vector<SettlementRow>> settlements(storage::Database& db, std::string_view state = {});

} // namespace cs::store
