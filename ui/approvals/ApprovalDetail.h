// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QTextBrowser>

namespace cs::ui {

struct ApprovalRow;

/**
 * Everything an approver needs about one proposal, on one screen: what the agent wants, why,
 * what it would do if it settled now, the decision with its fired rules, reasons and
 * counterfactual, claimed against computed risk, the approvals so far and still needed, the time
 * left, and the hash a signature covers. Read-only; the text can be selected and copied.
 */
class ApprovalDetail final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApprovalDetail)

public:
    explicit ApprovalDetail(QWidget* parent = nullptr);

    void showRow(const ApprovalRow& row, const QDateTime& now);
    //! What shows when nothing is selected.
    void showNothing(const QString& message);
    //! The intent shown, or empty.
    QString intent() const { return m_intent; }

    static QString html(const ApprovalRow& row, const QDateTime& now);

Q_SIGNALS:
    //! The first paint after showRow() finished: the approver sees the new detail.
    void painted(const QString& intent);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_intent;
    bool m_paintPending = false;
};

} // namespace cs::ui
