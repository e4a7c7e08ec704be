// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QCoreApplication;

namespace cs::ui {

/**
 * Installs the console's translation (embedded :/i18n/countersign_<lang>.qm) and Qt's own for
 * `language` ("de", "zh_CN"; empty: the system locale) and makes it the default locale, so
 * amounts are grouped the same way. Returns false when Countersign has no translation for it.
 */
bool installTranslations(QCoreApplication& app, const QString& language);

} // namespace cs::ui
