// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/identity/Crypto.h"

#include "core/domain/Encoding.h"

#include <openssl/evp.h>
#include <sodium.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <new>

namespace cs::identity {

namespace {

// DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4): SEQUENCE { SEQUENCE { OID
// 1.3.101.112 }, BIT STRING { 0 unused bits, 32 key bytes } }.
constexpr std::array<std::uint8_t, 12> kSpkiPrefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03,
                                                      0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
constexpr std::string_view kPemBegin = "-----BEGIN PUBLIC KEY-----";
constexpr std::string_view kPemEnd = "-----END PUBLIC KEY-----";

template <std::size_t N>
Result<std::array<std::uint8_t, N>> fixed(std::span<const std::uint8_t> bytes, std::string_view what)
{
    if (bytes.size() != N)
        return fail(ErrorCode::InvalidInput, std::string(what) + " must be " + std::to_string(N) + " bytes, not "
                                                 + std::to_string(bytes.size()));
    std::array<std::uint8_t, N> out{};
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return out;
}

} // namespace

void ensureCryptoReady()
{
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        std::abort(); // no safe way on without a working random source
}

namespace {

//! OpenSSL's SHA-256 (the CPU's SHA extensions where it has them), fetched once, with a context
//! per thread: the audit log hashes millions of short inputs, where a lookup per call would cost
//! more than the hash.
EVP_MD_CTX* sha256Context()
{
    static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (md == nullptr || !context || EVP_DigestInit_ex2(context.get(), md, nullptr) != 1)
        std::abort(); // no hash, no log: nothing safe to do but stop
    return context.get();
}

Hash finish(EVP_MD_CTX* context)
{
    Hash out{};
    unsigned int size = 0;
    if (EVP_DigestFinal_ex(context, out.data(), &size) != 1 || size != out.size())
        std::abort();
    return out;
}

} // namespace

Hash sha256(std::span<const std::uint8_t> bytes)
{
    EVP_MD_CTX* context = sha256Context();
    EVP_DigestUpdate(context, bytes.data(), bytes.size());
    return finish(context);
}

Hash sha256Prefixed(std::uint8_t prefix, std::span<const std::uint8_t> bytes)
{
    EVP_MD_CTX* context = sha256Context();
    EVP_DigestUpdate(context, &prefix, 1);
    EVP_DigestUpdate(context, bytes.data(), bytes.size());
    return finish(context);
}

Hash sha256(std::string_view bytes)
{
    return sha256(asBytes(bytes));
}

SigningKey SigningKey::generate()
{
    SigningKey key;
    crypto_sign_keypair(key.m_public.data(), key.m_secret.data());
    return key;
}

SigningKey SigningKey::fromSeed(std::span<const std::uint8_t, 32> seed)
{
    SigningKey key;
    crypto_sign_seed_keypair(key.m_public.data(), key.m_secret.data(), seed.data());
    return key;
}

Signature SigningKey::sign(std::span<const std::uint8_t> message) const
{
    Signature signature{};
    crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(), m_secret.data());
    return signature;
}

Signature SigningKey::sign(std::string_view message) const
{
    return sign(asBytes(message));
}

void SigningKey::copySeed(std::span<std::uint8_t, 32> out) const
{
    crypto_sign_ed25519_sk_to_seed(out.data(), m_secret.data());
}

bool verifySignature(const PublicKey& key, std::span<const std::uint8_t> message, const Signature& signature)
{
    ensureCryptoReady();
    return crypto_sign_verify_detached(signature.data(), message.data(), message.size(), key.data()) == 0;
}

bool verifySignature(const PublicKey& key, std::string_view message, const Signature& signature)
{
    return verifySignature(key, asBytes(message), signature);
}

std::string publicKeyToPem(const PublicKey& key)
{
    Bytes der(kSpkiPrefix.begin(), kSpkiPrefix.end());
    der.insert(der.end(), key.begin(), key.end());
    return std::string(kPemBegin) + "\n" + toBase64(der) + "\n" + std::string(kPemEnd) + "\n";
}

Result<PublicKey> publicKeyFromPem(std::string_view pem)
{
    const auto begin = pem.find(kPemBegin);
    const auto end = pem.find(kPemEnd);
    if (begin == std::string_view::npos || end == std::string_view::npos || end < begin)
        return fail(ErrorCode::InvalidInput, "not a PEM public key (no BEGIN/END PUBLIC KEY lines)");
    std::string body;
    for (char c : pem.substr(begin + kPemBegin.size(), end - begin - kPemBegin.size())) {
        if (c != '\n' && c != '\r')
            body.push_back(c);
    }
    CS_TRY(der, fromBase64(body));
    if (der->size() != kSpkiPrefix.size() + 32 || !std::equal(kSpkiPrefix.begin(), kSpkiPrefix.end(), der->begin()))
        return fail(ErrorCode::InvalidInput, "PEM public key is not an Ed25519 SubjectPublicKeyInfo");
    return publicKeyFromBytes(std::span(*der).subspan(kSpkiPrefix.size()), "public key");
}

std::string fingerprint(const PublicKey& key)
{
    const Hash digest = sha256(std::span<const std::uint8_t>(key));
    const std::string hex = toHex(std::span(digest).first(8));
    return "SHA256:" + hex.substr(0, 4) + ":" + hex.substr(4, 4) + ":" + hex.substr(8, 4) + ":" + hex.substr(12, 4);
}

Result<PublicKey> publicKeyFromBytes(std::span<const std::uint8_t> bytes, std::string_view what)
{
    return fixed<32>(bytes, what);
}

Result<Signature> signatureFromBytes(std::span<const std::uint8_t> bytes, std::string_view what)
{
    return fixed<64>(bytes, what);
}

Result<Hash> hashFromBytes(std::span<const std::uint8_t> bytes, std::string_view what)
{
    return fixed<32>(bytes, what);
}


} // namespace cs::identity
