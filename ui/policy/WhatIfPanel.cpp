// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/policy/WhatIfPanel.h"

#include "ui/bridge/EngineClient.h"
#include "ui/common/MoneyFormat.h"
#include "ui/common/StateText.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace cs::ui {

namespace {

constexpr std::size_t kChangesShown = 5000;

QTableWidget* makeTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void setRow(QTableWidget& table, int row, const QStringList& cells)
{
    for (qsizetype column = 0; column < cells.size(); ++column)
        table.setItem(row, static_cast<int>(column), new QTableWidgetItem(cells[column]));
}

//! A decimal amount as a plotted value: the chart is the only place money becomes a double.
double plotted(const std::string& decimal)
{
    return QString::fromStdString(decimal).toDouble();
}

} // namespace

WhatIfPanel::WhatIfPanel(EngineClient& client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_run(new QPushButton(tr("Run what-if"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_summary(new QLabel(tr("Run the draft over the whole history to see which decisions it changes."), this))
    , m_transitions(makeTable({tr("Change"), tr("Decisions"), tr("Value")}, this))
    , m_chart(new QCustomPlot(this))
    , m_changes(makeTable({tr("Time"), tr("Intent"), tr("Agent"), tr("Recorded"), tr("Under the draft"), tr("Amount"), tr("Rules")}, this))
{
    m_run->setObjectName(QStringLiteral("whatIfRun"));
    m_cancel->setEnabled(false);
    m_progress->setVisible(false);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("whatIfSummary"));
    m_transitions->setObjectName(QStringLiteral("whatIfTransitions"));
    m_changes->setObjectName(QStringLiteral("whatIfChanges"));
    m_chart->setObjectName(QStringLiteral("whatIfChart"));
    m_chart->setMinimumHeight(180);
    m_chart->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_chart->axisRect()->setRangeDrag(Qt::Horizontal);
    m_chart->axisRect()->setRangeZoom(Qt::Horizontal);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_run);
    controls->addWidget(m_cancel);
    controls->addWidget(m_progress, 1);
    auto* top = new QHBoxLayout;
    top->addWidget(m_transitions, 1);
    top->addWidget(m_chart, 2);
    auto* upper = new QWidget(this);
    auto* upperColumn = new QVBoxLayout(upper);
    upperColumn->setContentsMargins(0, 0, 0, 0);
    upperColumn->addWidget(m_summary);
    upperColumn->addLayout(top, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(upper);
    split->addWidget(m_changes);
    auto* column = new QVBoxLayout(this);
    column->addLayout(controls);
    column->addWidget(split, 1);

    connect(m_run, &QPushButton::clicked, this, &WhatIfPanel::runRequested);
    m_changes->setToolTip(tr("Double-click a proposal to see it in the approval detail"));
    connect(m_changes, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (const QTableWidgetItem* intent = m_changes->item(row, 1))
            Q_EMIT proposalOpened(intent->text());
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_client.cancelBacktest(); });
    connect(&m_client, &EngineClient::backtestProgress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, static_cast<int>(std::min<qint64>(total, std::numeric_limits<int>::max())));
        m_progress->setValue(static_cast<int>(std::min<qint64>(done, std::numeric_limits<int>::max())));
    });
    connect(&m_client, &EngineClient::backtestFinished, this, [this](const api::BacktestSummary& summary) {
        m_ran = m_running;
        m_result = summary;
        show(summary);
        Q_EMIT finished();
    });
    connect(&m_client, &EngineClient::backtestFailed, this, [this](const QString& message, bool cancelled) {
        m_progress->setVisible(false);
        m_cancel->setEnabled(false);
        m_run->setEnabled(true);
        m_summary->setText(cancelled ? tr("The what-if was cancelled; nothing changed.") : tr("The what-if failed: %1").arg(message));
        Q_EMIT finished();
    });
}

void WhatIfPanel::run(const QByteArray& document)
{
    if (!m_running.isEmpty() && m_progress->isVisible())
        m_client.cancelBacktest();
    m_running = document;
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setVisible(true);
    m_progress->setRange(0, 0); // busy until the first count
    m_summary->setText(tr("Re-deciding the whole history under the draft…"));
    m_client.backtestPolicy(document);
}

const api::BacktestSummary* WhatIfPanel::resultFor(const QByteArray& document) const
{
    return m_result && m_ran == document ? &*m_result : nullptr;
}

QString WhatIfPanel::summaryText() const
{
    return m_result ? m_summary->text() : QString();
}

void WhatIfPanel::show(const api::BacktestSummary& summary)
{
    m_progress->setVisible(false);
    m_cancel->setEnabled(false);
    m_run->setEnabled(true);
    const QString currency = QString::fromStdString(summary.currency);
    const auto money = [&](const std::string& decimal) -> QString { return formatAmount(QString::fromStdString(decimal)) + u' ' + currency; };
    m_summary->setText(tr("%n of %1 recorded decisions change under the draft. Value allowed: %2 as recorded, %3 under the draft.",
                          nullptr, static_cast<int>(summary.changes.size()))
                           .arg(summary.proposals)
                           .arg(money(summary.allowedBefore), money(summary.allowedAfter)));
    m_transitions->setRowCount(static_cast<int>(summary.transitions.size()));
    for (std::size_t i = 0; i < summary.transitions.size(); ++i) {
        const api::BacktestTransition& change = summary.transitions[i];
        setRow(*m_transitions, static_cast<int>(i),
               {tr("%1 → %2").arg(stateText(change.from), stateText(change.to)), QString::number(change.count), money(change.value)});
    }
    // A person reads the first few thousand; the counts and values above cover every one.
    const std::size_t shown = std::min<std::size_t>(summary.changes.size(), kChangesShown);
    m_changes->setRowCount(static_cast<int>(shown));
    for (std::size_t i = 0; i < shown; ++i) {
        const api::BacktestChange& change = summary.changes[i];
        QStringList rules;
        for (const std::string& rule : change.rules)
            rules << QString::fromStdString(rule);
        const QDateTime at = QDateTime::fromString(QString::fromStdString(change.at), Qt::ISODateWithMs);
        setRow(*m_changes, static_cast<int>(i),
               {QLocale().toString(at.toLocalTime(), QLocale::ShortFormat), QString::fromStdString(change.intent),
                QString::fromStdString(change.agent), stateText(change.before), stateText(change.after),
                formatAmount(QString::fromStdString(change.amount)) + u' ' + QString::fromStdString(change.asset),
                rules.join(QStringLiteral(", "))});
    }
    if (shown < summary.changes.size())
        m_summary->setText(m_summary->text() + u' '
                           + tr("The first %1 changed proposals are listed.").arg(QLocale().toString(static_cast<qint64>(shown))));
    m_transitions->resizeColumnsToContents();
    m_changes->resizeColumnsToContents();
    plot(summary);
}

void WhatIfPanel::plot(const api::BacktestSummary& summary)
{
    m_chart->clearPlottables();
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    QVector<double> days;
    QVector<double> recorded;
    QVector<double> draft;
    for (std::size_t i = 0; i < summary.days.size(); ++i) {
        days << static_cast<double>(i);
        recorded << plotted(summary.days[i].allowedBefore);
        draft << plotted(summary.days[i].allowedAfter);
        const QDate day = QDate::fromString(QString::fromStdString(summary.days[i].day), Qt::ISODate);
        ticker->addTick(static_cast<double>(i), QLocale().toString(day, QLocale::ShortFormat));
    }
    auto* before = new QCPBars(m_chart->xAxis, m_chart->yAxis);
    auto* after = new QCPBars(m_chart->xAxis, m_chart->yAxis);
    auto* group = new QCPBarsGroup(m_chart);
    for (QCPBars* bars : {before, after}) {
        bars->setWidth(0.35);
        bars->setBarsGroup(group);
    }
    before->setName(tr("allowed as recorded"));
    before->setBrush(QColor(0x90, 0xa4, 0xae));
    before->setPen(Qt::NoPen);
    after->setName(tr("allowed under the draft"));
    after->setBrush(QColor(0x1e, 0x88, 0xe5));
    after->setPen(Qt::NoPen);
    before->setData(days, recorded);
    after->setData(days, draft);
    m_chart->xAxis->setTicker(ticker);
    m_chart->yAxis->setLabel(tr("value allowed per day (%1)").arg(QString::fromStdString(summary.currency)));
    m_chart->legend->setVisible(true);
    m_chart->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_chart->rescaleAxes();
    m_chart->xAxis->setRange(-0.6, static_cast<double>(summary.days.size()) - 0.4);
    m_chart->yAxis->setRangeLower(0);
    m_chart->yAxis->setRangeUpper(m_chart->yAxis->range().upper * 1.15);
    m_chart->replot();
}

} // namespace cs::ui
