// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/AuditLog.h"
#include "core/policy/Evaluator.h"
#include "core/policy/Policy.h"
#include "core/simulation/WorldState.h"

namespace cs::storage {
class Database;
}

namespace cs::policy {

struct Published
{
    std::string version;
    std::string name;
    std::string document; //!< canonical JSON
    std::string signer;
    std::int64_t entrySeq = 0;
    Timestamp publishedAt;
};

//! The policy.published draft (countersign.policy-version/1), signed by the risk manager `signer`.
Result<audit::Draft> publicationDraft(const Policy& policy, const std::string& signer, const identity::SigningKey& key);

//! The policies row of a version whose policy.published entry is `entrySeq`; in the caller's transaction.
Result<void> recordPublication(storage::Database& db, const Policy& policy, const std::string& signer,
                               std::int64_t entrySeq, Timestamp now);

/**
 * Publishes `policy` in one transaction: refused when a static check reports an error, when
 * `signer` is not an active risk manager or the version is already published; otherwise the
 * signed policy.published entry and the policies row commit together. From then on it decides.
 */
Result<Published> publishPolicy(storage::Database& db, const Policy& policy, const std::string& signer,
                                const identity::SigningKey& key, Timestamp now, const audit::CheckpointPolicy& checkpoints);

/**
 * Moves the spend of `intent`'s decision on: `committed` when it settles, `released` when it is
 * rejected, expires or fails (it stops counting in every window). Only a reserved spend moves,
 * and only forward; NotFound when there is none. In the caller's transaction.
 */
Result<void> settleSpend(storage::Database& db, const std::string& intent, std::string_view state, Timestamp now);

//! The newest published version, which decides; nullopt when none is published.
Result<std::optional<Published>> activePolicy(storage::Database& db);

//! The newest published policy, read against `world`'s assets; with none published, an empty
//! policy (which denies everything) named "no published policy".
Result<Policy> loadActivePolicy(storage::Database& db, const simulation::WorldState& world);

//! What decisions need from the workspace: `world`'s prices in `reference`, principals' roles,
//! the counterparties settled to so far.
Result<Context> loadContext(storage::Database& db, const simulation::WorldState& world, const Asset& reference);
//! The same into `context`: prices and roles read again, and the counterparties of decisions
//! rows after `paidAfterRowid` that settled added to those it holds.
Result<void> refreshContext(storage::Database& db, const simulation::WorldState& world, const Asset& reference,
                            Context& context, std::int64_t paidAfterRowid);

/**
 * Adds to `windows`, in time order, every reserved or committed spend decided at or after
 * `from` and written after decisions row `afterRowid`, except the spend of `except`.
 */
Result<void> loadSpends(storage::Database& db, SpendWindows& windows, const Context& context,
                        const simulation::WorldState& world, Timestamp from, std::int64_t afterRowid,
                        std::string_view except = {});

} // namespace cs::policy
