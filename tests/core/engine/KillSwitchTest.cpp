// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "core/api/Engine.h"
#include "core/storage/Database.h"
#include "core/workspace/Workspace.h"

using namespace cs;

/**
 * The kill switch on a demo workspace: a risk manager suspends or revokes an agent, its intents
 * are refused at intake (never reaching a model), its pending approval requests end with their
 * spends released, and resuming restores intake only. Nobody else may pull it.
 */
class KillSwitchTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void revokedAgentNeverTrades();
    void suspendingCancelsPendingRequestsAndResumeRestoresIntakeOnly();
    void onlyARiskManagerMayPullIt_data();
    void onlyARiskManagerMayPullIt();
    void intentsOfWhatIsNotAnAgentAreRefused_data();
    void intentsOfWhatIsNotAnAgentAreRefused();

private:
    std::unique_ptr<api::Engine> fresh(const QString& name);
    static std::int64_t count(api::Engine& engine, const std::string& sql);
    std::string writeIntents(const QString& name, const QByteArray& lines);

    QTemporaryDir m_dir;
    std::shared_ptr<ManualClock> m_clock = std::make_shared<ManualClock>(Timestamp{1'795'600'000'000});
    std::unique_ptr<api::EngineFactory> m_factory = api::makeEngineFactory(m_clock);
    std::map<std::string, std::string> m_paths;
};

std::unique_ptr<api::Engine> KillSwitchTest::fresh(const QString& name)
{
    const std::string ws = m_dir.filePath(name).toStdString();
    if (!m_factory->createWorkspace(ws, {.demo = true}))
        qFatal("cannot create %s", ws.c_str());
    auto engine = m_factory->openWorkspace(ws);
    if (!engine)
        qFatal("%s", engine.error().message.c_str());
    return std::move(*engine);
}

std::int64_t KillSwitchTest::count(api::Engine& engine, const std::string& sql)
{
    const auto summary = engine.summary();
    auto db = storage::Database::open(summary->path + "/countersign.db", storage::OpenMode::MustExist);
    return *db->queryInt(sql);
}

std::string KillSwitchTest::writeIntents(const QString& name, const QByteArray& lines)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write intents");
    file.write(lines);
    return file.fileName().toStdString();
}

void KillSwitchTest::revokedAgentNeverTrades()
{
    auto engine = fresh(QStringLiteral("revoked"));
    const auto changed = engine->changePrincipalStatus("trader", api::PrincipalStatus::Revoked, "rita", "keys leaked", workspace::kDemoPassphrase);
    QVERIFY2(changed.has_value(), changed ? "" : changed.error().message.c_str());
    QCOMPARE(std::string(api::toString(changed->from)), std::string("active"));
    QCOMPARE(std::string(api::toString(changed->to)), std::string("revoked"));
    const auto results = engine->runIntents({});
    QVERIFY2(results.has_value(), results ? "" : results.error().message.c_str());
    int trader = 0;
    for (const auto& result : *results) {
        if (result.agent != "trader")
            continue;
        ++trader;
        QCOMPARE(std::string(api::toString(result.state)), std::string("rejected"));
        QCOMPARE(result.reason, std::string("agent trader is revoked: its intents are refused at intake"));
    }
    QCOMPARE(trader, 33);
    // Refused before any model saw them, recorded, and nothing of the trader's moved.
    QCOMPARE(count(*engine, "SELECT count(*) FROM audit_entries WHERE type = 'model.exchange' AND body LIKE '%\"trader\"%'"), 0);
    QCOMPARE(count(*engine, "SELECT count(*) FROM audit_entries WHERE type = 'proposal.rejected' "
                            "AND json_extract(body, '$.agent') = 'trader' AND json_extract(body, '$.cause') = 'intake'"),
             33);
    QCOMPARE(count(*engine, "SELECT count(*) FROM settlements WHERE agent = 'trader'"), 0);
    QVERIFY(engine->verifyAuditLog({}, false, {})->intact());
    // Revoked is final.
    const auto resumed = engine->changePrincipalStatus("trader", api::PrincipalStatus::Active, "rita", "found the leak", workspace::kDemoPassphrase);
    QVERIFY(!resumed.has_value());
    QVERIFY2(resumed.error().message.find("revoked key stays revoked") != std::string::npos, resumed.error().message.c_str());
}

void KillSwitchTest::suspendingCancelsPendingRequestsAndResumeRestoresIntakeOnly()
{
    auto engine = fresh(QStringLiteral("suspended"));
    QVERIFY(engine->runIntents({}).has_value());
    const auto queueBefore = engine->approvalQueue();
    const auto traders = std::count_if(queueBefore->items.begin(), queueBefore->items.end(),
                                       [](const api::QueueItem& item) { return item.agent == "trader"; });
    QVERIFY(traders > 0);
    QCOMPARE(count(*engine, "SELECT count(*) FROM decisions d JOIN approval_requests r ON r.intent = d.intent "
                            "WHERE r.agent = 'trader' AND d.spend = 'reserved'"),
             std::int64_t(traders));

    const auto changed = engine->changePrincipalStatus("trader", api::PrincipalStatus::Suspended, "rita", "odd swaps", workspace::kDemoPassphrase);
    QVERIFY2(changed.has_value(), changed ? "" : changed.error().message.c_str());
    QCOMPARE(changed->cancelledRequests, static_cast<int>(traders));
    const auto queueAfter = engine->approvalQueue();
    QCOMPARE(queueAfter->items.size(), queueBefore->items.size() - static_cast<std::size_t>(traders));
    for (const auto& item : queueAfter->items)
        QVERIFY(item.agent != "trader");
    // Their reservations no longer count against any window; each ending is in the log.
    QCOMPARE(count(*engine, "SELECT count(*) FROM decisions d JOIN approval_requests r ON r.intent = d.intent "
                            "WHERE r.agent = 'trader' AND d.spend = 'reserved'"),
             0);
    QCOMPARE(count(*engine, "SELECT count(*) FROM audit_entries WHERE type = 'approval.cancelled'"), std::int64_t(traders));
    QCOMPARE(count(*engine, "SELECT count(*) FROM proposals WHERE agent = 'trader' AND reason LIKE "
                            "'cancelled: agent trader was suspended by rita: odd swaps'"),
             std::int64_t(traders));
    // A verdict on a cancelled request is refused.
    const auto cancelledIntent = std::find_if(queueBefore->items.begin(), queueBefore->items.end(),
                                              [](const api::QueueItem& item) { return item.agent == "trader"; })->intent;
    const auto verdict = engine->submitVerdict(cancelledIntent, "alice", true, {}, workspace::kDemoPassphrase, {});
    QVERIFY(!verdict.has_value());

    const QByteArray swap = R"({"id":"int-9001","offset_s":90000,"agent":"trader","task":"swap 100 USDC to ETH on dex-alpha",)"
                            R"("action":{"type":"swap","asset":"USDC","amount":"100","venue":"dex-alpha","params":{"asset_out":"ETH","min_out":"0.0305"}}})";
    api::Engine::RunOptions options;
    options.intentsFile = writeIntents(QStringLiteral("suspended-1.jsonl"), swap + '\n');
    const auto refused = engine->runIntents(options);
    QCOMPARE(std::string(api::toString(refused->front().state)), std::string("rejected"));
    QCOMPARE(refused->front().reason, std::string("agent trader is suspended: its intents are refused at intake"));

    // Resume restores intake, and only intake: the cancelled requests stay ended.
    QVERIFY(engine->changePrincipalStatus("trader", api::PrincipalStatus::Active, "rita", "explained", workspace::kDemoPassphrase));
    QCOMPARE(engine->approvalQueue()->items.size(), queueAfter->items.size());
    options.intentsFile = writeIntents(QStringLiteral("suspended-2.jsonl"), QByteArray(swap).replace("int-9001", "int-9002") + '\n');
    const auto resumed = engine->runIntents(options);
    QVERIFY2(resumed->front().state == api::IntentState::Executed,
             (std::string(api::toString(resumed->front().state)) + ": " + resumed->front().reason).c_str());
    QVERIFY(engine->verifyAuditLog({}, false, {})->intact());
}

void KillSwitchTest::onlyARiskManagerMayPullIt_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<int>("code");
    QTest::newRow("approver") << "alice" << static_cast<int>(ErrorCode::NotAllowed);
    QTest::newRow("the-agent-itself") << "trader" << static_cast<int>(ErrorCode::NotAllowed);
    QTest::newRow("nobody") << "zed" << static_cast<int>(ErrorCode::NotFound);
}

void KillSwitchTest::onlyARiskManagerMayPullIt()
{
    QFETCH(QString, actor);
    QFETCH(int, code);
    auto engine = fresh(QStringLiteral("actor-") + actor);
    const std::int64_t before = count(*engine, "SELECT count(*) FROM audit_entries");
    const auto changed = engine->changePrincipalStatus("trader", api::PrincipalStatus::Suspended, actor.toStdString(), "because",
                                                       workspace::kDemoPassphrase);
    QVERIFY(!changed.has_value());
    QCOMPARE(static_cast<int>(changed.error().code), code);
    QCOMPARE(count(*engine, "SELECT count(*) FROM audit_entries"), before);
    QCOMPARE(count(*engine, "SELECT count(*) FROM principals WHERE id = 'trader' AND status = 'active'"), 1);
}

void KillSwitchTest::intentsOfWhatIsNotAnAgentAreRefused_data()
{
    QTest::addColumn<QString>("agent");
    QTest::addColumn<QString>("reason");
    QTest::newRow("approver") << "alice" << "alice is approver, not an agent: intents are refused at intake";
    QTest::newRow("risk-manager") << "rita" << "rita is risk_manager, not an agent: intents are refused at intake";
    QTest::newRow("engine") << "engine" << "engine is engine, not an agent: intents are refused at intake";
    QTest::newRow("unknown") << "zed" << "no principal zed: intents are refused at intake";
}

void KillSwitchTest::intentsOfWhatIsNotAnAgentAreRefused()
{
    QFETCH(QString, agent);
    QFETCH(QString, reason);
    auto engine = fresh(QStringLiteral("not-agent-") + agent);
    api::Engine::RunOptions options;
    options.intentsFile = writeIntents(agent + QStringLiteral(".jsonl"),
                                       R"({"id":"int-8001","agent":")" + agent.toUtf8()
                                           + R"(","task":"pay 10 USDC to weather-api","action":{"type":"pay_api","asset":"USDC","amount":"10","to":"weather-api","venue":"x402"}})" "\n");
    const auto results = engine->runIntents(options);
    QVERIFY2(results.has_value(), results ? "" : results.error().message.c_str());
    QCOMPARE(std::string(api::toString(results->front().state)), std::string("rejected"));
    QCOMPARE(QString::fromStdString(results->front().reason), reason);
    QCOMPARE(count(*engine, "SELECT count(*) FROM audit_entries WHERE type = 'model.exchange'"), 0);
}

QTEST_GUILESS_MAIN(KillSwitchTest)
#include "KillSwitchTest.moc"
