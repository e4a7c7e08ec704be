// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Snapshots.h"

#include <vector>

#include <QAbstractTableModel>

namespace cs::ui {

//! Everyone in the workspace — agents, approvers, risk managers, analysts, the engine — one row each.
class PeopleModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeopleModel)

public:
    enum Column { NameColumn, RoleColumn, StatusColumn, KeyColumn, LastActiveColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole, //!< QString principal id
        SortRole,              //!< what the column sorts by (times as ms since the epoch)
    };

    explicit PeopleModel(QObject* parent = nullptr);

    void setPeople(const std::vector<api::PrincipalView>& people);
    //! The principal at `row`, or nullptr.
    const api::PrincipalView* at(int row) const;
    const std::vector<api::PrincipalView>& people() const { return m_people; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<api::PrincipalView> m_people;
};

//! When, in the user's locale ("never" when not at all).
QString whenText(const std::optional<Timestamp>& at);

} // namespace cs::ui
