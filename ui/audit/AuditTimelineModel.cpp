// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/audit/AuditTimelineModel.h"

#include "ui/bridge/EngineClient.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <limits>

namespace cs::ui {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

AuditTimelineModel::AuditTimelineModel(EngineClient* client, QObject* parent) : QAbstractTableModel(parent), m_client(client)
{
    connect(m_client, &EngineClient::auditMatchesLoaded, this, &AuditTimelineModel::onMatches);
    connect(m_client, &EngineClient::auditRowsLoaded, this, &AuditTimelineModel::onRows);
}

int AuditTimelineModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    const qint64 rows = filtered() ? static_cast<qint64>(m_seqs.size()) : m_size;
    return static_cast<int>(std::min<qint64>(rows, std::numeric_limits<int>::max()));
}

int AuditTimelineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 AuditTimelineModel::seqAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return 0;
    return filtered() ? m_seqs[static_cast<std::size_t>(row)] : row + 1;
}

int AuditTimelineModel::rowOfSeq(qint64 seq) const
{
    if (!filtered())
        return seq >= 1 && seq <= m_size ? static_cast<int>(seq - 1) : -1;
    const auto found = std::lower_bound(m_seqs.begin(), m_seqs.end(), seq);
    return found != m_seqs.end() && *found == seq ? static_cast<int>(found - m_seqs.begin()) : -1;
}

const api::AuditRow* AuditTimelineModel::rowAt(int row) const
{
    const int page = row / kPageRows;
    const auto found = m_pages.constFind(page);
    if (found == m_pages.constEnd())
        return nullptr;
    const auto offset = static_cast<std::size_t>(row % kPageRows);
    if (offset >= found->size())
        return nullptr;
    // Most recently used first: the page to forget next is at the back.
    if (m_recent.empty() || m_recent.front() != page) {
        m_recent.remove(page);
        m_recent.push_front(page);
    }
    return &(*found)[offset];
}

bool AuditTimelineModel::isLoaded(int row) const
{
    const auto found = m_pages.constFind(row / kPageRows);
    return found != m_pages.constEnd() && static_cast<std::size_t>(row % kPageRows) < found->size();
}

void AuditTimelineModel::request(int page) const
{
    if (m_requested.contains(page) || m_client == nullptr)
        return;
    std::vector<std::int64_t> seqs;
    const int first = page * kPageRows;
    const int last = std::min(first + kPageRows, rowCount());
    for (int row = first; row < last; ++row)
        seqs.push_back(seqAt(row));
    if (seqs.empty())
        return;
    m_requested.insert(page);
    m_client->loadAuditRows(m_generation, seqs);
}

QVariant AuditTimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::AuditRow* row = rowAt(index.row());
    if (role == SeqRole)
        return seqAt(index.row());
    if (row == nullptr) {
        if (role == Qt::DisplayRole) {
            request(index.row() / kPageRows);
            return index.column() == Seq ? QVariant(seqAt(index.row())) : QVariant(index.column() == Summary ? QStringLiteral("…") : QString());
        }
        return {};
    }
    if (role == IntentRole)
        return qs(row->intent);
    if (role == TypeRole)
        return qs(row->type);
    if (role == Qt::TextAlignmentRole && (index.column() == Seq || index.column() == Amount))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Summary)
        return qs(row->summary);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Seq: return static_cast<qlonglong>(row->seq);
    case Time: return QDateTime::fromMSecsSinceEpoch(row->timeMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Type: return qs(row->type);
    case Actor: return qs(row->actor);
    case Agent: return qs(row->agent);
    case Proposal: return qs(row->intent);
    case Summary: return qs(row->summary);
    case Amount: return row->amount.empty() ? QString() : qs(row->amount + " " + row->asset);
    case Outcome: return qs(row->outcome);
    case Signature: return row->signedEntry ? tr("signed") : QString();
    default: return {};
    }
}

QVariant AuditTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Seq: return tr("Entry");
    case Time: return tr("Time (UTC)");
    case Type: return tr("Type");
    case Actor: return tr("Actor");
    case Agent: return tr("Agent");
    case Proposal: return tr("Proposal");
    case Summary: return tr("Summary");
    case Amount: return tr("Amount");
    case Outcome: return tr("Outcome");
    case Signature: return tr("Signature");
    default: return {};
    }
}

void AuditTimelineModel::clear()
{
    beginResetModel();
    ++m_generation;
    m_size = 0;
    m_seqs.clear();
    m_pages.clear();
    m_recent.clear();
    m_requested.clear();
    m_query = {};
    endResetModel();
}

void AuditTimelineModel::setQuery(const api::AuditQuery& query)
{
    beginResetModel();
    ++m_generation;
    m_query = query;
    m_seqs.clear();
    m_pages.clear();
    m_recent.clear();
    m_requested.clear();
    endResetModel();
    if (!filtered()) {
        Q_EMIT filterApplied(rowCount());
        return;
    }
    m_matching = true;
    if (m_client != nullptr)
        m_client->loadAuditMatches(m_generation, m_query);
}

void AuditTimelineModel::setLogSize(qint64 size)
{
    if (size <= m_size)
        return;
    if (filtered()) {
        // Which of the new entries the filter keeps is the engine's to say: asked again.
        m_size = size;
        if (!m_matching && m_client != nullptr) {
            m_matching = true;
            m_client->loadAuditMatches(++m_generation, m_query);
        }
        return;
    }
    const int first = rowCount();
    const int last = static_cast<int>(std::min<qint64>(size, std::numeric_limits<int>::max())) - 1;
    // The last page may have been fetched short: it is fetched again when shown.
    const int page = first / kPageRows;
    m_pages.remove(page);
    m_recent.remove(page);
    m_requested.remove(page);
    beginInsertRows({}, first, last);
    m_size = size;
    endInsertRows();
}

void AuditTimelineModel::onMatches(quint64 generation, const std::vector<std::int64_t>& seqs)
{
    if (generation != m_generation)
        return;
    m_matching = false;
    if (seqs.size() >= m_seqs.size() && std::equal(m_seqs.begin(), m_seqs.end(), seqs.begin())) {
        // The log grew: the rows kept before stay, the new ones are inserted.
        if (seqs.size() > m_seqs.size()) {
            const int page = static_cast<int>(m_seqs.size()) / kPageRows;
            m_pages.remove(page);
            m_recent.remove(page);
            m_requested.remove(page);
            beginInsertRows({}, static_cast<int>(m_seqs.size()), static_cast<int>(seqs.size()) - 1);
            m_seqs = seqs;
            endInsertRows();
        }
    } else {
        beginResetModel();
        m_seqs = seqs;
        m_pages.clear();
        m_recent.clear();
        m_requested.clear();
        endResetModel();
    }
    Q_EMIT filterApplied(rowCount());
}

void AuditTimelineModel::onRows(quint64 generation, const std::vector<api::AuditRow>& rows)
{
    if (generation != m_generation || rows.empty())
        return;
    const int firstRow = rowOfSeq(rows.front().seq);
    if (firstRow < 0 || firstRow % kPageRows != 0)
        return;
    const int page = firstRow / kPageRows;
    m_pages.insert(page, rows);
    m_recent.remove(page);
    m_recent.push_front(page);
    while (m_recent.size() > static_cast<std::size_t>(kMaxPages)) {
        m_pages.remove(m_recent.back());
        m_requested.remove(m_recent.back());
        m_recent.pop_back();
    }
    const int lastRow = std::min(firstRow + static_cast<int>(rows.size()), rowCount()) - 1;
    Q_EMIT dataChanged(index(firstRow, 0), index(lastRow, ColumnCount - 1));
    Q_EMIT pageLoaded(firstRow, lastRow);
}

} // namespace cs::ui
