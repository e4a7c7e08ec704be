// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Snapshots.h"

class QProgressBar;
class QWidget;

namespace cs::ui {

//! One cap's use now as a bar: "120 of 300 USDC since … (40 %)", green with room, amber from
//! 75 %, red at or over the cap; its object name is "cap:<rule>" (and "/<agent>" when given).
QProgressBar* makeCapBar(const api::CapUse& use, QWidget* parent);

} // namespace cs::ui
