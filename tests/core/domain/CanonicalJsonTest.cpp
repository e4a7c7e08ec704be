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
    void writtenStraightSameBytes_data();
    void writtenStraightSameBytes();
    void writtenStraightNested();
    void topLevelStringRead_data();
    void topLevelStringRead();
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

void CanonicalJsonTest::writtenStraightSameBytes_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("value"); // the bytes given, UTF-8 or not
    QTest::newRow("ascii") << QByteArray("intent") << QByteArray("int-0001");
    QTest::newRow("empty") << QByteArray("reason") << QByteArray();
    QTest::newRow("escapes") << QByteArray("t") << QByteArray("q\" b\\ s/ \b\f\n\r\t \x01 \x1f \x7f");
    QTest::newRow("utf8") << QByteArray("summary") << QByteArray("pay_api 25 USDC \xe2\x86\x92 weather-api \xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80");
    QTest::newRow("utf8-then-escape") << QByteArray("s") << QByteArray("\"\xc3\xa9\"\n");
    QTest::newRow("invalid-byte") << QByteArray("response") << QByteArray("a\xff b");
    QTest::newRow("cut-sequence") << QByteArray("response") << QByteArray("a\xe4\xb8");
    QTest::newRow("encoded-surrogate") << QByteArray("response") << QByteArray("a\xed\xa0\x80 b");
    QTest::newRow("non-ascii-key") << QByteArray("\xc3\xa9") << QByteArray("v");
}

void CanonicalJsonTest::writtenStraightSameBytes()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, value);
    // Beside a member that sorts either side of it.
    CanonicalObject straight;
    straight.text(key.toStdString(), value.toStdString()).integer("b", 1).text("zz", value.toStdString());
    const QJsonObject object{{QString::fromUtf8(key), QString::fromUtf8(value)},
                             {QStringLiteral("b"), 1},
                             {QStringLiteral("zz"), QString::fromUtf8(value)}};
    QCOMPARE(QByteArray::fromStdString(straight.json()), QByteArray::fromStdString(canonicalJson(object).value()));
    QVERIFY(straight.error().empty());
    QCOMPARE(QByteArray::fromStdString(CanonicalArray().text(value.toStdString()).json()),
             QByteArray::fromStdString(canonicalJson(QJsonArray{QString::fromUtf8(value)}).value()));
}

void CanonicalJsonTest::writtenStraightNested()
{
    CanonicalObject claimed;
    claimed.text("risk_level", "low").integer("required_approvals", 0);
    CanonicalArray groups;
    groups.object(CanonicalObject().text("group", "treasury").integer("threshold", 2)).text("x").integer(-7);
    CanonicalObject straight;
    straight.text("schema", "countersign.decision/1")
        .boolean("under_claimed", false)
        .object("claimed", claimed)
        .array("groups", groups)
        .array("rules", CanonicalArray::ofTexts(std::vector<std::string>{"b", "a"}))
        .array("none", CanonicalArray())
        .text("effect", "deny")
        .text("effect", "allow") // added again: replaces, as QJsonObject::insert does
        .boolean("first_time", true)
        .object("empty", CanonicalObject());
    const QJsonObject object{
        {QStringLiteral("schema"), QStringLiteral("countersign.decision/1")},
        {QStringLiteral("under_claimed"), false},
        {QStringLiteral("claimed"), QJsonObject{{QStringLiteral("risk_level"), QStringLiteral("low")},
                                                {QStringLiteral("required_approvals"), 0}}},
        {QStringLiteral("groups"), QJsonArray{QJsonObject{{QStringLiteral("group"), QStringLiteral("treasury")},
                                                          {QStringLiteral("threshold"), 2}},
                                              QStringLiteral("x"), -7}},
        {QStringLiteral("rules"), QJsonArray{QStringLiteral("b"), QStringLiteral("a")}},
        {QStringLiteral("none"), QJsonArray{}},
        {QStringLiteral("effect"), QStringLiteral("allow")},
        {QStringLiteral("first_time"), true},
        {QStringLiteral("empty"), QJsonObject{}}};
    QCOMPARE(straight.json(), canonicalJson(object).value());
    QCOMPARE(*straight.member("effect"), std::string(R"("allow")"));
    QVERIFY(straight.member("missing") == nullptr);
    QVERIFY(straight.error().empty());

    // Only integers JSON keeps exactly; the error reaches the object that holds them.
    CanonicalObject tooLarge;
    tooLarge.integer("seq", 9'007'199'254'740'992);
    QVERIFY(tooLarge.error().find("$.seq: only integers") != std::string::npos);
    QVERIFY(!CanonicalObject().object("inner", tooLarge).error().empty());
    QVERIFY(!CanonicalArray().integer(-9'007'199'254'740'992).error().empty());
    QVERIFY(CanonicalArray().integer(-9'007'199'254'740'991).error().empty());
}

void CanonicalJsonTest::topLevelStringRead_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QString>("intent");

    QTest::newRow("first") << QByteArray(R"({"intent":"int-1","type":"x"})") << true << "int-1";
    QTest::newRow("after nested values")
        << QByteArray(R"({"a":{"intent":"inner","b":[1,{"c":"}"}]},"b":[],"c":-3,"d":true,"e":null,"intent":"int-2"})") << true
        << "int-2";
    QTest::newRow("a string holding JSON is skipped whole")
        << QByteArray(R"({"proposal":"{\"intent\":\"inner\"}","z":1})") << false << "";
    QTest::newRow("spaces") << QByteArray(" { \"a\" : 1 ,\n \"intent\" :\t\"int-3\" } ") << true << "int-3";
    QTest::newRow("escaped value") << QByteArray(R"({"intent":"a\"b\u00e9"})") << true << QString::fromUtf8("a\"b\u00e9");
    QTest::newRow("escaped key") << QByteArray(R"({"int\u0065nt":"int-4"})") << true << "int-4";
    QTest::newRow("utf-8 value") << QByteArray("{\"intent\":\"caf\xc3\xa9\"}") << true << QString::fromUtf8("caf\u00e9");
    QTest::newRow("first of two") << QByteArray(R"({"intent":"one","intent":"two"})") << true << "one";
    QTest::newRow("not a string") << QByteArray(R"({"intent":7})") << false << "";
    QTest::newRow("object value") << QByteArray(R"({"intent":{"id":"x"}})") << false << "";
    QTest::newRow("absent") << QByteArray(R"({"agent":"trader"})") << false << "";
    QTest::newRow("empty object") << QByteArray("{}") << false << "";
    QTest::newRow("an array") << QByteArray(R"(["intent","x"])") << false << "";
    QTest::newRow("not JSON") << QByteArray("intent") << false << "";
    QTest::newRow("empty") << QByteArray() << false << "";
    QTest::newRow("ends in a key") << QByteArray(R"({"intent)") << false << "";
    QTest::newRow("ends after a key") << QByteArray(R"({"intent")") << false << "";
    QTest::newRow("ends after the colon") << QByteArray(R"({"intent":)") << false << "";
    QTest::newRow("ends in the value") << QByteArray(R"({"intent":"int-)") << false << "";
    QTest::newRow("ends in a nested value") << QByteArray(R"({"a":{"b":[1,2)") << false << "";
    QTest::newRow("ends in an escape") << QByteArray(R"({"a":"\)") << false << "";
    QTest::newRow("no colon") << QByteArray(R"({"intent" "x"})") << false << "";
    QTest::newRow("no comma") << QByteArray(R"({"a":1 "intent":"x"})") << false << "";
    QTest::newRow("missing value") << QByteArray(R"({"a":,"intent":"x"})") << false << "";
}

//! The one member the audit log indexes each entry by (its "intent") read without a parse, as a
//! parser reads it: found where a parser finds it, and nowhere else.
void CanonicalJsonTest::topLevelStringRead()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, found);
    QFETCH(QString, intent);

    const std::optional<std::string> read = topLevelString(json.toStdString(), "intent");
    QCOMPARE(read.has_value(), found);
    if (found)
        QCOMPARE(QString::fromStdString(*read), intent);

    // Where the text is well formed, a parser agrees (up to duplicate keys, which no body has).
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error == QJsonParseError::NoError && !QByteArray(QTest::currentDataTag()).startsWith("first of two")) {
        const QJsonValue parsed = document.object().value(QStringLiteral("intent"));
        QCOMPARE(parsed.isString(), found);
        QCOMPARE(parsed.toString(), intent);
    }
}

QTEST_GUILESS_MAIN(CanonicalJsonTest)
#include "CanonicalJsonTest.moc"
