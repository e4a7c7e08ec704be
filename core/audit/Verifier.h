// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/Entry.h"

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stop_token>
#include <span>
#include <string_view>
#include <vector>

namespace cs::storage {
class Database;
}

namespace cs::audit {

//! One thing found wrong. `seq` is the first entry it concerns (0 when it concerns none).
struct Problem
{
    std::int64_t seq = 0;
    std::string reason;
};

struct VerifyReport
{
    bool intact() const { return problems.empty(); }
    //! The problem with the lowest sequence number: what `verify` names.
    const Problem* first() const;

    std::int64_t entries = 0;
    std::int64_t signedEntries = 0;   //!< entry signatures checked
    std::int64_t coveredEntries = 0;  //!< engine-signed entries covered by a checkpoint instead
    std::int64_t checkpoints = 0;     //!< distinct checkpoint sizes checked (database and files)
    std::int64_t checkpointFiles = 0;
    std::int64_t consistencyProofs = 0;
    std::uint64_t latestCheckpoint = 0; //!< size of the newest signed checkpoint
    Hash root{};                        //!< root over all entries
    std::int64_t receiptsReplayed = 0;  //!< receipts whose postings were recomputed onto the opening balances
    std::int64_t balancesChecked = 0;   //!< balances compared with what the log says
    std::vector<Problem> problems;      //!< at most 100, the earliest first
};

//! Called from the verifying thread with entries checked so far and the total.
using ProgressFn = std::function<void(std::int64_t done, std::int64_t total)>;

struct VerifyOptions
{
    std::filesystem::path checkpointsDir;  //!< checkpoints kept outside the database
    std::optional<PublicKey> engineKey;    //!< pinned; otherwise the one the log registered
    std::optional<PublicKey> keyFileKey;   //!< keys/engine.key's public key, must agree
    ProgressFn progress;
    //! Entries 1..trustedPrefix had their signatures checked before (by this user, under a
    //! checkpoint whose root still holds): only their hashes, chain and roots are checked now.
    std::uint64_t trustedPrefix = 0;
    //! A checkpoint seen earlier and kept outside the workspace: the log must extend it
    //! (its root at that size, consistency with every other checkpoint, never shorter).
    std::optional<Checkpoint> seen;
    //! RFC 9162 consistency proofs between consecutive checkpoints. Every root is recomputed
    //! from the entries anyway, so they add nothing for a verifier holding every entry; the
    //! check before writing skips them, `verify` keeps them (they are what a third party checks).
    bool consistencyProofs = true;
    //! Also the signature of every entry the engine signed under a checkpoint (`verify --full`).
    //! Without it those are covered by the checkpoints (see verifyLog).
    bool engineEntrySignatures = false;
    std::stop_token stop{}; //!< a stop requested ends the verification with Cancelled
};

/**
 * Checks everything an auditor relies on, reading the database once:
 * - the sequence has no gaps, each entry's bytes hash to its stored leaf hash and link to the
 *   previous entry's;
 * - the Merkle root at every checkpointed size equals the signed root, the checkpoints in the
 *   database and in checkpointsDir agree, every checkpoint signature verifies under the
 *   engine key, and consecutive checkpoints are linked by RFC 9162 consistency proofs;
 * - no checkpoint (above all none outside the database) is larger than the log, which is how
 *   a truncated tail or a database replaced by an older copy shows;
 * - every entry that must be signed is, by a registered, active key (on all cores): always
 *   for keys other than the engine's (approvers, risk managers: authority the engine cannot
 *   forge) and for entries after the newest checkpoint. An entry the engine signed at or below
 *   a checkpoint needs no check of its own unless `engineEntrySignatures`: the checkpoint's
 *   engine signature covers the Merkle root, the root is recomputed here from every entry's
 *   bytes (its signature included), so changing one byte of such an entry breaks a root the
 *   engine signed, and only the engine key can sign another. What the engine signed without
 *   being asked (an entry slipped into the database before the engine checkpointed it) cannot
 *   reach a checkpoint either: the engine checkpoints only after the check before its first
 *   write, which checks every signature above the newest checkpoint;
 * - the stored tree state matches the entries.
 * An error result means the log could not be read at all; tampering is a report with problems.
 */
Result<VerifyReport> verifyLog(storage::Database& db, const VerifyOptions& options);

//! One entry, checked for form (not against the chain: that is verifyLog's).
Result<Entry> readEntry(storage::Database& db, std::int64_t seq);

} // namespace cs::audit
