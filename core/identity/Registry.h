// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/AuditLog.h"
#include "core/identity/KeyFile.h"

#include <filesystem>

namespace cs::identity {

inline constexpr const char* kEngineId = "engine";

//! WS/keys/<principal>.key
std::filesystem::path keyFilePath(const std::filesystem::path& keysDir, std::string_view principal);

struct Enrolment
{
    std::vector<audit::Draft> registrations; //!< self-signed identity.registered drafts
    std::optional<SigningKey> engineKey;     //!< when the engine was among those enrolled
};

/**
 * Gives every principal in the database that has no key yet an Ed25519 key: sealed with
 * `passphrase` into keysDir, its public key stored in principals.public_key, and a
 * self-signed identity.registered draft returned (proof that the holder has the secret half).
 * Runs inside the caller's transaction; the caller appends the drafts.
 */
Result<Enrolment> enrolPrincipals(storage::Database& db, const std::filesystem::path& keysDir,
                                                  std::string_view passphrase, KdfCost cost);

enum class KeyStatus { Active, Suspended, Revoked };
std::string_view toString(KeyStatus status);
Result<KeyStatus> parseKeyStatus(std::string_view text);

/**
 * Changes a principal's status and records it as an identity.status_changed entry signed by
 * `actor` (a risk manager or the engine), atomically. A revoked key stays revoked.
 */
Result<audit::Appended> changeStatus(storage::Database& db, std::string_view principal, KeyStatus status,
                                     std::string_view actor, const SigningKey& actorKey, std::string_view reason,
                                     Timestamp now, const audit::CheckpointPolicy& policy);

} // namespace cs::identity
