// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "core/api/Engine.h"
#include "core/workspace/DemoSeed.h"
#include "core/workspace/Workspace.h"
#include "tests/support/ProcessRun.h"

using namespace cs;

/**
 * Shadow mode on the demo: a tightened draft published as a shadow before the demo runs is
 * evaluated beside the active version on every live decision and never enforced — every
 * outcome is the one the demo has without it — and each decision it would have made otherwise
 * is in the log with both decisions, reported by the engine and by `countersign-cli policy
 * shadow`. Promoting it publishes it as active, signed again; the log verifies throughout.
 */
class PolicyEditorShadowTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shadowNeverChangesAnOutcome();
    void reportsTheTightenedDraftsDifferences();
    void theCliReportsTheSame();
    void aShadowIsPublishedOnce();
    void promotingMakesItDecide();

private:
    std::unique_ptr<api::Engine> open(const std::string& ws);
    static std::string tightened();

    QTemporaryDir m_dir;
    std::shared_ptr<ManualClock> m_clock = std::make_shared<ManualClock>(Timestamp{1'795'600'000'000});
    std::unique_ptr<api::EngineFactory> m_factory = api::makeEngineFactory(m_clock);
    std::string m_plain;
    std::string m_shadowed;
    std::vector<api::IntentResult> m_plainRun;
    std::vector<api::IntentResult> m_shadowedRun;
};

std::unique_ptr<api::Engine> PolicyEditorShadowTest::open(const std::string& ws)
{
    auto engine = m_factory->openWorkspace(ws);
    if (!engine)
        qFatal("%s", engine.error().message.c_str());
    return std::move(*engine);
}

std::string PolicyEditorShadowTest::tightened()
{
    // The API buyer's daily cap from 300 down to 250 USDC.
    std::string policy = workspace::embeddedDemoPolicy();
    const auto at = policy.find("\"above\": \"300\"");
    if (at == std::string::npos)
        qFatal("the demo policy has no daily cap of 300");
    return policy.replace(at, 14, "\"above\": \"250\"");
}

void PolicyEditorShadowTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_plain = m_dir.filePath(QStringLiteral("plain")).toStdString();
    m_shadowed = m_dir.filePath(QStringLiteral("shadowed")).toStdString();
    for (const std::string& ws : {m_plain, m_shadowed})
        QVERIFY(m_factory->createWorkspace(ws, {.demo = true}));
    auto shadowed = open(m_shadowed);
    auto published = shadowed->publishPolicy(tightened(), "rita", workspace::kDemoPassphrase, api::PolicyMode::Shadow);
    QVERIFY2(published, published ? "" : published.error().message.c_str());
    QVERIFY(published->shadow);
    auto ran = shadowed->runIntents({});
    QVERIFY2(ran, ran ? "" : ran.error().message.c_str());
    m_shadowedRun = *ran;
    auto plain = open(m_plain)->runIntents({});
    QVERIFY(plain);
    m_plainRun = *plain;
}

void PolicyEditorShadowTest::shadowNeverChangesAnOutcome()
{
    QCOMPARE(m_shadowedRun.size(), m_plainRun.size());
    QCOMPARE(m_plainRun.size(), std::size_t(106));
    for (std::size_t i = 0; i < m_plainRun.size(); ++i) {
        QCOMPARE(m_shadowedRun[i].intent, m_plainRun[i].intent);
        QVERIFY2(m_shadowedRun[i].state == m_plainRun[i].state, m_plainRun[i].intent.c_str());
        QCOMPARE(m_shadowedRun[i].reason, m_plainRun[i].reason);
    }
    // The active version decided everything; the shadow still runs beside it.
    auto engine = open(m_shadowed);
    const auto versions = engine->policyVersions();
    QCOMPARE(versions->size(), std::size_t(2));
    QVERIFY(versions->front().shadow);
    QVERIFY(!versions->back().shadow);
    auto verified = engine->verifyAuditLog({}, true, {});
    QVERIFY2(verified, verified ? "" : verified.error().message.c_str());
    QVERIFY2(verified->problems.empty(), verified->problems.empty() ? "" : verified->problems.front().reason.c_str());
}

void PolicyEditorShadowTest::reportsTheTightenedDraftsDifferences()
{
    auto report = open(m_shadowed)->shadowReport();
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    QCOMPARE(report->shadowVersion.size(), std::size_t(64));
    QVERIFY(report->activeVersion != report->shadowVersion);
    // A lower cap denies the payments that brought each day past 250 USDC; with the real spends
    // (what the active policy let through) it never lets one through that was denied.
    QStringList seen;
    for (const api::BacktestChange& change : report->differences) {
        seen << QString::fromStdString(change.intent);
        QVERIFY(change.before == api::Effect::Allow);
        QVERIFY(change.after == api::Effect::Deny);
        QVERIFY(std::find(change.rules.begin(), change.rules.end(), "api.daily-cap") != change.rules.end());
        // What was enforced is what the active version decided: these were executed.
        const auto run = std::find_if(m_shadowedRun.begin(), m_shadowedRun.end(),
                                      [&](const api::IntentResult& r) { return r.intent == change.intent; });
        QVERIFY(run != m_shadowedRun.end() && run->state == api::IntentState::Executed);
    }
    QCOMPARE(seen.size(), 4);
    QVERIFY(seen.contains(QStringLiteral("int-0008")) && seen.contains(QStringLiteral("int-0080")));
    QCOMPARE(report->transitions.size(), std::size_t(1));
    QCOMPARE(report->transitions.front().count, std::int64_t(4));
    QCOMPARE(report->transitions.front().value, report->value);
    QCOMPARE(report->currency, std::string("USDC"));
    // The plain workspace runs no shadow and records no difference.
    auto none = open(m_plain)->shadowReport();
    QVERIFY(none && none->shadowVersion.empty() && none->differences.empty());
}

void PolicyEditorShadowTest::theCliReportsTheSame()
{
    const auto report = open(m_shadowed)->shadowReport();
    const test::Run run = test::runProgram(QStringLiteral(CS_CLI_PATH), {QStringLiteral("policy"), QStringLiteral("shadow"),
                                                                         QString::fromStdString(m_shadowed)});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json.value(QStringLiteral("shadow_version")).toString().toStdString(), report->shadowVersion);
    QCOMPARE(json.value(QStringLiteral("differences")).toInt(), static_cast<int>(report->differences.size()));
    QCOMPARE(json.value(QStringLiteral("value")).toString().toStdString(), report->value);
    const QJsonObject kind = json.value(QStringLiteral("by_kind")).toArray().at(0).toObject();
    QCOMPARE(kind.value(QStringLiteral("from")).toString(), QStringLiteral("allow"));
    QCOMPARE(kind.value(QStringLiteral("to")).toString(), QStringLiteral("deny"));
    QCOMPARE(json.value(QStringLiteral("proposals")).toArray().at(0).toObject().value(QStringLiteral("intent")).toString().toStdString(),
             report->differences.front().intent);
}

void PolicyEditorShadowTest::aShadowIsPublishedOnce()
{
    auto again = open(m_shadowed)->publishPolicy(tightened(), "rita", workspace::kDemoPassphrase, api::PolicyMode::Shadow);
    QVERIFY(!again);
    QVERIFY(again.error().code == ErrorCode::AlreadyExists);
    // Only a risk manager publishes, a shadow too.
    auto approver = open(m_plain)->publishPolicy(tightened(), "alice", workspace::kDemoPassphrase, api::PolicyMode::Shadow);
    QVERIFY(!approver);
    QVERIFY(approver.error().code == ErrorCode::NotAllowed);
}

void PolicyEditorShadowTest::promotingMakesItDecide()
{
    const std::string ws = m_dir.filePath(QStringLiteral("promoted")).toStdString();
    QVERIFY(m_factory->createWorkspace(ws, {.demo = true}));
    auto engine = open(ws);
    auto shadow = engine->publishPolicy(tightened(), "rita", workspace::kDemoPassphrase, api::PolicyMode::Shadow);
    QVERIFY(shadow);
    const auto report = engine->shadowReport();
    QCOMPARE(report->shadowVersion, shadow->version);
    // --promote: the shadow's own document, published as active and signed again.
    auto promoted = engine->publishPolicy(report->shadowDocument, "rita", workspace::kDemoPassphrase, api::PolicyMode::Active);
    QVERIFY2(promoted, promoted ? "" : promoted.error().message.c_str());
    QCOMPARE(promoted->version, shadow->version);
    QVERIFY(promoted->entrySeq > shadow->entrySeq);
    const auto versions = engine->policyVersions();
    QCOMPARE(versions->size(), std::size_t(2)); // one row per version: the shadow became the active one
    QCOMPARE(versions->front().version, shadow->version);
    QVERIFY(!versions->front().shadow);
    QVERIFY(engine->shadowReport()->shadowVersion.empty());
    // From now on it decides: the run denies what the tighter cap denies.
    auto ran = engine->runIntents({});
    QVERIFY(ran);
    const auto eight = std::find_if(ran->begin(), ran->end(), [](const api::IntentResult& r) { return r.intent == "int-0008"; });
    QVERIFY(eight != ran->end() && eight->state == api::IntentState::Denied);
    auto verified = engine->verifyAuditLog({}, true, {});
    QVERIFY(verified && verified->problems.empty());
}

QTEST_GUILESS_MAIN(PolicyEditorShadowTest)
#include "PolicyEditorShadowTest.moc"
