// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/agents/AgentsModel.h"

#include "ui/common/MoneyFormat.h"
#include "ui/common/StateText.h"

#include <algorithm>

namespace cs::ui {

namespace {

//! Fixed-width text that orders like the decimal's value (for non-negative amounts).
QString sortKey(const QString& decimal)
{
    const qsizetype point = decimal.indexOf(u'.');
    const QString whole = point < 0 ? decimal : decimal.left(point);
    const QString fraction = point < 0 ? QString() : decimal.mid(point + 1);
    return whole.rightJustified(40, u'0') + u'.' + fraction.leftJustified(36, u'0');
}

} // namespace

AgentsModel::AgentsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void AgentsModel::setAssets(const std::vector<api::AssetView>& assets)
{
    beginResetModel();
    m_assets = assets;
    m_agents.clear();
    endResetModel();
}

void AgentsModel::setAgents(const std::vector<api::AgentSummary>& agents)
{
    beginResetModel();
    m_agents = agents;
    endResetModel();
}

int AgentsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_agents.size());
}

int AgentsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : accountsColumn() + 1;
}

int AgentsModel::accountsColumn() const
{
    return FirstAssetColumn + static_cast<int>(m_assets.size());
}

bool AgentsModel::isAmountColumn(int column) const
{
    return column >= FirstAssetColumn && column < accountsColumn();
}

const api::AssetView& AgentsModel::assetAt(int column) const
{
    return m_assets[static_cast<std::size_t>(column - FirstAssetColumn)];
}

QString AgentsModel::amountOf(const api::AgentSummary& agent, int column) const
{
    const std::string& code = assetAt(column).code;
    const auto found = std::find_if(agent.balances.begin(), agent.balances.end(),
                                    [&](const api::BalanceView& balance) { return balance.asset == code; });
    return found == agent.balances.end() ? QString() : QString::fromStdString(found->amount);
}

QVariant AgentsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::AgentSummary& agent = m_agents[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    const bool isAmount = isAmountColumn(column);
    const QString amount = isAmount ? amountOf(agent, column) : QString(); // exact decimal, empty when none

    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return tr("%1 (%2)").arg(QString::fromStdString(agent.displayName), QString::fromStdString(agent.id));
        if (column == StatusColumn)
            return stateText(agent.status);
        if (column == KeyColumn)
            return agent.keyFingerprint.empty() ? tr("no key yet") : QString::fromStdString(agent.keyFingerprint);
        if (column == accountsColumn()) {
            QStringList accounts;
            for (const auto& account : agent.accounts)
                accounts << QString::fromStdString(account);
            return accounts.join(QStringLiteral(", "));
        }
        return amount.isEmpty() ? QStringLiteral("–") : formatAmount(amount);
    case Qt::ToolTipRole:
        if (column == NameColumn)
            return QString::fromStdString(agent.description);
        if (!amount.isEmpty())
            return tr("%1 %2 (exact)").arg(amount, QString::fromStdString(assetAt(column).code));
        return {};
    case Qt::TextAlignmentRole:
        return isAmount ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case AgentIdRole:
        return QString::fromStdString(agent.id);
    case AmountRole:
        return isAmount ? QVariant(amount) : QVariant();
    case SortRole:
        if (isAmount)
            return sortKey(amount.isEmpty() ? QStringLiteral("0") : amount);
        return data(index, Qt::DisplayRole);
    default:
        return {};
    }
}

QVariant AgentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    const bool isAmount = isAmountColumn(section);
    if (role == Qt::TextAlignmentRole)
        return isAmount ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Agent");
    case StatusColumn:
        return tr("Status");
    case KeyColumn:
        return role == Qt::ToolTipRole ? tr("Fingerprint of the agent's signing key") : tr("Key");
    default:
        if (!isAmount)
            return role == Qt::ToolTipRole ? tr("The agent's ledger accounts") : tr("Accounts");
        {
        const api::AssetView& asset = assetAt(section);
        return role == Qt::ToolTipRole ? tr("%1, %n decimal(s)", nullptr, asset.decimals).arg(QString::fromStdString(asset.name))
                                       : QString::fromStdString(asset.code);
        }
    }
}

} // namespace cs::ui
