// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextDocument>

#include "ui/approvals/ApprovalDetail.h"
#include "ui/approvals/ApprovalFilter.h"
#include "tests/support/QueueItems.h"
#include "ui/approvals/ApprovalQueueModel.h"

using namespace cs;
using cs::ui::ApprovalFilter;
using cs::ui::ApprovalQueueModel;

namespace {

using test::kNow;
using test::Spec;
using test::itemOf;
using test::canonical;

// Amounts in different assets: the value (in USDC minor units) orders them, not the text.
const Spec kPay{"int-1", "api-buyer", "pay_api", "20", "USDC", "translate-api", "low", "medium", "api.first-time", 20'000'000, 300, 60};
const Spec kSwap{"int-2", "trader", "swap", "8", "ETH", "USDC", "medium", "medium", "trader.large-swaps", 25'600'000'000, 200, 1440};
const Spec kTransfer{"int-3", "payroll-bot", "transfer", "7800", "USDC", "priya-raman", "low", "high", "payroll.large", 7'800'000'000, 100, -5};
const Spec kLate{"int-4", "trader", "swap", "150", "SOL", "USDC", "low", "medium", "trader.large-swaps", 22'500'000'000, 5, 1000};

api::ApprovalQueue queueOf(std::initializer_list<Spec> specs)
{
    api::ApprovalQueue queue;
    for (const Spec& spec : specs)
        queue.items.push_back(itemOf(spec));
    return queue;
}

QStringList intentsIn(const QAbstractItemModel& model)
{
    QStringList intents;
    for (int row = 0; row < model.rowCount(); ++row)
        intents.append(model.index(row, 0).data(ApprovalQueueModel::IntentRole).toString());
    return intents;
}

} // namespace

class ApprovalQueueModelTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEachProposal();
    void arrivalsKeepTheSelection();
    void sortsByValueAgeAndRisk_data();
    void sortsByValueAgeAndRisk();
    void filters_data();
    void filters();
    void countsAndExpiry();
    void detailShowsWhatIsSigned();
    void durations_data();
    void durations();
};

void ApprovalQueueModelTest::showsEachProposal()
{
    ApprovalQueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNow(kNow);
    model.setQueue(queueOf({kPay, kSwap}));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(ApprovalQueueModel::ColumnCount));
    const auto text = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(text(0, ApprovalQueueModel::AgentColumn), QStringLiteral("api-buyer"));
    QCOMPARE(text(0, ApprovalQueueModel::ActionColumn), QStringLiteral("pay API"));
    QCOMPARE(text(1, ApprovalQueueModel::AmountColumn), QStringLiteral("8 ETH"));
    QCOMPARE(text(1, ApprovalQueueModel::DestinationColumn), QStringLiteral("→ USDC on dex-alpha"));
    QCOMPARE(text(0, ApprovalQueueModel::RiskColumn), QStringLiteral("medium (claimed low)"));
    QCOMPARE(text(1, ApprovalQueueModel::RiskColumn), QStringLiteral("medium"));
    QCOMPARE(text(0, ApprovalQueueModel::RuleColumn), QStringLiteral("api.first-time"));
    QCOMPARE(text(0, ApprovalQueueModel::AgeColumn), QStringLiteral("5 h 0 min"));
    QCOMPARE(text(0, ApprovalQueueModel::ExpiresColumn), QStringLiteral("in 1 h 0 min"));
    QCOMPARE(text(0, ApprovalQueueModel::ApprovalsColumn), QStringLiteral("0 of 1"));
    QVERIFY(model.index(0, ApprovalQueueModel::AmountColumn).data(Qt::ToolTipRole).toString().contains(QLatin1String("20 USDC")));
}

void ApprovalQueueModelTest::arrivalsKeepTheSelection()
{
    ApprovalQueueModel model;
    ApprovalFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTableView view;
    view.setModel(&filter);
    view.setSortingEnabled(true);
    view.sortByColumn(ApprovalQueueModel::AmountColumn, Qt::AscendingOrder);
    model.setQueue(queueOf({kPay, kSwap, kTransfer}));
    const QModelIndex swap = filter.index(static_cast<int>(intentsIn(filter).indexOf(QStringLiteral("int-2"))), 0);
    view.selectionModel()->setCurrentIndex(swap, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    // int-1 was decided elsewhere, int-4 arrives, int-2 gains an approval: the selection stays on int-2.
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    api::ApprovalQueue next = queueOf({kSwap, kTransfer, kLate});
    next.items[0].approvedBy = {"bob"};
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setQueue(next);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1); // int-2 only: int-3 did not change
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(view.currentIndex().data(ApprovalQueueModel::IntentRole).toString(), QStringLiteral("int-2"));
    QCOMPARE(view.selectionModel()->selectedRows().size(), 1);
    QCOMPARE(view.model()->index(view.currentIndex().row(), ApprovalQueueModel::ApprovalsColumn).data().toString(),
             QStringLiteral("1 of 1"));
    // Still sorted by value once the newcomer is in: 7,800 < 22,500 < 25,600 USDC.
    QCOMPARE(intentsIn(filter), (QStringList{QStringLiteral("int-3"), QStringLiteral("int-4"), QStringLiteral("int-2")}));
}

void ApprovalQueueModelTest::sortsByValueAgeAndRisk_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QStringList>("expected");
    // 20 USDC < 7,800 USDC < 22,500 USDC (150 SOL) < 25,600 USDC (8 ETH), whatever the text says.
    QTest::newRow("amount-by-value") << int(ApprovalQueueModel::AmountColumn) << int(Qt::AscendingOrder)
                                     << QStringList{QStringLiteral("int-1"), QStringLiteral("int-3"), QStringLiteral("int-4"), QStringLiteral("int-2")};
    QTest::newRow("oldest-first") << int(ApprovalQueueModel::AgeColumn) << int(Qt::DescendingOrder)
                                  << QStringList{QStringLiteral("int-1"), QStringLiteral("int-2"), QStringLiteral("int-3"), QStringLiteral("int-4")};
    QTest::newRow("riskiest-first") << int(ApprovalQueueModel::RiskColumn) << int(Qt::DescendingOrder)
                                    << QStringList{QStringLiteral("int-3"), QStringLiteral("int-1"), QStringLiteral("int-4"), QStringLiteral("int-2")};
    QTest::newRow("expiring-first") << int(ApprovalQueueModel::ExpiresColumn) << int(Qt::AscendingOrder)
                                    << QStringList{QStringLiteral("int-3"), QStringLiteral("int-1"), QStringLiteral("int-4"), QStringLiteral("int-2")};
}

void ApprovalQueueModelTest::sortsByValueAgeAndRisk()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QStringList, expected);
    ApprovalQueueModel model;
    ApprovalFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNow(kNow);
    model.setQueue(queueOf({kPay, kSwap, kTransfer, kLate}));
    filter.sort(column, static_cast<Qt::SortOrder>(order));
    QCOMPARE(intentsIn(filter), expected);
}

void ApprovalQueueModelTest::filters_data()
{
    QTest::addColumn<QString>("agent");
    QTest::addColumn<QString>("risk");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("none") << QString() << QString() << QString() << QString()
                          << QStringList{QStringLiteral("int-1"), QStringLiteral("int-2"), QStringLiteral("int-3"), QStringLiteral("int-4")};
    QTest::newRow("agent") << QStringLiteral("trader") << QString() << QString() << QString()
                           << QStringList{QStringLiteral("int-2"), QStringLiteral("int-4")};
    QTest::newRow("risk") << QString() << QStringLiteral("high") << QString() << QString() << QStringList{QStringLiteral("int-3")};
    QTest::newRow("rule") << QString() << QString() << QStringLiteral("api.first-time") << QString() << QStringList{QStringLiteral("int-1")};
    QTest::newRow("text-destination") << QString() << QString() << QString() << QStringLiteral("PRIYA") << QStringList{QStringLiteral("int-3")};
    QTest::newRow("agent-and-risk") << QStringLiteral("trader") << QStringLiteral("high") << QString() << QString() << QStringList{};
}

void ApprovalQueueModelTest::filters()
{
    QFETCH(QString, agent);
    QFETCH(QString, risk);
    QFETCH(QString, rule);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    ApprovalQueueModel model;
    ApprovalFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQueue(queueOf({kPay, kSwap, kTransfer, kLate}));
    filter.setAgent(agent);
    filter.setRisk(risk);
    filter.setRule(rule);
    filter.setText(text);
    QCOMPARE(intentsIn(filter), expected);
}

void ApprovalQueueModelTest::countsAndExpiry()
{
    ApprovalQueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy counts(&model, &ApprovalQueueModel::countsChanged);
    model.setNow(kNow);
    api::ApprovalQueue queue = queueOf({kPay, kTransfer});
    queue.approved = 4;
    queue.rejected = 2;
    queue.expired = 1;
    model.setQueue(queue);
    QVERIFY(!counts.isEmpty());
    QCOMPARE(model.approvedCount(), 4);
    QCOMPARE(model.rejectedCount(), 2);
    QCOMPARE(model.expiredCount(), 1);
    // int-3 expired five minutes ago; the engine records that at its next write.
    QCOMPARE(model.overdueCount(), 1);
    QCOMPARE(model.index(1, ApprovalQueueModel::ExpiresColumn).data().toString(), QStringLiteral("expired"));
    QVERIFY(model.index(1, 0).data(ApprovalQueueModel::ExpiredRole).toBool());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setNow(kNow.addSecs(2 * 3600));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.overdueCount(), 2);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.approvedCount(), 0);
}

void ApprovalQueueModelTest::detailShowsWhatIsSigned()
{
    api::QueueItem item = itemOf(kTransfer);
    item.subjectSha256 = "8aec853c2444e529a8d0ffcd20c6a88f5b774a77aec3aa317a8c7c96d03c5563";
    item.approvedBy = {"bob"};
    item.worldMoved = true;
    const ui::ApprovalRow row = ui::ApprovalRow::from(item);
    QTextDocument document;
    document.setHtml(ui::ApprovalDetail::html(row, kNow));
    const QString text = document.toPlainText();
    for (const char* expected : {"7,800 USDC", "priya-raman", "rebalance the desk", "desk:main", "1,234.5", "1,110.25",
                                 "payroll.large", "needs a treasury approver", "needs 1 more approver from 'treasury'", "bob",
                                 "8aec853c2444e529a8d0ffcd20c6a88f", "5b774a77aec3aa317a8c7c96d03c5563", "expired",
                                 "Balances changed since it was decided", "under-claimed"}) {
        QVERIFY2(text.contains(QString::fromUtf8(expected)), expected);
    }
    QVERIFY(!text.contains(QLatin1String("Decided again"))); // the engine said nothing of it now
    QVERIFY(!text.contains(QLatin1String("Reputation"))); // its policy does not match on reputation
    // Decided on the agent's reputation: the standing it used, said with its tier.
    item.decision.reputation = api::ReputationStanding{"38.10", api::ReputationTier::Untrusted, 356};
    document.setHtml(ui::ApprovalDetail::html(ui::ApprovalRow::from(item), kNow));
    QVERIFY2(document.toPlainText().contains(QString::fromUtf8("Reputation\n38.10, untrusted · over entries 1–356 of the log")),
             qPrintable(document.toPlainText()));
    item.decision.reputation.reset();
    // What the quorum would meet if it settled now: the decision made again on these balances.
    item.decidedNow = api::Effect::Deny;
    item.decidedNowReasons = {{"rule", "payroll.cap", api::Effect::Deny, "the calendar_day cap of rule payroll.cap is used up", {}}};
    document.setHtml(ui::ApprovalDetail::html(ui::ApprovalRow::from(item), kNow));
    QVERIFY(document.toPlainText().contains(
        QLatin1String("it is denied, so approving it now fails it: the calendar_day cap of rule payroll.cap is used up")));
    item.decidedNow = api::Effect::RequireApproval;
    document.setHtml(ui::ApprovalDetail::html(ui::ApprovalRow::from(item), kNow));
    QVERIFY(document.toPlainText().contains(QLatin1String("it still needs approval")));
    item.decidedNow.reset();
    // Markup in what the model wrote is shown as text, never interpreted.
    item.proposal.action.type = ActionType::Transfer;
    item.proposal.action.amount = Money::parse("1", Asset{"USDC", 6}).value();
    item.proposal.action.to = "<b>x</b>";
    item.proposal.rationale = "<img src=x> & <a href='y'>click</a>";
    document.setHtml(ui::ApprovalDetail::html(ui::ApprovalRow::from(item), kNow));
    QVERIFY(document.toPlainText().contains(QLatin1String("<img src=x> & <a href='y'>click</a>")));
    QVERIFY(document.toPlainText().contains(QLatin1String("<b>x</b>")));
}

void ApprovalQueueModelTest::durations_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("seconds") << qint64(59) << QStringLiteral("< 1 min");
    QTest::newRow("minutes") << qint64(45 * 60 + 59) << QStringLiteral("45 min");
    QTest::newRow("hours") << qint64(5 * 3600 + 12 * 60) << QStringLiteral("5 h 12 min");
    QTest::newRow("days") << qint64(3 * 86400 + 4 * 3600 + 59) << QStringLiteral("3 d 4 h");
}

void ApprovalQueueModelTest::durations()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(ApprovalQueueModel::durationText(seconds), expected);
}

QTEST_MAIN(ApprovalQueueModelTest)
#include "ApprovalQueueModelTest.moc"
