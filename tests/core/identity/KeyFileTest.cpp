// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <QTest>

#include "core/domain/Encoding.h"
#include "core/identity/KeyFile.h"

#include <sys/stat.h>

using namespace cs;
using namespace cs::identity;

//! Sealed key files: what opens them, what refuses them, and what they keep secret.
class KeyFileTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void sealAndUnseal();
    void wrongPassphraseReleasesNothing();
    void refusesFilesOthersCanRead_data();
    void refusesFilesOthersCanRead();
    void refusesDirectoriesOthersCanReach_data();
    void refusesDirectoriesOthersCanReach();
    void processIsNotDumpable();
    void kdfParametersComeFromTheFile();
    void alteredHeaderDoesNotOpen_data();
    void alteredHeaderDoesNotOpen();
    void seedNeverInTheClear();

private:
    std::string path(const char* name = "alice.key") const { return m_dir->filePath(QLatin1String(name)).toStdString(); }
    QJsonObject readJson() const;
    void writeJson(const QJsonObject& object) const;
    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {
// Cheap parameters keep the test fast; kSealCost itself is exercised by WorkspaceTest::initEmpty.
constexpr KdfCost kTestCost{2, 16ull << 20};
} // namespace

void KeyFileTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QJsonObject KeyFileTest::readJson() const
{
    QFile file(QString::fromStdString(path()));
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

void KeyFileTest::writeJson(const QJsonObject& object) const
{
    QFile file(QString::fromStdString(path()));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(object).toJson());
}

void KeyFileTest::sealAndUnseal()
{
    const SigningKey key = SigningKey::generate();
    QVERIFY(sealKey(path(), "alice", key, "correct horse", kTestCost));
    struct stat status{};
    QCOMPARE(::stat(path().c_str(), &status), 0);
    QCOMPARE(status.st_mode & 0777, 0600u);
    QVERIFY(!QFile::exists(QString::fromStdString(path() + ".tmp")));

    const auto opened = unsealKey(path(), "correct horse");
    QVERIFY2(opened.has_value(), opened ? "" : opened.error().message.c_str());
    QVERIFY(opened->publicKey() == key.publicKey());
    QVERIFY(opened->sign("x") == key.sign("x"));

    const auto info = readKeyFileInfo(path());
    QVERIFY(info.has_value());
    QCOMPARE(info->principal, std::string("alice"));
    QVERIFY(info->publicKey == key.publicKey());
}

void KeyFileTest::wrongPassphraseReleasesNothing()
{
    const SigningKey key = SigningKey::generate();
    QVERIFY(sealKey(path(), "alice", key, "correct horse", kTestCost));
    for (const char* wrong : {"", "correct horse ", "Correct horse", "demo"}) {
        const auto opened = unsealKey(path(), wrong);
        QVERIFY(!opened.has_value());
        QCOMPARE(opened.error().code, ErrorCode::WrongPassphrase);
        QVERIFY2(QString::fromStdString(opened.error().message).contains(QLatin1String("wrong passphrase for the key of 'alice'")),
                 opened.error().message.c_str());
    }
    QCOMPARE(unsealKey(path("missing.key"), "x").error().code, ErrorCode::NotFound);
}

void KeyFileTest::refusesFilesOthersCanRead_data()
{
    QTest::addColumn<uint>("mode");
    QTest::addColumn<bool>("opens");
    QTest::newRow("0600") << 0600u << true;
    QTest::newRow("0400") << 0400u << true;
    QTest::newRow("0640-group") << 0640u << false;
    QTest::newRow("0604-others") << 0604u << false;
    QTest::newRow("0644") << 0644u << false;
    QTest::newRow("0660") << 0660u << false;
}

void KeyFileTest::refusesFilesOthersCanRead()
{
    QFETCH(uint, mode);
    QFETCH(bool, opens);
    QVERIFY(sealKey(path(), "alice", SigningKey::generate(), "pw", kTestCost));
    QCOMPARE(::chmod(path().c_str(), mode), 0);
    const auto opened = unsealKey(path(), "pw");
    QCOMPARE(opened.has_value(), opens);
    if (!opens) {
        QCOMPARE(opened.error().code, ErrorCode::InsecureKeyFile);
        QVERIFY2(QString::fromStdString(opened.error().message).contains(QStringLiteral("(mode 0%1)").arg(mode, 0, 8)),
                 opened.error().message.c_str());
    }
}

void KeyFileTest::refusesDirectoriesOthersCanReach_data()
{
    QTest::addColumn<uint>("mode");
    QTest::addColumn<bool>("opens");
    QTest::newRow("0700") << 0700u << true;
    QTest::newRow("0750-group") << 0750u << false;
    QTest::newRow("0701-others") << 0701u << false;
    QTest::newRow("0755") << 0755u << false;
}

void KeyFileTest::refusesDirectoriesOthersCanReach()
{
    QFETCH(uint, mode);
    QFETCH(bool, opens);
    const std::string keys = m_dir->filePath(QStringLiteral("keys")).toStdString();
    QCOMPARE(::mkdir(keys.c_str(), 0700), 0);
    const std::string file = keys + "/alice.key";
    QVERIFY(sealKey(file, "alice", SigningKey::generate(), "pw", kTestCost));
    QCOMPARE(::chmod(keys.c_str(), mode), 0);
    const auto opened = unsealKey(file, "pw");
    QCOMPARE(opened.has_value(), opens);
    if (!opens) {
        QCOMPARE(opened.error().code, ErrorCode::InsecureKeyFile);
        QVERIFY2(QString::fromStdString(opened.error().message).contains(QStringLiteral("key directory")),
                 opened.error().message.c_str());
    }
}

void KeyFileTest::processIsNotDumpable()
{
    // What both binaries call first: no core file, and /proc/PID/mem closed to the user's other processes.
    disableCoreDumps();
    rlimit core{};
    QCOMPARE(getrlimit(RLIMIT_CORE, &core), 0);
    QCOMPARE(core.rlim_cur, rlim_t(0));
    QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
}

void KeyFileTest::kdfParametersComeFromTheFile()
{
    // Two files sealed with different costs both open: the cost is read from each file.
    const KdfCost other{3, 32ull << 20};
    QVERIFY(sealKey(path(), "alice", SigningKey::generate(), "pw", kTestCost));
    QVERIFY(sealKey(path("bob.key"), "bob", SigningKey::generate(), "pw", other));
    QVERIFY(readKeyFileInfo(path())->cost == kTestCost);
    QVERIFY(readKeyFileInfo(path("bob.key"))->cost == other);
    QVERIFY(unsealKey(path(), "pw").has_value());
    QVERIFY(unsealKey(path("bob.key"), "pw").has_value());

    const QJsonObject kdf = readJson().value(QStringLiteral("kdf")).toObject();
    QCOMPARE(kdf.value(QStringLiteral("alg")).toString(), QStringLiteral("argon2id13"));
    QCOMPARE(kdf.value(QStringLiteral("opslimit")).toInteger(), qint64(2));
    QCOMPARE(kdf.value(QStringLiteral("memlimit")).toInteger(), qint64(16 << 20));
    QCOMPARE(fromBase64(kdf.value(QStringLiteral("salt")).toString().toStdString())->size(), std::size_t{16});
}

void KeyFileTest::alteredHeaderDoesNotOpen_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("code");
    // The header is the AEAD's associated data: changing it makes the seal fail to open.
    QTest::newRow("principal") << QStringLiteral("principal") << QJsonValue(QStringLiteral("bob"))
                               << int(ErrorCode::WrongPassphrase);
    QTest::newRow("public-key") << QStringLiteral("public_key")
                                << QJsonValue(QStringLiteral("Gb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="))
                                << int(ErrorCode::WrongPassphrase);
    QTest::newRow("opslimit") << QStringLiteral("kdf.opslimit") << QJsonValue(3) << int(ErrorCode::WrongPassphrase);
    QTest::newRow("absurd-memlimit") << QStringLiteral("kdf.memlimit") << QJsonValue(qint64(64) << 30)
                                     << int(ErrorCode::InvalidInput);
    QTest::newRow("zero-opslimit") << QStringLiteral("kdf.opslimit") << QJsonValue(0) << int(ErrorCode::InvalidInput);
    // The review's crafted file: 4 GiB took 4.2 GB and over a minute; refused before any work.
    QTest::newRow("memlimit-4gib") << QStringLiteral("kdf.memlimit") << QJsonValue(qint64(4) << 30) << int(ErrorCode::InvalidInput);
    QTest::newRow("memlimit-over-1gib") << QStringLiteral("kdf.memlimit") << QJsonValue((qint64(1) << 30) + 1024)
                                        << int(ErrorCode::InvalidInput);
    QTest::newRow("opslimit-5") << QStringLiteral("kdf.opslimit") << QJsonValue(5) << int(ErrorCode::InvalidInput);
    QTest::newRow("other-kdf") << QStringLiteral("kdf.alg") << QJsonValue(QStringLiteral("scrypt"))
                               << int(ErrorCode::InvalidInput);
    QTest::newRow("format") << QStringLiteral("format") << QJsonValue(QStringLiteral("countersign.key/2"))
                            << int(ErrorCode::InvalidInput);
    QTest::newRow("short-nonce") << QStringLiteral("cipher.nonce") << QJsonValue(QStringLiteral("AAAA"))
                                 << int(ErrorCode::InvalidInput);
    QTest::newRow("sealed-seed") << QStringLiteral("sealed_seed") << QJsonValue(QStringLiteral("AAAA"))
                                 << int(ErrorCode::InvalidInput);
}

void KeyFileTest::alteredHeaderDoesNotOpen()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(int, code);
    QVERIFY(sealKey(path(), "alice", SigningKey::generate(), "pw", kTestCost));
    QJsonObject object = readJson();
    if (field.contains(u'.')) {
        const QString outer = field.section(u'.', 0, 0);
        QJsonObject inner = object.value(outer).toObject();
        inner.insert(field.section(u'.', 1), value);
        object.insert(outer, inner);
    } else {
        object.insert(field, value);
    }
    writeJson(object);
    QCOMPARE(::chmod(path().c_str(), 0600), 0);
    const auto opened = unsealKey(path(), "pw");
    QVERIFY(!opened.has_value());
    QCOMPARE(int(opened.error().code), code);
}

void KeyFileTest::seedNeverInTheClear()
{
    const Bytes seed(32, 0x5a);
    const SigningKey key = SigningKey::fromSeed(std::span<const std::uint8_t, 32>(seed.data(), 32));
    QVERIFY(sealKey(path(), "alice", key, "pw", kTestCost));
    QFile file(QString::fromStdString(path()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const QByteArray raw(reinterpret_cast<const char*>(seed.data()), 32);
    QVERIFY(!bytes.contains(raw));
    QVERIFY(!bytes.contains(raw.toHex()));
    QVERIFY(!bytes.contains(raw.toBase64()));
    QVERIFY(!bytes.contains("pw\""));
}

QTEST_GUILESS_MAIN(KeyFileTest)
#include "KeyFileTest.moc"
