// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <map>

#include "core/api/Engine.h"
#include "core/storage/Database.h"
#include "core/storage/Files.h"
#include "core/storage/Migrations.h"
#include "core/workspace/Workspace.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace cs;

class LocalEngineTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void agentsWithBalances();
    void summaryOfDemo();
    void openErrors_data();
    void openErrors();
    void upgradesOlderSchemaOnOpen();
    void statusSubscription();
    void unlocksTheEngineKeyOnce();
    void demoOpensItsOwnEngineKey();
    void changesArePushed();
    void foreignWritesArePushed();
    void oneRunAtATime();
    void grantsAreTheRulesThatCanApply();

private:
    std::string ws() const { return m_dir->filePath(QStringLiteral("ws")).toStdString(); }
    std::string dbPath() const { return ws() + "/countersign.db"; }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<api::EngineFactory> m_factory;
};

void LocalEngineTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_shared<ManualClock>(Timestamp{1'795'600'000'000});
    m_factory = api::makeEngineFactory(m_clock);
}

void LocalEngineTest::agentsWithBalances()
{
    QVERIFY(m_factory->createWorkspace(ws(), {.demo = true}).has_value());
    auto engine = m_factory->openWorkspace(ws());
    QVERIFY2(engine.has_value(), engine ? "" : engine.error().message.c_str());
    const auto agents = (*engine)->agents();
    QVERIFY(agents.has_value());
    QCOMPARE(agents->size(), std::size_t{4});
    const api::AgentSummary& treasury = agents->at(3);
    QCOMPARE(treasury.id, std::string("treasury-bot"));
    QCOMPARE(treasury.displayName, std::string("Treasury bot"));
    QVERIFY(treasury.status == api::PrincipalStatus::Active);
    // A real Ed25519 key, shown by fingerprint only.
    QVERIFY2(QString::fromStdString(treasury.keyFingerprint).startsWith(QLatin1String("SHA256:")),
             treasury.keyFingerprint.c_str());
    QCOMPARE(treasury.keyFingerprint.size(), std::size_t{26});
    QCOMPARE(treasury.accounts, std::vector<std::string>{"treasury-bot:main"});
    QCOMPARE(treasury.balances.size(), std::size_t{3});
    QCOMPARE(treasury.balances[0].asset, std::string("ETH"));
    QCOMPARE(treasury.balances[0].amount, std::string("40.5"));
    QCOMPARE(treasury.balances[0].decimals, 18);
    QCOMPARE(treasury.balances[2].asset, std::string("USDC"));
    QCOMPARE(treasury.balances[2].amount, std::string("250000"));
    const api::AgentSummary& apiBuyer = agents->at(0);
    QCOMPARE(apiBuyer.id, std::string("api-buyer"));
    QCOMPARE(apiBuyer.balances.size(), std::size_t{1});
    QCOMPARE(apiBuyer.balances[0].amount, std::string("1200"));
}

void LocalEngineTest::summaryOfDemo()
{
    QVERIFY(m_factory->createWorkspace(ws(), {.demo = true}).has_value());
    auto engine = m_factory->openWorkspace(ws());
    QVERIFY(engine.has_value());
    const auto summary = (*engine)->summary();
    QVERIFY(summary.has_value());
    QCOMPARE(summary->name, std::string("Demo workspace"));
    QVERIFY(summary->demo);
    QCOMPARE(summary->schemaVersion, storage::latestSchemaVersion());
    QCOMPARE(summary->assets.size(), std::size_t{3});
    QCOMPARE(summary->principals.size(), std::size_t{8});
    QCOMPARE(summary->agents.size(), std::size_t{4});
    QCOMPARE(summary->pools, 2);
    QCOMPARE(summary->lendingMarkets, 2);
    QCOMPARE(summary->venues, 4);
    QCOMPARE(summary->counterparties, 11);
    QCOMPARE(summary->listedCounterparties, 7);
    QVERIFY(summary->pendingIntents >= 100);
    QCOMPARE((*engine)->status().state, api::EngineState::Ready);
}

void LocalEngineTest::openErrors_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing-directory") << "none" << int(ErrorCode::NotFound) << "workspace not found";
    QTest::newRow("plain-directory") << "empty-dir" << int(ErrorCode::NotAWorkspace) << "not a Countersign workspace";
    QTest::newRow("database-missing") << "no-db" << int(ErrorCode::NotFound) << "database file not found";
    QTest::newRow("database-garbage") << "garbage-db" << int(ErrorCode::NotAWorkspace) << "not a Countersign database";
    QTest::newRow("schema-too-new") << "newer" << int(ErrorCode::SchemaTooNew) << "newer Countersign";
}

void LocalEngineTest::openErrors()
{
    QFETCH(QString, setup);
    QFETCH(int, code);
    QFETCH(QString, message);
    if (setup != QLatin1String("none"))
        QVERIFY(m_factory->createWorkspace(ws(), {.enginePassphrase = "engine passphrase", .riskManager = "rm", .riskManagerPassphrase = "risk manager passphrase"}).has_value());
    if (setup == QLatin1String("empty-dir"))
        QVERIFY(QFile::remove(QString::fromStdString(ws() + "/workspace.json")));
    if (setup == QLatin1String("no-db"))
        QVERIFY(QFile::remove(QString::fromStdString(dbPath())));
    if (setup == QLatin1String("garbage-db")) {
        QFile file(QString::fromStdString(dbPath()));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray(8192, '\x42'));
    }
    if (setup == QLatin1String("newer")) {
        auto db = storage::Database::open(dbPath(), storage::OpenMode::MustExist);
        QVERIFY(db && db->exec("PRAGMA user_version = 99"));
    }
    const auto engine = m_factory->openWorkspace(ws());
    QVERIFY(!engine.has_value());
    QCOMPARE(int(engine.error().code), code);
    QVERIFY2(QString::fromStdString(engine.error().message).contains(message), engine.error().message.c_str());
}

void LocalEngineTest::upgradesOlderSchemaOnOpen()
{
    QVERIFY(m_factory->createWorkspace(ws(), {.enginePassphrase = "engine passphrase", .riskManager = "rm", .riskManagerPassphrase = "risk manager passphrase"}).has_value());
    QVERIFY(QFile::remove(QString::fromStdString(dbPath())));
    {
        auto db = storage::Database::open(dbPath(), storage::OpenMode::CreateIfMissing);
        QVERIFY(db && storage::migrate(*db, 1));
    }
    auto engine = m_factory->openWorkspace(ws());
    QVERIFY2(engine.has_value(), engine ? "" : engine.error().message.c_str());
    QCOMPARE((*engine)->summary()->schemaVersion, storage::latestSchemaVersion());
}

void LocalEngineTest::unlocksTheEngineKeyOnce()
{
    QVERIFY(m_factory->createWorkspace(ws(), {.enginePassphrase = "engine secret", .riskManager = "rm", .riskManagerPassphrase = "risk manager passphrase"}).has_value());
    auto engine = m_factory->openWorkspace(ws());
    QVERIFY(engine);
    QVERIFY(!(*engine)->engineUnlocked());
    // A write before the key is open is refused, naming why, and writes nothing.
    auto locked = (*engine)->reconcile();
    QVERIFY(!locked);
    QCOMPARE(locked.error().code, ErrorCode::Locked);
    QVERIFY(!(*engine)->engineUnlocked());
    auto wrong = (*engine)->unlockEngine("demo");
    QVERIFY(!wrong);
    QVERIFY(wrong.error().code == ErrorCode::WrongPassphrase);
    QVERIFY(!(*engine)->engineUnlocked());
    QVERIFY((*engine)->unlockEngine("engine secret"));
    QVERIFY((*engine)->engineUnlocked());
    // Once open it stays open for this engine: later calls need no passphrase.
    QVERIFY((*engine)->unlockEngine({}));
    QVERIFY((*engine)->reconcile());
}

void LocalEngineTest::grantsAreTheRulesThatCanApply()
{
    QVERIFY(m_factory->createWorkspace(ws(), {.demo = true}).has_value());
    auto engine = m_factory->openWorkspace(ws());
    QVERIFY(engine);
    auto grants = (*engine)->grantsOf("api-buyer");
    QVERIFY2(grants, grants ? "" : grants.error().message.c_str());
    QCOMPARE(grants->policy, std::string("Demo desk policy"));
    std::map<std::string, const api::Grant*> byRule;
    for (const api::Grant& grant : grants->rules) {
        QVERIFY2(!grant.rule.starts_with("trader.") && !grant.rule.starts_with("payroll."), grant.rule.c_str());
        byRule[grant.rule] = &grant;
    }
    QVERIFY(byRule.contains("api.listed-vendors"));
    QVERIFY(byRule["api.listed-vendors"]->effect == api::Effect::Allow);
    QCOMPARE(byRule["api.listed-vendors"]->perTransaction, std::string("at most 200 USDC"));
    QVERIFY(byRule["api.daily-cap"]->effect == api::Effect::Deny);
    QCOMPARE(byRule["api.daily-cap"]->window, std::string("above 300 USDC per calendar_day"));
    QVERIFY(byRule["api.first-time"]->effect == api::Effect::RequireApproval);
    // Each cap with its current use in its window: nothing spent before the demo runs.
    QCOMPARE(byRule["api.daily-cap"]->windowUsed, std::string("0"));
    QCOMPARE(byRule["api.daily-cap"]->windowLimit, std::string("300"));
    QCOMPARE(byRule["api.daily-cap"]->windowCurrency, std::string("USDC"));
    QCOMPARE(byRule["api.listed-vendors"]->windowLimit, std::string()); // no window
    QCOMPARE((*engine)->grantsOf("nobody").error().code, ErrorCode::NotFound);

    // The demo's intents span three days up to the day before the clock's (22 to 24 November
    // here). At noon on their last day the cap counts that day's three payments of 100 USDC to
    // listed vendors (int-0100…0102); int-0098 waits for approval but pays translate-api, which
    // is not on the list the cap counts.
    QVERIFY((*engine)->runIntents({}));
    m_clock->set(Timestamp{1'795'521'600'000}); // 2026-11-24T12:00:00Z
    grants = (*engine)->grantsOf("api-buyer");
    QVERIFY(grants);
    const auto cap = std::find_if(grants->rules.begin(), grants->rules.end(),
                                  [](const api::Grant& grant) { return grant.rule == "api.daily-cap"; });
    QVERIFY(cap != grants->rules.end());
    QCOMPARE(QString::fromStdString(cap->windowUsed), QStringLiteral("300"));
    QCOMPARE(cap->windowLimit, std::string("300"));
    QCOMPARE(cap->windowUsedPercent, 100);
    QCOMPARE(cap->windowSince.msSinceEpoch, 1'795'478'400'000LL); // that day's midnight, UTC
}

void LocalEngineTest::demoOpensItsOwnEngineKey()
{
    // A demo's passphrase is public: the engine opens the key itself on its first write.
    QVERIFY(m_factory->createWorkspace(ws(), {.demo = true}).has_value());
    auto engine = m_factory->openWorkspace(ws());
    QVERIFY(engine);
    QVERIFY(!(*engine)->engineUnlocked());
    QVERIFY((*engine)->reconcile());
    QVERIFY((*engine)->engineUnlocked());
}

void LocalEngineTest::changesArePushed()
{
    QVERIFY(m_factory->createWorkspace(ws(), {.demo = true}).has_value());
    auto engine = m_factory->openWorkspace(ws());
    QVERIFY(engine.has_value());
    std::vector<api::Change> seen;
    auto handler = (*engine)->handleChanges([&](const api::Change& change) { seen.push_back(change); });
    const auto kinds = [&] {
        std::vector<api::Change::Kind> out;
        for (const api::Change& change : seen)
            out.push_back(change.kind);
        seen.clear();
        return out;
    };
    using Kind = api::Change::Kind;

    // The demo run: the log grows, requests wait for approvers, settlements post.
    QVERIFY((*engine)->runIntents({}));
    const std::int64_t size = *storage::Database::open(dbPath(), storage::OpenMode::MustExist)->queryInt(
        "SELECT max(seq) FROM audit_entries");
    QVERIFY(!seen.empty());
    QCOMPARE(seen.front().auditSize, size);
    QCOMPARE(kinds(), (std::vector<Kind>{Kind::AuditAppended, Kind::QueueChanged, Kind::BalancesChanged}));
    // A read announces nothing.
    QVERIFY((*engine)->approvalQueue());
    QVERIFY(seen.empty());
    // One approver of two: the queue changes, no money moves.
    QVERIFY((*engine)->submitVerdict("int-0052", "alice", true, {}, workspace::kDemoPassphrase, {}));
    QCOMPARE(kinds(), (std::vector<Kind>{Kind::AuditAppended, Kind::QueueChanged}));
    // The quorum: it settles.
    QVERIFY((*engine)->submitVerdict("int-0052", "bob", true, {}, workspace::kDemoPassphrase, {}));
    QCOMPARE(kinds(), (std::vector<Kind>{Kind::AuditAppended, Kind::QueueChanged, Kind::BalancesChanged}));
    // The kill switch names the principal; its pending requests end too.
    QVERIFY((*engine)->changePrincipalStatus("trader", api::PrincipalStatus::Suspended, "rita", "review", workspace::kDemoPassphrase));
    QCOMPARE(seen.back().subject, std::string("trader"));
    QCOMPARE(kinds(), (std::vector<Kind>{Kind::AuditAppended, Kind::QueueChanged, Kind::PrincipalChanged}));
    // A refused write changes nothing and says nothing.
    QVERIFY(!(*engine)->submitVerdict("int-0052", "bob", true, {}, workspace::kDemoPassphrase, {}));
    QVERIFY(seen.empty());
    // After disconnect, nothing arrives.
    handler->disconnect();
    QVERIFY((*engine)->changePrincipalStatus("trader", api::PrincipalStatus::Active, "rita", "cleared", workspace::kDemoPassphrase));
    QVERIFY(seen.empty());
}

void LocalEngineTest::foreignWritesArePushed()
{
    // The console listens; countersign-cli (here: a second engine on the same workspace) writes.
    QVERIFY(m_factory->createWorkspace(ws(), {.demo = true}).has_value());
    auto console = m_factory->openWorkspace(ws());
    QVERIFY(console.has_value());
    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<api::Change> seen;
    auto handler = (*console)->handleChanges([&](const api::Change& change) {
        std::lock_guard lock(mutex);
        seen.push_back(change);
        arrived.notify_all();
    });
    {
        auto cli = m_factory->openWorkspace(ws());
        QVERIFY(cli.has_value());
        QVERIFY((*cli)->changePrincipalStatus("trader", api::PrincipalStatus::Suspended, "rita", "review", workspace::kDemoPassphrase));
    }
    // However slow the machine: the change arrives, by itself, with the principal it names.
    std::unique_lock lock(mutex);
    const bool pushed = arrived.wait_for(lock, std::chrono::minutes(2), [&] {
        return std::any_of(seen.begin(), seen.end(), [](const api::Change& change) {
            return change.kind == api::Change::Kind::PrincipalChanged;
        });
    });
    QVERIFY(pushed);
    const auto status = std::find_if(seen.begin(), seen.end(), [](const api::Change& change) {
        return change.kind == api::Change::Kind::PrincipalChanged;
    });
    QCOMPARE(status->subject, std::string("trader"));
    QCOMPARE(seen.front().kind, api::Change::Kind::AuditAppended);
    lock.unlock();
    handler->disconnect();
}

void LocalEngineTest::statusSubscription()
{
    QVERIFY(m_factory->createWorkspace(ws(), {.demo = true}).has_value());
    auto engine = m_factory->openWorkspace(ws());
    QVERIFY(engine.has_value());

    std::mutex mutex;
    std::vector<api::EngineStatus> seen;
    auto handler = (*engine)->handleStatusChanged([&](const api::EngineStatus& status) {
        std::lock_guard lock(mutex);
        seen.push_back(status);
    });

    // Break the database behind the engine's back: reads fail and the engine says so.
    {
        auto db = storage::Database::open(dbPath(), storage::OpenMode::MustExist);
        QVERIFY(db && db->exec("DROP TABLE balances"));
    }
    const auto broken = (*engine)->agents();
    QVERIFY(!broken.has_value());
    QCOMPARE((*engine)->status().state, api::EngineState::Degraded);
    QCOMPARE(seen.size(), std::size_t{1});
    QCOMPARE(seen[0].state, api::EngineState::Degraded);
    QVERIFY(QString::fromStdString(seen[0].detail).contains(QLatin1String("balances")));

    const auto again = (*engine)->agents(); // still degraded: no repeated notification
    QVERIFY(!again.has_value());
    QCOMPARE(seen.size(), std::size_t{1});
    QCOMPARE(seen.size(), std::size_t{1});

    handler->disconnect();
    engine->reset(); // closing would notify Closed, but we are disconnected
    QCOMPARE(seen.size(), std::size_t{1});
}

void LocalEngineTest::oneRunAtATime()
{
    QVERIFY(m_factory->createWorkspace(ws(), {.demo = true}));
    auto engine = m_factory->openWorkspace(ws());
    QVERIFY(engine.has_value());
    // Another run holds the workspace (here: this test, through the same lock file).
    auto other = std::make_unique<Result<storage::FileLock>>(storage::FileLock::acquire(ws() + "/run.lock", false, "held by the test"));
    QVERIFY(other->has_value());
    const auto entriesBefore = [&] {
        auto db = storage::Database::open(dbPath(), storage::OpenMode::MustExist);
        return *db->queryInt("SELECT count(*) FROM audit_entries");
    };
    const std::int64_t before = entriesBefore();
    const auto refused = (*engine)->runIntents({});
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, ErrorCode::StorageBusy);
    QVERIFY2(refused.error().message.find("another run is in progress") != std::string::npos, refused.error().message.c_str());
    QCOMPARE(entriesBefore(), before); // the loser wrote nothing
    // --wait: it runs once the other one lets go.
    Result<std::vector<api::IntentResult>> waited = fail(ErrorCode::Internal, "not run");
    api::Engine::RunOptions options;
    options.wait = true;
    std::thread runner([&] { waited = (*engine)->runIntents(options); });
    other.reset(); // releases the lock: the waiting run goes on
    runner.join();
    QVERIFY2(waited.has_value(), waited ? "" : waited.error().message.c_str());
    QCOMPARE(waited->size(), std::size_t(106));
}

QTEST_GUILESS_MAIN(LocalEngineTest)
#include "LocalEngineTest.moc"
