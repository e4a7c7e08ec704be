// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/NewWorkspaceDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace cs::ui {

namespace {

QLineEdit* secretField(QWidget* parent)
{
    auto* field = new QLineEdit(parent);
    field->setEchoMode(QLineEdit::Password);
    return field;
}

QLabel* step(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

NewWorkspaceDialog::NewWorkspaceDialog(QWidget* parent)
    : QDialog(parent)
    , m_folder(new QLineEdit(this))
    , m_engine(secretField(this))
    , m_engineAgain(secretField(this))
    , m_manager(new QLineEdit(this))
    , m_managerName(new QLineEdit(this))
    , m_managerPassphrase(secretField(this))
    , m_managerAgain(secretField(this))
    , m_problem(new QLabel(this))
    , m_create(nullptr)
{
    setWindowTitle(tr("New workspace"));
    m_folder->setObjectName(QStringLiteral("folder"));
    m_manager->setObjectName(QStringLiteral("riskManager"));
    m_manager->setPlaceholderText(tr("lowercase letters, digits, - and _"));
    auto* browse = new QPushButton(tr("&Choose…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose an empty folder for the workspace"));
        if (!dir.isEmpty())
            m_folder->setText(QDir::toNativeSeparators(dir));
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);

    auto* intro = new QLabel(tr("A workspace of your own starts with the engine, which signs decisions, receipts and "
                                "checkpoints, and its first risk manager, who adds everyone else and publishes the policy. "
                                "Both keys are sealed with the passphrases you choose here; they are never stored."),
                             this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(step(tr("1. Where"), this));
    auto* folderLabel = new QLabel(tr("&Folder (empty or new):"), this);
    folderLabel->setBuddy(m_folder);
    form->addRow(folderLabel, folderRow);
    form->addRow(step(tr("2. The engine's key"), this));
    form->addRow(tr("&Passphrase:"), m_engine);
    form->addRow(tr("Repeat it:"), m_engineAgain);
    form->addRow(step(tr("3. The first risk manager"), this));
    form->addRow(tr("&Id:"), m_manager);
    form->addRow(tr("&Name:"), m_managerName);
    form->addRow(tr("Pass&phrase:"), m_managerPassphrase);
    form->addRow(tr("Repeat it:"), m_managerAgain);
    m_problem->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("problem"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("C&reate"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    for (QLineEdit* field : {m_folder, m_engine, m_engineAgain, m_manager, m_managerName, m_managerPassphrase, m_managerAgain})
        connect(field, &QLineEdit::textChanged, this, &NewWorkspaceDialog::check);
    check();
}

void NewWorkspaceDialog::check()
{
    static const QRegularExpression kId(QStringLiteral("^[a-z0-9][a-z0-9._:-]{0,63}$"));
    const QFileInfo folder(m_folder->text().trimmed());
    QString problem;
    if (m_folder->text().trimmed().isEmpty())
        problem = tr("Choose the folder the workspace goes in.");
    else if (folder.exists() && (!folder.isDir() || !QDir(folder.filePath()).isEmpty()))
        problem = tr("The folder must be empty or not exist yet.");
    else if (m_engine->text().isEmpty())
        problem = tr("The engine's key needs a passphrase.");
    else if (m_engine->text() != m_engineAgain->text())
        problem = tr("The engine's two passphrases differ.");
    else if (!kId.match(m_manager->text()).hasMatch() || m_manager->text() == QLatin1String("engine"))
        problem = tr("The risk manager's id is lowercase letters, digits, '.', ':', '-' and '_' (and not “engine”).");
    else if (m_managerPassphrase->text().isEmpty())
        problem = tr("The risk manager's key needs a passphrase.");
    else if (m_managerPassphrase->text() != m_managerAgain->text())
        problem = tr("The risk manager's two passphrases differ.");
    else if (m_managerPassphrase->text() == m_engine->text())
        problem = tr("Give the risk manager a passphrase of their own, not the engine's.");
    m_problem->setText(problem);
    m_create->setEnabled(problem.isEmpty());
}

QString NewWorkspaceDialog::folder() const
{
    return QDir::fromNativeSeparators(m_folder->text().trimmed());
}

QString NewWorkspaceDialog::enginePassphrase() const
{
    return m_engine->text();
}

QString NewWorkspaceDialog::riskManager() const
{
    return m_manager->text();
}

QString NewWorkspaceDialog::riskManagerName() const
{
    return m_managerName->text().trimmed();
}

QString NewWorkspaceDialog::riskManagerPassphrase() const
{
    return m_managerPassphrase->text();
}

void NewWorkspaceDialog::wipe()
{
    for (QLineEdit* field : {m_engine, m_engineAgain, m_managerPassphrase, m_managerAgain}) {
        field->setText(QString(field->text().size(), u'\0'));
        field->clear();
    }
}

} // namespace cs::ui
