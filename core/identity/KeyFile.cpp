// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/identity/KeyFile.h"

#include "core/domain/CanonicalJson.h"
#include "core/domain/Encoding.h"
#include "core/storage/Files.h"

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <cstring>

namespace cs::identity {

namespace fs = std::filesystem;

namespace {

constexpr const char* kKdfAlgorithm = "argon2id13";
constexpr const char* kCipher = "xchacha20poly1305-ietf";
// Refuse costs no sane file asks for, so a crafted key file cannot exhaust memory or time:
// at most libsodium's SENSITIVE cost (4 passes over 1 GiB, a few seconds); ours is MODERATE.
constexpr std::uint64_t kMaxOpslimit = crypto_pwhash_argon2id_OPSLIMIT_SENSITIVE;
constexpr std::uint64_t kMaxMemlimit = crypto_pwhash_argon2id_MEMLIMIT_SENSITIVE;

QString b64(std::span<const std::uint8_t> bytes)
{
    return QString::fromStdString(toBase64(bytes));
}

struct Header
{
    KeyFileInfo info;
    Bytes salt;
    Bytes nonce;
    Bytes sealed;
    std::string associatedData; //!< canonical JSON of everything but the sealed seed
};

QJsonObject headerJson(std::string_view principal, const PublicKey& key, KdfCost cost,
                       std::span<const std::uint8_t> salt, std::span<const std::uint8_t> nonce)
{
    return {
        {QStringLiteral("format"), QLatin1String(kKeyFileFormat)},
        {QStringLiteral("principal"), QString::fromUtf8(principal.data(), static_cast<qsizetype>(principal.size()))},
        {QStringLiteral("public_key"), b64(key)},
        {QStringLiteral("kdf"),
         QJsonObject{{QStringLiteral("alg"), QLatin1String(kKdfAlgorithm)},
                     {QStringLiteral("opslimit"), static_cast<qint64>(cost.opslimit)},
                     {QStringLiteral("memlimit"), static_cast<qint64>(cost.memlimit)},
                     {QStringLiteral("salt"), b64(salt)}}},
        {QStringLiteral("cipher"),
         QJsonObject{{QStringLiteral("alg"), QLatin1String(kCipher)}, {QStringLiteral("nonce"), b64(nonce)}}},
    };
}

Result<std::string> readSmallFile(const fs::path& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return fail(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::StorageFailed,
                    "opening key file " + path.string() + ": " + std::strerror(errno));
    std::string bytes;
    char buffer[4096];
    ssize_t got = 0;
    while ((got = ::read(fd, buffer, sizeof buffer)) > 0 && bytes.size() < 65536)
        bytes.append(buffer, static_cast<std::size_t>(got));
    ::close(fd);
    if (got < 0)
        return fail(ErrorCode::StorageFailed, "reading key file " + path.string());
    return bytes;
}

Result<Bytes> decodeField(const QJsonObject& object, const char* name, const std::string& where)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (!value.isString())
        return fail(ErrorCode::InvalidInput, where + "." + name + ": missing or not a string");
    auto bytes = fromBase64(value.toString().toStdString());
    if (!bytes)
        return fail(ErrorCode::InvalidInput, where + "." + name + ": " + bytes.error().message);
    return bytes;
}

Result<std::uint64_t> costField(const QJsonObject& kdf, const char* name, std::uint64_t minimum,
                                std::uint64_t maximum, const std::string& where)
{
    const QJsonValue value = kdf.value(QLatin1String(name));
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < static_cast<double>(minimum) || number > static_cast<double>(maximum)
        || number != static_cast<double>(static_cast<std::uint64_t>(number)))
        return fail(ErrorCode::InvalidInput, where + ".kdf." + name + ": must be an integer from "
                                                 + std::to_string(minimum) + " to " + std::to_string(maximum));
    return static_cast<std::uint64_t>(number);
}

Result<Header> parseHeader(const fs::path& path, const std::string& bytes)
{
    const std::string where = path.filename().string();
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(bytes), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorCode::InvalidInput, where + ": not a Countersign key file (not a JSON object)");
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("format")).toString() != QLatin1String(kKeyFileFormat))
        return fail(ErrorCode::InvalidInput, where + ".format: expected \"" + kKeyFileFormat + "\"");
    const QJsonObject kdf = object.value(QStringLiteral("kdf")).toObject();
    const QJsonObject cipher = object.value(QStringLiteral("cipher")).toObject();
    if (kdf.value(QStringLiteral("alg")).toString() != QLatin1String(kKdfAlgorithm))
        return fail(ErrorCode::InvalidInput, where + ".kdf.alg: only \"" + std::string(kKdfAlgorithm) + "\" is supported");
    if (cipher.value(QStringLiteral("alg")).toString() != QLatin1String(kCipher))
        return fail(ErrorCode::InvalidInput, where + ".cipher.alg: only \"" + std::string(kCipher) + "\" is supported");

    Header header;
    header.info.principal = object.value(QStringLiteral("principal")).toString().toStdString();
    CS_TRY(opslimit, costField(kdf, "opslimit", crypto_pwhash_argon2id_OPSLIMIT_MIN, kMaxOpslimit, where));
    CS_TRY(memlimit, costField(kdf, "memlimit", crypto_pwhash_argon2id_MEMLIMIT_MIN, kMaxMemlimit, where));
    header.info.cost = {*opslimit, *memlimit};
    CS_TRY(publicKey, decodeField(object, "public_key", where));
    CS_TRY(key, publicKeyFromBytes(*publicKey, where + ".public_key"));
    header.info.publicKey = *key;
    CS_TRY(salt, decodeField(kdf, "salt", where + ".kdf"));
    CS_TRY(nonce, decodeField(cipher, "nonce", where + ".cipher"));
    CS_TRY(sealed, decodeField(object, "sealed_seed", where));
    if (salt->size() != crypto_pwhash_SALTBYTES || nonce->size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
        || sealed->size() != 32 + crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return fail(ErrorCode::InvalidInput, where + ": salt, nonce or sealed seed has the wrong length");
    header.salt = std::move(*salt);
    header.nonce = std::move(*nonce);
    header.sealed = std::move(*sealed);
    CS_TRY(associated, canonicalJson(headerJson(header.info.principal, header.info.publicKey, header.info.cost,
                                                header.salt, header.nonce)));
    header.associatedData = std::move(*associated);
    return header;
}

Result<SecretBytes> deriveKey(std::string_view passphrase, std::span<const std::uint8_t> salt, KdfCost cost)
{
    SecretBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt.data(), cost.opslimit,
                      cost.memlimit, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return fail(ErrorCode::StorageFailed, "not enough memory to derive the key (Argon2id wants "
                                                  + std::to_string(cost.memlimit >> 20) + " MiB)");
    return key;
}

} // namespace

Result<void> sealKey(const fs::path& path, std::string_view principal, const SigningKey& key,
                     std::string_view passphrase, KdfCost cost)
{
    ensureCryptoReady();
    Bytes salt(crypto_pwhash_SALTBYTES);
    Bytes nonce(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    randombytes_buf(salt.data(), salt.size());
    randombytes_buf(nonce.data(), nonce.size());
    QJsonObject header = headerJson(principal, key.publicKey(), cost, salt, nonce);
    CS_TRY(associated, canonicalJson(header));
    CS_TRY(sealingKey, deriveKey(passphrase, salt, cost));

    SecretBytes seed(32);
    key.copySeed(std::span<std::uint8_t, 32>(seed.data(), 32));
    Bytes sealed(32 + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long sealedSize = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.data(), &sealedSize, seed.data(), seed.size(),
                                               reinterpret_cast<const unsigned char*>(associated->data()),
                                               associated->size(), nullptr, nonce.data(), sealingKey->data());
    header.insert(QStringLiteral("sealed_seed"), b64(sealed));
    return storage::writeFileDurably(path, QJsonDocument(header).toJson(QJsonDocument::Indented).toStdString(), 0600);
}

Result<KeyFileInfo> readKeyFileInfo(const fs::path& path)
{
    CS_TRY(bytes, readSmallFile(path));
    CS_TRY(header, parseHeader(path, *bytes));
    return header->info;
}

Result<SigningKey> unsealKey(const fs::path& path, std::string_view passphrase)
{
    struct stat status{};
    if (::lstat(path.c_str(), &status) != 0)
        return fail(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::StorageFailed,
                    "key file " + path.string() + ": " + std::strerror(errno));
    if (!S_ISREG(status.st_mode))
        return fail(ErrorCode::InsecureKeyFile, "key file " + path.string() + " is not a regular file");
    if ((status.st_mode & 077) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", status.st_mode & 07777);
        return fail(ErrorCode::InsecureKeyFile, "key file " + path.string() + " is readable by group or others (mode "
                                                    + mode + "); refusing it: run chmod 600 on it");
    }
    // The directory too: whoever can write it can swap a key file, whoever can list it learns who signs.
    const fs::path directory = path.has_parent_path() ? path.parent_path() : fs::path(".");
    struct stat folder{};
    if (::stat(directory.c_str(), &folder) == 0 && (folder.st_mode & 077) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", folder.st_mode & 07777);
        return fail(ErrorCode::InsecureKeyFile, "key directory " + directory.string()
                                                    + " is accessible by group or others (mode " + mode
                                                    + "); refusing its keys: run chmod 700 on it");
    }
    CS_TRY(bytes, readSmallFile(path));
    CS_TRY(header, parseHeader(path, *bytes));
    CS_TRY(sealingKey, deriveKey(passphrase, header->salt, header->info.cost));
    SecretBytes seed(32);
    unsigned long long seedSize = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            seed.data(), &seedSize, nullptr, header->sealed.data(), header->sealed.size(),
            reinterpret_cast<const unsigned char*>(header->associatedData.data()), header->associatedData.size(),
            header->nonce.data(), sealingKey->data())
            != 0
        || seedSize != 32)
        return fail(ErrorCode::WrongPassphrase, "wrong passphrase for the key of '" + header->info.principal
                                                    + "' (or the key file was altered)");
    SigningKey key = SigningKey::fromSeed(std::span<const std::uint8_t, 32>(seed.data(), 32));
    if (key.publicKey() != header->info.publicKey)
        return fail(ErrorCode::WrongPassphrase, "key file " + path.string() + " does not hold the key it names");
    return key;
}

} // namespace cs::identity
