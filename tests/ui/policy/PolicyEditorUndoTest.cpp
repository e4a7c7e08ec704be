// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUndoStack>

#include "ui/policy/PolicyDocument.h"

using namespace cs::ui;

Q_DECLARE_METATYPE(QJsonValue)

/**
 * Every kind of edit the policy editor makes, as a command on its undo stack: applied, the
 * document is what the edit means; undone, it is exactly the document before; redone, exactly
 * the one after. Commands find their rule by id, so an edit undone after the rules moved lands
 * on its own rule; typing in one field is one step.
 */
class PolicyEditorUndoTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void applyUndoRedo_data();
    void applyUndoRedo();
    void typingInOneFieldIsOneStep();
    void editsFollowTheirRuleWhenRulesMove();
    void renamedRuleKeepsItsEdits();

private:
    static QJsonObject demo();
    PolicyDocument m_document;
    QUndoStack m_stack;
};

QJsonObject PolicyEditorUndoTest::demo()
{
    QFile file(QStringLiteral(":/countersign/demo/policy.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the demo policy is not in the resources");
    return QJsonDocument::fromJson(file.readAll()).object();
}

void PolicyEditorUndoTest::init()
{
    m_stack.clear();
    m_document.setValue({}, demo());
}

namespace {

QJsonValue at(const QJsonObject& root, const QString& dotted)
{
    QJsonValue value = root;
    for (const QString& part : dotted.split(u'.')) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        value = isIndex ? value.toArray().at(index) : value.toObject().value(part);
    }
    return value;
}

} // namespace

void PolicyEditorUndoTest::applyUndoRedo_data()
{
    QTest::addColumn<QString>("kind");      // set, insert, remove, move
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("path");      // dot-separated below the key
    QTest::addColumn<QJsonValue>("value");  // set: the new value; insert: the rule; move: the row
    QTest::addColumn<QString>("probe");     // where to look in the document afterwards
    QTest::addColumn<QJsonValue>("expected");

    const auto s = [](const char* text) { return QJsonValue(QString::fromUtf8(text)); };
    QTest::newRow("rule-effect") << "set" << "rules" << "trader.swaps" << "effect" << s("deny") << "rules.5.effect" << s("deny");
    QTest::newRow("rule-cap") << "set" << "rules" << "api.daily-cap" << "window.above" << s("450") << "rules.1.window.above"
                              << s("450");
    QTest::newRow("rule-new-limit") << "set" << "rules" << "treasury.swaps" << "amount.above" << s("10")
                                    << "rules.10.amount.above" << s("10");
    QTest::newRow("rule-limit-removed") << "set" << "rules" << "trader.swaps" << "amount" << QJsonValue(QJsonValue::Undefined)
                                        << "rules.5.amount" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("rule-selector") << "set" << "rules" << "trader.swaps" << "match.venue"
                                   << QJsonValue(QJsonObject{{QStringLiteral("in_list"), QStringLiteral("lending-venues")}})
                                   << "rules.5.match.venue.in_list" << s("lending-venues");
    QTest::newRow("rule-description") << "set" << "rules" << "payroll.large" << "description" << s("über 5.000")
                                      << "rules.16.description" << s("über 5.000");
    QTest::newRow("list-members") << "set" << "lists" << "dex-venues" << "members"
                                  << QJsonValue(QJsonArray{QStringLiteral("dex-alpha")}) << "lists.dex-venues.members.1"
                                  << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("list-added") << "set" << "lists" << "new-venues" << ""
                                << QJsonValue(QJsonObject{{QStringLiteral("kind"), QStringLiteral("venues")},
                                                          {QStringLiteral("members"), QJsonArray{QStringLiteral("dex-gamma")}}})
                                << "lists.new-venues.members.0" << s("dex-gamma");
    QTest::newRow("list-removed") << "set" << "lists" << "vendors" << "" << QJsonValue(QJsonValue::Undefined) << "lists.vendors"
                                  << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("group") << "set" << "groups" << "treasury" << ""
                           << QJsonValue(QJsonArray{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("rita")})
                           << "groups.treasury.2" << s("rita");
    QTest::newRow("global") << "set" << "globals" << "max_slippage_bps" << "" << QJsonValue(150) << "globals.max_slippage_bps"
                            << QJsonValue(150);
    QTest::newRow("name") << "set" << "name" << "" << "" << s("Tighter desk policy") << "name" << s("Tighter desk policy");
    QTest::newRow("whole-document")
        << "set" << "" << "" << "" << QJsonValue(QJsonObject{{QStringLiteral("schema"), QStringLiteral("countersign.policy/1")}})
        << "rules" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("insert") << "insert" << "rules" << "" << ""
                            << QJsonValue(QJsonObject{{QStringLiteral("id"), QStringLiteral("new.rule")},
                                                      {QStringLiteral("effect"), QStringLiteral("deny")}})
                            << "rules.2.id" << s("new.rule");
    QTest::newRow("remove") << "remove" << "rules" << "api.daily-cap" << "" << QJsonValue() << "rules.1.id"
                            << s("api.listed-vendors");
    QTest::newRow("move") << "move" << "rules" << "trader.swaps" << "" << QJsonValue(0) << "rules.0.id" << s("trader.swaps");
}

void PolicyEditorUndoTest::applyUndoRedo()
{
    QFETCH(QString, kind);
    QFETCH(QString, section);
    QFETCH(QString, key);
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, probe);
    QFETCH(QJsonValue, expected);
    const QJsonObject before = m_document.json();
    const PolicyLocation where{section, key, path.isEmpty() ? QStringList() : path.split(u'.')};
    if (kind == QLatin1String("set"))
        m_stack.push(new SetPolicyValue(m_document, where, value, QStringLiteral("edit"), false));
    else if (kind == QLatin1String("insert"))
        m_stack.push(new InsertPolicyRule(m_document, 2, value.toObject(), QStringLiteral("add")));
    else if (kind == QLatin1String("remove"))
        m_stack.push(new RemovePolicyRule(m_document, key, QStringLiteral("remove")));
    else
        m_stack.push(new MovePolicyRule(m_document, key, value.toInt(), QStringLiteral("move")));
    QCOMPARE(m_stack.count(), 1);
    QCOMPARE(at(m_document.json(), probe), expected);
    QVERIFY(m_document.json() != before);
    const QJsonObject after = m_document.json();

    m_stack.undo();
    QCOMPARE(m_document.json(), before);
    m_stack.redo();
    QCOMPARE(m_document.json(), after);
    m_stack.undo();
    QCOMPARE(m_document.bytes(), QJsonDocument(before).toJson(QJsonDocument::Compact));
}

void PolicyEditorUndoTest::typingInOneFieldIsOneStep()
{
    const QJsonObject before = m_document.json();
    const PolicyLocation cap{QStringLiteral("rules"), QStringLiteral("api.daily-cap"), {QStringLiteral("window"), QStringLiteral("above")}};
    for (const char* typed : {"4", "45", "450"})
        m_stack.push(new SetPolicyValue(m_document, cap, QString::fromUtf8(typed), QStringLiteral("cap"), true));
    QCOMPARE(m_stack.count(), 1);
    QCOMPARE(m_document.value(cap), QJsonValue(QStringLiteral("450")));
    // Another field is a step of its own.
    m_stack.push(new SetPolicyValue(m_document, {QStringLiteral("rules"), QStringLiteral("api.daily-cap"), {QStringLiteral("description")}},
                                    QStringLiteral("x"), QStringLiteral("description"), true));
    QCOMPARE(m_stack.count(), 2);
    m_stack.undo();
    m_stack.undo();
    QCOMPARE(m_document.json(), before);
    // Typing back to where it started leaves no step at all.
    m_stack.push(new SetPolicyValue(m_document, cap, QStringLiteral("30"), QStringLiteral("cap"), true));
    m_stack.push(new SetPolicyValue(m_document, cap, QStringLiteral("300"), QStringLiteral("cap"), true));
    QCOMPARE(m_stack.count(), 0);
}

void PolicyEditorUndoTest::editsFollowTheirRuleWhenRulesMove()
{
    const PolicyLocation effect{QStringLiteral("rules"), QStringLiteral("payroll.large"), {QStringLiteral("effect")}};
    m_stack.push(new SetPolicyValue(m_document, effect, QStringLiteral("deny"), QStringLiteral("effect"), false));
    m_stack.push(new MovePolicyRule(m_document, QStringLiteral("payroll.large"), 0, QStringLiteral("move")));
    m_stack.push(new RemovePolicyRule(m_document, QStringLiteral("api.unknown-payee"), QStringLiteral("remove")));
    QCOMPARE(m_document.ruleId(0), QStringLiteral("payroll.large"));
    QCOMPARE(m_document.rule(0).value(QStringLiteral("effect")).toString(), QStringLiteral("deny"));
    m_stack.undo(); // the removed rule is back at its row
    QCOMPARE(m_document.ruleId(1), QStringLiteral("api.unknown-payee"));
    m_stack.undo(); // moved back
    QCOMPARE(m_document.ruleRow(QStringLiteral("payroll.large")), 16);
    m_stack.undo(); // the effect, on its own rule wherever it is
    QCOMPARE(m_document.json(), demo());
}

void PolicyEditorUndoTest::renamedRuleKeepsItsEdits()
{
    const PolicyLocation id{QStringLiteral("rules"), QStringLiteral("trader.swaps"), {QStringLiteral("id")}};
    m_stack.push(new SetPolicyValue(m_document, id, QStringLiteral("trader.dex"), QStringLiteral("id"), true));
    QCOMPARE(m_document.ruleId(5), QStringLiteral("trader.dex"));
    m_stack.push(new SetPolicyValue(m_document, {QStringLiteral("rules"), QStringLiteral("trader.dex"), {QStringLiteral("effect")}},
                                    QStringLiteral("deny"), QStringLiteral("effect"), false));
    QCOMPARE(m_stack.count(), 2);
    m_stack.undo();
    m_stack.undo();
    QCOMPARE(m_document.json(), demo());
    m_stack.redo();
    m_stack.redo();
    QCOMPARE(m_document.rule(5).value(QStringLiteral("effect")).toString(), QStringLiteral("deny"));
}

QTEST_GUILESS_MAIN(PolicyEditorUndoTest)
#include "PolicyEditorUndoTest.moc"
