// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/api/Engine.h"
#include "core/domain/Money.h"
#include "core/workspace/DemoSeed.h"

#include <stop_token>

using namespace cs;

/**
 * What the policy editor asks of the engine, on a demo workspace that ran its intents: a
 * draft checked against the active version (problems placed at their rule, findings, the diff
 * in words), the draft kept in the workspace across a reopen, every agent's use of every
 * windowed cap, and the what-if backtest with progress, cancel and its values per day.
 */
class PolicyEditorEngineTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void checkDraft_data();
    void checkDraft();
    void checkWritesNothing();
    void draftSurvivesReopen();
    void draftIsBounded();
    void capUsageMatchesGrants();
    void backtestReportsProgressAndDays();
    void backtestStops();
    void anyProposalInTheApprovalDetail();

private:
    std::unique_ptr<api::Engine> open();

    QTemporaryDir m_dir;
    std::shared_ptr<ManualClock> m_clock = std::make_shared<ManualClock>(Timestamp{1'795'600'000'000});
    std::unique_ptr<api::EngineFactory> m_factory = api::makeEngineFactory(m_clock);
    std::string m_ws;
};

std::unique_ptr<api::Engine> PolicyEditorEngineTest::open()
{
    auto engine = m_factory->openWorkspace(m_ws);
    if (!engine)
        qFatal("%s", engine.error().message.c_str());
    return std::move(*engine);
}

void PolicyEditorEngineTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ws = m_dir.filePath(QStringLiteral("demo")).toStdString();
    QVERIFY(m_factory->createWorkspace(m_ws, {.demo = true}));
    auto ran = open()->runIntents({});
    QVERIFY2(ran, ran ? "" : ran.error().message.c_str());
}

void PolicyEditorEngineTest::checkDraft_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("problem");     // a prefix of the parse problem, or empty
    QTest::addColumn<QString>("problemRule"); // the rule it is placed at
    QTest::addColumn<QString>("diff");        // a part of the one diff line, or empty for none
    QTest::addColumn<QString>("finding");     // kind:rule of a finding the draft must have, or empty

    QTest::newRow("unchanged") << QString() << QString() << true << QString() << QString() << QString() << QString();
    QTest::newRow("raised-cap") << R"("above": "300")" << R"("above": "450")" << true << QString() << QString()
                                << QStringLiteral("api.daily-cap") << QString();
    QTest::newRow("bad-amount") << R"("above": "300")" << R"("above": "3x0")" << false
                                << QStringLiteral("$.rules[1].window.above:") << QStringLiteral("api.daily-cap") << QString()
                                << QString();
    QTest::newRow("unknown-list") << R"(up to 10,000 USDC",
     "match": {"agent": ["trader"], "action": ["swap"], "venue": {"in_list": "dex-venues"}})"
                                  << R"(up to 10,000 USDC",
     "match": {"agent": ["trader"], "action": ["swap"], "venue": {"in_list": "dex-venue"}})" << false
                                  << QStringLiteral("$.rules[5].match.venue.in_list:") << QStringLiteral("trader.swaps")
                                  << QString() << QString();
    // A second allow rule inside trader.swaps changes nothing: shadowed, a warning.
    QTest::newRow("shadowed") << R"({"id": "trader.swaps", )"
                              << R"({"id": "trader.swaps-copy", "effect": "allow", "match": {"agent": ["trader"], "action": ["swap"]}},
    {"id": "trader.swaps", )"
                              << true << QString() << QString() << QStringLiteral("trader.swaps-copy")
                              << QStringLiteral("shadowed:trader.swaps");
}

void PolicyEditorEngineTest::checkDraft()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, valid);
    QFETCH(QString, problem);
    QFETCH(QString, problemRule);
    QFETCH(QString, diff);
    QFETCH(QString, finding);
    QString draft = QString::fromStdString(workspace::embeddedDemoPolicy());
    if (!from.isEmpty()) {
        QCOMPARE(draft.count(from), 1);
        draft.replace(from, to);
    }
    auto check = open()->checkPolicy(draft.toStdString());
    QVERIFY2(check, check ? "" : check.error().message.c_str());
    QCOMPARE(check->valid(), valid);
    QVERIFY2(QString::fromStdString(check->problem).startsWith(problem), check->problem.c_str());
    QCOMPARE(check->problem.empty(), problem.isEmpty());
    QCOMPARE(QString::fromStdString(check->problemRule), problemRule);
    if (!problem.isEmpty())
        return;
    QCOMPARE(check->activeVersion.size(), std::size_t(64));
    QCOMPARE(check->version == check->activeVersion, from.isEmpty());
    if (diff.isEmpty()) {
        QVERIFY(check->diff.empty());
    } else {
        QCOMPARE(check->diff.size(), std::size_t(1));
        QVERIFY2(QString::fromStdString(check->diff.front()).contains(diff), check->diff.front().c_str());
    }
    if (!finding.isEmpty()) {
        QStringList kinds;
        for (const api::PolicyFinding& found : check->findings)
            kinds << QString::fromStdString(found.kind + ":" + found.rule);
        QVERIFY2(kinds.contains(finding), qPrintable(kinds.join(u' ')));
    }
}

void PolicyEditorEngineTest::checkWritesNothing()
{
    auto engine = open();
    const auto before = engine->summary();
    QVERIFY(before);
    QVERIFY(engine->checkPolicy("{\"schema\": \"countersign.policy/1\"}"));
    QVERIFY(engine->checkPolicy(std::string(1, '{')));
    const auto after = engine->summary();
    QCOMPARE(after->auditEntries, before->auditEntries);
    QCOMPARE(engine->policyVersions()->size(), std::size_t(1));
}

void PolicyEditorEngineTest::draftSurvivesReopen()
{
    {
        auto engine = open();
        auto none = engine->policyDraft();
        QVERIFY(none);
        QVERIFY(!none->has_value());
        QVERIFY(engine->savePolicyDraft("{\"draft\": 1}"));
        QVERIFY(engine->savePolicyDraft("{\"draft\": 2}")); // replaces the one before
    }
    auto engine = open();
    auto kept = engine->policyDraft();
    QVERIFY(kept && kept->has_value());
    QCOMPARE(**kept, std::string("{\"draft\": 2}"));
    // Kept for the user alone, and signed by nobody: nothing in the log, no version.
    QFile file(QDir(QString::fromStdString(m_ws)).filePath(QStringLiteral("drafts/policy.json")));
    QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    QCOMPARE(engine->policyVersions()->size(), std::size_t(1));
    QVERIFY(engine->savePolicyDraft({}));
    QVERIFY(!engine->policyDraft()->has_value());
    QVERIFY(!file.exists());
}

void PolicyEditorEngineTest::draftIsBounded()
{
    auto engine = open();
    QVERIFY(engine->savePolicyDraft("{\"kept\": true}"));
    const auto tooBig = engine->savePolicyDraft(std::string((4u << 20) + 1, ' '));
    QVERIFY(!tooBig);
    QVERIFY(tooBig.error().code == ErrorCode::InvalidInput);
    QCOMPARE(**engine->policyDraft(), std::string("{\"kept\": true}")); // the one before is untouched
    QVERIFY(engine->savePolicyDraft({}));
}

void PolicyEditorEngineTest::capUsageMatchesGrants()
{
    auto engine = open();
    auto uses = engine->capUsage();
    QVERIFY2(uses, uses ? "" : uses.error().message.c_str());
    QStringList seen;
    for (const api::CapUse& use : *uses) {
        seen << QString::fromStdString(use.rule + "/" + use.agent);
        // The same figures People & agents shows for the agent's grant.
        auto grants = engine->grantsOf(use.agent);
        QVERIFY(grants);
        const auto grant = std::find_if(grants->rules.begin(), grants->rules.end(),
                                        [&](const api::Grant& g) { return g.rule == use.rule; });
        QVERIFY(grant != grants->rules.end());
        QCOMPARE(use.used, grant->windowUsed);
        QCOMPARE(use.limit, grant->windowLimit);
        QCOMPARE(use.usedPercent, grant->windowUsedPercent);
        QCOMPARE(use.window, grant->window);
    }
    // Every windowed cap of the demo policy, for the one agent each can apply to.
    QCOMPARE(seen.join(u' '), QStringLiteral("api.daily-cap/api-buyer treasury.weekly-deposits/treasury-bot"));
}

void PolicyEditorEngineTest::backtestReportsProgressAndDays()
{
    auto engine = open();
    std::vector<std::pair<std::int64_t, std::int64_t>> calls;
    auto report = engine->backtestPolicy(workspace::embeddedDemoPolicy(),
                                         [&](std::int64_t done, std::int64_t total) { calls.emplace_back(done, total); }, {});
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    QVERIFY(calls.size() >= 2);
    QCOMPARE(calls.front().first, std::int64_t(0));
    QCOMPARE(calls.back().first, report->proposals);
    QCOMPARE(calls.back().second, report->proposals);
    // The days add up to the totals, exactly.
    QVERIFY(!report->days.empty());
    const Asset usdc = *Asset::make("USDC", 6);
    Int128 before = 0;
    Int128 after = 0;
    QString previous;
    for (const api::BacktestDay& day : report->days) {
        QCOMPARE(day.day.size(), std::size_t(10));
        QVERIFY(QString::fromStdString(day.day) > previous);
        previous = QString::fromStdString(day.day);
        before += Money::parse(day.allowedBefore, usdc)->minor();
        after += Money::parse(day.allowedAfter, usdc)->minor();
    }
    QCOMPARE(Money::fromMinor(before, usdc).toString(), report->allowedBefore);
    QCOMPARE(Money::fromMinor(after, usdc).toString(), report->allowedAfter);
}

void PolicyEditorEngineTest::backtestStops()
{
    auto engine = open();
    std::stop_source stop;
    stop.request_stop();
    auto report = engine->backtestPolicy(workspace::embeddedDemoPolicy(), {}, stop.get_token());
    QVERIFY(!report);
    QVERIFY(report.error().code == ErrorCode::Cancelled);
}

void PolicyEditorEngineTest::anyProposalInTheApprovalDetail()
{
    auto engine = open();
    // One the policy allowed: its proposal and signed decision, no request.
    auto executed = engine->proposalDetail("int-0008");
    QVERIFY2(executed, executed ? "" : executed.error().message.c_str());
    QCOMPARE(executed->agent, std::string("api-buyer"));
    QCOMPARE(executed->proposal.intent, std::string("int-0008"));
    QVERIFY(executed->decision.effect == api::Effect::Allow);
    QVERIFY(!executed->signedDecision.empty());
    QVERIFY(executed->subjectSha256.empty());
    QVERIFY(!executed->balances.empty()); // what it would do if it settled now
    // One that waits: its request too, as the queue shows it.
    auto queue = engine->approvalQueue();
    QVERIFY(queue && !queue->items.empty());
    auto waiting = engine->proposalDetail(queue->items.front().intent);
    QVERIFY(waiting);
    QCOMPARE(waiting->subjectSha256, queue->items.front().subjectSha256);
    QCOMPARE(waiting->expiresAt, queue->items.front().expiresAt);
    auto none = engine->proposalDetail("no-such-intent");
    QVERIFY(!none);
    QVERIFY(none.error().code == ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(PolicyEditorEngineTest)
#include "PolicyEditorEngineTest.moc"
