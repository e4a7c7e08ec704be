// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

namespace cs::ui {

/**
 * Shows an exact decimal string ("250000.5") with the locale's digit grouping and decimal
 * point ("250,000.5" in English, "250.000,5" in German). Works on the text, never through a
 * double, so no digit is ever rounded away.
 */
QString formatAmount(const QString& decimal, const QLocale& locale = QLocale());

} // namespace cs::ui
