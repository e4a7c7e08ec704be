// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "core/audit/Verifier.h"
#include "core/identity/KeyFile.h"
#include "core/identity/Registry.h"
#include "core/model/ProposalParser.h"
#include "core/settlement/Settlement.h"
#include "core/storage/Database.h"
#include "tests/support/Proposals.h"
#include "core/workspace/Workspace.h"
#include "core/store/World.h"

#include <filesystem>
#include <map>

using namespace cs;
using namespace cs::settlement;
namespace fs = std::filesystem;

/**
 * The local double-entry ledger on a real demo workspace: what it posts, that money is
 * conserved per asset, that a key settles once, that a moved world is re-simulated first,
 * and that an interrupted settlement is reconciled, never retried blindly.
 */
class SettlementTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void settlesAndConserves_data();
    void settlesAndConserves();
    void sameKeySettlesOnce();
    void movedWorldIsSimulatedAgain();
    void interruptedSettlementIsReconciled();
    void reconcileSaysWhatItFound_data();
    void reconcileSaysWhatItFound();
    void depositThenWithdrawThroughTheLedger();

private:
    Request request(const Proposal& proposal);
    std::map<std::string, Int128> totals();     //!< per asset, over every balance
    std::string balance(const char* account, const char* asset);
    audit::VerifyReport verify();
    //! Through the local ledger, in a transaction of its own.
    Result<Settlement> settle(const Request& r) { return settleAlone(*m_writer, m_ledger, r, *m_checkpoints, m_clock); }
    Result<int> markInterrupted() { return settlement::markInterrupted(*m_writer, *m_checkpoints, m_clock); }
    Result<std::vector<Reconciled>> reconcile() { return settlement::reconcile(*m_writer, *m_checkpoints, m_clock); }

    QTemporaryDir m_dir;
    fs::path m_ws;
    ManualClock m_clock{Timestamp{1'795'600'000'000}};
    std::optional<identity::SigningKey> m_engineKey;
    std::unique_ptr<storage::DbWriter> m_writer;
    std::optional<storage::Database> m_reader;
    LocalLedger m_ledger;
    std::optional<audit::CheckpointPolicy> m_checkpoints;
    int m_workspaces = 0;
};

Request SettlementTest::request(const Proposal& p)
{
    auto world = store::loadWorld(*m_reader);
    if (!world)
        qFatal("%s", world.error().message.c_str());
    Request r{idempotencyKey(p.intent, canonicalProposal(p)), p, simulation::simulate(*world, p), std::string(64, 'd'), std::string(64, 'p')};
    return r;
}

void SettlementTest::init()
{
    m_ws = fs::path(m_dir.filePath(QStringLiteral("ws-%1").arg(++m_workspaces)).toStdString());
    QVERIFY(workspace::initWorkspace(m_ws, {.demo = true}, m_clock));
    auto key = identity::unsealKey(identity::keyFilePath(m_ws / workspace::kKeysDir, identity::kEngineId),
                                   workspace::kDemoPassphrase);
    QVERIFY(key.has_value());
    m_engineKey = std::move(*key);
    const std::string db = (m_ws / workspace::kDatabaseFile).string();
    auto writer = storage::DbWriter::start(db, storage::OpenMode::MustExist);
    QVERIFY(writer.has_value());
    m_writer = std::move(*writer);
    auto reader = storage::Database::open(db, storage::OpenMode::MustExist);
    QVERIFY(reader.has_value());
    m_reader = std::move(*reader);
    auto origin = audit::readOrigin(*m_reader);
    QVERIFY(origin.has_value());
    m_checkpoints = audit::CheckpointPolicy{*origin, m_ws / workspace::kCheckpointsDir, &*m_engineKey, 1000};
}

void SettlementTest::cleanup()
{
    m_checkpoints.reset();
    m_writer.reset();
    m_reader.reset();
}

std::map<std::string, Int128> SettlementTest::totals()
{
    auto world = store::loadWorld(*m_reader);
    std::map<std::string, Int128> sums;
    for (const auto& [key, minor] : world->balances)
        sums[key.second] += minor;
    return sums;
}

std::string SettlementTest::balance(const char* account, const char* asset)
{
    auto query = m_reader->prepare("SELECT amount FROM balances WHERE account = ?1 AND asset = ?2");
    query->bind(1, std::string_view(account)).bind(2, std::string_view(asset));
    return query->step().value() ? query->textAt(0) : std::string("none");
}

audit::VerifyReport SettlementTest::verify()
{
    auto report = audit::verifyLog(*m_reader, {m_ws / workspace::kCheckpointsDir, std::nullopt, std::nullopt, {}, 0, std::nullopt});
    if (!report)
        qFatal("%s", report.error().message.c_str());
    return *report;
}

void SettlementTest::settlesAndConserves_data()
{
    QTest::addColumn<QByteArray>("agent");
    QTest::addColumn<QByteArray>("action");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("asset");
    QTest::addColumn<QString>("after");
    QTest::newRow("pay-api") << QByteArray("api-buyer")
                             << QByteArray(R"({"type":"pay_api","asset":"USDC","amount":"25.5","to":"weather-api","venue":"x402"})")
                             << "api-buyer:main" << "USDC" << "1174.5";
    QTest::newRow("transfer-all") << QByteArray("payroll-bot")
                                  << QByteArray(R"({"type":"transfer","asset":"USDC","amount":"85000","to":"sam-fisher"})")
                                  << "payroll-bot:main" << "USDC" << "0";
    QTest::newRow("swap") << QByteArray("trader")
                          << QByteArray(R"({"type":"swap","asset":"USDC","amount":"3000","params":{"asset_out":"ETH","min_out":"0.9"}})")
                          << "trader:main" << "ETH" << "13.683989109643264249";
    QTest::newRow("deposit") << QByteArray("treasury-bot")
                             << QByteArray(R"({"type":"deposit","asset":"USDC","amount":"50000","venue":"lend-one"})")
                             << "venue:lend-one:usdc" << "USDC" << "12050000";
}

void SettlementTest::settlesAndConserves()
{
    QFETCH(QByteArray, agent);
    QFETCH(QByteArray, action);
    QFETCH(QString, account);
    QFETCH(QString, asset);
    QFETCH(QString, after);
    const auto before = totals();
    const Request r = request(test::makeProposal(agent, action));
    QVERIFY2(r.simulation.ok(), r.simulation.reason.c_str());
    const auto settled = settle(r);
    QVERIFY2(settled.has_value(), settled ? "" : settled.error().message.c_str());
    QVERIFY(settled->outcome == Outcome::Executed);
    QVERIFY(!settled->replayed);
    QCOMPARE(balance(account.toLatin1().constData(), asset.toLatin1().constData()), after.toStdString());
    QVERIFY(totals() == before); // double entry: per asset, nothing created or destroyed

    // The receipt is the signed entry the ledger points to, with the postings as simulated.
    auto entry = audit::readEntry(*m_reader, settled->receiptSeq);
    QVERIFY(entry.has_value());
    QCOMPARE(entry->type, std::string("settlement.receipt"));
    QCOMPARE(entry->body, settled->receiptJson);
    QVERIFY(identity::verifySignature(m_engineKey->publicKey(), entry->body, *entry->signature));
    const QJsonObject receipt = QJsonDocument::fromJson(QByteArray::fromStdString(entry->body)).object();
    QCOMPARE(receipt.value(QStringLiteral("idempotency_key")).toString().toStdString(), r.idempotencyKey);
    QCOMPARE(receipt.value(QStringLiteral("postings")).toArray().size(), qsizetype(r.simulation.deltas.size()));
    QCOMPARE(*m_reader->queryInt("SELECT count(*) FROM ledger_postings"), std::int64_t(r.simulation.deltas.size()));
    const auto report = verify();
    QVERIFY2(report.intact(), report.intact() ? "" : report.first()->reason.c_str());
}

void SettlementTest::sameKeySettlesOnce()
{
    const Request r = request(test::makeProposal("api-buyer", R"({"type":"pay_api","asset":"USDC","amount":"100","to":"maps-api"})"));
    const auto first = settle(r);
    QVERIFY(first && first->outcome == Outcome::Executed);
    const std::string after = balance("api-buyer:main", "USDC");
    for (int i = 0; i < 3; ++i) {
        const auto again = settle(r);
        QVERIFY(again.has_value());
        QVERIFY(again->outcome == Outcome::Executed);
        QVERIFY(again->replayed);
        QCOMPARE(again->receiptSeq, first->receiptSeq);
        QCOMPARE(again->receiptJson, first->receiptJson);
    }
    QCOMPARE(balance("api-buyer:main", "USDC"), after);
    QCOMPARE(after, std::string("1100"));
    QCOMPARE(*m_reader->queryInt("SELECT count(*) FROM audit_entries WHERE type = 'settlement.receipt'"), std::int64_t(1));
}

void SettlementTest::movedWorldIsSimulatedAgain()
{
    // Two proposals simulated against the same state; the first settles and moves the world.
    const Request a = request(test::makeProposal("trader", R"({"type":"swap","asset":"USDC","amount":"1000","params":{"asset_out":"ETH","min_out":"0.3"}})", "int-0100"));
    const Request b = request(test::makeProposal("trader", R"({"type":"swap","asset":"USDC","amount":"2000","params":{"asset_out":"ETH","min_out":"0.6"}})", "int-0101"));
    QVERIFY(settle(a)->outcome == Outcome::Executed);
    const auto before = totals();
    const auto stale = settle(b);
    QVERIFY(stale.has_value());
    QVERIFY(stale->outcome == Outcome::StateChanged);
    QVERIFY(totals() == before);
    QCOMPARE(*m_reader->queryInt("SELECT count(*) FROM settlements WHERE intent = 'int-0101'"), std::int64_t(0));
    // Simulated again on the new state (the pool moved, so it gets less), it settles.
    const Request fresh = request(b.proposal);
    QVERIFY(fresh.simulation.expectedOut->minor() < b.simulation.expectedOut->minor());
    const auto settled = settle(fresh);
    QVERIFY(settled && settled->outcome == Outcome::Executed);
}

void SettlementTest::interruptedSettlementIsReconciled()
{
    const Request r = request(test::makeProposal("api-buyer", R"({"type":"pay_api","asset":"USDC","amount":"10","to":"weather-api"})"));
    // What a crash between "pending" and the settlement's commit leaves behind.
    QVERIFY(m_reader->exec("INSERT INTO settlements(idempotency_key, intent, agent, state, created_ms, updated_ms) VALUES ('"
                           + r.idempotencyKey + "', 'int-0001', 'api-buyer', 'pending', 1, 1)"));
    const auto before = totals();
    const auto blocked = settle(r);
    QVERIFY(blocked.has_value());
    QVERIFY(blocked->outcome == Outcome::Unknown); // never retried blindly
    QCOMPARE(markInterrupted().value(), 1);
    QVERIFY(settle(r)->outcome == Outcome::Unknown);
    QCOMPARE(markInterrupted().value(), 0);

    const auto resolved = reconcile();
    QVERIFY(resolved.has_value());
    QCOMPARE(resolved->size(), std::size_t{1});
    QVERIFY(resolved->front().resolution == Outcome::Failed); // nothing was posted
    QVERIFY(totals() == before);
    const auto after = settle(r);
    QVERIFY(after->outcome == Outcome::Failed && after->replayed);
    QCOMPARE(balance("api-buyer:main", "USDC"), std::string("1200"));
    QCOMPARE(*m_reader->queryInt("SELECT count(*) FROM audit_entries WHERE type IN ('settlement.unknown', 'settlement.reconciled')"),
             std::int64_t(2));
    QVERIFY(reconcile()->empty());
    const auto report = verify();
    QVERIFY2(report.intact(), report.intact() ? "" : report.first()->reason.c_str());
}

void SettlementTest::reconcileSaysWhatItFound_data()
{
    QTest::addColumn<int>("postings");
    QTest::addColumn<bool>("receipt");
    QTest::addColumn<int>("resolution");
    QTest::addColumn<QString>("state"); // of the settlement afterwards
    QTest::addColumn<QString>("reason");
    QTest::newRow("nothing") << 0 << false << int(Outcome::Failed) << "failed" << "nothing was posted and no receipt exists";
    QTest::newRow("postings-without-receipt") << 2 << false << int(Outcome::Unknown) << "unknown" << "2 postings in the ledger but no receipt";
    QTest::newRow("receipt-without-postings") << 0 << true << int(Outcome::Unknown) << "unknown" << "but no posting in the ledger";
}

void SettlementTest::reconcileSaysWhatItFound()
{
    QFETCH(int, postings);
    QFETCH(bool, receipt);
    QFETCH(int, resolution);
    QFETCH(QString, state);
    QFETCH(QString, reason);
    const std::string key(64, 'a');
    QVERIFY(m_reader->exec("INSERT INTO settlements(idempotency_key, intent, agent, state, receipt_seq, created_ms, updated_ms) "
                           "VALUES ('" + key + "', 'int-0001', 'api-buyer', 'unknown', " + (receipt ? "1" : "NULL") + ", 1, 1)"));
    for (int i = 0; i < postings; ++i)
        QVERIFY(m_reader->exec("INSERT INTO ledger_postings(settlement, account, asset, amount) VALUES ('" + key
                               + "', 'api-buyer:main', 'USDC', '-1')"));
    const auto resolved = reconcile();
    QVERIFY(resolved.has_value());
    QCOMPARE(resolved->size(), std::size_t{1});
    QCOMPARE(int(resolved->front().resolution), resolution);
    QVERIFY2(QString::fromStdString(resolved->front().reason).contains(reason), resolved->front().reason.c_str());
    auto query = m_reader->prepare("SELECT state FROM settlements WHERE idempotency_key = ?1");
    query->bind(1, key);
    QVERIFY(query->step().value());
    QCOMPARE(QString::fromStdString(query->textAt(0)), state);
}

void SettlementTest::depositThenWithdrawThroughTheLedger()
{
    QVERIFY(settle(request(test::makeProposal("treasury-bot", R"({"type":"deposit","asset":"ETH","amount":"4","venue":"lend-one"})", "int-0200")))
                ->outcome == Outcome::Executed);
    const Request tooMuch = request(test::makeProposal("treasury-bot", R"({"type":"withdraw","asset":"ETH","amount":"4.000000000000000001","venue":"lend-one"})", "int-0201"));
    QVERIFY(tooMuch.simulation.failure == simulation::Failure::NoPosition);
    QCOMPARE(settle(tooMuch).error().code, ErrorCode::InvalidInput);
    QVERIFY(settle(request(test::makeProposal("treasury-bot", R"({"type":"withdraw","asset":"ETH","amount":"1.5","venue":"lend-one"})", "int-0202")))
                ->outcome == Outcome::Executed);
    QCOMPARE(balance("treasury-bot:main", "ETH"), std::string("38"));
    auto position = m_reader->prepare("SELECT amount FROM lending_positions WHERE agent = 'treasury-bot' AND asset = 'ETH'");
    QVERIFY(position->step().value());
    QCOMPARE(position->textAt(0), std::string("2.5"));
}

QTEST_GUILESS_MAIN(SettlementTest)
#include "SettlementTest.moc"
