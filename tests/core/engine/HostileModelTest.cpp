// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "core/api/Engine.h"
#include "core/domain/Encoding.h"
#include "core/identity/Crypto.h"
#include "core/model/ModelBackend.h"
#include "core/storage/Database.h"
#include "core/workspace/DemoSeed.h"
#include "core/workspace/Workspace.h"

using namespace cs;

namespace {

const char* const kPayIntent =
    R"({"id":"int-0002","offset_s":600,"agent":"api-buyer","task":"Buy 500 calls from maps-api at 0.04 USDC per call",)"
    R"("action":{"type":"pay_api","asset":"USDC","amount":"20","to":"maps-api","venue":"x402","params":{"calls":"500"}}})";
const char* const kSwapIntent =
    R"({"id":"int-0029","offset_s":7980,"agent":"trader","task":"Swap 5000 USDC for at least 1.6 ETH on dex-alpha",)"
    R"("action":{"type":"swap","asset":"USDC","amount":"5000","venue":"dex-alpha","params":{"asset_out":"ETH","min_out":"1.6"}}})";

QByteArray proposal(const char* agent, const char* intent, const char* action)
{
    return QByteArray(R"({"schema":"countersign.proposal/1","agent":")") + agent + R"(","intent":")" + intent
           + R"(","action":)" + action
           + R"(,"risk_level":"low","required_approvals":0,"inputs":[],"execution_plan":["pay"],"rationale":"r","audit_summary":"s"})";
}

} // namespace

/**
 * A hostile model behind the pipeline (answers replayed from fixtures, everything else real):
 * its proposal must stay inside the intent's own fields, and what the log keeps of its answer
 * is bounded however much it sends.
 */
class HostileModelTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void intentBindsTheProposal_data();
    void intentBindsTheProposal();
    void recordedAnswerIsBounded();
    void oversizedInputFilesAreRefused_data();
    void oversizedInputFilesAreRefused();

private:
    //! Runs `intentLine` on a fresh demo workspace, the model answering `answer`.
    api::IntentResult run(const QString& name, const char* intentLine, const QByteArray& answer);

    QTemporaryDir m_dir;
    std::shared_ptr<ManualClock> m_clock = std::make_shared<ManualClock>(Timestamp{1'795'600'000'000});
    std::unique_ptr<api::EngineFactory> m_factory = api::makeEngineFactory(m_clock);
};

api::IntentResult HostileModelTest::run(const QString& name, const char* intentLine, const QByteArray& answer)
{
    const std::string ws = m_dir.filePath(name).toStdString();
    if (!m_factory->createWorkspace(ws, {.demo = true}))
        qFatal("cannot create %s", ws.c_str());
    const auto intents = model::parseIntents(intentLine);
    if (!intents)
        qFatal("%s", intents.error().message.c_str());
    const QJsonObject fixture{{QStringLiteral("request_sha256"), QString::fromStdString(model::buildPrompt(intents->front()).sha256())},
                              {QStringLiteral("response"), QString::fromUtf8(answer)}};
    QFile fixtures(m_dir.filePath(name + QStringLiteral(".fixtures")));
    QFile intentFile(m_dir.filePath(name + QStringLiteral(".jsonl")));
    if (!fixtures.open(QIODevice::WriteOnly) || !intentFile.open(QIODevice::WriteOnly))
        qFatal("cannot write the fixtures");
    fixtures.write(QJsonDocument(fixture).toJson(QJsonDocument::Compact) + '\n');
    intentFile.write(QByteArray(intentLine) + '\n');
    fixtures.close();
    intentFile.close();
    auto engine = m_factory->openWorkspace(ws);
    api::Engine::RunOptions options;
    options.backend = "replay";
    options.fixturesFile = fixtures.fileName().toStdString();
    options.intentsFile = intentFile.fileName().toStdString();
    auto results = (*engine)->runIntents(options);
    if (!results || results->size() != 1)
        qFatal("run failed: %s", results ? "not one result" : results.error().message.c_str());
    return results->front();
}

void HostileModelTest::intentBindsTheProposal_data()
{
    QTest::addColumn<QByteArray>("intent");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("reason"); // for a rejection: the proposal field and why
    const QByteArray pay = kPayIntent;
    const QByteArray swap = kSwapIntent;
    QTest::newRow("as-asked") << pay << proposal("api-buyer", "int-0002", R"({"type":"pay_api","asset":"USDC","amount":"20","to":"maps-api","venue":"x402"})")
                              << "executed" << "";
    QTest::newRow("less-than-asked") << pay << proposal("api-buyer", "int-0002", R"({"type":"pay_api","asset":"USDC","amount":"15","to":"maps-api","venue":"x402"})")
                                     << "executed" << "";
    // The review's case: asked for maps-api 20 USDC, the model paid weather-api 25 USDC.
    QTest::newRow("other-payee") << pay << proposal("api-buyer", "int-0002", R"({"type":"pay_api","asset":"USDC","amount":"25","to":"weather-api","venue":"x402"})")
                                 << "rejected" << "$.action.to: intent int-0002 names maps-api";
    QTest::newRow("one-unit-more") << pay << proposal("api-buyer", "int-0002", R"({"type":"pay_api","asset":"USDC","amount":"20.000001","to":"maps-api","venue":"x402"})")
                                   << "rejected" << "$.action.amount: intent int-0002 allows at most 20 USDC";
    QTest::newRow("other-type") << pay << proposal("api-buyer", "int-0002", R"({"type":"transfer","asset":"USDC","amount":"20","to":"maps-api"})")
                                << "rejected" << "$.action.type: intent int-0002 names pay_api";
    QTest::newRow("other-asset") << pay << proposal("api-buyer", "int-0002", R"({"type":"pay_api","asset":"ETH","amount":"0.01","to":"maps-api","venue":"x402"})")
                                 << "rejected" << "$.action.asset: intent int-0002 names USDC";
    QTest::newRow("no-venue") << pay << proposal("api-buyer", "int-0002", R"({"type":"pay_api","asset":"USDC","amount":"20","to":"maps-api"})")
                              << "rejected" << "$.action.venue: intent int-0002 names x402";
    QTest::newRow("other-venue") << swap << proposal("trader", "int-0029", R"({"type":"swap","asset":"USDC","amount":"5000","venue":"dex-beta","params":{"asset_out":"ETH","min_out":"1.6"}})")
                                 << "rejected" << "$.action.venue: intent int-0029 names dex-alpha";
    QTest::newRow("other-asset-out") << swap << proposal("trader", "int-0029", R"({"type":"swap","asset":"USDC","amount":"5000","venue":"dex-alpha","params":{"asset_out":"SOL","min_out":"20"}})")
                                     << "rejected" << "$.action.params.asset_out: intent int-0029 names ETH";
    QTest::newRow("lower-min-out") << swap << proposal("trader", "int-0029", R"({"type":"swap","asset":"USDC","amount":"5000","venue":"dex-alpha","params":{"asset_out":"ETH","min_out":"1.599999999999999999"}})")
                                   << "rejected" << "$.action.params.min_out: intent int-0029 asks for at least 1.6 ETH";
    // Within the intent, the policy still decides: this min_out is more than the pool pays.
    QTest::newRow("higher-min-out") << swap << proposal("trader", "int-0029", R"({"type":"swap","asset":"USDC","amount":"5000","venue":"dex-alpha","params":{"asset_out":"ETH","min_out":"1.7"}})")
                                    << "denied" << "";
}

void HostileModelTest::intentBindsTheProposal()
{
    QFETCH(QByteArray, intent);
    QFETCH(QByteArray, answer);
    QFETCH(QString, state);
    QFETCH(QString, reason);
    const QString name = QString::fromLatin1(QTest::currentDataTag());
    const api::IntentResult result = run(name, intent.constData(), answer);
    QCOMPARE(QString::fromStdString(std::string(api::toString(result.state))), state);
    QVERIFY2(QString::fromStdString(result.reason).contains(reason), result.reason.c_str());
    auto db = storage::Database::open(m_dir.filePath(name).toStdString() + "/countersign.db", storage::OpenMode::MustExist);
    QVERIFY(db.has_value());
    // A rejection is recorded with its cause, for the agent's record; nothing is decided or moved.
    const std::int64_t mismatches = *db->queryInt(
        "SELECT count(*) FROM audit_entries WHERE type = 'proposal.rejected' AND json_extract(body, '$.cause') = 'intent_mismatch' "
        "AND json_extract(body, '$.agent') IS NOT NULL AND json_extract(body, '$.reason') = '"
        + reason.toStdString() + "'");
    QCOMPARE(mismatches, std::int64_t(state == QLatin1String("rejected") ? 1 : 0));
    if (state == QLatin1String("rejected")) {
        QCOMPARE(*db->queryInt("SELECT count(*) FROM audit_entries WHERE type IN ('policy.decided', 'settlement.receipt')"), std::int64_t(0));
        QCOMPARE(*db->queryInt("SELECT count(*) FROM ledger_postings"), std::int64_t(0));
    }
}

void HostileModelTest::recordedAnswerIsBounded()
{
    // 50 MB of answer (an over-long rationale): refused by the parser, and the log keeps 64 KiB of it.
    QByteArray answer = proposal("api-buyer", "int-0002", R"({"type":"pay_api","asset":"USDC","amount":"20","to":"maps-api","venue":"x402"})");
    answer.replace(QByteArray(R"("rationale":"r")"), QByteArray(QByteArray(R"("rationale":")") + QByteArray(50 * 1024 * 1024, 'a') + '"'));
    const api::IntentResult result = run(QStringLiteral("huge"), kPayIntent, answer);
    QCOMPARE(std::string(api::toString(result.state)), std::string("rejected"));
    QVERIFY2(QString::fromStdString(result.reason).contains(QLatin1String("more than the 65536 allowed")), result.reason.c_str());
    auto db = storage::Database::open(m_dir.filePath(QStringLiteral("huge")).toStdString() + "/countersign.db",
                                      storage::OpenMode::MustExist);
    auto row = db->prepare("SELECT body FROM audit_entries WHERE type = 'model.exchange'");
    QVERIFY(row->step().value());
    const std::string body = row->textAt(0);
    QVERIFY2(body.size() < 80 * 1024, std::to_string(body.size()).c_str());
    const QJsonObject exchange = QJsonDocument::fromJson(QByteArray::fromStdString(body)).object();
    QCOMPARE(exchange.value(QStringLiteral("response")).toString().size(), 64 * 1024);
    QCOMPARE(exchange.value(QStringLiteral("response_bytes")).toInteger(), answer.size());
    QVERIFY(exchange.value(QStringLiteral("response_cut")).toBool());
    QCOMPARE(exchange.value(QStringLiteral("response_sha256")).toString().toStdString(),
             toHex(identity::sha256(answer.toStdString())));
    // The database holds the bound, not the answer.
    QVERIFY(*db->queryInt("SELECT sum(length(body)) FROM audit_entries") < 1024 * 1024);
}

void HostileModelTest::oversizedInputFilesAreRefused_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("error");
    QTest::newRow("intents") << "intents" << (qint64(64) << 20) + 1 << "the intents file";
    QTest::newRow("fixtures") << "fixtures" << (qint64(256) << 20) + 1 << "the fixtures file";
}

void HostileModelTest::oversizedInputFilesAreRefused()
{
    QFETCH(QString, which);
    QFETCH(qint64, size);
    QFETCH(QString, error);
    const std::string ws = m_dir.filePath(QStringLiteral("oversized-") + which).toStdString();
    QVERIFY(m_factory->createWorkspace(ws, {.demo = true}));
    // Sparse: the size is what counts, and nothing of it is read.
    QFile big(m_dir.filePath(which + QStringLiteral("-big")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(size));
    big.close();
    QFile small(m_dir.filePath(which + QStringLiteral("-small.jsonl")));
    QVERIFY(small.open(QIODevice::WriteOnly));
    small.write(QByteArray(kPayIntent) + '\n');
    small.close();
    auto engine = m_factory->openWorkspace(ws);
    api::Engine::RunOptions options;
    options.backend = "replay";
    options.intentsFile = (which == u"intents" ? big : small).fileName().toStdString();
    options.fixturesFile = (which == u"fixtures" ? big : small).fileName().toStdString();
    const auto results = (*engine)->runIntents(options);
    QVERIFY(!results.has_value());
    QCOMPARE(results.error().code, ErrorCode::InvalidInput);
    QVERIFY2(QString::fromStdString(results.error().message).contains(error + QLatin1Char(' '))
                 && QString::fromStdString(results.error().message).contains(QLatin1String("MiB allowed")),
             results.error().message.c_str());
    auto db = storage::Database::open(ws + "/countersign.db", storage::OpenMode::MustExist);
    QCOMPARE(*db->queryInt("SELECT count(*) FROM audit_entries WHERE type = 'intent.received'"), std::int64_t(0));
}

QTEST_GUILESS_MAIN(HostileModelTest)
#include "HostileModelTest.moc"
