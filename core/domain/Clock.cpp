// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/Clock.h"

#include <chrono>

#include <QDateTime>

namespace cs {

std::string toIso8601(Timestamp at)
{
    return QDateTime::fromMSecsSinceEpoch(at.msSinceEpoch, Qt::UTC)
        .toString(Qt::ISODateWithMs)
        .toStdString();
}

Timestamp SystemClock::now() const
{
    const auto sinceEpoch = std::chrono::system_clock::now().time_since_epoch();
    return Timestamp{std::chrono::duration_cast<std::chrono::milliseconds>(sinceEpoch).count()};
}

} // namespace cs
