// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "core/api/Engine.h"
#include "core/api/Tools.h"
#include "core/audit/Entry.h"
#include "core/health/Doctor.h"
#include "core/reputation/Reputation.h"
#include "core/storage/Database.h"
#include "core/workspace/Workspace.h"
#include "tests/support/DemoDesk.h"
#include "tests/support/TestSupport.h"

#include <cmath>

using namespace cs;

/**
 * Agents' reputation (core/reputation) on a demo desk that has lived a little (liveDemoDesk: the
 * pipeline, approvals, an edit, a human rejection) and on hand-made paths: every outcome counts what
 * the table in Reputation.h says; each change of a score names the entries behind it, which all
 * belong to its proposal; scores recomputed from a copy of the log with every mutable table
 * emptied are the engine's, exactly; an agent that only repeats small allowed actions stays
 * below one with fewer, harder, clean outcomes; attestations verify and an altered one fails.
 */
class ReputationTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void scoresAndTracesOnTheDemo();
    void recomputedFromTheLogAlone();
    void eachOutcomeCounts_data();
    void eachOutcomeCounts();
    void volumeDoesNotBeatOutcomes_data();
    void volumeDoesNotBeatOutcomes();
    void attestationVerifiesAndAlteredFails_data();
    void attestationVerifiesAndAlteredFails();
    void askedAgainFoldsOnlyWhatIsNew_data();
    void askedAgainFoldsOnlyWhatIsNew();

private:
    //! Every agent's score, counts and events the same in both.
    static void compareReports(const api::ReputationReport& a, const api::ReputationReport& b);
    //! A hand-made entry; `body` is JSON.
    static audit::Entry entry(std::int64_t seq, std::int64_t timeMs, const char* type, const std::string& actor, const std::string& body);
    static const api::ReputationEvent* eventOf(const api::ReputationReport& report, const std::string& intent);

    QTemporaryDir m_dir;
    std::shared_ptr<ManualClock> m_clock = std::make_shared<ManualClock>(Timestamp{1'795'600'000'000});
    std::shared_ptr<api::EngineFactory> m_factory;
    std::string m_ws;
    api::ReputationReport m_report;
};

void ReputationTest::initTestCase()
{
    m_factory = api::makeEngineFactory(m_clock);
    m_ws = m_dir.filePath(QStringLiteral("desk")).toStdString();
    QVERIFY(m_factory->createWorkspace(m_ws, {.demo = true}));
    auto opened = m_factory->openWorkspace(m_ws);
    QVERIFY(opened);
    api::Engine& engine = **opened;
    QVERIFY(test::liveDemoDesk(engine, *m_clock) > 0);
    auto report = engine.reputation();
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    m_report = std::move(*report);
    opened->reset(); // closed: the log is whole in the database file, which a test copies
}

audit::Entry ReputationTest::entry(std::int64_t seq, std::int64_t timeMs, const char* type, const std::string& actor,
                                   const std::string& body)
{
    audit::Entry made;
    made.seq = seq;
    made.time = Timestamp{timeMs};
    made.type = type;
    made.actor = actor;
    made.body = body;
    return made;
}

const api::ReputationEvent* ReputationTest::eventOf(const api::ReputationReport& report, const std::string& intent)
{
    for (const api::AgentReputation& agent : report.agents) {
        for (const api::ReputationEvent& event : agent.events) {
            if (event.intent == intent)
                return &event;
        }
    }
    return nullptr;
}

void ReputationTest::scoresAndTracesOnTheDemo()
{
    // Every agent of the demo is there, best first, each in the tier its score says.
    QCOMPARE(m_report.agents.size(), std::size_t(4));
    for (std::size_t i = 1; i < m_report.agents.size(); ++i)
        QVERIFY(m_report.agents[i - 1].score >= m_report.agents[i].score);
    auto db = storage::Database::open(m_ws + "/countersign.db", storage::OpenMode::MustExist);
    QVERIFY(db);
    auto bodyOf = db->prepare("SELECT body FROM audit_entries WHERE seq = ?1");
    QVERIFY(bodyOf);
    for (const api::AgentReputation& agent : m_report.agents) {
        QVERIFY(agent.tier == reputation::tierOf(agent.score));
        QCOMPARE(static_cast<std::int64_t>(agent.events.size()), agent.outcomes);
        std::int64_t counted = 0;
        std::int64_t negative = 0;
        for (const api::ReputationEvent& event : agent.events) {
            counted += 1;
            negative += event.value < 0 ? 1 : 0;
            // The entries behind a change: its proposal's, in order, ending with the one that ended it.
            QVERIFY(!event.entries.empty());
            QCOMPARE(event.entries.back(), event.seq);
            QVERIFY(std::is_sorted(event.entries.begin(), event.entries.end()));
            for (std::int64_t seq : event.entries) {
                bodyOf->bind(1, seq);
                QVERIFY(*bodyOf->step());
                const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(bodyOf->textAt(0))).object();
                QCOMPARE(body.value(QStringLiteral("intent")).toString().toStdString(), event.intent);
                bodyOf->reset();
            }
        }
        QCOMPARE(counted, agent.outcomes);
        QCOMPARE(negative, agent.incidents);
        // The demo's history fits in a minute: no decay, so the last change is the score.
        if (!agent.events.empty())
            QCOMPARE(api::twoDecimals(agent.score), api::twoDecimals(agent.events.back().scoreAfter));
    }
    // What people did counts as the table says.
    const auto* approved = eventOf(m_report, "int-0013");
    QVERIFY(approved);
    QCOMPARE(approved->outcome, std::string("approved_executed"));
    const auto* edited = eventOf(m_report, "int-0051");
    QVERIFY(edited);
    QCOMPARE(edited->outcome, std::string("edited_executed"));
    const auto* rejected = eventOf(m_report, "int-0023");
    QVERIFY(rejected);
    QCOMPARE(rejected->outcome, std::string("human_rejected"));
    QVERIFY(rejected->value <= -0.75);
    // The strict parser's refusals are the worst outcome there is.
    bool sawMalformed = false;
    for (const api::AgentReputation& agent : m_report.agents) {
        for (const api::ReputationEvent& event : agent.events) {
            if (event.outcome == "malformed") {
                QCOMPARE(event.value, -1.0);
                sawMalformed = true;
            }
        }
    }
    QVERIFY(sawMalformed);
}

void ReputationTest::compareReports(const api::ReputationReport& a, const api::ReputationReport& b)
{
    QCOMPARE(a.entries, b.entries);
    QCOMPARE(a.agents.size(), b.agents.size());
    for (std::size_t i = 0; i < a.agents.size(); ++i) {
        const api::AgentReputation& x = a.agents[i];
        const api::AgentReputation& y = b.agents[i];
        QCOMPARE(x.agent, y.agent);
        QCOMPARE(x.score, y.score); // exactly: the same entries, the same arithmetic
        QCOMPARE(x.counts, y.counts);
        QCOMPARE(x.events.size(), y.events.size());
        for (std::size_t e = 0; e < x.events.size(); ++e) {
            QCOMPARE(x.events[e].seq, y.events[e].seq);
            QCOMPARE(x.events[e].scoreAfter, y.events[e].scoreAfter);
            QCOMPARE(x.events[e].entries, y.events[e].entries);
        }
    }
}

void ReputationTest::recomputedFromTheLogAlone()
{
    // A copy with every mutable table emptied: the scores come from the log, so nothing changes.
    const QString copy = m_dir.filePath(QStringLiteral("copy.db"));
    QFile::remove(copy);
    QVERIFY(QFile::copy(QString::fromStdString(m_ws + "/countersign.db"), copy));
    auto db = storage::Database::open(copy.toStdString(), storage::OpenMode::MustExist);
    QVERIFY(db);
    QVERIFY(db->exec("PRAGMA foreign_keys=OFF; DELETE FROM approvals; DELETE FROM approval_requests; DELETE FROM decisions;"
                     " DELETE FROM proposals; DELETE FROM ledger_postings; DELETE FROM settlements; DELETE FROM balances; DELETE FROM principals;"));
    auto again = reputation::computeReputation(*db);
    QVERIFY2(again, again ? "" : again.error().message.c_str());
    compareReports(*again, m_report);
    if (QTest::currentTestFailed())
        return;
    // And a prefix of the log gives the scores as they stood then.
    const std::int64_t half = m_report.entries / 2;
    auto earlier = reputation::computeReputation(*db, half);
    QVERIFY(earlier);
    QCOMPARE(earlier->entries, half);
    for (const api::AgentReputation& agent : earlier->agents) {
        for (const api::ReputationEvent& event : agent.events)
            QVERIFY(event.seq <= half);
    }
}

void ReputationTest::eachOutcomeCounts_data()
{
    QTest::addColumn<QStringList>("path"); // "type body" lines after the intent
    QTest::addColumn<QString>("outcome");  // empty: not counted
    QTest::addColumn<double>("value");
    const QString sim = QStringLiteral(R"(simulation.completed {"intent":"i","ok":true,"deltas":[{"account":"a:main","asset":"USDC","amount":"-5"},{"account":"cp:x","asset":"USDC","amount":"5"}]})");
    const QString receipt = QStringLiteral(R"(settlement.receipt {"intent":"i","postings":[{"account":"cp:x","asset":"USDC","amount":"5"},{"account":"a:main","asset":"USDC","amount":"-5"}]})");
    const QString allow = QStringLiteral(R"(policy.decided {"intent":"i","effect":"allow"})");
    const QString needs = QStringLiteral(R"(policy.decided {"intent":"i","effect":"require_approval"})");
    const QString granted = QStringLiteral(R"(approval.granted {"intent":"i","approver":"alice"})");
    QTest::newRow("routine") << QStringList{sim, allow, receipt} << "executed" << 0.5;
    QTest::newRow("approved") << QStringList{sim, needs, granted, receipt} << "approved_executed" << 1.0;
    QTest::newRow("edited") << QStringList{sim, needs, QStringLiteral(R"(proposal.edited {"intent":"i","by":"bob"})"), granted, receipt}
                            << "edited_executed" << -0.25;
    QTest::newRow("denied") << QStringList{sim, QStringLiteral(R"(policy.decided {"intent":"i","effect":"deny"})")} << "denied" << -0.5;
    QTest::newRow("denied-under-claimed")
        << QStringList{sim, QStringLiteral(R"(policy.decided {"intent":"i","effect":"deny","under_claimed":true})")} << "denied" << -1.0;
    QTest::newRow("under-claimed-executed")
        << QStringList{sim, QStringLiteral(R"(policy.decided {"intent":"i","effect":"allow","under_claimed":true})"), receipt}
        << "executed" << 0.0;
    QTest::newRow("drift") << QStringList{sim, allow, QStringLiteral(R"(settlement.receipt {"intent":"i","postings":[{"account":"a:main","asset":"USDC","amount":"-6"}]})")}
                           << "executed" << 0.0;
    QTest::newRow("human-rejected") << QStringList{sim, needs, QStringLiteral(R"(approval.rejected {"intent":"i","approver":"alice"})")}
                                    << "human_rejected" << -0.75;
    QTest::newRow("malformed") << QStringList{QStringLiteral(R"(proposal.rejected {"intent":"i","cause":"malformed"})")} << "malformed" << -1.0;
    QTest::newRow("intent-mismatch") << QStringList{QStringLiteral(R"(proposal.rejected {"intent":"i","cause":"intent_mismatch"})")}
                                     << "intent_mismatch" << -1.0;
    QTest::newRow("cannot-plan") << QStringList{QStringLiteral(R"(proposal.rejected {"intent":"i","cause":"cannot_plan"})")} << "cannot_plan" << 0.0;
    QTest::newRow("an-unknown-cause-is-malformed")
        << QStringList{QStringLiteral(R"(proposal.rejected {"intent":"i","cause":"surprise"})")} << "malformed" << -1.0;
    QTest::newRow("failed") << QStringList{sim, allow, QStringLiteral(R"(settlement.failed {"intent":"i","reason":"venue down"})")}
                            << "settlement_failed" << -0.25;
    QTest::newRow("refused-at-intake") << QStringList{QStringLiteral(R"(proposal.rejected {"intent":"i","cause":"intake"})")} << "" << 0.0;
    QTest::newRow("expired") << QStringList{sim, needs, QStringLiteral(R"(approval.expired {"intent":"i"})")} << "" << 0.0;
    QTest::newRow("decided-again-on-a-moved-world")
        << QStringList{sim, needs, granted, QStringLiteral(R"(policy.decided {"intent":"i","effect":"deny","decided_again":true})")} << "" << 0.0;
    QTest::newRow("not-json") << QStringList{QStringLiteral("settlement.receipt {not json")} << "" << 0.0;
}

void ReputationTest::eachOutcomeCounts()
{
    QFETCH(QStringList, path);
    QFETCH(QString, outcome);
    QFETCH(double, value);
    reputation::Scorer scorer;
    std::int64_t seq = 1;
    scorer.add(entry(seq++, 1000, audit::types::kIntentReceived, "a", R"({"agent":"a","intent":"i"})"));
    for (const QString& line : path) {
        const auto space = line.indexOf(u' ');
        const std::string type = line.left(space).toStdString();
        scorer.add(entry(seq++, 1000, type.c_str(), "engine", line.mid(space + 1).toStdString()));
    }
    const api::ReputationReport report = scorer.report();
    QCOMPARE(report.entries, seq - 1);
    QCOMPARE(report.agents.size(), std::size_t(1));
    const api::AgentReputation& agent = report.agents.front();
    if (outcome.isEmpty()) {
        QCOMPARE(agent.outcomes, std::int64_t(0));
        QCOMPARE(agent.score, 50.0);
        return;
    }
    QCOMPARE(agent.events.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(agent.events.front().outcome), outcome);
    QCOMPARE(agent.events.front().value, value);
    QCOMPARE(agent.events.front().entries.size(), static_cast<std::size_t>(seq - 1));
    QCOMPARE(agent.score, 50.0 + 50.0 * value / (1.0 + reputation::kPriorWeight));
}

void ReputationTest::volumeDoesNotBeatOutcomes_data()
{
    QTest::addColumn<int>("routine"); // small allowed actions of the busy agent
    QTest::addColumn<int>("hard");    // approved, clean outcomes of the careful one
    QTest::newRow("ten-to-six") << 10 << 6;
    QTest::newRow("hundred-to-six") << 100 << 6;
    QTest::newRow("thousand-to-six") << 1000 << 6;
    QTest::newRow("ten-thousand-to-eight") << 10'000 << 8;
}

void ReputationTest::volumeDoesNotBeatOutcomes()
{
    QFETCH(int, routine);
    QFETCH(int, hard);
    reputation::Scorer scorer;
    std::int64_t seq = 1;
    std::int64_t at = 1'795'600'000'000;
    const auto proposal = [&](const std::string& agent, int n, bool approved) {
        const std::string intent = agent + "-" + std::to_string(n);
        scorer.add(entry(seq++, at, audit::types::kIntentReceived, agent, R"({"intent":")" + intent + "\"}"));
        scorer.add(entry(seq++, at, audit::types::kPolicyDecided, "engine",
                         R"({"intent":")" + intent + R"(","effect":")" + (approved ? "require_approval" : "allow") + "\"}"));
        if (approved)
            scorer.add(entry(seq++, at, audit::types::kApprovalGranted, "alice", R"({"intent":")" + intent + "\"}"));
        scorer.add(entry(seq++, at, audit::types::kSettlementReceipt, "engine", R"({"intent":")" + intent + "\"}"));
        at += 60'000;
    };
    // Interleaved over the same days, so neither gains from being more recent.
    for (int i = 0; i < routine; ++i) {
        proposal("busy", i, false);
        if (i % (routine / hard) == 0 && i / (routine / hard) < hard)
            proposal("careful", i, true);
    }
    const api::ReputationReport report = scorer.report();
    QCOMPARE(report.agents.size(), std::size_t(2));
    const api::AgentReputation& first = report.agents.front();
    const api::AgentReputation& second = report.agents.back();
    QCOMPARE(first.agent, std::string("careful"));
    QCOMPARE(first.outcomes, static_cast<std::int64_t>(hard));
    QCOMPARE(second.agent, std::string("busy"));
    QCOMPARE(second.outcomes, static_cast<std::int64_t>(routine));
    QVERIFY2(first.score > second.score, qPrintable(QStringLiteral("%1 vs %2").arg(first.score).arg(second.score)));
    QVERIFY(second.score < 75.0); // routine alone never passes 75, however much of it
}

void ReputationTest::attestationVerifiesAndAlteredFails_data()
{
    QTest::addColumn<QString>("field"); // the attestation's member to alter; empty: none
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("valid");
    QTest::newRow("as-signed") << "" << "" << true;
    QTest::newRow("score") << "score" << "99.00" << false;
    QTest::newRow("tier") << "tier" << "trusted" << false;
    QTest::newRow("agent") << "agent" << "api-buyer" << false;
    QTest::newRow("agent-key") << "agent_key" << "Y7LAq+eATZ8MbX4DDvKpHPWIevnOzCaPEkpYsBhzqrk=" << false;
}

void ReputationTest::attestationVerifiesAndAlteredFails()
{
    QFETCH(QString, field);
    QFETCH(QString, to);
    QFETCH(bool, valid);
    auto opened = m_factory->openWorkspace(m_ws);
    QVERIFY(opened);
    auto file = (*opened)->attestReputation("trader");
    QVERIFY2(file, file ? "" : file.error().message.c_str());
    QJsonObject root = QJsonDocument::fromJson(QByteArray::fromStdString(*file)).object();
    QJsonObject attestation = root.value(QStringLiteral("attestation")).toObject();
    const auto trader = std::find_if(m_report.agents.begin(), m_report.agents.end(),
                                     [](const api::AgentReputation& agent) { return agent.agent == "trader"; });
    QCOMPARE(attestation.value(QStringLiteral("score")).toString().toStdString(), api::twoDecimals(trader->score));
    QCOMPARE(attestation.value(QStringLiteral("erc8004")).toObject().value(QStringLiteral("value")).toInteger(),
             std::llround(trader->score * 100));
    if (!field.isEmpty()) {
        attestation.insert(field, to);
        root.insert(QStringLiteral("attestation"), attestation);
    }
    const std::string bytes = QJsonDocument(root).toJson().toStdString();
    auto check = api::verifyAttestation(bytes, std::nullopt);
    QVERIFY2(check, check ? "" : check.error().message.c_str());
    QCOMPARE(check->valid, valid);
    QCOMPARE(check->agent, field == QLatin1String("agent") ? to.toStdString() : std::string("trader"));
    if (!valid)
        QVERIFY(check->reason.find("altered") != std::string::npos);
    // Pinned to another engine's key, even the unaltered one is refused.
    const char* otherKey = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n";
    auto pinned = api::verifyAttestation(bytes, std::string_view(otherKey));
    QVERIFY2(pinned, pinned ? "" : pinned.error().message.c_str());
    QVERIFY(!pinned->valid);
}

void ReputationTest::askedAgainFoldsOnlyWhatIsNew_data()
{
    // The engine keeps its fold of a workspace's log and adds only new entries (audit::withFoldedLog).
    QTest::addColumn<QString>("first");  // the intents run before the first report: "demo", "extra" or none
    QTest::addColumn<bool>("replace");   // the workspace is then deleted and made again at the same path
    QTest::addColumn<QString>("after");  // … and these intents run before the second report
    QTest::newRow("the-log-grew") << "demo" << false << "extra";
    QTest::newRow("replaced-by-a-shorter-log") << "demo" << true << "";
    QTest::newRow("replaced-by-a-longer-log") << "extra" << true << "demo"; // other proposals at the same seqs
}

void ReputationTest::askedAgainFoldsOnlyWhatIsNew()
{
    QFETCH(QString, first);
    QFETCH(bool, replace);
    QFETCH(QString, after);
    const QString path = m_dir.filePath(QStringLiteral("again-%1").arg(QString::fromLatin1(QTest::currentDataTag())));
    const std::string ws = path.toStdString();
    const auto run = [](api::Engine& engine, const QString& which) {
        api::Engine::RunOptions options;
        if (which == QLatin1String("extra"))
            options.intentsFile = test::dataPath(QStringLiteral("approvals/extra-intents.jsonl")).toStdString();
        return which.isEmpty() || engine.runIntents(options).has_value();
    };
    QVERIFY(m_factory->createWorkspace(ws, {.demo = true}));
    {
        auto opened = m_factory->openWorkspace(ws);
        QVERIFY(opened);
        QVERIFY(run(**opened, first));
        QVERIFY((*opened)->reputation());
        QVERIFY((*opened)->health());
    }
    if (replace) {
        QVERIFY(QDir(path).removeRecursively());
        QVERIFY(m_factory->createWorkspace(ws, {.demo = true}));
    }
    auto opened = m_factory->openWorkspace(ws);
    QVERIFY(opened);
    QVERIFY(run(**opened, after));
    const auto asked = (*opened)->reputation();
    QVERIFY2(asked, asked ? "" : asked.error().message.c_str());
    const auto health = (*opened)->health();
    QVERIFY(health);
    opened->reset();

    // What a fold of a copy, from its first entry, gives.
    const QString copy = path + QStringLiteral("-copy.db");
    QVERIFY(QFile::copy(path + QStringLiteral("/countersign.db"), copy));
    auto db = storage::Database::open(copy.toStdString(), storage::OpenMode::MustExist);
    QVERIFY(db);
    const auto size = db->queryInt("SELECT count(*) FROM audit_entries");
    QCOMPARE(asked->entries, *size);
    const auto fresh = reputation::computeReputation(*db);
    QVERIFY(fresh);
    // The engine also lists agents with no outcome yet; the log alone knows only the others.
    api::ReputationReport scored = *asked;
    std::erase_if(scored.agents, [](const api::AgentReputation& agent) { return agent.outcomes == 0; });
    compareReports(scored, *fresh);
    const auto freshHealth = health::checkHealth(*db, {{"api-buyer", true}, {"payroll-bot", true}, {"trader", true}, {"treasury-bot", true}}, 1);
    QVERIFY(freshHealth);
    QCOMPARE(health->entries, freshHealth->entries);
    for (const char* check : {"explained", "authorized", "private_data", "approver_quality"}) {
        const auto of = [&](const api::HealthReport& report) {
            return *std::find_if(report.items.begin(), report.items.end(), [&](const api::HealthItem& item) { return item.check == check; });
        };
        QCOMPARE(of(*health).counts, of(*freshHealth).counts);
        QCOMPARE(of(*health).entries, of(*freshHealth).entries);
        QCOMPARE(of(*health).findings, of(*freshHealth).findings);
    }
}

QTEST_GUILESS_MAIN(ReputationTest)
#include "ReputationTest.moc"
