// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/AuditLog.h"
#include "core/policy/Policy.h"

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
    bool shadow = false; //!< evaluated beside the active version, never enforced
};

//! The policy.published draft (countersign.policy-version/1), signed by the risk manager `signer`;
//! a shadow's carries "mode": "shadow".
Result<audit::Draft> publicationDraft(const Policy& policy, const std::string& signer, const identity::SigningKey& key,
                                      bool shadow = false);

//! The policies row of a version whose policy.published entry is `entrySeq`; in the caller's transaction.
Result<void> recordPublication(storage::Database& db, const Policy& policy, const std::string& signer,
                               std::int64_t entrySeq, Timestamp now);

/**
 * Publishes `policy` in one transaction: refused when a static check reports an error, when
 * `signer` is not an active risk manager or the version is already published; otherwise the
 * signed policy.published entry and the policies row commit together. From then on it decides —
 * or, as a `shadow`, it is evaluated beside the active version on every live decision and never
 * enforced, until it is published again as active (promoted: signed again, the same row) or
 * another version becomes active.
 */
Result<Published> publishPolicy(storage::Database& db, const Policy& policy, const std::string& signer,
                                const identity::SigningKey& key, Timestamp now, const audit::CheckpointPolicy& checkpoints,
                                bool shadow = false);

} // namespace cs::policy
