// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAbstractItemModelTester>
#include <QTest>

#include "ui/agents/AgentsModel.h"
#include "ui/common/MoneyFormat.h"

using namespace cs;
using cs::ui::AgentsModel;

class AgentsModelTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatAmount_data();
    void formatAmount();
    void modelFromSnapshots();
};

void AgentsModelTest::formatAmount_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("decimal");
    QTest::addColumn<QString>("shown");
    QTest::newRow("en-small") << "en_US" << "12.75" << "12.75";
    QTest::newRow("en-thousands") << "en_US" << "250000" << "250,000";
    QTest::newRow("en-million-fraction") << "en_US" << "1234567.000001" << "1,234,567.000001";
    QTest::newRow("en-negative") << "en_US" << "-1500.5" << "-1,500.5";
    QTest::newRow("de-grouping") << "de_DE" << "250000.5" << "250.000,5";
    QTest::newRow("en-one-wei") << "en_US" << "0.000000000000000001" << "0.000000000000000001";
    // Beyond double precision: every digit survives.
    QTest::newRow("en-39-digits") << "en_US" << "170141183460469231731.687303715884105727"
                                  << "170,141,183,460,469,231,731.687303715884105727";
}

void AgentsModelTest::formatAmount()
{
    QFETCH(QString, locale);
    QFETCH(QString, decimal);
    QFETCH(QString, shown);
    QCOMPARE(ui::formatAmount(decimal, QLocale(locale)), shown);
}

void AgentsModelTest::modelFromSnapshots()
{
    AgentsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), 4); // name, status, key, accounts
    model.setAssets({{"ETH", "Ether", 18}, {"USDC", "USD Coin", 6}});
    QCOMPARE(model.columnCount(), 6);
    QCOMPARE(model.accountsColumn(), 5);

    api::AgentSummary agent;
    agent.id = "trader";
    agent.displayName = "Trader";
    agent.status = api::PrincipalStatus::Suspended;
    agent.accounts = {"trader:main", "trader:hedge"};
    agent.balances = {{"USDC", 6, "50000.25"}};
    model.setAgents({agent});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, AgentsModel::NameColumn).data().toString(), QStringLiteral("Trader (trader)"));
    QCOMPARE(model.index(0, AgentsModel::StatusColumn).data().toString(), QStringLiteral("Suspended"));
    QCOMPARE(model.index(0, AgentsModel::KeyColumn).data().toString(), QStringLiteral("no key yet"));
    QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("–")); // no ETH
    QCOMPARE(model.index(0, 4).data(AgentsModel::AmountRole).toString(), QStringLiteral("50000.25"));
    QCOMPARE(model.index(0, 4).data(Qt::ToolTipRole).toString(), QStringLiteral("50000.25 USDC (exact)"));
    QCOMPARE(model.index(0, 5).data().toString(), QStringLiteral("trader:main, trader:hedge"));
    QCOMPARE(model.headerData(4, Qt::Horizontal).toString(), QStringLiteral("USDC"));
    QCOMPARE(model.index(0, 4).data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
    // Sort keys order by value: 9 < 10 even though "9" > "10" as text.
    QVERIFY(model.index(0, 4).data(AgentsModel::SortRole).toString()
            > QStringLiteral("%1.%2").arg(QStringLiteral("9").rightJustified(40, u'0'), QString(36, u'0')));

    model.setAssets({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(AgentsModelTest)
#include "AgentsModelTest.moc"
