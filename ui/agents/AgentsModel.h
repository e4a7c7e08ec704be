// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Snapshots.h"

#include <vector>

#include <QAbstractTableModel>

namespace cs::ui {

/**
 * Agents and their balances: one row per agent, fixed columns for name, status and key, then
 * one column per workspace asset. Display text is formatted; raw values are in roles.
 */
class AgentsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentsModel)

public:
    //! Then one column per asset, then the accounts column (accountsColumn()).
    enum Column { NameColumn, StatusColumn, KeyColumn, FirstAssetColumn };
    enum Role {
        AgentIdRole = Qt::UserRole, //!< QString agent id
        AmountRole,                 //!< QString exact decimal amount (asset columns; empty when none)
        SortRole,                   //!< a key that sorts amounts exactly (non-negative balances)
    };

    explicit AgentsModel(QObject* parent = nullptr);

    //! Sets the asset columns (the workspace's assets) and clears the rows.
    void setAssets(const std::vector<api::AssetView>& assets);
    void setAgents(const std::vector<api::AgentSummary>& agents);

    int accountsColumn() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    bool isAmountColumn(int column) const;
    const api::AssetView& assetAt(int column) const; //!< for amount columns only
    QString amountOf(const api::AgentSummary& agent, int column) const;

    std::vector<api::AssetView> m_assets;
    std::vector<api::AgentSummary> m_agents;
};

} // namespace cs::ui
