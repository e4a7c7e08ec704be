// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/TestSupport.h"

#include "core/api/Engine.h"
#include "core/approval/Approvals.h"
#include "core/audit/Verifier.h"
#include "core/identity/Registry.h"
#include "core/storage/DbWriter.h"
#include "core/workspace/DemoSeed.h"
#include "core/workspace/Workspace.h"

using namespace cs;

/**
 * M-of-N approvals on the demo run: quorums settle exactly once on the world as it is, a
 * rejection needs a reason and releases the reservation, and every bad verdict is refused
 * with nothing written — forged, replayed, expired, signed with the wrong key or over the
 * wrong subject, from someone outside the groups, or from the initiator where duties forbid it.
 */
class ApprovalTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void oneApproverSettles();
    void twoApproversEachCountOnce();
    void paidBeforeIsNoLongerFirstTime();
    void rejectionNeedsAReasonAndReleases();
    void badVerdictsAreRefused_data();
    void badVerdictsAreRefused();
    void editThenApprove();
    void editsThatLoosenAreRefused_data();
    void editsThatLoosenAreRefused();
    void separationOfDuties();
    void worldChangedIsDecidedAgain();
    void expiredRequestsAreRefusedAndReleased();
    void logVerifiesAfterwards();

private:
    storage::Database open();
    std::string textOf(const char* sql, const std::string& intent);
    std::int64_t entries();
    Result<approval::Submitted> submit(const audit::Draft& verdict);
    identity::SigningKey key(const char* principal);

    QTemporaryDir m_dir;
    std::string m_ws;
    std::shared_ptr<ManualClock> m_clock = std::make_shared<ManualClock>(Timestamp{1'795'600'000'000});
    std::unique_ptr<api::EngineFactory> m_factory = api::makeEngineFactory(m_clock);
    std::unique_ptr<api::Engine> m_engine;
};

void ApprovalTest::initTestCase()
{
    m_ws = m_dir.filePath(QStringLiteral("ws")).toStdString();
    QVERIFY(m_factory->createWorkspace(m_ws, {.demo = true}));
    auto engine = m_factory->openWorkspace(m_ws);
    QVERIFY(engine);
    m_engine = std::move(*engine);
    auto results = m_engine->runIntents({});
    QVERIFY2(results, results ? "" : results.error().message.c_str());
}

storage::Database ApprovalTest::open()
{
    auto db = storage::Database::open(m_ws + "/countersign.db", storage::OpenMode::MustExist);
    if (!db)
        qFatal("%s", db.error().message.c_str());
    return std::move(*db);
}

std::string ApprovalTest::textOf(const char* sql, const std::string& intent)
{
    auto db = open();
    auto query = db.prepare(sql);
    query->bind(1, intent);
    auto row = query->step();
    return row && *row ? query->textAt(0) : std::string();
}

std::int64_t ApprovalTest::entries()
{
    auto db = open();
    return *db.queryInt("SELECT count(*) FROM audit_entries");
}

identity::SigningKey ApprovalTest::key(const char* principal)
{
    auto unsealed = identity::unsealKey(identity::keyFilePath(std::filesystem::path(m_ws) / workspace::kKeysDir, principal),
                                        workspace::kDemoPassphrase);
    if (!unsealed)
        qFatal("%s", unsealed.error().message.c_str());
    return std::move(*unsealed);
}

Result<approval::Submitted> ApprovalTest::submit(const audit::Draft& verdict)
{
    identity::SigningKey engineKey = key(identity::kEngineId);
    auto db = open();
    CS_TRY(origin, audit::readOrigin(db));
    const audit::CheckpointPolicy checkpoints{*origin, std::filesystem::path(m_ws) / workspace::kCheckpointsDir, &engineKey};
    settlement::LocalLedger ledger;
    return approval::submitVerdict(db, verdict, m_clock->now(), checkpoints, ledger);
}

void ApprovalTest::oneApproverSettles()
{
    // int-0013: api-buyer pays translate-api 20 USDC, a first-time vendor: one treasury approver.
    const std::string before = textOf("SELECT amount FROM balances WHERE account = 'api-buyer:main' AND asset = ?1", "USDC");
    auto outcome = m_engine->submitVerdict("int-0013", "alice", true, {}, workspace::kDemoPassphrase, {});
    QVERIFY2(outcome, outcome ? "" : outcome.error().message.c_str());
    QCOMPARE(test::nameOf(outcome->state), std::string("executed"));
    QVERIFY(outcome->receiptSeq > 0);
    QCOMPARE(textOf("SELECT state FROM proposals WHERE intent = ?1", "int-0013"), std::string("executed"));
    QCOMPARE(textOf("SELECT spend FROM decisions WHERE intent = ?1", "int-0013"), std::string("committed"));
    QCOMPARE(textOf("SELECT state FROM approval_requests WHERE intent = ?1", "int-0013"), std::string("approved"));
    const std::string after = textOf("SELECT amount FROM balances WHERE account = 'api-buyer:main' AND asset = ?1", "USDC");
    QCOMPARE(Money::parse(before, *Asset::make("USDC", 6))->minor() - Money::parse(after, *Asset::make("USDC", 6))->minor(),
             Int128(20'000'000));
    // Approving it again is refused: it is no longer pending, and nothing is written.
    const auto count = entries();
    auto again = m_engine->submitVerdict("int-0013", "bob", true, {}, workspace::kDemoPassphrase, {});
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::NotAllowed);
    QCOMPARE(entries(), count);
}

void ApprovalTest::twoApproversEachCountOnce()
{
    // int-0052: a first payment to sam-fisher needs both treasury approvers.
    auto first = m_engine->submitVerdict("int-0052", "alice", true, {}, workspace::kDemoPassphrase, {});
    QVERIFY(first);
    QCOMPARE(test::nameOf(first->state), std::string("pending"));
    QCOMPARE(first->message, std::string("needs 1 more approver from 'treasury'"));
    // The queue shows who approved so far, who is still needed, and what is being signed.
    auto queue = m_engine->approvalQueue();
    QVERIFY(queue);
    const auto item = std::find_if(queue->items.begin(), queue->items.end(), [](const api::QueueItem& q) { return q.intent == "int-0052"; });
    QVERIFY(item != queue->items.end());
    QCOMPARE(item->approvedBy, std::vector<std::string>{"alice"});
    QCOMPARE(item->stillNeeded.size(), std::size_t(1));
    QCOMPARE(item->stillNeeded.front().text, std::string("1 more approver from 'treasury'"));
    QVERIFY((item->stillNeeded.front().anyOf == std::vector<api::ApproverNeed::Group>{{"treasury", 1}}));
    QCOMPARE(item->subjectSha256.size(), std::size_t(64));
    // int-0054: two rules ask the same group for 1 and for 2 approvers: that is one need, 2 of them.
    const auto both = std::find_if(queue->items.begin(), queue->items.end(), [](const api::QueueItem& q) { return q.intent == "int-0054"; });
    QVERIFY(both != queue->items.end());
    QCOMPARE(both->stillNeeded.size(), std::size_t(1));
    QCOMPARE(both->stillNeeded.front().text, std::string("2 more approvers from 'treasury'"));
    QVERIFY((both->stillNeeded.front().anyOf == std::vector<api::ApproverNeed::Group>{{"treasury", 2}}));
    QVERIFY(!item->expired && !item->expiresAt.empty());
    auto twice = m_engine->submitVerdict("int-0052", "alice", true, {}, workspace::kDemoPassphrase, {});
    QVERIFY(!twice);
    QCOMPARE(twice.error().code, ErrorCode::NotAllowed);
    QVERIFY(twice.error().message.find("counts once") != std::string::npos);
    QCOMPARE(textOf("SELECT state FROM proposals WHERE intent = ?1", "int-0052"), std::string("awaiting_approval"));
    auto second = m_engine->submitVerdict("int-0052", "bob", true, {}, workspace::kDemoPassphrase, {});
    QVERIFY(second);
    QCOMPARE(test::nameOf(second->state), std::string("executed"));
    QCOMPARE(textOf("SELECT count(*) FROM settlements WHERE intent = ?1", "int-0052"), std::string("1"));
    auto after = m_engine->approvalQueue();
    QVERIFY(after);
    QCOMPARE(static_cast<int>(after->items.size()) + after->approved + after->rejected + after->expired,
             static_cast<int>(queue->items.size()) + queue->approved + queue->rejected + queue->expired);
    QCOMPARE(after->approved, queue->approved + 1);
    // int-0013 settled in between, so the world had moved: decided again (still approval) before settling.
    QCOMPARE(textOf("SELECT count(*) FROM audit_entries WHERE type = 'policy.decided' AND body LIKE ?1",
                    "%decided_again%int-0052%"),
             std::string("1"));
}

void ApprovalTest::paidBeforeIsNoLongerFirstTime()
{
    // sam-fisher was paid just now (int-0052); initech-consulting still waits (int-0054). A
    // `first_time` destination is one never settled to, whatever the lists say.
    const QString intents = m_dir.filePath(QStringLiteral("later.jsonl"));
    QFile file(intents);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"id": "int-0201", "offset_s": 200000, "agent": "payroll-bot", "task": "Pay sam-fisher again", )"
               R"("action": {"type": "transfer", "asset": "USDC", "amount": "2400", "to": "sam-fisher", "params": {}}})"
               "\n"
               R"({"id": "int-0202", "offset_s": 200060, "agent": "payroll-bot", "task": "Pay initech-consulting", )"
               R"("action": {"type": "transfer", "asset": "USDC", "amount": "100", "to": "initech-consulting", "params": {}}})"
               "\n");
    file.close();
    api::Engine::RunOptions options;
    options.intentsFile = intents.toStdString();
    auto results = m_engine->runIntents(options);
    QVERIFY2(results, results ? "" : results.error().message.c_str());
    QCOMPARE(textOf("SELECT first_time FROM decisions WHERE intent = ?1", "int-0201"), std::string("0"));
    QCOMPARE(textOf("SELECT first_time FROM decisions WHERE intent = ?1", "int-0202"), std::string("1"));
    // Paid before: the first-payment rule no longer applies, and no rule allows an unverified
    // payee (the demo policy: put it on 'payroll-recipients' first).
    const QJsonObject again = QJsonDocument::fromJson(
        QByteArray::fromStdString(textOf("SELECT decision FROM proposals WHERE intent = ?1", "int-0201"))).object();
    QCOMPARE(again.value(QStringLiteral("first_time")).toBool(true), false);
    QCOMPARE(again.value(QStringLiteral("effect")).toString(), QStringLiteral("deny"));
    QVERIFY(!again.value(QStringLiteral("rules")).toVariant().toStringList().contains(QStringLiteral("payroll.first-time")));
    const QJsonObject first = QJsonDocument::fromJson(
        QByteArray::fromStdString(textOf("SELECT decision FROM proposals WHERE intent = ?1", "int-0202"))).object();
    QCOMPARE(first.value(QStringLiteral("first_time")).toBool(false), true);
    QCOMPARE(first.value(QStringLiteral("effect")).toString(), QStringLiteral("require_approval"));
    QCOMPARE(first.value(QStringLiteral("rules")).toVariant().toStringList(), QStringList{QStringLiteral("payroll.first-time")});
}

void ApprovalTest::rejectionNeedsAReasonAndReleases()
{
    auto silent = m_engine->submitVerdict("int-0023", "bob", false, {}, workspace::kDemoPassphrase, {});
    QVERIFY(!silent);
    QCOMPARE(silent.error().code, ErrorCode::InvalidInput);
    auto rejected = m_engine->submitVerdict("int-0023", "bob", false, "too large for today", workspace::kDemoPassphrase, {});
    QVERIFY(rejected);
    QCOMPARE(test::nameOf(rejected->state), std::string("rejected"));
    QCOMPARE(textOf("SELECT reason FROM proposals WHERE intent = ?1", "int-0023"),
             std::string("rejected by bob: too large for today"));
    QCOMPARE(textOf("SELECT spend FROM decisions WHERE intent = ?1", "int-0023"), std::string("released"));
    QCOMPARE(textOf("SELECT count(*) FROM settlements WHERE intent = ?1", "int-0023"), std::string("0"));
}

void ApprovalTest::badVerdictsAreRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("forged") << "forged" << static_cast<int>(ErrorCode::InvalidInput) << "does not verify under the key of 'alice'";
    QTest::newRow("wrong-key") << "wrong-key" << static_cast<int>(ErrorCode::InvalidInput) << "does not verify under the key of 'alice'";
    QTest::newRow("wrong-hash") << "wrong-hash" << static_cast<int>(ErrorCode::InvalidInput) << "signs a different subject";
    QTest::newRow("replayed") << "replayed" << static_cast<int>(ErrorCode::NotAllowed) << "is no longer pending";
    QTest::newRow("replayed-elsewhere") << "replayed-elsewhere" << static_cast<int>(ErrorCode::InvalidInput)
                                        << "not a signed countersign.approval/1 body";
    QTest::newRow("not-an-approver") << "not-an-approver" << static_cast<int>(ErrorCode::NotAllowed) << "in none of the groups";
    QTest::newRow("unknown-request") << "unknown-request" << static_cast<int>(ErrorCode::NotFound) << "no approval request";
}

void ApprovalTest::badVerdictsAreRefused()
{
    QFETCH(QString, kind);
    QFETCH(int, code);
    QFETCH(QString, message);
    auto request = [&]() {
        auto db = open();
        return *approval::findRequest(db, "int-0024");
    }();
    QVERIFY(request);
    const identity::SigningKey alice = key("alice");
    approval::Verdict verdict{"int-0024", "alice", true, {}, request->subjectSha256};
    audit::Draft draft;
    if (kind == QLatin1String("forged")) {
        draft = *approval::signVerdict(verdict, alice);
        (*draft.signature)[7] ^= 0x01;
    } else if (kind == QLatin1String("wrong-key")) {
        draft = *approval::signVerdict(verdict, key("bob")); // claims to be alice
    } else if (kind == QLatin1String("wrong-hash")) {
        auto db = open();
        verdict.subjectSha256 = (*approval::findRequest(db, "int-0025"))->subjectSha256;
        draft = *approval::signVerdict(verdict, alice);
    } else if (kind == QLatin1String("replayed")) {
        // Alice's genuine approval of int-0013, submitted again after it executed.
        auto db = open();
        const std::string body = textOf("SELECT body FROM audit_entries WHERE type = 'approval.granted' AND body LIKE ?1",
                                        "%\"int-0013\"%");
        auto sig = db.prepare("SELECT sig FROM audit_entries WHERE type = 'approval.granted' AND body = ?1");
        sig->bind(1, body);
        QVERIFY(*sig->step());
        draft = audit::Draft{"approval.granted", "alice", body, identity::Signature{}};
        std::copy(sig->blobAt(0).begin(), sig->blobAt(0).end(), draft.signature->begin());
    } else if (kind == QLatin1String("replayed-elsewhere")) {
        // The same genuine signature with the body pointed at another request: the body no longer says alice signed it.
        draft = *approval::signVerdict(verdict, alice);
        draft.body.replace(draft.body.find("\"approver\":\"alice\""), 18, "\"approver\":\"bob!!\"");
    } else if (kind == QLatin1String("not-an-approver")) {
        verdict.approver = "rita";
        draft = *approval::signVerdict(verdict, key("rita"));
    } else {
        verdict.intent = "int-9999";
        draft = *approval::signVerdict(verdict, alice);
    }
    const auto count = entries();
    auto submitted = submit(draft);
    QVERIFY(!submitted);
    QCOMPARE(static_cast<int>(submitted.error().code), code);
    QVERIFY2(QString::fromStdString(submitted.error().message).contains(message), submitted.error().message.c_str());
    QCOMPARE(entries(), count); // nothing written
    QCOMPARE(textOf("SELECT state FROM approval_requests WHERE intent = ?1", "int-0024"), std::string("pending"));
}

void ApprovalTest::editThenApprove()
{
    const auto demo = workspace::kDemoPassphrase;
    // int-0091: 5000.000001 USDC needs an approver; lowered to 5000 the policy allows it outright.
    const std::string oldSubject = textOf("SELECT subject_sha256 FROM approval_requests WHERE intent = ?1", "int-0091");
    auto allowed = m_engine->submitEdit("int-0091", "alice", "5000", {}, demo, {});
    QVERIFY2(allowed, allowed ? "" : allowed.error().message.c_str());
    QCOMPARE(test::nameOf(allowed->state), std::string("executed"));
    QCOMPARE(textOf("SELECT amount FROM decisions WHERE intent = ?1", "int-0091"), std::string("5000"));
    QCOMPARE(textOf("SELECT json_extract(proposal, '$.action.amount') FROM proposals WHERE intent = ?1", "int-0091"),
             std::string("5000"));
    QCOMPARE(textOf("SELECT amount FROM ledger_postings p JOIN settlements s ON s.idempotency_key = p.settlement "
                    "WHERE s.intent = ?1 AND p.amount NOT LIKE '-%'",
                    "int-0091"),
             std::string("5000"));
    QVERIFY(textOf("SELECT body FROM audit_entries WHERE type = 'proposal.edited' AND body LIKE ?1", "%int-0091%")
                .find("amount: 5000.000001 → 5000 USDC") != std::string::npos);
    // Alice's signature covers the new subject, not the old one.
    const std::string newSubject = textOf("SELECT subject_sha256 FROM approval_requests WHERE intent = ?1", "int-0091");
    QVERIFY(newSubject != oldSubject);
    QCOMPARE(textOf("SELECT subject_sha256 FROM approvals WHERE intent = ?1", "int-0091"), newSubject);

    // int-0054: 12,500 USDC to a first-time vendor; lowered to 4,000 it still needs both approvers.
    const std::string before = textOf("SELECT subject_sha256 FROM approval_requests WHERE intent = ?1", "int-0054");
    auto pending = m_engine->submitEdit("int-0054", "alice", "4000", {}, demo, {});
    QVERIFY(pending);
    QCOMPARE(test::nameOf(pending->state), std::string("pending"));
    QCOMPARE(pending->message, std::string("needs 1 more approver from 'treasury'"));
    // A verdict signed over the old version no longer fits.
    auto stale = approval::signVerdict({"int-0054", "bob", true, {}, before}, key("bob"));
    auto refused = submit(*stale);
    QVERIFY(!refused);
    QVERIFY(refused.error().message.find("signs a different subject") != std::string::npos);
    // Bob reviewed the old version in his console: the engine refuses to sign what he has not
    // seen, for a verdict and for an edit alike, and writes nothing.
    const std::string entries = textOf("SELECT count(*) FROM audit_entries WHERE seq > ?1", "0");
    auto unseen = m_engine->submitVerdict("int-0054", "bob", true, {}, demo, before);
    QVERIFY(!unseen);
    QCOMPARE(unseen.error().code, ErrorCode::NotAllowed);
    QVERIFY(unseen.error().message.find("changed since it was shown") != std::string::npos);
    auto unseenEdit = m_engine->submitEdit("int-0054", "bob", "3000", {}, demo, before);
    QVERIFY(!unseenEdit);
    QCOMPARE(unseenEdit.error().code, ErrorCode::NotAllowed);
    QCOMPARE(textOf("SELECT count(*) FROM audit_entries WHERE seq > ?1", "0"), entries);
    const std::string shown = textOf("SELECT subject_sha256 FROM approval_requests WHERE intent = ?1", "int-0054");
    auto settled = m_engine->submitVerdict("int-0054", "bob", true, {}, demo, shown);
    QVERIFY(settled);
    QCOMPARE(test::nameOf(settled->state), std::string("executed"));
    QCOMPARE(textOf("SELECT amount FROM decisions WHERE intent = ?1", "int-0054"), std::string("4000"));
}

void ApprovalTest::editsThatLoosenAreRefused_data()
{
    QTest::addColumn<QString>("approver");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("minOut");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("higher-amount") << "alice" << "8000" << "" << static_cast<int>(ErrorCode::InvalidInput) << "may only lower the amount";
    QTest::newRow("zero") << "alice" << "0" << "" << static_cast<int>(ErrorCode::InvalidInput) << "to more than zero";
    QTest::newRow("same-amount") << "alice" << "7800" << "" << static_cast<int>(ErrorCode::InvalidInput) << "changes nothing";
    QTest::newRow("min-out-on-a-transfer") << "alice" << "" << "1" << static_cast<int>(ErrorCode::InvalidInput) << "only a swap";
    QTest::newRow("too-precise") << "alice" << "1.0000001" << "" << static_cast<int>(ErrorCode::InvalidInput) << "amount: ";
    QTest::newRow("outsider") << "rita" << "100" << "" << static_cast<int>(ErrorCode::NotAllowed) << "in none of the groups";
}

void ApprovalTest::editsThatLoosenAreRefused()
{
    QFETCH(QString, approver);
    QFETCH(QString, amount);
    QFETCH(QString, minOut);
    QFETCH(int, code);
    QFETCH(QString, message);
    const auto count = entries();
    auto refused = m_engine->submitEdit("int-0051", approver.toStdString(), amount.toStdString(), minOut.toStdString(),
                                        workspace::kDemoPassphrase, {});
    QVERIFY(!refused);
    QCOMPARE(static_cast<int>(refused.error().code), code);
    QVERIFY2(QString::fromStdString(refused.error().message).contains(message), refused.error().message.c_str());
    QCOMPARE(entries(), count);
    QCOMPARE(textOf("SELECT amount FROM decisions WHERE intent = ?1", "int-0051"), std::string("7800"));
}

void ApprovalTest::separationOfDuties()
{
    // A request whose initiator is in the approver group (rewritten here) and the rule forbids it.
    {
        auto db = open();
        QVERIFY(db.exec("UPDATE approval_requests SET requirements = replace(requirements, '\"alice\"', '\"trader\"') "
                        "WHERE intent = 'int-0025'"));
    }
    auto request = [&]() {
        auto db = open();
        return *approval::findRequest(db, "int-0025");
    }();
    QCOMPARE(request->agent, std::string("trader"));
    auto draft = approval::signVerdict({"int-0025", "trader", true, {}, request->subjectSha256}, key("trader"));
    auto refused = submit(*draft);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::NotAllowed);
    QVERIFY2(refused.error().message.find("separation of duties") != std::string::npos, refused.error().message.c_str());
    // Where the rule allows the initiator, the same verdict counts.
    {
        auto db = open();
        QVERIFY(db.exec("UPDATE approval_requests SET requirements = replace(requirements, "
                        "'\"initiator_may_approve\":false', '\"initiator_may_approve\":true') WHERE intent = 'int-0025'"));
    }
    auto allowed = submit(*draft);
    QVERIFY2(allowed, allowed ? "" : allowed.error().message.c_str());
    QVERIFY(allowed->state == "executed" || allowed->state == "failed");
}

void ApprovalTest::worldChangedIsDecidedAgain()
{
    // The risk manager freezes the payroll bot after int-0051 was routed to approvers.
    QString policy = QString::fromStdString(workspace::embeddedDemoPolicy());
    policy.replace(QStringLiteral(R"("rules": [)"),
                   QStringLiteral(R"("rules": [{"id": "payroll.freeze", "effect": "deny", "match": {"agent": ["payroll-bot"]}},)"));
    auto published = m_engine->publishPolicy(policy.toStdString(), "rita", workspace::kDemoPassphrase, api::PolicyMode::Active);
    QVERIFY2(published, published ? "" : published.error().message.c_str());
    auto outcome = m_engine->submitVerdict("int-0051", "alice", true, {}, workspace::kDemoPassphrase, {});
    QVERIFY2(outcome, outcome ? "" : outcome.error().message.c_str());
    QCOMPARE(test::nameOf(outcome->state), std::string("failed"));
    QVERIFY2(outcome->message.find("decided again on the world as it is now and denied") != std::string::npos,
             outcome->message.c_str());
    QCOMPARE(textOf("SELECT state FROM proposals WHERE intent = ?1", "int-0051"), std::string("failed"));
    QCOMPARE(textOf("SELECT spend FROM decisions WHERE intent = ?1", "int-0051"), std::string("released"));
    QCOMPARE(textOf("SELECT count(*) FROM settlements WHERE intent = ?1", "int-0051"), std::string("0"));
}

void ApprovalTest::expiredRequestsAreRefusedAndReleased()
{
    // 24 hours and a second later every remaining request has expired.
    m_clock->advance(24 * 3'600'000 + 1'000);
    auto late = m_engine->submitVerdict("int-0024", "alice", true, {}, workspace::kDemoPassphrase, {});
    QVERIFY(!late);
    QCOMPARE(late.error().code, ErrorCode::NotAllowed);
    QVERIFY(late.error().message.find("expired") != std::string::npos);
    QCOMPARE(textOf("SELECT state FROM approval_requests WHERE intent = ?1", "int-0024"), std::string("expired"));
    QCOMPARE(textOf("SELECT spend FROM decisions WHERE intent = ?1", "int-0024"), std::string("released"));
    QCOMPARE(textOf("SELECT state FROM proposals WHERE intent = ?1", "int-0024"), std::string("rejected"));
    QCOMPARE(textOf("SELECT count(*) FROM audit_entries WHERE type = 'approval.expired' AND body LIKE ?1", "%int-0024%"),
             std::string("1"));
    // An edit after expiry ends the request the same way (it used to stay pending).
    QCOMPARE(textOf("SELECT state FROM approval_requests WHERE intent = ?1", "int-0042"), std::string("pending"));
    auto lateEdit = m_engine->submitEdit("int-0042", "alice", "70000", {}, workspace::kDemoPassphrase, {});
    QVERIFY(!lateEdit);
    QCOMPARE(lateEdit.error().code, ErrorCode::NotAllowed);
    QVERIFY2(lateEdit.error().message.find("expired") != std::string::npos, lateEdit.error().message.c_str());
    QCOMPARE(textOf("SELECT state FROM approval_requests WHERE intent = ?1", "int-0042"), std::string("expired"));
    QCOMPARE(textOf("SELECT spend FROM decisions WHERE intent = ?1", "int-0042"), std::string("released"));
    QCOMPARE(textOf("SELECT count(*) FROM audit_entries WHERE type = 'proposal.edited' AND body LIKE ?1", "%int-0042%"),
             std::string("0"));
    // The rest expire in one sweep.
    identity::SigningKey engineKey = key(identity::kEngineId);
    auto db = open();
    auto origin = audit::readOrigin(db);
    const audit::CheckpointPolicy checkpoints{*origin, std::filesystem::path(m_ws) / workspace::kCheckpointsDir, &engineKey};
    auto swept = approval::expireDue(db, m_clock->now(), checkpoints);
    QVERIFY(swept);
    QVERIFY(*swept > 0);
    QCOMPARE(*db.queryInt("SELECT count(*) FROM approval_requests WHERE state = 'pending'"), std::int64_t(0));
    QCOMPARE(*db.queryInt("SELECT count(*) FROM decisions WHERE spend = 'reserved'"), std::int64_t(0));
}

void ApprovalTest::logVerifiesAfterwards()
{
    auto report = m_engine->verifyAuditLog({}, false, {});
    QVERIFY(report);
    QVERIFY2(report->intact(), report->intact() ? "" : report->first()->reason.c_str());
    auto db = open();
    QCOMPARE(*db.queryInt("SELECT count(*) FROM audit_entries WHERE type IN ('approval.granted', 'approval.rejected')"),
             *db.queryInt("SELECT count(*) FROM approvals"));
}

QTEST_GUILESS_MAIN(ApprovalTest)
#include "ApprovalTest.moc"
