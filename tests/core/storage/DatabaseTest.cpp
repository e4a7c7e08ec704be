// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTemporaryDir>
#include <QTest>

#include "core/storage/Database.h"
#include "core/storage/DbWriter.h"

#include <set>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

using namespace cs;
using namespace cs::storage;

class DatabaseTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void pragmas();
    void statementsBindAndRead();
    void transactionRollsBackUnlessCommitted();
    void missingFile();
    void notADatabase();
    void lockedByAnotherProcess();
    void writerThreadOwnsTheConnection();
    void writerReturnsErrors();

private:
    std::string path() const { return m_dir->filePath(QStringLiteral("test.db")).toStdString(); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void DatabaseTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void DatabaseTest::pragmas()
{
    auto db = Database::open(path(), OpenMode::CreateIfMissing);
    QVERIFY(db.has_value());
    QCOMPARE(*db->queryInt("PRAGMA foreign_keys"), 1);
    QCOMPARE(*db->queryInt("PRAGMA synchronous"), 2); // FULL
    auto mode = db->prepare("PRAGMA journal_mode");
    QVERIFY(mode && *mode->step());
    QCOMPARE(mode->textAt(0), std::string("wal"));
}

void DatabaseTest::statementsBindAndRead()
{
    auto db = Database::open(path(), OpenMode::CreateIfMissing);
    QVERIFY(db.has_value());
    QVERIFY(db->exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, note TEXT)").has_value());
    auto insert = db->prepare("INSERT INTO t(id, name, note) VALUES (?1, ?2, ?3)");
    QVERIFY(insert.has_value());
    const std::string withNul("a\0b", 3);
    QVERIFY(insert->bind(1, std::int64_t{7}).bind(2, std::string_view(withNul)).bindNull(3).run().has_value());
    QVERIFY(insert->bind(1, std::int64_t{8}).bind(2, std::string_view("Grüße ✓")).bind(3, std::string_view("x")).run());

    auto select = db->prepare("SELECT id, name, note FROM t ORDER BY id");
    QVERIFY(select.has_value());
    QVERIFY(*select->step());
    QCOMPARE(select->int64At(0), std::int64_t{7});
    QCOMPARE(select->textAt(1), withNul);
    QVERIFY(select->isNullAt(2));
    QVERIFY(*select->step());
    QCOMPARE(select->textAt(1), std::string("Grüße ✓"));
    QVERIFY(!*select->step());

    // A constraint violation is an error naming SQLite's reason, not a crash.
    const auto duplicate = insert->bind(1, std::int64_t{7}).bind(2, std::string_view("dup")).bindNull(3).run();
    QVERIFY(!duplicate.has_value());
    QVERIFY(QString::fromStdString(duplicate.error().message).contains(QLatin1String("UNIQUE")));
    QVERIFY(!db->prepare("SELEKT 1").has_value());
}

void DatabaseTest::transactionRollsBackUnlessCommitted()
{
    auto db = Database::open(path(), OpenMode::CreateIfMissing);
    QVERIFY(db.has_value());
    QVERIFY(db->exec("CREATE TABLE t (v INTEGER)").has_value());
    {
        auto transaction = Transaction::begin(*db);
        QVERIFY(transaction.has_value());
        QVERIFY(db->exec("INSERT INTO t VALUES (1)").has_value());
        // destroyed without commit
    }
    QCOMPARE(*db->queryInt("SELECT count(*) FROM t"), 0);
    {
        auto transaction = Transaction::begin(*db);
        QVERIFY(db->exec("INSERT INTO t VALUES (2)").has_value());
        QVERIFY(transaction->commit().has_value());
        QVERIFY(!transaction->commit().has_value()); // a second commit is refused
    }
    QCOMPARE(*db->queryInt("SELECT count(*) FROM t"), 1);

    // Committed data is on disk for another connection.
    auto other = Database::open(path(), OpenMode::MustExist);
    QCOMPARE(*other->queryInt("SELECT sum(v) FROM t"), 2);
}

void DatabaseTest::missingFile()
{
    const auto db = Database::open(path(), OpenMode::MustExist);
    QVERIFY(!db.has_value());
    QCOMPARE(db.error().code, ErrorCode::NotFound);
    QVERIFY(QString::fromStdString(db.error().message).contains(QLatin1String("not found")));
    QVERIFY(!QFile::exists(QString::fromStdString(path()))); // and nothing was created
}

void DatabaseTest::notADatabase()
{
    QFile file(QString::fromStdString(path()));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    const auto db = Database::open(path(), OpenMode::MustExist);
    QVERIFY(!db.has_value());
    QCOMPARE(db.error().code, ErrorCode::NotAWorkspace);
    QVERIFY(QString::fromStdString(db.error().message).contains(QLatin1String("not a Countersign database")));
}

void DatabaseTest::lockedByAnotherProcess()
{
    {
        auto db = Database::open(path(), OpenMode::CreateIfMissing);
        QVERIFY(db && db->exec("CREATE TABLE t (v INTEGER)"));
    }
    int ready[2];
    int release[2];
    QCOMPARE(pipe(ready), 0);
    QCOMPARE(pipe(release), 0);
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        // Another process takes the write lock and holds it until the parent closes `release`.
        close(ready[0]);
        close(release[1]);
        auto db = Database::open(path(), OpenMode::MustExist);
        const bool locked = db && db->exec("BEGIN IMMEDIATE; INSERT INTO t VALUES (1);");
        const char status = locked ? 'L' : 'E';
        (void)!write(ready[1], &status, 1);
        char byte = 0;
        (void)!read(release[0], &byte, 1);
        _exit(0);
    }
    close(ready[1]);
    close(release[0]);
    char status = 0;
    QCOMPARE(read(ready[0], &status, 1), ssize_t{1});
    QCOMPARE(status, 'L');

    auto db = Database::open(path(), OpenMode::MustExist, /*busyTimeoutMs=*/100);
    QVERIFY(db.has_value()); // WAL readers are not blocked
    const auto write = db->exec("INSERT INTO t VALUES (2)");
    QVERIFY(!write.has_value());
    QCOMPARE(write.error().code, ErrorCode::StorageBusy);
    QVERIFY2(QString::fromStdString(write.error().message).contains(QLatin1String("locked by another process")),
             write.error().message.c_str());
    QVERIFY(!Transaction::begin(*db).has_value());

    close(release[1]);
    int childStatus = 0;
    QCOMPARE(waitpid(child, &childStatus, 0), child);
    close(ready[0]);
    QVERIFY(db->exec("INSERT INTO t VALUES (3)").has_value()); // the lock is gone with the process
    QCOMPARE(*db->queryInt("SELECT sum(v) FROM t"), 3);         // the child's uncommitted row never landed
}

void DatabaseTest::writerThreadOwnsTheConnection()
{
    auto writer = DbWriter::start(path(), OpenMode::CreateIfMissing);
    QVERIFY(writer.has_value());
    QVERIFY((*writer)->run([](Database& db) { return db.exec("CREATE TABLE t (v INTEGER)"); }).has_value());

    std::mutex mutex;
    std::set<std::thread::id> writerThreads;
    std::vector<std::thread> callers;
    for (int t = 0; t < 4; ++t) {
        callers.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                const auto inserted = (*writer)->run([&](Database& db) {
                    std::lock_guard lock(mutex);
                    writerThreads.insert(std::this_thread::get_id());
                    return db.exec("INSERT INTO t VALUES (" + std::to_string(t * 1000 + i) + ")");
                });
                if (!inserted)
                    return;
            }
        });
    }
    for (auto& caller : callers)
        caller.join();
    QCOMPARE(writerThreads.size(), std::size_t{1});
    QVERIFY(*writerThreads.begin() == (*writer)->threadId());
    QVERIFY(*writerThreads.begin() != std::this_thread::get_id());
    const auto count = (*writer)->run([](Database& db) { return db.queryInt("SELECT count(*) FROM t"); });
    QCOMPARE(*count, 200);
}

void DatabaseTest::writerReturnsErrors()
{
    const auto missing = DbWriter::start(path(), OpenMode::MustExist);
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);

    auto writer = DbWriter::start(path(), OpenMode::CreateIfMissing);
    QVERIFY(writer.has_value());
    const auto failed = (*writer)->run([](Database& db) { return db.exec("INSERT INTO nowhere VALUES (1)"); });
    QVERIFY(!failed.has_value());
    QVERIFY(QString::fromStdString(failed.error().message).contains(QLatin1String("no such table")));
}

QTEST_GUILESS_MAIN(DatabaseTest)
#include "DatabaseTest.moc"
