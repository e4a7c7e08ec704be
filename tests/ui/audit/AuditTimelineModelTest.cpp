// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <optional>
#include <utility>
#include <semaphore>

#include "tests/support/FakeEngine.h"
#include "ui/audit/AuditTimelineModel.h"
#include "ui/bridge/EngineClient.h"

using namespace cs;
using ui::AuditTimelineModel;

/**
 * The audit timeline's model on the fake engine, under QAbstractItemModelTester: rows are the
 * log's size before any arrives, pages arrive when shown (never the whole log), a filter maps
 * rows onto the seqs the engine keeps, the log growing inserts rows without a reset, and at most
 * kMaxPages pages are held however far one scrolls.
 */
class AuditTimelineModelTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rowsArriveAPageAtATime();
    void filtersMapRowsOntoSeqs_data();
    void filtersMapRowsOntoSeqs();
    void theLogGrowingInsertsRows();
    void memoryStaysBounded();
    void pagesArriveWhileTheWorkerVerifies();
    void onlyTheNewestEntryAskedForIsRead();

private:
    //! Asks for `row`'s display data and waits until its page has arrived.
    bool load(int row);

    std::shared_ptr<test::FakeEngineFactory> m_factory;
    std::unique_ptr<ui::EngineClient> m_client;
    std::shared_ptr<test::FakeWorkspace> m_ws;
    std::unique_ptr<AuditTimelineModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void AuditTimelineModelTest::init()
{
    m_factory = std::make_shared<test::FakeEngineFactory>();
    QVERIFY(m_factory->createWorkspace("/ws", {.demo = true}));
    m_ws = m_factory->workspaces.at("/ws");
    const char* agents[] = {"api-buyer", "trader", "payroll-bot"};
    for (int i = 1; i <= 30'000; ++i) { // more pages than the model keeps
        api::AuditRow row;
        row.seq = i;
        row.timeMs = 1'795'600'000'000 + i * 1000LL;
        row.type = i % 3 == 0 ? "policy.decided" : "model.exchange";
        row.agent = agents[i % 3];
        row.actor = "engine";
        row.intent = "int-" + std::to_string(i / 3);
        row.outcome = i % 3 == 0 ? (i % 2 == 0 ? "allow" : "deny") : "";
        row.summary = "entry " + std::to_string(i);
        m_ws->log.push_back(row);
    }
    m_client = std::make_unique<ui::EngineClient>(m_factory);
    QSignalSpy opened(m_client.get(), &ui::EngineClient::workspaceOpened);
    QSignalSpy failed(m_client.get(), &ui::EngineClient::workspaceFailed);
    m_client->openWorkspace(QStringLiteral("/ws"));
    // Emitted on the worker thread, perhaps before a wait() could start: counted, not waited for.
    QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 30000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
    m_model = std::make_unique<AuditTimelineModel>(m_client.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setLogSize(static_cast<qint64>(m_ws->log.size()));
}

void AuditTimelineModelTest::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_client.reset();
}

bool AuditTimelineModelTest::load(int row)
{
    if (m_model->isLoaded(row))
        return true;
    QSignalSpy arrived(m_model.get(), &AuditTimelineModel::pageLoaded);
    (void)m_model->data(m_model->index(row, AuditTimelineModel::Summary));
    // Other pages (those the tester looked at) may arrive first.
    while (!m_model->isLoaded(row)) {
        if (!arrived.wait())
            return false;
    }
    return true;
}

void AuditTimelineModelTest::rowsArriveAPageAtATime()
{
    QCOMPARE(m_model->rowCount(), 30'000);
    QCOMPARE(m_model->columnCount(), static_cast<int>(AuditTimelineModel::ColumnCount));
    // Before its page arrives a row shows its seq and an ellipsis, and asks for its page.
    QCOMPARE(m_model->data(m_model->index(12'345, AuditTimelineModel::Seq)).toLongLong(), 12'346);
    QVERIFY(!m_model->isLoaded(12'345));
    QVERIFY(load(12'345));
    QCOMPARE(m_model->data(m_model->index(12'345, AuditTimelineModel::Summary)).toString(), QStringLiteral("entry 12346"));
    QCOMPARE(m_model->data(m_model->index(12'345, AuditTimelineModel::Time)).toString(), QStringLiteral("2026-11-25 13:12:26"));
    // Only the pages shown came (that one, and the first, which the tester looked at).
    QVERIFY(!m_model->isLoaded(20'000));
    QVERIFY(m_model->pagesHeld() <= 2);
    QVERIFY(std::count(m_ws->calls.begin(), m_ws->calls.end(), std::string("auditRows")) <= 2);
}

void AuditTimelineModelTest::filtersMapRowsOntoSeqs_data()
{
    QTest::addColumn<QString>("agent");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<int>("rows");
    QTest::addColumn<qint64>("firstSeq");
    QTest::newRow("agent") << "trader" << "" << 10'000 << qint64{1};
    QTest::newRow("outcome") << "" << "deny" << 5'000 << qint64{3};
    QTest::newRow("both") << "api-buyer" << "allow" << 5'000 << qint64{6};
}

void AuditTimelineModelTest::filtersMapRowsOntoSeqs()
{
    QFETCH(QString, agent);
    QFETCH(QString, outcome);
    QFETCH(int, rows);
    QFETCH(qint64, firstSeq);
    api::AuditQuery query;
    query.agent = agent.toStdString();
    query.outcome = outcome.toStdString();
    QSignalSpy applied(m_model.get(), &AuditTimelineModel::filterApplied);
    m_model->setQuery(query);
    QVERIFY(applied.wait());
    QCOMPARE(applied.last().at(0).toInt(), rows);
    QCOMPARE(m_model->rowCount(), rows);
    QCOMPARE(m_model->seqAt(0), firstSeq);
    QCOMPARE(m_model->rowOfSeq(firstSeq), 0);
    QVERIFY(load(rows - 1));
    const qint64 last = m_model->seqAt(rows - 1);
    QCOMPARE(m_model->data(m_model->index(rows - 1, AuditTimelineModel::Summary)).toString(), QStringLiteral("entry %1").arg(last));
    if (!agent.isEmpty())
        QCOMPARE(m_model->data(m_model->index(rows - 1, AuditTimelineModel::Agent)).toString(), agent);
    // Clearing the filter shows the whole log again.
    m_model->setQuery({});
    QCOMPARE(m_model->rowCount(), 30'000);
}

void AuditTimelineModelTest::theLogGrowingInsertsRows()
{
    QVERIFY(load(29'999));
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    api::AuditRow row = m_ws->log.back();
    row.seq = 30'001;
    row.summary = "entry 30001";
    m_ws->log.push_back(row);
    m_model->setLogSize(30'001);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(m_model->rowCount(), 30'001);
    QVERIFY(load(30'000));
    QCOMPARE(m_model->data(m_model->index(30'000, AuditTimelineModel::Summary)).toString(), QStringLiteral("entry 30001"));
    // Under a filter the engine says which new entries it keeps; rows are inserted, not reset.
    api::AuditQuery query;
    query.agent = "trader";
    QSignalSpy applied(m_model.get(), &AuditTimelineModel::filterApplied);
    m_model->setQuery(query);
    QVERIFY(applied.wait());
    const int before = m_model->rowCount();
    row.seq = 30'002;
    row.agent = "trader";
    m_ws->log.push_back(row);
    reset.clear();
    m_model->setLogSize(30'002);
    QVERIFY(applied.wait());
    QCOMPARE(m_model->rowCount(), before + 1);
    QCOMPARE(reset.count(), 0);
}

void AuditTimelineModelTest::memoryStaysBounded()
{
    // Paging through far more pages than it keeps: the oldest are forgotten and fetched again.
    for (int page = 0; page < AuditTimelineModel::kMaxPages + 20; ++page)
        QVERIFY(load(page * AuditTimelineModel::kPageRows));
    QCOMPARE(m_model->pagesHeld(), AuditTimelineModel::kMaxPages);
    QVERIFY(!m_model->isLoaded(5 * AuditTimelineModel::kPageRows)); // the least recently shown are gone
    QVERIFY(m_model->isLoaded((AuditTimelineModel::kMaxPages + 19) * AuditTimelineModel::kPageRows));
    QVERIFY(load(5 * AuditTimelineModel::kPageRows)); // and come back when shown again
}


namespace {

//! Holds the fake's worker inside a verification until released (on every way out, so the
//! worker and the test can end).
class HeldWorker
{
public:
    explicit HeldWorker(test::FakeWorkspace& ws)
    {
        ws.verifying = [release = m_release, holding = m_holding] {
            *holding = true;
            release->acquire();
        };
    }
    HeldWorker(const HeldWorker&) = delete;
    HeldWorker& operator=(const HeldWorker&) = delete;
    ~HeldWorker() { release(); }
    bool holding() const { return *m_holding; }
    void release()
    {
        if (!std::exchange(m_released, true))
            m_release->release();
    }

private:
    std::shared_ptr<std::binary_semaphore> m_release = std::make_shared<std::binary_semaphore>(0);
    std::shared_ptr<std::atomic<bool>> m_holding = std::make_shared<std::atomic<bool>>(false);
    bool m_released = false;
};

} // namespace

void AuditTimelineModelTest::pagesArriveWhileTheWorkerVerifies()
{
    // A verification holds the worker; a page asked for meanwhile still arrives.
    HeldWorker held(*m_ws);
    QSignalSpy finished(m_client.get(), &ui::EngineClient::verifyFinished);
    m_client->verifyLog();
    QTRY_VERIFY(held.holding());
    QVERIFY(load(25'000));
    QCOMPARE(m_model->data(m_model->index(25'000, AuditTimelineModel::Summary)).toString(), QStringLiteral("entry 25001"));
    QVERIFY(finished.isEmpty()); // the worker is still verifying
    held.release();
    QTRY_VERIFY(!finished.isEmpty());
}

void AuditTimelineModelTest::onlyTheNewestEntryAskedForIsRead()
{
    // Paging with the keyboard asks for each entry it passes; while the worker is busy they
    // queue, and only the newest is read (an inclusion proof reads the whole log's leaves).
    HeldWorker held(*m_ws);
    m_client->verifyLog();
    QTRY_VERIFY(held.holding());
    QSignalSpy entries(m_client.get(), &ui::EngineClient::auditEntryLoaded);
    QSignalSpy failed(m_client.get(), &ui::EngineClient::requestFailed);
    for (qint64 seq : {10, 20, 30})
        m_client->loadAuditEntry(seq);
    QSignalSpy agents(m_client.get(), &ui::EngineClient::agentsLoaded);
    m_client->loadAgents(); // after them on the worker: when it arrives, they have all run
    held.release();
    QTRY_VERIFY(!agents.isEmpty());
    QCOMPARE(entries.count(), 1);
    QCOMPARE(entries.first().at(0).value<api::AuditEntryDetail>().row.seq, 30);
    QVERIFY(failed.isEmpty());
    QCOMPARE(std::count(m_ws->calls.begin(), m_ws->calls.end(), std::string("auditEntry")), 1);
}

QTEST_MAIN(AuditTimelineModelTest)
#include "AuditTimelineModelTest.moc"
