// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/Entry.h"

#include <QJsonDocument>

#include <sodium.h>

#include "core/domain/CanonicalJson.h"
#include "core/domain/Encoding.h"
#include "core/domain/Ids.h"

#include <QDateTime>

#include <array>
#include <cstdio>
#include <thread>

namespace cs::audit {

namespace {

struct SignedType
{
    std::string_view type;
    std::string_view schema;
};

constexpr std::array<SignedType, 11> kSignedTypes = {{
    {types::kWorldChanged, "countersign.world-change/1"},
    {types::kIdentityRegistered, "countersign.identity/1"},
    {types::kIdentityAdded, "countersign.identity/1"},
    {types::kIdentityKeyRotated, "countersign.identity/1"},
    {types::kIdentityStatusChanged, "countersign.identity/1"},
    {types::kPolicyPublished, "countersign.policy-version/1"},
    {types::kPolicyDecided, "countersign.decision/1"},
    {types::kApprovalGranted, "countersign.approval/1"},
    {types::kApprovalRejected, "countersign.approval/1"},
    {types::kSettlementReceipt, "countersign.receipt/1"},
    {types::kLedgerOpened, "countersign.ledger-opening/1"},
}};

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

bool isSignedType(std::string_view type)
{
    return !schemaForType(type).empty();
}

std::string_view schemaForType(std::string_view type)
{
    for (const auto& entry : kSignedTypes) {
        if (entry.type == type)
            return entry.schema;
    }
    return {};
}

std::optional<std::string> intentNamed(std::string_view body)
{
    return topLevelString(body, "intent");
}

bool isValidEntryType(std::string_view type)
{
    if (type.empty() || type.size() > 64 || type.front() < 'a' || type.front() > 'z')
        return false;
    for (char c : type) {
        if (!((c >= 'a' && c <= 'z') || c == '.' || c == '_'))
            return false;
    }
    return true;
}

namespace {

//! Why a draft of `type` by `actor` cannot be made, or nothing. `namesItsSchema`: its body's
//! "schema" is the one its type needs; `signed_`: its actor signs it (now or in signDrafts).
Result<void> checkDraft(std::string_view type, std::string_view actor, bool namesItsSchema, bool signed_)
{
    if (!isValidEntryType(type))
        return fail(ErrorCode::InvalidInput, "audit entry type '" + std::string(type) + "' is not [a-z][a-z_.]*");
    if (!isValidIdentifier(actor))
        return fail(ErrorCode::InvalidInput, "audit entry actor must be a principal id");
    const std::string_view schema = schemaForType(type);
    if (!schema.empty() && !namesItsSchema)
        return fail(ErrorCode::InvalidInput, std::string(type) + " entries need \"schema\": \"" + std::string(schema) + "\"");
    if (!schema.empty() && !signed_)
        return fail(ErrorCode::InvalidInput, std::string(type) + " entries must be signed by their actor");
    return {};
}

Result<Draft> prepareDraft(std::string_view type, std::string_view actor, const QJsonObject& body, bool signed_)
{
    const std::string_view schema = schemaForType(type);
    CS_TRY(checked, checkDraft(type, actor, body.value(QStringLiteral("schema")).toString() == qs(schema), signed_));
    CS_TRY(canonical, canonicalJson(body));
    return Draft{std::string(type), std::string(actor), std::move(*canonical), std::nullopt};
}

Result<Draft> prepareDraft(std::string_view type, std::string_view actor, const CanonicalObject& body, bool signed_)
{
    const std::string* schema = body.member("schema");
    CS_TRY(checked, checkDraft(type, actor, schema != nullptr && *schema == "\"" + std::string(schemaForType(type)) + "\"", signed_));
    if (!body.error().empty())
        return fail(ErrorCode::InvalidInput, body.error());
    return Draft{std::string(type), std::string(actor), body.json(), std::nullopt};
}

template<typename Body>
Result<Draft> made(std::string_view type, std::string_view actor, const Body& body, const identity::SigningKey* signer)
{
    CS_TRY(draft, prepareDraft(type, actor, body, signer != nullptr));
    if (signer != nullptr)
        draft->signature = signer->sign(draft->body);
    return std::move(*draft);
}

} // namespace

Result<Draft> makeDraft(std::string_view type, std::string_view actor, const QJsonObject& body,
                        const identity::SigningKey* signer)
{
    return made(type, actor, body, signer);
}

Result<Draft> makeDraft(std::string_view type, std::string_view actor, const CanonicalObject& body,
                        const identity::SigningKey* signer)
{
    return made(type, actor, body, signer);
}

Result<Draft> makeDraftToSign(std::string_view type, std::string_view actor, const QJsonObject& body)
{
    return prepareDraft(type, actor, body, true);
}

Result<Draft> makeDraftToSign(std::string_view type, std::string_view actor, const CanonicalObject& body)
{
    return prepareDraft(type, actor, body, true);
}

namespace {

// A thread costs tens of microseconds; a signature about twenty.
constexpr std::size_t kWorthAThread = 16;

} // namespace

void signDrafts(std::span<Draft* const> drafts, const identity::SigningKey& signer)
{
    DraftSigner signing(signer);
    for (Draft* draft : drafts)
        signing.add(draft);
    signing.finish();
}

DraftSigner::DraftSigner(const identity::SigningKey& signer) : m_signer(signer) {}

DraftSigner::~DraftSigner()
{
    finish();
}

void DraftSigner::add(Draft* draft)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(draft);
    }
    // Signing is pure and the key is only read: the thread and the caller need nothing else shared.
    if (!m_thread.joinable() && m_queue.size() >= kWorthAThread)
        m_thread = std::thread([this] { work(); });
    m_wake.notify_one();
}

Draft* DraftSigner::take()
{
    std::lock_guard lock(m_mutex);
    return m_next < m_queue.size() ? m_queue[m_next++] : nullptr;
}

void DraftSigner::work()
{
    for (;;) {
        Draft* draft = nullptr;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_finishing || m_next < m_queue.size(); });
            if (m_next == m_queue.size())
                return; // finishing, and nothing left
            draft = m_queue[m_next++];
        }
        draft->signature = m_signer.sign(draft->body);
    }
}

void DraftSigner::finish()
{
    {
        std::lock_guard lock(m_mutex);
        m_finishing = true;
    }
    m_wake.notify_one();
    while (Draft* draft = take())
        draft->signature = m_signer.sign(draft->body);
    if (m_thread.joinable())
        m_thread.join();
    std::lock_guard lock(m_mutex);
    m_finishing = false; // more may be handed over, and finished again
}

Result<Draft> draftOf(const identity::SignedStatement& statement)
{
    const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(statement.body)).object();
    // Its signature is the statement's own: checked where the log is verified.
    CS_TRY(checked, checkDraft(statement.type, statement.actor,
                               body.value(QStringLiteral("schema")).toString() == qs(schemaForType(statement.type)), true));
    return Draft{statement.type, statement.actor, statement.body, statement.signature};
}

void entryBytesInto(const Entry& entry, std::string& bytes)
{
    // Keys in sorted order; actor, type and time are ASCII without characters that need escaping
    // (checked on append and again by the verifier), the body is already canonical JSON. Written
    // straight into `bytes`: the verifier builds a million of these.
    static constexpr char kHex[] = "0123456789abcdef";
    bytes.clear();
    bytes.reserve(entry.body.size() + 256);
    bytes += "{\"actor\":\"";
    bytes += entry.actor;
    bytes += "\",\"body\":";
    bytes += entry.body;
    bytes += ",\"prev\":\"";
    for (std::uint8_t byte : entry.prev) {
        bytes += kHex[byte >> 4];
        bytes += kHex[byte & 0x0f];
    }
    bytes += "\",\"seq\":";
    bytes += std::to_string(entry.seq);
    if (entry.signature) {
        char encoded[sodium_base64_ENCODED_LEN(64, sodium_base64_VARIANT_ORIGINAL)];
        sodium_bin2base64(encoded, sizeof encoded, entry.signature->data(), entry.signature->size(),
                          sodium_base64_VARIANT_ORIGINAL);
        bytes += ",\"sig\":\"";
        bytes += encoded;
        bytes += '"';
    }
    bytes += ",\"time\":\"";
    bytes += toIso8601(entry.time);
    bytes += "\",\"type\":\"";
    bytes += entry.type;
    bytes += "\"}";
}

std::string entryBytes(const Entry& entry)
{
    std::string bytes;
    entryBytesInto(entry, bytes);
    return bytes;
}

std::string checkpointSignedBytes(const Checkpoint& checkpoint)
{
    const QJsonObject object{
        {QStringLiteral("origin"), qs(checkpoint.origin)},
        {QStringLiteral("root"), QString::fromStdString(toBase64(checkpoint.root))},
        {QStringLiteral("size"), static_cast<qint64>(checkpoint.size)},
        {QStringLiteral("time"), QString::fromStdString(toIso8601(checkpoint.time))},
    };
    return canonicalJson(object).value(); // only strings and a size far below 2^53
}

QJsonObject checkpointToJson(const Checkpoint& checkpoint, const PublicKey& key)
{
    return {
        {QStringLiteral("checkpoint"),
         QJsonObject{{QStringLiteral("origin"), qs(checkpoint.origin)},
                     {QStringLiteral("root"), QString::fromStdString(toBase64(checkpoint.root))},
                     {QStringLiteral("size"), static_cast<qint64>(checkpoint.size)},
                     {QStringLiteral("time"), QString::fromStdString(toIso8601(checkpoint.time))}}},
        {QStringLiteral("key"), QString::fromStdString(identity::fingerprint(key))},
        {QStringLiteral("signature"), QString::fromStdString(toBase64(checkpoint.signature))},
    };
}

Result<Checkpoint> checkpointFromJson(const QJsonObject& object)
{
    const QJsonObject body = object.value(QStringLiteral("checkpoint")).toObject();
    Checkpoint checkpoint;
    checkpoint.origin = body.value(QStringLiteral("origin")).toString().toStdString();
    const double size = body.value(QStringLiteral("size")).toDouble(-1);
    if (checkpoint.origin.empty() || size < 1 || size > 9007199254740991.0 || size != static_cast<double>(static_cast<std::uint64_t>(size)))
        return fail(ErrorCode::InvalidInput, "checkpoint: origin or size missing or invalid");
    checkpoint.size = static_cast<std::uint64_t>(size);
    auto root = fromBase64(body.value(QStringLiteral("root")).toString().toStdString());
    auto signature = fromBase64(object.value(QStringLiteral("signature")).toString().toStdString());
    if (!root || !signature)
        return fail(ErrorCode::InvalidInput, "checkpoint: root or signature is not base64");
    CS_TRY(rootHash, identity::hashFromBytes(*root, "checkpoint.root"));
    CS_TRY(sig, identity::signatureFromBytes(*signature, "checkpoint.signature"));
    const QDateTime time = QDateTime::fromString(body.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        return fail(ErrorCode::InvalidInput, "checkpoint.time: not an RFC 3339 time");
    checkpoint.root = *rootHash;
    checkpoint.signature = *sig;
    checkpoint.time = Timestamp{time.toMSecsSinceEpoch()};
    return checkpoint;
}

bool verifyCheckpoint(const Checkpoint& checkpoint, const PublicKey& engineKey)
{
    return identity::verifySignature(engineKey, checkpointSignedBytes(checkpoint), checkpoint.signature);
}

std::string checkpointFileName(std::uint64_t size)
{
    char name[32];
    std::snprintf(name, sizeof name, "%012llu.json", static_cast<unsigned long long>(size));
    return name;
}

} // namespace cs::audit
