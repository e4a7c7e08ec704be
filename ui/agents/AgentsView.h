// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Snapshots.h"

#include <vector>

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace cs::ui {

class AgentsModel;
class EngineClient;

//! The Agents view: every agent of the workspace with its status, key and balances.
class AgentsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentsView)

public:
    AgentsView(EngineClient& client, QWidget* parent = nullptr);
    ~AgentsView() override;

    //! A workspace was opened: new asset columns, then the agents are loaded off the GUI thread.
    void showWorkspace(const api::WorkspaceSummary& summary);
    void reload();

    QTableView* table() const { return m_table; }
    AgentsModel* model() const { return m_model; }

private:
    void showAgents(const std::vector<api::AgentSummary>& agents);
    void showError(const QString& message);

    EngineClient& m_client;
    AgentsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QLabel* m_state;
};

} // namespace cs::ui
