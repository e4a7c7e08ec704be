// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QTest>

#include "core/workspace/DemoSeed.h"
#include "core/model/ProposalParser.h"
#include "tests/support/TestSupport.h"

using namespace cs;
using namespace cs::model;

/**
 * The strict proposal parser against the corpus in tests/data/proposals (each valid case with
 * its canonical form, each invalid one with the path and reason it must be refused for) and
 * against the malformed and malicious outputs the demo feeds through the rules backend.
 */
class ProposalParserTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data();
    void corpus();
    void corpusIsLargeEnough();
    void demoModelOutputs_data();
    void demoModelOutputs();
    void canonicalFormIsAFixedPoint();
    void parsedValuesAreExact();
};

namespace {

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void ProposalParserTest::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("expected"); // canonical form, or part of the one error line
    for (const char* kind : {"valid", "invalid"}) {
        const QDir dir(test::dataPath(QStringLiteral("proposals/") + QLatin1String(kind)));
        for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            const QString base = dir.filePath(name.chopped(5));
            const bool valid = QLatin1String(kind) == QLatin1String("valid");
            const QByteArray expected = readFile(base + (valid ? QStringLiteral(".canonical") : QStringLiteral(".error"))).trimmed();
            QTest::newRow(qPrintable(QLatin1String(kind) + u'/' + name)) << dir.filePath(name) << valid << expected;
        }
    }
}

void ProposalParserTest::corpus()
{
    QFETCH(QString, file);
    QFETCH(bool, valid);
    QFETCH(QByteArray, expected);
    QVERIFY2(!expected.isEmpty(), "every corpus case needs its .canonical or .error file");
    const QByteArray bytes = readFile(file);
    const auto parsed = parseProposal(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                      workspace::demoAssets());
    if (valid) {
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().message.c_str());
        QCOMPARE(QByteArray::fromStdString(canonicalProposal(*parsed)), expected);
    } else {
        QVERIFY2(!parsed.has_value(), "accepted");
        QCOMPARE(parsed.error().code, ErrorCode::InvalidInput);
        const QByteArray message = QByteArray::fromStdString(parsed.error().message);
        QVERIFY2(message.contains(expected), message.constData());
        QVERIFY(message.startsWith("$"));           // names the JSON path
        for (char c : message)                      // and carries nothing a terminal would act on
            QVERIFY2(static_cast<unsigned char>(c) >= 0x20, message.constData());
        QVERIFY(!message.contains("\xe2\x80\xae")); // U+202E
    }
}

void ProposalParserTest::corpusIsLargeEnough()
{
    const QDir valid(test::dataPath(QStringLiteral("proposals/valid")));
    const QDir invalid(test::dataPath(QStringLiteral("proposals/invalid")));
    const auto count = valid.entryList({QStringLiteral("*.json")}).size() + invalid.entryList({QStringLiteral("*.json")}).size();
    QVERIFY2(count >= 60, qPrintable(QString::number(count)));
}

void ProposalParserTest::demoModelOutputs_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("outcome"); // "valid" (the policy's job from here) or part of the error
    QTest::newRow("truncated") << QStringLiteral("truncated-json.txt") << QByteArray("unterminated string");
    QTest::newRow("prose") << QStringLiteral("prose-not-json.txt") << QByteArray("$: unexpected character");
    QTest::newRow("duplicate-amount") << QStringLiteral("duplicate-amount-key.json") << QByteArray("$.action.amount: duplicate key");
    QTest::newRow("exponent") << QStringLiteral("exponent-amount.json") << QByteArray("$.action.amount:");
    QTest::newRow("number") << QStringLiteral("number-amount.json") << QByteArray("never JSON numbers");
    QTest::newRow("extra-field") << QStringLiteral("extra-execute-field.json") << QByteArray("$.execute_now: unknown key");
    QTest::newRow("trailing") << QStringLiteral("trailing-data.txt") << QByteArray("trailing data");
    QTest::newRow("nested") << QStringLiteral("nested-object-in-string-field.json") << QByteArray("$.action.venue: must be a string");
    QTest::newRow("negative") << QStringLiteral("negative-amount.json") << QByteArray("$.action.amount:");
    QTest::newRow("homoglyph") << QStringLiteral("homoglyph-counterparty.json") << QByteArray("$.action.to: must be an ASCII identifier");
    QTest::newRow("bidi") << QStringLiteral("bidi-override-identifier.json") << QByteArray("$.action.to: must be an ASCII identifier");
    QTest::newRow("terminal-escapes") << QStringLiteral("control-chars-rationale.json") << QByteArray("$.rationale: contains a control character");
    // Well-formed but hostile: the parser passes them on, the policy must stop them.
    QTest::newRow("injection") << QStringLiteral("injection-pay-wallet.json") << QByteArray("valid");
    QTest::newRow("understated-risk") << QStringLiteral("understated-risk.json") << QByteArray("valid");
}

void ProposalParserTest::demoModelOutputs()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, outcome);
    const QByteArray bytes = readFile(QStringLiteral(CS_SOURCE_DIR "/resources/demo/model-outputs/") + file);
    QVERIFY(!bytes.isEmpty());
    const auto parsed = parseProposal(bytes.toStdString(), workspace::demoAssets());
    if (outcome == "valid") {
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().message.c_str());
    } else {
        QVERIFY(!parsed.has_value());
        QVERIFY2(QByteArray::fromStdString(parsed.error().message).contains(outcome), parsed.error().message.c_str());
    }
}

void ProposalParserTest::canonicalFormIsAFixedPoint()
{
    const QDir dir(test::dataPath(QStringLiteral("proposals/valid")));
    for (const QString& name : dir.entryList({QStringLiteral("*.json")})) {
        const auto first = parseProposal(readFile(dir.filePath(name)).toStdString(), workspace::demoAssets());
        QVERIFY(first.has_value());
        const std::string canonical = canonicalProposal(*first);
        const auto again = parseProposal(canonical, workspace::demoAssets());
        QVERIFY2(again.has_value(), qPrintable(name));
        QCOMPARE(canonicalProposal(*again), canonical);
    }
}

void ProposalParserTest::parsedValuesAreExact()
{
    const auto swap = parseProposal(readFile(test::dataPath(QStringLiteral("proposals/valid/swap.json"))).toStdString(),
                                    workspace::demoAssets());
    QVERIFY(swap.has_value());
    QVERIFY(swap->action.type == ActionType::Swap);
    QCOMPARE(swap->action.amount.asset().code, std::string("USDC"));
    QVERIFY(swap->action.amount.minor() == Int128(3000) * 1'000'000);
    QVERIFY(swap->action.minOut.has_value());
    QCOMPARE(swap->action.minOut->asset().code, std::string("ETH"));
    QVERIFY(swap->action.minOut->minor() == Int128(930'000'000'000'000'000));
    QCOMPARE(*swap->action.venue, std::string("dex-alpha"));
    QVERIFY(!swap->action.to.has_value());

    // A workspace with other assets knows other decimals.
    const AssetCatalog twoDecimals({*Asset::make("USDC", 2)});
    QVERIFY(!parseProposal(readFile(test::dataPath(QStringLiteral("proposals/valid/transfer-invoice.json"))).toStdString(),
                           AssetCatalog({*Asset::make("EUR", 2)})));
    QVERIFY(parseProposal(readFile(test::dataPath(QStringLiteral("proposals/valid/transfer-invoice.json"))).toStdString(),
                          twoDecimals));
    QVERIFY(!parseProposal(readFile(test::dataPath(QStringLiteral("proposals/valid/one-wei.json"))).toStdString(), twoDecimals));
}

QTEST_GUILESS_MAIN(ProposalParserTest)
#include "ProposalParserTest.moc"
