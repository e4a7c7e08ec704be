// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "core/api/Engine.h"
#include "core/api/Tools.h"
#include "core/audit/Entry.h"
#include "core/audit/LogReads.h"
#include "core/policy/Checks.h"
#include "core/policy/EvaluationInput.h"
#include "core/policy/Evaluator.h"
#include "core/workspace/DemoSeed.h"
#include "core/replay/Replay.h"
#include "core/reputation/Reputation.h"
#include "core/storage/Database.h"
#include "core/store/World.h"
#include "core/workspace/Workspace.h"
#include "tests/support/DemoDesk.h"
#include "tests/support/TestSupport.h"

using namespace cs;

/**
 * A policy that matches on reputation (`match.reputation_below`), on a demo desk that has lived
 * a little: the clause parses strictly; the API buyer below "trusted" and the payroll bot below
 * "provisional" need approval, each decided on its standing over the log as it stood, which the
 * decision records (score, tier, as_of) and which a fold of entries 1..as_of gives again;
 * decisions under a policy without the clause record none; replay makes every decision again
 * identically and a recorded score altered in a copy diverges there; a backtest of a draft with
 * the clause changes the API buyer's allowed payments and nothing else; `evaluate --usage` takes
 * an agent's score to ask what-if.
 */
class ReputationPolicyTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theClauseParsesStrictly_data();
    void theClauseParsesStrictly();
    void staticChecksKeepTiersApart();
    void decisionsUseAndRecordTheStanding_data();
    void decisionsUseAndRecordTheStanding();
    void withoutTheClauseNothingIsRecorded();
    void theQueueCarriesTheStandingUsed();
    void replayDecidesAgainOnTheSameStanding();
    void anAlteredScoreDiverges();
    void backtestUsesEachStanding();
    void whatIfTakesAScore_data();
    void whatIfTakesAScore();

private:
    //! The demo policy with `rules` (JSON objects, comma-separated) before its own.
    static std::string demoPolicyWith(const std::string& rules);
    QJsonObject decisionOf(const std::string& intent);
    //! `agent`'s score at `atMs` over entries 1..`asOf`, folded from the log here.
    double foldedScore(const std::string& agent, std::int64_t asOf, std::int64_t atMs);

    QTemporaryDir m_dir;
    std::shared_ptr<ManualClock> m_clock = std::make_shared<ManualClock>(Timestamp{1'795'600'000'000});
    std::shared_ptr<api::EngineFactory> m_factory;
    std::string m_ws;
    std::string m_db;
    std::int64_t m_demoDecisions = 0; //!< policy.decided entries before the clause was published
};

std::string ReputationPolicyTest::demoPolicyWith(const std::string& rules)
{
    std::string policy = workspace::embeddedDemoPolicy();
    const auto at = policy.find("\"rules\": [");
    if (at == std::string::npos)
        qFatal("the demo policy has no rules");
    return policy.insert(at + 10, rules + ",");
}

void ReputationPolicyTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_factory = api::makeEngineFactory(m_clock);
    m_ws = m_dir.filePath(QStringLiteral("desk")).toStdString();
    m_db = m_ws + "/countersign.db";
    QVERIFY(m_factory->createWorkspace(m_ws, {.demo = true}));
    auto opened = m_factory->openWorkspace(m_ws);
    QVERIFY(opened);
    api::Engine& engine = **opened;
    QVERIFY(test::liveDemoDesk(engine, *m_clock) > 0);
    {
        auto db = storage::Database::open(m_db, storage::OpenMode::MustExist);
        QVERIFY(db);
        m_demoDecisions = *db->queryInt("SELECT count(*) FROM audit_entries WHERE type = 'policy.decided'");
    }
    const std::string policy = demoPolicyWith(
        R"({"id": "reputation.api-buyer", "effect": "require_approval", "description": "the API buyer below trusted needs a treasury approver",)"
        R"( "match": {"agent": ["api-buyer"], "reputation_below": "trusted"}, "approval": {"groups": [{"group": "treasury", "threshold": 1}]}},)"
        R"({"id": "reputation.payroll-bot", "effect": "require_approval", "description": "the payroll bot below provisional needs a treasury approver",)"
        R"( "match": {"agent": ["payroll-bot"], "reputation_below": "provisional"}, "approval": {"groups": [{"group": "treasury", "threshold": 1}]}})");
    auto published = engine.publishPolicy(policy, "rita", workspace::kDemoPassphrase, api::PolicyMode::Active);
    QVERIFY2(published, published ? "" : published.error().message.c_str());

    const QString intents = m_dir.filePath(QStringLiteral("later.jsonl"));
    QFile file(intents);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"id": "int-0301", "offset_s": 300000, "agent": "api-buyer", "task": "Buy 200 calls from weather-api", )"
               R"("action": {"type": "pay_api", "asset": "USDC", "amount": "5", "to": "weather-api", "venue": "x402", "params": {"calls": "200"}}})"
               "\n"
               R"({"id": "int-0302", "offset_s": 300060, "agent": "payroll-bot", "task": "Pay dana-lee", )"
               R"("action": {"type": "transfer", "asset": "USDC", "amount": "100", "to": "dana-lee", "params": {}}})"
               "\n");
    file.close();
    api::Engine::RunOptions options;
    options.intentsFile = intents.toStdString();
    auto ran = engine.runIntents(options);
    QVERIFY2(ran, ran ? "" : ran.error().message.c_str());
    QCOMPARE(ran->size(), std::size_t(2));
    opened->reset(); // closed: the log is whole in the database file, which tests copy
}

QJsonObject ReputationPolicyTest::decisionOf(const std::string& intent)
{
    auto db = storage::Database::open(m_db, storage::OpenMode::MustExist);
    if (!db)
        qFatal("%s", db.error().message.c_str());
    auto query = db->prepare("SELECT body FROM audit_entries WHERE type = 'policy.decided' AND body LIKE ?1");
    query->bind(1, "%\"intent\":\"" + intent + "\"%");
    if (!*query->step())
        return {};
    return QJsonDocument::fromJson(QByteArray::fromStdString(query->textAt(0))).object();
}

double ReputationPolicyTest::foldedScore(const std::string& agent, std::int64_t asOf, std::int64_t atMs)
{
    auto db = storage::Database::open(m_db, storage::OpenMode::MustExist);
    if (!db)
        qFatal("%s", db.error().message.c_str());
    reputation::Scorer scorer(false);
    const auto read = audit::forEachEntry(*db, 1, asOf, [&](const audit::Entry& entry) -> Result<void> {
        scorer.add(entry);
        return {};
    });
    if (!read)
        qFatal("%s", read.error().message.c_str());
    return scorer.standingsAt(asOf).scoreAt(agent, atMs);
}

void ReputationPolicyTest::theClauseParsesStrictly_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem"); // empty: it parses
    QTest::newRow("trusted") << R"("trusted")" << "";
    QTest::newRow("provisional") << R"("provisional")" << "";
    QTest::newRow("untrusted") << R"("untrusted")" << "rules[0].match.reputation_below: must be trusted or provisional";
    QTest::newRow("unknown-tier") << R"("gold")" << "rules[0].match.reputation_below: must be trusted or provisional";
    QTest::newRow("a-number") << "70" << "rules[0].match.reputation_below";
}

void ReputationPolicyTest::theClauseParsesStrictly()
{
    QFETCH(QString, value);
    QFETCH(QString, problem);
    const std::string document = demoPolicyWith(R"({"id": "r", "effect": "deny", "match": {"reputation_below": )"
                                                 + value.toStdString() + "}}");
    auto db = storage::Database::open(m_db, storage::OpenMode::MustExist);
    QVERIFY(db);
    auto catalog = store::assetCatalog(*db);
    QVERIFY(catalog);
    const auto parsed = policy::parsePolicy(document, *catalog);
    if (problem.isEmpty()) {
        QVERIFY2(parsed, parsed ? "" : parsed.error().message.c_str());
        QVERIFY(parsed->usesReputation());
        QCOMPARE(parsed->rules.front().reputationBelow, api::parseReputationTier(value.mid(1, value.size() - 2).toStdString()));
        QVERIFY(policy::describeMatch(parsed->rules.front()).find("reputation is below") != std::string::npos);
    } else {
        QVERIFY(!parsed);
        QVERIFY2(QString::fromStdString(parsed.error().message).contains(problem), parsed.error().message.c_str());
    }
}

void ReputationPolicyTest::staticChecksKeepTiersApart()
{
    // A deny for untrusted API buyers does not shadow the allow for the others; one for every
    // API buyer would.
    const auto findingsOf = [&](const std::string& match) {
        auto db = storage::Database::open(m_db, storage::OpenMode::MustExist);
        auto catalog = store::assetCatalog(*db);
        auto parsed = policy::parsePolicy(demoPolicyWith(R"({"id": "api.hold", "effect": "deny", "match": )" + match + "}"), *catalog);
        if (!parsed)
            qFatal("%s", parsed.error().message.c_str());
        std::vector<std::string> kinds;
        for (const policy::Finding& finding : policy::checkPolicy(*parsed)) {
            if (finding.rule == "api.listed-vendors")
                kinds.push_back(finding.kind);
        }
        return kinds;
    };
    const auto below = findingsOf(R"({"agent": ["api-buyer"], "reputation_below": "provisional"})");
    QVERIFY(std::find(below.begin(), below.end(), "shadowed-by-deny") == below.end());
    const auto every = findingsOf(R"({"agent": ["api-buyer"]})");
    QVERIFY(std::find(every.begin(), every.end(), "shadowed-by-deny") != every.end());
}

void ReputationPolicyTest::decisionsUseAndRecordTheStanding_data()
{
    QTest::addColumn<QString>("intent");
    QTest::addColumn<QString>("agent");
    QTest::addColumn<QString>("below"); // the tier the rule for this agent needs it to be below
    QTest::newRow("api-buyer") << "int-0301" << "api-buyer" << "trusted";
    QTest::newRow("payroll-bot") << "int-0302" << "payroll-bot" << "provisional";
}

void ReputationPolicyTest::decisionsUseAndRecordTheStanding()
{
    QFETCH(QString, intent);
    QFETCH(QString, agent);
    QFETCH(QString, below);
    const QJsonObject decision = decisionOf(intent.toStdString());
    QVERIFY(!decision.isEmpty());
    const QJsonObject used = decision.value(QStringLiteral("reputation")).toObject();
    QVERIFY2(!used.isEmpty(), QJsonDocument(decision).toJson().constData());
    // The standing over entries 1..as_of (the log before this run), decayed to the decision's time.
    const std::int64_t asOf = used.value(QStringLiteral("as_of")).toInteger();
    QVERIFY(asOf > 0);
    const auto at = policy::parseIso8601(decision.value(QStringLiteral("at")).toString().toStdString());
    QVERIFY(at);
    const double score = foldedScore(agent.toStdString(), asOf, at->msSinceEpoch);
    QCOMPARE(used.value(QStringLiteral("score")).toString(), QString::fromStdString(api::twoDecimals(score)));
    const api::ReputationTier tier = reputation::tierOf(score);
    QCOMPARE(used.value(QStringLiteral("tier")).toString(), QString::fromUtf8(api::toString(tier)));
    // Below the rule's tier it needs approval (the demo policy alone allows both payments).
    const bool isBelow = tier < *api::parseReputationTier(below.toStdString());
    QVERIFY2(decision.value(QStringLiteral("effect")).toString()
                 == (isBelow ? QStringLiteral("require_approval") : QStringLiteral("allow")),
             QJsonDocument(decision).toJson().constData());
    QCOMPARE(decision.value(QStringLiteral("rules")).toVariant().toStringList().contains(QStringLiteral("reputation.") + agent),
             isBelow);
}

void ReputationPolicyTest::withoutTheClauseNothingIsRecorded()
{
    // Both branches ran: the API buyer (provisional) needed approval, the payroll bot did not.
    QCOMPARE(decisionOf("int-0301").value(QStringLiteral("effect")).toString(), QStringLiteral("require_approval"));
    QCOMPARE(decisionOf("int-0302").value(QStringLiteral("effect")).toString(), QStringLiteral("allow"));
    // Decided under the demo policy, which does not match on reputation: no standing recorded.
    auto db = storage::Database::open(m_db, storage::OpenMode::MustExist);
    QVERIFY(db);
    QVERIFY(m_demoDecisions > 0);
    QCOMPARE(*db->queryInt("SELECT count(*) FROM audit_entries WHERE type = 'policy.decided' AND body LIKE '%\"reputation\":%'"),
             std::int64_t(2));
}

void ReputationPolicyTest::theQueueCarriesTheStandingUsed()
{
    // What an approver sees of int-0301 (the seam's DecisionView): the standing it was decided on.
    auto opened = m_factory->openWorkspace(m_ws);
    QVERIFY(opened);
    const auto queue = (*opened)->approvalQueue();
    QVERIFY2(queue, queue ? "" : queue.error().message.c_str());
    const auto item = std::find_if(queue->items.begin(), queue->items.end(), [](const api::QueueItem& each) { return each.intent == "int-0301"; });
    QVERIFY(item != queue->items.end());
    QVERIFY(item->decision.reputation.has_value());
    const QJsonObject recorded = decisionOf("int-0301").value(QStringLiteral("reputation")).toObject();
    QCOMPARE(QString::fromStdString(item->decision.reputation->score), recorded.value(QStringLiteral("score")).toString());
    QCOMPARE(QString::fromUtf8(api::toString(item->decision.reputation->tier)), recorded.value(QStringLiteral("tier")).toString());
    QCOMPARE(item->decision.reputation->asOf, recorded.value(QStringLiteral("as_of")).toInteger());
    // Decided under the demo policy alone: none.
    for (const api::QueueItem& other : queue->items) {
        if (other.intent != "int-0301")
            QVERIFY2(!other.decision.reputation, other.intent.c_str());
    }
}

void ReputationPolicyTest::replayDecidesAgainOnTheSameStanding()
{
    auto db = storage::Database::open(m_db, storage::OpenMode::MustExist);
    QVERIFY(db);
    const auto report = replay::replayLog(*db, {});
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    QCOMPARE(report->divergent, std::int64_t(0));
    for (const api::ProposalReplay& path : report->replayed)
        QVERIFY2(path.identical(), path.intent.c_str());
}

void ReputationPolicyTest::anAlteredScoreDiverges()
{
    const QString copied = m_dir.filePath(QStringLiteral("altered.db"));
    QVERIFY(QFile::copy(QString::fromStdString(m_db), copied));
    auto db = storage::Database::open(copied.toStdString(), storage::OpenMode::MustExist);
    QVERIFY(db);
    const std::string recorded = decisionOf("int-0302").value(QStringLiteral("reputation")).toObject().value(QStringLiteral("score")).toString().toStdString();
    // As an attacker with the file would: a better score than the log gives, past the trigger.
    QVERIFY(db->exec("DROP TRIGGER IF EXISTS audit_entries_append_only_update;"));
    auto write = db->prepare("UPDATE audit_entries SET body = replace(body, ?1, '\"score\":\"99.00\"')"
                             " WHERE type = 'policy.decided' AND body LIKE '%\"intent\":\"int-0302\"%'");
    write->bind(1, "\"score\":\"" + recorded + "\"");
    QVERIFY(write->run());
    QCOMPARE(db->changes(), std::int64_t(1));
    replay::Options options;
    options.intent = "int-0302";
    const auto report = replay::replayLog(*db, options);
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    const api::ReplayStep* divergence = report->replayed.front().firstDivergence();
    QVERIFY(divergence != nullptr);
    QVERIFY(divergence->stage == api::ReplayStage::Decision);
    QCOMPARE(QString::fromStdString(divergence->field), QStringLiteral("reputation.score"));
}

void ReputationPolicyTest::backtestUsesEachStanding()
{
    auto opened = m_factory->openWorkspace(m_ws);
    QVERIFY(opened);
    // Every API buyer payment below trusted needs approval; the API buyer never was trusted here.
    const std::string draft = demoPolicyWith(
        R"({"id": "reputation.api-buyer", "effect": "require_approval", "match": {"agent": ["api-buyer"], "reputation_below": "trusted"},)"
        R"( "approval": {"groups": [{"group": "treasury", "threshold": 1}]}})");
    const auto report = (*opened)->backtestPolicy(draft, {}, {});
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    QVERIFY(!report->changes.empty());
    for (const api::BacktestChange& change : report->changes) {
        QCOMPARE(QString::fromStdString(change.agent), QStringLiteral("api-buyer"));
        QVERIFY(change.before == api::Effect::Allow);
        QVERIFY(change.after == api::Effect::RequireApproval);
        QVERIFY(std::find(change.rules.begin(), change.rules.end(), "reputation.api-buyer") != change.rules.end());
    }
    auto db = storage::Database::open(m_db, storage::OpenMode::MustExist);
    QVERIFY(db);
    // Those are exactly its payments the demo policy allowed (int-0301 was decided under the clause).
    QCOMPARE(static_cast<std::int64_t>(report->changes.size()),
             *db->queryInt("SELECT count(*) FROM decisions WHERE agent = 'api-buyer' AND effect = 'allow'"));
}

void ReputationPolicyTest::whatIfTakesAScore_data()
{
    QTest::addColumn<QString>("reputation"); // the usage file's "reputation" member, or empty
    QTest::addColumn<QString>("effect");     // or the error
    QTest::addColumn<QString>("recorded");   // the score the decision records
    QTest::newRow("trusted") << R"({"api-buyer": "72.5"})" << "allow" << "72.50";
    QTest::newRow("at-the-threshold") << R"({"api-buyer": "70"})" << "allow" << "70.00";
    QTest::newRow("just-below") << R"({"api-buyer": "69.99"})" << "require_approval" << "69.99";
    QTest::newRow("another-agent-only") << R"({"trader": "90"})" << "require_approval" << "50.00";
    QTest::newRow("no-reputation-given") << "" << "require_approval" << "50.00";
    QTest::newRow("above-100") << R"({"api-buyer": "100.01"})" << "usage: $.reputation.api-buyer: must be a score" << "";
    QTest::newRow("three-decimals") << R"({"api-buyer": "70.001"})" << "usage: $.reputation.api-buyer: must be a score" << "";
    QTest::newRow("a-number") << R"({"api-buyer": 70})" << "usage: $.reputation.api-buyer" << "";
    QTest::newRow("negative") << R"({"api-buyer": "-1"})" << "usage: $.reputation.api-buyer: must be a score" << "";
}

void ReputationPolicyTest::whatIfTakesAScore()
{
    QFETCH(QString, reputation);
    QFETCH(QString, effect);
    QFETCH(QString, recorded);
    const std::string policy = demoPolicyWith(
        R"({"id": "reputation.api-buyer", "effect": "require_approval", "match": {"agent": ["api-buyer"], "reputation_below": "trusted"},)"
        R"( "approval": {"groups": [{"group": "treasury", "threshold": 1}]}})");
    QFile proposal(test::dataPath(QStringLiteral("policy/allow-api-payment.json")));
    QVERIFY(proposal.open(QIODevice::ReadOnly));
    const std::string usage = R"({"schema": "countersign.usage/1")"
                              + (reputation.isEmpty() ? std::string() : ", \"reputation\": " + reputation.toStdString()) + "}";
    const auto evaluated = api::evaluate(policy, proposal.readAll().toStdString(), usage, m_clock->now());
    if (recorded.isEmpty()) {
        QVERIFY(!evaluated);
        QVERIFY2(QString::fromStdString(evaluated.error().message).startsWith(effect), evaluated.error().message.c_str());
        return;
    }
    QVERIFY2(evaluated, evaluated ? "" : evaluated.error().message.c_str());
    QCOMPARE(evaluated->decision.value(QStringLiteral("effect")).toString(), effect);
    QCOMPARE(evaluated->decision.value(QStringLiteral("reputation")).toObject().value(QStringLiteral("score")).toString(), recorded);
}

QTEST_GUILESS_MAIN(ReputationPolicyTest)
#include "ReputationPolicyTest.moc"
