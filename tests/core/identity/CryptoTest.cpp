// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "core/domain/Encoding.h"
#include "core/identity/Crypto.h"

using namespace cs;
using namespace cs::identity;

//! Ed25519 against RFC 8032, the public-key PEM form and the strict encodings.
class CryptoTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc8032Vectors_data();
    void rfc8032Vectors();
    void tamperedSignatureFails();
    void pemRoundTripAndOpenSsl();
    void pemRejects_data();
    void pemRejects();
    void strictEncodings_data();
    void strictEncodings();
    void fingerprintIsShortAndStable();
};

namespace {

Bytes hex(const char* text)
{
    return *fromHex(text);
}

} // namespace

void CryptoTest::rfc8032Vectors_data()
{
    QTest::addColumn<QByteArray>("seed");
    QTest::addColumn<QByteArray>("publicKey");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("signature");
    // RFC 8032 §7.1, TEST 1 to 3.
    QTest::newRow("test-1-empty")
        << QByteArray("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
        << QByteArray("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a") << QByteArray("")
        << QByteArray("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    QTest::newRow("test-2-one-byte")
        << QByteArray("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")
        << QByteArray("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c") << QByteArray("72")
        << QByteArray("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    QTest::newRow("test-3-two-bytes")
        << QByteArray("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7")
        << QByteArray("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025") << QByteArray("af82")
        << QByteArray("6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a");
}

void CryptoTest::rfc8032Vectors()
{
    QFETCH(QByteArray, seed);
    QFETCH(QByteArray, publicKey);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, signature);
    const Bytes seedBytes = hex(seed.constData());
    const Bytes messageBytes = hex(message.constData());
    const SigningKey key = SigningKey::fromSeed(std::span<const std::uint8_t, 32>(seedBytes.data(), 32));
    QCOMPARE(QByteArray::fromStdString(toHex(key.publicKey())), publicKey);
    const Signature made = key.sign(messageBytes);
    QCOMPARE(QByteArray::fromStdString(toHex(made)), signature);
    QVERIFY(verifySignature(key.publicKey(), messageBytes, made));

    std::array<std::uint8_t, 32> roundTrip{};
    key.copySeed(roundTrip);
    QVERIFY(std::equal(roundTrip.begin(), roundTrip.end(), seedBytes.begin()));
}

void CryptoTest::tamperedSignatureFails()
{
    const SigningKey key = SigningKey::generate();
    const SigningKey other = SigningKey::generate();
    const std::string message = R"({"amount":"25.00","to":"weather-api"})";
    const Signature signature = key.sign(message);
    QVERIFY(verifySignature(key.publicKey(), message, signature));
    for (std::size_t byte : {0u, 31u, 32u, 63u}) {
        Signature flipped = signature;
        flipped[byte] ^= 0x01;
        QVERIFY(!verifySignature(key.publicKey(), message, flipped));
    }
    QVERIFY(!verifySignature(other.publicKey(), message, signature));
    QVERIFY(!verifySignature(key.publicKey(), R"({"amount":"26.00","to":"weather-api"})", signature));
}

void CryptoTest::pemRoundTripAndOpenSsl()
{
    // RFC 8410 §10.1's example public key.
    const std::string example = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
                                "-----END PUBLIC KEY-----\n";
    const auto parsed = publicKeyFromPem(example);
    QVERIFY(parsed.has_value());
    QCOMPARE(toHex(*parsed), std::string("19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1"));
    QCOMPARE(publicKeyToPem(*parsed), example);

    // OpenSSL reads what we write and verifies what we sign.
    const SigningKey key = SigningKey::generate();
    QTemporaryDir dir;
    const QString pem = dir.filePath(QStringLiteral("key.pem"));
    const QString message = dir.filePath(QStringLiteral("message"));
    const QString sig = dir.filePath(QStringLiteral("message.sig"));
    const std::string text = "what is signed is what executes";
    const Signature signature = key.sign(text);
    for (const auto& [path, bytes] : {std::pair{pem, publicKeyToPem(key.publicKey())}, std::pair{message, text},
                                      std::pair{sig, std::string(reinterpret_cast<const char*>(signature.data()), 64)}}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes.data(), static_cast<qint64>(bytes.size()));
    }
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"), {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                                              QStringLiteral("-inkey"), pem, QStringLiteral("-rawin"), QStringLiteral("-in"),
                                              message, QStringLiteral("-sigfile"), sig});
    QVERIFY2(openssl.waitForFinished(30000), "openssl is required (packaging/setup.sh installs it)");
    QCOMPARE(openssl.exitCode(), 0);
    QVERIFY(openssl.readAllStandardOutput().contains("Signature Verified Successfully"));
}

void CryptoTest::pemRejects_data()
{
    QTest::addColumn<QByteArray>("pem");
    QTest::newRow("no-armour") << QByteArray("MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=");
    // An X25519 key (OID 1.3.101.110) is not a signing key.
    QTest::newRow("x25519") << QByteArray("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VuAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n");
    QTest::newRow("short") << QByteArray("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbL\n-----END PUBLIC KEY-----\n");
    QTest::newRow("bad-base64") << QByteArray("-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n");
}

void CryptoTest::pemRejects()
{
    QFETCH(QByteArray, pem);
    const auto parsed = publicKeyFromPem(pem.toStdString());
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().code, ErrorCode::InvalidInput);
}

void CryptoTest::strictEncodings_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("isHex");
    QTest::addColumn<bool>("valid");
    QTest::newRow("hex") << QByteArray("00ff7a") << true << true;
    QTest::newRow("hex-upper") << QByteArray("00FF") << true << false;
    QTest::newRow("hex-odd") << QByteArray("abc") << true << false;
    QTest::newRow("hex-space") << QByteArray("ab cd") << true << false;
    QTest::newRow("b64") << QByteArray("AAECAw==") << false << true;
    QTest::newRow("b64-no-padding") << QByteArray("AAECAw") << false << false;
    QTest::newRow("b64-url-alphabet") << QByteArray("-_8=") << false << false;
    QTest::newRow("b64-whitespace") << QByteArray("AAEC Aw==") << false << false;
    QTest::newRow("b64-stray-bits") << QByteArray("AAECAx==") << false << false;
}

void CryptoTest::strictEncodings()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, isHex);
    QFETCH(bool, valid);
    const auto decoded = isHex ? fromHex(text.toStdString()) : fromBase64(text.toStdString());
    QCOMPARE(decoded.has_value(), valid);
    if (valid)
        QCOMPARE(isHex ? toHex(*decoded) : toBase64(*decoded), text.toStdString());
}

void CryptoTest::fingerprintIsShortAndStable()
{
    const Bytes seed = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    const SigningKey key = SigningKey::fromSeed(std::span<const std::uint8_t, 32>(seed.data(), 32));
    const std::string print = fingerprint(key.publicKey());
    QCOMPARE(print.size(), std::size_t{26});
    QVERIFY(print.starts_with("SHA256:"));
    QCOMPARE(print.substr(7, 4), toHex(sha256(std::span<const std::uint8_t>(key.publicKey()))).substr(0, 4));
    QVERIFY(print != fingerprint(SigningKey::generate().publicKey()));
}

QTEST_GUILESS_MAIN(CryptoTest)
#include "CryptoTest.moc"
