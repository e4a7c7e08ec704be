// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/agents/AgentsView.h"

#include "ui/agents/AgentsModel.h"
#include "ui/bridge/EngineClient.h"
#include "ui/common/Settings.h"
#include "ui/common/ViewHeading.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace cs::ui {

AgentsView::AgentsView(EngineClient& client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new AgentsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_state(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AgentsModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setObjectName(QStringLiteral("agentsTable"));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AgentsModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true); // the accounts column takes the rest
    m_table->horizontalHeader()->setMinimumSectionSize(96);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    QLabel* heading = makeViewHeading(tr("Agents"), this);
    auto* explanation = new QLabel(
        tr("Every agent of this workspace with its balances, summed over its ledger accounts. "
           "Amounts are exact; hover over one to see it with its asset."),
        this);
    explanation->setWordWrap(true);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);

    auto* refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("Reload the agents from the workspace (F5)"));
    connect(refresh, &QPushButton::clicked, this, &AgentsView::reload);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addWidget(heading);
    layout->addWidget(explanation);
    layout->addWidget(m_table, 1);
    auto* footer = new QHBoxLayout;
    footer->addWidget(m_state, 1);
    footer->addWidget(refresh);
    layout->addLayout(footer);

    connect(&m_client, &EngineClient::agentsLoaded, this, &AgentsView::showAgents);
    connect(&m_client, &EngineClient::requestFailed, this, &AgentsView::showError);
}

AgentsView::~AgentsView()
{
    Settings().agentsHeader.set(m_table->horizontalHeader()->saveState());
}

void AgentsView::showWorkspace(const api::WorkspaceSummary& summary)
{
    m_model->setAssets(summary.assets);
    m_table->horizontalHeader()->restoreState(Settings().agentsHeader.get());
    m_model->setAgents(summary.agents); // the summary already carries them; reload() refreshes
    m_state->setText(tr("%n agent(s).", nullptr, static_cast<int>(summary.agents.size())));
}

void AgentsView::reload()
{
    m_state->setText(tr("Loading agents…"));
    m_client.loadAgents();
}

void AgentsView::showAgents(const std::vector<api::AgentSummary>& agents)
{
    m_model->setAgents(agents);
    m_state->setText(tr("%n agent(s).", nullptr, static_cast<int>(agents.size())));
}

void AgentsView::showError(const QString& message)
{
    m_state->setText(tr("Could not load the agents: %1").arg(message));
}

} // namespace cs::ui
