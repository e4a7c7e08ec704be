// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "core/domain/Clock.h"
#include "core/domain/Ids.h"

using namespace cs;

class IdsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identifiers_data();
    void identifiers();
    void strongTypes();
    void manualClock();
    void iso8601_data();
    void iso8601();
};

void IdsTest::identifiers_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("agent") << QByteArray("api-buyer") << true;
    QTest::newRow("account-with-colon") << QByteArray("pool:dex-alpha:usdc-eth") << true;
    QTest::newRow("dots-underscores") << QByteArray("a.b_c") << true;
    QTest::newRow("single-char") << QByteArray("a") << true;
    QTest::newRow("sixty-four") << QByteArray(64, 'a') << true;
    QTest::newRow("sixty-five") << QByteArray(65, 'a') << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("uppercase") << QByteArray("Api-buyer") << false;
    QTest::newRow("leading-dash") << QByteArray("-api") << false;
    QTest::newRow("space") << QByteArray("api buyer") << false;
    QTest::newRow("cyrillic-e-homoglyph") << QByteArray("w\xD0\xB5" "ather-api") << false;
    QTest::newRow("bidi-override") << QByteArray("priya\xE2\x80\xAE" "x") << false;
    QTest::newRow("zero-width-space") << QByteArray("weather\xE2\x80\x8B" "api") << false;
    QTest::newRow("nul") << QByteArray("a\0b", 3) << false;
    QTest::newRow("slash") << QByteArray("a/b") << false;
}

void IdsTest::identifiers()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    const std::string_view view(text.constData(), static_cast<std::size_t>(text.size()));
    QCOMPARE(isValidIdentifier(view), valid);
    const auto id = PrincipalId::parse(view);
    QCOMPARE(id.has_value(), valid);
    if (!valid)
        QVERIFY(QString::fromStdString(id.error().message).startsWith(QLatin1String("principal id must match")));
}

void IdsTest::strongTypes()
{
    const auto agent = PrincipalId::parse("trader");
    const auto venue = VenueId::parse("dex-alpha");
    QVERIFY(agent.has_value() && venue.has_value());
    QCOMPARE(agent->str(), std::string("trader"));
    QVERIFY(*agent < *PrincipalId::parse("treasury-bot"));
    static_assert(!std::is_convertible_v<PrincipalId, VenueId>, "ids of different kinds must not mix");
    static_assert(!std::is_convertible_v<std::string, PrincipalId>, "ids are made only through parse()");
}

void IdsTest::manualClock()
{
    ManualClock clock(Timestamp{1'795'600'000'000});
    QCOMPARE(toIso8601(clock.now()), std::string("2026-11-25T09:46:40.000Z"));
    clock.advance(1'500);
    QCOMPARE(clock.now().msSinceEpoch, std::int64_t{1'795'600'001'500});
    SystemClock system;
    QVERIFY(system.now().msSinceEpoch > 1'700'000'000'000);
}

void IdsTest::iso8601_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("epoch") << qint64(0) << QByteArray("1970-01-01T00:00:00.000Z");
    QTest::newRow("leap-day") << qint64(951'782'400'123) << QByteArray("2000-02-29T00:00:00.123Z");
    QTest::newRow("end-of-century") << qint64(4'102'444'799'999) << QByteArray("2099-12-31T23:59:59.999Z");
    QTest::newRow("before-epoch") << qint64(-1) << QByteArray("1969-12-31T23:59:59.999Z");
}

void IdsTest::iso8601()
{
    QFETCH(qint64, ms);
    QFETCH(QByteArray, text);
    QCOMPARE(QByteArray::fromStdString(toIso8601(Timestamp{ms})), text);
}

QTEST_APPLESS_MAIN(IdsTest)
#include "IdsTest.moc"
