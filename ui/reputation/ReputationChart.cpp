// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reputation/ReputationChart.h"

#include "ui/common/TimeAxis.h"

#include <QVBoxLayout>

#include <algorithm>

#include <qcustomplot.h>

namespace cs::ui {

namespace {

const QColor kColors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd),
                          QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f), QColor(0x17, 0xbe, 0xcf)};
constexpr std::size_t kMaxAgents = std::size(kColors);

} // namespace

ReputationChart::ReputationChart(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    m_plot->setObjectName(QStringLiteral("reputationChart"));
    m_plot->setMinimumHeight(220);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom | QCP::iSelectPlottables);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    useTimeAxis(m_plot->xAxis);
    m_plot->yAxis->setLabel(tr("score"));
    m_plot->yAxis->setRange(0, 100);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->legend->setBrush(QColor(255, 255, 255, 200));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
    connect(m_plot, &QCustomPlot::plottableClick, this, [this](QCPAbstractPlottable* plottable, int index, QMouseEvent*) {
        const auto graph = std::find(m_markGraphs.begin(), m_markGraphs.end(), plottable);
        if (graph == m_markGraphs.end())
            return;
        const std::vector<qint64>& marks = m_marks[static_cast<std::size_t>(graph - m_markGraphs.begin())];
        if (index >= 0 && index < static_cast<int>(marks.size()))
            Q_EMIT entryClicked(marks[static_cast<std::size_t>(index)]);
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
}

void ReputationChart::showAgents(const std::vector<const api::AgentReputation*>& agents, qint64 fromMs, qint64 toMs)
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    m_marks.clear();
    m_markGraphs.clear();
    double first = 0;
    double last = 0;
    for (std::size_t i = 0; i < std::min(agents.size(), kMaxAgents); ++i) {
        const api::AgentReputation& agent = *agents[i];
        QCPGraph* line = m_plot->addGraph();
        line->setName(QString::fromStdString(agent.agent));
        line->setPen(QPen(kColors[i], 2));
        line->setLineStyle(QCPGraph::lsStepLeft);
        QCPGraph* marks = m_plot->addGraph();
        marks->removeFromLegend();
        marks->setLineStyle(QCPGraph::lsNone);
        marks->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, kColors[i], 5));
        QCPGraph* incidents = m_plot->addGraph();
        incidents->removeFromLegend();
        incidents->setLineStyle(QCPGraph::lsNone);
        incidents->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCrossCircle, QColor(0xc6, 0x28, 0x28), 9));
        std::vector<qint64> markSeqs;
        std::vector<qint64> incidentSeqs;
        if (!agent.events.empty())
            line->addData(static_cast<double>(agent.events.front().timeMs) / 1000.0, 50.0); // before its first outcome
        for (const api::ReputationEvent& event : agent.events) {
            const double at = static_cast<double>(event.timeMs) / 1000.0;
            line->addData(at, event.scoreAfter);
            (event.value < 0 ? incidents : marks)->addData(at, event.scoreAfter);
            (event.value < 0 ? incidentSeqs : markSeqs).push_back(event.seq);
            first = first == 0 ? at : std::min(first, at);
            last = std::max(last, at);
        }
        m_markGraphs.push_back(marks);
        m_marks.push_back(std::move(markSeqs));
        m_markGraphs.push_back(incidents);
        m_marks.push_back(std::move(incidentSeqs));
    }
    for (const double threshold : {api::kTrustedAt, api::kProvisionalAt}) {
        auto* line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(0, threshold);
        line->point2->setCoords(1, threshold);
        line->setPen(QPen(QColor(0x99, 0x99, 0x99), 1, Qt::DashLine));
    }
    const double from = fromMs != 0 ? static_cast<double>(fromMs) / 1000.0 : first;
    const double to = toMs != 0 ? static_cast<double>(toMs) / 1000.0 : last;
    const double pad = to > from ? (to - from) * 0.03 : 1.0;
    m_plot->xAxis->setRange(from - pad, to + pad);
    m_plot->replot();
}

} // namespace cs::ui
