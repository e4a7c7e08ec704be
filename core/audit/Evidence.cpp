// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/Evidence.h"

#include "core/audit/AuditLog.h"
#include "core/audit/LogReads.h"
#include "core/audit/Merkle.h"
#include "core/audit/Verifier.h"
#include "core/domain/CanonicalJson.h"
#include "core/domain/Encoding.h"
#include "core/storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <set>

namespace cs::audit {

namespace {

std::string entryFile(std::int64_t seq)
{
    char name[40];
    std::snprintf(name, sizeof name, "entries/%012lld.json", static_cast<long long>(seq));
    return name;
}

std::string proofFile(std::int64_t seq)
{
    char name[40];
    std::snprintf(name, sizeof name, "proofs/%012lld.tlog-proof", static_cast<long long>(seq));
    return name;
}

std::string keyFile(const std::string& principal)
{
    return "keys/" + principal + ".pem";
}

QJsonObject parsed(const std::string& bytes)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(bytes)).object();
}

bool isRegistration(std::string_view type)
{
    return type == types::kIdentityRegistered || type == types::kIdentityAdded || type == types::kIdentityKeyRotated;
}

//! Seqs of the entries whose body names `key` as `value` ("intent", "principal"), of `types` when given.
Result<std::vector<std::int64_t>> entriesNaming(storage::Database& db, const char* key, const std::string& value,
                                               std::int64_t before, bool registrations)
{
    // The LIKE narrows, the parsed body decides: a value may appear elsewhere in a body.
    CS_TRY(query, db.prepare("SELECT seq, type, body FROM audit_entries WHERE body LIKE ?1 AND seq < ?2 ORDER BY seq"));
    std::string pattern = "%\"" + std::string(key) + "\":\"";
    for (char c : value)
        pattern += (c == '%' || c == '_') ? '_' : c;
    pattern += "\"%";
    query->bind(1, pattern).bind(2, before);
    std::vector<std::int64_t> seqs;
    CS_TRY(read, storage::eachRow(*query, [&](storage::Statement& row) -> Result<void> {
        if (registrations != isRegistration(row.textViewAt(1)))
            return {};
        if (jsonText(parsed(row.textAt(2)), key) == value)
            seqs.push_back(row.int64At(0));
        return {};
    }));
    return seqs;
}

std::string tlogProof(std::int64_t index, const std::vector<Hash>& path, const std::string& checkpointText)
{
    std::string text = std::string(kTlogProofHeader) + "\nindex " + std::to_string(index) + "\n";
    for (const Hash& hash : path)
        text += toBase64(hash) + "\n";
    return text + "\n" + checkpointText + "\n";
}

struct ParsedProof
{
    std::int64_t index = -1;
    std::vector<Hash> path;
    std::string checkpointText;
};

//! The tlog-proof layout read back; an error says which line is wrong.
std::optional<ParsedProof> parseTlogProof(const std::string& text, std::string& why)
{
    ParsedProof proof;
    std::size_t at = 0;
    const auto line = [&](std::string& out) {
        const std::size_t end = text.find('\n', at);
        if (end == std::string::npos)
            return false;
        out = text.substr(at, end - at);
        at = end + 1;
        return true;
    };
    std::string current;
    if (!line(current) || current != kTlogProofHeader) {
        why = "its first line is not " + std::string(kTlogProofHeader);
        return std::nullopt;
    }
    if (!line(current) || current.rfind("index ", 0) != 0 || current.size() > 26) {
        why = "its second line is not \"index N\"";
        return std::nullopt;
    }
    proof.index = std::strtoll(current.c_str() + 6, nullptr, 10);
    while (line(current) && !current.empty()) {
        auto bytes = fromBase64(current);
        auto hash = bytes ? identity::hashFromBytes(*bytes, "hash") : Result<Hash>(Unexpected{bytes.error()});
        if (!hash || proof.path.size() >= 64) {
            why = "a path line is not a 32-byte hash in base64";
            return std::nullopt;
        }
        proof.path.push_back(*hash);
    }
    if (!line(proof.checkpointText) || at != text.size()) {
        why = "it does not end with one checkpoint line";
        return std::nullopt;
    }
    return proof;
}

} // namespace

std::optional<Registration> registrationIn(const Entry& entry)
{
    if (!isRegistration(entry.type))
        return std::nullopt;
    const QJsonObject body = parsed(entry.body);
    auto bytes = fromBase64(jsonText(body, "public_key"));
    auto key = bytes ? identity::publicKeyFromBytes(*bytes, "public_key") : Result<PublicKey>(Unexpected{bytes.error()});
    return Registration{jsonText(body, "principal"), key ? std::optional<PublicKey>(*key) : std::nullopt};
}

Result<std::optional<PublicKey>> registeredKey(storage::Database& db, const std::string& principal, std::int64_t before)
{
    CS_TRY(registered, entriesNaming(db, "principal", principal, before, true));
    if (registered->empty())
        return std::optional<PublicKey>();
    CS_TRY(registration, readEntry(db, registered->back()));
    return registrationIn(*registration)->key;
}

std::string checkEntryInclusion(const std::string& entryBytes, std::int64_t index, const std::vector<Hash>& path,
                                const Checkpoint& checkpoint)
{
    QJsonParseError error{};
    const QJsonObject entry = QJsonDocument::fromJson(QByteArray::fromStdString(entryBytes), &error).object();
    auto canonical = canonicalJson(entry);
    if (error.error != QJsonParseError::NoError || !canonical || *canonical != entryBytes)
        return "not a canonical audit entry";
    if (entry.value(QStringLiteral("seq")).toInteger(-1) != index + 1 || index < 0)
        return "its seq and the proof's index disagree";
    if (!verifyInclusion(static_cast<std::uint64_t>(index), checkpoint.size, leafHash(asBytes(entryBytes)), path, checkpoint.root))
        return "the audit path does not lead from the entry to the checkpoint's root";
    return {};
}

Result<EvidenceFiles> buildEvidence(storage::Database& db, const std::string& intent, const PublicKey& engineKey)
{
    CS_TRY(transaction, storage::Transaction::beginRead(db));
    CS_TRY(size, logSize(db));
    CS_TRY(ofIntent, entriesNaming(db, "intent", intent, *size + 1, false));
    if (ofIntent->empty())
        return fail(ErrorCode::NotFound, "the log has no entry of intent " + intent);
    std::vector<Entry> entries;
    for (std::int64_t seq : *ofIntent) {
        CS_TRY(entry, readEntry(db, seq));
        entries.push_back(std::move(*entry));
    }
    // Whoever signed besides the engine: the newest registration of their key before it, and so
    // on for whoever signed that registration.
    std::map<std::string, PublicKey> signers; //!< each signer's newest registered key in the bundle
    std::set<std::int64_t> included(ofIntent->begin(), ofIntent->end());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Entry entry = entries[i];
        if (!entry.signature || entry.actor == "engine")
            continue;
        CS_TRY(registered, entriesNaming(db, "principal", entry.actor, entry.seq, true));
        if (registered->empty()) {
            if (entry.type == types::kIdentityRegistered)
                continue; // a self-registration carries its own key
            return fail(ErrorCode::StorageFailed, "no entry before " + std::to_string(entry.seq) + " registers " + entry.actor + "'s key");
        }
        if (!included.insert(registered->back()).second)
            continue;
        CS_TRY(registration, readEntry(db, registered->back()));
        entries.push_back(std::move(*registration));
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.seq < b.seq; });
    for (const Entry& entry : entries) {
        if (!isRegistration(entry.type))
            continue;
        const QJsonObject body = parsed(entry.body);
        auto bytes = fromBase64(jsonText(body, "public_key"));
        auto key = bytes ? identity::publicKeyFromBytes(*bytes, "public_key") : Result<PublicKey>(Unexpected{bytes.error()});
        if (!key)
            return fail(ErrorCode::StorageFailed, "entry " + std::to_string(entry.seq) + " registers no key");
        signers.insert_or_assign(jsonText(body, "principal"), *key); // in log order: the newest wins
    }

    CS_TRY(checkpoints, readCheckpoints(db));
    if (checkpoints->empty() || checkpoints->back().size < static_cast<std::uint64_t>(entries.back().seq))
        return fail(ErrorCode::NotFound, "entry " + std::to_string(entries.back().seq)
                                             + " is not covered by a signed checkpoint yet (one is signed every 1000 "
                                               "entries and when the workspace closes)");
    const Checkpoint& checkpoint = checkpoints->back();
    CS_TRY(leaves, readLeafHashes(db, static_cast<std::int64_t>(checkpoint.size)));
    if (leaves->size() != checkpoint.size)
        return fail(ErrorCode::InvalidInput, "the log is shorter than its checkpoint; run verify");
    const MerkleTree tree(*leaves);
    CS_TRY(checkpointText, canonicalJson(checkpointToJson(checkpoint, engineKey)));

    EvidenceFiles files;
    QJsonArray seqs;
    for (const Entry& entry : entries) {
        seqs.append(static_cast<qint64>(entry.seq));
        files[entryFile(entry.seq)] = entryBytes(entry);
        const auto index = static_cast<std::uint64_t>(entry.seq - 1);
        files[proofFile(entry.seq)] = tlogProof(entry.seq - 1, tree.inclusionProof(index, checkpoint.size), *checkpointText);
    }
    QJsonArray signerIds;
    files[keyFile("engine")] = identity::publicKeyToPem(engineKey);
    for (const auto& [id, key] : signers) {
        signerIds.append(QString::fromStdString(id));
        files[keyFile(id)] = identity::publicKeyToPem(key);
    }
    files["checkpoint.json"] = QJsonDocument(checkpointToJson(checkpoint, engineKey)).toJson(QJsonDocument::Indented).toStdString();
    files["manifest.json"] = QJsonDocument(QJsonObject{{QStringLiteral("format"), QLatin1String(kEvidenceFormat)},
                                                       {QStringLiteral("origin"), QString::fromStdString(checkpoint.origin)},
                                                       {QStringLiteral("intent"), QString::fromStdString(intent)},
                                                       {QStringLiteral("checkpoint_size"), static_cast<qint64>(checkpoint.size)},
                                                       {QStringLiteral("entries"), seqs},
                                                       {QStringLiteral("signers"), signerIds}})
                                 .toJson(QJsonDocument::Indented)
                                 .toStdString();
    return files;
}

namespace {

EvidenceCheck refuse(EvidenceCheck check, std::string file, std::string reason)
{
    check.valid = false;
    check.file = std::move(file);
    check.reason = std::move(reason);
    return check;
}

std::optional<PublicKey> pemKey(const EvidenceFiles& files, const std::string& name)
{
    const auto found = files.find(name);
    if (found == files.end())
        return std::nullopt;
    auto key = identity::publicKeyFromPem(found->second);
    return key ? std::optional<PublicKey>(*key) : std::nullopt;
}

} // namespace

Result<EvidenceCheck> verifyEvidence(const EvidenceFiles& files, const std::optional<PublicKey>& pinnedKey)
{
    const auto manifestFile = files.find("manifest.json");
    const QJsonObject manifest = manifestFile == files.end() ? QJsonObject() : parsed(manifestFile->second);
    if (jsonText(manifest, "format") != kEvidenceFormat)
        return fail(ErrorCode::InvalidInput, "manifest.json: not a " + std::string(kEvidenceFormat) + " bundle");
    EvidenceCheck check;
    check.intent = jsonText(manifest, "intent");

    // The checkpoint, signed by the engine key the bundle carries (or the pinned one).
    const auto engineKey = pemKey(files, keyFile("engine"));
    if (!engineKey)
        return refuse(check, keyFile("engine"), "missing or not an Ed25519 public key in PEM");
    if (pinnedKey && *pinnedKey != *engineKey)
        return refuse(check, keyFile("engine"), "it is not the pinned engine key");
    const auto checkpointFile = files.find("checkpoint.json");
    auto checkpoint = checkpointFile == files.end() ? Result<Checkpoint>(fail(ErrorCode::InvalidInput, "missing"))
                                                    : checkpointFromJson(parsed(checkpointFile->second));
    if (!checkpoint)
        return refuse(check, "checkpoint.json", checkpoint.error().message);
    if (!verifyCheckpoint(*checkpoint, *engineKey))
        return refuse(check, "checkpoint.json", "its signature does not verify under keys/engine.pem");
    check.checkpointSize = checkpoint->size;
    if (manifest.value(QStringLiteral("checkpoint_size")).toInteger(-1) != static_cast<qint64>(checkpoint->size))
        return refuse(check, "manifest.json", "its checkpoint_size is not checkpoint.json's");
    const auto checkpointText = canonicalJson(checkpointToJson(*checkpoint, *engineKey));

    std::set<std::string> accounted{"manifest.json", "checkpoint.json", keyFile("engine")};
    std::map<std::string, PublicKey> registered; // by principal, as the bundle's registrations say
    for (const QJsonValue& value : manifest.value(QStringLiteral("signers")).toArray())
        accounted.insert(keyFile(value.toString().toStdString()));
    for (const QJsonValue& value : manifest.value(QStringLiteral("entries")).toArray()) {
        const std::int64_t seq = value.toInteger(0);
        const std::string name = entryFile(seq);
        const std::string proofName = proofFile(seq);
        accounted.insert(name);
        accounted.insert(proofName);
        const auto entryBytes = files.find(name);
        if (entryBytes == files.end())
            return refuse(check, name, "missing");
        const auto proofText = files.find(proofName);
        if (proofText == files.end())
            return refuse(check, proofName, "missing");
        std::string why;
        const auto proof = parseTlogProof(proofText->second, why);
        if (!proof)
            return refuse(check, proofName, why);
        if (!checkpointText || proof->checkpointText != *checkpointText)
            return refuse(check, proofName, "its checkpoint is not checkpoint.json's");
        if (proof->index != seq - 1)
            return refuse(check, proofName, "its index is not entry " + std::to_string(seq) + "'s");
        if (std::string failure = checkEntryInclusion(entryBytes->second, proof->index, proof->path, *checkpoint); !failure.empty())
            return refuse(check, name, failure + " (this file or " + proofName + " was altered)");
        ++check.entries;

        const QJsonObject entry = parsed(entryBytes->second);
        const std::string type = jsonText(entry, "type");
        const std::string actor = jsonText(entry, "actor");
        const QJsonObject body = entry.value(QStringLiteral("body")).toObject();
        if (!isRegistration(type) && jsonText(body, "intent") != check.intent)
            return refuse(check, name, "it is not an entry of intent " + check.intent);
        // A registration's key: a self-registration proves it by signing with it.
        std::optional<PublicKey> bodyKey;
        if (isRegistration(type) && body.contains(QStringLiteral("public_key"))) {
            auto bytes = fromBase64(jsonText(body, "public_key"));
            auto key = bytes ? identity::publicKeyFromBytes(*bytes, "public_key") : Result<PublicKey>(Unexpected{bytes.error()});
            if (!key)
                return refuse(check, name, "it registers no valid key");
            bodyKey = *key;
        }
        if (entry.contains(QStringLiteral("sig"))) {
            std::optional<PublicKey> key = actor == "engine" ? engineKey : std::nullopt;
            if (const auto found = registered.find(actor); actor != "engine" && found != registered.end())
                key = found->second;
            else if (type == types::kIdentityRegistered && jsonText(body, "principal") == actor)
                key = bodyKey;
            if (!key)
                return refuse(check, name, "signed by " + actor + ", whose key no earlier entry of the bundle registers");
            auto sig = fromBase64(jsonText(entry, "sig"));
            auto signature = sig ? identity::signatureFromBytes(*sig, "sig") : Result<Signature>(Unexpected{sig.error()});
            const auto signedBody = canonicalJson(body);
            if (!signature || !signedBody || !identity::verifySignature(*key, *signedBody, *signature))
                return refuse(check, name, "its signature by " + actor + " does not verify");
            ++check.signatures;
        }
        if (bodyKey)
            registered[jsonText(body, "principal")] = *bodyKey;
    }
    // Each signer's key file is the key the bundle's newest registration of it records.
    for (const auto& [principal, key] : registered) {
        const auto shipped = pemKey(files, keyFile(principal));
        if (accounted.count(keyFile(principal)) != 0 && (!shipped || *shipped != key))
            return refuse(check, keyFile(principal), "it is not the key the bundle's registration of " + principal + " records");
    }
    if (check.entries == 0)
        return refuse(check, "manifest.json", "it lists no entries");
    for (const auto& [name, bytes] : files) {
        if (accounted.count(name) == 0)
            return refuse(check, name, "the manifest does not account for it");
    }
    check.valid = true;
    return check;
}

} // namespace cs::audit
