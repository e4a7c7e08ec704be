// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/policy/PolicyForm.h"

#include "ui/policy/PolicyDocument.h"
#include "ui/policy/PolicyModels.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QUndoStack>
#include <QVBoxLayout>

namespace cs::ui {

namespace {

QJsonValue stringOrAbsent(const QString& text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(trimmed);
}

QString textOf(const QJsonValue& value)
{
    return value.toString();
}

} // namespace

PolicyForm::PolicyForm(PolicyDocument& document, QUndoStack& stack, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_stack(stack)
    , m_findings(new QLabel(this))
    , m_grid(new QGridLayout)
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(m_grid);
    m_findings->setWordWrap(true);
    m_findings->setTextFormat(Qt::PlainText);
    m_findings->setObjectName(QStringLiteral("ruleFindings"));
    column->addWidget(m_findings);
    column->addStretch(1);
    connect(&m_document, &PolicyDocument::changed, this, [this] { refresh(); });
}

void PolicyForm::finish()
{
    // Two label/field pairs a row: a whole rule fits below the table at 1280×800.
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        const int row = static_cast<int>(i / 2);
        const int column0 = static_cast<int>(i % 2) * 2;
        auto* label = new QLabel(m_fields[i].widget->accessibleName(), this);
        label->setBuddy(m_fields[i].widget);
        m_grid->addWidget(label, row, column0);
        m_grid->addWidget(m_fields[i].widget, row, column0 + 1);
    }
    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(3, 1);
    showRule({});
}

PolicyForm* makeRuleForm(PolicyDocument& document, QUndoStack& stack, QWidget* parent)
{
    auto* form = new PolicyForm(document, stack, parent);
    const auto at = [](const char* path) { return PolicyLocation{QStringLiteral("rules"), {}, QString::fromLatin1(path).split(u'.')}; };
    const QString selectorHint = PolicyForm::tr("a, b · not a, b · list NAME · not list NAME · empty: any");
    const QString amountHint = PolicyForm::tr("amount in the reference currency");
    form->addText(PolicyForm::tr("Rule id"), at("id"), stringOrAbsent, textOf);
    form->addChoice(PolicyForm::tr("Effect"), at("effect"),
                    {QJsonValue(QStringLiteral("allow")), QJsonValue(QStringLiteral("require_approval")), QJsonValue(QStringLiteral("deny"))},
                    {PolicyForm::tr("allow"), PolicyForm::tr("needs approval"), PolicyForm::tr("deny")});
    form->addText(PolicyForm::tr("Description"), at("description"), stringOrAbsent, textOf);
    form->addText(PolicyForm::tr("Agents"), at("match.agent"), selectorValue, selectorText, selectorHint);
    form->addText(PolicyForm::tr("Roles"), at("match.role"), selectorValue, selectorText, selectorHint);
    form->addText(PolicyForm::tr("Actions"), at("match.action"), selectorValue, selectorText, selectorHint);
    form->addText(PolicyForm::tr("Assets"), at("match.asset"), selectorValue, selectorText, selectorHint);
    form->addText(PolicyForm::tr("Venues"), at("match.venue"), selectorValue, selectorText, selectorHint);
    form->addText(PolicyForm::tr("Counterparties"), at("match.counterparty"), selectorValue, selectorText, selectorHint);
    form->addChoice(PolicyForm::tr("Destination"), at("match.destination"),
                    {QJsonValue(QJsonValue::Undefined), QJsonValue(QStringLiteral("listed")), QJsonValue(QStringLiteral("first_time"))},
                    {PolicyForm::tr("any"), PolicyForm::tr("listed counterparty"), PolicyForm::tr("never paid before")});
    form->addText(PolicyForm::tr("Per transaction above"), at("amount.above"), stringOrAbsent, textOf, amountHint);
    form->addText(PolicyForm::tr("Per transaction at most"), at("amount.at_most"), stringOrAbsent, textOf, amountHint);
    form->addText(PolicyForm::tr("Window"), at("window.period"), stringOrAbsent, textOf, PolicyForm::tr("calendar_day, 24h, 7d, 3600s"));
    form->addText(PolicyForm::tr("Window total above"), at("window.above"), stringOrAbsent, textOf, amountHint);
    form->addText(PolicyForm::tr("Window total at most"), at("window.at_most"), stringOrAbsent, textOf, amountHint);
    form->addText(PolicyForm::tr("Approver groups"), at("approval.groups"), groupsValue, groupsText, PolicyForm::tr("group:threshold, …"));
    form->addText(PolicyForm::tr("Why so broad"), at("broad"), stringOrAbsent, textOf,
                  PolicyForm::tr("required for an allow rule for every agent and action without limits"));
    // Last, beside "Why so broad": the amount fields above keep their pairs on one row.
    form->addChoice(PolicyForm::tr("Agent's reputation"), at("match.reputation_below"),
                    {QJsonValue(QJsonValue::Undefined), QJsonValue(QStringLiteral("trusted")), QJsonValue(QStringLiteral("provisional"))},
                    {PolicyForm::tr("any"), PolicyForm::tr("below trusted"), PolicyForm::tr("below provisional")});
    form->finish();
    return form;
}

PolicyForm* makeGlobalsForm(PolicyDocument& document, QUndoStack& stack, QWidget* parent)
{
    auto* form = new PolicyForm(document, stack, parent);
    const auto global = [](const char* key) { return PolicyLocation{QStringLiteral("globals"), QString::fromLatin1(key), {}}; };
    form->addText(PolicyForm::tr("Policy name"), {QStringLiteral("name"), QStringLiteral("name"), {}}, stringOrAbsent, textOf);
    form->addText(PolicyForm::tr("Reference currency"), global("reference_currency"), stringOrAbsent, textOf,
                  PolicyForm::tr("what amounts and caps are valued in"));
    form->addChoice(PolicyForm::tr("Simulation required"), global("simulation_required"), {QJsonValue(true), QJsonValue(false)},
                    {PolicyForm::tr("yes: a proposal that does not simulate is denied"), PolicyForm::tr("no")});
    form->addText(PolicyForm::tr("Largest slippage (bps)"), global("max_slippage_bps"),
                  [](const QString& text) {
                      bool number = false;
                      const int bps = text.trimmed().toInt(&number);
                      return text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Undefined)
                             : number                 ? QJsonValue(bps)
                                                      : QJsonValue(text.trimmed());
                  },
                  [](const QJsonValue& value) { return value.isDouble() ? QString::number(value.toInt()) : value.toString(); });
    form->addText(PolicyForm::tr("Approvals expire after"), global("approval_expiry"), stringOrAbsent, textOf,
                  PolicyForm::tr("24h, 7d, 3600s"));
    form->addText(PolicyForm::tr("Time zone"), global("time_zone"), stringOrAbsent, textOf, PolicyForm::tr("of calendar days, e.g. UTC"));
    form->finish();
    return form;
}

void PolicyForm::addText(const QString& label, const PolicyLocation& where, std::function<QJsonValue(const QString&)> toJson,
                         std::function<QString(const QJsonValue&)> toText, const QString& hint)
{
    const QString path = where.path.isEmpty() ? where.key : where.path.join(u'.');
    auto* edit = new QLineEdit(this);
    edit->setAccessibleName(label);
    edit->setObjectName(QStringLiteral("rule:") + path);
    edit->setPlaceholderText(hint);
    edit->setToolTip(hint);
    Field field{where, edit, [edit, toJson] { return toJson(edit->text()); },
                [edit, toText](const QJsonValue& value) {
                    edit->setText(toText(value));
                    edit->setCursorPosition(0); // a long text shows its start
                }};
    m_fields.push_back(field);
    // An id is one edit when it is complete; any other field is one step however much is typed.
    if (isOnRule(field) && path == QLatin1String("id")) {
        connect(edit, &QLineEdit::editingFinished, this, [this, field] { edited(field, false); });
    } else {
        connect(edit, &QLineEdit::textEdited, this, [this, field] { edited(field, true); });
    }
}

void PolicyForm::addChoice(const QString& label, const PolicyLocation& where, const QList<QJsonValue>& values,
                           const QStringList& labels)
{
    auto* box = new QComboBox(this);
    box->setAccessibleName(label);
    box->setObjectName(QStringLiteral("rule:") + (where.path.isEmpty() ? where.key : where.path.join(u'.')));
    box->addItems(labels);
    Field field{where, box, [box, values] { return values.value(box->currentIndex(), QJsonValue(QJsonValue::Undefined)); },
                [box, values](const QJsonValue& value) { box->setCurrentIndex(std::max<int>(0, static_cast<int>(values.indexOf(value)))); }};
    m_fields.push_back(field);
    connect(box, &QComboBox::activated, this, [this, field] { edited(field, false); });
}

PolicyLocation PolicyForm::locationOf(const Field& field) const
{
    PolicyLocation where = field.where;
    if (isOnRule(field))
        where.key = m_rule;
    return where;
}

void PolicyForm::edited(const Field& field, bool merge)
{
    if (m_writing || (isOnRule(field) && m_rule.isEmpty()))
        return;
    const PolicyLocation where = locationOf(field);
    const QJsonValue value = field.read();
    if (value == m_document.value(where))
        return;
    const QString name = field.widget->accessibleName();
    m_stack.push(new SetPolicyValue(m_document, where, value,
                                    isOnRule(field) ? tr("%1: %2").arg(m_rule, name) : name, merge));
    if (isOnRule(field) && field.where.path == QStringList{QStringLiteral("id")})
        m_rule = value.toString(); // the form stays on its rule under the new id
}

void PolicyForm::showRule(const QString& id)
{
    m_rule = m_document.ruleRow(id) >= 0 ? id : QString();
    setEditable(m_editable);
    refresh();
}

void PolicyForm::refresh()
{
    if (!m_rule.isEmpty() && m_document.ruleRow(m_rule) < 0)
        m_rule.clear(); // removed (or undone away)
    m_writing = true;
    for (const Field& field : m_fields) {
        const QJsonValue value = isOnRule(field) && m_rule.isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                                                      : m_document.value(locationOf(field));
        // A field that already says the same is left alone: the cursor stays where the user types.
        if (field.read() != value)
            field.write(value);
    }
    m_writing = false;
}

void PolicyForm::showFindings(const QStringList& lines, int severity)
{
    m_findings->setText(lines.join(u'\n'));
    m_findings->setStyleSheet(severity >= 2 ? QStringLiteral("color: #b3261e;") : severity == 1 ? QStringLiteral("color: #8a5300;") : QString());
}

QWidget* PolicyForm::field(const QString& path) const
{
    for (const Field& field : m_fields) {
        if ((field.where.path.isEmpty() ? field.where.key : field.where.path.join(u'.')) == path)
            return field.widget;
    }
    return nullptr;
}

void PolicyForm::setEditable(bool editable)
{
    m_editable = editable;
    for (const Field& field : m_fields)
        field.widget->setEnabled(editable && (!isOnRule(field) || !m_rule.isEmpty()));
}

} // namespace cs::ui
