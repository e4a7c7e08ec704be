// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Reports.h"

#include <QAbstractTableModel>
#include <QJsonValue>

namespace cs::ui {

class PolicyDocument;

/**
 * How the editor writes a rule's match fields as text and reads them back, one field at a
 * time: "a, b" (one of), "not a, b" (none of), "list NAME" (in a named list), "not list NAME";
 * empty is any value. The inverse of each other for every value the file format allows.
 */
QString selectorText(const QJsonValue& selector);
QJsonValue selectorValue(const QString& text);
//! A rule's approval groups as "treasury:1, ops:2", and back (a threshold left out is 1).
QString groupsText(const QJsonValue& groups);
QJsonValue groupsValue(const QString& text);
//! "above 10000, at most 20000" for an amount or window bound.
QString boundText(const QJsonObject& bound);

//! The rules in the policy's order, one row each, with what the engine's check says of each.
class PolicyRulesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyRulesModel)

public:
    enum Column { Id, Check, Effect, Agents, Actions, Assets, Venues, Counterparties, Destination, PerTransaction, Window, Approval, ColumnCount };
    //! Per row: the rule's findings' severity (0 none, 1 warning, 2 error), for sorting and tests.
    static constexpr int SeverityRole = Qt::UserRole + 1;

    explicit PolicyRulesModel(const PolicyDocument& document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    //! The engine's latest word on the document; the rows it names are marked.
    void setCheck(const api::PolicyCheck& check);
    //! What the check says of rule `id`: its problem and findings, one line each, errors first.
    QStringList findingsOf(const QString& id) const;
    int severityOf(const QString& id) const;

private:
    const PolicyDocument& m_document;
    api::PolicyCheck m_check;
};

//! The named lists, one row each: name, kind, members, description.
class PolicyListsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyListsModel)

public:
    enum Column { Name, Kind, Members, Description, ColumnCount };

    explicit PolicyListsModel(const PolicyDocument& document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const PolicyDocument& m_document;
    QStringList m_names; //!< the lists' names, in the document's (sorted) order
};

} // namespace cs::ui
