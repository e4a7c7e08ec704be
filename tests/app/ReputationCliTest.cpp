// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/ProcessRun.h"

using cs::test::Run;

/**
 * Reputation and health as a script uses them: `reputation` (every agent, and one agent's
 * changes with their entries), `attest` / `verify-attestation` (exit 0 as signed, 1 for any
 * altered field, 2 for what is no attestation; the engine key pinned with the PEM that
 * export-receipt writes) and `doctor` (exit 0 on the demo, warnings allowed, and a JSON item
 * per red flag).
 */
class ReputationCliTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reputationOfEveryAgent();
    void oneAgentsChanges();
    void attestationVerifies_data();
    void attestationVerifies();
    void doctorOnTheDemo();

private:
    QString ws() const { return m_dir.filePath(QStringLiteral("ws")); }
    static Run cli(const QStringList& arguments)
    {
        return cs::test::runProgram(QStringLiteral(CS_CLI_PATH), arguments, {QStringLiteral("COUNTERSIGN_PASSPHRASE=demo")});
    }
    static QJsonObject json(const Run& run) { return QJsonDocument::fromJson(run.out).object(); }

    QTemporaryDir m_dir;
    QString m_attestation;
};

void ReputationCliTest::initTestCase()
{
    QCOMPARE(cli({QStringLiteral("init"), ws(), QStringLiteral("--demo")}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("run"), ws()}).exitCode, 0);
    for (const char* approver : {"alice", "bob"})
        QCOMPARE(cli({QStringLiteral("approve"), ws(), QStringLiteral("int-0052"), QStringLiteral("--as"), QLatin1String(approver)}).exitCode, 0);
    m_attestation = m_dir.filePath(QStringLiteral("trader.json"));
    const Run made = cli({QStringLiteral("attest"), ws(), QStringLiteral("trader"), QStringLiteral("--out"), m_attestation});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    QCOMPARE(json(made).value(QStringLiteral("agent")).toString(), QStringLiteral("trader"));
}

void ReputationCliTest::reputationOfEveryAgent()
{
    const Run run = cli({QStringLiteral("reputation"), ws()});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonArray agents = json(run).value(QStringLiteral("agents")).toArray();
    QCOMPARE(agents.size(), 4);
    double previous = 101;
    for (const QJsonValue& value : agents) {
        const QJsonObject agent = value.toObject();
        const double score = agent.value(QStringLiteral("score")).toString().toDouble();
        QVERIFY(score >= 0 && score <= 100 && score <= previous); // best first
        previous = score;
        QVERIFY(QStringList({QStringLiteral("trusted"), QStringLiteral("provisional"), QStringLiteral("untrusted")})
                    .contains(agent.value(QStringLiteral("tier")).toString()));
        qint64 outcomes = 0;
        const QJsonObject counts = agent.value(QStringLiteral("outcomes")).toObject();
        for (auto it = counts.begin(); it != counts.end(); ++it) {
            if (it.key() != QLatin1String("under_claimed") && it.key() != QLatin1String("drift")) // flags, not outcomes
                outcomes += it.value().toInteger();
        }
        QCOMPARE(outcomes, agent.value(QStringLiteral("scored")).toInteger());
    }
    const Run unknown = cli({QStringLiteral("reputation"), ws(), QStringLiteral("nobody")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.startsWith("error: no agent nobody"));
}

void ReputationCliTest::oneAgentsChanges()
{
    const Run run = cli({QStringLiteral("reputation"), ws(), QStringLiteral("payroll-bot")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject agent = json(run).value(QStringLiteral("agent")).toObject();
    const QJsonArray events = agent.value(QStringLiteral("events")).toArray();
    QCOMPARE(events.size(), agent.value(QStringLiteral("scored")).toInteger());
    // int-0052, approved by two, ends as the best outcome there is; its entries are its path.
    bool found = false;
    for (const QJsonValue& value : events) {
        const QJsonObject event = value.toObject();
        const QJsonArray entries = event.value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.last().toInteger(), event.value(QStringLiteral("seq")).toInteger());
        if (event.value(QStringLiteral("intent")).toString() == QLatin1String("int-0052")) {
            found = true;
            QCOMPARE(event.value(QStringLiteral("outcome")).toString(), QStringLiteral("approved_executed"));
            // +1, less 0.5 for each flag (its agent claimed less risk than the engine computed).
            const qsizetype flags = event.value(QStringLiteral("flags")).toArray().size();
            QCOMPARE(event.value(QStringLiteral("value")).toString(), flags == 0 ? QStringLiteral("1.00") : flags == 1 ? QStringLiteral("0.50") : QStringLiteral("0.00"));
        }
    }
    QVERIFY(found);
    QCOMPARE(events.last().toObject().value(QStringLiteral("score_after")).toString(), agent.value(QStringLiteral("score")).toString());
}

void ReputationCliTest::attestationVerifies_data()
{
    QTest::addColumn<QByteArray>("from"); // replaced in the file; empty: the file as attested
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("as-attested") << QByteArray() << QByteArray() << 0;
    QTest::newRow("tier") << QByteArray(R"("tier": ")") << QByteArray(R"("tier": "x)") << 1;
    QTest::newRow("an-outcome-count") << QByteArray(R"("executed": )") << QByteArray(R"("executed": 9)") << 1;
    QTest::newRow("the-checkpoint") << QByteArray(R"("size": )") << QByteArray(R"("size": 1)") << 1;
    QTest::newRow("not-an-attestation") << QByteArray(R"("countersign.reputation-attestation/1")") << QByteArray(R"("x")") << 2;
    QTest::newRow("not-json") << QByteArray("{") << QByteArray("[[") << 2;
}

void ReputationCliTest::attestationVerifies()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(int, exitCode);
    QFile original(m_attestation);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QByteArray bytes = original.readAll();
    if (!from.isEmpty()) {
        const qsizetype at = bytes.indexOf(from);
        QVERIFY(at >= 0);
        bytes.replace(at, from.size(), to);
    }
    const QString path = m_dir.filePath(QStringLiteral("altered-%1.json").arg(QString::fromLatin1(QTest::currentDataTag())));
    QFile altered(path);
    QVERIFY(altered.open(QIODevice::WriteOnly));
    altered.write(bytes);
    altered.close();
    const Run run = cli({QStringLiteral("verify-attestation"), path});
    QCOMPARE(run.exitCode, exitCode);
    if (exitCode != 2)
        QCOMPARE(json(run).value(QStringLiteral("valid")).toBool(), exitCode == 0);
    if (exitCode == 0) {
        // Pinned to the engine key a receipt export writes: the same engine signed it.
        const QString receipt = m_dir.filePath(QStringLiteral("receipt"));
        QCOMPARE(cli({QStringLiteral("export-receipt"), ws(), QStringLiteral("17"), QStringLiteral("--out"), receipt}).exitCode, 0);
        const Run pinned = cli({QStringLiteral("verify-attestation"), path, QStringLiteral("--key"), receipt + QStringLiteral("/engine.pem")});
        QVERIFY2(pinned.exitCode == 0, pinned.err.constData());
    }
}

void ReputationCliTest::doctorOnTheDemo()
{
    const Run run = cli({QStringLiteral("doctor"), ws()});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject report = json(run);
    QVERIFY(report.value(QStringLiteral("status")).toString() != QLatin1String("fail"));
    QStringList checks;
    for (const QJsonValue& value : report.value(QStringLiteral("items")).toArray()) {
        const QJsonObject item = value.toObject();
        checks << item.value(QStringLiteral("check")).toString();
        QVERIFY(!item.value(QStringLiteral("red_flag")).toString().isEmpty());
        QVERIFY(QStringList({QStringLiteral("ok"), QStringLiteral("warn")}).contains(item.value(QStringLiteral("status")).toString()));
    }
    QCOMPARE(checks, QStringList({QStringLiteral("explained"), QStringLiteral("authorized"), QStringLiteral("private_data"),
                                  QStringLiteral("portable_reputation"), QStringLiteral("outcome_scoring"), QStringLiteral("approver_quality")}));
    QCOMPARE(cli({QStringLiteral("doctor"), m_dir.filePath(QStringLiteral("missing"))}).exitCode, 5);
}

QTEST_GUILESS_MAIN(ReputationCliTest)
#include "ReputationCliTest.moc"
