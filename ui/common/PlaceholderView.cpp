// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/PlaceholderView.h"

#include "ui/common/ViewHeading.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cs::ui {

PlaceholderView::PlaceholderView(const QString& title, const QString& description, QWidget* parent)
    : QWidget(parent)
{
    QLabel* heading = makeViewHeading(title, this);

    auto* body = new QLabel(description, this);
    body->setTextFormat(Qt::PlainText);
    body->setWordWrap(true);
    body->setMaximumWidth(720);

    auto* notYet = new QLabel(tr("Not available in this version yet."), this);
    notYet->setTextFormat(Qt::PlainText);
    notYet->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addWidget(heading);
    layout->addWidget(body);
    layout->addSpacing(12);
    layout->addWidget(notYet);
    layout->addStretch();
}

} // namespace cs::ui
