// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/audit/AuditStrip.h"

#include "ui/common/TimeAxis.h"

#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

#include <qcustomplot.h>

namespace cs::ui {

AuditStrip::AuditStrip(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    m_plot->setObjectName(QStringLiteral("auditStrip"));
    m_plot->setMinimumHeight(120);
    m_plot->setMaximumHeight(150);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom | QCP::iSelectPlottables);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    useTimeAxis(m_plot->xAxis);
    m_plot->yAxis->setLabel(tr("entries"));
    m_plot->yAxis->setNumberFormat(QStringLiteral("f")); // 1000000, not 1E+06
    m_plot->yAxis->setNumberPrecision(0);
    const std::array<std::pair<QString, QColor>, 5> kinds{{{tr("intake"), QColor(0x6c, 0x8e, 0xbf)},
                                                           {tr("decisions"), QColor(0x8e, 0x6c, 0xbf)},
                                                           {tr("approvals"), QColor(0xe0, 0xa0, 0x30)},
                                                           {tr("settlements"), QColor(0x3a, 0x9d, 0x5d)},
                                                           {tr("other"), QColor(0x99, 0x99, 0x99)}}};
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        m_bars[i] = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        m_bars[i]->setName(kinds[i].first);
        m_bars[i]->setBrush(kinds[i].second);
        m_bars[i]->setPen(Qt::NoPen);
        if (i > 0)
            m_bars[i]->moveAbove(m_bars[i - 1]);
    }
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->legend->setIconSize(10, 10);
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst); // one row, so it does not cover the bars
    m_plot->legend->setBrush(QColor(255, 255, 255, 200));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    connect(m_plot, &QCustomPlot::plottableClick, this, [this](QCPAbstractPlottable*, int index, QMouseEvent*) {
        if (index >= 0 && index < static_cast<int>(m_histogram.buckets.size()))
            Q_EMIT jumpTo(m_histogram.buckets[static_cast<std::size_t>(index)].firstSeq);
    });
    // What the user settles on by wheel or drag (never a range set here) is offered as a filter.
    auto* settled = new QTimer(this);
    settled->setSingleShot(true);
    settled->setInterval(250);
    connect(settled, &QTimer::timeout, this, [this] {
        const auto [from, to] = shownRange();
        Q_EMIT rangeChosen(from, to);
    });
    connect(m_plot, &QCustomPlot::mouseWheel, settled, qOverload<>(&QTimer::start));
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this, settled] {
        if (shownRange() != m_pressedRange)
            settled->start();
    });
    connect(m_plot, &QCustomPlot::mousePress, this, [this] { m_pressedRange = shownRange(); });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
}

std::pair<qint64, qint64> AuditStrip::shownRange() const
{
    const QCPRange range = m_plot->xAxis->range();
    return {static_cast<qint64>(std::floor(range.lower * 1000.0)), static_cast<qint64>(std::ceil(range.upper * 1000.0))};
}

void AuditStrip::showHistogram(const api::AuditHistogram& histogram, bool fit)
{
    m_histogram = histogram;
    const double width = static_cast<double>(histogram.bucketMs) / 1000.0;
    double top = 1;
    QVector<double> keys;
    for (const api::AuditBucket& bucket : histogram.buckets)
        keys << static_cast<double>(bucket.startMs) / 1000.0 + width / 2;
    for (std::size_t kind = 0; kind < m_bars.size(); ++kind) {
        QVector<double> values;
        for (const api::AuditBucket& bucket : histogram.buckets)
            values << static_cast<double>(bucket.counts[kind]);
        m_bars[kind]->setWidth(width * 0.9);
        m_bars[kind]->setData(keys, values, true);
    }
    for (const api::AuditBucket& bucket : histogram.buckets) {
        double total = 0;
        for (std::int64_t count : bucket.counts)
            total += static_cast<double>(count);
        top = std::max(top, total);
    }
    if (fit && !keys.isEmpty())
        m_plot->xAxis->setRange(keys.front() - width, keys.back() + width);
    m_plot->yAxis->setRange(0, top * 1.15);
    m_plot->replot();
}

} // namespace cs::ui
