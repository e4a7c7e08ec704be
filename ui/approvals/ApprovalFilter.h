// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace cs::ui {

/**
 * Sorts the approval queue by ApprovalQueueModel::SortRole and keeps the rows that match every
 * filter set: agent, computed risk, fired rule (exact; empty matches all) and free text (any
 * word of the proposal's id, agent, destination, venue, action or rationale).
 */
class ApprovalFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApprovalFilter)

public:
    explicit ApprovalFilter(QObject* parent = nullptr);

    void setAgent(const QString& agent);
    void setRisk(const QString& risk);
    void setRule(const QString& rule);
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void update(QString& field, const QString& value);

    QString m_agent;
    QString m_risk;
    QString m_rule;
    QString m_text;
};

} // namespace cs::ui
