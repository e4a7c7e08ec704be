// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Reputation.h"

#include <QAbstractTableModel>

namespace cs::ui {

/**
 * The leaderboard: one row per agent, best score first as the engine reports them — score,
 * tier, trend (the change over its last ten scored outcomes), outcomes, incidents, last
 * activity. A new report replaces the rows (a reset: the set of agents is small and every
 * score may move).
 */
class ReputationModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Agent, Score, Tier, Trend, Outcomes, Incidents, LastActivity, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, AgentRole };
    static constexpr int kTrendOutcomes = 10;

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setReport(api::ReputationReport report);
    const api::ReputationReport& report() const { return m_report; }
    //! Row `row`'s agent; null outside the rows.
    const api::AgentReputation* agentAt(int row) const;
    //! The change of `agent`'s score over its last kTrendOutcomes outcomes.
    static double trendOf(const api::AgentReputation& agent);
    //! "trusted", … in the user's language.
    static QString tierText(api::ReputationTier tier);
    //! An outcome or flag ("approved_executed", "under_claimed", …) in the user's language.
    static QString outcomeText(const std::string& outcome);

private:
    api::ReputationReport m_report;
};

} // namespace cs::ui
