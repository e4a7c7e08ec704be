// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/MoneyFormat.h"

namespace cs::ui {

QString formatAmount(const QString& decimal, const QLocale& locale)
{
    const bool negative = decimal.startsWith(u'-');
    const QString body = negative ? decimal.mid(1) : decimal;
    const qsizetype point = body.indexOf(u'.');
    const QString whole = point < 0 ? body : body.left(point);
    const QString fraction = point < 0 ? QString() : body.mid(point + 1);

    QString grouped;
    const QString separator = locale.groupSeparator();
    for (qsizetype i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            grouped += separator;
        grouped += whole.at(i);
    }
    QString text = negative ? locale.negativeSign() + grouped : grouped;
    if (!fraction.isEmpty())
        text += locale.decimalPoint() + fraction;
    return text;
}

} // namespace cs::ui
