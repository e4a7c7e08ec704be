// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUndoStack>

#include "ui/policy/PolicyDocument.h"
#include "ui/policy/PolicyModels.h"

using namespace cs;
using namespace cs::ui;

Q_DECLARE_METATYPE(QJsonValue)

/**
 * The editor's rules and lists models under QAbstractItemModelTester while every kind of edit
 * lands and is undone; the engine's check marks the rules it names; and the text the editor
 * shows for a match field reads back as the same JSON, for every form the file format allows.
 */
class PolicyEditorModelsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void modelsHoldUnderEveryEdit();
    void checkMarksItsRules();
    void selectorTextRoundTrips_data();
    void selectorTextRoundTrips();
    void groupsTextRoundTrips();

private:
    PolicyDocument m_document;
    QUndoStack m_stack;
};

void PolicyEditorModelsTest::init()
{
    QFile file(QStringLiteral(":/countersign/demo/policy.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_stack.clear();
    m_document.setValue({}, QJsonDocument::fromJson(file.readAll()).object());
}

void PolicyEditorModelsTest::modelsHoldUnderEveryEdit()
{
    PolicyRulesModel rules(m_document);
    PolicyListsModel lists(m_document);
    QAbstractItemModelTester rulesTester(&rules, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester listsTester(&lists, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(rules.rowCount(), 18);
    QCOMPARE(lists.rowCount(), 6);
    QCOMPARE(rules.index(1, PolicyRulesModel::Id).data().toString(), QStringLiteral("api.daily-cap"));
    QCOMPARE(rules.index(1, PolicyRulesModel::Window).data().toString(), QStringLiteral("above 300 per calendar_day"));
    QCOMPARE(rules.index(1, PolicyRulesModel::Counterparties).data().toString(), QStringLiteral("list api-vendors"));
    QCOMPARE(rules.index(1, PolicyRulesModel::Venues).data().toString(), QStringLiteral("any"));

    m_stack.push(new SetPolicyValue(m_document, {QStringLiteral("rules"), QStringLiteral("api.daily-cap"), {QStringLiteral("window"), QStringLiteral("above")}},
                                    QStringLiteral("450"), QStringLiteral("cap"), true));
    QCOMPARE(rules.index(1, PolicyRulesModel::Window).data().toString(), QStringLiteral("above 450 per calendar_day"));
    m_stack.push(new SetPolicyValue(m_document, {QStringLiteral("rules"), QStringLiteral("api.daily-cap"), {QStringLiteral("match"), QStringLiteral("reputation_below")}},
                                    QStringLiteral("trusted"), QStringLiteral("reputation"), false));
    QCOMPARE(rules.index(1, PolicyRulesModel::Agents).data().toString(), QStringLiteral("api-buyer; below trusted"));
    m_stack.push(new InsertPolicyRule(m_document, 0, {{QStringLiteral("id"), QStringLiteral("first")}, {QStringLiteral("effect"), QStringLiteral("deny")}},
                                      QStringLiteral("add")));
    QCOMPARE(rules.rowCount(), 19);
    QCOMPARE(rules.index(0, PolicyRulesModel::Id).data().toString(), QStringLiteral("first"));
    m_stack.push(new MovePolicyRule(m_document, QStringLiteral("first"), 18, QStringLiteral("move")));
    QCOMPARE(rules.index(18, PolicyRulesModel::Id).data().toString(), QStringLiteral("first"));
    m_stack.push(new RemovePolicyRule(m_document, QStringLiteral("first"), QStringLiteral("remove")));
    m_stack.push(new SetPolicyValue(m_document, {QStringLiteral("lists"), QStringLiteral("aaa"), {}},
                                    QJsonObject{{QStringLiteral("kind"), QStringLiteral("venues")}, {QStringLiteral("members"), QJsonArray{QStringLiteral("x")}}},
                                    QStringLiteral("add list"), false));
    QCOMPARE(lists.rowCount(), 7);
    QCOMPARE(lists.index(0, PolicyListsModel::Name).data().toString(), QStringLiteral("aaa"));
    QCOMPARE(lists.index(0, PolicyListsModel::Members).data().toString(), QStringLiteral("x"));
    m_stack.push(new SetPolicyValue(m_document, {}, QJsonObject{}, QStringLiteral("empty"), false));
    QCOMPARE(rules.rowCount(), 0);
    QCOMPARE(lists.rowCount(), 0);
    while (m_stack.canUndo())
        m_stack.undo();
    QCOMPARE(rules.rowCount(), 18);
    QCOMPARE(lists.rowCount(), 6);
    QCOMPARE(rules.index(1, PolicyRulesModel::Window).data().toString(), QStringLiteral("above 300 per calendar_day"));
    QCOMPARE(rules.index(1, PolicyRulesModel::Agents).data().toString(), QStringLiteral("api-buyer"));
}

void PolicyEditorModelsTest::checkMarksItsRules()
{
    PolicyRulesModel rules(m_document);
    QAbstractItemModelTester tester(&rules, QAbstractItemModelTester::FailureReportingMode::QtTest);
    api::PolicyCheck check;
    check.findings.push_back({false, "shadowed", "trader.swaps", "trader.swaps never changes a decision"});
    check.findings.push_back({true, "unreachable", "trader.swaps", "no proposal can match trader.swaps"});
    check.problem = "$.rules[1].window.above: must be an amount";
    check.problemRule = "api.daily-cap";
    rules.setCheck(check);
    const int swaps = m_document.ruleRow(QStringLiteral("trader.swaps"));
    QCOMPARE(rules.index(swaps, 0).data(PolicyRulesModel::SeverityRole).toInt(), 2);
    QCOMPARE(rules.index(1, 0).data(PolicyRulesModel::SeverityRole).toInt(), 2);
    QCOMPARE(rules.index(0, 0).data(PolicyRulesModel::SeverityRole).toInt(), 0);
    QCOMPARE(rules.index(swaps, PolicyRulesModel::Check).data().toString(), QStringLiteral("shadowed, unreachable"));
    QCOMPARE(rules.index(1, PolicyRulesModel::Check).data().toString(), QStringLiteral("does not read"));
    // Errors first, then warnings, each message whole.
    QCOMPARE(rules.findingsOf(QStringLiteral("trader.swaps")),
             QStringList({QStringLiteral("no proposal can match trader.swaps"), QStringLiteral("trader.swaps never changes a decision")}));
    QVERIFY(!rules.index(swaps, PolicyRulesModel::Check).data(Qt::DecorationRole).isNull());
    rules.setCheck({});
    QCOMPARE(rules.index(swaps, 0).data(PolicyRulesModel::SeverityRole).toInt(), 0);
}

void PolicyEditorModelsTest::selectorTextRoundTrips_data()
{
    QTest::addColumn<QJsonValue>("selector");
    QTest::addColumn<QString>("text");
    QTest::newRow("one-of") << QJsonValue(QJsonArray{QStringLiteral("a"), QStringLiteral("b")}) << QStringLiteral("a, b");
    QTest::newRow("none-of") << QJsonValue(QJsonObject{{QStringLiteral("not_in"), QJsonArray{QStringLiteral("x")}}}) << QStringLiteral("not x");
    QTest::newRow("in-list") << QJsonValue(QJsonObject{{QStringLiteral("in_list"), QStringLiteral("dex-venues")}})
                             << QStringLiteral("list dex-venues");
    QTest::newRow("not-in-list") << QJsonValue(QJsonObject{{QStringLiteral("not_in_list"), QStringLiteral("api-vendors")}})
                                 << QStringLiteral("not list api-vendors");
    QTest::newRow("any") << QJsonValue(QJsonValue::Undefined) << QString();
}

void PolicyEditorModelsTest::selectorTextRoundTrips()
{
    QFETCH(QJsonValue, selector);
    QFETCH(QString, text);
    QCOMPARE(selectorText(selector), text);
    QCOMPARE(selectorValue(text), selector);
    QCOMPARE(selectorValue(QStringLiteral("  ") + text + QStringLiteral(" ")), selector); // spaces around are no part of it
}

void PolicyEditorModelsTest::groupsTextRoundTrips()
{
    const QJsonArray groups{QJsonObject{{QStringLiteral("group"), QStringLiteral("treasury")}, {QStringLiteral("threshold"), 2}},
                            QJsonObject{{QStringLiteral("group"), QStringLiteral("ops")}, {QStringLiteral("threshold"), 1}}};
    QCOMPARE(groupsText(groups), QStringLiteral("treasury:2, ops:1"));
    QCOMPARE(groupsValue(QStringLiteral("treasury:2, ops")), QJsonValue(groups)); // a threshold left out is 1
    QCOMPARE(groupsValue(QString()), QJsonValue(QJsonValue::Undefined));
}

QTEST_MAIN(PolicyEditorModelsTest)
#include "PolicyEditorModelsTest.moc"
