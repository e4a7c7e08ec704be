// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>
#include <fstream>
#include <string>
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

//! A line of /proc/self/status in MiB ("VmHWM:" the most resident memory this process has had,
//! "VmRSS:" what it has now); 0 where /proc does not say.
inline double statusMb(const char* field)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(field, 0) == 0)
            return std::stod(line.substr(std::char_traits<char>::length(field))) / 1024.0;
    }
    return 0;
}

inline double peakRssMb()
{
    return statusMb("VmHWM:");
}

inline double seconds(Steady::time_point since)
{
    return std::chrono::duration<double>(Steady::now() - since).count();
}

} // namespace cs::bench
