// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Snapshots.h"

#include <vector>

#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace cs::ui {

class AgentsModel;
class EngineClient;
class PeopleModel;
class Session;

/**
 * People & agents: everyone in the workspace with role, status, key and last activity, the
 * selected one in detail, the agents' balances, and what a risk manager does to them — add,
 * a new key, suspend / resume / revoke with a reason, Freeze all agents — each signed with the
 * key of the person signed in (`Session`), enabled only for an active risk manager, and audited.
 * An agent's detail shows each cap of the active policy with its current use as a bar.
 */
class AgentsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentsView)

public:
    AgentsView(EngineClient& client, const Session& session, QWidget* parent = nullptr);
    ~AgentsView() override;

    //! A workspace was opened: new asset columns, then everyone is loaded off the GUI thread.
    void showWorkspace(const api::WorkspaceSummary& summary);
    void reload();
    //! Selects principal `id` in the people table (the kill switch's way in from elsewhere).
    void selectPrincipal(const QString& id);

    QTableView* table() const { return m_table; } //!< the agents' balances
    AgentsModel* model() const { return m_model; }
    QTableView* peopleTable() const { return m_peopleTable; }
    PeopleModel* peopleModel() const { return m_people; }

private:
    enum class Action { Add, RotateKey, Suspend, Resume, Revoke, FreezeAll };
    void showAgents(const std::vector<api::AgentSummary>& agents);
    void showPeople(const std::vector<api::PrincipalView>& people);
    void showError(const QString& message);
    void showSelected();
    void showGrants(const QString& principal, const api::Grants& grants);
    //! A bar for each of `rules` with a window: its use now against its limit.
    void showCaps(const std::vector<api::Grant>& rules);
    void updateActions();
    //! The selected principal, or nullptr.
    const api::PrincipalView* selected() const;
    void act(Action action);

    EngineClient& m_client;
    const Session& m_session;
    AgentsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    PeopleModel* m_people;
    QSortFilterProxyModel* m_peopleProxy;
    QTableView* m_peopleTable;
    QLabel* m_detail;
    QString m_detailText; //!< the selected one, before what the policy lets it do
    QLabel* m_who;        //!< who signs here, or why nothing can be signed
    QWidget* m_caps;      //!< each cap of the selected agent: its use now, as a bar
    QGridLayout* m_capsGrid;
    QPushButton* m_add;
    QPushButton* m_rotate;
    QPushButton* m_suspend;
    QPushButton* m_resume;
    QPushButton* m_revoke;
    QPushButton* m_freeze;
    QLabel* m_state;
    bool m_demo = false;
};

} // namespace cs::ui
