// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/policy/PolicyModels.h"

#include "ui/policy/PolicyDocument.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QJsonArray>
#include <QJsonObject>
#include <QStyle>

namespace cs::ui {

namespace {

QStringList stringsOf(const QJsonValue& value)
{
    QStringList strings;
    for (const QJsonValue& item : value.toArray())
        strings << item.toString();
    return strings;
}

QJsonArray arrayOf(const QString& text)
{
    QJsonArray array;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts)) {
        if (const QString item = part.trimmed(); !item.isEmpty())
            array.append(item);
    }
    return array;
}

} // namespace

QString selectorText(const QJsonValue& selector)
{
    if (selector.isArray())
        return stringsOf(selector).join(QStringLiteral(", "));
    const QJsonObject object = selector.toObject();
    if (object.contains(QStringLiteral("in_list")))
        return QStringLiteral("list ") + object.value(QStringLiteral("in_list")).toString();
    if (object.contains(QStringLiteral("not_in_list")))
        return QStringLiteral("not list ") + object.value(QStringLiteral("not_in_list")).toString();
    if (object.contains(QStringLiteral("not_in")))
        return QStringLiteral("not ") + stringsOf(object.value(QStringLiteral("not_in"))).join(QStringLiteral(", "));
    return {};
}

QJsonValue selectorValue(const QString& text)
{
    QString rest = text.trimmed();
    if (rest.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    bool negated = false;
    if (rest.startsWith(QLatin1String("not "))) {
        negated = true;
        rest = rest.mid(4).trimmed();
    }
    if (rest.startsWith(QLatin1String("list "))) {
        const QString name = rest.mid(5).trimmed();
        return QJsonObject{{negated ? QStringLiteral("not_in_list") : QStringLiteral("in_list"), name}};
    }
    if (negated)
        return QJsonObject{{QStringLiteral("not_in"), arrayOf(rest)}};
    return arrayOf(rest);
}

QString groupsText(const QJsonValue& groups)
{
    QStringList parts;
    for (const QJsonValue& item : groups.toArray()) {
        const QJsonObject group = item.toObject();
        parts << QStringLiteral("%1:%2").arg(group.value(QStringLiteral("group")).toString())
                     .arg(group.value(QStringLiteral("threshold")).toInt(1));
    }
    return parts.join(QStringLiteral(", "));
}

QJsonValue groupsValue(const QString& text)
{
    QJsonArray groups;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts)) {
        const QStringList pieces = part.trimmed().split(u':');
        if (pieces.value(0).trimmed().isEmpty())
            continue;
        bool number = false;
        const int threshold = pieces.value(1).trimmed().toInt(&number);
        groups.append(QJsonObject{{QStringLiteral("group"), pieces.value(0).trimmed()},
                                  {QStringLiteral("threshold"), number ? threshold : 1}});
    }
    return groups.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(groups);
}

QString boundText(const QJsonObject& bound)
{
    QStringList parts;
    if (bound.contains(QStringLiteral("above")))
        parts << PolicyRulesModel::tr("above %1").arg(bound.value(QStringLiteral("above")).toString());
    if (bound.contains(QStringLiteral("at_most")))
        parts << PolicyRulesModel::tr("at most %1").arg(bound.value(QStringLiteral("at_most")).toString());
    return parts.join(QStringLiteral(", "));
}

PolicyRulesModel::PolicyRulesModel(const PolicyDocument& document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    connect(&document, &PolicyDocument::rulesReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(&document, &PolicyDocument::changed, this, [this](const PolicyLocation& where) {
        if (where.section == QLatin1String("rules") && rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    });
}

int PolicyRulesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_document.ruleCount();
}

int PolicyRulesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PolicyRulesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QJsonObject rule = m_document.rule(index.row());
    const QString id = rule.value(QStringLiteral("id")).toString();
    const QJsonObject match = rule.value(QStringLiteral("match")).toObject();
    const auto selector = [&](const char* field) {
        const QString text = selectorText(match.value(QLatin1String(field)));
        return text.isEmpty() ? tr("any") : text;
    };
    if (role == SeverityRole)
        return severityOf(id);
    if (role == Qt::DecorationRole && index.column() == Check) {
        const int severity = severityOf(id);
        if (severity == 0)
            return {};
        return QApplication::style()->standardIcon(severity == 2 ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning);
    }
    if (role == Qt::ForegroundRole && index.column() == Check && severityOf(id) == 2)
        return QBrush(QColor(0xb3, 0x26, 0x1e));
    if (role == Qt::ForegroundRole && index.data().toString() == tr("any"))
        return QBrush(QColor(0x75, 0x75, 0x75)); // what a rule leaves open recedes
    if (role == Qt::ToolTipRole) {
        if (index.column() == Check)
            return findingsOf(id).join(u'\n');
        return rule.value(QStringLiteral("description")).toString();
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(index.column())) {
    case Id: return id;
    case Effect: {
        const QString effect = rule.value(QStringLiteral("effect")).toString();
        return effect == QLatin1String("allow")              ? tr("allow")
               : effect == QLatin1String("require_approval") ? tr("needs approval")
               : effect == QLatin1String("deny")             ? tr("deny")
                                                             : effect; // as written: the check says what is wrong
    }
    case Agents: {
        const QString roles = selectorText(match.value(QStringLiteral("role")));
        QString agents = selector("agent");
        if (!roles.isEmpty())
            agents = tr("%1; role %2").arg(agents, roles);
        const QString below = match.value(QStringLiteral("reputation_below")).toString();
        if (below == QLatin1String("trusted"))
            agents = tr("%1; below trusted").arg(agents);
        else if (below == QLatin1String("provisional"))
            agents = tr("%1; below provisional").arg(agents);
        else if (!below.isEmpty())
            agents = tr("%1; below %2").arg(agents, below); // as written: the check says what is wrong
        return agents;
    }
    case Actions: return selector("action");
    case Assets: return selector("asset");
    case Venues: return selector("venue");
    case Counterparties: return selector("counterparty");
    case Destination: {
        const QString destination = match.value(QStringLiteral("destination")).toString();
        return destination.isEmpty() ? tr("any") : destination;
    }
    case PerTransaction: return boundText(rule.value(QStringLiteral("amount")).toObject());
    case Window: {
        const QJsonObject window = rule.value(QStringLiteral("window")).toObject();
        if (window.isEmpty())
            return QString();
        return tr("%1 per %2").arg(boundText(window), window.value(QStringLiteral("period")).toString());
    }
    case Approval: return groupsText(rule.value(QStringLiteral("approval")).toObject().value(QStringLiteral("groups")));
    case Check: {
        // The kinds only (the messages are in the tooltip and below the table).
        QStringList kinds;
        if (!m_check.problem.empty() && QString::fromStdString(m_check.problemRule) == id)
            kinds << tr("does not read");
        for (const api::PolicyFinding& finding : m_check.findings) {
            if (QString::fromStdString(finding.rule) == id && !kinds.contains(QString::fromStdString(finding.kind)))
                kinds << QString::fromStdString(finding.kind);
        }
        return kinds.join(QStringLiteral(", "));
    }
    case ColumnCount: break;
    }
    return {};
}

QVariant PolicyRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case Id: return tr("Rule");
    case Effect: return tr("Effect");
    case Agents: return tr("Agents");
    case Actions: return tr("Actions");
    case Assets: return tr("Assets");
    case Venues: return tr("Venues");
    case Counterparties: return tr("Counterparties");
    case Destination: return tr("Destination");
    case PerTransaction: return tr("Per transaction");
    case Window: return tr("Window cap");
    case Approval: return tr("Approvers");
    case Check: return tr("Check");
    case ColumnCount: break;
    }
    return {};
}

void PolicyRulesModel::setCheck(const api::PolicyCheck& check)
{
    m_check = check;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QStringList PolicyRulesModel::findingsOf(const QString& id) const
{
    QStringList lines;
    if (!m_check.problem.empty() && QString::fromStdString(m_check.problemRule) == id)
        lines << QString::fromStdString(m_check.problem);
    for (bool errors : {true, false}) {
        for (const api::PolicyFinding& finding : m_check.findings) {
            if (finding.error == errors && QString::fromStdString(finding.rule) == id)
                lines << QString::fromStdString(finding.message);
        }
    }
    return lines;
}

int PolicyRulesModel::severityOf(const QString& id) const
{
    if (!m_check.problem.empty() && QString::fromStdString(m_check.problemRule) == id)
        return 2;
    int severity = 0;
    for (const api::PolicyFinding& finding : m_check.findings) {
        if (QString::fromStdString(finding.rule) == id)
            severity = std::max(severity, finding.error ? 2 : 1);
    }
    return severity;
}

PolicyListsModel::PolicyListsModel(const PolicyDocument& document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_names(document.listNames())
{
    connect(&document, &PolicyDocument::changed, this, [this](const PolicyLocation& where) {
        if (!where.section.isEmpty() && where.section != QLatin1String("lists"))
            return;
        const QStringList names = m_document.listNames();
        if (names != m_names) {
            beginResetModel();
            m_names = names;
            endResetModel();
        } else if (!m_names.isEmpty()) {
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        }
    });
}

int PolicyListsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_names.size());
}

int PolicyListsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PolicyListsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const QString& name = m_names[index.row()];
    const QJsonObject list = m_document.value({QStringLiteral("lists"), name, {}}).toObject();
    switch (static_cast<Column>(index.column())) {
    case Name: return name;
    case Kind: return list.value(QStringLiteral("kind")).toString();
    case Members: return stringsOf(list.value(QStringLiteral("members"))).join(QStringLiteral(", "));
    case Description: return list.value(QStringLiteral("description")).toString();
    case ColumnCount: break;
    }
    return {};
}

QVariant PolicyListsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case Name: return tr("List");
    case Kind: return tr("Kind");
    case Members: return tr("Members");
    case Description: return tr("Description");
    case ColumnCount: break;
    }
    return {};
}

} // namespace cs::ui
