// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Secret.h"

#include <memory>

#include <QString>

class QLineEdit;

namespace cs::ui {

/**
 * Moves a passphrase typed into `field` into sodium-guarded memory and wipes the field, so the
 * only copy left is one that is zeroed when its last user lets go. (Qt may have copied the text
 * while it was typed; those copies are outside our reach.)
 */
std::shared_ptr<const SecretBytes> takePassphrase(QLineEdit& field);

/**
 * The approver's passphrase, kept for this session only when they opt in, in guarded memory.
 * clear() (Ctrl+L in the console, a change of approver, closing the workspace) drops it; a
 * signature already under way keeps its own reference until it is done.
 */
class PassphraseCache
{
public:
    void store(const QString& approver, std::shared_ptr<const SecretBytes> passphrase);
    //! The cached passphrase of `approver`, or null.
    std::shared_ptr<const SecretBytes> find(const QString& approver) const;
    bool holds(const QString& approver) const { return find(approver) != nullptr; }
    void clear();

private:
    QString m_approver;
    std::shared_ptr<const SecretBytes> m_passphrase;
};

} // namespace cs::ui
