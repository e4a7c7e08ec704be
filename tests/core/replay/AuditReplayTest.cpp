// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/api/Engine.h"
#include "core/replay/Replay.h"
#include "core/storage/Database.h"
#include "core/workspace/Workspace.h"
#include "tests/support/DemoDesk.h"
#include "tests/support/TestSupport.h"

using namespace cs;

/**
 * Replay from the log (core/replay) on a demo desk that has lived a little: the pipeline, an
 * approval, an edit, a rejection, a two-approver quorum settled on a moved world, a new price,
 * a world import, a suspended agent (its requests cancelled, its next intent refused at
 * intake), a second batch. Every path replays identically; a recorded step altered in a copy of
 * the log diverges at that step and field; the mutable tables do not matter.
 */
class AuditReplayTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyPathReplaysIdentically();
    void oneProposalShowsEveryStep_data();
    void oneProposalShowsEveryStep();
    void anAlteredRecordDiverges_data();
    void anAlteredRecordDiverges();
    void theMutableTablesDoNotMatter();
    void theSystemPromptOncePerBatch();
    void aLogThatKeptTheRequestWholeReplays();
    void unknownProposalAndCancel();

private:
    //! A copy of the workspace's database, to alter.
    storage::Database copy(const QString& name);
    static std::int64_t seqOf(storage::Database& db, const std::string& type, const std::string& intent);
    static api::ReplaySummary replayed(storage::Database& db, const std::string& intent = {});

    QTemporaryDir m_dir;
    std::shared_ptr<ManualClock> m_clock = std::make_shared<ManualClock>(Timestamp{1'795'600'000'000});
    std::string m_db;
    std::int64_t m_intents = 0;
};

void AuditReplayTest::initTestCase()
{
    auto factory = api::makeEngineFactory(m_clock);
    const std::string ws = m_dir.filePath(QStringLiteral("desk")).toStdString();
    QVERIFY(factory->createWorkspace(ws, {.demo = true}));
    auto opened = factory->openWorkspace(ws);
    QVERIFY(opened);
    api::Engine& engine = **opened;
    const std::size_t first = test::liveDemoDesk(engine, *m_clock);
    const std::string_view pass = workspace::kDemoPassphrase;
    m_clock->advance(60'000);
    QVERIFY(engine.setPrice({"ETH", "USDC", "3000", "desk quote"}, "rita", pass));
    const auto imported = engine.importWorld(
        R"({"format": "countersign.world/1", "counterparties": [{"id": "cloud-api", "name": "Cloud API", "kind": "api"}]})", "rita",
        pass);
    QVERIFY2(imported && imported->added == 1, imported ? "" : imported.error().message.c_str());
    const auto suspended = engine.changePrincipalStatus("trader", api::PrincipalStatus::Suspended, "rita", "review", pass);
    QVERIFY(suspended && suspended->cancelledRequests > 0);
    api::Engine::RunOptions more;
    more.intentsFile = test::dataPath(QStringLiteral("approvals/extra-intents.jsonl")).toStdString();
    const auto second = engine.runIntents(more);
    QVERIFY2(second, second ? "" : second.error().message.c_str());
    m_intents = static_cast<std::int64_t>(first + second->size());
    m_db = ws + "/countersign.db";
    opened->reset(); // closed: its WAL is in the database file, which the tests copy
}

storage::Database AuditReplayTest::copy(const QString& name)
{
    const QString to = m_dir.filePath(name + QStringLiteral(".db"));
    QFile::remove(to);
    if (!QFile::copy(QString::fromStdString(m_db), to))
        qFatal("cannot copy the database");
    auto db = storage::Database::open(to.toStdString(), storage::OpenMode::MustExist);
    if (!db)
        qFatal("%s", db.error().message.c_str());
    return std::move(*db);
}

std::int64_t AuditReplayTest::seqOf(storage::Database& db, const std::string& type, const std::string& intent)
{
    auto query = db.prepare("SELECT seq FROM audit_entries WHERE type = ?1 AND body LIKE ?2 ORDER BY seq LIMIT 1");
    query->bind(1, type).bind(2, "%\"intent\":\"" + intent + "\"%");
    if (!query->step() || query->isNullAt(0))
        return 0;
    return query->int64At(0);
}

api::ReplaySummary AuditReplayTest::replayed(storage::Database& db, const std::string& intent)
{
    replay::Options options;
    options.intent = intent;
    auto report = replay::replayLog(db, options);
    if (!report)
        qFatal("replay failed: %s", report.error().message.c_str());
    return std::move(*report);
}

void AuditReplayTest::everyPathReplaysIdentically()
{
    auto db = copy(QStringLiteral("as-recorded"));
    const api::ReplaySummary report = replayed(db);
    for (const api::ProposalReplay& divergent : report.replayed)
        qWarning("%s diverges: %s", divergent.intent.c_str(), divergent.firstDivergence()->reason.c_str());
    QCOMPARE(report.divergent, 0);
    QCOMPARE(report.proposals, m_intents);
    QCOMPARE(report.entries, *db.queryInt("SELECT count(*) FROM audit_entries"));
    QVERIFY(report.replayed.empty());
}

void AuditReplayTest::oneProposalShowsEveryStep_data()
{
    QTest::addColumn<QString>("intent");
    QTest::addColumn<QString>("stages"); // in order, space-separated
    QTest::newRow("allowed") << "int-0001" << QStringLiteral("model simulation decision settlement");
    QTest::newRow("malformed") << "int-0057" << QStringLiteral("model");
    QTest::newRow("approved") << "int-0013" << QStringLiteral("model simulation decision approval approval decision settlement");
    QTest::newRow("edited") << "int-0051"
                            << QStringLiteral("model simulation decision approval edit simulation decision approval settlement");
    QTest::newRow("rejected") << "int-0023" << QStringLiteral("model simulation decision approval approval");
    QTest::newRow("quorum") << "int-0052"
                            << QStringLiteral("model simulation decision approval approval approval decision settlement");
    QTest::newRow("suspended") << "int-0107" << QStringLiteral("intake");
}

void AuditReplayTest::oneProposalShowsEveryStep()
{
    QFETCH(QString, intent);
    QFETCH(QString, stages);
    auto db = copy(QStringLiteral("one"));
    const api::ReplaySummary report = replayed(db, intent.toStdString());
    QCOMPARE(report.replayed.size(), std::size_t{1});
    const api::ProposalReplay& path = report.replayed.front();
    QCOMPARE(path.intent, intent.toStdString());
    QStringList seen;
    for (const api::ReplayStep& step : path.steps) {
        seen << QString::fromUtf8(api::toString(step.stage));
        QVERIFY2(step.identical, step.reason.c_str());
        QVERIFY(step.seq > 0);
        QCOMPARE(step.recorded, step.recomputed); // compared steps carry both, equal
        QVERIFY(std::find(path.entries.begin(), path.entries.end(), step.seq) != path.entries.end());
    }
    QCOMPARE(seen.join(u' '), stages);
    QVERIFY(path.identical());
}

void AuditReplayTest::anAlteredRecordDiverges_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("intent");
    QTest::addColumn<QString>("from"); // the body's text, replaced once
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("field");
    QTest::newRow("simulation") << "simulation.completed" << "int-0001" << R"("amount":"-25")" << R"("amount":"-24")"
                                << "simulation" << "deltas[0].amount";
    QTest::newRow("decision") << "policy.decided" << "int-0001" << R"("effect":"allow")" << R"("effect":"deny")" << "decision"
                              << "effect";
    QTest::newRow("parsed-proposal") << "proposal.parsed" << "int-0002" << R"("proposal_sha256":")"
                                     << R"("proposal_sha256":"0)" << "model" << "proposal_sha256";
    QTest::newRow("receipt-action") << "settlement.receipt" << "int-0001" << R"("amount":"25")" << R"("amount":"26")"
                                    << "settlement" << "action.amount";
    QTest::newRow("receipt-posting") << "settlement.receipt" << "int-0001" << R"("amount":"-25")" << R"("amount":"-26")"
                                     << "settlement" << "postings[0].amount";
    // A batch's first exchange records the system prompt whole, the others by its hash.
    QTest::newRow("exchange-system") << "model.exchange" << "int-0001" << "You propose actions" << "You take actions"
                                     << "model" << "system_sha256";
    QTest::newRow("exchange-user") << "model.exchange" << "int-0002" << R"("user":"{\"agent\":\")"
                                   << R"("user":"{\"agent\":\"x)" << "model" << "request_sha256";
    QTest::newRow("verdict") << "approval.granted" << "int-0052" << R"("reason":"")" << R"("reason":"ok")" << "approval"
                             << "signature";
    QTest::newRow("opening-balance") << "ledger.opened" << "" << R"("amount":"1200")" << R"("amount":"1300")" << "simulation"
                                     << "state_before";
    QTest::newRow("opening-world") << "ledger.opened" << "" << R"("world":{)" << R"("world_gone":{)" << "model" << "error";
}

void AuditReplayTest::anAlteredRecordDiverges()
{
    QFETCH(QString, type);
    QFETCH(QString, intent);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, stage);
    QFETCH(QString, field);
    auto db = copy(QStringLiteral("altered"));
    std::int64_t seq = 0;
    if (intent.isEmpty())
        seq = *db.queryInt("SELECT seq FROM audit_entries WHERE type = '" + type.toStdString() + "'");
    else
        seq = seqOf(db, type.toStdString(), intent.toStdString());
    QVERIFY(seq > 0);
    auto read = db.prepare("SELECT body FROM audit_entries WHERE seq = ?1");
    read->bind(1, seq);
    QVERIFY(*read->step());
    std::string body = read->textAt(0);
    const std::size_t at = body.find(from.toStdString());
    QVERIFY2(at != std::string::npos, body.c_str());
    body.replace(at, static_cast<std::size_t>(from.toUtf8().size()), to.toStdString());
    // As an attacker with the file would: past the append-only trigger.
    QVERIFY(db.exec("DROP TRIGGER IF EXISTS audit_entries_append_only_update;"));
    auto write = db.prepare("UPDATE audit_entries SET body = ?1 WHERE seq = ?2");
    write->bind(1, body).bind(2, seq);
    const auto written = write->run();
    QVERIFY2(written, written ? "" : written.error().message.c_str());

    const std::string first = intent.isEmpty() ? std::string("int-0001") : intent.toStdString();
    const api::ReplaySummary all = replayed(db);
    QVERIFY(all.divergent >= 1);
    const api::ProposalReplay path = replayed(db, first).replayed.front();
    const api::ReplayStep* divergence = path.firstDivergence();
    QVERIFY(divergence != nullptr);
    QCOMPARE(QString::fromUtf8(api::toString(divergence->stage)), stage);
    QCOMPARE(QString::fromStdString(divergence->field), field);
    QVERIFY(divergence->seq == seq || intent.isEmpty());
    QVERIFY(!divergence->reason.empty());
}

void AuditReplayTest::theMutableTablesDoNotMatter()
{
    auto db = copy(QStringLiteral("tables"));
    // What the engine keeps beside the log, rewritten: replay never reads it.
    QVERIFY(db.exec("PRAGMA foreign_keys = OFF;"
                    "UPDATE decisions SET effect = 'deny', simulation = 'insufficient_funds', amount = '1';"
                    "UPDATE balances SET amount = '0';"
                    "UPDATE proposals SET proposal = '{}', decision = '{}';"
                    "UPDATE prices SET price = '1';"
                    "UPDATE policies SET document = '{}';"
                    "DELETE FROM approvals; DELETE FROM pools;"));
    const api::ReplaySummary report = replayed(db);
    QCOMPARE(report.divergent, 0);
    QCOMPARE(report.proposals, m_intents);
}

void AuditReplayTest::theSystemPromptOncePerBatch()
{
    auto db = copy(QStringLiteral("prompts"));
    const std::int64_t exchanges = *db.queryInt("SELECT count(*) FROM audit_entries WHERE type = 'model.exchange'");
    const std::int64_t whole = *db.queryInt("SELECT count(*) FROM audit_entries WHERE type = 'model.exchange' "
                                            "AND instr(body, '\"system\":\"You are an agent') > 0");
    const std::int64_t byHash = *db.queryInt("SELECT count(*) FROM audit_entries WHERE type = 'model.exchange' "
                                             "AND instr(body, '\"system_sha256\":\"') > 0 AND instr(body, '\"request\":') = 0");
    QVERIFY(whole >= 1);
    QVERIFY2(whole * 4 < exchanges, qPrintable(QStringLiteral("%1 of %2").arg(whole).arg(exchanges)));
    QCOMPARE(byHash, exchanges);
    // Without the batch's first exchange, the others name a prompt the log does not hold.
    QVERIFY(db.exec("DROP TRIGGER IF EXISTS audit_entries_append_only_update;"));
    QVERIFY(db.exec("UPDATE audit_entries SET body = replace(body, '\"system\":\"You are', '\"systemx\":\"You are') "
                    "WHERE type = 'model.exchange'"));
    const api::ProposalReplay path = replayed(db, "int-0002").replayed.front();
    const api::ReplayStep* divergence = path.firstDivergence();
    QVERIFY(divergence != nullptr);
    QCOMPARE(divergence->field, std::string("system_sha256"));
    QVERIFY2(divergence->reason.find("not recorded") != std::string::npos, divergence->reason.c_str());
}

void AuditReplayTest::aLogThatKeptTheRequestWholeReplays()
{
    // As logs written before the prompt was recorded by hash: each exchange holds its request whole.
    auto db = copy(QStringLiteral("whole-requests"));
    QVERIFY(db.exec("DROP TRIGGER IF EXISTS audit_entries_append_only_update;"));
    QVERIFY(db.exec(
        "UPDATE audit_entries SET body = json_remove(json_set(body, '$.request', json_object('system', "
        "(SELECT json_extract(body, '$.system') FROM audit_entries WHERE type = 'model.exchange' "
        "AND json_extract(body, '$.system') IS NOT NULL LIMIT 1), 'user', json_extract(body, '$.user')) || ''), "
        "'$.system', '$.system_sha256', '$.user') WHERE type = 'model.exchange'"));
    QCOMPARE(*db.queryInt("SELECT count(*) FROM audit_entries WHERE type = 'model.exchange' AND instr(body, 'system_sha256') > 0"),
             std::int64_t(0));
    const api::ReplaySummary whole = replayed(db);
    QCOMPARE(whole.divergent, 0);
    QCOMPARE(whole.proposals, m_intents);
    // And a request altered there is still found.
    QVERIFY(db.exec("UPDATE audit_entries SET body = replace(body, 'You propose actions', 'You take actions') "
                    "WHERE type = 'model.exchange' AND instr(body, '\"intent\":\"int-0003\"') > 0"));
    const api::ProposalReplay path = replayed(db, "int-0003").replayed.front();
    QVERIFY(path.firstDivergence() != nullptr);
    QCOMPARE(path.firstDivergence()->field, std::string("request_sha256"));
}

void AuditReplayTest::unknownProposalAndCancel()
{
    auto db = copy(QStringLiteral("misc"));
    replay::Options options;
    options.intent = "int-9999";
    const auto missing = replay::replayLog(db, options);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    std::stop_source stop;
    stop.request_stop();
    const auto cancelled = replay::replayLog(db, {}, {}, stop.get_token());
    QVERIFY(!cancelled);
    QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
}

QTEST_GUILESS_MAIN(AuditReplayTest)
#include "AuditReplayTest.moc"
