// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/approvals/ApprovalQueueModel.h"

#include "ui/common/MoneyFormat.h"
#include "ui/common/StateText.h"

#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <set>

namespace cs::ui {

namespace {

QDateTime timeOf(const QString& iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs);
}

int riskRank(const QString& risk)
{
    if (risk == u"low")
        return 0;
    if (risk == u"medium")
        return 1;
    return risk == u"high" ? 2 : 3;
}

} // namespace

ApprovalRow ApprovalRow::from(const api::QueueItem& item)
{
    ApprovalRow row;
    row.item = item;
    row.intent = QString::fromStdString(item.intent);
    row.agent = QString::fromStdString(item.agent);
    const Proposal::Action& action = item.proposal.action;
    const auto text = [](std::string_view view) { return QString::fromUtf8(view.data(), static_cast<qsizetype>(view.size())); };
    row.action = text(toString(action.type));
    row.amount = QString::fromStdString(action.amount.toString());
    row.asset = QString::fromStdString(action.amount.asset().code);
    row.venue = QString::fromStdString(action.venue.value_or(std::string()));
    if (action.type == ActionType::Swap) {
        const auto out = action.params.find("asset_out");
        row.destination = out != action.params.end() ? QString::fromStdString(out->second) : QString();
    } else if (action.type == ActionType::Deposit || action.type == ActionType::Withdraw) {
        row.destination = row.venue;
    } else {
        row.destination = QString::fromStdString(action.to.value_or(std::string()));
    }
    row.claimedRisk = text(toString(item.decision.claimedRisk));
    row.computedRisk = text(toString(item.decision.computedRisk));
    row.underClaimed = item.decision.underClaimed;
    for (const std::string& rule : item.decision.rules)
        row.rules.append(QString::fromStdString(rule));
    // Age and expiry on one clock: since the request entered the queue (a demo stream's intents
    // carry times days in the past; their requests expire a day after they were made).
    row.requestedAt = timeOf(QString::fromStdString(item.requestedAt.empty() ? item.decision.at : item.requestedAt));
    row.expiresAt = timeOf(QString::fromStdString(item.expiresAt));
    return row;
}

ApprovalQueueModel::ApprovalQueueModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_now(QDateTime::currentDateTimeUtc())
{
}

void ApprovalQueueModel::setQueue(const api::ApprovalQueue& queue)
{
    std::set<std::string> arriving;
    for (const api::QueueItem& item : queue.items)
        arriving.insert(item.intent);
    // What left the queue goes, bottom up so the rows above keep their numbers.
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (!arriving.contains(m_rows[static_cast<std::size_t>(row)].item.intent)) {
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            endRemoveRows();
        }
    }
    std::vector<ApprovalRow> fresh;
    for (const api::QueueItem& item : queue.items) {
        const int row = rowOf(QString::fromStdString(item.intent));
        if (row < 0) {
            fresh.push_back(ApprovalRow::from(item));
            continue;
        }
        ApprovalRow& current = m_rows[static_cast<std::size_t>(row)];
        if (current.item == item)
            continue; // unchanged: views keep their state (a selection in the detail, say)
        current = ApprovalRow::from(item);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    if (!fresh.empty()) {
        const int first = rowCount();
        beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
        std::move(fresh.begin(), fresh.end(), std::back_inserter(m_rows));
        endInsertRows();
    }
    m_approved = queue.approved;
    m_rejected = queue.rejected;
    m_expired = queue.expired;
    Q_EMIT countsChanged();
}

void ApprovalQueueModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_approved = m_rejected = m_expired = 0;
    endResetModel();
    Q_EMIT countsChanged();
}

int ApprovalQueueModel::rowOf(const QString& intent) const
{
    const auto found = std::find_if(m_rows.begin(), m_rows.end(), [&](const ApprovalRow& row) { return row.intent == intent; });
    return found == m_rows.end() ? -1 : static_cast<int>(found - m_rows.begin());
}

void ApprovalQueueModel::setNow(const QDateTime& now)
{
    m_now = now;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, AgeColumn), index(rowCount() - 1, ExpiresColumn));
    Q_EMIT countsChanged();
}

int ApprovalQueueModel::overdueCount() const
{
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(), [this](const ApprovalRow& row) { return expired(row); }));
}

int ApprovalQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ApprovalQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ApprovalQueueModel::durationText(qint64 seconds)
{
    const qint64 minutes = seconds / 60;
    const qint64 hours = minutes / 60;
    const qint64 days = hours / 24;
    if (days > 0)
        return tr("%1 d %2 h").arg(days).arg(hours % 24);
    if (hours > 0)
        return tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    if (minutes > 0)
        return tr("%1 min").arg(minutes);
    return tr("< 1 min"); // short: it shares a row at 1280 px with nine other columns
}

QString ApprovalQueueModel::actionText(const QString& action)
{
    if (action == u"pay_api")
        return tr("pay API");
    if (action == u"transfer")
        return tr("transfer");
    if (action == u"swap")
        return tr("swap");
    if (action == u"deposit")
        return tr("deposit");
    if (action == u"withdraw")
        return tr("withdraw");
    return action;
}

QString ApprovalQueueModel::riskText(const QString& risk)
{
    if (risk == u"low")
        return tr("low");
    if (risk == u"medium")
        return tr("medium");
    if (risk == u"high")
        return tr("high");
    return risk;
}

QVariant ApprovalQueueModel::display(const ApprovalRow& row, int column) const
{
    switch (column) {
    case IntentColumn:
        return row.intent;
    case AgentColumn:
        return row.agent;
    case ActionColumn:
        return actionText(row.action);
    case AmountColumn:
        return tr("%1 %2").arg(formatAmount(row.amount), row.asset);
    case DestinationColumn:
        if (row.action == u"swap")
            return row.venue.isEmpty() ? tr("→ %1").arg(row.destination) : tr("→ %1 on %2").arg(row.destination, row.venue);
        return row.destination;
    case RiskColumn:
        if (row.claimedRisk != row.computedRisk)
            return tr("%1 (claimed %2)").arg(riskText(row.computedRisk), riskText(row.claimedRisk));
        return row.underClaimed ? tr("%1 (under-claimed)").arg(riskText(row.computedRisk)) : riskText(row.computedRisk);
    case RuleColumn:
        return row.rules.join(QStringLiteral(", "));
    case AgeColumn:
        return durationText(std::max<qint64>(0, row.requestedAt.secsTo(m_now)));
    case ExpiresColumn:
        return expired(row) ? tr("expired") : tr("in %1").arg(durationText(m_now.secsTo(row.expiresAt)));
    case ApprovalsColumn:
        return tr("%1 of %2")
            .arg(row.item.approvedBy.size())
            .arg(row.item.decision.approvalsRequired);
    default:
        return {};
    }
}

QVariant ApprovalQueueModel::sortKey(const ApprovalRow& row, int column) const
{
    switch (column) {
    case AmountColumn:
        return QVariant::fromValue<qlonglong>(row.item.valueMinor);
    case RiskColumn:
        return riskRank(row.computedRisk) * 10 + (row.underClaimed ? 1 : 0);
    case AgeColumn:
        return QVariant::fromValue<qlonglong>(-row.requestedAt.toMSecsSinceEpoch()); // older sorts as larger age
    case ExpiresColumn:
        return QVariant::fromValue<qlonglong>(row.expiresAt.toMSecsSinceEpoch());
    case ApprovalsColumn:
        return static_cast<int>(row.item.approvedBy.size());
    default:
        return display(row, column);
    }
}

QVariant ApprovalQueueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApprovalRow& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == RiskColumn && row.underClaimed)
            return tr("The agent claimed %1 risk; the policy computes %2.").arg(riskText(row.claimedRisk), riskText(row.computedRisk));
        if (index.column() == AmountColumn && !row.item.value.empty())
            return tr("Worth %1").arg(QString::fromStdString(row.item.value));
        if (index.column() == ApprovalsColumn) {
            QStringList lines;
            for (const std::string& name : row.item.approvedBy)
                lines.append(tr("Signed by %1").arg(QString::fromStdString(name)));
            for (const api::ApproverNeed& need : row.item.stillNeeded)
                lines.append(tr("Needs %1").arg(needText(need)));
            return lines.join(u'\n');
        }
        return {};
    case Qt::ForegroundRole:
        if ((index.column() == RiskColumn && row.underClaimed) || (index.column() == ExpiresColumn && expired(row)))
            return QColor(0xb0, 0x1c, 0x1c);
        if (index.column() == ExpiresColumn && m_now.secsTo(row.expiresAt) < 3600)
            return QColor(0xb3, 0x5c, 0x00); // under an hour left
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == AmountColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortKey(row, index.column());
    case IntentRole:
        return row.intent;
    case AgentRole:
        return row.agent;
    case RiskRole:
        return row.computedRisk;
    case RulesRole:
        return row.rules;
    case ExpiredRole:
        return expired(row);
    case SearchTextRole:
        return QStringList{row.intent, row.agent, row.destination, row.venue, row.action,
                           QString::fromStdString(row.item.proposal.rationale)}
            .join(u' ');
    default:
        return {};
    }
}

QVariant ApprovalQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IntentColumn:
        return tr("Proposal");
    case AgentColumn:
        return tr("Agent");
    case ActionColumn:
        return tr("Action");
    case AmountColumn:
        return tr("Amount");
    case DestinationColumn:
        return tr("To");
    case RiskColumn:
        return tr("Risk");
    case RuleColumn:
        return tr("Rule");
    case AgeColumn:
        return tr("Age");
    case ExpiresColumn:
        return tr("Expires");
    case ApprovalsColumn:
        return tr("Approvals");
    default:
        return {};
    }
}

} // namespace cs::ui
