// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>
#include <iostream>

namespace cs::bench {

using Steady = std::chrono::steady_clock;

//! One line of ARCHITECTURE.md's benchmark format: {"bench","metric","value","unit",…}.
inline void printFigure(const char* bench, const char* metric, double value, const char* unit, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("bench"), QLatin1String(bench));
    extra.insert(QStringLiteral("metric"), QLatin1String(metric));
    extra.insert(QStringLiteral("value"), value);
    extra.insert(QStringLiteral("unit"), QLatin1String(unit));
    std::cout << QJsonDocument(extra).toJson(QJsonDocument::Compact).toStdString() << std::endl;
}

inline double seconds(Steady::time_point since)
{
    return std::chrono::duration<double>(Steady::now() - since).count();
}

} // namespace cs::bench
