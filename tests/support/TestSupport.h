// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Snapshots.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <string>
#include <type_traits>

namespace cs::test {

//! A state's name, as the log and the CLI write it: the seam's enums by api::toString, the
//! engine's own text as it is.
template <class State>
std::string nameOf(const State& state)
{
    if constexpr (std::is_convertible_v<State, std::string>)
        return state;
    else
        return std::string(api::toString(state));
}

//! A file under tests/data (CTest passes its location in CS_TEST_DATA).
inline QString dataPath(const QString& relative)
{
    return qEnvironmentVariable("CS_TEST_DATA", QStringLiteral(CS_TEST_DATA_DIR)) + u'/' + relative;
}

inline QByteArray readData(const QString& relative)
{
    QFile file(dataPath(relative));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace cs::test
