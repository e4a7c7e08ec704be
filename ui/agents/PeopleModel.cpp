// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/agents/PeopleModel.h"

#include "ui/common/StateText.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace cs::ui {

QString whenText(const std::optional<Timestamp>& at)
{
    if (!at)
        return PeopleModel::tr("never");
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(at->msSinceEpoch).toLocalTime(), QLocale::ShortFormat);
}

PeopleModel::PeopleModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void PeopleModel::setPeople(const std::vector<api::PrincipalView>& people)
{
    beginResetModel();
    m_people = people;
    endResetModel();
}

const api::PrincipalView* PeopleModel::at(int row) const
{
    return row >= 0 && row < static_cast<int>(m_people.size()) ? &m_people[static_cast<std::size_t>(row)] : nullptr;
}

int PeopleModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_people.size());
}

int PeopleModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PeopleModel::data(const QModelIndex& index, int role) const
{
    const api::PrincipalView* person = index.isValid() ? at(index.row()) : nullptr;
    if (person == nullptr || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const QString id = QString::fromStdString(person->id);
    if (role == IdRole)
        return id;
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (static_cast<Column>(index.column())) {
        case NameColumn: {
            const QString name = QString::fromStdString(person->displayName);
            return name == id || name.isEmpty() ? id : tr("%1 (%2)").arg(name, id);
        }
        case RoleColumn: return stateText(person->role);
        case StatusColumn: return stateText(person->status);
        case KeyColumn:
            return person->fingerprint.empty() ? tr("no key (signs nothing)") : QString::fromStdString(person->fingerprint);
        case LastActiveColumn:
            if (role == SortRole)
                return person->lastActive ? QVariant(static_cast<qlonglong>(person->lastActive->msSinceEpoch)) : QVariant(0LL);
            return whenText(person->lastActive);
        case ColumnCount: break;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == NameColumn && !person->description.empty())
        return QString::fromStdString(person->description);
    if (role == Qt::FontRole && index.column() == KeyColumn && !person->fingerprint.empty()) {
        QFont mono(QStringLiteral("monospace"));
        mono.setStyleHint(QFont::Monospace);
        return mono;
    }
    return {};
}

QVariant PeopleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case NameColumn: return tr("Name");
    case RoleColumn: return tr("Role");
    case StatusColumn: return tr("Status");
    case KeyColumn: return tr("Key fingerprint");
    case LastActiveColumn: return tr("Last active");
    case ColumnCount: break;
    }
    return {};
}

} // namespace cs::ui
