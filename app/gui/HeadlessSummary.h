// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ostream>

#include <QString>

namespace cs::api {
class EngineFactory;
}

namespace cs::app {

/**
 * What `countersign` does where no window can open: opens WS (or, with `demo` or no WS, a fresh
 * demo workspace in a temporary directory) and prints what the console would show.
 * `asked`: --headless was given (otherwise there is no display). Returns the process exit
 * status: 0, or 5 when the workspace cannot be opened.
 */
int printHeadlessSummary(api::EngineFactory& factory, bool demo, const QString& workspace, bool asked, std::ostream& out,
                         std::ostream& err);

} // namespace cs::app
