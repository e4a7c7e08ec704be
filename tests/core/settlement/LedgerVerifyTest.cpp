// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTemporaryDir>
#include <QTest>

#include "core/api/Engine.h"
#include "core/storage/Database.h"
#include "core/workspace/Workspace.h"

#include <filesystem>

using namespace cs;
namespace fs = std::filesystem;

/**
 * `verify` covers the money: after the demo's 106 intents, every balance and lending position is
 * recomputed from the log (the signed opening, then each receipt's postings) and every
 * settlement and posting is checked against its receipt. Each way of editing the ledger tables
 * behind the engine's back is named.
 */
class LedgerVerifyTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void untouchedLedgerVerifies();
    void tamperedLedgerIsNamed_data();
    void tamperedLedgerIsNamed();

private:
    QTemporaryDir m_dir;
    std::shared_ptr<ManualClock> m_clock = std::make_shared<ManualClock>(Timestamp{1'795'600'000'000});
    std::unique_ptr<api::EngineFactory> m_factory = api::makeEngineFactory(m_clock);
    fs::path m_template;
};

void LedgerVerifyTest::initTestCase()
{
    m_template = m_dir.filePath(QStringLiteral("template")).toStdString();
    QVERIFY(m_factory->createWorkspace(m_template.string(), {.demo = true}));
    auto engine = m_factory->openWorkspace(m_template.string());
    QVERIFY(engine.has_value());
    QVERIFY((*engine)->runIntents({}).has_value());
}

void LedgerVerifyTest::untouchedLedgerVerifies()
{
    auto engine = m_factory->openWorkspace(m_template.string());
    const auto report = (*engine)->verifyAuditLog({}, false, {});
    QVERIFY(report.has_value());
    QVERIFY2(report->intact(), report->intact() ? "" : report->first()->reason.c_str());
    auto db = storage::Database::open((m_template / "countersign.db").string(), storage::OpenMode::MustExist);
    QCOMPARE(report->receiptsReplayed, *db->queryInt("SELECT count(*) FROM settlements WHERE state = 'executed'"));
    QVERIFY(report->receiptsReplayed > 40);
    QVERIFY(report->balancesChecked >= *db->queryInt("SELECT count(*) FROM balances"));
    QVERIFY(*db->queryInt("SELECT count(*) FROM lending_positions") > 0); // the treasury lent: positions are checked too
}

void LedgerVerifyTest::tamperedLedgerIsNamed_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("named");
    QTest::newRow("balance-inflated") << "UPDATE balances SET amount = '999999999' WHERE account = 'api-buyer:main' AND asset = 'USDC'"
                                      << "balance of api-buyer:main in USDC is 999999999 USDC; the log says";
    QTest::newRow("balance-gone") << "DELETE FROM balances WHERE account = 'treasury-bot:main' AND asset = 'ETH'"
                                  << "balance of treasury-bot:main in ETH is missing; the log says";
    // One agent's balance given another's: a plausible figure, still not what the log says.
    QTest::newRow("balance-of-another-agent")
        << "UPDATE balances SET amount = (SELECT amount FROM balances WHERE account = 'payroll-bot:main' AND asset = 'USDC') "
           "WHERE account = 'api-buyer:main' AND asset = 'USDC'"
        << "balance of api-buyer:main in USDC is";
    QTest::newRow("posting-deleted") << "DELETE FROM ledger_postings WHERE id = (SELECT min(id) FROM ledger_postings)"
                                     << "differ from its receipt";
    QTest::newRow("settlement-marked-failed")
        << "UPDATE settlements SET state = 'failed' WHERE rowid = (SELECT min(rowid) FROM settlements WHERE state = 'executed')"
        << "is marked failed, but the log's receipt says executed";
    QTest::newRow("settlement-points-elsewhere")
        << "UPDATE settlements SET receipt_seq = 1 WHERE rowid = (SELECT min(rowid) FROM settlements WHERE state = 'executed')"
        << "points at entry 1, not its receipt";
    QTest::newRow("lending-position-edited") << "UPDATE lending_positions SET amount = '1' WHERE rowid = (SELECT min(rowid) FROM lending_positions)"
                                             << "lending position of treasury-bot at";
}

void LedgerVerifyTest::tamperedLedgerIsNamed()
{
    QFETCH(QString, sql);
    QFETCH(QString, named);
    const fs::path ws = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag())).toStdString();
    fs::copy(m_template, ws, fs::copy_options::recursive);
    {
        auto db = storage::Database::open((ws / "countersign.db").string(), storage::OpenMode::MustExist);
        QVERIFY(db.has_value());
        QVERIFY(db->exec(sql.toStdString()).has_value());
        QVERIFY(*db->queryInt("SELECT changes()") >= 1);
    }
    auto engine = m_factory->openWorkspace(ws.string());
    QVERIFY(engine.has_value());
    const auto report = (*engine)->verifyAuditLog({}, false, {});
    QVERIFY(report.has_value());
    QVERIFY(!report->intact());
    bool found = false;
    for (const auto& problem : report->problems)
        found = found || QString::fromStdString(problem.reason).contains(named);
    QVERIFY2(found, report->first()->reason.c_str());
}

QTEST_GUILESS_MAIN(LedgerVerifyTest)
#include "LedgerVerifyTest.moc"
