// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/approvals/ApprovalFilter.h"

#include "ui/approvals/ApprovalQueueModel.h"

namespace cs::ui {

ApprovalFilter::ApprovalFilter(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ApprovalQueueModel::SortRole);
    setDynamicSortFilter(true);
}

void ApprovalFilter::update(QString& field, const QString& value)
{
    if (field == value)
        return;
    field = value;
    invalidateFilter();
}

void ApprovalFilter::setAgent(const QString& agent)
{
    update(m_agent, agent);
}

void ApprovalFilter::setRisk(const QString& risk)
{
    update(m_risk, risk);
}

void ApprovalFilter::setRule(const QString& rule)
{
    update(m_rule, rule);
}

void ApprovalFilter::setText(const QString& text)
{
    update(m_text, text.trimmed());
}

bool ApprovalFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_agent.isEmpty() && row.data(ApprovalQueueModel::AgentRole).toString() != m_agent)
        return false;
    if (!m_risk.isEmpty() && row.data(ApprovalQueueModel::RiskRole).toString() != m_risk)
        return false;
    if (!m_rule.isEmpty() && !row.data(ApprovalQueueModel::RulesRole).toStringList().contains(m_rule))
        return false;
    return m_text.isEmpty() || row.data(ApprovalQueueModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace cs::ui
