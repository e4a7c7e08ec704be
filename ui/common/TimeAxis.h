// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCPAxis;

namespace cs::ui {

//! `axis` shows UTC date and time, its labels as fine as the ticks its range gives, zoomed in or
//! out (milliseconds under ten seconds, seconds under ten minutes, minutes under two days, days beyond): never two labels alike.
void useTimeAxis(QCPAxis* axis);

} // namespace cs::ui
