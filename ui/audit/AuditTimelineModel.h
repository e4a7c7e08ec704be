// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Reports.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

#include <list>
#include <vector>

namespace cs::ui {

class EngineClient;

/**
 * The audit log as a table, lazily: never more than a bounded number of pages in memory. With
 * no filter a row is an entry (row r is seq r + 1) and the row count is the log's size; with a
 * filter the engine returns the seqs it keeps (8 bytes each) and rows map onto them. Rows are
 * fetched a page at a time through the EngineClient's worker when first shown; until they
 * arrive a row shows its seq and an ellipsis. The log grows through setLogSize (the engine's
 * AuditAppended push): new rows are inserted, nothing is reset.
 */
class AuditTimelineModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Seq, Time, Type, Actor, Agent, Proposal, Summary, Amount, Outcome, Signature, ColumnCount };
    enum Role { SeqRole = Qt::UserRole + 1, IntentRole, TypeRole };
    static constexpr int kPageRows = 200;
    static constexpr int kMaxPages = 64; //!< about 13,000 rows held at most

    explicit AuditTimelineModel(EngineClient* client, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    //! Shows what `query` keeps (everything when it keeps everything); filterApplied follows.
    void setQuery(const api::AuditQuery& query);
    const api::AuditQuery& query() const { return m_query; }
    //! The log now holds `size` entries.
    void setLogSize(qint64 size);
    //! Forgets every row held and the workspace's log (a workspace closed or opened).
    void clear();

    qint64 seqAt(int row) const;
    //! The row showing entry `seq`, or -1 when the filter hides it.
    int rowOfSeq(qint64 seq) const;
    //! Whether row `row` has arrived from the engine.
    bool isLoaded(int row) const;
    //! How many pages of rows are held now (at most kMaxPages).
    int pagesHeld() const { return static_cast<int>(m_pages.size()); }

Q_SIGNALS:
    //! The rows of a new query are counted (before they arrive).
    void filterApplied(int rows);
    //! A page asked for has arrived.
    void pageLoaded(int firstRow, int lastRow);

private:
    void onMatches(quint64 generation, const std::vector<std::int64_t>& seqs);
    void onRows(quint64 generation, const std::vector<api::AuditRow>& rows);
    const api::AuditRow* rowAt(int row) const;
    void request(int page) const;
    bool filtered() const { return m_query.any(); }

    EngineClient* m_client;
    api::AuditQuery m_query;
    quint64 m_generation = 1;
    qint64 m_size = 0;                 //!< the log's size
    std::vector<std::int64_t> m_seqs;  //!< with a filter: the seqs it keeps
    bool m_matching = false;           //!< a filter's seqs are on their way
    mutable QHash<int, std::vector<api::AuditRow>> m_pages; //!< page → its rows
    mutable std::list<int> m_recent;                        //!< pages, most recently used first
    mutable QSet<int> m_requested;
};

} // namespace cs::ui
