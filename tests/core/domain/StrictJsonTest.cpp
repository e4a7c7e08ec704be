// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "core/domain/StrictJson.h"

using namespace cs;

/**
 * The strict reader's documented limits (JsonLimits): each one refuses the first document past
 * it with the limit named, and a larger limit accepts the same document.
 */
class StrictJsonTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void limits_data();
    void limits();
};

void StrictJsonTest::limits_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("limit");  // the JsonLimits field that refuses it by default
    QTest::addColumn<QString>("reason"); // in the error
    // JSONTestSuite y_number_double_close_to_zero: valid JSON, longer than any amount we read.
    QTest::newRow("number-close-to-zero")
        << QByteArray("[-0.000000000000000000000000000000000000000000000000000000000000000000000000000001]") << "maxNumber"
        << "a number of 81 characters, more than the 64 allowed (JsonLimits::maxNumber)";
    QTest::newRow("number-65-digits") << ("[" + QByteArray(65, '9') + "]") << "maxNumber" << "more than the 64 allowed";
    QTest::newRow("string") << ("[\"" + QByteArray(4097, 'a') + "\"]") << "maxString" << "";
    QTest::newRow("items") << ("[" + QByteArray("1,").repeated(64) + "1]") << "maxItems" << "";
    QTest::newRow("depth") << (QByteArray("[").repeated(9) + QByteArray("]").repeated(9)) << "maxDepth" << "";
    QTest::newRow("document") << ("[" + QByteArray(70000, ' ') + "1]") << "maxDocument" << "more than the 65536 allowed";
}

void StrictJsonTest::limits()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, limit);
    QFETCH(QString, reason);
    const std::string_view bytes(document.constData(), static_cast<std::size_t>(document.size()));
    const auto refused = parseStrictJson(bytes);
    QVERIFY(!refused.has_value());
    QVERIFY2(QString::fromStdString(refused.error().message).contains(reason), refused.error().message.c_str());
    JsonLimits roomy;
    roomy.maxDocument = 1 << 20;
    if (limit == u"maxNumber")
        roomy.maxNumber = 128;
    else if (limit == u"maxString")
        roomy.maxString = 8192;
    else if (limit == u"maxItems")
        roomy.maxItems = 100;
    else if (limit == u"maxDepth")
        roomy.maxDepth = 10;
    const auto accepted = parseStrictJson(bytes, roomy);
    QVERIFY2(accepted.has_value(), accepted ? "" : accepted.error().message.c_str());
}

QTEST_GUILESS_MAIN(StrictJsonTest)
#include "StrictJsonTest.moc"
