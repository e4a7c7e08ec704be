// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Snapshots.h"

#include <optional>
#include <vector>

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace cs::ui {

/**
 * File > Sign In: choose who you are in this workspace, once. Lists the people who may sign in
 * (active approvers, risk managers and analysts) with their role and what it lets them do here;
 * Sign In is enabled once one is chosen. No passphrase is asked here: each signature asks for it.
 */
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    SignInDialog(const std::vector<api::PrincipalView>& people, const QString& current, QWidget* parent = nullptr);

    //! The one chosen, once accepted.
    std::optional<api::PrincipalView> chosen() const;

private:
    void showChoice();

    std::vector<api::PrincipalView> m_people;
    QListWidget* m_list;
    QLabel* m_what;
    QPushButton* m_signIn;
};

} // namespace cs::ui
