// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/CapBar.h"

#include "ui/common/MoneyFormat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QProgressBar>

namespace cs::ui {

QProgressBar* makeCapBar(const api::CapUse& use, QWidget* parent)
{
    auto* bar = new QProgressBar(parent);
    const QString rule = QString::fromStdString(use.rule);
    bar->setObjectName(use.agent.empty() ? QStringLiteral("cap:%1").arg(rule)
                                         : QStringLiteral("cap:%1/%2").arg(rule, QString::fromStdString(use.agent)));
    bar->setRange(0, 100);
    bar->setValue(std::min(use.usedPercent, 100));
    const QString since = QLocale().toString(QDateTime::fromMSecsSinceEpoch(use.since.msSinceEpoch).toLocalTime(),
                                             QLocale::ShortFormat);
    bar->setFormat(QCoreApplication::translate("cs::ui::CapBar", "%1 of %2 %3 since %4 (%5 %)")
                       .arg(formatAmount(QString::fromStdString(use.used), QLocale()),
                            formatAmount(QString::fromStdString(use.limit), QLocale()), QString::fromStdString(use.currency),
                            since)
                       .arg(use.usedPercent));
    bar->setToolTip(QString::fromStdString(use.window));
    // Headroom at a glance: green with room, amber near the cap, red at or over it.
    const char* colour = use.usedPercent >= 100 ? "#b3261e" : use.usedPercent >= 75 ? "#b26a00" : "#2e7d32";
    bar->setStyleSheet(QStringLiteral("QProgressBar { text-align: center; } QProgressBar::chunk { background: %1; }")
                           .arg(QLatin1String(colour)));
    return bar;
}

} // namespace cs::ui
