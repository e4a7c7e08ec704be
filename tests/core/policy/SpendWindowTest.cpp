// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "core/audit/Verifier.h"
#include "core/workspace/DemoSeed.h"
#include "core/engine/Pipeline.h"
#include "core/identity/Registry.h"
#include "core/model/ProposalParser.h"
#include "core/policy/Publish.h"
#include "core/store/Proposals.h"
#include "core/workspace/Workspace.h"

#include <thread>

using namespace cs;

namespace {

//! The api-buyer may pay weather-api, at most `cap` USDC a calendar day.
std::string capPolicy(const char* cap)
{
    return std::string(R"({"schema":"countersign.policy/1","name":"cap )") + cap
           + R"(","globals":{"default_effect":"deny","reference_currency":"USDC"},"rules":[)"
             R"({"id":"api.cap","effect":"deny","match":{"agent":["api-buyer"]},"window":{"period":"calendar_day","above":")"
           + cap + R"("}},{"id":"api.pay","effect":"allow","match":{"agent":["api-buyer"],"action":["pay_api"]}}]})";
}

model::Intent payment(const std::string& id, const char* amount)
{
    model::Intent intent;
    intent.id = id;
    intent.agent = "api-buyer";
    intent.task = "Pay weather-api";
    intent.fields = QJsonObject{{QStringLiteral("type"), QStringLiteral("pay_api")},
                                {QStringLiteral("asset"), QStringLiteral("USDC")},
                                {QStringLiteral("amount"), QString::fromLatin1(amount)},
                                {QStringLiteral("to"), QStringLiteral("weather-api")},
                                {QStringLiteral("venue"), QStringLiteral("x402")}};
    return intent;
}

} // namespace

/**
 * Spend windows in a real workspace: check-and-reserve is atomic under concurrency (8 threads
 * racing for one cap never overspend it), editing a cap keeps what was spent, and publishing is
 * refused to anyone but an active risk manager, for a policy with errors, or twice.
 */
class SpendWindowTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void concurrentProposalsNeverOverspend();
    void editingACapKeepsWhatWasSpent();
    void reservedSpendIsCommittedOrReleased();
    void publishingIsRefused_data();
    void publishingIsRefused();
    void verifyRejectsAPolicyNotFromARiskManager();

private:
    policy::Policy parse(const std::string& text);
    Result<policy::Published> publish(const std::string& text, const char* signer = "rita");
    std::vector<engine::IntentOutcome> run(const std::vector<model::Intent>& intents);
    Int128 spent();

    QTemporaryDir m_dir;
    std::filesystem::path m_ws;
    ManualClock m_clock{Timestamp{1'795'600'000'000}};
    std::optional<identity::SigningKey> m_engineKey;
    std::unique_ptr<storage::DbWriter> m_writer;
    audit::CheckpointPolicy m_checkpoints;
    model::RulesBackend m_rules;
    settlement::LocalLedger m_ledger;
};

void SpendWindowTest::initTestCase()
{
    m_ws = m_dir.filePath(QStringLiteral("ws")).toStdString();
    QVERIFY(workspace::initWorkspace(m_ws, {.demo = true}, m_clock));
    auto key = identity::unsealKey(identity::keyFilePath(m_ws / workspace::kKeysDir, identity::kEngineId),
                                   workspace::kDemoPassphrase);
    QVERIFY(key);
    m_engineKey = std::move(*key);
    auto writer = storage::DbWriter::start((m_ws / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist);
    QVERIFY(writer);
    m_writer = std::move(*writer);
    auto origin = m_writer->run([](storage::Database& db) { return audit::readOrigin(db); });
    QVERIFY(origin);
    m_checkpoints = {*origin, m_ws / workspace::kCheckpointsDir, &*m_engineKey, 1000};
}

policy::Policy SpendWindowTest::parse(const std::string& text)
{
    auto parsed = policy::parsePolicy(text, workspace::demoAssets());
    if (!parsed)
        qFatal("%s", parsed.error().message.c_str());
    return *parsed;
}

Result<policy::Published> SpendWindowTest::publish(const std::string& text, const char* signer)
{
    CS_TRY(key, identity::unsealKey(identity::keyFilePath(m_ws / workspace::kKeysDir, signer), workspace::kDemoPassphrase));
    const policy::Policy document = parse(text);
    return m_writer->run([&](storage::Database& db) {
        return policy::publishPolicy(db, document, signer, *key, m_clock.now(), m_checkpoints);
    });
}

std::vector<engine::IntentOutcome> SpendWindowTest::run(const std::vector<model::Intent>& intents)
{
    auto reader = storage::Database::open((m_ws / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist);
    engine::Pipeline pipeline(*m_writer, std::move(*reader), m_checkpoints, m_clock, m_rules, m_ledger);
    auto outcomes = pipeline.processBatch(intents);
    if (!outcomes)
        qFatal("%s", outcomes.error().message.c_str());
    return *outcomes;
}

Int128 SpendWindowTest::spent()
{
    auto total = m_writer->run([](storage::Database& db) -> Result<Int128> {
        const Asset usdc = *workspace::demoAssets().find("USDC");
        Int128 sum = 0;
        CS_TRY(read, storage::forEachRow(db, "SELECT amount FROM decisions WHERE spend IN ('reserved', 'committed')",
                                         [&](storage::Statement& row) -> Result<void> {
                                             sum += Money::parse(row.textAt(0), usdc)->minor();
                                             return {};
                                         }));
        return sum;
    });
    return *total;
}

void SpendWindowTest::concurrentProposalsNeverOverspend()
{
    QVERIFY(publish(capPolicy("100")));
    // 8 threads, each with its own pipeline and read connection, 1,000 payments of 0.03 USDC
    // each against one 100 USDC cap: exactly 3,333 fit (99.99 USDC).
    constexpr int kThreads = 8;
    constexpr int kPerThread = 1000;
    std::vector<std::vector<engine::IntentOutcome>> results(kThreads);
    std::vector<std::string> errors(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            auto reader = storage::Database::open((m_ws / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist);
            model::RulesBackend rules;
            engine::Pipeline pipeline(*m_writer, std::move(*reader), m_checkpoints, m_clock, rules, m_ledger);
            for (int first = 0; first < kPerThread; first += 20) {
                std::vector<model::Intent> batch;
                for (int i = first; i < first + 20; ++i)
                    batch.push_back(payment("race-" + std::to_string(t) + "-" + std::to_string(i), "0.03"));
                auto outcomes = pipeline.processBatch(batch);
                if (!outcomes) {
                    errors[static_cast<std::size_t>(t)] = outcomes.error().message;
                    return;
                }
                for (auto& outcome : *outcomes)
                    results[static_cast<std::size_t>(t)].push_back(std::move(outcome));
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    int executed = 0;
    int denied = 0;
    for (int t = 0; t < kThreads; ++t) {
        QVERIFY2(errors[static_cast<std::size_t>(t)].empty(), errors[static_cast<std::size_t>(t)].c_str());
        for (const auto& outcome : results[static_cast<std::size_t>(t)]) {
            executed += outcome.state == engine::IntentState::Executed ? 1 : 0;
            denied += outcome.state == engine::IntentState::Denied ? 1 : 0;
        }
    }
    QCOMPARE(executed, 3333);
    QCOMPARE(denied, kThreads * kPerThread - 3333);
    QVERIFY(spent() == Int128(99'990'000));
    // The ledger agrees: weather-api received exactly what the window counted.
    auto received = m_writer->run([](storage::Database& db) -> Result<std::string> {
        CS_TRY(query, db.prepare("SELECT amount FROM balances WHERE account = 'cp:weather-api' AND asset = 'USDC'"));
        CS_TRY(row, query->step());
        return *row ? query->textAt(0) : std::string();
    });
    QCOMPARE(*received, std::string("99.99"));
}

void SpendWindowTest::editingACapKeepsWhatWasSpent()
{
    const Int128 before = spent();
    QVERIFY(before == Int128(99'990'000));
    // Raise the cap: what was spent still counts, so 50.01 USDC of room, not 150.
    QVERIFY(publish(capPolicy("150")));
    auto outcomes = run({payment("edit-1", "50.01"), payment("edit-2", "0.000001")});
    QVERIFY(outcomes[0].state == engine::IntentState::Executed);
    QVERIFY(outcomes[1].state == engine::IntentState::Denied);
    QVERIFY2(outcomes[1].reason.find("150 USDC spent") != std::string::npos, outcomes[1].reason.c_str());
    // Lower it below what was spent: everything is denied, and nothing already spent changes.
    QVERIFY(publish(capPolicy("50")));
    outcomes = run({payment("edit-3", "0.01")});
    QVERIFY(outcomes[0].state == engine::IntentState::Denied);
    QVERIFY(spent() == before + Int128(50'010'000));
    auto decision = m_writer->run([](storage::Database& db) -> Result<std::string> {
        CS_TRY(query, db.prepare("SELECT decision FROM proposals WHERE intent = 'edit-3'"));
        CS_TRY(row, query->step());
        return query->textAt(0);
    });
    const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(*decision)).object();
    QCOMPARE(body.value(QStringLiteral("policy_version")).toString().toStdString(), parse(capPolicy("50")).version);
    QVERIFY(body.value(QStringLiteral("counterfactual")).toString().contains(QStringLiteral("is used up")));
}

void SpendWindowTest::reservedSpendIsCommittedOrReleased()
{
    // A policy where every payment needs approval, under a 10 USDC daily cap.
    const std::string approvals = R"({"schema":"countersign.policy/1","name":"approve all","globals":{"default_effect":"deny",)"
                                  R"("reference_currency":"USDC"},"groups":{"treasury":["alice","bob"]},"rules":[)"
                                  R"({"id":"cap","effect":"deny","match":{"agent":["api-buyer"]},"window":{"period":"calendar_day","above":"10"}},)"
                                  R"({"id":"ask","effect":"require_approval","match":{"agent":["api-buyer"]},)"
                                  R"("approval":{"groups":[{"group":"treasury","threshold":1}]}}]})";
    QVERIFY(publish(approvals));
    m_clock.advance(86'400'000); // a fresh day, past the earlier tests' spending
    auto outcomes = run({payment("hold-1", "6"), payment("hold-2", "6")});
    QVERIFY(outcomes[0].state == engine::IntentState::AwaitingApproval);
    QVERIFY(outcomes[1].state == engine::IntentState::Denied); // 6 reserved + 6 > 10
    const auto settle = [&](const char* intent, const char* state) {
        return m_writer->run([&](storage::Database& db) { return store::moveSpend(db, intent, state, m_clock.now()); });
    };
    // Released (rejected or expired): it stops counting, so the next payment fits again.
    QVERIFY(settle("hold-1", "released"));
    outcomes = run({payment("hold-3", "6")});
    QVERIFY(outcomes[0].state == engine::IntentState::AwaitingApproval);
    // Committed (approved and settled): it keeps counting. Only reserved spends move.
    QVERIFY(settle("hold-3", "committed"));
    outcomes = run({payment("hold-4", "6")});
    QVERIFY(outcomes[0].state == engine::IntentState::Denied);
    auto again = settle("hold-3", "released");
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::NotFound);
    QVERIFY(!settle("hold-1", "reserved"));
}

void SpendWindowTest::publishingIsRefused_data()
{
    QTest::addColumn<QString>("signer");
    QTest::addColumn<QString>("policy");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("approver") << "alice" << "cap" << static_cast<int>(ErrorCode::NotAllowed) << "only a risk manager may publish";
    QTest::newRow("engine") << "engine" << "cap" << static_cast<int>(ErrorCode::NotAllowed) << "only a risk manager may publish";
    QTest::newRow("already-published") << "rita" << "cap" << static_cast<int>(ErrorCode::AlreadyExists) << "is already published";
    QTest::newRow("unreachable-rule") << "rita" << "unreachable" << static_cast<int>(ErrorCode::InvalidInput)
                                      << "cannot be published: rule swap-payee can never apply";
}

void SpendWindowTest::publishingIsRefused()
{
    QFETCH(QString, signer);
    QFETCH(QString, policy);
    QFETCH(int, code);
    QFETCH(QString, message);
    const std::string text = policy == QLatin1String("cap")
                                 ? capPolicy("50")
                                 : R"({"schema":"countersign.policy/1","name":"u","globals":{"default_effect":"deny",)"
                                   R"("reference_currency":"USDC"},"rules":[{"id":"swap-payee","effect":"allow",)"
                                   R"("match":{"action":["swap"],"destination":"listed"}}]})";
    auto entries = m_writer->run([](storage::Database& db) { return db.queryInt("SELECT count(*) FROM audit_entries"); });
    auto result = publish(text, signer.toLatin1().constData());
    QVERIFY(!result);
    QCOMPARE(static_cast<int>(result.error().code), code);
    QVERIFY2(QString::fromStdString(result.error().message).contains(message), result.error().message.c_str());
    // Nothing was written.
    auto after = m_writer->run([](storage::Database& db) { return db.queryInt("SELECT count(*) FROM audit_entries"); });
    QCOMPARE(*after, *entries);
}

void SpendWindowTest::verifyRejectsAPolicyNotFromARiskManager()
{
    // An approver's validly signed policy.published entry, written past publishPolicy's checks.
    auto alice = identity::unsealKey(identity::keyFilePath(m_ws / workspace::kKeysDir, "alice"), workspace::kDemoPassphrase);
    QVERIFY(alice);
    const policy::Policy document = parse(capPolicy("1000000"));
    auto appended = m_writer->run([&](storage::Database& db) -> Result<std::int64_t> {
        CS_TRY(transaction, storage::Transaction::begin(db));
        CS_TRY(draft, policy::publicationDraft(document, "alice", *alice));
        CS_TRY(written, audit::appendInTransaction(db, std::span(&*draft, 1), m_clock.now(), m_checkpoints));
        CS_TRY(committed, transaction->commit());
        return written->entries.front().seq;
    });
    QVERIFY(appended);
    auto report = m_writer->run([&](storage::Database& db) {
        return audit::verifyLog(db, {(m_ws / workspace::kCheckpointsDir).string(), std::nullopt, std::nullopt, {}, 0, std::nullopt});
    });
    QVERIFY(report);
    QVERIFY(!report->intact());
    QCOMPARE(report->first()->seq, *appended);
    QVERIFY2(report->first()->reason.find("published by a risk manager") != std::string::npos, report->first()->reason.c_str());
}

QTEST_GUILESS_MAIN(SpendWindowTest)
#include "SpendWindowTest.moc"
