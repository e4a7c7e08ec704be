// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/SignInDialog.h"

#include "ui/common/Session.h"
#include "ui/common/StateText.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cs::ui {

SignInDialog::SignInDialog(const std::vector<api::PrincipalView>& people, const QString& current, QWidget* parent)
    : QDialog(parent)
    , m_people(Session::candidates(people))
    , m_list(new QListWidget(this))
    , m_what(new QLabel(this))
    , m_signIn(nullptr)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign In"));
    auto* intro = new QLabel(tr("Who are you in this workspace? Everything you sign in the console is signed with "
                                "your key, and your role decides what you can do here. Your passphrase is asked "
                                "each time you sign."),
                             this);
    intro->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("signInList"));
    for (const api::PrincipalView& person : m_people) {
        const QString id = QString::fromStdString(person.id);
        const QString name = QString::fromStdString(person.displayName);
        auto* item = new QListWidgetItem(tr("%1 — %2").arg(name.isEmpty() || name == id ? id : tr("%1 (%2)").arg(name, id),
                                                          stateText(person.role)),
                                         m_list);
        item->setData(Qt::UserRole, id);
        if (id == current)
            m_list->setCurrentItem(item);
    }
    if (m_list->currentRow() < 0 && m_list->count() > 0)
        m_list->setCurrentRow(0); // as a list with the focus would: the choice is always visible
    m_what->setObjectName(QStringLiteral("signInRole"));
    m_what->setWordWrap(true);
    m_what->setTextFormat(Qt::PlainText);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = buttons->addButton(tr("&Sign In"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &SignInDialog::showChoice);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept); // Enter or a double click

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_what);
    layout->addWidget(buttons);
    setMinimumSize(520, 360);
    showChoice();
}

std::optional<api::PrincipalView> SignInDialog::chosen() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= static_cast<int>(m_people.size()))
        return std::nullopt;
    return m_people[static_cast<std::size_t>(row)];
}

void SignInDialog::showChoice()
{
    const auto who = chosen();
    m_signIn->setEnabled(who.has_value());
    if (!who) {
        m_what->setText(m_people.empty() ? tr("Nobody here may sign in: no active approver, risk manager or analyst.")
                                         : tr("Choose who you are."));
        return;
    }
    switch (who->role) {
    case api::Role::RiskManager:
        m_what->setText(tr("A risk manager signs verdicts and changes people, agents, the world and the policy."));
        break;
    case api::Role::Approver:
        m_what->setText(tr("An approver signs verdicts on the proposals that wait for their group; everything "
                           "else is read only."));
        break;
    default:
        m_what->setText(tr("An analyst reads everything and signs nothing: every action that signs stays disabled."));
        break;
    }
}

} // namespace cs::ui
