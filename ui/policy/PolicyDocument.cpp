// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/policy/PolicyDocument.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cs::ui {

namespace {

QJsonValue valueIn(const QJsonValue& root, const QStringList& path, qsizetype from = 0)
{
    QJsonValue at = root;
    for (qsizetype i = from; i < path.size(); ++i)
        at = at.toObject().value(path[i]);
    return at;
}

//! `root` with `value` at `path` (undefined: removed, and objects it leaves empty with it).
QJsonValue withValue(const QJsonValue& root, const QStringList& path, const QJsonValue& value, qsizetype from = 0)
{
    if (from == path.size())
        return value;
    QJsonObject object = root.toObject();
    const QJsonValue inner = withValue(object.value(path[from]), path, value, from + 1);
    if (inner.isUndefined() || (inner.isObject() && inner.toObject().isEmpty() && from + 1 < path.size()))
        object.remove(path[from]);
    else
        object.insert(path[from], inner);
    return object;
}

} // namespace

PolicyDocument::PolicyDocument(QObject* parent)
    : QObject(parent)
{
}

QByteArray PolicyDocument::bytes() const
{
    return QJsonDocument(m_json).toJson(QJsonDocument::Compact);
}

QJsonArray PolicyDocument::rules() const
{
    return m_json.value(QStringLiteral("rules")).toArray();
}

void PolicyDocument::setRules(const QJsonArray& rules)
{
    m_json.insert(QStringLiteral("rules"), rules);
}

int PolicyDocument::ruleCount() const
{
    return static_cast<int>(rules().size());
}

QJsonObject PolicyDocument::rule(int row) const
{
    return rules().at(row).toObject();
}

QString PolicyDocument::ruleId(int row) const
{
    return rule(row).value(QStringLiteral("id")).toString();
}

int PolicyDocument::ruleRow(const QString& id) const
{
    const QJsonArray all = rules();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all[i].toObject().value(QStringLiteral("id")).toString() == id)
            return static_cast<int>(i);
    }
    return -1;
}

QStringList PolicyDocument::listNames() const
{
    return m_json.value(QStringLiteral("lists")).toObject().keys();
}

QStringList PolicyDocument::groupNames() const
{
    return m_json.value(QStringLiteral("groups")).toObject().keys();
}

QJsonValue PolicyDocument::value(const PolicyLocation& where) const
{
    if (where.section.isEmpty())
        return m_json;
    if (where.section == QLatin1String("name"))
        return m_json.value(QStringLiteral("name"));
    if (where.section == QLatin1String("rules")) {
        const int row = ruleRow(where.key);
        return row < 0 ? QJsonValue(QJsonValue::Undefined) : valueIn(rule(row), where.path);
    }
    return valueIn(m_json.value(where.section).toObject().value(where.key), where.path);
}

void PolicyDocument::setValue(const PolicyLocation& where, const QJsonValue& value)
{
    if (where.section.isEmpty()) {
        m_json = value.toObject();
        Q_EMIT rulesReset();
        Q_EMIT changed(where);
        return;
    }
    if (where.section == QLatin1String("name")) {
        m_json = withValue(m_json, {QStringLiteral("name")}, value).toObject();
    } else if (where.section == QLatin1String("rules")) {
        const int row = ruleRow(where.key);
        if (row < 0 || where.path.isEmpty())
            return; // a whole rule is added and removed by its own commands
        QJsonArray all = rules();
        all[row] = withValue(all[row], where.path, value);
        setRules(all);
    } else {
        m_json = withValue(m_json, {where.section, where.key}, withValue(valueIn(m_json, {where.section, where.key}), where.path, value))
                     .toObject();
    }
    Q_EMIT changed(where);
}

void PolicyDocument::insertRule(int row, const QJsonObject& rule)
{
    QJsonArray all = rules();
    all.insert(std::clamp<qsizetype>(row, 0, all.size()), rule);
    setRules(all);
    Q_EMIT rulesReset();
    Q_EMIT changed({QStringLiteral("rules"), rule.value(QStringLiteral("id")).toString(), {}});
}

void PolicyDocument::removeRule(const QString& id)
{
    const int row = ruleRow(id);
    if (row < 0)
        return;
    QJsonArray all = rules();
    all.removeAt(row);
    setRules(all);
    Q_EMIT rulesReset();
    Q_EMIT changed({QStringLiteral("rules"), id, {}});
}

void PolicyDocument::moveRule(const QString& id, int row)
{
    const int from = ruleRow(id);
    if (from < 0)
        return;
    QJsonArray all = rules();
    const QJsonValue moved = all.takeAt(from);
    all.insert(std::clamp<qsizetype>(row, 0, all.size()), moved);
    setRules(all);
    Q_EMIT rulesReset();
    Q_EMIT changed({QStringLiteral("rules"), id, {}});
}

SetPolicyValue::SetPolicyValue(PolicyDocument& document, PolicyLocation where, QJsonValue value, const QString& text,
                               bool merge)
    : QUndoCommand(text)
    , m_document(document)
    , m_where(std::move(where))
    , m_before(document.value(m_where))
    , m_value(std::move(value))
    , m_merge(merge)
{
}

PolicyLocation SetPolicyValue::after() const
{
    const bool renamesRule = m_where.section == QLatin1String("rules") && m_where.path == QStringList{QStringLiteral("id")};
    return renamesRule ? PolicyLocation{m_where.section, m_value.toString(), m_where.path} : m_where;
}

void SetPolicyValue::redo()
{
    m_document.setValue(m_where, m_value);
}

void SetPolicyValue::undo()
{
    m_document.setValue(after(), m_before);
}

bool SetPolicyValue::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const SetPolicyValue*>(other);
    if (!m_merge || !next->m_merge || &next->m_document != &m_document || next->m_where != after()
        || m_where.path == QStringList{QStringLiteral("id")})
        return false;
    m_value = next->m_value;
    setObsolete(m_value == m_before);
    return true;
}

InsertPolicyRule::InsertPolicyRule(PolicyDocument& document, int row, QJsonObject rule, const QString& text)
    : QUndoCommand(text)
    , m_document(document)
    , m_row(row)
    , m_rule(std::move(rule))
{
}

void InsertPolicyRule::redo()
{
    m_document.insertRule(m_row, m_rule);
}

void InsertPolicyRule::undo()
{
    m_document.removeRule(m_rule.value(QStringLiteral("id")).toString());
}

RemovePolicyRule::RemovePolicyRule(PolicyDocument& document, const QString& id, const QString& text)
    : QUndoCommand(text)
    , m_document(document)
    , m_id(id)
    , m_row(document.ruleRow(id))
    , m_rule(document.rule(m_row))
{
}

void RemovePolicyRule::redo()
{
    m_document.removeRule(m_id);
}

void RemovePolicyRule::undo()
{
    m_document.insertRule(m_row, m_rule);
}

MovePolicyRule::MovePolicyRule(PolicyDocument& document, const QString& id, int row, const QString& text)
    : QUndoCommand(text)
    , m_document(document)
    , m_id(id)
    , m_from(document.ruleRow(id))
    , m_to(row)
{
}

void MovePolicyRule::redo()
{
    m_document.moveRule(m_id, m_to);
}

void MovePolicyRule::undo()
{
    m_document.moveRule(m_id, m_from);
}

} // namespace cs::ui
