// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "core/storage/Database.h"
#include "core/audit/Verifier.h"
#include "core/identity/KeyFile.h"
#include "core/storage/Migrations.h"
#include "core/workspace/DemoSeed.h"
#include "core/workspace/Workspace.h"
#include "tests/support/TestSupport.h"

#include <sys/stat.h>

using namespace cs;
using namespace cs::workspace;

namespace {

const ManualClock kClock(Timestamp{1'795'600'000'000});
//! A workspace that is not a demo: its engine and its first risk manager, each key with a passphrase.
const InitOptions kPlain{.enginePassphrase = "correct horse battery",
                         .riskManager = "mara",
                         .riskManagerName = "Mara Okafor",
                         .riskManagerPassphrase = "staple battery horse"};

std::string textOf(storage::Database& db, const std::string& sql)
{
    auto query = db.prepare(sql);
    return query && *query->step() ? query->textAt(0) : std::string("<no row>");
}

} // namespace

class WorkspaceTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void initEmpty();
    void initNeedsARiskManager_data();
    void initNeedsARiskManager();
    void initDemo();
    void demoBalancesAreExact_data();
    void demoBalancesAreExact();
    void secondInitIsRefused();
    void forceReplaces();
    void refusesForeignDirectories();
    void createsIntoEmptyDirectory();
    void badSeedChangesNothing_data();
    void badSeedChangesNothing();
    void demoIntentsCoverEveryPath();
    void settingsOfNonWorkspace();

private:
    QString ws() const { return m_dir->filePath(QStringLiteral("ws")); }
    storage::Database openDb() const;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void WorkspaceTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

storage::Database WorkspaceTest::openDb() const
{
    auto db = storage::Database::open(QDir(ws()).filePath(QStringLiteral("countersign.db")).toStdString(),
                                      storage::OpenMode::MustExist);
    if (!db)
        qFatal("%s", db.error().message.c_str());
    return std::move(*db);
}

void WorkspaceTest::initEmpty()
{
    const auto settings = initWorkspace(ws().toStdString(), kPlain, kClock);
    QVERIFY2(settings.has_value(), settings ? "" : settings.error().message.c_str());
    QVERIFY(!settings->demo);
    QCOMPARE(settings->createdAt, std::string("2026-11-25T09:46:40.000Z"));
    QVERIFY(QFileInfo(ws() + QStringLiteral("/workspace.json")).isFile());
    QVERIFY(QFileInfo(ws() + QStringLiteral("/checkpoints")).isDir());
    QVERIFY(!QFileInfo::exists(ws() + QStringLiteral("/intents.jsonl")));
    struct stat keys {};
    QCOMPARE(stat(QFile::encodeName(ws() + QStringLiteral("/keys")).constData(), &keys), 0);
    QCOMPARE(keys.st_mode & 0777, 0700u);

    auto db = openDb();
    QCOMPARE(*db.queryInt("PRAGMA user_version"), storage::latestSchemaVersion());
    // The engine and the first risk manager, each with a key sealed by its own passphrase, and the log started.
    QCOMPARE(textOf(db, "SELECT group_concat(id || '=' || role || '=' || display_name) FROM (SELECT * FROM principals ORDER BY id)"),
             std::string("engine=engine=Countersign engine,mara=risk_manager=Mara Okafor"));
    QCOMPARE(textOf(db, "SELECT group_concat(type || ':' || actor) FROM (SELECT type, actor FROM audit_entries ORDER BY seq)"),
             std::string("workspace.created:engine,identity.registered:engine,identity.registered:mara,ledger.opened:engine"));
    QVERIFY(QFileInfo(ws() + QStringLiteral("/checkpoints/000000000004.json")).isFile());
    const std::string maraKey = QString(ws() + QStringLiteral("/keys/mara.key")).toStdString();
    QCOMPARE(identity::unsealKey(maraKey, kPlain.enginePassphrase).error().code, ErrorCode::WrongPassphrase);
    QVERIFY(identity::unsealKey(maraKey, kPlain.riskManagerPassphrase));
    struct stat engineKey {};
    QCOMPARE(stat(QFile::encodeName(ws() + QStringLiteral("/keys/engine.key")).constData(), &engineKey), 0);
    QCOMPARE(engineKey.st_mode & 0777, 0600u);
    const auto info = identity::readKeyFileInfo(QString(ws() + QStringLiteral("/keys/engine.key")).toStdString());
    QVERIFY(info.has_value());
    QVERIFY(info->cost == identity::kSealCost);
    QCOMPARE(identity::unsealKey(QString(ws() + QStringLiteral("/keys/engine.key")).toStdString(), "wrong").error().code,
             ErrorCode::WrongPassphrase);
    QVERIFY(identity::unsealKey(QString(ws() + QStringLiteral("/keys/engine.key")).toStdString(), kPlain.enginePassphrase));
    const auto loaded = loadSettings(ws().toStdString());
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->modelBackend, std::string("rules"));
    // No staging directories are left next to it.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("ws")});
}

void WorkspaceTest::initNeedsARiskManager_data()
{
    QTest::addColumn<QString>("riskManager");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("error");
    QTest::newRow("none") << QString() << QStringLiteral("p") << QStringLiteral("starts with its first risk manager");
    QTest::newRow("not-an-id") << QStringLiteral("Mara O") << QStringLiteral("p") << QStringLiteral("not 'Mara O'");
    QTest::newRow("the-engine") << QStringLiteral("engine") << QStringLiteral("p") << QStringLiteral("not 'engine'");
    QTest::newRow("no-passphrase") << QStringLiteral("mara") << QString() << QStringLiteral("risk manager's key is required");
}

void WorkspaceTest::initNeedsARiskManager()
{
    QFETCH(QString, riskManager);
    QFETCH(QString, passphrase);
    QFETCH(QString, error);
    InitOptions options = kPlain;
    options.riskManager = riskManager.toStdString();
    options.riskManagerPassphrase = passphrase.toStdString();
    const auto refused = initWorkspace(ws().toStdString(), options, kClock);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    QVERIFY2(QString::fromStdString(refused.error().message).contains(error), refused.error().message.c_str());
    // Nothing is left behind.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
}

void WorkspaceTest::initDemo()
{
    const auto settings = initWorkspace(ws().toStdString(), {.demo = true}, kClock);
    QVERIFY2(settings.has_value(), settings ? "" : settings.error().message.c_str());
    QVERIFY(settings->demo);

    auto db = openDb();
    QCOMPARE(textOf(db, "SELECT group_concat(id, ',') FROM (SELECT id FROM principals WHERE role = 'agent' ORDER BY id)"),
             std::string("api-buyer,payroll-bot,trader,treasury-bot"));
    QCOMPARE(textOf(db, "SELECT group_concat(id || '=' || role, ',') FROM (SELECT id, role FROM principals "
                        "WHERE role <> 'agent' ORDER BY id)"),
             std::string("alice=approver,bob=approver,engine=engine,rita=risk_manager"));
    QCOMPARE(textOf(db, "SELECT group_concat(code || ':' || decimals, ',') FROM (SELECT * FROM assets ORDER BY code)"),
             std::string("ETH:18,SOL:9,USDC:6"));
    QCOMPARE(*db.queryInt("SELECT count(*) FROM pools"), 2);
    QCOMPARE(*db.queryInt("SELECT count(*) FROM venues WHERE kind = 'lending'"), 1);
    // Every principal has a real key, sealed with the public demo passphrase, registered
    // (self-signed) in the audit log, and the log verifies.
    QCOMPARE(*db.queryInt("SELECT count(*) FROM principals WHERE length(public_key) = 32"), 8);
    QCOMPARE(*db.queryInt("SELECT count(*) FROM audit_entries WHERE type = 'identity.registered'"), 8);
    for (const char* who : {"alice", "engine", "treasury-bot"}) {
        const std::string path = QString(ws() + QStringLiteral("/keys/")).toStdString() + who + ".key";
        auto key = identity::unsealKey(path, kDemoPassphrase);
        QVERIFY2(key.has_value(), who);
        QCOMPARE(textOf(db, (std::string("SELECT hex(public_key) FROM principals WHERE id = '") + who + "'").c_str()),
                 QByteArray(reinterpret_cast<const char*>(key->publicKey().data()), 32).toHex().toUpper().toStdString());
    }
    audit::VerifyOptions options{ws().toStdString() + "/checkpoints", std::nullopt, std::nullopt, {}, 0, std::nullopt};
    options.engineEntrySignatures = true;
    auto report = audit::verifyLog(db, options);
    QVERIFY(report.has_value());
    QVERIFY2(report->intact(), report->intact() ? "" : report->first()->reason.c_str());
    QCOMPARE(report->entries, 11);
    QCOMPARE(report->signedEntries, 10); // the registrations, the opening balances, the policy
    // By default the opening balances (signed by the engine, under its checkpoint) are covered.
    options.engineEntrySignatures = false;
    report = audit::verifyLog(db, options);
    QVERIFY(report && report->intact());
    QCOMPARE(report->signedEntries, 9);
    QCOMPARE(report->coveredEntries, 1);
    // The demo policy is published, signed by rita, and it is the one that decides.
    QCOMPARE(textOf(db, "SELECT type || ' ' || actor FROM audit_entries WHERE seq = 11"), std::string("policy.published rita"));
    QCOMPARE(textOf(db, "SELECT signer || ' ' || entry_seq FROM policies"), std::string("rita 11"));
    // Some counterparties are on lists and some are not.
    const auto listed = *db.queryInt("SELECT count(*) FROM counterparties c WHERE EXISTS "
                                     "(SELECT 1 FROM list_members m WHERE m.member = c.id)");
    const auto all = *db.queryInt("SELECT count(*) FROM counterparties");
    QVERIFY(listed > 0);
    QVERIFY(listed < all);

    QFile intents(ws() + QStringLiteral("/intents.jsonl"));
    QVERIFY(intents.open(QIODevice::ReadOnly));
    QCOMPARE(intents.readAll(), test::readData(QStringLiteral("../../resources/demo/intents.jsonl")));
}

void WorkspaceTest::demoBalancesAreExact_data()
{
    QTest::addColumn<QByteArray>("account");
    QTest::addColumn<QByteArray>("asset");
    QTest::addColumn<QByteArray>("amount");
    QTest::newRow("treasury-eth") << QByteArray("treasury-bot:main") << QByteArray("ETH") << QByteArray("40.5");
    QTest::newRow("trader-eth") << QByteArray("trader:main") << QByteArray("ETH") << QByteArray("12.75");
    QTest::newRow("api-buyer-usdc") << QByteArray("api-buyer:main") << QByteArray("USDC") << QByteArray("1200");
    QTest::newRow("pool-alpha-eth") << QByteArray("pool:dex-alpha:usdc-eth") << QByteArray("ETH") << QByteArray("1250");
    QTest::newRow("pool-beta-sol") << QByteArray("pool:dex-beta:sol-usdc") << QByteArray("SOL") << QByteArray("60000");
    QTest::newRow("lending-usdc") << QByteArray("venue:lend-one:usdc") << QByteArray("USDC") << QByteArray("12000000");
}

void WorkspaceTest::demoBalancesAreExact()
{
    QFETCH(QByteArray, account);
    QFETCH(QByteArray, asset);
    QFETCH(QByteArray, amount);
    QVERIFY(initWorkspace(ws().toStdString(), {.demo = true}, kClock).has_value());
    auto db = openDb();
    auto query = db.prepare("SELECT amount FROM balances WHERE account = ?1 AND asset = ?2");
    QVERIFY(query.has_value());
    query->bind(1, account.toStdString()).bind(2, asset.toStdString());
    QVERIFY(*query->step());
    QCOMPARE(QByteArray::fromStdString(query->textAt(0)), amount);
}

void WorkspaceTest::secondInitIsRefused()
{
    QVERIFY(initWorkspace(ws().toStdString(), {.demo = true}, kClock).has_value());
    {
        auto db = openDb();
        QVERIFY(db.exec("INSERT INTO workspace_meta(key, value) VALUES ('marker', 'kept')").has_value());
    }
    const auto again = initWorkspace(ws().toStdString(), {.demo = true}, kClock);
    QVERIFY(!again.has_value());
    QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
    QVERIFY(QString::fromStdString(again.error().message).contains(QLatin1String("--force")));
    auto db = openDb();
    QCOMPARE(textOf(db, "SELECT value FROM workspace_meta WHERE key = 'marker'"), std::string("kept"));
}

void WorkspaceTest::forceReplaces()
{
    QVERIFY(initWorkspace(ws().toStdString(), kPlain, kClock).has_value());
    {
        auto db = openDb();
        QVERIFY(db.exec("INSERT INTO workspace_meta(key, value) VALUES ('marker', 'old')").has_value());
    }
    const auto replaced = initWorkspace(ws().toStdString(), {.demo = true, .force = true}, kClock);
    QVERIFY2(replaced.has_value(), replaced ? "" : replaced.error().message.c_str());
    auto db = openDb();
    QCOMPARE(*db.queryInt("SELECT count(*) FROM workspace_meta WHERE key = 'marker'"), 0);
    QCOMPARE(*db.queryInt("SELECT count(*) FROM principals"), 8);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("ws")});
}

void WorkspaceTest::refusesForeignDirectories()
{
    QVERIFY(QDir().mkpath(ws()));
    QFile note(ws() + QStringLiteral("/thesis.txt"));
    QVERIFY(note.open(QIODevice::WriteOnly));
    note.write("precious");
    note.close();
    for (const bool force : {false, true}) {
        const auto result = initWorkspace(ws().toStdString(), {.demo = true, .force = force}, kClock);
        QVERIFY(!result.has_value());
        QVERIFY(QString::fromStdString(result.error().message).contains(QLatin1String("not empty")));
    }
    QCOMPARE(QDir(ws()).entryList(QDir::Files), QStringList{QStringLiteral("thesis.txt")});

    const QString file = m_dir->filePath(QStringLiteral("plain-file"));
    QFile plain(file);
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    const auto onFile = initWorkspace(file.toStdString(), kPlain, kClock);
    QVERIFY(!onFile.has_value());
    QVERIFY(QString::fromStdString(onFile.error().message).contains(QLatin1String("not a directory")));
}

void WorkspaceTest::createsIntoEmptyDirectory()
{
    QVERIFY(QDir().mkpath(ws()));
    QVERIFY(initWorkspace(ws().toStdString(), kPlain, kClock).has_value());
    QVERIFY(QFileInfo(ws() + QStringLiteral("/countersign.db")).isFile());
}

void WorkspaceTest::badSeedChangesNothing_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("error");
    QTest::newRow("excess-decimals") << QByteArray(R"("USDC": "1200")") << QByteArray(R"("USDC": "1200.0000001")")
                                     << "world.accounts[1].balances.USDC: amount has 7 decimal places";
    QTest::newRow("number-amount") << QByteArray(R"("USDC": "1200")") << QByteArray(R"("USDC": 1200)")
                                   << "world.accounts[1].balances.USDC: amounts are decimal strings";
    QTest::newRow("unknown-role") << QByteArray(R"("role": "risk_manager")") << QByteArray(R"("role": "root")")
                                  << "world.principals[6]: ";
    QTest::newRow("bad-identifier") << QByteArray(R"("id": "trader")") << QByteArray(R"("id": "Trader")")
                                    << "world.principals[2].id: must match";
    QTest::newRow("unknown-asset-balance") << QByteArray(R"("SOL": "300")") << QByteArray(R"("BTC": "300")")
                                           << "unknown asset BTC";
}

void WorkspaceTest::badSeedChangesNothing()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, error);
    QByteArray seed = QByteArray::fromStdString(embeddedDemoWorld());
    QVERIFY(seed.contains(from));
    seed.replace(seed.indexOf(from), from.size(), to);

    // A bare database at the latest schema, as initWorkspace seeds it before anything else.
    auto opened = storage::Database::open(m_dir->filePath(QStringLiteral("seed.db")).toStdString(),
                                          storage::OpenMode::CreateIfMissing);
    QVERIFY(opened && storage::migrate(*opened));
    auto& db = *opened;
    const auto seeded = seedDemoWorld(db, seed.toStdString(), kClock);
    QVERIFY(!seeded.has_value());
    QVERIFY2(QString::fromStdString(seeded.error().message).contains(error), seeded.error().message.c_str());
    for (const char* table : {"assets", "principals", "accounts", "balances", "workspace_meta"})
        QCOMPARE(*db.queryInt(std::string("SELECT count(*) FROM ") + table), 0);
}

void WorkspaceTest::demoIntentsCoverEveryPath()
{
    const QByteArray world = QByteArray::fromStdString(embeddedDemoWorld());
    const QJsonObject worldObject = QJsonDocument::fromJson(world).object();
    QSet<QString> agents;
    for (const auto& principal : worldObject.value(QStringLiteral("principals")).toArray()) {
        if (principal.toObject().value(QStringLiteral("role")).toString() == QLatin1String("agent"))
            agents.insert(principal.toObject().value(QStringLiteral("id")).toString());
    }

    const QList<QByteArray> lines = QByteArray::fromStdString(embeddedDemoIntents()).trimmed().split('\n');
    QVERIFY(lines.size() >= 100);
    QSet<QString> ids;
    QSet<QString> paths;
    for (const QByteArray& line : lines) {
        QJsonParseError error;
        const QJsonObject intent = QJsonDocument::fromJson(line, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QString id = intent.value(QStringLiteral("id")).toString();
        QVERIFY2(!ids.contains(id), qPrintable(id));
        ids.insert(id);
        QVERIFY2(agents.contains(intent.value(QStringLiteral("agent")).toString()), qPrintable(id));
        QVERIFY(!intent.value(QStringLiteral("task")).toString().isEmpty());
        paths.insert(intent.value(QStringLiteral("expect")).toString());
        const QString output = intent.value(QStringLiteral("model_output")).toString();
        if (!output.isEmpty())
            QVERIFY2(QFileInfo::exists(test::dataPath(QStringLiteral("../../resources/demo/") + output)),
                     qPrintable(output));
    }
    for (const char* path : {"allow", "approval", "deny", "cap_exhausted", "unlisted_venue", "slippage",
                             "insufficient_funds", "malformed_output", "malicious_output", "cannot_plan"})
        QVERIFY2(paths.contains(QLatin1String(path)), path);
}

void WorkspaceTest::settingsOfNonWorkspace()
{
    QVERIFY(QDir().mkpath(ws()));
    const auto settings = loadSettings(ws().toStdString());
    QVERIFY(!settings.has_value());
    QCOMPARE(settings.error().code, ErrorCode::NotAWorkspace);
    const auto missing = loadSettings(m_dir->filePath(QStringLiteral("nowhere")).toStdString());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(WorkspaceTest)
#include "WorkspaceTest.moc"
