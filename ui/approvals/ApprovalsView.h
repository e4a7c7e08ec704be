// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Snapshots.h"
#include "ui/bridge/EngineClient.h"
#include "ui/approvals/VerdictDialog.h"
#include "ui/common/Secrets.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTableView;

class QShortcut;

namespace cs::ui {

class ApprovalDetail;
class ApprovalFilter;
class ApprovalQueueModel;
class Session;

/**
 * The approval queue: a sortable, filterable table of the proposals awaiting approvers, the
 * selected one's detail, and keyboard-first verdicts: J/K move, A approves, R rejects (with a
 * reason), E edits (lower amount, higher min_out) then approves; each goes through a
 * confirmation dialog, is signed on the engine's worker thread, and refreshes the queue.
 * Ctrl+L forgets a remembered passphrase. Arrivals merge in without losing the selection.
 * Verdicts are signed as the person signed in to the console (`Session`): an approver or risk
 * manager; anyone else reads the queue only.
 */
class ApprovalsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApprovalsView)

public:
    ApprovalsView(EngineClient& client, const Session& session, QWidget* parent = nullptr);
    ~ApprovalsView() override;

    void showWorkspace();
    void closeWorkspace();
    void reload();
    //! A workspace whose audit log does not verify: no verdict can be started (`reason` shown);
    //! an empty reason makes it writable again.
    void setReadOnly(const QString& reason);
    bool isReadOnly() const { return !m_readOnly.isEmpty(); }

    //! Opens the confirmation dialog for the selected proposal (what A, R and E do).
    void startVerdict(Verdict::Kind kind);
    //! Moves the selection by `step` rows (what J and K do).
    void moveSelection(int step);
    //! Forgets the remembered passphrase (Ctrl+L).
    void lockPassphrase();

    //! Milliseconds the confirmation dialog keeps Sign disabled (tests shorten it).
    void setCountdownMs(int ms) { m_countdownMs = ms; }
    //! The clock the verdict dialog's countdown runs on (the system clock unless a test sets one).
    void setClock(std::shared_ptr<const Clock> clock) { m_countdownClock = std::move(clock); }
    bool passphraseRemembered() const;

    QTableView* table() const { return m_table; }
    ApprovalQueueModel* model() const { return m_model; }
    ApprovalFilter* filter() const { return m_filter; }
    ApprovalDetail* detail() const { return m_detail; }
    VerdictDialog* openDialog() const { return m_dialog; }
    QString message() const;
    QString countsText() const;

Q_SIGNALS:
    //! A queue snapshot was merged into the table.
    void queueShown();
    //! A verdict was recorded (state: pending, executed, failed, rejected; denied after an edit).
    void verdictRecorded(const QString& intent, const QString& state);
    //! A verdict was refused or could not be signed; nothing was written.
    void verdictRefused(const QString& intent, const QString& message);
    //! The detail of `intent` was painted `elapsedUs` after it was selected.
    void detailShown(const QString& intent, qint64 elapsedUs);

private:
    // The constructor's parts.
    void setUpTable();
    QHBoxLayout* setUpFilters(); //!< the filters and the approver choice, in a row
    void bindKeys();
    void connectSignals();
    //! A queue load ended (loaded or failed); false when a newer one was asked for instead.
    bool loadLanded();
    void showQueue(const api::ApprovalQueue& queue);
    void showSelected();
    void finishDialog(int result);
    void onVerdictSubmitted(const QString& intent, const api::ApprovalOutcome& outcome);
    void onVerdictFailed(const QString& intent, const QString& message);
    void updateCounts();
    void updateFilterChoices();
    void showMessage(const QString& text, bool error);
    QString currentApprover() const;
    int currentRow() const; //!< in the model, or -1

    EngineClient& m_client;
    const Session& m_session;
    ApprovalQueueModel* m_model;
    ApprovalFilter* m_filter;
    QTableView* m_table;
    ApprovalDetail* m_detail;
    QLabel* m_counts;
    QLabel* m_message;
    QComboBox* m_agentFilter;
    QComboBox* m_riskFilter;
    QComboBox* m_ruleFilter;
    QLineEdit* m_search;
    QTimer m_clock;
    QElapsedTimer m_selectedAt;
    PassphraseCache m_passphrases;
    QPointer<VerdictDialog> m_dialog;
    int m_countdownMs = 1500;
    std::shared_ptr<const Clock> m_countdownClock; //!< the system clock unless setClock() gave another
    bool m_busy = false;
    QString m_readOnly; //!< why verdicts are disabled, or empty
    std::vector<QShortcut*> m_verdictShortcuts; //!< A, R, E
    int m_resumeRow = -1; //!< the table row to select after a decided proposal leaves the queue
    bool m_open = false;
    bool m_loading = false;     //!< a queue load is on its way
    bool m_reloadAgain = false; //!< something changed while it was: the one on its way is already stale
};

} // namespace cs::ui
