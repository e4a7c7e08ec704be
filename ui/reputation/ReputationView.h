// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Health.h"
#include "core/api/Reputation.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTimer;

namespace cs::ui {

class EngineClient;
class HealthPanel;
class ReputationChart;
class ReputationModel;

/**
 * Reputation and health, for everyone watching the agents. The Agents tab: the leaderboard
 * (score, tier, trend, outcomes, incidents, last activity), the selected agents' scores over time
 * (select several to compare; a date range), the first one's outcomes in detail, and the kill
 * switch, which is People & agents' (killSwitchRequested). The Health tab: the seed's red flags
 * (HealthPanel). Both are read from the whole log, so only while the view is shown: then they
 * follow it live, reloaded once a second at most while entries arrive.
 * A click on an outcome or a finding shows its entry in the audit timeline (entryRequested).
 */
class ReputationView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReputationView)

public:
    explicit ReputationView(EngineClient& client, QWidget* parent = nullptr);

    void showWorkspace();
    //! The log grew: reload soon (at most once a second).
    void logGrew();
    void reload();

    ReputationModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    ReputationChart* chart() const { return m_chart; }
    HealthPanel* health() const { return m_health; }
    QTabWidget* tabs() const { return m_tabs; }
    QComboBox* range() const { return m_range; }

Q_SIGNALS:
    void entryRequested(qint64 seq);
    void killSwitchRequested(const QString& agent);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showReport(const api::ReputationReport& report);
    void showSelected();

    EngineClient& m_client;
    ReputationModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    ReputationChart* m_chart;
    QComboBox* m_range;
    QLabel* m_detail;
    QPushButton* m_killSwitch;
    HealthPanel* m_health;
    QTabWidget* m_tabs;
    QTimer* m_reload;
    bool m_stale = true; //!< the log moved (or another workspace opened) since the last reload
};

} // namespace cs::ui
