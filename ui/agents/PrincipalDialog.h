// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Snapshots.h"
#include "core/domain/Secret.h"

#include <memory>

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace cs::ui {

/**
 * What a risk manager signs about people and agents: adding one, a new key, or a status change
 * (suspend, resume, revoke). The dialog says what the change will do, asks for what it needs —
 * the new principal, a reason, the new key's passphrase twice — and the signer's passphrase, and
 * enables Sign only when that is complete. In a demo workspace the passphrases may stay empty.
 */
class PrincipalDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrincipalDialog)

public:
    enum class Kind { Add, RotateKey, Status };
    PrincipalDialog(Kind kind, const QString& signer, const QString& explanation, bool demo, QWidget* parent = nullptr);

    QString id() const;
    api::Role role() const;
    QString displayName() const;
    QString description() const;
    QString reason() const;
    //! Taken once Sign was pressed: moved into guarded memory, the fields wiped.
    std::shared_ptr<const SecretBytes> takeSignerPassphrase();
    //! Null when no new key is made (an analyst).
    std::shared_ptr<const SecretBytes> takeNewPassphrase();

private:
    void updateSign();
    bool needsNewKey() const;

    Kind m_kind;
    bool m_demo;
    QLineEdit* m_id = nullptr;
    QComboBox* m_role = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_description = nullptr;
    QPlainTextEdit* m_reason = nullptr;
    QLineEdit* m_newPassphrase = nullptr;
    QLineEdit* m_newAgain = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace cs::ui
