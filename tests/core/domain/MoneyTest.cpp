// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "core/domain/Money.h"

using namespace cs;

namespace {

const Asset kUsdc{"USDC", 6};
const Asset kEth{"ETH", 18};
const Asset kSol{"SOL", 9};
const Asset kUnits{"UNITS", 0};

Asset assetNamed(const QString& code)
{
    if (code == QLatin1String("ETH"))
        return kEth;
    if (code == QLatin1String("SOL"))
        return kSol;
    if (code == QLatin1String("UNITS"))
        return kUnits;
    return kUsdc;
}

} // namespace

class MoneyTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseValid_data();
    void parseValid();
    void parseRejected_data();
    void parseRejected();
    void signPolicy();
    void extremes();
    void arithmetic();
    void roundTrip();
    void assetCodes_data();
    void assetCodes();
};

void MoneyTest::parseValid_data()
{
    QTest::addColumn<QString>("asset");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("minor");
    QTest::addColumn<QByteArray>("canonical");
    QTest::addColumn<QByteArray>("fixed");

    QTest::newRow("usdc-whole") << "USDC" << QByteArray("25") << QByteArray("25000000") << QByteArray("25")
                                << QByteArray("25.000000");
    QTest::newRow("usdc-trailing-zeros") << "USDC" << QByteArray("25.00") << QByteArray("25000000")
                                         << QByteArray("25") << QByteArray("25.000000");
    QTest::newRow("usdc-one-micro") << "USDC" << QByteArray("0.000001") << QByteArray("1")
                                    << QByteArray("0.000001") << QByteArray("0.000001");
    QTest::newRow("usdc-all-decimals") << "USDC" << QByteArray("1890.55") << QByteArray("1890550000")
                                       << QByteArray("1890.55") << QByteArray("1890.550000");
    QTest::newRow("zero") << "USDC" << QByteArray("0") << QByteArray("0") << QByteArray("0")
                          << QByteArray("0.000000");
    QTest::newRow("leading-zeros") << "USDC" << QByteArray("007.5") << QByteArray("7500000") << QByteArray("7.5")
                                   << QByteArray("7.500000");
    QTest::newRow("eth-one-wei") << "ETH" << QByteArray("0.000000000000000001") << QByteArray("1")
                                 << QByteArray("0.000000000000000001") << QByteArray("0.000000000000000001");
    // Beyond int64: 9.223372036854775807 ETH is INT64_MAX wei.
    QTest::newRow("eth-beyond-int64") << "ETH" << QByteArray("9.3") << QByteArray("9300000000000000000")
                                      << QByteArray("9.3") << QByteArray("9.300000000000000000");
    QTest::newRow("eth-million") << "ETH" << QByteArray("1000000.123456789012345678")
                                 << QByteArray("1000000123456789012345678") << QByteArray("1000000.123456789012345678")
                                 << QByteArray("1000000.123456789012345678");
    QTest::newRow("sol-nine-decimals") << "SOL" << QByteArray("66.6666") << QByteArray("66666600000")
                                       << QByteArray("66.6666") << QByteArray("66.666600000");
    QTest::newRow("max-minor-units") << "UNITS" << QByteArray("170141183460469231731687303715884105727")
                                     << QByteArray("170141183460469231731687303715884105727")
                                     << QByteArray("170141183460469231731687303715884105727")
                                     << QByteArray("170141183460469231731687303715884105727");
    QTest::newRow("max-eth") << "ETH" << QByteArray("170141183460469231731.687303715884105727")
                             << QByteArray("170141183460469231731687303715884105727")
                             << QByteArray("170141183460469231731.687303715884105727")
                             << QByteArray("170141183460469231731.687303715884105727");
}

void MoneyTest::parseValid()
{
    QFETCH(QString, asset);
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, minor);
    QFETCH(QByteArray, canonical);
    QFETCH(QByteArray, fixed);

    const auto money = Money::parse(text.toStdString(), assetNamed(asset));
    QVERIFY2(money.has_value(), money ? "" : money.error().message.c_str());
    QCOMPARE(QByteArray::fromStdString(int128ToString(money->minor())), minor);
    QCOMPARE(QByteArray::fromStdString(money->toString()), canonical);
    QCOMPARE(QByteArray::fromStdString(money->toFixedString()), fixed);
    QCOMPARE(QString::fromStdString(money->asset().code), asset);
}

void MoneyTest::parseRejected_data()
{
    QTest::addColumn<QString>("asset");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("reason");

    QTest::newRow("empty") << "USDC" << QByteArray("") << "empty";
    QTest::newRow("too-many-decimals-usdc") << "USDC" << QByteArray("1.0000001") << "USDC allows at most 6";
    QTest::newRow("too-many-decimals-zeros") << "USDC" << QByteArray("1.0000000") << "7 decimal places";
    QTest::newRow("too-many-decimals-eth") << "ETH" << QByteArray("12.3456789012345678901") << "ETH allows at most 18";
    QTest::newRow("decimals-on-integer-asset") << "UNITS" << QByteArray("1.5") << "UNITS allows at most 0";
    QTest::newRow("plus-sign") << "USDC" << QByteArray("+5") << "sign";
    QTest::newRow("minus-sign") << "USDC" << QByteArray("-1") << "sign";
    QTest::newRow("minus-zero") << "USDC" << QByteArray("-0") << "sign";
    QTest::newRow("exponent") << "USDC" << QByteArray("1e3") << "exponent";
    QTest::newRow("exponent-upper") << "USDC" << QByteArray("1E-30") << "exponent";
    QTest::newRow("exponent-huge") << "USDC" << QByteArray("1e400") << "exponent";
    QTest::newRow("leading-space") << "USDC" << QByteArray(" 5") << "spaces";
    QTest::newRow("trailing-space") << "USDC" << QByteArray("5 ") << "spaces";
    QTest::newRow("inner-space") << "USDC" << QByteArray("1 000") << "spaces";
    QTest::newRow("tab") << "USDC" << QByteArray("5\t") << "spaces";
    QTest::newRow("comma-grouping") << "USDC" << QByteArray("1,000") << "grouping";
    QTest::newRow("comma-decimal") << "USDC" << QByteArray("1,5") << "grouping";
    QTest::newRow("underscore-grouping") << "USDC" << QByteArray("1_000") << "grouping";
    QTest::newRow("fullwidth-digit") << "USDC" << QByteArray("\xEF\xBC\x91") << "non-ASCII";
    QTest::newRow("arabic-indic-digit") << "USDC" << QByteArray("\xD9\xA5") << "non-ASCII";
    QTest::newRow("devanagari-digit") << "USDC" << QByteArray("1\xE0\xA5\xA8") << "non-ASCII";
    QTest::newRow("nbsp") << "USDC" << QByteArray("1\xC2\xA0" "000") << "non-ASCII";
    QTest::newRow("hex") << "USDC" << QByteArray("0x10") << "'x' is not allowed";
    QTest::newRow("nan") << "USDC" << QByteArray("NaN") << "'N' is not allowed";
    QTest::newRow("infinity") << "USDC" << QByteArray("Infinity") << "'I' is not allowed";
    QTest::newRow("two-points") << "USDC" << QByteArray("1.2.3") << "more than one decimal point";
    QTest::newRow("leading-point") << "USDC" << QByteArray(".5") << "start with a digit";
    QTest::newRow("trailing-point") << "USDC" << QByteArray("5.") << "digits after the decimal point";
    QTest::newRow("lone-point") << "USDC" << QByteArray(".") << "start with a digit";
    QTest::newRow("control-char") << "USDC" << QByteArray("5\x01") << "control characters";
    QTest::newRow("nul-byte") << "USDC" << QByteArray("5\0", 2) << "control characters";
    QTest::newRow("over-max-minor-units") << "UNITS" << QByteArray("170141183460469231731687303715884105728")
                                          << "128-bit range";
    QTest::newRow("over-max-by-scaling") << "ETH" << QByteArray("170141183460469231732") << "128-bit range";
    QTest::newRow("uint256-sized") << "USDC"
                                   << QByteArray("115792089237316195423570985008687907853269984665640564039457")
                                   << "128-bit range";
}

void MoneyTest::parseRejected()
{
    QFETCH(QString, asset);
    QFETCH(QByteArray, text);
    QFETCH(QString, reason);

    const auto money = Money::parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
                                    assetNamed(asset));
    QVERIFY(!money.has_value());
    const QString message = QString::fromStdString(money.error().message);
    QVERIFY2(message.contains(reason), qPrintable(message));
}

void MoneyTest::signPolicy()
{
    const auto negative = Money::parse("-1.5", kUsdc, SignPolicy::AllowNegative);
    QVERIFY(negative.has_value());
    QCOMPARE(negative->toString(), std::string("-1.5"));
    QVERIFY(negative->isNegative());

    QVERIFY(!Money::parse("+1.5", kUsdc, SignPolicy::AllowNegative).has_value());
    QVERIFY(!Money::parse("-", kUsdc, SignPolicy::AllowNegative).has_value());
    QVERIFY(!Money::parse("--1", kUsdc, SignPolicy::AllowNegative).has_value());

    const auto minimum = Money::parse("-170141183460469231731687303715884105728", kUnits, SignPolicy::AllowNegative);
    QVERIFY(minimum.has_value());
    QVERIFY(minimum->minor() == kInt128Min);
    QVERIFY(!Money::parse("-170141183460469231731687303715884105729", kUnits, SignPolicy::AllowNegative).has_value());
}

void MoneyTest::extremes()
{
    const Money max = Money::fromMinor(kInt128Max, kEth);
    const Money min = Money::fromMinor(kInt128Min, kEth);
    QCOMPARE(max.toString(), std::string("170141183460469231731.687303715884105727"));
    QCOMPARE(min.toString(), std::string("-170141183460469231731.687303715884105728"));
    QCOMPARE(Money::parse(min.toString(), kEth, SignPolicy::AllowNegative)->minor() == kInt128Min, true);

    const Money oneWei = Money::fromMinor(1, kEth);
    QVERIFY(!max.plus(oneWei).has_value());
    QCOMPARE(max.plus(oneWei).error().code, ErrorCode::Overflow);
    QVERIFY(!min.minus(oneWei).has_value());
    QVERIFY(!min.negated().has_value());
    QCOMPARE(max.negated()->toString(), std::string("-170141183460469231731.687303715884105727"));
}

void MoneyTest::arithmetic()
{
    const Money a = *Money::parse("0.1", kUsdc);
    const Money b = *Money::parse("0.2", kUsdc);
    QCOMPARE(a.plus(b)->toString(), std::string("0.3")); // exact, unlike binary floating point
    QCOMPARE(a.minus(b)->toString(), std::string("-0.1"));

    const Money eth = *Money::parse("1", kEth);
    const auto mixed = a.plus(eth);
    QVERIFY(!mixed.has_value());
    QCOMPARE(mixed.error().code, ErrorCode::InvalidInput);
    QVERIFY(QString::fromStdString(mixed.error().message).contains(QLatin1String("ETH")));
}

void MoneyTest::roundTrip()
{
    // Deterministic pseudo-random amounts of every shape: parse(format(x)) == x, byte-exact.
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    const auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (int i = 0; i < 20000; ++i) {
        const Asset& asset = (i % 3 == 0) ? kEth : (i % 3 == 1) ? kUsdc : kSol;
        const Int128 minor = (static_cast<Int128>(next() >> (next() % 64)) << (next() % 60)) * ((i % 2) ? -1 : 1);
        const Money money = Money::fromMinor(minor, asset);
        const auto canonical = Money::parse(money.toString(), asset, SignPolicy::AllowNegative);
        const auto fixed = Money::parse(money.toFixedString(), asset, SignPolicy::AllowNegative);
        QVERIFY(canonical.has_value() && fixed.has_value());
        QVERIFY(canonical->minor() == minor);
        QVERIFY(fixed->minor() == minor);
    }
}

void MoneyTest::assetCodes_data()
{
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<bool>("valid");
    QTest::newRow("usdc") << QByteArray("USDC") << 6 << true;
    QTest::newRow("eth-18") << QByteArray("ETH") << 18 << true;
    QTest::newRow("digits-inside") << QByteArray("A1") << 0 << true;
    QTest::newRow("lowercase") << QByteArray("usdc") << 6 << false;
    QTest::newRow("one-char") << QByteArray("U") << 6 << false;
    QTest::newRow("thirteen-chars") << QByteArray("ABCDEFGHIJKLM") << 6 << false;
    QTest::newRow("leading-digit") << QByteArray("1INCH") << 6 << false;
    QTest::newRow("cyrillic-homoglyph") << QByteArray("US\xD0\x94" "C") << 6 << false;
    QTest::newRow("negative-decimals") << QByteArray("USDC") << -1 << false;
    QTest::newRow("too-many-decimals") << QByteArray("USDC") << 37 << false;
}

void MoneyTest::assetCodes()
{
    QFETCH(QByteArray, code);
    QFETCH(int, decimals);
    QFETCH(bool, valid);
    QCOMPARE(Asset::make(code.toStdString(), decimals).has_value(), valid);
}

QTEST_APPLESS_MAIN(MoneyTest)
#include "MoneyTest.moc"
