// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/Settings.h"

namespace cs::ui {

void Settings::rememberWorkspace(const QString& path) const
{
    QStringList recent = recentWorkspaces.get();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    recentWorkspaces.set(recent);
}

} // namespace cs::ui
