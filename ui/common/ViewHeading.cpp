// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/ViewHeading.h"

#include <QLabel>

namespace cs::ui {

QLabel* makeViewHeading(const QString& title, QWidget* parent)
{
    auto* heading = new QLabel(title, parent);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    heading->setFont(font);
    heading->setTextFormat(Qt::PlainText);
    return heading;
}

} // namespace cs::ui
