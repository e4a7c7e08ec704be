// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QApplication>
#include <QDir>
#include <QWheelEvent>
#include <qcustomplot.h>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "core/api/Engine.h"
#include "core/storage/Database.h"
#include "core/workspace/Workspace.h"
#include "ui/audit/AuditStrip.h"
#include "ui/audit/AuditTimelineModel.h"
#include "ui/audit/AuditView.h"
#include "ui/bridge/EngineClient.h"

using namespace cs;

/**
 * The Audit view on the real engine and a real window (offscreen): an analyst goes from a
 * settlement receipt to its proposal's whole replayed path in three actions (search, click the
 * receipt, Replay); in a copy whose recorded simulation was altered the replay marks that step
 * and field; verifying that copy selects the first bad entry; zooming the strip with the wheel
 * filters the table to the time it then shows.
 */
class AuditViewTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void receiptToReplayedPathInThreeActions();
    void anAlteredSimulationIsMarked();
    void verifySelectsTheFirstBadEntry();
    void zoomingTheStripFiltersToItsRange();

private:
    //! The view on workspace `path`, opened and counted.
    void open(ui::EngineClient& client, ui::AuditView& view, const QString& path);

    QTemporaryDir m_dir;
    std::shared_ptr<ManualClock> m_clock = std::make_shared<ManualClock>(Timestamp{1'795'600'000'000});
    std::shared_ptr<api::EngineFactory> m_factory = api::makeEngineFactory(m_clock);
    QString m_ws;
    QString m_altered;
    std::int64_t m_alteredSeq = 0;
    std::int64_t m_receiptSeq = 0;
    std::int64_t m_laterMs = 0; //!< when the approvals came, two hours after the rest
};

void AuditViewTest::initTestCase()
{
    m_ws = m_dir.filePath(QStringLiteral("desk"));
    QVERIFY(m_factory->createWorkspace(m_ws.toStdString(), {.demo = true}));
    {
        auto engine = m_factory->openWorkspace(m_ws.toStdString());
        QVERIFY(engine);
        QVERIFY((*engine)->runIntents({}));
        m_clock->advance(2 * 3'600'000);
        m_laterMs = m_clock->now().msSinceEpoch;
        for (const char* approver : {"alice", "bob"})
            QVERIFY((*engine)->submitVerdict("int-0052", approver, true, {}, workspace::kDemoPassphrase, {}));
        const auto receipts = (*engine)->receipts();
        for (const api::ReceiptRef& receipt : *receipts) {
            if (receipt.intent == "int-0052")
                m_receiptSeq = receipt.seq;
        }
        QVERIFY(m_receiptSeq > 0);
    }
    // A copy whose recorded simulation of int-0001 says it moved 24, not 25.
    m_altered = m_dir.filePath(QStringLiteral("altered"));
    QVERIFY(QDir().mkpath(m_altered + QStringLiteral("/checkpoints")));
    QVERIFY(QDir().mkpath(m_altered + QStringLiteral("/keys")));
    for (const QString& dir : {QString(), QStringLiteral("/checkpoints"), QStringLiteral("/keys")}) {
        for (const QFileInfo& file : QDir(m_ws + dir).entryInfoList(QDir::Files))
            QVERIFY(QFile::copy(file.filePath(), m_altered + dir + u'/' + file.fileName()));
    }
    auto db = storage::Database::open(QString(m_altered + QStringLiteral("/countersign.db")).toStdString(), storage::OpenMode::MustExist);
    QVERIFY(db);
    m_alteredSeq = *db->queryInt("SELECT min(seq) FROM audit_entries WHERE type = 'simulation.completed'");
    QVERIFY(db->exec("DROP TRIGGER audit_entries_append_only_update;"));
    QVERIFY(db->exec("UPDATE audit_entries SET body = replace(body, '\"amount\":\"-25\"', '\"amount\":\"-24\"') WHERE seq = "
                     + std::to_string(m_alteredSeq)));
}

void AuditViewTest::open(ui::EngineClient& client, ui::AuditView& view, const QString& path)
{
    QSignalSpy opened(&client, &ui::EngineClient::workspaceOpened);
    QSignalSpy counted(view.model(), &ui::AuditTimelineModel::filterApplied);
    QObject::connect(&client, &ui::EngineClient::workspaceOpened, &view,
                     [&view](const QString&, const api::WorkspaceSummary& summary) { view.showWorkspace(summary); });
    client.openWorkspace(path);
    // Emitted on the worker thread, perhaps before a wait() could start: counted, not waited for.
    QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!counted.isEmpty(), 30000);
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
}

void AuditViewTest::receiptToReplayedPathInThreeActions()
{
    ui::EngineClient client(m_factory);
    ui::AuditView view(client);
    open(client, view, m_ws);
    int actions = 0;

    // 1. Search for the proposal: the table shows its entries.
    QSignalSpy filtered(view.model(), &ui::AuditTimelineModel::filterApplied);
    QTest::keyClicks(view.searchField(), QStringLiteral("int-0052"));
    ++actions;
    QVERIFY(filtered.wait());
    const int row = view.model()->rowOfSeq(m_receiptSeq);
    QVERIFY(row >= 0);
    QTRY_VERIFY(view.model()->isLoaded(row));
    QCOMPARE(view.model()->data(view.model()->index(row, ui::AuditTimelineModel::Type)).toString(), QStringLiteral("settlement.receipt"));

    // 2. Click the receipt: its detail, with every entry of its proposal.
    const QRect cell = view.table()->visualRect(view.model()->index(row, ui::AuditTimelineModel::Summary));
    QVERIFY(view.table()->viewport()->rect().contains(cell.center()));
    QTest::mouseClick(view.table()->viewport(), Qt::LeftButton, {}, cell.center());
    ++actions;
    QTRY_VERIFY(view.replayButton()->isEnabled());
    QCOMPARE(view.replayButton()->text(), QStringLiteral("Replay int-0052"));

    // 3. Replay: the whole path, recomputed from the log, step by step.
    QSignalSpy shown(&view, &ui::AuditView::replayShown);
    QTest::mouseClick(view.replayButton(), Qt::LeftButton);
    ++actions;
    QVERIFY(shown.wait());
    QVERIFY(shown.first().at(1).toBool());
    QCOMPARE(view.tabs()->currentIndex(), static_cast<int>(ui::AuditView::ReplayTab));
    QStringList stages;
    for (int i = 0; i < view.replaySteps()->rowCount(); ++i) {
        stages << view.replaySteps()->item(i, 0)->text();
        QCOMPARE(view.replaySteps()->item(i, 2)->text(), QStringLiteral("identical"));
    }
    QCOMPARE(stages.join(u' '), QStringLiteral("model simulation decision approval approval approval decision settlement"));
    QCOMPARE(view.replaySteps()->item(view.replaySteps()->rowCount() - 1, 1)->text().toLongLong(), m_receiptSeq);
    QVERIFY(actions <= 3);
}

void AuditViewTest::anAlteredSimulationIsMarked()
{
    ui::EngineClient client(m_factory);
    ui::AuditView view(client);
    open(client, view, m_altered);
    view.showEntry(m_alteredSeq);
    QTRY_VERIFY(view.replayButton()->isEnabled());
    QSignalSpy shown(&view, &ui::AuditView::replayShown);
    view.replaySelected();
    QVERIFY(shown.wait());
    QVERIFY(!shown.first().at(1).toBool());
    const api::ReplayStep* divergence = view.lastReplay().firstDivergence();
    QVERIFY(divergence != nullptr);
    QCOMPARE(divergence->seq, m_alteredSeq);
    QCOMPARE(divergence->field, std::string("deltas[0].amount"));
    const int current = view.replaySteps()->currentRow();
    QCOMPARE(view.replaySteps()->item(current, 0)->text(), QStringLiteral("simulation"));
    QCOMPARE(view.replaySteps()->item(current, 2)->text(), QStringLiteral("differs: deltas[0].amount"));
    if (const QByteArray shots = qgetenv("CS_SCREENSHOT_DIR"); !shots.isEmpty())
        QVERIFY(view.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/audit-replay-divergence.png")));
}

void AuditViewTest::verifySelectsTheFirstBadEntry()
{
    ui::EngineClient client(m_factory);
    ui::AuditView view(client);
    open(client, view, m_altered);
    QSignalSpy done(&view, &ui::AuditView::verifyDone);
    QSignalSpy progress(&client, &ui::EngineClient::verifyProgress);
    view.verify();
    QVERIFY(done.wait(60000));
    QVERIFY(!done.first().at(0).toBool());
    QVERIFY(!progress.isEmpty());
    QTRY_COMPARE(view.model()->seqAt(view.table()->currentIndex().row()), m_alteredSeq);
}

void AuditViewTest::zoomingTheStripFiltersToItsRange()
{
    ui::EngineClient client(m_factory);
    ui::AuditView view(client);
    open(client, view, m_ws);
    const int all = view.model()->rowCount();
    QTRY_VERIFY_WITH_TIMEOUT(!view.strip()->histogram().buckets.empty(), 30000); // after the first rows
    QCustomPlot* plot = view.strip()->plot();
    // The wheel, a dozen notches in over the approvals (two hours after the rest of the history).
    const QPointF over(plot->xAxis->coordToPixel(static_cast<double>(m_laterMs) / 1000.0), plot->axisRect()->center().y());
    QSignalSpy chosen(view.strip(), &ui::AuditStrip::rangeChosen);
    QSignalSpy filtered(view.model(), &ui::AuditTimelineModel::filterApplied);
    for (int notch = 0; notch < 12; ++notch) {
        QWheelEvent wheel(over, plot->mapToGlobal(over), {}, {0, 120}, Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(plot, &wheel);
    }
    QVERIFY(chosen.wait());
    const auto [from, to] = view.strip()->shownRange();
    QVERIFY(from > m_clock->now().msSinceEpoch - 2 * 3'600'000 && from < m_laterMs && to > m_laterMs);
    // The table keeps what the log holds in that range, counted here from the database.
    QTRY_VERIFY(!filtered.isEmpty());
    auto db = storage::Database::open(QString(m_ws + QStringLiteral("/countersign.db")).toStdString(), storage::OpenMode::MustExist);
    QVERIFY(db);
    const auto inRange = db->queryInt("SELECT count(*) FROM audit_entries WHERE time_ms >= " + std::to_string(from) + " AND time_ms < "
                                      + std::to_string(to));
    QVERIFY(inRange && *inRange > 0 && *inRange < all);
    QCOMPARE(view.model()->rowCount(), static_cast<int>(*inRange));
    QCOMPARE(view.model()->query().fromMs, from);
    // Any time again: the whole log, and the strip spans it.
    auto* time = view.findChildren<QComboBox*>().at(3);
    filtered.clear();
    time->setCurrentIndex(0);
    QTRY_VERIFY(!filtered.isEmpty());
    QCOMPARE(view.model()->rowCount(), all);
}

QTEST_MAIN(AuditViewTest)
#include "AuditViewTest.moc"
