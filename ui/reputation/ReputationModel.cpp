// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reputation/ReputationModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

#include <map>

namespace cs::ui {

int ReputationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_report.agents.size());
}

int ReputationModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const api::AgentReputation* ReputationModel::agentAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_report.agents[static_cast<std::size_t>(row)] : nullptr;
}

double ReputationModel::trendOf(const api::AgentReputation& agent)
{
    if (agent.events.empty())
        return 0;
    const std::size_t back = std::min<std::size_t>(agent.events.size(), kTrendOutcomes);
    const double before = agent.events.size() > back ? agent.events[agent.events.size() - back - 1].scoreAfter : 50.0;
    return agent.events.back().scoreAfter - before;
}

QString ReputationModel::tierText(api::ReputationTier tier)
{
    switch (tier) {
    case api::ReputationTier::Trusted: return tr("trusted");
    case api::ReputationTier::Provisional: return tr("provisional");
    case api::ReputationTier::Untrusted: return tr("untrusted");
    }
    return {};
}

QString ReputationModel::outcomeText(const std::string& outcome)
{
    static const std::map<std::string, const char*> kOutcomes{
        {"approved_executed", QT_TR_NOOP("executed after approval")},
        {"executed", QT_TR_NOOP("executed, allowed by policy")},
        {"edited_executed", QT_TR_NOOP("executed after an approver's edit")},
        {"cannot_plan", QT_TR_NOOP("could not plan")},
        {"denied", QT_TR_NOOP("denied by policy")},
        {"human_rejected", QT_TR_NOOP("rejected by an approver")},
        {"malformed", QT_TR_NOOP("refused by the parser")},
        {"wrong_intent", QT_TR_NOOP("spoke for another intent")},
        {"intent_mismatch", QT_TR_NOOP("outside its intent's bounds")},
        {"settlement_failed", QT_TR_NOOP("settlement failed")},
        {"settlement_unknown", QT_TR_NOOP("settlement unknown")},
        {"under_claimed", QT_TR_NOOP("risk under-claimed")},
        {"drift", QT_TR_NOOP("settled other than simulated")}};
    const auto found = kOutcomes.find(outcome);
    return found != kOutcomes.end() ? tr(found->second) : QString::fromStdString(outcome);
}

QVariant ReputationModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::AgentReputation& agent = m_report.agents[static_cast<std::size_t>(index.row())];
    const double trend = trendOf(agent);
    if (role == AgentRole)
        return QString::fromStdString(agent.agent);
    if (role == SortRole) {
        switch (index.column()) {
        case Score: return agent.score;
        case Tier: return static_cast<int>(agent.tier);
        case Trend: return trend;
        case Outcomes: return static_cast<qlonglong>(agent.outcomes);
        case Incidents: return static_cast<qlonglong>(agent.incidents);
        case LastActivity: return static_cast<qlonglong>(agent.lastActivityMs);
        default: return QString::fromStdString(agent.agent);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Agent && index.column() != Tier)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Trend && trend != 0)
        return QBrush(trend > 0 ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    if (role == Qt::ToolTipRole && index.column() == Trend)
        return tr("Change over its last %n scored outcomes", nullptr, kTrendOutcomes);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Agent: return QString::fromStdString(agent.agent);
    case Score: return QString::fromStdString(api::twoDecimals(agent.score));
    case Tier: return tierText(agent.tier);
    case Trend: return QString((trend > 0 ? QStringLiteral("+") : QString()) + QString::fromStdString(api::twoDecimals(trend)));
    case Outcomes: return static_cast<qlonglong>(agent.outcomes);
    case Incidents: return static_cast<qlonglong>(agent.incidents);
    case LastActivity:
        return agent.lastActivityMs == 0 ? tr("never")
                                         : QDateTime::fromMSecsSinceEpoch(agent.lastActivityMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    default: return {};
    }
}

QVariant ReputationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Agent: return tr("Agent");
    case Score: return tr("Score");
    case Tier: return tr("Tier");
    case Trend: return tr("Trend");
    case Outcomes: return tr("Outcomes");
    case Incidents: return tr("Incidents");
    case LastActivity: return tr("Last activity (UTC)");
    default: return {};
    }
}

void ReputationModel::setReport(api::ReputationReport report)
{
    beginResetModel();
    m_report = std::move(report);
    endResetModel();
}

} // namespace cs::ui
