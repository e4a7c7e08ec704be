// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTemporaryDir>
#include <QTest>

#include "core/storage/Database.h"
#include "core/storage/Migrations.h"
#include "tests/support/TestSupport.h"

using namespace cs;
using namespace cs::storage;

namespace {

//! Every object of the schema as SQLite stores its SQL, in a stable order.
QStringList schemaOf(Database& db)
{
    QStringList objects;
    auto query = db.prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema "
                            "ORDER BY type, name");
    while (query && *query->step())
        objects << QString::fromStdString(query->textAt(0));
    return objects;
}

} // namespace

class MigrationsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void freshDatabase();
    void upgradesFromEveryOlderVersion_data();
    void upgradesFromEveryOlderVersion();
    void idempotent();
    void newerSchemaIsRefused();
    void foreignDatabaseIsRefused_data();
    void foreignDatabaseIsRefused();

private:
    Database open();
    std::unique_ptr<QTemporaryDir> m_dir;
};

void MigrationsTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Database MigrationsTest::open()
{
    auto db = Database::open(m_dir->filePath(QStringLiteral("countersign.db")).toStdString(), OpenMode::CreateIfMissing);
    if (!db)
        qFatal("cannot open the test database: %s", db.error().message.c_str());
    return std::move(*db);
}

void MigrationsTest::freshDatabase()
{
    Database db = open();
    QVERIFY(migrate(db).has_value());
    QCOMPARE(*db.queryInt("PRAGMA user_version"), latestSchemaVersion());
    QCOMPARE(*db.queryInt("PRAGMA application_id"), kApplicationId);
    QVERIFY(schemaOf(db).join(u'\n').contains(QLatin1String("table balances")));
}

void MigrationsTest::upgradesFromEveryOlderVersion_data()
{
    QTest::addColumn<int>("from");
    for (int version = 0; version < latestSchemaVersion(); ++version)
        QTest::addRow("from-v%d", version) << version;
}

void MigrationsTest::upgradesFromEveryOlderVersion()
{
    QFETCH(int, from);

    QStringList expectedSchema;
    {
        QTemporaryDir reference;
        auto fresh = Database::open(reference.filePath(QStringLiteral("fresh.db")).toStdString(),
                                    OpenMode::CreateIfMissing);
        QVERIFY(fresh && migrate(*fresh));
        expectedSchema = schemaOf(*fresh);
    }

    Database db = open();
    QVERIFY(migrate(db, from).has_value());
    QCOMPARE(*db.queryInt("PRAGMA user_version"), from);
    // Fill the old database with what a workspace of that version holds.
    int fixtureRows = 0;
    for (int version = 1; version <= from; ++version) {
        const QByteArray sql = test::readData(QStringLiteral("migrations/v%1.sql").arg(version));
        QVERIFY2(!sql.isEmpty(), "every schema version needs a fixture in tests/data/migrations");
        QVERIFY(db.exec(sql.toStdString()).has_value());
        ++fixtureRows;
    }

    const auto migrated = migrate(db);
    QVERIFY2(migrated.has_value(), migrated ? "" : migrated.error().message.c_str());
    QCOMPARE(*db.queryInt("PRAGMA user_version"), latestSchemaVersion());
    QCOMPARE(*db.queryInt("PRAGMA application_id"), kApplicationId);
    QCOMPARE(schemaOf(db), expectedSchema);

    // Since schema version 9 a principal may be an analyst, whatever version the rows came from;
    // the principals rebuilt for it keep every row that refers to them.
    QVERIFY(db.exec("INSERT INTO principals(id, display_name, role, created_ms) VALUES ('new-analyst', 'A', 'analyst', 1)"));
    auto integrity = db.prepare("PRAGMA integrity_check");
    QVERIFY(integrity && *integrity->step());
    QCOMPARE(integrity->textAt(0), std::string("ok"));
    auto foreignKeys = db.prepare("PRAGMA foreign_key_check");
    QVERIFY(foreignKeys && !*foreignKeys->step());

    if (from >= 1) {
        QVERIFY(fixtureRows > 0);
        // An agent and a risk manager from v1, and from v9 on an analyst too.
        QCOMPARE(*db.queryInt("SELECT count(*) FROM principals WHERE id LIKE 'old-%'"), from >= 9 ? 3 : 2);
        auto balance = db.prepare("SELECT amount FROM balances WHERE account = 'old-agent:main' AND asset = 'ETH'");
        QVERIFY(balance && *balance->step());
        QCOMPARE(balance->textAt(0), std::string("170141183460469231731.687303715884105727"));
    }
    if (from >= 6 && from < 8) {
        // A decision from before schema version 8 learns it paid a counterparty nobody had paid.
        QCOMPARE(*db.queryInt("SELECT first_time FROM decisions WHERE intent = 'int-0001'"), 1);
    }
    if (from >= 12) {
        // The proposal an entry names moves from an index over its body into a column (v13);
        // a body that names none, or names something other than a string, leaves it empty.
        QCOMPARE(*db.queryInt("SELECT count(*) FROM audit_entries WHERE intent = 'int-v12' AND body LIKE '%int-v12%'"), 1);
        QCOMPARE(*db.queryInt("SELECT count(*) FROM audit_entries WHERE intent IS NOT NULL AND body NOT LIKE '%\"intent\":\"%'"), 0);
    }
    if (from >= 6) {
        // A version published before shadows existed stays the active one.
        QCOMPARE(*db.queryInt("SELECT count(*) FROM policies WHERE version = 'aa' AND mode = 'active'"), 1);
    }
}

void MigrationsTest::idempotent()
{
    Database db = open();
    QVERIFY(migrate(db).has_value());
    const QStringList before = schemaOf(db);
    QVERIFY(migrate(db).has_value());
    QCOMPARE(schemaOf(db), before);
}

void MigrationsTest::newerSchemaIsRefused()
{
    Database db = open();
    QVERIFY(migrate(db).has_value());
    const int newer = latestSchemaVersion() + 7;
    QVERIFY(db.exec("PRAGMA user_version = " + std::to_string(newer)).has_value());
    const QStringList before = schemaOf(db);

    const auto result = migrate(db);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::SchemaTooNew);
    const QString message = QString::fromStdString(result.error().message);
    QVERIFY2(message.contains(QStringLiteral("schema version %1").arg(newer)), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("newer Countersign")), qPrintable(message));
    QCOMPARE(*db.queryInt("PRAGMA user_version"), newer); // nothing changed
    QCOMPARE(schemaOf(db), before);
}

void MigrationsTest::foreignDatabaseIsRefused_data()
{
    QTest::addColumn<QByteArray>("setup");
    QTest::newRow("other-application-id") << QByteArray("PRAGMA application_id = 1234;");
    QTest::newRow("plain-sqlite-with-tables") << QByteArray("CREATE TABLE notes (body TEXT);");
    QTest::newRow("user-version-without-id") << QByteArray("PRAGMA user_version = 1;");
}

void MigrationsTest::foreignDatabaseIsRefused()
{
    QFETCH(QByteArray, setup);
    Database db = open();
    QVERIFY(db.exec(setup.toStdString()).has_value());
    const QStringList before = schemaOf(db);
    const auto result = migrate(db);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::NotAWorkspace);
    QVERIFY(QString::fromStdString(result.error().message).contains(QLatin1String("not a Countersign")));
    QCOMPARE(schemaOf(db), before);
}

QTEST_GUILESS_MAIN(MigrationsTest)
#include "MigrationsTest.moc"
