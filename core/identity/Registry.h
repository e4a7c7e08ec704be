// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Clock.h"
#include "core/identity/KeyFile.h"

#include <QJsonObject>

#include <array>
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

//! A new Ed25519 key for `id` (whose row exists and has none): sealed with `passphrase` at
//! `keyFile`, its public key stored, and the self-signed identity.registered statement (proof
//! that the holder has the secret half). Inside the caller's transaction.
struct Enrolled
{
    SignedStatement registration;
    SigningKey key;
};
Result<Enrolled> enrolPrincipal(storage::Database& db, const std::filesystem::path& keyFile, std::string_view id,
                                std::string_view passphrase, KdfCost cost);

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

//! The roles a principal may have; the engine is only ever the workspace's own.
inline constexpr std::array<std::string_view, 4> kPersonRoles{"agent", "approver", "risk_manager", "analyst"};

//! Who is added: an agent, approver, risk manager or analyst.
struct NewPrincipal
{
    std::string id;
    std::string role;
    std::string displayName;
    std::string description;
};

/**
 * Adds `principal` inside the caller's transaction, authorised by the active risk manager
 * `actor` (whose registered key `actorKey` must be): its row and, unless it is an analyst (who
 * reads everything and signs nothing, so has no key), a new key sealed with `passphrase` at
 * `keyFile`. Returns identity.added signed by `actor`, then the new key's self-signed
 * identity.registered. NotAllowed for anyone but an active risk manager; AlreadyExists for an
 * id that is taken; InvalidInput naming the field otherwise. The caller removes `keyFile` if
 * its transaction does not commit.
 */
Result<std::vector<SignedStatement>> addPrincipal(storage::Database& db, const NewPrincipal& principal,
                                                  const std::filesystem::path& keyFile, std::string_view passphrase,
                                                  KdfCost cost, std::string_view actor, const SigningKey& actorKey,
                                                  Timestamp now);

/**
 * A new key for `principal`, authorised by an active risk manager or by the principal itself
 * (`actorKey`: the actor's registered key): sealed with `passphrase` at `pendingKeyFile`, the
 * registered public key replaced, and identity.key_rotated signed by `actor` returned (it names
 * the old and the new key, so signatures made before it still verify under the old one).
 * Inside the caller's transaction; after it commits, finishKeyRotation() puts the file in place.
 */
Result<SignedStatement> rotateKey(storage::Database& db, std::string_view principal, const std::filesystem::path& pendingKeyFile,
                                  std::string_view passphrase, KdfCost cost, std::string_view actor,
                                  const SigningKey& actorKey);

/**
 * Completes a rotation the database holds: when keys/<principal>.key.new carries `registered`
 * (the key the database has), the old file moves to keys/retired/<principal>.<fingerprint>.key
 * and the new one takes its place; a .new file with any other key (a rotation that never
 * committed) is removed. Safe to call at any time; run before a key is unsealed.
 */
Result<void> finishKeyRotation(const std::filesystem::path& keysDir, std::string_view principal,
                               const PublicKey& registered);

//! keys/<principal>.key.new: where a rotated key waits for its transaction to commit.
std::filesystem::path pendingKeyFilePath(const std::filesystem::path& keysDir, std::string_view principal);

} // namespace cs::identity
