// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/TestSupport.h"

#include "core/api/Engine.h"
#include "core/audit/Entry.h"
#include "core/storage/Database.h"
#include "core/workspace/Workspace.h"

#include <filesystem>

using namespace cs;
namespace fs = std::filesystem;

/**
 * No writes on a log that is not intact: before its first write the engine checks the log
 * (hashes and roots of everything, signatures of what this user has not checked, consistency
 * with what this user saw of the workspace before); a log that fails leaves the workspace
 * read-only, and nothing — no entry, no checkpoint — is written on it.
 */
class IntegrityGateTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void intactLogIsCheckedOnceAndIncrementally();
    void editedLogRefusesEveryWrite_data();
    void editedLogRefusesEveryWrite();
    void rollbackOfDatabaseAndCheckpointsTogetherIsCaught();
    void everyBatchCommitIsCheckpointed();

private:
    fs::path copyOfTemplate(const QString& name);
    static std::int64_t count(const fs::path& ws, const std::string& sql);
    static int checkpointFiles(const fs::path& ws);

    QTemporaryDir m_dir;
    std::shared_ptr<ManualClock> m_clock = std::make_shared<ManualClock>(Timestamp{1'795'600'000'000});
    std::unique_ptr<api::EngineFactory> m_factory = api::makeEngineFactory(m_clock);
    fs::path m_template; //!< the demo after its run: 14 proposals await approval
};

void IntegrityGateTest::initTestCase()
{
    m_template = m_dir.filePath(QStringLiteral("template")).toStdString();
    QVERIFY(m_factory->createWorkspace(m_template.string(), {.demo = true}));
    auto engine = m_factory->openWorkspace(m_template.string());
    QVERIFY((*engine)->runIntents({}).has_value());
}

void IntegrityGateTest::init()
{
    // Each test is another user, whose record of what they saw starts empty: copies of one
    // workspace that go separate ways would otherwise rightly look like a rollback to one user.
    qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("home-%1-%2")
                                                .arg(QString::fromLatin1(QTest::currentTestFunction()),
                                                     QString::fromLatin1(QTest::currentDataTag())))
                                 .toUtf8());
}

fs::path IntegrityGateTest::copyOfTemplate(const QString& name)
{
    const fs::path ws = m_dir.filePath(name).toStdString();
    fs::copy(m_template, ws, fs::copy_options::recursive);
    return ws;
}

std::int64_t IntegrityGateTest::count(const fs::path& ws, const std::string& sql)
{
    auto db = storage::Database::open((ws / "countersign.db").string(), storage::OpenMode::MustExist);
    return *db->queryInt(sql);
}

int IntegrityGateTest::checkpointFiles(const fs::path& ws)
{
    return static_cast<int>(QDir(QString::fromStdString((ws / "checkpoints").string())).entryList({QStringLiteral("*.json")}).size());
}

void IntegrityGateTest::intactLogIsCheckedOnceAndIncrementally()
{
    const fs::path ws = copyOfTemplate(QStringLiteral("intact"));
    {
        auto engine = m_factory->openWorkspace(ws.string());
        const auto first = (*engine)->checkIntegrity({});
        QVERIFY2(first && first->intact(), first ? (first->intact() ? "" : first->first()->reason.c_str()) : first.error().message.c_str());
        QCOMPARE((*engine)->status().state, api::EngineState::Ready);
        QVERIFY((*engine)->unlockEngine(workspace::kDemoPassphrase).has_value());
    }
    {
        // This user checked every signature under the newest checkpoint last time: only the
        // hashes and roots are checked again, and no signature at all when nothing was added.
        auto engine = m_factory->openWorkspace(ws.string());
        const auto again = (*engine)->checkIntegrity({});
        QVERIFY(again && again->intact());
        QCOMPARE(again->signedEntries, 0);
        QCOMPARE(again->entries, count(ws, "SELECT count(*) FROM audit_entries"));
        const auto verdict = (*engine)->submitVerdict("int-0013", "alice", true, {}, workspace::kDemoPassphrase, {});
        QVERIFY2(verdict.has_value(), verdict ? "" : verdict.error().message.c_str());
    }
}

void IntegrityGateTest::editedLogRefusesEveryWrite_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("named");
    QTest::newRow("entry-edited") << "UPDATE audit_entries SET body = body || ' ' WHERE seq = 40"
                                  << "entry 40";
    QTest::newRow("entry-deleted") << "DELETE FROM audit_entries WHERE seq = 40" << "entry 40 is missing";
    QTest::newRow("tail-removed") << "DELETE FROM audit_entries WHERE seq > (SELECT max(seq) - 5 FROM audit_entries)"
                                  << "removed from the end";
}

void IntegrityGateTest::editedLogRefusesEveryWrite()
{
    QFETCH(QString, sql);
    QFETCH(QString, named);
    const fs::path ws = copyOfTemplate(QStringLiteral("edited-") + QString::fromLatin1(QTest::currentDataTag()));
    {
        auto db = storage::Database::open((ws / "countersign.db").string(), storage::OpenMode::MustExist);
        QVERIFY(db->exec("DROP TRIGGER IF EXISTS audit_entries_append_only_update; "
                         "DROP TRIGGER IF EXISTS audit_entries_append_only_delete;"));
        QVERIFY(db->exec(sql.toStdString()));
    }
    const std::int64_t entries = count(ws, "SELECT count(*) FROM audit_entries");
    const std::int64_t checkpoints = count(ws, "SELECT count(*) FROM audit_checkpoints");
    const int files = checkpointFiles(ws);
    {
        auto engine = m_factory->openWorkspace(ws.string());
        QVERIFY(engine.has_value()); // it opens, read-only: everything can still be read
        QVERIFY((*engine)->approvalQueue().has_value());
        const auto verdict = (*engine)->submitVerdict("int-0013", "alice", true, {}, workspace::kDemoPassphrase, {});
        QVERIFY(!verdict.has_value());
        QCOMPARE(verdict.error().code, ErrorCode::NotIntact);
        QVERIFY2(QString::fromStdString(verdict.error().message).contains(named), verdict.error().message.c_str());
        QCOMPARE((*engine)->status().state, api::EngineState::ReadOnly);
        QVERIFY(!(*engine)->runIntents({}).has_value());
        QVERIFY(!(*engine)->runNextIntent().has_value());
        QVERIFY(!(*engine)->changePrincipalStatus("trader", api::PrincipalStatus::Suspended, "rita", "x", workspace::kDemoPassphrase));
        QVERIFY(!(*engine)->reconcile().has_value());
        QVERIFY(!(*engine)->engineUnlocked());
        QCOMPARE((*engine)->status().state, api::EngineState::ReadOnly); // a read that succeeds does not clear it
    } // and closing signs nothing
    QCOMPARE(count(ws, "SELECT count(*) FROM audit_entries"), entries);
    QCOMPARE(count(ws, "SELECT count(*) FROM audit_checkpoints"), checkpoints);
    QCOMPARE(checkpointFiles(ws), files);
}

void IntegrityGateTest::rollbackOfDatabaseAndCheckpointsTogetherIsCaught()
{
    const fs::path ws = copyOfTemplate(QStringLiteral("rolled-back"));
    const fs::path before = m_dir.filePath(QStringLiteral("rolled-back-before")).toStdString();
    fs::copy(ws, before, fs::copy_options::recursive); // database and checkpoints/, as they were
    {
        auto engine = m_factory->openWorkspace(ws.string());
        const auto approved = (*engine)->submitVerdict("int-0013", "alice", true, {}, workspace::kDemoPassphrase, {});
        QVERIFY2(approved.has_value(), approved ? "" : approved.error().message.c_str());
        QCOMPARE(test::nameOf(approved->state), std::string("executed"));
    }
    // Someone restores the whole workspace as it was before that payment: every file agrees.
    fs::remove_all(ws);
    fs::copy(before, ws, fs::copy_options::recursive);
    auto engine = m_factory->openWorkspace(ws.string());
    const auto integrity = (*engine)->checkIntegrity({});
    QVERIFY(integrity.has_value());
    QVERIFY(!integrity->intact());
    QVERIFY2(QString::fromStdString(integrity->first()->reason).contains(QLatin1String("rolled back together")),
             integrity->first()->reason.c_str());
    const auto again = (*engine)->submitVerdict("int-0013", "alice", true, {}, workspace::kDemoPassphrase, {});
    QVERIFY(!again.has_value()); // the payment is not made twice
    QCOMPARE(again.error().code, ErrorCode::NotIntact);
}

void IntegrityGateTest::everyBatchCommitIsCheckpointed()
{
    const fs::path ws = copyOfTemplate(QStringLiteral("batch"));
    auto engine = m_factory->openWorkspace(ws.string());
    const auto approved = (*engine)->submitVerdict("int-0013", "alice", true, {}, workspace::kDemoPassphrase, {});
    QVERIFY(approved.has_value());
    QFile intents(QString::fromStdString((ws / "more.jsonl").string()));
    QVERIFY(intents.open(QIODevice::WriteOnly));
    intents.write(R"({"id":"int-7001","agent":"api-buyer","offset_s":90000,"task":"pay 5 USDC to weather-api","action":{"type":"pay_api","asset":"USDC","amount":"5","to":"weather-api","venue":"x402"}})" "\n");
    intents.close();
    api::Engine::RunOptions options;
    options.intentsFile = intents.fileName().toStdString();
    QVERIFY((*engine)->runIntents(options).has_value());
    // The engine is still open (no closing checkpoint yet): the batch's commit already wrote the
    // checkpoint file covering every entry, so losing the database's tail is caught.
    const std::int64_t size = count(ws, "SELECT max(seq) FROM audit_entries");
    QVERIFY(QFileInfo::exists(QString::fromStdString((ws / "checkpoints" / audit::checkpointFileName(static_cast<std::uint64_t>(size))).string())));
}

QTEST_GUILESS_MAIN(IntegrityGateTest)
#include "IntegrityGateTest.moc"
