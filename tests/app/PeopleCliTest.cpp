// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/ProcessRun.h"

using cs::test::Run;

//! countersign-cli init --risk-manager and principal …, run as a script would: people and agents
//! of one's own, each change signed and audited, and everyone but a risk manager refused.
class PeopleCliTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void ownWorkspace();
    void refusals_data();
    void refusals();

private:
    QString ws() const { return m_dir->filePath(QStringLiteral("ws")); }
    static Run cli(const QStringList& arguments, const QStringList& env = {})
    {
        return cs::test::runProgram(QStringLiteral(CS_CLI_PATH), arguments, env);
    }
    //! The log's size and who is in the workspace: what a refused change must leave as it was.
    QByteArray state() const;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void PeopleCliTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QByteArray PeopleCliTest::state() const
{
    const QJsonObject status = QJsonDocument::fromJson(cli({QStringLiteral("status"), ws()}).out).object();
    return QJsonDocument(QJsonObject{{QStringLiteral("audit"), status.value(QStringLiteral("audit"))},
                                     {QStringLiteral("principals"), status.value(QStringLiteral("principals"))}})
        .toJson(QJsonDocument::Compact);
}

void PeopleCliTest::ownWorkspace()
{
    const QString engine = QStringLiteral("COUNTERSIGN_ENGINE_PASSPHRASE=engine secret");
    const QString asMara = QStringLiteral("COUNTERSIGN_PASSPHRASE=mara secret");
    const Run made = cli({QStringLiteral("init"), ws(), QStringLiteral("--risk-manager"), QStringLiteral("mara"),
                          QStringLiteral("--name"), QStringLiteral("Mara Okafor")},
                         {engine, asMara});
    QCOMPARE(made.exitCode, 0);

    // An agent and an approver with keys of their own; an analyst with none.
    const auto add = [&](const QString& id, const QString& role, const QStringList& more = {}) {
        return cli(QStringList{QStringLiteral("principal"), QStringLiteral("add"), ws(), id, QStringLiteral("--role"), role,
                               QStringLiteral("--as"), QStringLiteral("mara")}
                       + more,
                   {engine, asMara, QStringLiteral("COUNTERSIGN_NEW_PASSPHRASE=%1 secret").arg(id)});
    };
    const Run agent = add(QStringLiteral("ops-bot"), QStringLiteral("agent"),
                          {QStringLiteral("--name"), QStringLiteral("Ops bot"), QStringLiteral("--description"),
                           QStringLiteral("pays the cloud bills")});
    QVERIFY2(agent.exitCode == 0, agent.err.constData());
    const QJsonObject added = QJsonDocument::fromJson(agent.out).object();
    QCOMPARE(added.value(QStringLiteral("role")).toString(), QStringLiteral("agent"));
    QCOMPARE(added.value(QStringLiteral("name")).toString(), QStringLiteral("Ops bot"));
    QVERIFY(added.value(QStringLiteral("key_fingerprint")).toString().startsWith(QLatin1String("SHA256:")));
    QVERIFY(added.value(QStringLiteral("entry_seq")).toInt() > 4);
    QVERIFY(QFileInfo::exists(ws() + QStringLiteral("/keys/ops-bot.key")));
    QCOMPARE(add(QStringLiteral("ann"), QStringLiteral("approver")).exitCode, 0);
    const Run analyst = cli({QStringLiteral("principal"), QStringLiteral("add"), ws(), QStringLiteral("ola"), QStringLiteral("--role"),
                             QStringLiteral("analyst"), QStringLiteral("--as"), QStringLiteral("mara")},
                            {engine, asMara});
    QVERIFY2(analyst.exitCode == 0, analyst.err.constData());
    QVERIFY(QJsonDocument::fromJson(analyst.out).object().value(QStringLiteral("key_fingerprint")).isNull());
    QVERIFY(!QFileInfo::exists(ws() + QStringLiteral("/keys/ola.key")));

    const Run list = cli({QStringLiteral("principal"), QStringLiteral("list"), ws()});
    QCOMPARE(list.exitCode, 0);
    QStringList seen;
    for (const QJsonValue& value : QJsonDocument::fromJson(list.out).object().value(QStringLiteral("principals")).toArray()) {
        const QJsonObject principal = value.toObject();
        seen << principal.value(QStringLiteral("id")).toString() + u'=' + principal.value(QStringLiteral("role")).toString() + u'='
                    + principal.value(QStringLiteral("status")).toString();
        QVERIFY(!principal.value(QStringLiteral("created")).toString().isEmpty());
        QVERIFY(principal.contains(QStringLiteral("last_active")));
    }
    QCOMPARE(seen, (QStringList{QStringLiteral("ops-bot=agent=active"), QStringLiteral("ola=analyst=active"),
                                QStringLiteral("ann=approver=active"), QStringLiteral("engine=engine=active"),
                                QStringLiteral("mara=risk_manager=active")})); // by role, then id

    // Ann rotates her own key: the old one is retired, and what the log holds still verifies.
    const QJsonObject before = QJsonDocument::fromJson(cli({QStringLiteral("principal"), QStringLiteral("show"), ws(),
                                                            QStringLiteral("ann")}).out).object();
    const Run rotated = cli({QStringLiteral("principal"), QStringLiteral("rotate-key"), ws(), QStringLiteral("ann"),
                             QStringLiteral("--as"), QStringLiteral("ann")},
                            {engine, QStringLiteral("COUNTERSIGN_PASSPHRASE=ann secret"),
                             QStringLiteral("COUNTERSIGN_NEW_PASSPHRASE=ann's new secret")});
    QVERIFY2(rotated.exitCode == 0, rotated.err.constData());
    const QJsonObject after = QJsonDocument::fromJson(rotated.out).object();
    QVERIFY(after.value(QStringLiteral("key_fingerprint")) != before.value(QStringLiteral("key_fingerprint")));
    QCOMPARE(QDir(ws() + QStringLiteral("/keys/retired")).entryList(QDir::Files).size(), 1);
    QVERIFY(!QFileInfo::exists(ws() + QStringLiteral("/keys/ann.key.new")));
    const Run verified = cli({QStringLiteral("verify"), ws(), QStringLiteral("--full")});
    QVERIFY2(verified.exitCode == 0, verified.out.constData());

    // The old passphrase opens nothing now; the analyst signs nothing; the last risk manager stays.
    const QStringList suspendOps{QStringLiteral("principal"), QStringLiteral("suspend"), ws(), QStringLiteral("ops-bot"),
                                 QStringLiteral("--reason"), QStringLiteral("review")};
    const QByteArray unchanged = state();
    QCOMPARE(cli(QStringList{QStringLiteral("principal"), QStringLiteral("rotate-key"), ws(), QStringLiteral("ann"),
                             QStringLiteral("--as"), QStringLiteral("ann")},
                 {engine, QStringLiteral("COUNTERSIGN_PASSPHRASE=ann secret"), QStringLiteral("COUNTERSIGN_NEW_PASSPHRASE=x")})
                 .exitCode,
             2);
    QCOMPARE(cli(suspendOps + QStringList{QStringLiteral("--as"), QStringLiteral("ola")}, {engine, asMara}).exitCode, 6);
    QCOMPARE(cli({QStringLiteral("principal"), QStringLiteral("revoke"), ws(), QStringLiteral("mara"), QStringLiteral("--as"),
                  QStringLiteral("mara"), QStringLiteral("--reason"), QStringLiteral("leaving")},
                 {engine, asMara})
                 .exitCode,
             6);
    QCOMPARE(state(), unchanged);
    QCOMPARE(cli(suspendOps + QStringList{QStringLiteral("--as"), QStringLiteral("mara")}, {engine, asMara}).exitCode, 0);
}

void PeopleCliTest::refusals_data()
{
    QTest::addColumn<QStringList>("arguments"); // WS is inserted after the subcommand
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("error");
    const auto args = [](std::initializer_list<const char*> items) {
        QStringList list;
        for (const char* item : items)
            list << QString::fromUtf8(item);
        return list;
    };
    QTest::newRow("add-by-approver") << args({"add", "eve", "--role", "agent", "--as", "alice"}) << 6
                                     << QStringLiteral("only a risk manager may add");
    QTest::newRow("add-by-agent") << args({"add", "eve", "--role", "approver", "--as", "trader"}) << 6
                                  << QStringLiteral("only a risk manager may add");
    QTest::newRow("add-existing") << args({"add", "bob", "--role", "agent", "--as", "rita"}) << 2
                                  << QStringLiteral("already a principal");
    QTest::newRow("add-engine") << args({"add", "engine2", "--role", "engine", "--as", "rita"}) << 2
                                << QStringLiteral("--role agent, approver, risk_manager or analyst");
    QTest::newRow("add-bad-id") << args({"add", "Eve Smith", "--role", "agent", "--as", "rita"}) << 2
                                << QStringLiteral("is not a principal id");
    QTest::newRow("rotate-someone-else") << args({"rotate-key", "bob", "--as", "alice"}) << 6
                                         << QStringLiteral("rotated by its holder or a risk manager");
    QTest::newRow("revoke-last-risk-manager") << args({"revoke", "rita", "--as", "rita", "--reason", "leaving"}) << 6
                                              << QStringLiteral("last active risk manager");
    QTest::newRow("suspend-by-approver") << args({"suspend", "trader", "--as", "bob", "--reason", "x"}) << 6
                                         << QStringLiteral("only a risk manager");
}

void PeopleCliTest::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, error);
    QCOMPARE(cli({QStringLiteral("init"), ws(), QStringLiteral("--demo")}).exitCode, 0);
    const QByteArray before = state();
    QStringList command{QStringLiteral("principal"), arguments.first(), ws()};
    command += arguments.mid(1);
    const Run refused = cli(command);
    QCOMPARE(refused.exitCode, exitCode);
    QVERIFY2(refused.err.contains(error.toUtf8()), refused.err.constData());
    QVERIFY(refused.out.isEmpty());
    QCOMPARE(state(), before); // nothing written
    QVERIFY(!QFileInfo::exists(ws() + QStringLiteral("/keys/eve.key")));
}

QTEST_GUILESS_MAIN(PeopleCliTest)
#include "PeopleCliTest.moc"
