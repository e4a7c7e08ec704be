// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/TimeAxis.h"

#include <qcustomplot.h>

namespace cs::ui {

void useTimeAxis(QCPAxis* axis)
{
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setDateTimeFormat(QStringLiteral("MM-dd HH:mm"));
    axis->setTicker(ticker);
    QObject::connect(axis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), axis, [ticker](const QCPRange& range) {
        ticker->setDateTimeFormat(range.size() < 10    ? QStringLiteral("HH:mm:ss.zzz")
                                  : range.size() < 600 ? QStringLiteral("HH:mm:ss")
                                  : range.size() < 2 * 86400 ? QStringLiteral("MM-dd HH:mm")
                                                             : QStringLiteral("yyyy-MM-dd"));
    });
}

} // namespace cs::ui
