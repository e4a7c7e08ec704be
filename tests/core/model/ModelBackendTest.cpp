// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "core/model/ModelBackend.h"
#include "core/model/ProposalParser.h"
#include "core/workspace/DemoSeed.h"

#include <chrono>

using namespace cs;
using namespace cs::model;
using namespace std::chrono_literals;

/**
 * Prompts and the offline backends on the demo intents: private fields never reach a prompt,
 * the rules backend plans exactly what a task states (and says so when it cannot), scripted
 * malformed outputs come through untouched for the parser to refuse, and replay answers
 * byte-for-byte from what was recorded.
 */
class ModelBackendTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badIntentLines_data();
    void badIntentLines();
    void privateFieldsNeverReachThePrompt();
    void requestHashIsStableAndSensitive();
    void rulesBackendPlansTheDemo();
    void replayAnswersWhatWasRecorded();

private:
    std::vector<Intent> m_intents;
    std::map<std::string, std::string> m_expect; //!< intent id → the demo's expected path
};

void ModelBackendTest::initTestCase()
{
    const std::string jsonl = workspace::embeddedDemoIntents();
    auto intents = parseIntents(jsonl);
    QVERIFY2(intents.has_value(), intents ? "" : intents.error().message.c_str());
    m_intents = std::move(*intents);
    QCOMPARE(m_intents.size(), std::size_t{106});
    for (const QByteArray& line : QByteArray::fromStdString(jsonl).trimmed().split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        m_expect[object.value(QStringLiteral("id")).toString().toStdString()] =
            object.value(QStringLiteral("expect")).toString().toStdString();
    }
}

void ModelBackendTest::badIntentLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("not-json") << QByteArray("{oops") << QStringLiteral("intents line 2: not a JSON object");
    QTest::newRow("no-id") << QByteArray(R"({"agent":"trader","task":"x"})") << QStringLiteral("id must be an identifier");
    QTest::newRow("bad-agent") << QByteArray(R"({"id":"i-1","agent":"Trader","task":"x"})") << QStringLiteral("agent must be");
    QTest::newRow("no-task") << QByteArray(R"({"id":"i-1","agent":"trader"})") << QStringLiteral("task is required");
    QTest::newRow("escaping-output") << QByteArray(R"({"id":"i-1","agent":"trader","task":"x","model_output":"model-outputs/../../keys/engine.key"})")
                                     << QStringLiteral("model_output must name a file under model-outputs/");
}

void ModelBackendTest::badIntentLines()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, message);
    const QByteArray jsonl = R"({"id":"i-0","agent":"trader","task":"fine"})" "\n" + line + "\n";
    const auto parsed = parseIntents(jsonl.toStdString());
    QVERIFY(!parsed.has_value());
    QVERIFY2(QString::fromStdString(parsed.error().message).contains(message), parsed.error().message.c_str());
}

void ModelBackendTest::privateFieldsNeverReachThePrompt()
{
    int withSecrets = 0;
    for (const Intent& intent : m_intents) {
        const ModelRequest request = buildPrompt(intent);
        QCOMPARE(request.system, std::string(agentContract()));
        for (auto it = intent.secret.begin(); it != intent.secret.end(); ++it) {
            const std::string value = it.value().toString().toStdString();
            QVERIFY2(request.user.find(value) == std::string::npos, intent.id.c_str());
            QVERIFY(request.canonical().find(value) == std::string::npos);
            QVERIFY(std::count(request.redacted.begin(), request.redacted.end(), "private." + it.key().toStdString()) == 1);
        }
        withSecrets += intent.secret.isEmpty() ? 0 : 1;
        QCOMPARE(request.accessed.front(), std::string("task"));
    }
    QVERIFY(withSecrets >= 5);

    // Even where the task or the context repeats a private value, it is cut out.
    Intent leaky = m_intents.front();
    leaky.secret = QJsonObject{{QStringLiteral("iban"), QStringLiteral("DE89 3704 0044 0532 0130 00")}};
    leaky.task = "Pay to DE89 3704 0044 0532 0130 00 now";
    leaky.context.insert(QStringLiteral("note"), QStringLiteral("account DE89 3704 0044 0532 0130 00"));
    const ModelRequest request = buildPrompt(leaky);
    QVERIFY(request.user.find("DE89") == std::string::npos);
    QVERIFY(request.user.find("Pay to [redacted] now") != std::string::npos);
    QVERIFY(std::find(request.accessed.begin(), request.accessed.end(), "context.note") != request.accessed.end());
    QCOMPARE(request.redacted, std::vector<std::string>{"private.iban"});
}

void ModelBackendTest::requestHashIsStableAndSensitive()
{
    const Intent& intent = m_intents.front();
    QCOMPARE(buildPrompt(intent).sha256(), buildPrompt(intent).sha256());
    QCOMPARE(buildPrompt(intent).sha256().size(), std::size_t{64});
    Intent changed = intent;
    changed.context.insert(QStringLiteral("quote"), QStringLiteral("0.026 USDC/call"));
    QVERIFY(buildPrompt(changed).sha256() != buildPrompt(intent).sha256());
}

void ModelBackendTest::rulesBackendPlansTheDemo()
{
    RulesBackend rules(RulesBackend::demoScript(m_intents));
    std::map<std::string, int> outcomes; // planned, cannot_plan, refused by the parser
    for (const Intent& intent : m_intents) {
        const ModelRequest request = buildPrompt(intent);
        const auto response = complete(rules, request, 5s);
        QVERIFY2(response.has_value(), intent.id.c_str());
        const std::string& expect = m_expect.at(intent.id);
        if (response->cannotPlan) {
            QCOMPARE(expect, std::string("cannot_plan"));
            QVERIFY(response->text.empty() && !response->reason.empty());
            ++outcomes["cannot_plan"];
            continue;
        }
        QVERIFY2(expect != "cannot_plan", intent.id.c_str());
        QCOMPARE(complete(rules, request, 5s)->text, response->text); // deterministic
        const auto proposal = parseProposal(response->text, workspace::demoAssets());
        if (!intent.modelOutput.empty()) {
            // Scripted output passes through untouched; the parser judges it.
            const bool malicious = expect == "malicious_output";
            QVERIFY2(malicious || !proposal.has_value(), intent.id.c_str());
            ++outcomes[proposal ? "scripted_valid" : "refused"];
            continue;
        }
        if (expect == "malformed_output") {
            // The task itself states an impossible amount (19 decimals, zero): planned as
            // stated, refused by the parser — the backend never "fixes" a number.
            QVERIFY2(!proposal.has_value(), intent.id.c_str());
            ++outcomes["refused"];
            continue;
        }
        QVERIFY2(proposal.has_value(), proposal ? "" : (intent.id + ": " + proposal.error().message).c_str());
        QCOMPARE(proposal->agent, intent.agent);
        QCOMPARE(proposal->intent, intent.id);
        QCOMPARE(QString::fromLatin1(toString(proposal->action.type).data()), intent.fields.value(QStringLiteral("type")).toString());
        const auto stated = Money::parse(intent.fields.value(QStringLiteral("amount")).toString().toStdString(),
                                         proposal->action.amount.asset());
        QVERIFY(stated && stated->minor() == proposal->action.amount.minor());
        QCOMPARE(proposal->requiredApprovals, 0);
        ++outcomes["planned"];
    }
    QCOMPARE(outcomes["cannot_plan"], 5);
    QCOMPARE(outcomes["planned"] + outcomes["cannot_plan"] + outcomes["refused"] + outcomes["scripted_valid"], 106);
    QVERIFY(outcomes["refused"] >= 10);
    QVERIFY(outcomes["scripted_valid"] >= 2); // injection and understated risk: the policy's job
}

void ModelBackendTest::replayAnswersWhatWasRecorded()
{
    RulesBackend rules(RulesBackend::demoScript(m_intents));
    QByteArray fixtures;
    for (const Intent& intent : m_intents) {
        const ModelRequest request = buildPrompt(intent);
        const auto response = complete(rules, request, 5s);
        QJsonObject line{{QStringLiteral("request_sha256"), QString::fromStdString(request.sha256())},
                         {QStringLiteral("response"), QString::fromStdString(response->text)}};
        if (response->cannotPlan) {
            line.insert(QStringLiteral("cannot_plan"), true);
            line.insert(QStringLiteral("reason"), QString::fromStdString(response->reason));
        }
        fixtures += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }
    auto replay = ReplayBackend::fromFixtures(fixtures.toStdString());
    QVERIFY(replay.has_value());
    for (const Intent& intent : m_intents) {
        const ModelRequest request = buildPrompt(intent);
        const auto recorded = complete(*replay, request, 5s);
        const auto original = complete(rules, request, 5s);
        QVERIFY(recorded.has_value());
        QCOMPARE(recorded->text, original->text);
        QCOMPARE(recorded->cannotPlan, original->cannotPlan);
    }
    Intent unseen = m_intents.front();
    unseen.task = "something nobody recorded";
    const auto missing = complete(*replay, buildPrompt(unseen), 5s);
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY(!ReplayBackend::fromFixtures(R"({"request_sha256":"abc","response":"{}"})").has_value());
}

QTEST_GUILESS_MAIN(ModelBackendTest)
#include "ModelBackendTest.moc"
