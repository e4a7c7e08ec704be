// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Snapshots.h"

#include <vector>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QStringList>

namespace cs::ui {

//! One queued proposal, read once from the engine's snapshot for display.
struct ApprovalRow
{
    api::QueueItem item;  //!< item.proposal and item.decision: what the agent wants and the signed decision
    QString intent;
    QString agent;
    QString action;       //!< pay_api, transfer, swap, deposit, withdraw
    QString amount;       //!< exact decimal
    QString asset;
    QString destination;  //!< the counterparty or agent paid; the asset bought, for a swap
    QString venue;
    QString claimedRisk;  //!< low, medium, high, critical
    QString computedRisk;
    bool underClaimed = false;
    QStringList rules;    //!< fired rule ids
    QDateTime requestedAt; //!< when the request entered the queue: what Age counts from
    QDateTime expiresAt;

    static ApprovalRow from(const api::QueueItem& item);
};

/**
 * The approval queue: one row per proposal awaiting approvers. setQueue() merges a new snapshot
 * row by row (removing what left, updating only what changed, appending what arrived), so views
 * keep their selection while proposals arrive live. Display text is formatted; sort keys and raw
 * values are in roles. Age and expiry are shown against now(), which the view advances.
 */
class ApprovalQueueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApprovalQueueModel)

public:
    enum Column {
        IntentColumn,
        AgentColumn,
        ActionColumn,
        AmountColumn,
        DestinationColumn,
        RiskColumn,
        RuleColumn,
        AgeColumn,
        ExpiresColumn,
        ApprovalsColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, //!< orders the column by value (amounts by their value in the reference currency)
        IntentRole,              //!< QString
        AgentRole,               //!< QString
        RiskRole,                //!< QString computed risk: low, medium, high
        RulesRole,               //!< QStringList fired rule ids
        ExpiredRole,             //!< bool, against now()
        SearchTextRole,          //!< QString the free-text filter looks in
    };

    explicit ApprovalQueueModel(QObject* parent = nullptr);

    void setQueue(const api::ApprovalQueue& queue);
    void clear();
    const ApprovalRow& rowAt(int row) const { return m_rows.at(static_cast<std::size_t>(row)); }
    //! The row of `intent`, or -1.
    int rowOf(const QString& intent) const;

    QDateTime now() const { return m_now; }
    //! Moves the clock ages and expiries are shown against (the view ticks it).
    void setNow(const QDateTime& now);

    int approvedCount() const { return m_approved; }
    int rejectedCount() const { return m_rejected; }
    int expiredCount() const { return m_expired; }
    //! Rows past their expiry that the engine has not recorded as expired yet.
    int overdueCount() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    //! "3 d 4 h", "5 h 12 min", "45 min", "< 1 min".
    static QString durationText(qint64 seconds);
    static QString actionText(const QString& action);
    static QString riskText(const QString& risk);

Q_SIGNALS:
    //! The queue's counts changed (approved, rejected, expired, rows).
    void countsChanged();

private:
    QVariant display(const ApprovalRow& row, int column) const;
    QVariant sortKey(const ApprovalRow& row, int column) const;
    bool expired(const ApprovalRow& row) const { return m_now >= row.expiresAt; }

    std::vector<ApprovalRow> m_rows;
    QDateTime m_now;
    int m_approved = 0;
    int m_rejected = 0;
    int m_expired = 0;
};

} // namespace cs::ui
