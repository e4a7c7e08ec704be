// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Engine.h"
#include "core/workspace/Workspace.h"

#include <QFile>
#include <QString>

namespace cs::test {

/**
 * A demo workspace at `path` whose intents have gone through the pipeline, with the six flagged
 * intents of `extraIntents` (tests/data/approvals/extra-intents.jsonl) appended first: 20
 * proposals then await approval. The empty string on success, otherwise what failed.
 */
inline QString makeFlaggedWorkspace(api::EngineFactory& factory, const QString& path, const QString& extraIntents)
{
    if (auto created = factory.createWorkspace(path.toStdString(), {.demo = true}); !created)
        return QString::fromStdString("cannot create the demo workspace: " + created.error().message);
    QFile extra(extraIntents);
    QFile intents(path + QStringLiteral("/intents.jsonl"));
    if (!extra.open(QIODevice::ReadOnly) || !intents.open(QIODevice::Append))
        return QStringLiteral("cannot add the extra intents from ") + extraIntents;
    intents.write(extra.readAll());
    intents.close();
    auto engine = factory.openWorkspace(path.toStdString());
    if (!engine)
        return QString::fromStdString("cannot open the workspace: " + engine.error().message);
    if (auto run = (*engine)->runIntents({}); !run)
        return QString::fromStdString("cannot run the intents: " + run.error().message);
    return {};
}

} // namespace cs::test
