// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/api/Engine.h"
#include "core/domain/SecretScan.h"
#include "core/health/Doctor.h"
#include "core/storage/Database.h"
#include "core/workspace/Workspace.h"
#include "tests/support/DemoDesk.h"

#include <algorithm>

using namespace cs;

/**
 * The workspace's health (core/health, countersign-cli doctor) on a demo desk that has lived a
 * little: every red flag is checked and none fails; in a copy of the log where a check is
 * broken — a rationale removed, an approval quorum missing, a secret written into an entry —
 * that check fails naming the entry. A secret an agent writes into an intent's task never
 * reaches any file of the workspace, and doctor names the intent. And the scanner behind it
 * recognises what it says, and not amounts, hashes or plain sentences.
 */
class HealthTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theDemoIsHealthy();
    void aBrokenCheckFailsNamingTheEntry_data();
    void aBrokenCheckFailsNamingTheEntry();
    void aSecretInATaskNeverReachesTheWorkspace();
    void recognisesSecrets_data();
    void recognisesSecrets();

private:
    static const api::HealthItem& item(const api::HealthReport& report, const std::string& check);
    //! The report on the database file `path`, with the demo's four agents, keys and checkpoints.
    static api::HealthReport checked(const std::string& path);

    QTemporaryDir m_dir;
    std::shared_ptr<ManualClock> m_clock = std::make_shared<ManualClock>(Timestamp{1'795'600'000'000});
    std::shared_ptr<api::EngineFactory> m_factory = api::makeEngineFactory(m_clock);
    std::string m_ws;
};

void HealthTest::initTestCase()
{
    m_ws = m_dir.filePath(QStringLiteral("desk")).toStdString();
    QVERIFY(m_factory->createWorkspace(m_ws, {.demo = true}));
    auto opened = m_factory->openWorkspace(m_ws);
    QVERIFY(opened);
    QVERIFY(test::liveDemoDesk(**opened, *m_clock) > 0);
}

const api::HealthItem& HealthTest::item(const api::HealthReport& report, const std::string& check)
{
    const auto found = std::find_if(report.items.begin(), report.items.end(), [&](const api::HealthItem& it) { return it.check == check; });
    if (found == report.items.end())
        qFatal("no item %s", check.c_str());
    return *found;
}

api::HealthReport HealthTest::checked(const std::string& path)
{
    auto db = storage::Database::open(path, storage::OpenMode::MustExist);
    if (!db)
        qFatal("%s", db.error().message.c_str());
    auto report = health::checkHealth(*db, {{"api-buyer", true}, {"payroll-bot", true}, {"trader", true}, {"treasury-bot", true}}, 1);
    if (!report)
        qFatal("%s", report.error().message.c_str());
    return std::move(*report);
}

void HealthTest::theDemoIsHealthy()
{
    auto opened = m_factory->openWorkspace(m_ws);
    QVERIFY(opened);
    auto report = (*opened)->health();
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    QVERIFY(report->overall() != api::HealthStatus::Fail);
    for (const char* check : {"explained", "authorized", "private_data", "portable_reputation", "outcome_scoring", "approver_quality"}) {
        const api::HealthItem& it = item(*report, check);
        QVERIFY2(it.status == api::HealthStatus::Ok, (std::string(check) + ": " + it.summary).c_str());
        QVERIFY(!it.summary.empty());
    }
    QVERIFY(item(*report, "explained").counts.at("executed") > 0);
    // The approvers who gave verdicts are measured, each with a median time from the request.
    const api::HealthItem& approvers = item(*report, "approver_quality");
    QCOMPARE(approvers.counts.at("alice.verdicts"), std::int64_t(3));
    QCOMPARE(approvers.counts.at("alice.approvals"), std::int64_t(2));
    QCOMPARE(approvers.counts.at("bob.verdicts"), std::int64_t(2)); // his edit approves what he edited
    QCOMPARE(approvers.counts.at("alice.median_s"), std::int64_t(60));
}

void HealthTest::aBrokenCheckFailsNamingTheEntry_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("entryType"); // the entry altered: of this type, of int-0001
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("namedType"); // the entry the failure names
    QTest::newRow("no-rationale") << "explained" << "proposal.parsed" << R"(\"rationale\":\"Planned)" << R"(\"rationale\":\" \",\"x\":\"Planned)"
                                  << "settlement.receipt";
    QTest::newRow("no-reasons") << "explained" << "policy.decided" << R"("reasons":[{)" << R"("reasons":[],"was":[{)" << "settlement.receipt";
    QTest::newRow("no-allow") << "authorized" << "policy.decided" << R"("effect":"allow")" << R"("effect":"require_approval")"
                              << "settlement.receipt";
    QTest::newRow("secret-in-the-log") << "private_data" << "intent.received" << R"("agent":"api-buyer")"
                                       << R"("agent":"api-buyer","note":"key sk-live-AbCdEfGhIjKlMnOpQrStUv")" << "intent.received";
}

void HealthTest::aBrokenCheckFailsNamingTheEntry()
{
    QFETCH(QString, check);
    QFETCH(QString, entryType);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, namedType);
    {
        auto opened = m_factory->openWorkspace(m_ws); // closed again: the log is whole in the file
        QVERIFY(opened);
    }
    const QString copy = m_dir.filePath(QStringLiteral("broken-%1.db").arg(QString::fromLatin1(QTest::currentDataTag())));
    QFile::remove(copy);
    QVERIFY(QFile::copy(QString::fromStdString(m_ws + "/countersign.db"), copy));
    std::int64_t named = 0;
    {
        auto db = storage::Database::open(copy.toStdString(), storage::OpenMode::MustExist);
        QVERIFY(db);
        QVERIFY(db->exec("DROP TRIGGER audit_entries_append_only_update;"));
        const auto seqOf = [&](const QString& type) {
            auto seq = db->queryInt("SELECT min(seq) FROM audit_entries WHERE type = '" + type.toStdString()
                                    + "' AND body LIKE '%\"intent\":\"int-0001\"%'");
            return seq ? *seq : 0;
        };
        const std::int64_t altered = seqOf(entryType);
        QVERIFY(altered > 0);
        auto update = db->prepare("UPDATE audit_entries SET body = replace(body, ?1, ?2) WHERE seq = ?3");
        QVERIFY(update);
        update->bind(1, from.toStdString()).bind(2, to.toStdString()).bind(3, altered);
        QVERIFY(update->step());
        QCOMPARE(*db->queryInt("SELECT changes()"), std::int64_t(1));
        named = seqOf(namedType);
    }
    const api::HealthReport report = checked(copy.toStdString());
    QVERIFY(report.overall() == api::HealthStatus::Fail);
    const api::HealthItem& broken = item(report, check.toStdString());
    QVERIFY2(broken.status == api::HealthStatus::Fail, broken.summary.c_str());
    QCOMPARE(broken.entries.size(), std::size_t(1));
    QCOMPARE(broken.entries.front(), named);
    QVERIFY2(broken.findings.front().find("entry " + std::to_string(named)) != std::string::npos, broken.findings.front().c_str());
    QVERIFY(broken.findings.front().find("sk-live") == std::string::npos); // a secret is named by its kind, never shown
    // The other checks still hold.
    for (const api::HealthItem& other : report.items) {
        if (other.check != broken.check)
            QVERIFY2(other.status != api::HealthStatus::Fail, other.check.c_str());
    }
}

void HealthTest::aSecretInATaskNeverReachesTheWorkspace()
{
    const std::string ws = m_dir.filePath(QStringLiteral("secret")).toStdString();
    QVERIFY(m_factory->createWorkspace(ws, {.demo = true}));
    const QString intents = m_dir.filePath(QStringLiteral("secret-intents.jsonl"));
    {
        QFile file(intents);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"id": "int-s1", "offset_s": 60, "agent": "api-buyer", "task": "Buy 1000 calls from weather-api at 0.025 USDC per call; card 4111 1111 1111 1111, key sk-live-AbCdEfGhIjKlMnOpQrStUv", )"
                   R"("action": {"type": "pay_api", "asset": "USDC", "amount": "25", "to": "weather-api", "venue": "x402", "params": {"calls": "1000"}}, )"
                   R"("context": {"quote": "0.025 USDC/call", "source": "weather-api /pricing"}})"
                   "\n");
    }
    {
        auto opened = m_factory->openWorkspace(ws);
        QVERIFY(opened);
        api::Engine::RunOptions options;
        options.intentsFile = intents.toStdString();
        const auto ran = (*opened)->runIntents(options);
        QVERIFY2(ran && ran->size() == 1, ran ? "" : ran.error().message.c_str());
        auto report = (*opened)->health();
        QVERIFY(report);
        const api::HealthItem& privacy = item(*report, "private_data");
        QVERIFY(privacy.status == api::HealthStatus::Warn);
        QCOMPARE(privacy.findings.size(), std::size_t(2));
        for (const std::string& finding : privacy.findings) {
            QVERIFY2(finding.rfind("int-s1: ", 0) == 0, finding.c_str());
            QVERIFY(finding.find("4111") == std::string::npos && finding.find("sk-live") == std::string::npos);
        }
        QVERIFY(report->overall() == api::HealthStatus::Warn); // warnings allowed: doctor exits 0
    }
    // Not in the database, its WAL, the checkpoints or any other file the workspace holds.
    for (QDirIterator it(QString::fromStdString(ws), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains("4111 1111 1111 1111") && !bytes.contains("sk-live-AbCdEfGhIjKlMnOpQrStUv"), qPrintable(file.fileName()));
    }
}

void HealthTest::recognisesSecrets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("kinds");
    QTest::newRow("card") << "pay with 4111 1111 1111 1111 today" << QStringList{QStringLiteral("card_number")};
    QTest::newRow("card-unspaced") << "card 5500005555555559." << QStringList{QStringLiteral("card_number")};
    QTest::newRow("not-luhn") << "order 4111 1111 1111 1112" << QStringList{};
    QTest::newRow("decimal-amount") << "amount 2.8701088431234567 ETH" << QStringList{};
    QTest::newRow("hash") << "state 03c7f7bb5738e367df3c0dd505226cb03e469c67711ccd8406626a437a7e87f1" << QStringList{};
    QTest::newRow("openai-key") << "use sk-proj-abcdefghijklmnop1234" << QStringList{QStringLiteral("api_key")};
    QTest::newRow("aws-key") << "AKIAIOSFODNN7EXAMPLE is ours" << QStringList{QStringLiteral("api_key")};
    QTest::newRow("pem") << "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n-----END PRIVATE KEY-----" << QStringList{QStringLiteral("private_key")};
    QTest::newRow("hex-private-key") << "private key: 0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
                                     << QStringList{QStringLiteral("private_key")};
    QTest::newRow("seed") << "my seed phrase: abandon ability able about above absent absorb abstract absurd abuse access accident"
                          << QStringList{QStringLiteral("seed_phrase")};
    QTest::newRow("plain-sentence") << "please buy one thousand calls from the weather api at the quoted rate for the team" << QStringList{};
    QTest::newRow("two") << "key sk-live-AbCdEfGhIjKlMnOpQrStUv and card 4111-1111-1111-1111"
                         << QStringList{QStringLiteral("api_key"), QStringLiteral("card_number")};
}

void HealthTest::recognisesSecrets()
{
    QFETCH(QString, text);
    QFETCH(QStringList, kinds);
    QStringList found;
    for (const SecretFound& secret : findSecrets(text))
        found << QString::fromStdString(secret.kind);
    QCOMPARE(found, kinds);
    std::vector<std::string> redactedKinds;
    const QString redacted = redactSecrets(text, redactedKinds);
    QCOMPARE(static_cast<qsizetype>(redactedKinds.size()), kinds.size());
    QCOMPARE(redacted.count(QStringLiteral("[redacted]")), kinds.size());
    if (!kinds.isEmpty())
        QVERIFY(findSecrets(redacted).empty());
    else
        QCOMPARE(redacted, text);
}

QTEST_GUILESS_MAIN(HealthTest)
#include "HealthTest.moc"
