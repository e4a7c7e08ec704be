// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/identity/Registry.h"

#include "core/domain/CanonicalJson.h"
#include "core/domain/Encoding.h"
#include "core/domain/Ids.h"
#include "core/storage/Database.h"
#include "core/store/Principals.h"

#include <QJsonObject>

#include <algorithm>

namespace cs::identity {

namespace {

Result<SignedStatement> signStatement(const char* type, std::string_view actor, const QJsonObject& body,
                                      const SigningKey& key)
{
    CS_TRY(canonical, canonicalJson(body));
    const Signature signature = key.sign(*canonical);
    return SignedStatement{type, std::string(actor), std::move(*canonical), signature};
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

std::filesystem::path keyFilePath(const std::filesystem::path& keysDir, std::string_view principal)
{
    return keysDir / (std::string(principal) + ".key");
}

std::string_view toString(KeyStatus status)
{
    switch (status) {
    case KeyStatus::Active: return "active";
    case KeyStatus::Suspended: return "suspended";
    case KeyStatus::Revoked: return "revoked";
    }
    return "revoked";
}

Result<KeyStatus> parseKeyStatus(std::string_view text)
{
    for (KeyStatus status : {KeyStatus::Active, KeyStatus::Suspended, KeyStatus::Revoked}) {
        if (toString(status) == text)
            return status;
    }
    return fail(ErrorCode::InvalidInput, "status must be active, suspended or revoked");
}

namespace {

QJsonObject identityBody(const char* event, std::string_view principal)
{
    return {{QStringLiteral("schema"), QStringLiteral("countersign.identity/1")},
            {QStringLiteral("event"), QLatin1String(event)},
            {QStringLiteral("principal"), qs(principal)}};
}

bool sameKey(const std::vector<std::uint8_t>& stored, const PublicKey& key)
{
    return std::equal(stored.begin(), stored.end(), key.begin(), key.end());
}

//! `actor` may sign this change: registered, active, with `actorKey` as its key, and (unless
//! `self` names the actor) a risk manager, or the engine when `engineMay`.
Result<store::PrincipalRow> authorised(storage::Database& db, std::string_view actor, const SigningKey& actorKey,
                                       std::string_view what, bool engineMay, std::string_view self = {})
{
    CS_TRY(by, store::findPrincipal(db, actor));
    if (!*by)
        return fail(ErrorCode::NotFound, "no principal '" + std::string(actor) + "'");
    const std::string& role = (*by)->role;
    if (actor != self && role != "risk_manager" && !(engineMay && role == "engine"))
        return fail(ErrorCode::NotAllowed, "'" + std::string(actor) + "' is " + role + "; only a risk manager may "
                                               + std::string(what));
    if ((*by)->status != "active")
        return fail(ErrorCode::NotAllowed, "'" + std::string(actor) + "' is not active");
    if (!sameKey((*by)->publicKey, actorKey.publicKey()))
        return fail(ErrorCode::InvalidInput, "the signing key is not the registered key of '" + std::string(actor) + "'");
    return std::move(**by);
}

} // namespace

std::filesystem::path pendingKeyFilePath(const std::filesystem::path& keysDir, std::string_view principal)
{
    return keysDir / (std::string(principal) + ".key.new");
}

Result<Enrolled> enrolPrincipal(storage::Database& db, const std::filesystem::path& keyFile, std::string_view id,
                                std::string_view passphrase, KdfCost cost)
{
    CS_TRY(row, store::findPrincipal(db, id));
    if (!*row || !(*row)->publicKey.empty())
        return fail(ErrorCode::Internal, "principal " + std::string(id) + " is missing or has a key already");
    SigningKey key = SigningKey::generate();
    CS_TRY(sealed, sealKey(keyFile, id, key, passphrase, cost));
    CS_TRY(stored, store::setPrincipalKey(db, id, key.publicKey()));
    QJsonObject body = identityBody("registered", id);
    body.insert(QStringLiteral("role"), qs((*row)->role));
    body.insert(QStringLiteral("public_key"), QString::fromStdString(toBase64(key.publicKey())));
    body.insert(QStringLiteral("fingerprint"), QString::fromStdString(fingerprint(key.publicKey())));
    CS_TRY(statement, signStatement("identity.registered", id, body, key));
    return Enrolled{std::move(*statement), std::move(key)};
}

Result<Enrolment> enrolPrincipals(storage::Database& db, const std::filesystem::path& keysDir,
                                                  std::string_view passphrase, KdfCost cost)
{
    // The engine first, then by id.
    std::vector<std::pair<std::string, std::string>> pending;
    CS_TRY(all, store::principals(db));
    for (const store::PrincipalRow& row : *all) {
        if (row.publicKey.empty())
            pending.emplace_back(row.id, row.role);
    }
    std::stable_sort(pending.begin(), pending.end(), [](const auto& a, const auto& b) {
        return std::make_pair(a.second != "engine", a.first) < std::make_pair(b.second != "engine", b.first);
    });
    Enrolment enrolment;
    for (const auto& [id, role] : pending) {
        CS_TRY(enrolled, enrolPrincipal(db, keyFilePath(keysDir, id), id, passphrase, cost));
        enrolment.registrations.push_back(std::move(enrolled->registration));
        if (id == kEngineId)
            enrolment.engineKey = std::move(enrolled->key);
    }
    return enrolment;
}

Result<SignedStatement> changeStatus(storage::Database& db, std::string_view principal, KeyStatus status,
                                     std::string_view actor, const SigningKey& actorKey, std::string_view reason)
{
    CS_TRY(subject, store::findPrincipal(db, principal));
    if (!*subject)
        return fail(ErrorCode::NotFound, "no principal '" + std::string(principal) + "'");
    CS_TRY(by, authorised(db, actor, actorKey, "change a key's status", true));
    const std::string from = (*subject)->status;
    if (from == "revoked")
        return fail(ErrorCode::InvalidInput, "'" + std::string(principal) + "' is revoked; a revoked key stays revoked");
    if (reason.empty())
        return fail(ErrorCode::InvalidInput, "reason: a status change needs a reason");
    if ((*subject)->role == "risk_manager" && from == "active" && status != KeyStatus::Active) {
        // Someone must be left who can add people, resume them and publish policy.
        CS_TRY(all, store::principals(db));
        const auto others = std::count_if(all->begin(), all->end(), [&](const store::PrincipalRow& row) {
            return row.role == "risk_manager" && row.status == "active" && row.id != principal;
        });
        if (others == 0)
            return fail(ErrorCode::NotAllowed, "'" + std::string(principal)
                                                   + "' is the last active risk manager and cannot be suspended or revoked");
    }
    QJsonObject body = identityBody("status_changed", principal);
    body.insert(QStringLiteral("from"), qs(from));
    body.insert(QStringLiteral("to"), qs(toString(status)));
    body.insert(QStringLiteral("reason"), qs(reason));
    CS_TRY(statement, signStatement("identity.status_changed", actor, body, actorKey));
    CS_TRY(updated, store::setPrincipalStatus(db, principal, toString(status)));
    return statement;
}

Result<std::vector<SignedStatement>> addPrincipal(storage::Database& db, const NewPrincipal& principal,
                                                  const std::filesystem::path& keyFile, std::string_view passphrase,
                                                  KdfCost cost, std::string_view actor, const SigningKey& actorKey,
                                                  Timestamp now)
{
    if (!isValidIdentifier(principal.id) || principal.id == kEngineId)
        return fail(ErrorCode::InvalidInput, "id: '" + principal.id + "' is not a principal id (lowercase letters, digits, - and _)");
    if (std::find(kPersonRoles.begin(), kPersonRoles.end(), principal.role) == kPersonRoles.end())
        return fail(ErrorCode::InvalidInput, "role: '" + principal.role + "' is not agent, approver, risk_manager or analyst");
    if (principal.displayName.size() > 200 || principal.description.size() > 2000)
        return fail(ErrorCode::InvalidInput, "name or description: longer than 200 or 2000 bytes");
    CS_TRY(by, authorised(db, actor, actorKey, "add people and agents", false));
    CS_TRY(existing, store::findPrincipal(db, principal.id));
    if (*existing)
        return fail(ErrorCode::AlreadyExists, "id: '" + principal.id + "' is already a principal (" + (*existing)->role + ")");
    const bool signs = principal.role != "analyst";
    if (signs && passphrase.empty())
        return fail(ErrorCode::InvalidInput, "a passphrase for the new key is required");
    const std::string name = principal.displayName.empty() ? principal.id : principal.displayName;
    CS_TRY(inserted, store::insertPrincipal(db, {principal.id, name, principal.role, "active", principal.description, {}, now}));
    std::optional<Enrolled> enrolled;
    if (signs) {
        CS_TRY(made, enrolPrincipal(db, keyFile, principal.id, passphrase, cost));
        enrolled = std::move(*made);
    }
    QJsonObject body = identityBody("added", principal.id);
    body.insert(QStringLiteral("role"), qs(principal.role));
    body.insert(QStringLiteral("name"), qs(name));
    body.insert(QStringLiteral("description"), qs(principal.description));
    if (enrolled) {
        body.insert(QStringLiteral("public_key"), QString::fromStdString(toBase64(enrolled->key.publicKey())));
        body.insert(QStringLiteral("fingerprint"), QString::fromStdString(fingerprint(enrolled->key.publicKey())));
    }
    CS_TRY(added, signStatement("identity.added", actor, body, actorKey));
    std::vector<SignedStatement> statements{std::move(*added)};
    if (enrolled)
        statements.push_back(std::move(enrolled->registration));
    return statements;
}

Result<SignedStatement> rotateKey(storage::Database& db, std::string_view principal, const std::filesystem::path& pendingKeyFile,
                                  std::string_view passphrase, KdfCost cost, std::string_view actor,
                                  const SigningKey& actorKey)
{
    CS_TRY(subject, store::findPrincipal(db, principal));
    if (!*subject)
        return fail(ErrorCode::NotFound, "no principal '" + std::string(principal) + "'");
    CS_TRY(by, authorised(db, actor, actorKey, "rotate another principal's key", false, principal));
    if ((*subject)->status == "revoked")
        return fail(ErrorCode::InvalidInput, "'" + std::string(principal) + "' is revoked; its key is not rotated");
    if ((*subject)->publicKey.size() != 32)
        return fail(ErrorCode::InvalidInput, "'" + std::string(principal) + "' has no key to rotate ("
                                                 + (*subject)->role + ")");
    if ((*subject)->role == "engine")
        return fail(ErrorCode::NotAllowed, "the engine key is not rotated here");
    if (passphrase.empty())
        return fail(ErrorCode::InvalidInput, "a passphrase for the new key is required");
    PublicKey old{};
    std::copy((*subject)->publicKey.begin(), (*subject)->publicKey.end(), old.begin());
    SigningKey key = SigningKey::generate();
    CS_TRY(sealed, sealKey(pendingKeyFile, principal, key, passphrase, cost));
    CS_TRY(stored, store::setPrincipalKey(db, principal, key.publicKey()));
    QJsonObject body = identityBody("key_rotated", principal);
    body.insert(QStringLiteral("old_fingerprint"), QString::fromStdString(fingerprint(old)));
    body.insert(QStringLiteral("public_key"), QString::fromStdString(toBase64(key.publicKey())));
    body.insert(QStringLiteral("fingerprint"), QString::fromStdString(fingerprint(key.publicKey())));
    return signStatement("identity.key_rotated", actor, body, actorKey);
}

Result<void> finishKeyRotation(const std::filesystem::path& keysDir, std::string_view principal, const PublicKey& registered)
{
    namespace fs = std::filesystem;
    const fs::path pending = pendingKeyFilePath(keysDir, principal);
    std::error_code ec;
    if (!fs::exists(pending, ec))
        return {};
    auto info = readKeyFileInfo(pending);
    if (!info || info->publicKey != registered || info->principal != principal) {
        fs::remove(pending, ec); // a rotation that never committed
        return {};
    }
    const fs::path current = keyFilePath(keysDir, principal);
    if (fs::exists(current, ec)) {
        auto old = readKeyFileInfo(current);
        const std::string tag = old ? toHex(sha256(std::span<const std::uint8_t>(old->publicKey))).substr(0, 16)
                                    : std::string("unreadable");
        fs::create_directories(keysDir / "retired", ec);
        fs::rename(current, keysDir / "retired" / (std::string(principal) + "." + tag + ".key"), ec);
        if (ec)
            return fail(ErrorCode::StorageFailed, "retiring " + current.string() + ": " + ec.message());
    }
    fs::rename(pending, current, ec);
    if (ec)
        return fail(ErrorCode::StorageFailed, "moving the new key of " + std::string(principal) + " into place: " + ec.message());
    return {};
}

} // namespace cs::identity
