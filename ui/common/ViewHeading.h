// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace cs::ui {

//! The title at the top of a view: larger, bold, plain text.
QLabel* makeViewHeading(const QString& title, QWidget* parent);

} // namespace cs::ui
