// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Health.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QTableWidget;

namespace cs::ui {

/**
 * The workspace's health, as countersign-cli doctor reports it: one row per red flag — its
 * status (ok, warn, fail), the flag, what was found — and the selected one's findings below;
 * double-clicking a finding about an entry shows it in the audit timeline (entryClicked).
 */
class HealthPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthPanel)

public:
    explicit HealthPanel(QWidget* parent = nullptr);

    void showReport(const api::HealthReport& report);
    QTableWidget* checks() const { return m_checks; }
    QListWidget* findings() const { return m_findings; }
    static QString statusText(api::HealthStatus status);
    //! The red flag a check answers, in the user's language.
    static QString redFlagText(const api::HealthItem& item);
    //! What was found, said again from the check, its status and counts in the user's language
    //! (the engine's English for a check it does not know; the findings stay the engine's).
    static QString summaryText(const api::HealthItem& item);

Q_SIGNALS:
    void entryClicked(qint64 seq);

private:
    void showFindings(int row);

    QLabel* m_overall;
    QTableWidget* m_checks;
    QListWidget* m_findings;
    api::HealthReport m_report;
};

} // namespace cs::ui
