// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cs::ui {

/**
 * File > New Workspace: the steps of `countersign-cli init WS --risk-manager NAME` in one page —
 * an empty folder, the engine key's passphrase (twice), the first risk manager (id, name) and
 * their passphrase (twice). Create is enabled only when every step holds, and the reason is
 * shown when one does not.
 */
class NewWorkspaceDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewWorkspaceDialog)

public:
    explicit NewWorkspaceDialog(QWidget* parent = nullptr);

    QString folder() const;
    QString enginePassphrase() const;
    QString riskManager() const;
    QString riskManagerName() const;
    QString riskManagerPassphrase() const;
    //! The passphrase fields, wiped once their text was taken.
    void wipe();

private:
    void check();

    QLineEdit* m_folder;
    QLineEdit* m_engine;
    QLineEdit* m_engineAgain;
    QLineEdit* m_manager;
    QLineEdit* m_managerName;
    QLineEdit* m_managerPassphrase;
    QLineEdit* m_managerAgain;
    QLabel* m_problem;
    QPushButton* m_create;
};

} // namespace cs::ui
