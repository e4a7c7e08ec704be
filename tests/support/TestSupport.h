// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace cs::test {

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
