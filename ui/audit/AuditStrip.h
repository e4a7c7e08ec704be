// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Reports.h"

#include <QWidget>

#include <array>

class QCPBars;
class QCustomPlot;

namespace cs::ui {

/**
 * The timeline's strip: the entries the filter keeps, per minute, hour or day, stacked by kind
 * (intake, decisions, approvals, settlements, other), in QCustomPlot. Drag to pan and wheel to
 * zoom along time; a click on a bar jumps to the first entry in it.
 */
class AuditStrip final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditStrip)

public:
    explicit AuditStrip(QWidget* parent = nullptr);

    void showHistogram(const api::AuditHistogram& histogram);
    QCustomPlot* plot() const { return m_plot; }
    const api::AuditHistogram& histogram() const { return m_histogram; }

Q_SIGNALS:
    //! A bar was clicked: the first entry of its bucket.
    void jumpTo(qint64 seq);

private:
    QCustomPlot* m_plot;
    std::array<QCPBars*, 5> m_bars{};
    api::AuditHistogram m_histogram;
};

} // namespace cs::ui
