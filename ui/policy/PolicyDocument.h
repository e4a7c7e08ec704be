// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QStringList>
#include <QUndoCommand>

namespace cs::ui {

/**
 * Where an edit lands in a countersign.policy/1 document: a section ("rules", "lists",
 * "groups", "globals", "name"; empty for the whole document), the key in it (a rule's id, a
 * list's or group's name, a global's field) and the field path below that key. Rules are
 * addressed by id, never by row, so an edit stays on its rule when rules move.
 */
struct PolicyLocation
{
    QString section;
    QString key;
    QStringList path;
    bool operator==(const PolicyLocation&) const = default;
};

/**
 * The draft the policy editor works on: the policy as its JSON document, which is what the
 * engine parses, checks, backtests and publishes. It knows the file format's shape, never its
 * meaning — that is the engine's. Every change goes through a command on the editor's
 * QUndoStack (below); this class only applies them and says what changed.
 */
class PolicyDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyDocument)

public:
    explicit PolicyDocument(QObject* parent = nullptr);

    const QJsonObject& json() const { return m_json; }
    //! Compact JSON text of the document, as it is sent to the engine and kept as the draft.
    QByteArray bytes() const;

    int ruleCount() const;
    QJsonObject rule(int row) const;
    QString ruleId(int row) const;
    //! The row of rule `id`, or -1.
    int ruleRow(const QString& id) const;
    QStringList listNames() const;
    QStringList groupNames() const;

    //! The value at `where` (undefined when absent).
    QJsonValue value(const PolicyLocation& where) const;
    //! Sets the value at `where`; an undefined value removes it (and objects it leaves empty
    //! below the key). For a rule's "id" the rule keeps its row under the new id.
    void setValue(const PolicyLocation& where, const QJsonValue& value);
    void insertRule(int row, const QJsonObject& rule);
    void removeRule(const QString& id);
    //! Moves rule `id` to `row` (the rules' order is the policy's order).
    void moveRule(const QString& id, int row);

Q_SIGNALS:
    //! Anything changed; `where` is the edit's location (the whole document for a reset).
    void changed(const cs::ui::PolicyLocation& where);
    //! Rules were added, removed, moved or the whole document replaced.
    void rulesReset();

private:
    QJsonArray rules() const;
    void setRules(const QJsonArray& rules);

    QJsonObject m_json;
};

//! Sets one value; consecutive edits of the same location with `merge` (typing) are one step.
class SetPolicyValue final : public QUndoCommand
{
public:
    SetPolicyValue(PolicyDocument& document, PolicyLocation where, QJsonValue value, const QString& text, bool merge);
    void redo() override;
    void undo() override;
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    //! Where the value is after redo (a rule's id edit moves the rule's key).
    PolicyLocation after() const;

    PolicyDocument& m_document;
    PolicyLocation m_where;
    QJsonValue m_before;
    QJsonValue m_value;
    bool m_merge;
};

//! Adds a rule at a row; undone, it is removed again.
class InsertPolicyRule final : public QUndoCommand
{
public:
    InsertPolicyRule(PolicyDocument& document, int row, QJsonObject rule, const QString& text);
    void redo() override;
    void undo() override;

private:
    PolicyDocument& m_document;
    int m_row;
    QJsonObject m_rule;
};

//! Removes rule `id`; undone, it returns to its row.
class RemovePolicyRule final : public QUndoCommand
{
public:
    RemovePolicyRule(PolicyDocument& document, const QString& id, const QString& text);
    void redo() override;
    void undo() override;

private:
    PolicyDocument& m_document;
    QString m_id;
    int m_row;
    QJsonObject m_rule;
};

//! Moves rule `id` to another row; undone, back to the row it had.
class MovePolicyRule final : public QUndoCommand
{
public:
    MovePolicyRule(PolicyDocument& document, const QString& id, int row, const QString& text);
    void redo() override;
    void undo() override;

private:
    PolicyDocument& m_document;
    QString m_id;
    int m_from;
    int m_to;
};

} // namespace cs::ui

Q_DECLARE_METATYPE(cs::ui::PolicyLocation)
