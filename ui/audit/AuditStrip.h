// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Reports.h"

#include <QWidget>

#include <utility>

#include <array>

class QCPBars;
class QCustomPlot;

namespace cs::ui {

/**
 * The timeline's strip: the entries the filter keeps, per minute, hour or day, stacked by kind
 * (intake, decisions, approvals, settlements, other), in QCustomPlot. Drag to pan and wheel to
 * zoom along time — the range one settles on is offered as a time filter (rangeChosen); a
 * click on a bar jumps to the first entry in it.
 */
class AuditStrip final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditStrip)

public:
    explicit AuditStrip(QWidget* parent = nullptr);

    //! `fit`: the time axis spans the histogram; otherwise it keeps the range shown.
    void showHistogram(const api::AuditHistogram& histogram, bool fit = true);
    //! The time range shown, [from, to) in ms since the epoch.
    std::pair<qint64, qint64> shownRange() const;
    QCustomPlot* plot() const { return m_plot; }
    const api::AuditHistogram& histogram() const { return m_histogram; }

Q_SIGNALS:
    //! A bar was clicked: the first entry of its bucket.
    void jumpTo(qint64 seq);
    //! Zoomed or panned by the user, who has settled (a quarter second) on [fromMs, toMs).
    void rangeChosen(qint64 fromMs, qint64 toMs);

private:
    QCustomPlot* m_plot;
    std::array<QCPBars*, 5> m_bars{};
    api::AuditHistogram m_histogram;
    std::pair<qint64, qint64> m_pressedRange; //!< the time range shown when a drag began
};

} // namespace cs::ui
