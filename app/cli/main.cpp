// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliCommands.h"
#include "core/api/Engine.h"
#include "core/domain/Secret.h"

#include <iostream>

#include <QCoreApplication>

int main(int argc, char** argv)
{
    cs::disableCoreDumps(); // unsealed keys must never end up in a core file
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("countersign-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CS_VERSION));
    auto factory = cs::api::makeEngineFactory(std::make_shared<cs::SystemClock>());
    return cs::cli::run(QCoreApplication::arguments(), *factory, std::cout, std::cerr);
}
