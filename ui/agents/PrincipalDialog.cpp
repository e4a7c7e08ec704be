// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/agents/PrincipalDialog.h"

#include "ui/common/Secrets.h"
#include "ui/common/StateText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace cs::ui {

PrincipalDialog::PrincipalDialog(Kind kind, const QString& signer, const QString& explanation, bool demo, QWidget* parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_demo(demo)
{
    setWindowTitle(kind == Kind::Add ? tr("Add a person or an agent")
                   : kind == Kind::RotateKey ? tr("New key") : tr("Change a status"));
    auto* text = new QLabel(explanation, this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    auto* form = new QFormLayout;
    if (kind == Kind::Add) {
        m_id = new QLineEdit(this);
        m_id->setObjectName(QStringLiteral("principalId"));
        m_id->setPlaceholderText(tr("lowercase letters, digits, - and _"));
        m_role = new QComboBox(this);
        for (api::Role role : {api::Role::Agent, api::Role::Approver, api::Role::RiskManager, api::Role::Analyst})
            m_role->addItem(stateText(role), static_cast<int>(role));
        m_name = new QLineEdit(this);
        m_description = new QLineEdit(this);
        form->addRow(tr("&Id:"), m_id);
        form->addRow(tr("R&ole:"), m_role);
        form->addRow(tr("&Name:"), m_name);
        form->addRow(tr("&Description:"), m_description);
        connect(m_id, &QLineEdit::textChanged, this, &PrincipalDialog::updateSign);
        connect(m_role, &QComboBox::currentIndexChanged, this, &PrincipalDialog::updateSign);
    }
    if (kind == Kind::Status) {
        m_reason = new QPlainTextEdit(this);
        m_reason->setObjectName(QStringLiteral("reason"));
        m_reason->setTabChangesFocus(true);
        m_reason->setFixedHeight(m_reason->fontMetrics().lineSpacing() * 4);
        form->addRow(tr("&Reason:"), m_reason);
        connect(m_reason, &QPlainTextEdit::textChanged, this, &PrincipalDialog::updateSign);
    }
    if (kind != Kind::Status) {
        m_newPassphrase = new QLineEdit(this);
        m_newPassphrase->setEchoMode(QLineEdit::Password);
        m_newAgain = new QLineEdit(this);
        m_newAgain->setEchoMode(QLineEdit::Password);
        form->addRow(tr("New key's &passphrase:"), m_newPassphrase);
        form->addRow(tr("Repeat it:"), m_newAgain);
        connect(m_newPassphrase, &QLineEdit::textChanged, this, &PrincipalDialog::updateSign);
        connect(m_newAgain, &QLineEdit::textChanged, this, &PrincipalDialog::updateSign);
    }
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("signerPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    form->addRow(tr("%1's passphrase:").arg(signer), m_passphrase);
    connect(m_passphrase, &QLineEdit::textChanged, this, &PrincipalDialog::updateSign);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* sign = m_buttons->addButton(tr("&Sign"), QDialogButtonBox::AcceptRole);
    sign->setObjectName(QStringLiteral("sign"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
    updateSign();
}

bool PrincipalDialog::needsNewKey() const
{
    return m_newPassphrase != nullptr && !(m_role != nullptr && role() == api::Role::Analyst);
}

void PrincipalDialog::updateSign()
{
    QString problem;
    static const QRegularExpression kId(QStringLiteral("^[a-z0-9][a-z0-9._:-]{0,63}$"));
    if (m_id != nullptr && !kId.match(m_id->text()).hasMatch())
        problem = tr("The id is lowercase letters, digits, '.', ':', '-' and '_'.");
    else if (m_reason != nullptr && m_reason->toPlainText().trimmed().isEmpty())
        problem = tr("A status change says why.");
    else if (needsNewKey() && m_newPassphrase->text() != m_newAgain->text())
        problem = tr("The two passphrases differ.");
    else if (!m_demo && needsNewKey() && m_newPassphrase->text().isEmpty())
        problem = tr("The new key needs a passphrase.");
    else if (!m_demo && m_passphrase->text().isEmpty())
        problem = tr("Your passphrase signs the change.");
    if (m_newPassphrase != nullptr) {
        m_newPassphrase->setEnabled(needsNewKey());
        m_newAgain->setEnabled(needsNewKey());
    }
    m_problem->setText(problem);
    for (QAbstractButton* button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(problem.isEmpty());
    }
}

QString PrincipalDialog::id() const
{
    return m_id != nullptr ? m_id->text().trimmed() : QString();
}

api::Role PrincipalDialog::role() const
{
    return m_role != nullptr ? static_cast<api::Role>(m_role->currentData().toInt()) : api::Role::Agent;
}

QString PrincipalDialog::displayName() const
{
    return m_name != nullptr ? m_name->text().trimmed() : QString();
}

QString PrincipalDialog::description() const
{
    return m_description != nullptr ? m_description->text().trimmed() : QString();
}

QString PrincipalDialog::reason() const
{
    return m_reason != nullptr ? m_reason->toPlainText().trimmed() : QString();
}

std::shared_ptr<const SecretBytes> PrincipalDialog::takeSignerPassphrase()
{
    return takePassphrase(*m_passphrase);
}

std::shared_ptr<const SecretBytes> PrincipalDialog::takeNewPassphrase()
{
    if (!needsNewKey())
        return nullptr;
    m_newAgain->clear();
    return takePassphrase(*m_newPassphrase);
}

} // namespace cs::ui
