// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/identity/Crypto.h"

#include <filesystem>

namespace cs::identity {

//! Argon2id cost; stored in every key file, so a file always opens with the cost it was sealed with.
struct KdfCost
{
    std::uint64_t opslimit = 0;
    std::uint64_t memlimit = 0; //!< bytes
    bool operator==(const KdfCost&) const = default;
};

//! For real keys: libsodium's MODERATE preset (3 passes over 256 MiB).
inline constexpr KdfCost kSealCost{3, 256ull << 20};
//! For demo keys only: their passphrase ("demo") is public, so cost buys nothing there.
inline constexpr KdfCost kDemoSealCost{1, 8ull << 20};

inline constexpr const char* kKeyFileFormat = "countersign.key/1";

//! What a key file says about itself without the passphrase.
struct KeyFileInfo
{
    std::string principal;
    PublicKey publicKey{};
    KdfCost cost;
};

/**
 * Writes `key` sealed with `passphrase` to `path` (mode 0600, written to a temporary file,
 * synced and renamed): JSON with the principal, the public key, the KDF (argon2id13, opslimit,
 * memlimit, salt), the XChaCha20-Poly1305 nonce and the sealed 32-byte seed. The header is the
 * AEAD's associated data, so changing any of it makes the file fail to open.
 */
Result<void> sealKey(const std::filesystem::path& path, std::string_view principal, const SigningKey& key,
                     std::string_view passphrase, KdfCost cost = kSealCost);

//! Reads the public header; InvalidInput naming the field when the file is malformed.
Result<KeyFileInfo> readKeyFileInfo(const std::filesystem::path& path);

/**
 * Opens a sealed key. Refuses a file readable by group or others (InsecureKeyFile) before
 * reading it; a wrong passphrase (or an altered file) is WrongPassphrase and releases nothing.
 * The derived key and the seed live only in SecretBytes.
 */
Result<SigningKey> unsealKey(const std::filesystem::path& path, std::string_view passphrase);

} // namespace cs::identity
