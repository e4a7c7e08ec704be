// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/Entry.h"

#include <map>
#include <optional>
#include <string>

namespace cs::storage {
class Database;
}

namespace cs::audit {

inline constexpr const char* kEvidenceFormat = "countersign.evidence/1";
inline constexpr const char* kTlogProofHeader = "c2sp.org/tlog-proof@v1";

//! A bundle's files by relative name ("entries/000000000012.json"), exactly their bytes.
using EvidenceFiles = std::map<std::string, std::string>;

/**
 * The evidence for one proposal, checkable by anyone with nothing but the files:
 *   manifest.json                 {format, origin, intent, checkpoint_size, entries: [seq…], signers: [id…]}
 *   checkpoint.json               one engine-signed checkpoint covering every entry (as in checkpoints/)
 *   entries/<seq>.json            each entry of the proposal, exactly its entry bytes; and for each
 *                                 principal other than the engine who signed one, the newest entry
 *                                 before it that registered that principal's key
 *   proofs/<seq>.tlog-proof       its RFC 9162 inclusion proof in the layout of C2SP tlog-proof: the
 *                                 "c2sp.org/tlog-proof@v1" line, "index <leaf index>", the path
 *                                 hashes in base64 one per line, a blank line, then the checkpoint —
 *                                 ours, checkpoint.json's canonical form, because our checkpoint
 *                                 signature is over canonical JSON rather than a signed note
 *   keys/engine.pem, keys/<id>.pem the engine's and each signer's public key (SPKI PEM)
 * It proves each entry is in the log the checkpoint commits to and who signed it; it cannot prove
 * the log holds no other entry of the proposal (a log proves inclusion, not absence).
 * NotFound when the log has no such intent or no checkpoint covers its newest entry yet.
 */
Result<EvidenceFiles> buildEvidence(storage::Database& db, const std::string& intent, const PublicKey& engineKey);

struct EvidenceCheck
{
    bool valid = false;
    std::string file;   //!< the file that does not hold, when not valid
    std::string reason; //!< why
    std::int64_t entries = 0;
    std::int64_t signatures = 0;
    std::uint64_t checkpointSize = 0;
    std::string intent;
};

/**
 * Checks a bundle with nothing but its files (and `pinnedKey`, which must then be the engine key
 * it carries): the checkpoint's signature; every listed entry present, canonical, with its own
 * seq, leading through its proof to the checkpoint's root; every signature in it by the engine's
 * key or by its signer's key as a registration entry of the bundle records it; no file the
 * manifest does not account for. The first file that does not hold is named.
 * InvalidInput when there is no manifest of this format at all.
 */
Result<EvidenceCheck> verifyEvidence(const EvidenceFiles& files, const std::optional<PublicKey>& pinnedKey);

//! What an entry that registers a key (an identity.registered, .added or .key_rotated) names:
//! the principal, and the key (nullopt when it does not parse). Nullopt for any other entry.
struct Registration
{
    std::string principal;
    std::optional<PublicKey> key;
};
std::optional<Registration> registrationIn(const Entry& entry);

//! The key the newest entry before `before` that registers `principal`'s key records (an
//! identity.registered, .added or .key_rotated); nullopt when none does.
Result<std::optional<PublicKey>> registeredKey(storage::Database& db, const std::string& principal, std::int64_t before);

//! The entry's leaf at `index` leads through `path` to `checkpoint`'s root, and the entry is
//! canonical with that seq; empty when so, else why not. (verify-proof and evidence share it.)
std::string checkEntryInclusion(const std::string& entryBytes, std::int64_t index, const std::vector<Hash>& path,
                                const Checkpoint& checkpoint);

} // namespace cs::audit
