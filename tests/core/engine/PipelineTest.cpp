// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "core/api/Engine.h"
#include "core/audit/LogReads.h"
#include "core/audit/Verifier.h"
#include "core/domain/CanonicalJson.h"
#include "core/domain/Money.h"
#include "core/model/ProposalParser.h"
#include "core/workspace/DemoSeed.h"
#include "core/simulation/WorldState.h"
#include "core/storage/Database.h"
#include "core/workspace/Workspace.h"
#include "core/store/World.h"

#include <map>
#include <set>

using namespace cs;

/**
 * The whole pipeline on a fresh demo workspace with the rules backend: the 106 demo intents
 * end in every kind of outcome, each for the reason the demo means, money is conserved, the
 * log verifies, nothing private reaches it, and a second run changes nothing.
 */
class PipelineTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyKindOfOutcome();
    void outcomesForTheirReasons_data();
    void outcomesForTheirReasons();
    void moneyIsConservedAndReceiptsMatch();
    void firstTimeUntilTheFirstSettlement();
    void logVerifiesAndKeepsSecrets();
    void everyBodyIsCanonical();
    void everyCheckpointIsMirrored();
    void aRepeatInALaterBatchIsRefused();
    void approvalQueueShowsUnderClaiming();
    void secondRunChangesNothingAndIsDeterministic();
    void replayFromFixturesReproducesTheRun();
    void backtestReplaysTheRecord();
    void backtestWhatIf_data();
    void backtestWhatIf();

private:
    std::vector<api::IntentResult> runFresh(const QString& name);
    std::map<std::string, Int128> totals(storage::Database& db);

    QTemporaryDir m_dir;
    std::shared_ptr<ManualClock> m_clock = std::make_shared<ManualClock>(Timestamp{1'795'600'000'000});
    std::unique_ptr<api::EngineFactory> m_factory = api::makeEngineFactory(m_clock);
    std::string m_ws;
    std::vector<api::IntentResult> m_results;
    std::map<std::string, Int128> m_totalsBefore;
};

std::map<std::string, Int128> PipelineTest::totals(storage::Database& db)
{
    std::map<std::string, Int128> sums;
    const auto world = store::loadWorld(db);
    for (const auto& [key, minor] : world->balances)
        sums[key.second] += minor;
    return sums;
}

std::vector<api::IntentResult> PipelineTest::runFresh(const QString& name)
{
    const std::string ws = m_dir.filePath(name).toStdString();
    if (!m_factory->createWorkspace(ws, {.demo = true}))
        qFatal("cannot create %s", ws.c_str());
    auto engine = m_factory->openWorkspace(ws);
    auto results = (*engine)->runIntents({});
    if (!results)
        qFatal("%s", results.error().message.c_str());
    return *results;
}

void PipelineTest::initTestCase()
{
    m_ws = m_dir.filePath(QStringLiteral("ws")).toStdString();
    QVERIFY(m_factory->createWorkspace(m_ws, {.demo = true}));
    {
        auto db = storage::Database::open(m_ws + "/countersign.db", storage::OpenMode::MustExist);
        m_totalsBefore = totals(*db);
    }
    auto engine = m_factory->openWorkspace(m_ws);
    QVERIFY(engine.has_value());
    auto results = (*engine)->runIntents({});
    QVERIFY2(results.has_value(), results ? "" : results.error().message.c_str());
    m_results = *results;
}

void PipelineTest::everyKindOfOutcome()
{
    QCOMPARE(m_results.size(), std::size_t{106});
    std::map<std::string, int> counts;
    for (const auto& result : m_results) {
        ++counts[std::string(api::toString(result.state))];
        QVERIFY(!result.alreadyProcessed);
        QCOMPARE(result.receiptSeq > 0, result.state == api::IntentState::Executed);
    }
    for (const char* state : {"executed", "awaiting_approval", "denied", "rejected", "cannot_plan"})
        QVERIFY2(counts[state] > 0, state);
    QCOMPARE(counts["cannot_plan"], 5);
    QCOMPARE(counts["failed"] + counts["unknown"], 0);
}

void PipelineTest::outcomesForTheirReasons_data()
{
    QTest::addColumn<QString>("intent");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("reason");
    QTest::newRow("small-listed-payment") << "int-0001" << "executed" << "";
    QTest::newRow("first-time-api") << "int-0013" << "awaiting_approval" << "a first payment to an API vendor without a pricing agreement needs a treasury approver";
    QTest::newRow("insufficient-funds") << "int-0014" << "denied" << "less than 1500 USDC";
    QTest::newRow("big-swap") << "int-0023" << "awaiting_approval" << "above 10000 USDC";
    QTest::newRow("unlisted-venue") << "int-0026" << "denied" << "no venue dex-gamma";
    QTest::newRow("daily-cap") << "int-0009" << "denied" << "calendar_day 293 USDC spent, 323 USDC with this, above 300 USDC";
    QTest::newRow("cap-exactly-used") << "int-0081" << "executed" << "";
    QTest::newRow("next-day-cap") << "int-0103" << "denied" << "calendar_day 300 USDC spent, 350 USDC with this";
    QTest::newRow("two-approvers") << "int-0052" << "awaiting_approval" << "needs both treasury approvers";
    QTest::newRow("internal-transfer") << "int-0042" << "awaiting_approval" << "moving treasury cash to another agent";
    QTest::newRow("slippage") << "int-0029" << "denied" << "below min_out 1.6 ETH";
    QTest::newRow("unknown-wallet") << "int-0055" << "denied" << "pays only contractors and vendors on file";
    QTest::newRow("truncated-output") << "int-0057" << "rejected" << "unterminated string";
    QTest::newRow("duplicate-key") << "int-0059" << "rejected" << "$.action.amount: duplicate key";
    QTest::newRow("homoglyph") << "int-0065" << "rejected" << "$.action.to: must be an ASCII identifier";
    QTest::newRow("terminal-escapes") << "int-0069" << "rejected" << "$.rationale: contains a control character";
    QTest::newRow("vague-task") << "int-0071" << "cannot_plan" << "does not guess";
    QTest::newRow("nineteen-decimals") << "int-0097" << "rejected" << "ETH allows at most 18";
    QTest::newRow("no-pool") << "int-0099" << "denied" << "no pool trades SOL/ETH";
}

void PipelineTest::outcomesForTheirReasons()
{
    QFETCH(QString, intent);
    QFETCH(QString, state);
    QFETCH(QString, reason);
    const auto it = std::find_if(m_results.begin(), m_results.end(),
                                 [&](const api::IntentResult& r) { return r.intent == intent.toStdString(); });
    QVERIFY(it != m_results.end());
    QCOMPARE(QString::fromStdString(std::string(api::toString(it->state))), state);
    QVERIFY2(QString::fromStdString(it->reason).contains(reason), it->reason.c_str());
}

void PipelineTest::moneyIsConservedAndReceiptsMatch()
{
    auto db = storage::Database::open(m_ws + "/countersign.db", storage::OpenMode::MustExist);
    QVERIFY(db.has_value());
    QVERIFY(totals(*db) == m_totalsBefore); // every settlement was double entry
    const auto executed = *db->queryInt("SELECT count(*) FROM proposals WHERE state = 'executed'");
    QCOMPARE(*db->queryInt("SELECT count(*) FROM audit_entries WHERE type = 'settlement.receipt'"), executed);
    QCOMPARE(*db->queryInt("SELECT count(*) FROM settlements WHERE state = 'executed'"), executed);
    QCOMPARE(*db->queryInt("SELECT count(*) FROM proposals p JOIN settlements s ON s.intent = p.intent "
                           "WHERE p.state = 'executed' AND s.receipt_seq = p.receipt_seq"),
             executed);
    // Every transition is in the log: one decision per proposal that reached the policy.
    QCOMPARE(*db->queryInt("SELECT count(*) FROM audit_entries WHERE type = 'policy.decided'"),
             *db->queryInt("SELECT count(*) FROM proposals WHERE effect IS NOT NULL"));
    QCOMPARE(*db->queryInt("SELECT count(*) FROM audit_entries WHERE type = 'intent.received'"), std::int64_t(106));
    QCOMPARE(*db->queryInt("SELECT count(*) FROM audit_entries WHERE type = 'model.exchange'"), std::int64_t(106));
}

void PipelineTest::firstTimeUntilTheFirstSettlement()
{
    // A counterparty is a first-time destination until a settlement pays it, also within one
    // batch: weather-api for int-0001 (listed, never paid), no longer for int-0004.
    auto db = storage::Database::open(m_ws + "/countersign.db", storage::OpenMode::MustExist);
    QVERIFY(db.has_value());
    QCOMPARE(*db->queryInt("SELECT first_time FROM decisions WHERE intent = 'int-0001'"), 1);
    QCOMPARE(*db->queryInt("SELECT first_time FROM decisions WHERE intent = 'int-0004'"), 0);
    // Never paid in the run (its approval waits): translate-api stays first-time (int-0013, int-0098).
    QCOMPARE(*db->queryInt("SELECT count(*) FROM decisions WHERE to_id = 'translate-api' AND first_time = 1"), 2);
    QCOMPARE(*db->queryInt("SELECT count(*) FROM decisions WHERE to_id IS NULL AND first_time = 1"), 0);
    // Every decision agrees with the settlements recorded before it.
    QCOMPARE(*db->queryInt("SELECT count(*) FROM decisions AS d WHERE d.to_id IS NOT NULL AND d.first_time != "
                           "(NOT EXISTS (SELECT 1 FROM decisions AS e WHERE e.to_id = d.to_id AND e.spend = 'committed' "
                           "AND e.rowid < d.rowid))"),
             0);
    QVERIFY(*db->queryInt("SELECT count(DISTINCT to_id) FROM decisions WHERE first_time = 1") >= 10);
}

void PipelineTest::everyCheckpointIsMirrored()
{
    // The run's checkpoint files are written off the commit path; once the run returned, every
    // checkpoint in the database has its file beside it, with the same signed root.
    auto db = storage::Database::open(m_ws + "/countersign.db", storage::OpenMode::MustExist);
    QVERIFY(db.has_value());
    const auto checkpoints = audit::readCheckpoints(*db);
    QVERIFY(checkpoints.has_value());
    QVERIFY(checkpoints->size() >= 2); // init's, the run's batch, the close
    for (const audit::Checkpoint& checkpoint : *checkpoints) {
        QFile file(QString::fromStdString(m_ws + "/" + workspace::kCheckpointsDir + "/" + audit::checkpointFileName(checkpoint.size)));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const auto mirrored = audit::checkpointFromJson(QJsonDocument::fromJson(file.readAll()).object());
        QVERIFY(mirrored.has_value());
        QCOMPARE(mirrored->size, checkpoint.size);
        QVERIFY(mirrored->root == checkpoint.root && mirrored->signature == checkpoint.signature);
    }
}

void PipelineTest::aRepeatInALaterBatchIsRefused()
{
    // The next batch is proposed while the writer commits this one: an intent that comes back
    // 70 lines later (in the second batch of 64) is refused as a repeat, and runs once.
    const std::string ws = m_dir.filePath(QStringLiteral("repeat")).toStdString();
    QVERIFY(m_factory->createWorkspace(ws, {.demo = true}));
    QFile demo(QString::fromStdString(ws + "/intents.jsonl"));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = demo.readAll().split('\n');
    demo.close();
    lines.removeAll(QByteArray());
    QVERIFY(lines.size() > 70);
    lines.insert(70, lines.front());
    const QString path = m_dir.filePath(QStringLiteral("repeat.jsonl"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(lines.join('\n') + '\n');
    out.close();
    auto engine = m_factory->openWorkspace(ws);
    QVERIFY(engine.has_value());
    api::Engine::RunOptions options;
    options.intentsFile = path.toStdString();
    const auto results = (*engine)->runIntents(options);
    QVERIFY2(results.has_value(), results ? "" : results.error().message.c_str());
    QCOMPARE(results->size(), m_results.size() + 1);
    const api::IntentResult& repeat = (*results)[70];
    QCOMPARE(repeat.intent, m_results.front().intent);
    QVERIFY2(repeat.reason.find("appears twice") != std::string::npos, repeat.reason.c_str());
    // Every other intent ends as it does in a run without the repeat.
    for (std::size_t i = 0, j = 0; i < results->size(); ++i) {
        if (i == 70)
            continue;
        QCOMPARE((*results)[i].intent, m_results[j].intent);
        QVERIFY((*results)[i].state == m_results[j].state);
        ++j;
    }
}

void PipelineTest::logVerifiesAndKeepsSecrets()
{
    auto engine = m_factory->openWorkspace(m_ws);
    const auto report = (*engine)->verifyAuditLog({}, false, {});
    QVERIFY(report.has_value());
    QVERIFY2(report->intact(), report->intact() ? "" : report->first()->reason.c_str());
    auto db = storage::Database::open(m_ws + "/countersign.db", storage::OpenMode::MustExist);
    // The payroll intents carry bank accounts and tax ids in "private": none is in the log.
    for (const char* secret : {"DE89", "TX-356355"})
        QCOMPARE(*db->queryInt(std::string("SELECT count(*) FROM audit_entries WHERE instr(body, '") + secret + "') > 0"),
                 std::int64_t(0));
    QVERIFY(*db->queryInt("SELECT count(*) FROM audit_entries WHERE type = 'model.exchange' "
                          "AND instr(body, 'private.bank_account') > 0")
            > 0); // what was kept out is named
}

void PipelineTest::everyBodyIsCanonical()
{
    // Bodies written straight in canonical form are the bytes canonicalJson gives for them.
    auto db = storage::Database::open(m_ws + "/countersign.db", storage::OpenMode::MustExist);
    auto query = db->prepare("SELECT seq, type, body FROM audit_entries ORDER BY seq");
    QVERIFY(query.has_value());
    std::set<std::string> types;
    while (*query->step()) {
        const std::string body(query->textAt(2));
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(body), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const auto canonical = canonicalJson(document.object());
        QVERIFY(canonical.has_value());
        QVERIFY2(*canonical == body, (std::to_string(query->int64At(0)) + " " + query->textAt(1)).c_str());
        types.emplace(query->textAt(1));
    }
    for (const char* type : {"intent.received", "model.exchange", "proposal.parsed", "proposal.rejected",
                             "simulation.completed", "policy.decided", "approval.requested", "settlement.receipt"})
        QVERIFY2(types.count(type) == 1, type);
}

void PipelineTest::approvalQueueShowsUnderClaiming()
{
    auto engine = m_factory->openWorkspace(m_ws);
    const auto queue = (*engine)->approvalQueue();
    QVERIFY(queue.has_value());
    const auto awaiting = std::count_if(m_results.begin(), m_results.end(),
                                        [](const api::IntentResult& r) { return r.state == api::IntentState::AwaitingApproval; });
    QCOMPARE(static_cast<long>(queue->items.size()), static_cast<long>(awaiting));
    QCOMPARE(queue->approved + queue->rejected + queue->expired, 0);
    int cannotExecute = 0;
    for (const auto& item : queue->items) {
        QVERIFY(item.decision.effect == api::Effect::RequireApproval);
        // What would change it, in parts: who must approve (and maybe a smaller amount).
        QVERIFY(item.decision.counterfactualParts.has_value());
        QVERIFY(!item.decision.counterfactualParts->approvers.empty());
        QCOMPARE(item.decision.counterfactual.rfind("needs ", 0), std::size_t(0));
        // The rules backend claims no approvals: every one of these is flagged as under-claimed.
        QVERIFY(item.decision.underClaimed);
        QCOMPARE(item.proposal.intent, item.intent);
        // The signed decision travels verbatim beside its values, for export.
        const QJsonObject signedDecision = QJsonDocument::fromJson(QByteArray::fromStdString(item.signedDecision)).object();
        QCOMPARE(signedDecision.value(QStringLiteral("effect")).toString(), QStringLiteral("require_approval"));
        // Each is simulated on the world as it is now, so approvers see what would execute.
        // One that no longer can (money it needs has moved since) says why and moves nothing.
        QCOMPARE(item.simulationProblem.empty(), item.simulationOk);
        QCOMPARE(item.balances.empty(), !item.simulationOk);
        QVERIFY(!item.value.empty());
        cannotExecute += item.simulationOk ? 0 : 1;
    }
    QCOMPARE(cannotExecute, 1);
    const auto find = [&](const char* intent) {
        return std::find_if(queue->items.begin(), queue->items.end(), [&](const api::QueueItem& q) { return q.intent == intent; });
    };
    // int-0023: a 25,000 USDC swap for ETH on dex-alpha, the pool's fee and impact included.
    const auto swap = find("int-0023");
    QVERIFY(swap != queue->items.end());
    QCOMPARE(swap->value, std::string("25000 USDC"));
    QCOMPARE(swap->valueMinor, 25'000'000'000LL);
    QCOMPARE(swap->fee, std::string("75 USDC"));
    QCOMPARE(swap->expectedOut.substr(swap->expectedOut.size() - 4), std::string(" ETH"));
    QVERIFY(swap->priceImpactBps > 0);
    QCOMPARE(swap->balances.size(), std::size_t(4));
    const api::BalanceChange& sold = swap->balances.front();
    QCOMPARE(sold.account + " " + sold.asset, std::string("trader:main USDC"));
    auto before = Money::parse(sold.before, *workspace::demoAssets().find("USDC"));
    auto after = Money::parse(sold.after, *workspace::demoAssets().find("USDC"));
    QVERIFY(before && after);
    QCOMPARE(before->minor() - after->minor(), Int128(25'000'000'000));
    // int-0013 was decided before later proposals executed: its approval subject names an
    // older world, which the queue says.
    const auto early = find("int-0013");
    QVERIFY(early != queue->items.end());
    QVERIFY(early->worldMoved);
    QCOMPARE(early->priceImpactBps, -1);
    QVERIFY(early->fee.empty());
    // If it settled now, the quorum would decide it again: translate-api is still unpaid, so
    // it still needs its approver (the decide step the quorum would run, run now).
    QVERIFY(early->decidedNow.has_value());
    QCOMPARE(std::string(api::toString(*early->decidedNow)), std::string("require_approval"));
    std::string reasons;
    for (const api::Reason& reason : early->decidedNowReasons)
        reasons += reason.text + "; ";
    QVERIFY2(reasons.find("treasury approver") != std::string::npos, reasons.c_str());
    // Every item whose world did not move carries no second decision.
    for (const api::QueueItem& item : queue->items)
        QCOMPARE(item.decidedNow.has_value(), item.worldMoved && item.simulationOk);
}

void PipelineTest::secondRunChangesNothingAndIsDeterministic()
{
    auto engine = m_factory->openWorkspace(m_ws);
    const auto again = (*engine)->runIntents({});
    QVERIFY(again.has_value());
    for (std::size_t i = 0; i < again->size(); ++i) {
        QVERIFY((*again)[i].alreadyProcessed);
        QVERIFY((*again)[i].state == m_results[i].state);
    }
    const auto other = runFresh(QStringLiteral("second"));
    QCOMPARE(other.size(), m_results.size());
    for (std::size_t i = 0; i < other.size(); ++i) {
        QVERIFY(other[i].state == m_results[i].state);
        QCOMPARE(other[i].reason, m_results[i].reason);
    }
}

void PipelineTest::replayFromFixturesReproducesTheRun()
{
    // Record what the rules backend answered in the first run (its model.exchange entries)
    // as fixtures, then run a fresh workspace from those fixtures alone.
    auto db = storage::Database::open(m_ws + "/countersign.db", storage::OpenMode::MustExist);
    auto query = db->prepare("SELECT body FROM audit_entries WHERE type = 'model.exchange' ORDER BY seq");
    QByteArray fixtures;
    while (query->step().value()) {
        const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(query->textAt(0))).object();
        QJsonObject line{{QStringLiteral("request_sha256"), body.value(QStringLiteral("request_sha256"))},
                         {QStringLiteral("response"), body.value(QStringLiteral("response"))}};
        if (body.value(QStringLiteral("cannot_plan")).toBool()) {
            line.insert(QStringLiteral("cannot_plan"), true);
            line.insert(QStringLiteral("reason"), body.value(QStringLiteral("reason")));
        }
        fixtures += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }
    const QString path = m_dir.filePath(QStringLiteral("fixtures.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(fixtures);
    file.close();

    const std::string ws = m_dir.filePath(QStringLiteral("replayed")).toStdString();
    QVERIFY(m_factory->createWorkspace(ws, {.demo = true}));
    auto engine = m_factory->openWorkspace(ws);
    api::Engine::RunOptions options;
    options.backend = "replay";
    options.fixturesFile = path.toStdString();
    const auto replayed = (*engine)->runIntents(options);
    QVERIFY2(replayed.has_value(), replayed ? "" : replayed.error().message.c_str());
    QCOMPARE(replayed->size(), m_results.size());
    for (std::size_t i = 0; i < replayed->size(); ++i) {
        QVERIFY((*replayed)[i].state == m_results[i].state);
        QCOMPARE((*replayed)[i].reason, m_results[i].reason);
    }
}

void PipelineTest::backtestReplaysTheRecord()
{
    auto engine = m_factory->openWorkspace(m_ws);
    QVERIFY(engine);
    // Each proposal re-decided by the version that decided it, windows from scratch: the same.
    auto replayed = (*engine)->backtestPolicy({}, {}, {});
    QVERIFY2(replayed, replayed ? "" : replayed.error().message.c_str());
    QCOMPARE(replayed->proposals, std::size_t(87)); // every parsed proposal; rejected output is never decided
    QCOMPARE(replayed->changes.size(), std::size_t(0));
    QVERIFY(replayed->allowedBefore == replayed->allowedAfter);
    QVERIFY(replayed->allowedBefore != "0"); // canonical decimals: zero is "0"
    // The published policy as a draft changes nothing either.
    auto same = (*engine)->backtestPolicy(workspace::embeddedDemoPolicy(), {}, {});
    QVERIFY(same);
    QCOMPARE(same->changes.size(), std::size_t(0));
    QCOMPARE(same->policyVersion.size(), std::size_t(64));
}

void PipelineTest::backtestWhatIf_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("changes"); // intent:before>after, comma-separated, in time order
    QTest::addColumn<QString>("allowedAfter");
    // A lower daily cap denies the last payment of each day — and so, windows being stateful,
    // the day-two payment the old cap denied now fits.
    QTest::newRow("lower-daily-cap") << R"("above": "300")" << R"("above": "250")"
                                     << "int-0008:allow>deny,int-0080:allow>deny,int-0102:allow>deny,int-0103:deny>allow"
                                     << "288396.04";
    // Approval only above 20,000 USDC: a swap just above 10,000 now matches no rule at all.
    QTest::newRow("higher-approval-threshold") << R"({"above": "10000"})" << R"({"above": "20000"})"
                                               << "int-0086:require_approval>deny" << "288574.04";
}

void PipelineTest::backtestWhatIf()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, changes);
    QFETCH(QString, allowedAfter);
    QString draft = QString::fromStdString(workspace::embeddedDemoPolicy());
    QCOMPARE(draft.count(from), 1);
    draft.replace(from, to);
    auto engine = m_factory->openWorkspace(m_ws);
    auto report = (*engine)->backtestPolicy(draft.toStdString(), {}, {});
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    QStringList seen;
    for (const auto& change : report->changes)
        seen << QString::fromStdString(change.intent + ":" + std::string(api::toString(change.before)) + ">"
                                       + std::string(api::toString(change.after)));
    QCOMPARE(seen.join(u','), changes);
    QCOMPARE(QString::fromStdString(report->allowedAfter), allowedAfter);
    QCOMPARE(report->currency, std::string("USDC"));
}

QTEST_GUILESS_MAIN(PipelineTest)
#include "PipelineTest.moc"
