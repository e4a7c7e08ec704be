// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/bridge/EngineClient.h"

#include <memory>

#include <QDialog>
#include <QTimer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace cs {
class Clock;
}

namespace cs {
class SecretBytes;
}

namespace cs::ui {

struct ApprovalRow;

/**
 * Confirms one verdict before it is signed. It repeats the amount and the destination in full,
 * keeps the Sign button disabled for a short countdown (so a stray Enter cannot sign), asks for
 * a rejection's reason or an edit's new amount / min_out, and for the approver's passphrase
 * unless one is remembered for this session. Enter signs once the countdown is over.
 */
class VerdictDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VerdictDialog)

public:
    //! `passphraseRemembered`: the session holds the approver's passphrase; no field is shown.
    //! The countdown runs on `clock` (kept by the caller), so tests decide when it is over.
    VerdictDialog(const ApprovalRow& row, Verdict::Kind kind, const QString& approver, bool passphraseRemembered,
                  int countdownMs, const Clock& clock, QWidget* parent = nullptr);
    ~VerdictDialog() override;

    //! The verdict as entered (valid once accepted).
    Verdict verdict() const;
    //! The typed passphrase in guarded memory (the field is wiped); null when it was remembered.
    std::shared_ptr<const SecretBytes> takePassphrase();
    //! The approver chose to remember the passphrase for this session.
    bool rememberPassphrase() const;
    bool signingEnabled() const;

private:
    void tick();
    void updateSignButton();

    Verdict m_verdict;
    QString m_originalAmount;
    QString m_originalMinOut;
    QLabel* m_countdownLabel;
    QLineEdit* m_reason = nullptr;
    QLineEdit* m_amount = nullptr;
    QLineEdit* m_minOut = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QCheckBox* m_remember = nullptr;
    QDialogButtonBox* m_buttons;
    QPushButton* m_sign;
    QTimer m_timer;
    const Clock& m_clock;
    std::int64_t m_shownAtMs; //!< on m_clock
    int m_countdownMs;
};

} // namespace cs::ui
