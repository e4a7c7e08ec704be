// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Reports.h"
#include "core/api/Snapshots.h"

#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace cs::ui {

class AuditStrip;
class AuditTimelineModel;
class EngineClient;

/**
 * The Audit view, for analysts: the whole log as a lazy table (AuditTimelineModel) filtered by
 * type, agent, outcome, time and text; an entry's detail (its body, hashes, signature, inclusion
 * proof against the newest checkpoint, and every entry of its proposal, each a click away); the
 * proposal's whole path replayed from the log step by step, recorded beside recomputed, a
 * divergence marked with its field and reason; verification of the log and the money with
 * progress and Cancel, the first bad entry selected; export of the log as JSON lines or CSV.
 */
class AuditView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditView)

public:
    enum Tab { EntryTab, ReplayTab };

    explicit AuditView(EngineClient& client, QWidget* parent = nullptr);

    void showWorkspace(const api::WorkspaceSummary& summary);
    //! The log grew to `size` entries (the engine's push).
    void logGrew(qint64 size);
    //! Selects entry `seq` (clearing a filter that hides it) and shows its detail.
    void showEntry(qint64 seq);
    //! Replays the proposal of the entry shown.
    void replaySelected();
    void verify();

    AuditTimelineModel* model() const { return m_model; }
    AuditStrip* strip() const { return m_strip; }
    QTableView* table() const { return m_table; }
    QTabWidget* tabs() const { return m_tabs; }
    QTableWidget* replaySteps() const { return m_steps; }
    QPushButton* replayButton() const { return m_replay; }
    QLineEdit* searchField() const { return m_text; }
    const api::ProposalReplay& lastReplay() const { return m_lastReplay; }

Q_SIGNALS:
    //! A replay is shown (identical or not).
    void replayShown(const QString& intent, bool identical);
    void verifyDone(bool intact);

private:
    QHBoxLayout* buildFilters();
    void buildStripAndTable();
    QWidget* buildEntryPage();
    QWidget* buildReplayPage();
    QHBoxLayout* buildActions();
    void applyFilter();
    //! The time filter is the range the strip shows (zoomed or panned to it).
    bool stripChoosesTime() const;
    //! What the strip counts: the filter, over all time when its own range is the time filter.
    api::AuditQuery stripQuery() const;
    static constexpr int kStripRange = -1; //!< the time filter's item for the strip's range
    void showDetail(const api::AuditEntryDetail& detail);
    void showReplay(const api::ProposalReplay& replay);
    void showStep(int row);
    void exportLog();
    void selectRow(int row);

    EngineClient& m_client;
    AuditTimelineModel* m_model;
    AuditStrip* m_strip;
    quint64 m_stripGeneration = 0;
    bool m_stripWanted = false; //!< the strip follows the filter once its first rows arrived
    QComboBox* m_type;
    QComboBox* m_agent;
    QComboBox* m_outcome;
    QComboBox* m_time;
    QLineEdit* m_text;
    QLabel* m_count;
    QTableView* m_table;
    QTabWidget* m_tabs;
    QPlainTextEdit* m_body;
    QLabel* m_facts;
    QListWidget* m_related;
    QPushButton* m_replay;
    QLabel* m_replaySummary;
    QTableWidget* m_steps;
    QPlainTextEdit* m_recorded;
    QPlainTextEdit* m_recomputed;
    QPushButton* m_verify;
    QPushButton* m_cancelVerify;
    QProgressBar* m_progress;
    QLabel* m_verifyResult;
    api::AuditEntryDetail m_detail;
    api::ProposalReplay m_lastReplay;
    qint64 m_pendingSeq = 0; //!< to select once its row is counted
    qint64 m_newestMs = 0;   //!< time filters count back from the newest entry shown
};

} // namespace cs::ui
