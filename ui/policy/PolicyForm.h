// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/policy/PolicyDocument.h"

#include <QJsonValue>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QUndoStack;

namespace cs::ui {

/**
 * Fields bound to places in the policy document, two label/field pairs a row. The rule form
 * (`makeRuleForm`) shows the selected rule field by field; the globals form the policy's name
 * and globals. Every edit is a command on the editor's undo stack, keyed by the rule's id (a
 * rule form's fields name no key: they edit the rule shown); typing in one field is one step.
 * A field is rewritten from the document only when it no longer says the same.
 */
class PolicyForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyForm)

public:
    PolicyForm(PolicyDocument& document, QUndoStack& stack, QWidget* parent = nullptr);

    //! A text field at `where` (an empty key: the rule shown), read and written through the two functions.
    void addText(const QString& label, const PolicyLocation& where, std::function<QJsonValue(const QString&)> toJson,
                 std::function<QString(const QJsonValue&)> toText, const QString& hint = {});
    //! A choice of `values` (undefined: absent), shown as `labels`.
    void addChoice(const QString& label, const PolicyLocation& where, const QList<QJsonValue>& values, const QStringList& labels);
    //! Lays the fields out; call once they are all added.
    void finish();

    //! Shows rule `id` (none: the rule's fields are empty and disabled).
    void showRule(const QString& id);
    QString rule() const { return m_rule; }
    //! What the engine's check says of the rule shown, one line each.
    //! `severity`: 1 warnings, 2 an error.
    void showFindings(const QStringList& lines, int severity);
    //! The field at `path` ("window.above", "effect", or a global's name), for tests.
    QWidget* field(const QString& path) const;
    void setEditable(bool editable);

private:
    struct Field
    {
        PolicyLocation where;
        QWidget* widget = nullptr;
        std::function<QJsonValue()> read;         //!< the widget's value as JSON (undefined: absent)
        std::function<void(const QJsonValue&)> write;
    };
    //! Where `field` is now: a rule form's fields are on the rule shown.
    PolicyLocation locationOf(const Field& field) const;
    bool isOnRule(const Field& field) const { return field.where.section == QLatin1String("rules"); }
    void edited(const Field& field, bool merge);
    void refresh();

    PolicyDocument& m_document;
    QUndoStack& m_stack;
    QString m_rule;
    std::vector<Field> m_fields;
    QLabel* m_findings;
    QGridLayout* m_grid;
    bool m_editable = true;
    bool m_writing = false; //!< the form itself is writing a field: it is not an edit
};

//! The rule form: id, effect, description, what it matches, limits per transaction and per
//! window, approver groups, why it is so broad; and what the engine's check says of it.
PolicyForm* makeRuleForm(PolicyDocument& document, QUndoStack& stack, QWidget* parent);
//! The policy's name and globals: reference currency, simulation required, slippage, approval expiry, time zone.
PolicyForm* makeGlobalsForm(PolicyDocument& document, QUndoStack& stack, QWidget* parent);

} // namespace cs::ui
