// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/ProcessRun.h"

using cs::test::Run;

//! countersign-cli world export|import as a script runs them: the world file out and in, all or
//! nothing, and a workspace built from nothing with the demo's people, world and policy that
//! decides the demo's intents as the demo does.
class WorldCliTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void demoFromNothing();
    void importRefusals_data();
    void importRefusals();
    void singleChanges();
    void editsDescribingTexts_data();
    void editsDescribingTexts();

private:
    QString path(const QString& name) const { return m_dir->filePath(name); }
    static Run cli(const QStringList& arguments, const QStringList& env = {})
    {
        return cs::test::runProgram(QStringLiteral(CS_CLI_PATH), arguments, env);
    }
    static QByteArray readFile(const QString& file)
    {
        QFile in(file);
        return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
    }
    //! The log's size and the world as exported: what a refused import must leave as it was.
    QByteArray state(const QString& ws) const;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void WorldCliTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QByteArray WorldCliTest::state(const QString& ws) const
{
    const QJsonObject status = QJsonDocument::fromJson(cli({QStringLiteral("status"), ws}).out).object();
    const QString out = path(QStringLiteral("state.json"));
    if (cli({QStringLiteral("world"), QStringLiteral("export"), ws, QStringLiteral("--out"), out}).exitCode != 0)
        return {};
    return QJsonDocument(status.value(QStringLiteral("audit")).toObject()).toJson(QJsonDocument::Compact) + readFile(out);
}

void WorldCliTest::demoFromNothing()
{
    const QString demo = path(QStringLiteral("demo"));
    const QString own = path(QStringLiteral("own"));
    const QString world = path(QStringLiteral("world.json"));
    const QString policy = path(QStringLiteral("policy.json"));
    QCOMPARE(cli({QStringLiteral("init"), demo, QStringLiteral("--demo")}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("world"), QStringLiteral("export"), demo, QStringLiteral("--out"), world}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("policy"), QStringLiteral("export"), demo, QStringLiteral("--out"), policy}).exitCode, 0);

    // The demo's people, world and policy, made with the commands anyone has.
    const QStringList keys{QStringLiteral("COUNTERSIGN_ENGINE_PASSPHRASE=engine secret"),
                           QStringLiteral("COUNTERSIGN_PASSPHRASE=rita secret"),
                           QStringLiteral("COUNTERSIGN_NEW_PASSPHRASE=their secret")};
    QCOMPARE(cli({QStringLiteral("init"), own, QStringLiteral("--risk-manager"), QStringLiteral("rita")}, keys).exitCode, 0);
    for (const char* agent : {"treasury-bot", "api-buyer", "trader", "payroll-bot"})
        QCOMPARE(cli({QStringLiteral("principal"), QStringLiteral("add"), own, QLatin1String(agent), QStringLiteral("--role"),
                      QStringLiteral("agent"), QStringLiteral("--as"), QStringLiteral("rita")},
                     keys)
                     .exitCode,
                 0);
    for (const char* approver : {"alice", "bob"})
        QCOMPARE(cli({QStringLiteral("principal"), QStringLiteral("add"), own, QLatin1String(approver), QStringLiteral("--role"),
                      QStringLiteral("approver"), QStringLiteral("--as"), QStringLiteral("rita")},
                     keys)
                     .exitCode,
                 0);
    const Run imported = cli({QStringLiteral("world"), QStringLiteral("import"), own, world, QStringLiteral("--as"),
                              QStringLiteral("rita")},
                             keys);
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const QJsonObject added = QJsonDocument::fromJson(imported.out).object();
    QCOMPARE(added.value(QStringLiteral("unchanged")).toInt(), 0);
    QVERIFY(added.value(QStringLiteral("added")).toInt() > 30);
    QVERIFY(added.value(QStringLiteral("entry_seq")).toInt() > 0);
    // The same file again changes nothing: no entry, the log as it was.
    const QByteArray before = state(own);
    const Run again = cli({QStringLiteral("world"), QStringLiteral("import"), own, world, QStringLiteral("--as"),
                           QStringLiteral("rita")},
                          keys);
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QStringLiteral("added")).toInt(), 0);
    QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QStringLiteral("entry_seq")).toInt(), 0);
    QCOMPARE(state(own), before);
    QCOMPARE(cli({QStringLiteral("policy"), QStringLiteral("publish"), own, policy, QStringLiteral("--as"), QStringLiteral("rita")},
                 keys)
                 .exitCode,
             0);
    // The opening balances are in the log: verify recomputes every one of them.
    const Run verified = cli({QStringLiteral("verify"), own, QStringLiteral("--full")});
    QVERIFY2(verified.exitCode == 0, verified.out.constData());
    QVERIFY(QJsonDocument::fromJson(verified.out).object().value(QStringLiteral("balances_checked")).toInt() >= 17);

    // Both decide the demo's 106 intents alike: the same outcomes, the same balances after, the
    // same proposals waiting with the same subjects to sign.
    const Run demoRun = cli({QStringLiteral("run"), demo});
    const Run ownRun = cli({QStringLiteral("run"), own, QStringLiteral("--intents"), demo + QStringLiteral("/intents.jsonl")}, keys);
    QCOMPARE(demoRun.exitCode, 0);
    QVERIFY2(ownRun.exitCode == 0, ownRun.err.constData());
    const QJsonObject demoCounts = QJsonDocument::fromJson(demoRun.out).object();
    QCOMPARE(demoCounts.value(QStringLiteral("intents")).toInt(), 106);
    QCOMPARE(QJsonDocument::fromJson(ownRun.out).object(), demoCounts);
    const auto worldAfter = [&](const QString& ws) {
        const QString out = path(QStringLiteral("after.json"));
        return cli({QStringLiteral("world"), QStringLiteral("export"), ws, QStringLiteral("--out"), out}).exitCode == 0 ? readFile(out)
                                                                                                                      : QByteArray();
    };
    QCOMPARE(worldAfter(own), worldAfter(demo));
    const auto waiting = [&](const QString& ws) {
        QStringList subjects;
        for (const QJsonValue& item : QJsonDocument::fromJson(cli({QStringLiteral("queue"), ws}).out).array())
            subjects << item.toObject().value(QStringLiteral("id")).toString() + u'='
                            + item.toObject().value(QStringLiteral("subject_sha256")).toString();
        return subjects;
    };
    const QStringList demoWaiting = waiting(demo);
    QCOMPARE(demoWaiting.size(), 14);
    QCOMPARE(waiting(own), demoWaiting);
}

void WorldCliTest::importRefusals_data()
{
    QTest::addColumn<QByteArray>("from"); // in the demo's own export, replaced once
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("actor");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown-field") << QByteArray(R"("id": "api-buyer:main",)") << QByteArray(R"("id": "api-buyer:main", "colour": "red",)")
                                   << QStringLiteral("rita") << 2 << QStringLiteral("world.accounts[0].colour: unknown field");
    QTest::newRow("inexact-amount") << QByteArray(R"("USDC": "1200")") << QByteArray(R"("USDC": "1200.0000001")")
                                    << QStringLiteral("rita") << 2 << QStringLiteral("world.accounts[0].balances.USDC");
    QTest::newRow("amount-as-number") << QByteArray(R"("USDC": "1200")") << QByteArray(R"("USDC": 1200)") << QStringLiteral("rita")
                                      << 2 << QStringLiteral("world.accounts[0].balances.USDC: amounts are decimal strings");
    QTest::newRow("unknown-asset") << QByteArray(R"("USDC": "1200")") << QByteArray(R"("BTC": "1200")") << QStringLiteral("rita")
                                   << 2 << QStringLiteral("unknown asset BTC");
    QTest::newRow("wrong-format") << QByteArray(R"("format": "countersign.world/1")") << QByteArray(R"("format": "countersign.world/2")")
                                  << QStringLiteral("rita") << 2 << QStringLiteral("world.format: expected countersign.world/1");
    QTest::newRow("duplicate-key") << QByteArray(R"("format": "countersign.world/1")")
                                   << QByteArray(R"("format": "countersign.world/1", "format": "countersign.world/1")")
                                   << QStringLiteral("rita") << 2 << QStringLiteral("duplicate");
    QTest::newRow("changes-what-exists") << QByteArray(R"("name": "DEX Alpha")") << QByteArray(R"("name": "DEX Alpha II")")
                                         << QStringLiteral("rita") << 2 << QStringLiteral("exists already with other values");
    QTest::newRow("new-but-bad-later") << QByteArray(R"("venues": [)")
                                       << QByteArray(R"("venues": [{"id": "new-venue", "kind": "amm", "name": "New"}, {"id": "Bad Venue", "kind": "amm", "name": "B"},)")
                                       << QStringLiteral("rita") << 2 << QStringLiteral("world.venues[1].id: must match");
    QTest::newRow("by-an-approver") << QByteArray(R"("venues": [)")
                                    << QByteArray(R"("venues": [{"id": "new-venue", "kind": "amm", "name": "New"},)")
                                    << QStringLiteral("alice") << 6 << QStringLiteral("only a risk manager may change the world");
}

void WorldCliTest::importRefusals()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, actor);
    QFETCH(int, exitCode);
    QFETCH(QString, error);
    const QString demo = path(QStringLiteral("demo"));
    const QString file = path(QStringLiteral("world.json"));
    QCOMPARE(cli({QStringLiteral("init"), demo, QStringLiteral("--demo")}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("world"), QStringLiteral("export"), demo, QStringLiteral("--out"), file}).exitCode, 0);
    QByteArray document = readFile(file);
    QVERIFY2(document.contains(from), from.constData());
    document.replace(document.indexOf(from), from.size(), to);
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(document);
    out.close();
    const QByteArray before = state(demo);
    const Run refused = cli({QStringLiteral("world"), QStringLiteral("import"), demo, file, QStringLiteral("--as"), actor});
    QCOMPARE(refused.exitCode, exitCode);
    QVERIFY2(refused.err.contains(error.toUtf8()), refused.err.constData());
    QVERIFY(refused.out.isEmpty());
    QCOMPARE(state(demo), before); // all or nothing: nothing
}

void WorldCliTest::singleChanges()
{
    const QString demo = path(QStringLiteral("demo"));
    QCOMPARE(cli({QStringLiteral("init"), demo, QStringLiteral("--demo")}).exitCode, 0);
    const QStringList addCloud{QStringLiteral("world"), QStringLiteral("add"), demo, QStringLiteral("counterparties"),
                               QStringLiteral(R"({"id": "cloud-api", "name": "Cloud API", "kind": "api"})"),
                               QStringLiteral("--as"), QStringLiteral("rita")};
    const Run added = cli(addCloud);
    QVERIFY2(added.exitCode == 0, added.err.constData());
    QCOMPARE(QJsonDocument::fromJson(added.out).object().value(QStringLiteral("added")).toInt(), 1);
    QVERIFY(state(demo).contains("\"cloud-api\""));
    // The same item again is there already: nothing written.
    QByteArray before = state(demo);
    QCOMPARE(QJsonDocument::fromJson(cli(addCloud).out).object().value(QStringLiteral("unchanged")).toInt(), 1);
    QCOMPARE(state(demo), before);

    const auto price = [&](const char* value, const char* actor) {
        return cli({QStringLiteral("world"), QStringLiteral("price"), demo, QStringLiteral("ETH"), QStringLiteral("USDC"),
                    QLatin1String(value), QStringLiteral("--source"), QStringLiteral("desk quote"), QStringLiteral("--as"),
                    QLatin1String(actor)});
    };
    const Run set = price("3300.5", "rita");
    QVERIFY2(set.exitCode == 0, set.err.constData());
    QVERIFY(QJsonDocument::fromJson(set.out).object().value(QStringLiteral("entry_seq")).toInt() > 0);
    QVERIFY(state(demo).contains(R"("price": "3300.5")"));
    // Refused, with nothing written: an inexact price, an unknown asset, an approver.
    before = state(demo);
    const Run inexact = price("3300.0000001", "rita");
    QCOMPARE(inexact.exitCode, 2);
    QVERIFY2(inexact.err.contains("price: amount has 7 decimal places"), inexact.err.constData());
    const Run byApprover = price("3400", "alice");
    QCOMPARE(byApprover.exitCode, 6);
    const Run unknown = cli({QStringLiteral("world"), QStringLiteral("price"), demo, QStringLiteral("BTC"), QStringLiteral("USDC"),
                             QStringLiteral("90000"), QStringLiteral("--source"), QStringLiteral("x"), QStringLiteral("--as"),
                             QStringLiteral("rita")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("asset: no asset BTC"), unknown.err.constData());
    QCOMPARE(state(demo), before);
    QCOMPARE(cli({QStringLiteral("verify"), demo}).exitCode, 0);
}

void WorldCliTest::editsDescribingTexts_data()
{
    QTest::addColumn<QStringList>("edit"); // SECTION ID FIELD VALUE
    QTest::addColumn<QString>("actor");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("error");
    QTest::newRow("by-an-approver") << QStringList{QStringLiteral("counterparties"), QStringLiteral("weather-api"), QStringLiteral("name"), QStringLiteral("Weather Inc.")} << QStringLiteral("alice") << 6
                                    << QStringLiteral("only a risk manager may change the world");
    QTest::newRow("a-field-decisions-read") << QStringList{QStringLiteral("counterparties"), QStringLiteral("weather-api"), QStringLiteral("kind"), QStringLiteral("wallet")} << QStringLiteral("rita") << 2
                                            << QStringLiteral("field: counterparties have no text 'kind' to edit (only name)");
    QTest::newRow("an-unknown-section") << QStringList{QStringLiteral("prices"), QStringLiteral("ETH"), QStringLiteral("source"), QStringLiteral("x")} << QStringLiteral("rita") << 2
                                        << QStringLiteral("section: prices cannot be edited (assets, accounts, venues, counterparties, lists)");
    QTest::newRow("no-such-item") << QStringList{QStringLiteral("venues"), QStringLiteral("dex-omega"), QStringLiteral("name"), QStringLiteral("Omega")} << QStringLiteral("rita") << 2
                                  << QStringLiteral("id: no venues item 'dex-omega' in this workspace");
    QTest::newRow("an-empty-name") << QStringList{QStringLiteral("assets"), QStringLiteral("USDC"), QStringLiteral("name"), QStringLiteral("")} << QStringLiteral("rita") << 2 << QStringLiteral("value: a name cannot be empty");
    QTest::newRow("a-control-character") << QStringList{QStringLiteral("accounts"), QStringLiteral("api-buyer:main"), QStringLiteral("description"), QStringLiteral("two\nlines")} << QStringLiteral("rita") << 2
                                         << QStringLiteral("value: control characters are not allowed");
}

void WorldCliTest::editsDescribingTexts()
{
    QFETCH(QStringList, edit);
    QFETCH(QString, actor);
    QFETCH(int, exitCode);
    QFETCH(QString, error);
    const QString demo = path(QStringLiteral("demo"));
    QCOMPARE(cli({QStringLiteral("init"), demo, QStringLiteral("--demo")}).exitCode, 0);
    const auto run = [&](const QStringList& what, const QString& who) {
        return cli(QStringList{QStringLiteral("world"), QStringLiteral("edit"), demo} + what + QStringList{QStringLiteral("--as"), who});
    };
    // A refusal names the field and writes nothing.
    const QByteArray before = state(demo);
    const Run refused = run(edit, actor);
    QCOMPARE(refused.exitCode, exitCode);
    QVERIFY2(refused.err.contains(error.toUtf8()), refused.err.constData());
    QCOMPARE(state(demo), before);

    // The risk manager renames a counterparty: one signed world.changed entry, and the export shows it.
    const Run renamed = run({QStringLiteral("counterparties"), QStringLiteral("weather-api"), QStringLiteral("name"),
                             QStringLiteral("Weather Data Inc.")},
                            QStringLiteral("rita"));
    QVERIFY2(renamed.exitCode == 0, renamed.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(renamed.out).object();
    QVERIFY(result.value(QStringLiteral("entry_seq")).toInt() > 0);
    QCOMPARE(result.value(QStringLiteral("before")).toString(), QStringLiteral("Weather API"));
    QVERIFY(state(demo).contains(R"("name": "Weather Data Inc.")"));
    // The same text again changes nothing and writes nothing.
    const QByteArray renamedState = state(demo);
    const Run again = run({QStringLiteral("counterparties"), QStringLiteral("weather-api"), QStringLiteral("name"),
                           QStringLiteral("Weather Data Inc.")},
                          QStringLiteral("rita"));
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QStringLiteral("entry_seq")).toInt(), 0);
    QCOMPARE(state(demo), renamedState);
    QCOMPARE(cli({QStringLiteral("verify"), demo, QStringLiteral("--full")}).exitCode, 0);
}

QTEST_GUILESS_MAIN(WorldCliTest)
#include "WorldCliTest.moc"
