// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

//! Runs the real executables as a script would and checks the command-line contract.
class CliTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void help();
    void version();
    void initDemoThenRefuse();
    void initForce();
    void status();
    void usageErrors_data();
    void usageErrors();
    void statusOfMissingWorkspace();
    void consoleHeadlessSummary();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run run(const QString& program, const QStringList& arguments, const QStringList& env = {});
    static Run cli(const QStringList& arguments) { return run(QStringLiteral(CS_CLI_PATH), arguments); }
    QString ws() const { return m_dir->filePath(QStringLiteral("ws")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

CliTest::Run CliTest::run(const QString& program, const QStringList& arguments, const QStringList& env)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& assignment : env)
        environment.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        qFatal("%s did not finish", qPrintable(program));
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

void CliTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void CliTest::help()
{
    const Run result = cli({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    for (const char* command : {"init WS [--demo] [--force]", "status WS", "Exit status"})
        QVERIFY2(result.out.contains(command), command);
}

void CliTest::version()
{
    const Run result = cli({QStringLiteral("--version")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.trimmed(), QByteArray("countersign-cli " CS_VERSION));
}

void CliTest::initDemoThenRefuse()
{
    const Run first = cli({QStringLiteral("init"), ws(), QStringLiteral("--demo")});
    QCOMPARE(first.exitCode, 0);
    const QJsonObject created = QJsonDocument::fromJson(first.out).object();
    QCOMPARE(created.value(QStringLiteral("workspace")).toString(), ws());
    QVERIFY(created.value(QStringLiteral("demo")).toBool());
    QVERIFY(first.err.isEmpty());

    const Run second = cli({QStringLiteral("init"), ws(), QStringLiteral("--demo")});
    QCOMPARE(second.exitCode, 5);
    QVERIFY(second.out.isEmpty());
    const QList<QByteArray> lines = second.err.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines.first().startsWith("error: "));
    QVERIFY(lines.first().contains("already a Countersign workspace"));
}

void CliTest::initForce()
{
    // A workspace that is not a demo seals its engine key with a passphrase it must be given.
    const Run refused = cli({QStringLiteral("init"), ws()});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("needs a passphrase for its engine key"), refused.err.constData());
    QVERIFY(!QFileInfo::exists(ws()));
    QCOMPARE(run(QStringLiteral(CS_CLI_PATH), {QStringLiteral("init"), ws()},
                 {QStringLiteral("COUNTERSIGN_ENGINE_PASSPHRASE=engine secret")})
                 .exitCode,
             0);
    const Run forced = cli({QStringLiteral("init"), ws(), QStringLiteral("--demo"), QStringLiteral("--force")});
    QCOMPARE(forced.exitCode, 0);
    const QJsonObject summary = QJsonDocument::fromJson(cli({QStringLiteral("status"), ws()}).out).object();
    QCOMPARE(summary.value(QStringLiteral("agents")).toArray().size(), 4);
}

void CliTest::status()
{
    QCOMPARE(cli({QStringLiteral("init"), ws(), QStringLiteral("--demo")}).exitCode, 0);
    const Run result = cli({QStringLiteral("status"), ws()});
    QCOMPARE(result.exitCode, 0);
    QJsonParseError error;
    const QJsonObject summary = QJsonDocument::fromJson(result.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(summary.value(QStringLiteral("pools")).toInt(), 2);
    const QJsonArray agents = summary.value(QStringLiteral("agents")).toArray();
    QCOMPARE(agents.size(), 4);
    const QJsonObject treasury = agents.at(3).toObject();
    QCOMPARE(treasury.value(QStringLiteral("id")).toString(), QStringLiteral("treasury-bot"));
    // Amounts are exact decimal strings, never JSON numbers.
    QCOMPARE(treasury.value(QStringLiteral("balances")).toObject().value(QStringLiteral("ETH")),
             QJsonValue(QStringLiteral("40.5")));
    QVERIFY(treasury.value(QStringLiteral("key")).toString().startsWith(QLatin1String("SHA256:")));
}

void CliTest::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("no-command") << QStringList() << QByteArray("no command given");
    QTest::newRow("unknown-command") << QStringList{QStringLiteral("launch")} << QByteArray("unknown command 'launch'");
    QTest::newRow("init-without-ws") << QStringList{QStringLiteral("init")} << QByteArray("expects 1 argument");
    QTest::newRow("init-unknown-option") << QStringList{QStringLiteral("init"), QStringLiteral("x"), QStringLiteral("--demo=yes")}
                                         << QByteArray("error: ");
    QTest::newRow("init-two-ws") << QStringList{QStringLiteral("init"), QStringLiteral("a"), QStringLiteral("b")}
                                 << QByteArray("got 2");
}

void CliTest::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const Run result = cli(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.startsWith("error: "));
    QVERIFY2(result.err.contains(message), result.err.constData());
    QVERIFY(!QFile::exists(QStringLiteral("a")) && !QFile::exists(QStringLiteral("x")));
}

void CliTest::statusOfMissingWorkspace()
{
    const Run result = cli({QStringLiteral("status"), ws()});
    QCOMPARE(result.exitCode, 5);
    QVERIFY(result.err.startsWith("error: workspace not found"));
}

void CliTest::consoleHeadlessSummary()
{
    const Run result = run(QStringLiteral(CS_CONSOLE_PATH), {QStringLiteral("--headless"), QStringLiteral("--demo")});
    QCOMPARE(result.exitCode, 0);
    for (const char* expected : {"Demo workspace", "treasury-bot", "250,000 USDC", "40.5 ETH", "alice [approver]",
                                 "rita [risk_manager]", "2 pools"})
        QVERIFY2(result.out.contains(expected), expected);
}

QTEST_GUILESS_MAIN(CliTest)
#include "CliTest.moc"
