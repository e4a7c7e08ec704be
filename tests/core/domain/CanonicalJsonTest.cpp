// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "core/domain/CanonicalJson.h"

using namespace cs;

//! The one canonical form that is hashed and signed.
class CanonicalJsonTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalForm_data();
    void canonicalForm();
    void rejects_data();
    void rejects();
    void sameValueSameBytes();
};

void CanonicalJsonTest::canonicalForm_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("sorted-keys") << QByteArray(R"({"b": 1, "a": 2, "c": {"z": true, "y": null}})")
                                 << QByteArray(R"({"a":2,"b":1,"c":{"y":null,"z":true}})");
    QTest::newRow("no-whitespace") << QByteArray("[ 1 ,\n 2 ,\t[ ] , { } ]") << QByteArray("[1,2,[],{}]");
    // Sorted by UTF-16 code units: "é" (U+00E9) after "z", "😀" (surrogates D83D…) after "ｚ" (U+FF5A)? No:
    // 0xD83D < 0xFF5A, so the emoji sorts first; RFC 8785 sorts the same way.
    QTest::newRow("utf16-order") << QByteArray(R"({"ｚ": 1, "😀": 2, "é": 3, "z": 4})")
                                 << QByteArray(R"({"z":4,"é":3,"😀":2,"ｚ":1})");
    QTest::newRow("escapes") << QByteArray(R"(["quote\" back\\ slash/ \b\f\n\r\t \u0001 \u001f"])")
                             << QByteArray(R"(["quote\" back\\ slash/ \b\f\n\r\t \u0001 \u001f"])");
    QTest::newRow("unicode-raw-utf8") << QByteArray(R"(["\u00e9\u4e2d\ud83d\ude00\u2028\u007f"])")
                                      << QByteArray("[\"\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\xe2\x80\xa8\x7f\"]");
    QTest::newRow("integers") << QByteArray("[0, -1, 9007199254740991, -9007199254740991, 1.0, 1e3]")
                              << QByteArray("[0,-1,9007199254740991,-9007199254740991,1,1000]");
    QTest::newRow("amount-as-string") << QByteArray(R"({"amount": "0.000000000000000001"})")
                                      << QByteArray(R"({"amount":"0.000000000000000001"})");
}

void CanonicalJsonTest::canonicalForm()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(input, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonValue value = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    const auto canonical = canonicalJson(value);
    QVERIFY2(canonical.has_value(), canonical ? "" : canonical.error().message.c_str());
    QCOMPARE(QByteArray::fromStdString(*canonical), expected);
    // Canonical output is a fixed point.
    const QJsonDocument again = QJsonDocument::fromJson(expected);
    QCOMPARE(canonicalJson(again.isArray() ? QJsonValue(again.array()) : QJsonValue(again.object())).value(),
             *canonical);
}

void CanonicalJsonTest::rejects_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("fraction") << QJsonValue(QJsonObject{{QStringLiteral("amount"), 0.5}}) << QStringLiteral("$.amount: only integers");
    QTest::newRow("too-large") << QJsonValue(QJsonArray{9007199254740992.0}) << QStringLiteral("$[0]: only integers");
    QTest::newRow("nan") << QJsonValue(QJsonArray{std::numeric_limits<double>::quiet_NaN()}) << QStringLiteral("$[0]");
    QTest::newRow("lone-high-surrogate")
        << QJsonValue(QJsonObject{{QStringLiteral("a"), QJsonObject{{QStringLiteral("b"), QString(QChar(0xd83d))}}}})
        << QStringLiteral("$.a.b: string contains a lone surrogate");
    QTest::newRow("lone-low-surrogate-key")
        << QJsonValue(QJsonObject{{QString(QChar(0xde00)), 1}}) << QStringLiteral("lone surrogate");
    QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << QStringLiteral("$: undefined");
}

void CanonicalJsonTest::rejects()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);
    const auto canonical = canonicalJson(value);
    QVERIFY(!canonical.has_value());
    QCOMPARE(canonical.error().code, ErrorCode::InvalidInput);
    QVERIFY2(QString::fromStdString(canonical.error().message).contains(message), canonical.error().message.c_str());
}

void CanonicalJsonTest::sameValueSameBytes()
{
    // Built in different orders, the same object has one canonical form.
    QJsonObject forward;
    QJsonObject backward;
    const QStringList keys{QStringLiteral("seq"), QStringLiteral("actor"), QStringLiteral("type"), QStringLiteral("body")};
    for (qsizetype i = 0; i < keys.size(); ++i) {
        forward.insert(keys.at(i), i);
        backward.insert(keys.at(keys.size() - 1 - i), keys.size() - 1 - i);
    }
    QCOMPARE(canonicalJson(forward).value(), canonicalJson(backward).value());
    QCOMPARE(canonicalJson(forward).value(), std::string(R"({"actor":1,"body":3,"seq":0,"type":2})"));
}

QTEST_GUILESS_MAIN(CanonicalJsonTest)
#include "CanonicalJsonTest.moc"
