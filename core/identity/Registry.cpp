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
        SigningKey key = SigningKey::generate();
        CS_TRY(sealed, sealKey(keyFilePath(keysDir, id), id, key, passphrase, cost));
        CS_TRY(stored, store::setPrincipalKey(db, id, key.publicKey()));
        const QJsonObject body{
            {QStringLiteral("schema"), QStringLiteral("countersign.identity/1")},
            {QStringLiteral("event"), QStringLiteral("registered")},
            {QStringLiteral("principal"), qs(id)},
            {QStringLiteral("role"), qs(role)},
            {QStringLiteral("public_key"), QString::fromStdString(toBase64(key.publicKey()))},
            {QStringLiteral("fingerprint"), QString::fromStdString(fingerprint(key.publicKey()))},
        };
        CS_TRY(statement, signStatement("identity.registered", id, body, key));
        enrolment.registrations.push_back(std::move(*statement));
        if (id == kEngineId)
            enrolment.engineKey = std::move(key);
    }
    return enrolment;
}

Result<SignedStatement> changeStatus(storage::Database& db, std::string_view principal, KeyStatus status,
                                     std::string_view actor, const SigningKey& actorKey, std::string_view reason)
{
    CS_TRY(subject, store::findPrincipal(db, principal));
    CS_TRY(by, store::findPrincipal(db, actor));
    if (!*subject || !*by)
        return fail(ErrorCode::NotFound, "no principal '" + std::string(principal) + "' or '" + std::string(actor) + "'");
    const std::string from = (*subject)->status;
    const std::string& actorRole = (*by)->role;
    if (actorRole != "risk_manager" && actorRole != "engine")
        return fail(ErrorCode::NotAllowed, "only a risk manager or the engine may change a key's status");
    if ((*by)->status != "active")
        return fail(ErrorCode::NotAllowed, "'" + std::string(actor) + "' is not active");
    const auto& stored = (*by)->publicKey;
    if (!std::equal(stored.begin(), stored.end(), actorKey.publicKey().begin(), actorKey.publicKey().end()))
        return fail(ErrorCode::InvalidInput, "the signing key is not the registered key of '" + std::string(actor) + "'");
    if (from == "revoked")
        return fail(ErrorCode::InvalidInput, "'" + std::string(principal) + "' is revoked; a revoked key stays revoked");
    if (reason.empty())
        return fail(ErrorCode::InvalidInput, "reason: a status change needs a reason");
    const QJsonObject body{
        {QStringLiteral("schema"), QStringLiteral("countersign.identity/1")},
        {QStringLiteral("event"), QStringLiteral("status_changed")},
        {QStringLiteral("principal"), qs(principal)},
        {QStringLiteral("from"), qs(from)},
        {QStringLiteral("to"), qs(toString(status))},
        {QStringLiteral("reason"), qs(reason)},
    };
    CS_TRY(statement, signStatement("identity.status_changed", actor, body, actorKey));
    CS_TRY(updated, store::setPrincipalStatus(db, principal, toString(status)));
    return statement;
}

} // namespace cs::identity
