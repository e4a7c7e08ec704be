// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Result.h"
#include "core/domain/Secret.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace cs::identity {

using Hash = std::array<std::uint8_t, 32>;      //!< SHA-256
using PublicKey = std::array<std::uint8_t, 32>; //!< Ed25519 public key
using Signature = std::array<std::uint8_t, 64>; //!< Ed25519 signature

//! sodium_init(); idempotent and thread-safe. Every function below calls it.
void ensureCryptoReady();

Hash sha256(std::span<const std::uint8_t> bytes);
Hash sha256(std::string_view bytes);
//! SHA-256(prefix || bytes): RFC 9162's leaf (0x00) and node (0x01) hashes, without a copy.
Hash sha256Prefixed(std::uint8_t prefix, std::span<const std::uint8_t> bytes);

/**
 * An Ed25519 key pair whose secret half lives in SecretBytes. Signing is deterministic
 * (RFC 8032), so the same key and message always give the same signature.
 */
class SigningKey
{
public:
    static SigningKey generate();
    //! From the 32-byte RFC 8032 private key (the "seed").
    static SigningKey fromSeed(std::span<const std::uint8_t, 32> seed);

    const PublicKey& publicKey() const { return m_public; }
    Signature sign(std::span<const std::uint8_t> message) const;
    Signature sign(std::string_view message) const;
    //! Copies the 32-byte seed into `out` (for sealing only).
    void copySeed(std::span<std::uint8_t, 32> out) const;

private:
    SigningKey() : m_secret(64) {}
    SecretBytes m_secret; //!< libsodium's 64-byte form: seed ‖ public key
    PublicKey m_public{};
};

bool verifySignature(const PublicKey& key, std::span<const std::uint8_t> message, const Signature& signature);
bool verifySignature(const PublicKey& key, std::string_view message, const Signature& signature);

//! SubjectPublicKeyInfo (RFC 8410) PEM, as `openssl pkey -pubin` reads and writes it.
std::string publicKeyToPem(const PublicKey& key);
Result<PublicKey> publicKeyFromPem(std::string_view pem);

//! A short, stable name for a key, shown in the UI: "SHA256:" and the first 16 hex digits of
//! SHA-256(public key), grouped by four.
std::string fingerprint(const PublicKey& key);

//! Fixed-size views of decoded bytes; InvalidInput naming `what` when the length is wrong.
Result<PublicKey> publicKeyFromBytes(std::span<const std::uint8_t> bytes, std::string_view what);
Result<Signature> signatureFromBytes(std::span<const std::uint8_t> bytes, std::string_view what);
Result<Hash> hashFromBytes(std::span<const std::uint8_t> bytes, std::string_view what);


} // namespace cs::identity
