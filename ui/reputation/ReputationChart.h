// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Reputation.h"

#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPGraph;

namespace cs::ui {

/**
 * Agents' scores over time in QCustomPlot, one line each (a step at each scored outcome), every
 * outcome marked — incidents in red — and the tiers' thresholds drawn across. A click on a mark
 * asks for the entry that ended that proposal (entryClicked), which the audit timeline shows.
 */
class ReputationChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReputationChart)

public:
    explicit ReputationChart(QWidget* parent = nullptr);

    //! `agents` compared (at most eight), over [fromMs, toMs] (0, 0: all their history).
    void showAgents(const std::vector<const api::AgentReputation*>& agents, qint64 fromMs, qint64 toMs);
    QCustomPlot* plot() const { return m_plot; }
    //! The seq each mark of graph `graph` stands for, in order (for tests and clicks).
    const std::vector<qint64>& marksOf(int graph) const { return m_marks.at(static_cast<std::size_t>(graph)); }

Q_SIGNALS:
    void entryClicked(qint64 seq);

private:
    QCustomPlot* m_plot;
    std::vector<std::vector<qint64>> m_marks; //!< per mark graph: the seq of each mark
    std::vector<QCPGraph*> m_markGraphs;
};

} // namespace cs::ui
