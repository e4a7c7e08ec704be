// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reputation/ReputationView.h"

#include "ui/bridge/EngineClient.h"
#include "ui/common/ViewHeading.h"
#include "ui/reputation/HealthPanel.h"
#include "ui/reputation/ReputationChart.h"
#include "ui/reputation/ReputationModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace cs::ui {

ReputationView::ReputationView(EngineClient& client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new ReputationModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_chart(new ReputationChart(this))
    , m_range(new QComboBox(this))
    , m_detail(new QLabel(this))
    , m_killSwitch(new QPushButton(tr("Kill switch in People && agents…"), this))
    , m_health(new HealthPanel(this))
    , m_tabs(new QTabWidget(this))
    , m_reload(new QTimer(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ReputationModel::SortRole);
    m_table->setObjectName(QStringLiteral("reputationTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ReputationModel::Score, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection); // several agents, compared
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents); // a tier is never cut off
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_range->addItem(tr("All their history"), 0);
    m_range->addItem(tr("Last 24 hours"), 86400);
    m_range->addItem(tr("Last 7 days"), 7 * 86400);
    m_range->addItem(tr("Last 30 days"), 30 * 86400);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::RichText);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_killSwitch->setEnabled(false);

    auto* chartBar = new QHBoxLayout;
    auto* chartLabel = new QLabel(tr("Scores over time (select several agents to compare; click an outcome to see its entry):"), this);
    chartLabel->setWordWrap(true); // a longer language wraps it rather than widening the window
    chartBar->addWidget(chartLabel, 1);
    chartBar->addWidget(m_range);
    auto* detail = new QVBoxLayout;
    detail->addWidget(m_detail, 1);
    detail->addWidget(m_killSwitch);
    auto* lower = new QWidget(this);
    auto* lowerLayout = new QHBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    auto* chartBox = new QVBoxLayout;
    chartBox->addLayout(chartBar);
    chartBox->addWidget(m_chart, 1);
    lowerLayout->addLayout(chartBox, 3);
    lowerLayout->addLayout(detail, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(lower);
    splitter->setStretchFactor(1, 2);
    m_tabs->addTab(splitter, tr("Agents"));
    m_tabs->addTab(m_health, tr("Health"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeViewHeading(tr("Reputation"), this));
    layout->addWidget(m_tabs, 1);

    m_reload->setSingleShot(true);
    m_reload->setInterval(1000);
    connect(m_reload, &QTimer::timeout, this, &ReputationView::reload);
    connect(&m_client, &EngineClient::reputationLoaded, this, &ReputationView::showReport);
    connect(&m_client, &EngineClient::healthLoaded, m_health, &HealthPanel::showReport);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ReputationView::showSelected);
    connect(m_range, &QComboBox::currentIndexChanged, this, &ReputationView::showSelected);
    connect(m_chart, &ReputationChart::entryClicked, this, &ReputationView::entryRequested);
    connect(m_health, &HealthPanel::entryClicked, this, &ReputationView::entryRequested);
    connect(m_killSwitch, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            Q_EMIT killSwitchRequested(rows.first().data(ReputationModel::AgentRole).toString());
    });
}

void ReputationView::showWorkspace()
{
    m_model->setReport({});
    m_health->showReport({});
    m_stale = true;
    if (isVisible())
        reload();
}

void ReputationView::logGrew()
{
    if (!isVisible())
        m_stale = true; // read the whole log only when someone looks
    else if (!m_reload->isActive())
        m_reload->start();
}

void ReputationView::reload()
{
    m_stale = false;
    m_client.loadReputation();
    m_client.loadHealth();
}

void ReputationView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void ReputationView::showReport(const api::ReputationReport& report)
{
    QStringList selected; // kept across a reload, by agent
    for (const QModelIndex& row : m_table->selectionModel()->selectedRows())
        selected << row.data(ReputationModel::AgentRole).toString();
    m_model->setReport(report);
    if (selected.isEmpty() && m_model->rowCount() > 0)
        selected << QString::fromStdString(m_model->report().agents.front().agent);
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (selected.contains(index.data(ReputationModel::AgentRole).toString()))
            m_table->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    showSelected();
}

void ReputationView::showSelected()
{
    std::vector<const api::AgentReputation*> agents;
    for (const QModelIndex& row : m_table->selectionModel()->selectedRows()) {
        if (const api::AgentReputation* agent = m_model->agentAt(m_proxy->mapToSource(row).row()))
            agents.push_back(agent);
    }
    const qint64 seconds = m_range->currentData().toLongLong();
    const qint64 asOf = m_model->report().asOfMs;
    m_chart->showAgents(agents, seconds > 0 ? asOf - seconds * 1000 : 0, seconds > 0 ? asOf : 0);
    m_killSwitch->setEnabled(!agents.empty());
    if (agents.empty()) {
        m_detail->setText(tr("Select an agent."));
        return;
    }
    const api::AgentReputation& agent = *agents.front();
    QStringList lines;
    lines << tr("<b>%1</b>: %2, %3").arg(QString::fromStdString(agent.agent).toHtmlEscaped(),
                                         QString::fromStdString(api::twoDecimals(agent.score)), ReputationModel::tierText(agent.tier));
    lines << tr("%n scored outcome(s), %1 against it", nullptr, static_cast<int>(agent.outcomes)).arg(agent.incidents);
    for (const auto& [outcome, count] : agent.counts)
        lines << QStringLiteral("%1: %2").arg(ReputationModel::outcomeText(outcome).toHtmlEscaped()).arg(count);
    m_detail->setText(lines.join(QStringLiteral("<br>")));
}

} // namespace cs::ui
