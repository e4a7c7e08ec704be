// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAbstractItemModelTester>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <qcustomplot.h>

#include "tests/support/FakeEngine.h"
#include "ui/bridge/EngineClient.h"
#include "ui/reputation/HealthPanel.h"
#include "ui/reputation/ReputationChart.h"
#include "ui/reputation/ReputationModel.h"
#include "ui/reputation/ReputationView.h"

using namespace cs;

/**
 * The Reputation view on the fake engine in a real window (offscreen): the leaderboard under
 * QAbstractItemModelTester (score, tier, trend over the last ten outcomes, sorting by value),
 * the best agent selected and charted, several compared, a click on an outcome's mark asking
 * for its entry, the kill switch handing the agent to People & agents, and the Health tab
 * showing each red flag with its findings, a double-click on one asking for its entry.
 */
class ReputationViewTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void theLeaderboard();
    void trendOverTheLastOutcomes_data();
    void trendOverTheLastOutcomes();
    void chartsAndCompares();
    void aClickOnAnOutcomeAsksForItsEntry();
    void theKillSwitchIsPeopleAndAgents();
    void theHealthTab();
    void readsTheLogOnlyWhenShown();

private:
    static api::AgentReputation agent(const std::string& id, double score, std::vector<std::pair<double, double>> events);

    std::shared_ptr<test::FakeEngineFactory> m_factory;
    std::unique_ptr<ui::EngineClient> m_client;
    std::unique_ptr<ui::ReputationView> m_view;
};

api::AgentReputation ReputationViewTest::agent(const std::string& id, double score, std::vector<std::pair<double, double>> events)
{
    api::AgentReputation made;
    made.agent = id;
    made.score = score;
    made.tier = score >= api::kTrustedAt ? api::ReputationTier::Trusted
                : score >= api::kProvisionalAt ? api::ReputationTier::Provisional
                                               : api::ReputationTier::Untrusted;
    std::int64_t seq = static_cast<std::int64_t>(id.size()) * 100;
    std::int64_t at = 1'795'600'000'000;
    for (const auto& [value, after] : events) {
        made.events.push_back({seq, at, id + "-int", value > 0 ? "executed" : "denied", {}, value, after, {seq}});
        ++made.outcomes;
        made.incidents += value < 0 ? 1 : 0;
        ++made.counts[made.events.back().outcome];
        seq += 7;
        at += 60'000;
    }
    made.lastActivityMs = at;
    return made;
}

void ReputationViewTest::init()
{
    m_factory = std::make_shared<test::FakeEngineFactory>();
    QVERIFY(m_factory->createWorkspace("/ws", {.demo = true}));
    auto ws = m_factory->workspaces.at("/ws");
    ws->reputation.entries = 500;
    ws->reputation.asOfMs = 1'795'600'000'000 + 3'600'000;
    ws->reputation.agents = {agent("careful", 81.8, {{1.0, 60}, {1.0, 66.67}, {1.0, 71.43}}),
                             agent("busy", 62.5, {{0.5, 55}, {0.5, 58.33}, {-0.5, 54.17}, {0.5, 56.25}}),
                             agent("reckless", 30.0, {{-1.0, 40}, {-1.0, 33.33}})};
    api::HealthItem explained{"explained", "an agent acts but cannot explain", api::HealthStatus::Fail, "1 executed action lacks an explanation",
                              {42}, {"entry 42: int-9 executed, but its proposal gives no rationale"}, {{"failing", 1}}};
    api::HealthItem approvers{"approver_quality", "approvers who rubber-stamp", api::HealthStatus::Ok, "1 approvers; none rubber-stamps", {},
                              {"alice: 3 verdicts"}, {{"alice.verdicts", 3}, {"alice.approvals", 2}, {"alice.median_s", 40}}};
    ws->health.entries = 500;
    ws->health.items = {explained, approvers};
    m_client = std::make_unique<ui::EngineClient>(m_factory);
    QSignalSpy opened(m_client.get(), &ui::EngineClient::workspaceOpened);
    m_client->openWorkspace(QStringLiteral("/ws"));
    QTRY_VERIFY(!opened.isEmpty());
    m_view = std::make_unique<ui::ReputationView>(*m_client);
    m_view->resize(1280, 800);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->showWorkspace();
    QTRY_COMPARE(m_view->model()->rowCount(), 3);
}

void ReputationViewTest::cleanup()
{
    m_view.reset();
    m_client.reset();
}

void ReputationViewTest::theLeaderboard()
{
    ui::ReputationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReport(m_factory->workspaces.at("/ws")->reputation);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), static_cast<int>(ui::ReputationModel::ColumnCount));
    QCOMPARE(model.data(model.index(0, ui::ReputationModel::Agent)).toString(), QStringLiteral("careful"));
    QCOMPARE(model.data(model.index(0, ui::ReputationModel::Score)).toString(), QStringLiteral("81.80"));
    QCOMPARE(model.data(model.index(0, ui::ReputationModel::Tier)).toString(), QStringLiteral("trusted"));
    QCOMPARE(model.data(model.index(2, ui::ReputationModel::Tier)).toString(), QStringLiteral("untrusted"));
    QCOMPARE(model.data(model.index(1, ui::ReputationModel::Incidents)).toLongLong(), 1);
    QCOMPARE(model.data(model.index(1, ui::ReputationModel::Score), ui::ReputationModel::SortRole).toDouble(), 62.5);
    // The view sorts by value, best first, and selects the best.
    QTableView* table = m_view->table();
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("careful"));
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    table->sortByColumn(ui::ReputationModel::Incidents, Qt::DescendingOrder);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("reckless"));
}

void ReputationViewTest::trendOverTheLastOutcomes_data()
{
    QTest::addColumn<int>("outcomes");
    QTest::addColumn<double>("trend"); // each outcome's score after is 50 + its number
    QTest::newRow("none") << 0 << 0.0;
    QTest::newRow("three: from 50") << 3 << 3.0;
    QTest::newRow("ten: from 50") << 10 << 10.0;
    QTest::newRow("fifteen: the last ten") << 15 << 10.0;
}

void ReputationViewTest::trendOverTheLastOutcomes()
{
    QFETCH(int, outcomes);
    QFETCH(double, trend);
    std::vector<std::pair<double, double>> events;
    for (int i = 1; i <= outcomes; ++i)
        events.emplace_back(0.5, 50.0 + i);
    QCOMPARE(ui::ReputationModel::trendOf(agent("a", 50.0 + outcomes, events)), trend);
}

void ReputationViewTest::chartsAndCompares()
{
    QCustomPlot* plot = m_view->chart()->plot();
    // One agent: its line (in the legend), its outcomes, its incidents.
    QCOMPARE(plot->graphCount(), 3);
    QCOMPARE(plot->graph(0)->name(), QStringLiteral("careful"));
    QCOMPARE(plot->graph(0)->dataCount(), 4); // 50 before its first outcome, then each
    QCOMPARE(plot->graph(1)->dataCount(), 3);
    QCOMPARE(plot->graph(2)->dataCount(), 0);
    // Several compared.
    m_view->table()->selectAll();
    QCOMPARE(plot->graphCount(), 9);
    QCOMPARE(plot->legend->itemCount(), 3);
    QCOMPARE(plot->graph(5)->dataCount(), 1); // busy's one incident
    // A date range relative to the newest entry: the last 24 hours span the axis.
    m_view->range()->setCurrentIndex(m_view->range()->findData(86400));
    const double to = static_cast<double>(m_factory->workspaces.at("/ws")->reputation.asOfMs) / 1000.0;
    QVERIFY(plot->xAxis->range().contains(to - 86400 + 3000) && plot->xAxis->range().contains(to));
}

void ReputationViewTest::aClickOnAnOutcomeAsksForItsEntry()
{
    QCustomPlot* plot = m_view->chart()->plot();
    QSignalSpy asked(m_view.get(), &ui::ReputationView::entryRequested);
    // The second outcome of "careful": a mark on graph 1.
    const QCPGraphData& mark = *(plot->graph(1)->data()->begin() + 1);
    const QPoint at(static_cast<int>(plot->xAxis->coordToPixel(mark.key)), static_cast<int>(plot->yAxis->coordToPixel(mark.value)));
    QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, at);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.first().at(0).toLongLong(), m_view->chart()->marksOf(0).at(1));
    QCOMPARE(m_view->chart()->marksOf(0).at(1), m_factory->workspaces.at("/ws")->reputation.agents[0].events[1].seq);
}

void ReputationViewTest::theKillSwitchIsPeopleAndAgents()
{
    QSignalSpy asked(m_view.get(), &ui::ReputationView::killSwitchRequested);
    auto* button = m_view->findChild<QPushButton*>();
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.first().at(0).toString(), QStringLiteral("careful"));
}

void ReputationViewTest::theHealthTab()
{
    m_view->tabs()->setCurrentIndex(1);
    QTableWidget* checks = m_view->health()->checks();
    QTRY_COMPARE(checks->rowCount(), 2);
    QCOMPARE(checks->item(0, 0)->text(), QStringLiteral("fail"));
    QCOMPARE(checks->item(0, 1)->text(), QStringLiteral("an agent acts but cannot explain"));
    QCOMPARE(checks->item(1, 0)->text(), QStringLiteral("ok"));
    // What was found, said from the check and its counts (so in the user's language).
    QCOMPARE(checks->item(0, 2)->text(), QStringLiteral("1 executed action(s) lack an explanation"));
    QCOMPARE(checks->item(1, 2)->text(), QStringLiteral("1 approver(s); none rubber-stamps"));
    // The first is selected: its findings, each about an entry.
    QListWidget* findings = m_view->health()->findings();
    QCOMPARE(findings->count(), 1);
    QSignalSpy asked(m_view.get(), &ui::ReputationView::entryRequested);
    QListWidgetItem* finding = findings->item(0);
    const QPoint on = findings->visualItemRect(finding).center();
    QTest::mouseClick(findings->viewport(), Qt::LeftButton, Qt::NoModifier, on); // a double-click begins with a press
    QTest::mouseDClick(findings->viewport(), Qt::LeftButton, Qt::NoModifier, on);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.first().at(0).toLongLong(), 42);
    checks->setCurrentCell(1, 0);
    QCOMPARE(findings->item(0)->text(), QStringLiteral("alice: 3 verdicts"));
}

void ReputationViewTest::readsTheLogOnlyWhenShown()
{
    auto ws = m_factory->workspaces.at("/ws");
    const auto reads = [&] {
        std::lock_guard lock(ws->callsMutex);
        return std::count(ws->calls.begin(), ws->calls.end(), std::string("reputation"));
    };
    ui::ReputationView hidden(*m_client);
    QSignalSpy loaded(m_client.get(), &ui::EngineClient::agentsLoaded);
    const auto before = reads();
    hidden.showWorkspace();
    hidden.logGrew();
    m_client->loadAgents(); // after anything they might have asked for on the worker
    QTRY_VERIFY(!loaded.isEmpty());
    QCOMPARE(reads(), before);
    QCOMPARE(hidden.model()->rowCount(), 0);
    hidden.show(); // shown: read now
    QVERIFY(QTest::qWaitForWindowExposed(&hidden));
    QTRY_COMPARE(hidden.model()->rowCount(), 3);
    QCOMPARE(reads(), before + 1);
}

QTEST_MAIN(ReputationViewTest)
#include "ReputationViewTest.moc"
