// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace cs::ui {

//! A view that is not built yet: says plainly what will be there, and nothing more.
class PlaceholderView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderView)

public:
    PlaceholderView(const QString& title, const QString& description, QWidget* parent = nullptr);
};

} // namespace cs::ui
