// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Clock.h"
#include "core/identity/KeyFile.h"

#include <QJsonObject>

#include <filesystem>

namespace cs::storage {
class Database;
}

namespace cs::identity {

inline constexpr const char* kEngineId = "engine";

//! WS/keys/<principal>.key
std::filesystem::path keyFilePath(const std::filesystem::path& keysDir, std::string_view principal);

//! A statement signed by its actor over its canonical body: what the log records as an entry
//! of `type` (core/audit appends it; identity never writes the log itself).
struct SignedStatement
{
    std::string type;  //!< identity.registered, identity.status_changed
    std::string actor;
    std::string body;  //!< canonical JSON
    Signature signature{};
};

struct Enrolment
{
    std::vector<SignedStatement> registrations; //!< self-signed identity.registered statements
    std::optional<SigningKey> engineKey;        //!< when the engine was among those enrolled
};

/**
 * Gives every principal in the database that has no key yet an Ed25519 key: sealed with
 * `passphrase` into keysDir, its public key stored in principals.public_key, and a
 * self-signed identity.registered statement returned (proof that the holder has the secret
 * half). Runs inside the caller's transaction; the caller appends the statements.
 */
Result<Enrolment> enrolPrincipals(storage::Database& db, const std::filesystem::path& keysDir,
                                                  std::string_view passphrase, KdfCost cost);

enum class KeyStatus { Active, Suspended, Revoked };
std::string_view toString(KeyStatus status);
Result<KeyStatus> parseKeyStatus(std::string_view text);

/**
 * Changes a principal's status inside the caller's transaction and returns the
 * identity.status_changed statement signed by `actor` (a risk manager or the engine), which the
 * caller appends in the same transaction. A revoked key stays revoked.
 */
Result<SignedStatement> changeStatus(storage::Database& db, std::string_view principal, KeyStatus status,
                                     std::string_view actor, const SigningKey& actorKey, std::string_view reason);

} // namespace cs::identity
