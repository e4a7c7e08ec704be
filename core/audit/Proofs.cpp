// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/Proofs.h"

#include "core/audit/Evidence.h"
#include "core/audit/Merkle.h"
#include "core/audit/LogReads.h"
#include "core/audit/Verifier.h"
#include "core/domain/CanonicalJson.h"
#include "core/domain/Encoding.h"
#include "core/storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cs::audit {

namespace {

ProofCheck invalid(ProofCheck check, std::string reason)
{
    check.valid = false;
    check.reason = std::move(reason);
    return check;
}

} // namespace

Result<QJsonObject> proveInclusion(storage::Database& db, std::int64_t seq, const PublicKey& engineKey)
{
    CS_TRY(entry, readEntry(db, seq));
    CS_TRY(checkpoints, readCheckpoints(db));
    const Checkpoint* covering = nullptr;
    for (const Checkpoint& checkpoint : *checkpoints) {
        if (checkpoint.size >= static_cast<std::uint64_t>(seq))
            covering = &checkpoint; // the newest that covers it: ordered by size
    }
    if (covering == nullptr)
        return fail(ErrorCode::NotFound, "entry " + std::to_string(seq)
                                             + " is not covered by a signed checkpoint yet (one is signed every "
                                               "1000 entries and when the workspace closes)");
    CS_TRY(leaves, readLeafHashes(db, static_cast<std::int64_t>(covering->size)));
    if (leaves->size() != covering->size)
        return fail(ErrorCode::InvalidInput, "the log is shorter than its checkpoint; run verify");
    QJsonArray path;
    const MerkleTree tree(*leaves);
    for (const Hash& hash : tree.inclusionProof(static_cast<std::uint64_t>(seq - 1), covering->size))
        path.append(QString::fromStdString(toHex(hash)));
    const std::string bytes = entryBytes(*entry);
    return QJsonObject{
        {QStringLiteral("format"), QLatin1String(kProofFormat)},
        {QStringLiteral("seq"), static_cast<qint64>(seq)},
        {QStringLiteral("leaf_index"), static_cast<qint64>(seq - 1)},
        {QStringLiteral("entry"), QString::fromStdString(bytes)},
        {QStringLiteral("path"), path},
        {QStringLiteral("checkpoint"), checkpointToJson(*covering, engineKey)},
        {QStringLiteral("engine_key"), QString::fromStdString(identity::publicKeyToPem(engineKey))},
    };
}

Result<ProofCheck> verifyInclusionProof(const QJsonObject& proof, const std::optional<PublicKey>& pinnedKey)
{
    if (proof.value(QStringLiteral("format")).toString() != QLatin1String(kProofFormat))
        return fail(ErrorCode::InvalidInput, "format: not a " + std::string(kProofFormat) + " document");
    const QJsonValue seqValue = proof.value(QStringLiteral("seq"));
    const QJsonValue indexValue = proof.value(QStringLiteral("leaf_index"));
    if (!seqValue.isDouble() || !indexValue.isDouble() || !proof.value(QStringLiteral("entry")).isString()
        || !proof.value(QStringLiteral("path")).isArray())
        return fail(ErrorCode::InvalidInput, "seq, leaf_index, entry and path are required");
    CS_TRY(checkpoint, checkpointFromJson(proof.value(QStringLiteral("checkpoint")).toObject()));
    CS_TRY(carriedKey, identity::publicKeyFromPem(proof.value(QStringLiteral("engine_key")).toString().toStdString()));

    ProofCheck check;
    check.seq = seqValue.toInteger(-1);
    check.checkpointSize = checkpoint->size;
    const std::int64_t index = indexValue.toInteger(-1);
    std::vector<Hash> path;
    for (const QJsonValue& item : proof.value(QStringLiteral("path")).toArray()) {
        auto bytes = fromHex(item.toString().toStdString());
        if (!bytes || bytes->size() != 32)
            return invalid(check, "path: every element must be a 32-byte hash in hex");
        path.push_back(*identity::hashFromBytes(*bytes, "path"));
    }

    const PublicKey engineKey = pinnedKey.value_or(*carriedKey);
    if (pinnedKey && *pinnedKey != *carriedKey)
        return invalid(check, "the proof carries a different engine key than the pinned one");
    if (!verifyCheckpoint(*checkpoint, engineKey))
        return invalid(check, "the checkpoint signature does not verify under the engine key");

    // The entry must be what the proof claims: its own seq, canonical, on the path to the root.
    const std::string entryText = proof.value(QStringLiteral("entry")).toString().toStdString();
    const QJsonObject entry = QJsonDocument::fromJson(QByteArray::fromStdString(entryText)).object();
    check.type = entry.value(QStringLiteral("type")).toString().toStdString();
    if (index != check.seq - 1)
        return invalid(check, "seq, leaf_index and the entry's own seq disagree");
    if (std::string failure = checkEntryInclusion(entryText, index, path, *checkpoint); !failure.empty())
        return invalid(check, "entry: " + failure);

    // A statement the engine signed (a receipt, a decision) is checked too.
    if (entry.value(QStringLiteral("actor")).toString() == QLatin1String("engine")
        && entry.contains(QStringLiteral("sig"))) {
        auto body = canonicalJson(entry.value(QStringLiteral("body")));
        auto sig = fromBase64(entry.value(QStringLiteral("sig")).toString().toStdString());
        auto signature = sig ? identity::signatureFromBytes(*sig, "sig") : Result<Signature>(Unexpected{sig.error()});
        if (!body || !signature || !identity::verifySignature(engineKey, *body, *signature))
            return invalid(check, "the entry's own signature does not verify under the engine key");
    }
    check.valid = true;
    return check;
}

Result<ReceiptExport> exportReceipt(storage::Database& db, std::int64_t seq, const PublicKey& engineKey)
{
    CS_TRY(entry, readEntry(db, seq));
    if (entry->type != types::kSettlementReceipt || entry->actor != "engine" || !entry->signature)
        return fail(ErrorCode::InvalidInput, "entry " + std::to_string(seq) + " is a " + entry->type
                                                 + " entry, not a settlement receipt signed by the engine");
    if (!identity::verifySignature(engineKey, entry->body, *entry->signature))
        return fail(ErrorCode::InvalidInput, "entry " + std::to_string(seq)
                                                 + ": the receipt's signature does not verify; run verify");
    ReceiptExport out{entry->body, *entry->signature, identity::publicKeyToPem(engineKey), std::nullopt};
    if (auto proof = proveInclusion(db, seq, engineKey))
        out.proof = std::move(*proof);
    return out;
}

} // namespace cs::audit
