// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/ProcessRun.h"

using cs::test::Run;

/**
 * What an analyst takes out of the audit timeline, run as a script would: `export` (JSON lines
 * that hash to their leaves and chain, RFC 4180 CSV with the same fields) and `evidence` /
 * `verify-evidence` (a bundle checked with no workspace; each altered, missing or added file
 * named). Hashes are recomputed here with Qt's SHA-256, not the engine's.
 */
class AuditTimelineCliTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exportRoundTrips_data();
    void exportRoundTrips();
    void exportRefusals_data();
    void exportRefusals();
    void evidenceVerifies();
    void alteredEvidenceFails_data();
    void alteredEvidenceFails();

private:
    QString ws() const { return m_dir.filePath(QStringLiteral("ws")); }
    static Run cli(const QStringList& arguments)
    {
        return cs::test::runProgram(QStringLiteral(CS_CLI_PATH), arguments, {QStringLiteral("COUNTERSIGN_PASSPHRASE=demo")});
    }
    //! RFC 4180 records (fields unquoted), CRLF line ends.
    static QList<QStringList> parseCsv(const QByteArray& text);
    static void copyTree(const QString& from, const QString& to);

    QTemporaryDir m_dir;
    QString m_bundle;
};

void AuditTimelineCliTest::initTestCase()
{
    QCOMPARE(cli({QStringLiteral("init"), ws(), QStringLiteral("--demo")}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("run"), ws()}).exitCode, 0);
    // Two approvers sign int-0052, so its evidence carries keys besides the engine's.
    for (const char* approver : {"alice", "bob"})
        QCOMPARE(cli({QStringLiteral("approve"), ws(), QStringLiteral("int-0052"), QStringLiteral("--as"), QLatin1String(approver)}).exitCode, 0);
    m_bundle = m_dir.filePath(QStringLiteral("bundle"));
    const Run made = cli({QStringLiteral("evidence"), ws(), QStringLiteral("int-0052"), QStringLiteral("--out"), m_bundle});
    QVERIFY2(made.exitCode == 0, made.err.constData());
}

QList<QStringList> AuditTimelineCliTest::parseCsv(const QByteArray& text)
{
    QList<QStringList> records;
    QStringList record;
    QByteArray field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text.at(i + 1) == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            record << QString::fromUtf8(field);
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text.at(i + 1) == '\n') {
            record << QString::fromUtf8(field);
            field.clear();
            records << record;
            record.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return records;
}

void AuditTimelineCliTest::exportRoundTrips_data()
{
    QTest::addColumn<QStringList>("range");
    QTest::addColumn<int>("first");
    QTest::newRow("whole-log") << QStringList{} << 1;
    QTest::newRow("a-range") << QStringList{QStringLiteral("--from"), QStringLiteral("10"), QStringLiteral("--to"), QStringLiteral("40")} << 10;
}

void AuditTimelineCliTest::exportRoundTrips()
{
    QFETCH(QStringList, range);
    QFETCH(int, first);
    const Run jsonl = cli(QStringList{QStringLiteral("export"), ws(), QStringLiteral("--format"), QStringLiteral("jsonl")} + range);
    QCOMPARE(jsonl.exitCode, 0);
    const QString csvPath = m_dir.filePath(QStringLiteral("log.csv"));
    const Run csvRun = cli(QStringList{QStringLiteral("export"), ws(), QStringLiteral("--format"), QStringLiteral("csv"),
                                       QStringLiteral("--out"), csvPath}
                           + range);
    QCOMPARE(csvRun.exitCode, 0);
    QFile csvFile(csvPath);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QList<QStringList> csv = parseCsv(csvFile.readAll());

    QList<QByteArray> lines = jsonl.out.split('\n');
    QCOMPARE(lines.takeLast(), QByteArray()); // every line ends with LF
    const int expected = range.isEmpty() ? QJsonDocument::fromJson(cli({QStringLiteral("status"), ws()}).out)
                                                   .object().value(QStringLiteral("audit")).toObject()
                                                   .value(QStringLiteral("entries")).toInt()
                                             : 31;
    QCOMPARE(lines.size(), expected);
    QCOMPARE(QJsonDocument::fromJson(csvRun.out).object().value(QStringLiteral("entries")).toInt(), expected);
    QCOMPARE(csv.size(), expected + 1);
    QCOMPARE(csv.first().join(u','), QStringLiteral("seq,time,type,actor,sig,prev,leaf,body"));

    QByteArray previousLeaf;
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray& line = lines.at(i);
        // The line is the entry's bytes: its leaf is SHA-256(0x00 ‖ line), and the next entry's prev.
        const QByteArray leaf = QCryptographicHash::hash(QByteArray(QByteArray(1, '\0') + line), QCryptographicHash::Sha256).toHex();
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        const QStringList& row = csv.at(i + 1);
        QCOMPARE(row.size(), 8);
        QCOMPARE(entry.value(QStringLiteral("seq")).toInt(), first + i);
        QCOMPARE(row.at(0).toInt(), first + i);
        QCOMPARE(row.at(1), entry.value(QStringLiteral("time")).toString());
        QCOMPARE(row.at(2), entry.value(QStringLiteral("type")).toString());
        QCOMPARE(row.at(3), entry.value(QStringLiteral("actor")).toString());
        QCOMPARE(row.at(4), entry.value(QStringLiteral("sig")).toString());
        QCOMPARE(row.at(5), entry.value(QStringLiteral("prev")).toString());
        QCOMPARE(row.at(6).toLatin1(), leaf);
        QCOMPARE(QJsonDocument::fromJson(row.at(7).toUtf8()).object(), entry.value(QStringLiteral("body")).toObject());
        if (!previousLeaf.isEmpty())
            QCOMPARE(entry.value(QStringLiteral("prev")).toString().toLatin1(), previousLeaf);
        previousLeaf = leaf;
    }
}

void AuditTimelineCliTest::exportRefusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("format") << QStringList{QStringLiteral("--format"), QStringLiteral("xml")} << "--format must be jsonl or csv";
    QTest::newRow("no-format") << QStringList{} << "--format must be jsonl or csv";
    QTest::newRow("backwards") << QStringList{QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--from"),
                                              QStringLiteral("9"), QStringLiteral("--to"), QStringLiteral("3")}
                               << "--from 9 is after --to 3";
    QTest::newRow("not-a-seq") << QStringList{QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--from"), QStringLiteral("x")}
                               << "--from must be a positive entry number";
}

void AuditTimelineCliTest::exportRefusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run refused = cli(QStringList{QStringLiteral("export"), ws()} + arguments);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY(refused.out.isEmpty());
    QVERIFY2(refused.err.contains(message.toUtf8()), refused.err.constData());
}

void AuditTimelineCliTest::evidenceVerifies()
{
    const Run checked = cli({QStringLiteral("verify-evidence"), m_bundle});
    QVERIFY2(checked.exitCode == 0, checked.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(checked.out).object();
    QVERIFY(report.value(QStringLiteral("valid")).toBool());
    QCOMPARE(report.value(QStringLiteral("intent")).toString(), QStringLiteral("int-0052"));
    // The proposal's ten entries and the two approvers' registrations; the decision, the
    // receipt, both verdicts and both registrations are signed (the first decision too).
    QCOMPARE(report.value(QStringLiteral("entries")).toInt(), 12);
    QCOMPARE(report.value(QStringLiteral("signatures")).toInt(), 7);
    QVERIFY(QFile::exists(m_bundle + QStringLiteral("/keys/alice.pem")));
    QFile proof(m_bundle + QStringLiteral("/proofs/000000000304.tlog-proof"));
    QVERIFY(proof.open(QIODevice::ReadOnly));
    QVERIFY(proof.readLine().startsWith("c2sp.org/tlog-proof@v1"));
    QCOMPARE(proof.readLine(), QByteArray("index 303\n"));
    // Pinned to the engine key it carries: ok; to another key: refused, naming the key file.
    QCOMPARE(cli({QStringLiteral("verify-evidence"), m_bundle, QStringLiteral("--key"), m_bundle + QStringLiteral("/keys/engine.pem")}).exitCode, 0);
    const Run other = cli({QStringLiteral("verify-evidence"), m_bundle, QStringLiteral("--key"), m_bundle + QStringLiteral("/keys/alice.pem")});
    QCOMPARE(other.exitCode, 1);
    QVERIFY(other.err.contains("keys/engine.pem: it is not the pinned engine key"));
    // Refusals: no such intent, a directory in use, not a bundle.
    QCOMPARE(cli({QStringLiteral("evidence"), ws(), QStringLiteral("int-9999"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("none"))}).exitCode, 2);
    QCOMPARE(cli({QStringLiteral("evidence"), ws(), QStringLiteral("int-0052"), QStringLiteral("--out"), m_bundle}).exitCode, 2);
    QCOMPARE(cli({QStringLiteral("verify-evidence"), m_dir.filePath(QStringLiteral("ws/keys"))}).exitCode, 2);
}

void AuditTimelineCliTest::copyTree(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    for (const QFileInfo& info : QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (info.isDir())
            copyTree(info.filePath(), to + u'/' + info.fileName());
        else
            QFile::copy(info.filePath(), to + u'/' + info.fileName());
    }
}

void AuditTimelineCliTest::alteredEvidenceFails_data()
{
    QTest::addColumn<QString>("file");    // a path, or the type of the entry whose file it is
    QTest::addColumn<QByteArray>("from"); // replaced once; "" deletes the file; "+" adds it
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("named");   // "=": the file itself
    QTest::newRow("verdict") << "approval.granted" << QByteArray(R"("reason":"")") << QByteArray(R"("reason":"x")") << "=";
    QTest::newRow("receipt") << "settlement.receipt" << QByteArray(R"("amount":"-2400")") << QByteArray(R"("amount":"-2300")") << "=";
    QTest::newRow("proof-path") << "proofs/000000000304.tlog-proof" << QByteArray("\n\n{") << QByteArray("\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n{")
                                << "entries/000000000304.json";
    QTest::newRow("proof-index") << "proofs/000000000304.tlog-proof" << QByteArray("index 303") << QByteArray("index 302")
                                 << "proofs/000000000304.tlog-proof";
    QTest::newRow("checkpoint") << "checkpoint.json" << QByteArray(R"("size": )") << QByteArray(R"("size": 1)") << "checkpoint.json";
    QTest::newRow("approver-key") << "keys/bob.pem" << QByteArray("MCowBQYDK2Vw") << QByteArray("MCowBQYDK2Vx") << "keys/bob.pem";
    QTest::newRow("missing-entry") << "entries/000000000306.json" << QByteArray() << QByteArray() << "entries/000000000306.json";
    QTest::newRow("added-file") << "entries/000000000001.json" << QByteArray("+") << QByteArray("{}") << "entries/000000000001.json";
}

void AuditTimelineCliTest::alteredEvidenceFails()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, named);
    const QString copy = m_dir.filePath(QStringLiteral("altered-%1").arg(QString::fromLatin1(QTest::currentDataTag())));
    copyTree(m_bundle, copy);
    if (!file.contains(u'/')) {
        for (const QFileInfo& info : QDir(copy + QStringLiteral("/entries")).entryInfoList(QDir::Files, QDir::Name)) {
            QFile entry(info.filePath());
            QVERIFY(entry.open(QIODevice::ReadOnly));
            if (entry.readAll().contains(QString(QStringLiteral("\"type\":\"") + file + u'"').toUtf8())) {
                file = QStringLiteral("entries/") + info.fileName();
                break;
            }
        }
    }
    if (named == u'=')
        named = file;
    QFile target(copy + u'/' + file);
    if (from.isEmpty()) {
        QVERIFY(target.remove());
    } else if (from == "+") {
        QVERIFY(target.open(QIODevice::WriteOnly));
        target.write(to);
        target.close();
    } else {
        QVERIFY(target.open(QIODevice::ReadWrite));
        QByteArray bytes = target.readAll();
        const qsizetype at = bytes.indexOf(from);
        QVERIFY2(at >= 0, bytes.constData());
        bytes.replace(at, from.size(), to);
        QVERIFY(target.resize(0));
        QVERIFY(target.seek(0));
        target.write(bytes);
        target.close();
    }
    const Run checked = cli({QStringLiteral("verify-evidence"), copy});
    QCOMPARE(checked.exitCode, 1);
    QVERIFY2(checked.err.startsWith(QString(QStringLiteral("error: ") + named + u':').toUtf8()), checked.err.constData());
    QCOMPARE(QJsonDocument::fromJson(checked.out).object().value(QStringLiteral("file")).toString(), named);
}

QTEST_GUILESS_MAIN(AuditTimelineCliTest)
#include "AuditTimelineCliTest.moc"
