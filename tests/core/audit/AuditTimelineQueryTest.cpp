// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "core/api/Engine.h"
#include "core/audit/Timeline.h"
#include "core/identity/KeyFile.h"
#include "core/storage/Database.h"
#include "core/workspace/Workspace.h"

using namespace cs;

/**
 * What the audit timeline reads (core/audit/Timeline) on the demo's log, each filter held
 * against an independent count made here by reading every entry: an agent's entries, an
 * outcome, a text, a proposal; the strip's counts add up to the log; every row of a proposal
 * shows its agent; an entry's detail checks its hashes, signature and proof; a body that is not
 * JSON (an altered one) neither breaks a query nor shows fields.
 */
class AuditTimelineQueryTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void filtersKeepExactlyWhatTheyName_data();
    void filtersKeepExactlyWhatTheyName();
    void rowsAndStrip();
    void detailOfAReceipt();
    void aBodyThatIsNotJson();

private:
    struct Plain
    {
        std::int64_t seq;
        std::string type;
        std::string actor;
        std::string body;
        QJsonObject json;
    };
    storage::Database open() const;

    QTemporaryDir m_dir;
    std::string m_ws;
    std::vector<Plain> m_entries;
};

storage::Database AuditTimelineQueryTest::open() const
{
    auto db = storage::Database::open(m_ws + "/countersign.db", storage::OpenMode::MustExist);
    if (!db)
        qFatal("%s", db.error().message.c_str());
    return std::move(*db);
}

void AuditTimelineQueryTest::initTestCase()
{
    auto factory = api::makeEngineFactory(std::make_shared<ManualClock>(Timestamp{1'795'600'000'000}));
    m_ws = m_dir.filePath(QStringLiteral("demo")).toStdString();
    QVERIFY(factory->createWorkspace(m_ws, {.demo = true}));
    {
        auto engine = factory->openWorkspace(m_ws);
        QVERIFY(engine && (*engine)->runIntents({}));
    }
    auto db = open();
    auto query = db.prepare("SELECT seq, type, actor, body FROM audit_entries ORDER BY seq");
    QVERIFY(storage::eachRow(*query, [&](storage::Statement& row) -> Result<void> {
        m_entries.push_back({row.int64At(0), row.textAt(1), row.textAt(2), row.textAt(3),
                             QJsonDocument::fromJson(QByteArray::fromStdString(row.textAt(3))).object()});
        return {};
    }));
    QVERIFY(m_entries.size() > 500);
}

void AuditTimelineQueryTest::filtersKeepExactlyWhatTheyName_data()
{
    QTest::addColumn<QString>("agent");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("intent");
    QTest::newRow("agent") << "trader" << "" << "" << "";
    QTest::newRow("outcome") << "" << "deny" << "" << "";
    QTest::newRow("executed") << "" << "executed" << "" << "";
    QTest::newRow("text") << "" << "" << "WEATHER-api" << "";
    QTest::newRow("proposal") << "" << "" << "" << "int-0052";
    QTest::newRow("agent-and-outcome") << "payroll-bot" << "require_approval" << "" << "";
}

void AuditTimelineQueryTest::filtersKeepExactlyWhatTheyName()
{
    QFETCH(QString, agent);
    QFETCH(QString, outcome);
    QFETCH(QString, text);
    QFETCH(QString, intent);
    // The intents each agent began, read here from the entries themselves.
    std::map<std::string, std::string> began;
    for (const Plain& entry : m_entries) {
        if (entry.type == "intent.received")
            began[entry.json.value(QStringLiteral("intent")).toString().toStdString()] = entry.actor;
    }
    std::vector<std::int64_t> expected;
    for (const Plain& entry : m_entries) {
        const std::string of = entry.json.value(QStringLiteral("intent")).toString().toStdString();
        bool keep = true;
        if (!agent.isEmpty())
            keep = keep && (entry.actor == agent.toStdString() || (began.count(of) != 0 && began[of] == agent.toStdString()));
        if (outcome == QLatin1String("executed"))
            keep = keep && entry.type == "settlement.receipt";
        else if (!outcome.isEmpty())
            keep = keep && entry.type == "policy.decided" && entry.json.value(QStringLiteral("effect")).toString() == outcome;
        if (!text.isEmpty())
            keep = keep && QString::fromStdString(entry.body + entry.type + entry.actor).contains(text, Qt::CaseInsensitive);
        if (!intent.isEmpty())
            keep = keep && of == intent.toStdString();
        if (keep)
            expected.push_back(entry.seq);
    }
    QVERIFY(!expected.empty());
    api::AuditQuery query;
    query.agent = agent.toStdString();
    query.outcome = outcome.toStdString();
    query.text = text.toStdString();
    query.intent = intent.toStdString();
    auto db = open();
    const auto kept = audit::matchingEntries(db, query);
    QVERIFY2(kept, kept ? "" : kept.error().message.c_str());
    QCOMPARE(*kept, expected);
}

void AuditTimelineQueryTest::rowsAndStrip()
{
    auto db = open();
    std::vector<std::int64_t> all;
    for (const Plain& entry : m_entries)
        all.push_back(entry.seq);
    const auto rows = audit::rowsOf(db, all);
    QVERIFY(rows);
    QCOMPARE(rows->size(), m_entries.size());
    for (const api::AuditRow& row : *rows) {
        if (!row.intent.empty())
            QVERIFY2(!row.agent.empty(), row.type.c_str()); // every entry of a proposal shows its agent
    }
    const auto histogram = audit::histogramOf(db, {});
    QVERIFY(histogram);
    std::int64_t total = 0;
    for (const api::AuditBucket& bucket : histogram->buckets) {
        for (std::int64_t count : bucket.counts)
            total += count;
        QVERIFY(bucket.firstSeq >= 1);
    }
    QCOMPARE(total, static_cast<std::int64_t>(m_entries.size()));
}

void AuditTimelineQueryTest::detailOfAReceipt()
{
    auto db = open();
    const auto receipt = std::find_if(m_entries.begin(), m_entries.end(), [](const Plain& e) { return e.type == "settlement.receipt"; });
    QVERIFY(receipt != m_entries.end());
    auto engineKey = identity::readKeyFileInfo(m_ws + "/keys/engine.key");
    QVERIFY(engineKey);
    const auto detail = audit::entryDetail(db, receipt->seq, engineKey->publicKey);
    QVERIFY2(detail, detail ? "" : detail.error().message.c_str());
    QVERIFY(detail->leafMatches);
    QVERIFY(detail->prevMatches);
    QCOMPARE(detail->signature, api::SignatureState::Valid);
    QVERIFY2(detail->proofValid, detail->proofProblem.c_str());
    QVERIFY(!detail->proofPath.empty());
    QCOMPARE(detail->related.back().seq, receipt->seq);
    QCOMPARE(detail->related.front().type, std::string("intent.received"));
}

void AuditTimelineQueryTest::aBodyThatIsNotJson()
{
    auto db = open();
    QVERIFY(db.exec("DROP TRIGGER audit_entries_append_only_update;"
                    "UPDATE audit_entries SET body = 'not json' WHERE seq = 13;"));
    api::AuditQuery query;
    query.intent = "int-0001";
    const auto kept = audit::matchingEntries(db, query);
    QVERIFY2(kept, kept ? "" : kept.error().message.c_str());
    // The proposal an entry belongs to is the one its body named when it was appended (the intent
    // column, which verify holds against the body): an altered entry stays where it was written,
    // so the analyst finds it in its proposal's timeline, shown as naming none.
    QVERIFY(std::find(kept->begin(), kept->end(), 13) != kept->end());
    query = {};
    query.outcome = "deny";
    QVERIFY(audit::matchingEntries(db, query));
    const std::vector<std::int64_t> one{13};
    const auto rows = audit::rowsOf(db, one);
    QVERIFY(rows && rows->size() == 1);
    QVERIFY(rows->front().intent.empty());
}

QTEST_GUILESS_MAIN(AuditTimelineQueryTest)
#include "AuditTimelineQueryTest.moc"
