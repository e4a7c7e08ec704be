// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Reports.h"

#include <QWidget>

class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace cs::ui {

class EngineClient;

/**
 * What-if: the draft re-decides the workspace's whole history in the engine, off the GUI
 * thread, with a progress bar and Cancel. The result: how many decisions change by kind, their
 * count and value, the value allowed per day under the active policy and under the draft (a
 * chart), and each changed proposal. The figures are the engine's backtest, the same as
 * `countersign-cli replay WS --policy draft.json`.
 */
class WhatIfPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WhatIfPanel)

public:
    explicit WhatIfPanel(EngineClient& client, QWidget* parent = nullptr);

    //! Runs the what-if of `document` (a run under way is cancelled first).
    void run(const QByteArray& document);
    //! The last result, when it is of `document` (the draft as it is now).
    const api::BacktestSummary* resultFor(const QByteArray& document) const;
    //! "3 decisions change: …", for the publish dialog; empty before a run.
    QString summaryText() const;

    QTableWidget* transitions() const { return m_transitions; }
    QTableWidget* changes() const { return m_changes; }
    QCustomPlot* chart() const { return m_chart; }
    QPushButton* runButton() const { return m_run; }

Q_SIGNALS:
    //! The run button: the editor answers with run(its document).
    void runRequested();
    //! A changed proposal was opened (double-click or Enter): the editor shows it in the approval detail.
    void proposalOpened(const QString& intent);
    void finished();

private:
    void show(const api::BacktestSummary& summary);
    void plot(const api::BacktestSummary& summary);

    EngineClient& m_client;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_summary;
    QTableWidget* m_transitions;
    QCustomPlot* m_chart;
    QTableWidget* m_changes;
    QByteArray m_running; //!< the document of the run under way
    QByteArray m_ran;     //!< the document of the last result
    std::optional<api::BacktestSummary> m_result;
};

} // namespace cs::ui
