// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Engine.h"
#include "core/workspace/Workspace.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <algorithm>

namespace cs::bench {

/**
 * Where a console benchmark runs: the workspace argv[2] names, or a new demo workspace in `dir`
 * whose log is generated to argv[1] entries (1,000,000 unless told; at least 1,000).
 */
inline Result<QString> benchWorkspace(int argc, char** argv, api::EngineFactory& factory, const QTemporaryDir& dir)
{
    if (argc > 2)
        return QString::fromLocal8Bit(argv[2]);
    const std::int64_t wanted = argc > 1 ? std::max<std::int64_t>(1000, QByteArray(argv[1]).toLongLong()) : 1'000'000;
    const QString path = dir.filePath(QStringLiteral("ws"));
    CS_TRY(created, factory.createWorkspace(path.toStdString(), {.demo = true}));
    CS_TRY(engine, factory.openWorkspace(path.toStdString()));
    CS_TRY(generated, (*engine)->generateHistory(wanted, workspace::kDemoPassphrase));
    return path;
}

} // namespace cs::bench
