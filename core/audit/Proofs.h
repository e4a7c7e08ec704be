// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/Entry.h"

#include <QJsonObject>

#include <optional>

namespace cs::storage {
class Database;
}

namespace cs::audit {

inline constexpr const char* kProofFormat = "countersign.inclusion-proof/1";

/**
 * A self-contained RFC 9162 inclusion proof of entry `seq` against the newest signed checkpoint
 * that covers it: {"format", "seq", "leaf_index", "entry" (the exact entry bytes), "path" (hex,
 * leaf to root), "checkpoint" (as in checkpoints/), "engine_key" (PEM)}. NotFound when the entry
 * is not yet covered by a checkpoint.
 */
Result<QJsonObject> proveInclusion(storage::Database& db, std::int64_t seq, const PublicKey& engineKey);

struct ProofCheck
{
    bool valid = false;
    std::string reason; //!< why not, when not valid
    std::int64_t seq = 0;
    std::string type;
    std::uint64_t checkpointSize = 0;
};

/**
 * Checks a proof with nothing but the proof: the entry hashes to the leaf, the path leads to the
 * checkpoint's root, the checkpoint is signed by the engine key it carries (or by `pinnedKey`,
 * which must then be that key), and an entry the engine signed carries a valid signature.
 * InvalidInput when the document is not a proof at all.
 */
Result<ProofCheck> verifyInclusionProof(const QJsonObject& proof, const std::optional<PublicKey>& pinnedKey);

//! The files of an exported receipt: receipt.json is exactly the signed bytes.
struct ReceiptExport
{
    std::string receiptJson;
    Signature signature{};
    std::string enginePem;
    std::optional<QJsonObject> proof; //!< when a checkpoint covers the entry
};

//! InvalidInput when entry `seq` is not a settlement receipt signed by the engine.
Result<ReceiptExport> exportReceipt(storage::Database& db, std::int64_t seq, const PublicKey& engineKey);

} // namespace cs::audit
