// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/ProcessRun.h"
#include "tests/support/TestSupport.h"

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
    void auditUsageErrors_data();
    void auditUsageErrors();
    void verifyProveAndReceipts();
    void verifyNamesTheTampering();
    void runAndQueue();
    void checkProposal_data();
    void checkProposal();
    void evaluate_data();
    void evaluate();
    void policyCheck_data();
    void policyCheck();
    void policyExportDiffPublish();
    void replayAndWhatIf();
    void approveAndReject_data();
    void approveAndReject();
    void killSwitch_data();
    void killSwitch();

private:
    using Run = cs::test::Run;
    static Run run(const QString& program, const QStringList& arguments, const QStringList& env = {})
    {
        return cs::test::runProgram(program, arguments, env);
    }
    static Run cli(const QStringList& arguments) { return run(QStringLiteral(CS_CLI_PATH), arguments); }
    QString ws() const { return m_dir->filePath(QStringLiteral("ws")); }
    //! The first settlement.receipt entry among entries `from`…`to` of WS, found through prove; 0 if none.
    int firstReceiptSeq(int from, int to) const;
    //! The README's openssl command on DIR/receipt.json, receipt.sig and engine.pem.
    static Run opensslVerify(const QString& dir);
    std::unique_ptr<QTemporaryDir> m_dir;
};

int CliTest::firstReceiptSeq(int from, int to) const
{
    for (int seq = from; seq < to; ++seq) {
        const QJsonObject proof = QJsonDocument::fromJson(cli({QStringLiteral("prove"), ws(), QString::number(seq)}).out).object();
        if (proof.value(QStringLiteral("entry")).toString().contains(QLatin1String("\"type\":\"settlement.receipt\"")))
            return seq;
    }
    return 0;
}

CliTest::Run CliTest::opensslVerify(const QString& dir)
{
    QProcess openssl;
    openssl.setWorkingDirectory(dir);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"), QStringLiteral("-inkey"),
                   QStringLiteral("engine.pem"), QStringLiteral("-rawin"), QStringLiteral("-in"), QStringLiteral("receipt.json"),
                   QStringLiteral("-sigfile"), QStringLiteral("receipt.sig")});
    if (!openssl.waitForFinished(30000))
        qFatal("openssl did not finish (packaging/setup.sh installs it)");
    return {openssl.exitCode(), openssl.readAllStandardOutput(), openssl.readAllStandardError()};
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
    for (const char* command : {"init WS --risk-manager NAME [--name N] [--force]", "init WS --demo [--force]", "status WS", "verify WS", "prove WS SEQ",
                                "verify-proof PROOF.json", "export-receipt WS SEQ --out DIR", "generate WS --entries N",
                                "check-proposal [--workspace WS] FILE|-", "run WS [--intents FILE]", "queue WS",
                                "reconcile WS", "evaluate --policy P --proposal X [--usage U]", "policy check P",
                                "policy diff A B", "policy export WS --out P", "policy publish WS P --as NAME", "replay WS [--proposal ID] | replay WS --policy P", "approve WS ID --as NAME [--reason T] [--amount A] [--min-out M]", "reject WS ID --as NAME --reason T",
                                "principal add WS ID --role agent|approver|risk_manager|analyst", "principal list WS",
                                "principal show WS ID", "principal rotate-key WS ID --as RM|ID",
                                "principal suspend|resume|revoke WS NAME --as RM --reason T", "Exit status"})
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
    QCOMPARE(created.value(QStringLiteral("key_passphrase")).toString(), QStringLiteral("demo"));
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
    // A workspace that is not a demo starts with its first risk manager, and seals the engine's
    // key and theirs with passphrases it must be given.
    const Run nobody = cli({QStringLiteral("init"), ws()});
    QCOMPARE(nobody.exitCode, 2);
    QVERIFY2(nobody.err.contains("starts with its first risk manager"), nobody.err.constData());
    const QStringList own{QStringLiteral("init"), ws(), QStringLiteral("--risk-manager"), QStringLiteral("mara")};
    const Run refused = cli(own);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("needs a passphrase for its engine key"), refused.err.constData());
    const Run noManagerKey = run(QStringLiteral(CS_CLI_PATH), own, {QStringLiteral("COUNTERSIGN_ENGINE_PASSPHRASE=engine secret")});
    QCOMPARE(noManagerKey.exitCode, 2);
    QVERIFY2(noManagerKey.err.contains("set COUNTERSIGN_PASSPHRASE"), noManagerKey.err.constData());
    QVERIFY(!QFileInfo::exists(ws()));
    const Run made = run(QStringLiteral(CS_CLI_PATH), own,
                         {QStringLiteral("COUNTERSIGN_ENGINE_PASSPHRASE=engine secret"),
                          QStringLiteral("COUNTERSIGN_PASSPHRASE=mara secret")});
    QCOMPARE(made.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(made.out).object().value(QStringLiteral("risk_manager")).toString(), QStringLiteral("mara"));
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
    QCOMPARE(summary.value(QStringLiteral("audit")).toObject().value(QStringLiteral("entries")).toInt(), 11);
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
    QVERIFY2(result.out.startsWith("Countersign " CS_VERSION ": the workspace summary (--headless)."), result.out.left(200).constData());
    // Options given a value the console cannot use are refused, naming the option.
    for (const QStringList& wrong : {QStringList{QStringLiteral("--headless"), QStringLiteral("--demo"), QStringLiteral("--lang"), QStringLiteral("fr")},
                                     QStringList{QStringLiteral("--headless"), QStringLiteral("--demo"), QStringLiteral("--feed-interval"), QStringLiteral("abc")}}) {
        const Run refused = run(QStringLiteral(CS_CONSOLE_PATH), wrong);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.startsWith(QByteArray("error: " + wrong.at(2).toUtf8() + ": ")), refused.err.constData());
    }
    for (const char* expected : {"Demo workspace", "treasury-bot", "250,000 USDC", "40.5 ETH", "alice [approver]",
                                 "rita [risk_manager]", "2 pools", "Audit log: 11 entries, signed checkpoint at 11",
                                 "Awaiting approval: 0"})
        QVERIFY2(result.out.contains(expected), expected);
    // After a run, the queue is listed: what, how much, to whom, why and what it still needs.
    QCOMPARE(cli({QStringLiteral("init"), ws(), QStringLiteral("--demo")}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("run"), ws()}).exitCode, 0);
    const Run ran = run(QStringLiteral(CS_CONSOLE_PATH), {QStringLiteral("--headless"), ws()});
    QCOMPARE(ran.exitCode, 0);
    for (const char* expected : {"Awaiting approval: 14 (so far 0 approved, 0 rejected, 0 expired)", "int-0013", "translate-api",
                                 "a first payment to an API vendor without a pricing agreement needs a treasury approver — needs 1 more approver from 'treasury'",
                                 "150,000 USDC"})
        QVERIFY2(ran.out.contains(expected), expected);
}

void CliTest::auditUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("message");
    const QString ws = QStringLiteral("WS"); // replaced by the demo workspace
    QTest::newRow("prove-zero") << QStringList{QStringLiteral("prove"), ws, QStringLiteral("0")} << 2 << QByteArray("positive entry number");
    QTest::newRow("prove-text") << QStringList{QStringLiteral("prove"), ws, QStringLiteral("ten")} << 2 << QByteArray("positive entry number");
    QTest::newRow("prove-beyond") << QStringList{QStringLiteral("prove"), ws, QStringLiteral("999")} << 2 << QByteArray("has no entry 999");
    QTest::newRow("receipt-without-out") << QStringList{QStringLiteral("export-receipt"), ws, QStringLiteral("1")} << 2
                                         << QByteArray("needs --out DIR");
    QTest::newRow("receipt-of-non-receipt")
        << QStringList{QStringLiteral("export-receipt"), ws, QStringLiteral("1"), QStringLiteral("--out"), QStringLiteral("OUT")} << 2
        << QByteArray("not a settlement receipt");
    QTest::newRow("generate-zero") << QStringList{QStringLiteral("generate"), ws, QStringLiteral("--entries"), QStringLiteral("0")} << 2
                                   << QByteArray("--entries must be");
    QTest::newRow("verify-proof-missing") << QStringList{QStringLiteral("verify-proof"), QStringLiteral("no-such.json")} << 2
                                          << QByteArray("cannot read");
    QTest::newRow("verify-proof-not-a-proof") << QStringList{QStringLiteral("verify-proof"), QStringLiteral("WS/workspace.json")} << 2
                                              << QByteArray("format: not a countersign.inclusion-proof/1");
    QTest::newRow("verify-missing-ws") << QStringList{QStringLiteral("verify"), QStringLiteral("no-such-ws")} << 5
                                       << QByteArray("workspace not found");
    // What a new user tripped on: each says what is wrong.
    QTest::newRow("prove-negative") << QStringList{QStringLiteral("prove"), ws, QStringLiteral("-1")} << 2
                                    << QByteArray("-1: a negative number; entry numbers and amounts are positive");
    QTest::newRow("approve-as-nobody")
        << QStringList{QStringLiteral("approve"), ws, QStringLiteral("int-0013"), QStringLiteral("--as"), QStringLiteral("zed")} << 2
        << QByteArray("no such principal 'zed'");
    QTest::newRow("input-over-16-mib") << QStringList{QStringLiteral("check-proposal"), QStringLiteral("BIG")} << 2
                                       << QByteArray("is larger than 16 MiB; refusing it rather than reading part of it");
    QTest::newRow("garbage-database") << QStringList{QStringLiteral("status"), QStringLiteral("GARBAGE")} << 5
                                      << QByteArray("countersign.db: the file is not a Countersign database");
}

void CliTest::auditUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, message);
    QCOMPARE(cli({QStringLiteral("init"), ws(), QStringLiteral("--demo")}).exitCode, 0);
    for (QString& argument : arguments) {
        argument.replace(QLatin1String("WS"), ws());
        argument.replace(QLatin1String("OUT"), m_dir->filePath(QStringLiteral("out")));
        if (argument.startsWith(QLatin1String("no-such")))
            argument = m_dir->filePath(argument);
        if (argument == QLatin1String("BIG")) {
            argument = m_dir->filePath(QStringLiteral("big.json"));
            QFile big(argument);
            QVERIFY(big.open(QIODevice::WriteOnly));
            big.write(QByteArray((16 << 20) + 1, ' '));
        }
        if (argument == QLatin1String("GARBAGE")) { // a copy of the workspace whose database is not SQLite
            argument = m_dir->filePath(QStringLiteral("garbage"));
            QVERIFY(QDir().mkpath(argument));
            QVERIFY(QFile::copy(ws() + QStringLiteral("/workspace.json"), argument + QStringLiteral("/workspace.json")));
            QFile db(argument + QStringLiteral("/countersign.db"));
            QVERIFY(db.open(QIODevice::WriteOnly));
            db.write(QByteArray("SQLite format 3") + QByteArray(1, '\0') + QByteArray(4096, 'x'));
        }
    }
    const Run result = cli(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY(result.err.startsWith("error: "));
    QVERIFY2(result.err.contains(message), result.err.constData());
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("out"))));
}

void CliTest::verifyProveAndReceipts()
{
    QCOMPARE(cli({QStringLiteral("init"), ws(), QStringLiteral("--demo")}).exitCode, 0);
    const Run generated = cli({QStringLiteral("generate"), ws(), QStringLiteral("--entries"), QStringLiteral("300")});
    QCOMPARE(generated.exitCode, 0);
    const QJsonObject summary = QJsonDocument::fromJson(generated.out).object();
    QVERIFY(summary.value(QStringLiteral("appended")).toInt() >= 300);
    QVERIFY(summary.value(QStringLiteral("signed_entries")).toInt() > 50);

    const Run verified = cli({QStringLiteral("verify"), ws()});
    QCOMPARE(verified.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(verified.out).object();
    QCOMPARE(report.value(QStringLiteral("intact")).toBool(), true);
    QCOMPARE(report.value(QStringLiteral("entries")).toInt(), summary.value(QStringLiteral("last_seq")).toInt());
    // Closing after generate signed a checkpoint over everything.
    QCOMPARE(report.value(QStringLiteral("latest_checkpoint")).toInt(), report.value(QStringLiteral("entries")).toInt());
    // The engine's own signatures are covered by its checkpoints; --full checks each of them too.
    QVERIFY(report.value(QStringLiteral("covered_by_checkpoints")).toInt() > 0);
    const Run full = cli({QStringLiteral("verify"), ws(), QStringLiteral("--full")});
    QCOMPARE(full.exitCode, 0);
    const QJsonObject fullReport = QJsonDocument::fromJson(full.out).object();
    QCOMPARE(fullReport.value(QStringLiteral("covered_by_checkpoints")).toInt(), 0);
    QCOMPARE(fullReport.value(QStringLiteral("signed_entries")).toInt(),
             report.value(QStringLiteral("signed_entries")).toInt() + report.value(QStringLiteral("covered_by_checkpoints")).toInt());

    // prove, then verify the proof with nothing but the proof (and a pinned key).
    const Run proved = cli({QStringLiteral("prove"), ws(), QStringLiteral("42")});
    QCOMPARE(proved.exitCode, 0);
    const QString proofFile = m_dir->filePath(QStringLiteral("proof.json"));
    QFile file(proofFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(proved.out);
    file.close();
    const Run checked = cli({QStringLiteral("verify-proof"), proofFile});
    QCOMPARE(checked.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(checked.out).object().value(QStringLiteral("seq")).toInt(), 42);

    // export-receipt: openssl verifies receipt.json against receipt.sig with engine.pem.
    const QString out = m_dir->filePath(QStringLiteral("receipt"));
    const int receiptSeq = firstReceiptSeq(10, 60);
    QVERIFY(receiptSeq > 0);
    const Run exported = cli({QStringLiteral("export-receipt"), ws(), QString::number(receiptSeq), QStringLiteral("--out"), out});
    QCOMPARE(exported.exitCode, 0);
    const Run openssl = opensslVerify(out);
    QCOMPARE(openssl.exitCode, 0);
    QVERIFY(openssl.out.contains("Signature Verified Successfully"));
    QCOMPARE(QFileInfo(out + QStringLiteral("/receipt.sig")).size(), qint64(64));

    // The proof that came with the receipt verifies against the pinned engine key ...
    const QString pem = out + QStringLiteral("/engine.pem");
    QCOMPARE(cli({QStringLiteral("verify-proof"), out + QStringLiteral("/proof.json"), QStringLiteral("--key"), pem}).exitCode, 0);
    // ... and a changed receipt byte breaks both openssl's check and the proof.
    QFile receipt(out + QStringLiteral("/receipt.json"));
    QVERIFY(receipt.open(QIODevice::ReadWrite));
    QByteArray bytes = receipt.readAll();
    bytes.replace("\"outcome\":\"executed\"", "\"outcome\":\"executeD\"");
    receipt.seek(0);
    receipt.write(bytes);
    receipt.close();
    QVERIFY(opensslVerify(out).exitCode != 0);
    // A key that is not the engine's makes the proof fail (exit 1).
    const QString otherPem = m_dir->filePath(QStringLiteral("other.pem"));
    QFile other(otherPem);
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n");
    other.close();
    const Run pinned = cli({QStringLiteral("verify-proof"), proofFile, QStringLiteral("--key"), otherPem});
    QCOMPARE(pinned.exitCode, 1);
    QVERIFY2(pinned.err.contains("different engine key than the pinned one"), pinned.err.constData());
}

void CliTest::verifyNamesTheTampering()
{
    QCOMPARE(cli({QStringLiteral("init"), ws(), QStringLiteral("--demo")}).exitCode, 0);
    const QString older = m_dir->filePath(QStringLiteral("older.db"));
    QVERIFY(QFile::copy(ws() + QStringLiteral("/countersign.db"), older));
    QCOMPARE(cli({QStringLiteral("generate"), ws(), QStringLiteral("--entries"), QStringLiteral("100")}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("verify"), ws()}).exitCode, 0);

    // The whole database replaced by the copy from before generate: the checkpoint files
    // outside it still say how long the log was.
    QVERIFY(QFile::remove(ws() + QStringLiteral("/countersign.db")));
    QFile::remove(ws() + QStringLiteral("/countersign.db-wal"));
    QFile::remove(ws() + QStringLiteral("/countersign.db-shm"));
    QVERIFY(QFile::copy(older, ws() + QStringLiteral("/countersign.db")));
    const Run rolledBack = cli({QStringLiteral("verify"), ws()});
    QCOMPARE(rolledBack.exitCode, 1);
    const QList<QByteArray> lines = rolledBack.err.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith("error: audit log not intact: ") && lines.first().contains("older copy"),
             rolledBack.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(rolledBack.out).object();
    QCOMPARE(report.value(QStringLiteral("intact")).toBool(), false);
    QCOMPARE(report.value(QStringLiteral("first_bad_seq")).toInt(), report.value(QStringLiteral("entries")).toInt() + 1);

    // Nothing is written on it: every write command exits 1 naming the first bad entry, and
    // not even a checkpoint is signed on the way out.
    const QDir checkpoints(ws() + QStringLiteral("/checkpoints"));
    const QStringList before = checkpoints.entryList(QDir::Files);
    for (const QStringList& write : {QStringList{QStringLiteral("run"), ws()},
                                     QStringList{QStringLiteral("reconcile"), ws()},
                                     QStringList{QStringLiteral("principal"), QStringLiteral("suspend"), ws(), QStringLiteral("trader"),
                                                 QStringLiteral("--as"), QStringLiteral("rita"), QStringLiteral("--reason"), QStringLiteral("x")}}) {
        const Run refused = cli(write);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.startsWith("error: the audit log does not verify, so the workspace is read-only: ")
                     && refused.err.contains("older copy"),
                 refused.err.constData());
    }
    QCOMPARE(checkpoints.entryList(QDir::Files), before);
}

void CliTest::runAndQueue()
{
    QCOMPARE(cli({QStringLiteral("init"), ws(), QStringLiteral("--demo")}).exitCode, 0);
    const Run ran = cli({QStringLiteral("run"), ws()});
    QCOMPARE(ran.exitCode, 0);
    const QJsonObject summary = QJsonDocument::fromJson(ran.out).object();
    QCOMPARE(summary.value(QStringLiteral("processed")).toInt(), 106);
    const QJsonObject byOutcome = summary.value(QStringLiteral("by_outcome")).toObject();
    for (const char* outcome : {"executed", "awaiting_approval", "denied", "rejected", "cannot_plan"})
        QVERIFY2(byOutcome.value(QLatin1String(outcome)).toInt() > 0, outcome);
    QVERIFY(summary.value(QStringLiteral("by_agent")).toObject().contains(QStringLiteral("treasury-bot")));
    QCOMPARE(cli({QStringLiteral("verify"), ws()}).exitCode, 0);

    const Run queued = cli({QStringLiteral("queue"), ws()});
    QCOMPARE(queued.exitCode, 0);
    const QJsonArray queue = QJsonDocument::fromJson(queued.out).array();
    QCOMPARE(queue.size(), byOutcome.value(QStringLiteral("awaiting_approval")).toInt());
    QVERIFY(queue.first().toObject().value(QStringLiteral("id")).toString().startsWith(QLatin1String("int-")));
    // Each with what it would do if it settled now: int-0013 pays 20 USDC from api-buyer to translate-api.
    const QJsonObject now = queue.first().toObject().value(QStringLiteral("if_settled_now")).toObject();
    QCOMPARE(queue.first().toObject().value(QStringLiteral("id")).toString(), QStringLiteral("int-0013"));
    QCOMPARE(now.value(QStringLiteral("value")).toString(), QStringLiteral("20 USDC"));
    QVERIFY(now.value(QStringLiteral("ok")).toBool());
    const QJsonObject payer = now.value(QStringLiteral("balances")).toArray().first().toObject();
    QCOMPARE(payer.value(QStringLiteral("account")).toString(), QStringLiteral("api-buyer:main"));
    QCOMPARE(payer.value(QStringLiteral("before")).toString().toInt() - payer.value(QStringLiteral("after")).toString().toInt(), 20);

    // A receipt the pipeline wrote verifies with openssl.
    const int receiptSeq = firstReceiptSeq(10, 80);
    QVERIFY(receiptSeq > 0);
    const QString out = m_dir->filePath(QStringLiteral("pipeline-receipt"));
    QCOMPARE(cli({QStringLiteral("export-receipt"), ws(), QString::number(receiptSeq), QStringLiteral("--out"), out}).exitCode, 0);
    const Run verified = opensslVerify(out);
    QCOMPARE(verified.exitCode, 0);
    QVERIFY(verified.out.contains("Signature Verified Successfully"));

    // Running again changes nothing; an unknown backend is a usage error.
    const QJsonObject again = QJsonDocument::fromJson(cli({QStringLiteral("run"), ws()}).out).object();
    QCOMPARE(again.value(QStringLiteral("processed")).toInt(), 0);
    QCOMPARE(again.value(QStringLiteral("already_processed")).toInt(), 106);
    const Run unknown = cli({QStringLiteral("run"), ws(), QStringLiteral("--backend"), QStringLiteral("gpt")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains("--backend must be rules, replay or openai"));
}

void CliTest::checkProposal_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("viaStdin");
    QTest::addColumn<bool>("withWorkspace");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("valid") << QStringLiteral("valid/swap") << false << false << 0;
    QTest::newRow("valid-stdin") << QStringLiteral("valid/unicode-text") << true << false << 0;
    QTest::newRow("valid-workspace-assets") << QStringLiteral("valid/withdraw") << false << true << 0;
    QTest::newRow("duplicate-key") << QStringLiteral("invalid/dup-action-amount") << false << false << 2;
    QTest::newRow("bidi-identifier") << QStringLiteral("invalid/to-bidi-override") << true << false << 2;
    QTest::newRow("terminal-escape") << QStringLiteral("invalid/rationale-terminal-escape") << false << true << 2;
}

void CliTest::checkProposal()
{
    QFETCH(QString, file);
    QFETCH(bool, viaStdin);
    QFETCH(bool, withWorkspace);
    QFETCH(int, exitCode);
    const QString base = cs::test::dataPath(QStringLiteral("proposals/") + file);
    QStringList arguments{QStringLiteral("check-proposal")};
    if (withWorkspace) {
        QCOMPARE(cli({QStringLiteral("init"), ws(), QStringLiteral("--demo")}).exitCode, 0);
        arguments << QStringLiteral("--workspace") << ws();
    }
    arguments << (viaStdin ? QStringLiteral("-") : base + QStringLiteral(".json"));
    QProcess process;
    process.start(QStringLiteral(CS_CLI_PATH), arguments);
    if (viaStdin) {
        QFile input(base + QStringLiteral(".json"));
        QVERIFY(input.open(QIODevice::ReadOnly));
        process.write(input.readAll());
        process.closeWriteChannel();
    }
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), exitCode);
    QFile expected(base + (exitCode == 0 ? QStringLiteral(".canonical") : QStringLiteral(".error")));
    QVERIFY(expected.open(QIODevice::ReadOnly));
    const QByteArray want = expected.readAll().trimmed();
    if (exitCode == 0) {
        QCOMPARE(process.readAllStandardOutput().trimmed(), want);
    } else {
        const QByteArray err = process.readAllStandardError().trimmed();
        QVERIFY(process.readAllStandardOutput().isEmpty());
        QCOMPARE(err.count('\n'), 0); // one line
        QVERIFY2(err.startsWith("error: $") && err.contains(want), err.constData());
    }
}

void CliTest::evaluate_data()
{
    QTest::addColumn<QString>("policy");   // under tests/data/policy, or "demo"
    QTest::addColumn<QString>("proposal"); // under tests/data/policy
    QTest::addColumn<QString>("usage");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("firstRule"); // or the start of the error line
    QTest::newRow("allow") << "demo" << "allow-api-payment" << "" << 0 << "api.listed-vendors";
    QTest::newRow("needs-approval") << "demo" << "approval-first-time-vendor" << "" << 3 << "api.first-time";
    QTest::newRow("deny") << "demo" << "deny-unlisted-venue" << "" << 4 << "global.default-deny";
    QTest::newRow("within-cap") << "demo" << "api-payment-60" << "" << 0 << "api.listed-vendors";
    QTest::newRow("cap-with-usage") << "demo" << "api-payment-60" << "usage-250-spent" << 4 << "api.daily-cap";
    QTest::newRow("invalid-policy") << "invalid-undefined-list" << "allow-api-payment" << "" << 2
                                    << "error: policy ";
    QTest::newRow("policy-with-errors") << "unreachable-rule" << "allow-api-payment" << "" << 2
                                        << "error: policy ";
    QTest::newRow("invalid-proposal") << "demo" << "usage-250-spent" << "" << 2 << "error: proposal: $.now: unknown key";
    QTest::newRow("invalid-usage") << "demo" << "allow-api-payment" << "allow-api-payment" << 2
                                   << "error: usage: $.agent: unknown key";
}

void CliTest::evaluate()
{
    QFETCH(QString, policy);
    QFETCH(QString, proposal);
    QFETCH(QString, usage);
    QFETCH(int, exitCode);
    QFETCH(QString, firstRule);
    const auto file = [](const QString& name) { return cs::test::dataPath(QStringLiteral("policy/") + name + QStringLiteral(".json")); };
    QStringList arguments{QStringLiteral("evaluate"), QStringLiteral("--policy"),
                          policy == QLatin1String("demo") ? QStringLiteral(CS_SOURCE_DIR "/resources/demo/policy.json") : file(policy),
                          QStringLiteral("--proposal"), file(proposal)};
    if (!usage.isEmpty())
        arguments << QStringLiteral("--usage") << file(usage);
    const Run result = cli(arguments);
    QCOMPARE(result.exitCode, exitCode);
    if (exitCode == 2) {
        QVERIFY(result.out.isEmpty()); // nothing that could be taken for a decision
        QVERIFY2(QString::fromUtf8(result.err).startsWith(firstRule), result.err.constData());
        return;
    }
    const QJsonObject decision = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(decision.value(QStringLiteral("rules")).toArray().first().toString(), firstRule);
    QCOMPARE(decision.value(QStringLiteral("effect")).toString(),
             QString::fromLatin1(exitCode == 0 ? "allow" : exitCode == 3 ? "require_approval" : "deny"));
    QVERIFY(!decision.value(QStringLiteral("reasons")).toArray().isEmpty());
    QVERIFY(!decision.value(QStringLiteral("counterfactual")).toString().isEmpty());
    QCOMPARE(decision.value(QStringLiteral("policy_version")).toString().size(), 64);
}

void CliTest::policyCheck_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // in stdout (a report) or stderr (a parse error)
    QTest::newRow("demo") << "demo" << 0 << "\"valid\": true";
    QTest::newRow("unreachable") << "unreachable-rule" << 2 << "swap-to-someone can never apply";
    QTest::newRow("undefined-list") << "invalid-undefined-list" << 2 << "$.rules[0].match.venue.in_list: undefined list 'no-such-list'";
}

void CliTest::policyCheck()
{
    QFETCH(QString, policy);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    const QString path = policy == QLatin1String("demo") ? QStringLiteral(CS_SOURCE_DIR "/resources/demo/policy.json")
                                                         : cs::test::dataPath(QStringLiteral("policy/") + policy + QStringLiteral(".json"));
    const Run result = cli({QStringLiteral("policy"), QStringLiteral("check"), path});
    QCOMPARE(result.exitCode, exitCode);
    const QByteArray both = result.out + result.err;
    QVERIFY2(QString::fromUtf8(both).contains(expected), both.constData());
}

void CliTest::policyExportDiffPublish()
{
    QCOMPARE(cli({QStringLiteral("init"), ws(), QStringLiteral("--demo")}).exitCode, 0);
    const QString exported = m_dir->filePath(QStringLiteral("exported.json"));
    const Run exportRun = cli({QStringLiteral("policy"), QStringLiteral("export"), ws(), QStringLiteral("--out"), exported});
    QCOMPARE(exportRun.exitCode, 0);
    const QString demoVersion = QJsonDocument::fromJson(exportRun.out).object().value(QStringLiteral("version")).toString();
    // The exported file is the demo policy: same version, and no difference.
    const QString demo = QStringLiteral(CS_SOURCE_DIR "/resources/demo/policy.json");
    const Run same = cli({QStringLiteral("policy"), QStringLiteral("diff"), demo, exported});
    QCOMPARE(same.exitCode, 0);
    QVERIFY(same.out.contains(demoVersion.toLatin1()));

    // A risk manager's edit: a lower daily cap and one venue more.
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject policy = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonArray rules = policy.value(QStringLiteral("rules")).toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        QJsonObject rule = rules.at(i).toObject();
        if (rule.value(QStringLiteral("id")).toString() == QLatin1String("api.daily-cap")) {
            rule.insert(QStringLiteral("window"), QJsonObject{{QStringLiteral("period"), QStringLiteral("calendar_day")},
                                                              {QStringLiteral("above"), QStringLiteral("250")}});
            rules.replace(i, rule);
        }
    }
    policy.insert(QStringLiteral("rules"), rules);
    const QString edited = m_dir->filePath(QStringLiteral("edited.json"));
    QFile out(edited);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(policy).toJson());
    out.close();
    const Run diff = cli({QStringLiteral("policy"), QStringLiteral("diff"), exported, edited});
    QCOMPARE(diff.exitCode, 1);
    QVERIFY2(diff.out.contains("~ rule api.daily-cap: window: calendar_day above 300 USDC → calendar_day above 250 USDC"),
             diff.out.constData());

    // Only a risk manager publishes; a refusal changes nothing.
    const Run byApprover = cli({QStringLiteral("policy"), QStringLiteral("publish"), ws(), edited, QStringLiteral("--as"),
                                QStringLiteral("alice")});
    QCOMPARE(byApprover.exitCode, 6);
    QVERIFY(byApprover.err.startsWith("error: only a risk manager may publish"));
    const Run stillDemo = cli({QStringLiteral("policy"), QStringLiteral("export"), ws(), QStringLiteral("--out"), exported});
    QCOMPARE(QJsonDocument::fromJson(stillDemo.out).object().value(QStringLiteral("version")).toString(), demoVersion);

    const Run published = cli({QStringLiteral("policy"), QStringLiteral("publish"), ws(), edited, QStringLiteral("--as"),
                               QStringLiteral("rita")});
    QCOMPARE(published.exitCode, 0);
    const QString newVersion = QJsonDocument::fromJson(published.out).object().value(QStringLiteral("version")).toString();
    QVERIFY(newVersion.size() == 64 && newVersion != demoVersion);
    const Run now = cli({QStringLiteral("policy"), QStringLiteral("export"), ws(), QStringLiteral("--out"), exported});
    QCOMPARE(QJsonDocument::fromJson(now.out).object().value(QStringLiteral("version")).toString(), newVersion);
    QCOMPARE(cli({QStringLiteral("verify"), ws()}).exitCode, 0);
}

void CliTest::replayAndWhatIf()
{
    QCOMPARE(cli({QStringLiteral("init"), ws(), QStringLiteral("--demo")}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("run"), ws()}).exitCode, 0);
    // The log replays to itself: every path recomputed, exit 0.
    const Run replayed = cli({QStringLiteral("replay"), ws()});
    QCOMPARE(replayed.exitCode, 0);
    const QJsonObject same = QJsonDocument::fromJson(replayed.out).object();
    QCOMPARE(same.value(QStringLiteral("divergent")).toInt(), 0);
    QCOMPARE(same.value(QStringLiteral("proposals")).toInt(), 106);
    QVERIFY(same.value(QStringLiteral("divergences")).toArray().isEmpty());
    // One path, step by step, recorded beside recomputed.
    const Run one = cli({QStringLiteral("replay"), ws(), QStringLiteral("--proposal"), QStringLiteral("int-0001")});
    QCOMPARE(one.exitCode, 0);
    const QJsonObject path = QJsonDocument::fromJson(one.out).object().value(QStringLiteral("proposal")).toObject();
    QVERIFY(path.value(QStringLiteral("identical")).toBool());
    QStringList stages;
    for (const QJsonValue& step : path.value(QStringLiteral("steps")).toArray()) {
        stages << step.toObject().value(QStringLiteral("stage")).toString();
        QCOMPARE(step.toObject().value(QStringLiteral("recorded")), step.toObject().value(QStringLiteral("recomputed")));
    }
    QCOMPARE(stages.join(u' '), QStringLiteral("model simulation decision settlement"));
    QCOMPARE(cli({QStringLiteral("replay"), ws(), QStringLiteral("--proposal"), QStringLiteral("int-9999")}).exitCode, 2);
    QCOMPARE(cli({QStringLiteral("replay"), ws(), QStringLiteral("--proposal"), QStringLiteral("int-0001"), QStringLiteral("--policy"),
                  QStringLiteral("x.json")})
                 .exitCode,
             2);
    // A draft with a lower cap: decisions differ, exit 1, with what changes and its value.
    QFile demo(QStringLiteral(CS_SOURCE_DIR "/resources/demo/policy.json"));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    const QString draftPath = m_dir->filePath(QStringLiteral("draft.json"));
    QFile draft(draftPath);
    QVERIFY(draft.open(QIODevice::WriteOnly));
    draft.write(demo.readAll().replace(R"("above": "300")", R"("above": "250")"));
    draft.close();
    const Run whatIf = cli({QStringLiteral("replay"), ws(), QStringLiteral("--policy"), draftPath});
    QCOMPARE(whatIf.exitCode, 1);
    const QJsonObject report = QJsonDocument::fromJson(whatIf.out).object();
    QCOMPARE(report.value(QStringLiteral("changed")).toInt(), 4);
    QCOMPARE(report.value(QStringLiteral("changes")).toArray().first().toObject().value(QStringLiteral("intent")).toString(),
             QStringLiteral("int-0008"));
    // A draft that does not parse is bad input, and never a report.
    const Run broken = cli({QStringLiteral("replay"), ws(), QStringLiteral("--policy"),
                            cs::test::dataPath(QStringLiteral("policy/invalid-undefined-list.json"))});
    QCOMPARE(broken.exitCode, 2);
    QVERIFY(broken.out.isEmpty());
    QVERIFY(broken.err.contains("undefined list 'no-such-list'"));
}

void CliTest::approveAndReject_data()
{
    QTest::addColumn<QStringList>("steps"); // "approve|reject ID NAME [REASON]" run in order
    QTest::addColumn<QList<int>>("exits");
    QTest::addColumn<QString>("lastState");
    QTest::newRow("one-approver") << QStringList{QStringLiteral("approve int-0013 alice")} << QList<int>{0} << "executed";
    QTest::newRow("two-approvers") << QStringList{QStringLiteral("approve int-0052 alice"), QStringLiteral("approve int-0052 alice"),
                                                  QStringLiteral("approve int-0052 bob")}
                                   << QList<int>{0, 6, 0} << "executed";
    QTest::newRow("reject-with-reason") << QStringList{QStringLiteral("reject int-0023 bob"),
                                                       QStringLiteral("reject int-0023 bob too-large-today")}
                                        << QList<int>{2, 0} << "rejected";
    QTest::newRow("not-an-approver") << QStringList{QStringLiteral("approve int-0024 rita")} << QList<int>{6} << "";
    QTest::newRow("edit-then-approve") << QStringList{QStringLiteral("approve int-0091 alice --amount 6000"),
                                                      QStringLiteral("reject int-0091 alice --amount 4000"),
                                                      QStringLiteral("approve int-0091 alice --amount 5000")}
                                       << QList<int>{2, 2, 0} << "executed";
    QTest::newRow("unknown-id") << QStringList{QStringLiteral("approve int-9999 alice")} << QList<int>{2} << "";
    // --subject: the approver signs only the version they reviewed; a changed one is refused.
    QTest::newRow("stale-subject") << QStringList{QStringLiteral("approve int-0013 alice --subject ") + QString(64, u'0'),
                                                  QStringLiteral("approve int-0013 alice")}
                                   << QList<int>{6, 0} << "executed";
    // An empty subject checks nothing: bad input, and nothing is signed (the next approval counts).
    QTest::newRow("empty-subject") << QStringList{QStringLiteral("approve int-0013 alice --subject <empty>"),
                                                  QStringLiteral("approve int-0013 alice --subject not-a-hash"),
                                                  QStringLiteral("approve int-0013 alice")}
                                   << QList<int>{2, 2, 0} << "executed";
}

void CliTest::approveAndReject()
{
    QFETCH(QStringList, steps);
    QFETCH(QList<int>, exits);
    QFETCH(QString, lastState);
    QCOMPARE(cli({QStringLiteral("init"), ws(), QStringLiteral("--demo")}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("run"), ws()}).exitCode, 0);
    Run last;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QStringList words = steps.at(i).split(u' ');
        QStringList arguments{words.at(0), ws(), words.at(1), QStringLiteral("--as"), words.at(2)};
        if (words.size() > 3 && words.at(3).startsWith(QLatin1String("--")))
            arguments << words.mid(3).replaceInStrings(QStringLiteral("<empty>"), QString());
        else if (words.size() > 3)
            arguments << QStringLiteral("--reason") << words.at(3);
        last = cli(arguments);
        QVERIFY2(last.exitCode == exits.at(i), qPrintable(steps.at(i) + QStringLiteral(": ") + QString::fromUtf8(last.err)));
        if (last.exitCode != 0)
            QVERIFY(last.err.startsWith("error: "));
    }
    if (!lastState.isEmpty())
        QCOMPARE(QJsonDocument::fromJson(last.out).object().value(QStringLiteral("state")).toString(), lastState);
    QCOMPARE(cli({QStringLiteral("verify"), ws()}).exitCode, 0);
}

void CliTest::killSwitch_data()
{
    QTest::addColumn<QStringList>("arguments"); // after "principal"; WS is inserted second
    QTest::addColumn<int>("exit");
    QTest::addColumn<QString>("said"); // on stdout for 0, on stderr otherwise
    QTest::newRow("approver-may-not") << QStringList{QStringLiteral("suspend"), QStringLiteral("trader"), QStringLiteral("--as"),
                                                     QStringLiteral("alice"), QStringLiteral("--reason"), QStringLiteral("odd")}
                                      << 6 << "only a risk manager";
    QTest::newRow("no-reason") << QStringList{QStringLiteral("suspend"), QStringLiteral("trader"), QStringLiteral("--as"), QStringLiteral("rita")}
                               << 2 << "needs --reason";
    QTest::newRow("unknown-principal") << QStringList{QStringLiteral("revoke"), QStringLiteral("zed"), QStringLiteral("--as"),
                                                      QStringLiteral("rita"), QStringLiteral("--reason"), QStringLiteral("x")}
                                       << 2 << "no such principal 'zed'";
    QTest::newRow("risk-manager-suspends") << QStringList{QStringLiteral("suspend"), QStringLiteral("trader"), QStringLiteral("--as"),
                                                          QStringLiteral("rita"), QStringLiteral("--reason"), QStringLiteral("odd swaps")}
                                           << 0 << "\"to\": \"suspended\"";
}

void CliTest::killSwitch()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exit);
    QFETCH(QString, said);
    QCOMPARE(cli({QStringLiteral("init"), ws(), QStringLiteral("--demo")}).exitCode, 0);
    arguments.insert(1, ws());
    arguments.prepend(QStringLiteral("principal"));
    const Run result = cli(arguments);
    QCOMPARE(result.exitCode, exit);
    QVERIFY2((exit == 0 ? result.out : result.err).contains(said.toUtf8()), result.err.constData());
    // Suspended: its intents are refused at intake, and the log still verifies.
    const Run ran = cli({QStringLiteral("run"), ws()});
    QCOMPARE(ran.exitCode, 0);
    const QJsonObject trader = QJsonDocument::fromJson(ran.out).object().value(QStringLiteral("by_agent")).toObject()
                                   .value(QStringLiteral("trader")).toObject();
    QCOMPARE(trader.value(QStringLiteral("rejected")).toInt() == 33, exit == 0);
    QCOMPARE(cli({QStringLiteral("verify"), ws()}).exitCode, 0);
}

QTEST_GUILESS_MAIN(CliTest)
#include "CliTest.moc"
