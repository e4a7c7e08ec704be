// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/Secrets.h"

#include <algorithm>
#include <cstring>

#include <QLineEdit>

namespace cs::ui {

std::shared_ptr<const SecretBytes> takePassphrase(QLineEdit& field)
{
    QString text = field.text();
    field.clear();
    QByteArray utf8 = text.toUtf8();
    auto secret = std::make_shared<SecretBytes>(static_cast<std::size_t>(utf8.size()));
    if (!utf8.isEmpty())
        std::memcpy(secret->data(), utf8.constData(), static_cast<std::size_t>(utf8.size()));
    // Both temporaries are the only owners of their buffers here: overwrite them in place.
    std::fill(utf8.begin(), utf8.end(), '\0');
    std::fill(text.begin(), text.end(), QChar(u'\0'));
    return secret;
}

void PassphraseCache::store(const QString& approver, std::shared_ptr<const SecretBytes> passphrase)
{
    m_approver = approver;
    m_passphrase = std::move(passphrase);
}

std::shared_ptr<const SecretBytes> PassphraseCache::find(const QString& approver) const
{
    return approver == m_approver ? m_passphrase : nullptr;
}

void PassphraseCache::clear()
{
    m_approver.clear();
    m_passphrase.reset();
}

} // namespace cs::ui
