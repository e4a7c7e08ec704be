// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include "core/api/Engine.h"
#include "core/domain/Money.h"
#include "core/storage/Database.h"
#include "core/workspace/Workspace.h"

#include <functional>
#include <optional>
#include <set>

using namespace cs;

/**
 * kill -9 during audit appends (RELIABILITY.md CF-1): a child appends in a loop and reports
 * each sequence number after append() returned; it is killed after a random number of
 * acknowledgements while it keeps appending. After every kill, every acknowledged entry must
 * be in the database, integrity_check must pass, and verify must find the log intact.
 * CS_CRASH_TRIALS sets the number of trials (50 by default; tests/crash/audit_kill_loop.sh
 * runs 200 and more).
 */
class AuditCrashTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedEntriesSurviveKill9();
    void settlementsSurviveKill9();
};

namespace {

/**
 * Starts the child, reads its acknowledgement lines until `target` have come (it keeps
 * working meanwhile), SIGKILLs it and takes what it printed before it died. Returns the
 * child's stderr when it stopped by itself instead, which fails the trial.
 */
std::optional<QByteArray> killAfter(const QStringList& arguments, int target,
                                    const std::function<void(const QByteArray&)>& acknowledged)
{
    QProcess child;
    child.start(QStringLiteral(CS_CRASH_CHILD_PATH), arguments);
    if (!child.waitForStarted(30000))
        return QByteArray("the child did not start");
    int seen = 0;
    QByteArray pending;
    const auto take = [&] {
        pending += child.readAllStandardOutput();
        qsizetype newline = 0;
        while ((newline = pending.indexOf('\n')) >= 0) {
            acknowledged(pending.left(newline));
            pending.remove(0, newline + 1);
            ++seen;
        }
    };
    while (seen < target && child.state() == QProcess::Running) {
        child.waitForReadyRead(30000);
        take();
    }
    if (child.state() != QProcess::Running)
        return child.readAllStandardError() + " (the child stopped before it was killed)";
    child.kill(); // SIGKILL
    child.waitForFinished(30000);
    take();
    return std::nullopt;
}

} // namespace

void AuditCrashTest::acknowledgedEntriesSurviveKill9()
{
    const int trials = qEnvironmentVariableIntValue("CS_CRASH_TRIALS") > 0 ? qEnvironmentVariableIntValue("CS_CRASH_TRIALS")
                                                                           : 50;
    QTemporaryDir dir;
    const std::string ws = dir.filePath(QStringLiteral("ws")).toStdString();
    auto factory = api::makeEngineFactory(std::make_shared<SystemClock>());
    QVERIFY(factory->createWorkspace(ws, {.demo = true}));

    QRandomGenerator random(quint32(QDateTime::currentMSecsSinceEpoch()));
    std::set<std::int64_t> acknowledged;
    int intact = 0;
    int lost = 0;
    for (int trial = 0; trial < trials; ++trial) {
        // Kill after a random number of acknowledgements (1 to 400), while appends are in flight.
        const auto failure = killAfter({QString::fromStdString(ws)}, 1 + random.bounded(400),
                                       [&](const QByteArray& line) { acknowledged.insert(line.toLongLong()); });
        QVERIFY2(!failure, failure ? failure->constData() : "");

        auto db = storage::Database::open(ws + "/countersign.db", storage::OpenMode::MustExist);
        QVERIFY(db.has_value());
        auto check = db->prepare("PRAGMA integrity_check");
        QVERIFY(check && check->step().value());
        QCOMPARE(check->textAt(0), std::string("ok"));
        const std::int64_t stored = db->queryInt("SELECT count(*) FROM audit_entries").value();
        const std::int64_t highest = db->queryInt("SELECT coalesce(max(seq), 0) FROM audit_entries").value();
        QCOMPARE(stored, highest); // no gaps, so every seq up to `highest` is present
        const auto missing = std::distance(acknowledged.upper_bound(highest), acknowledged.end());
        lost += static_cast<int>(missing);
        QVERIFY2(missing == 0, qPrintable(QStringLiteral("trial %1: %2 acknowledged entries are not in the database")
                                              .arg(trial)
                                              .arg(missing)));

        auto engine = factory->openWorkspace(ws);
        QVERIFY(engine.has_value());
        const auto report = (*engine)->verifyAuditLog({}, false, {});
        QVERIFY(report.has_value());
        QVERIFY2(report->intact(), report->intact() ? "" : report->first()->reason.c_str());
        ++intact;
    }
    qInfo("kill -9 trials: %d, acknowledged entries: %zu, lost: %d, verify intact after kill: %d/%d", trials,
          acknowledged.size(), lost, intact, trials);
}

void AuditCrashTest::settlementsSurviveKill9()
{
    // CF-2 for the ledger: kill during settlements, reconcile, and check that nothing settled
    // twice, nothing settled without its receipt, money is conserved and the log verifies.
    const int trials = std::max(10, qEnvironmentVariableIntValue("CS_CRASH_TRIALS") / 2);
    QTemporaryDir dir;
    const std::string ws = dir.filePath(QStringLiteral("ws")).toStdString();
    auto factory = api::makeEngineFactory(std::make_shared<SystemClock>());
    QVERIFY(factory->createWorkspace(ws, {.demo = true}));
    QRandomGenerator random(quint32(QDateTime::currentMSecsSinceEpoch()));
    std::set<QByteArray> acknowledged;
    long next = 1;
    int unknownResolved = 0;
    for (int trial = 0; trial < trials; ++trial) {
        const auto failure = killAfter({QString::fromStdString(ws), QStringLiteral("--settle"), QString::number(next)},
                                       1 + random.bounded(40), [&](const QByteArray& line) { acknowledged.insert(line); });
        QVERIFY2(!failure, failure ? failure->constData() : "");
        next += 100000; // fresh intents for the next child; interrupted ones stay reconciled

        auto engine = factory->openWorkspace(ws);
        QVERIFY(engine.has_value());
        const auto reconciled = (*engine)->reconcile();
        QVERIFY2(reconciled.has_value(), reconciled ? "" : reconciled.error().message.c_str());
        unknownResolved += static_cast<int>(reconciled->resolved.size());
        const auto report = (*engine)->verifyAuditLog({}, false, {});
        QVERIFY(report.has_value());
        QVERIFY2(report->intact(), report->intact() ? "" : report->first()->reason.c_str());
    }
    auto db = storage::Database::open(ws + "/countersign.db", storage::OpenMode::MustExist);
    QVERIFY(db.has_value());
    // Every acknowledged settlement is executed, with exactly one receipt and its two postings.
    for (const QByteArray& key : acknowledged) {
        auto query = db->prepare("SELECT state, coalesce(receipt_seq, 0), "
                                 "(SELECT count(*) FROM ledger_postings WHERE settlement = ?1) FROM settlements WHERE idempotency_key = ?1");
        query->bind(1, key.toStdString());
        QVERIFY(query->step().value());
        QCOMPARE(query->textAt(0), std::string("executed"));
        QVERIFY(query->int64At(1) > 0);
        QCOMPARE(query->int64At(2), std::int64_t(2));
    }
    // Nothing settled twice, nothing without a receipt, no receipt without its settlement.
    QCOMPARE(db->queryInt("SELECT count(*) FROM settlements WHERE state = 'executed'").value(),
             db->queryInt("SELECT count(*) FROM audit_entries WHERE type = 'settlement.receipt'").value());
    QCOMPARE(db->queryInt("SELECT count(DISTINCT receipt_seq) FROM settlements WHERE state = 'executed'").value(),
             db->queryInt("SELECT count(*) FROM settlements WHERE state = 'executed'").value());
    QCOMPARE(db->queryInt("SELECT count(*) FROM settlements WHERE state IN ('pending', 'unknown')").value(), std::int64_t(0));
    QCOMPARE(db->queryInt("SELECT count(*) FROM ledger_postings").value(),
             2 * db->queryInt("SELECT count(*) FROM settlements WHERE state = 'executed'").value());
    // Money is conserved: what left api-buyer arrived at weather-api, one micro-USDC each.
    const auto executed = db->queryInt("SELECT count(*) FROM settlements WHERE state = 'executed'").value();
    auto paid = db->prepare("SELECT amount FROM balances WHERE account = 'cp:weather-api' AND asset = 'USDC'");
    QVERIFY(paid->step().value());
    QCOMPARE(paid->textAt(0), Money::fromMinor(executed, *Asset::make("USDC", 6)).toString());
    const auto receipts = db->queryInt("SELECT count(*) FROM audit_entries WHERE type = 'settlement.receipt'").value();
    const auto keys = db->queryInt("SELECT count(DISTINCT idempotency_key) FROM settlements WHERE state = 'executed'").value();
    qInfo("settlement kill -9 trials: %d, acknowledged settlements: %zu, executed: %lld, receipts: %lld, "
          "double settlements: %lld, interrupted and reconciled: %d",
          trials, acknowledged.size(), static_cast<long long>(executed), static_cast<long long>(receipts),
          static_cast<long long>(receipts - keys), unknownResolved);
}

QTEST_GUILESS_MAIN(AuditCrashTest)
#include "AuditCrashTest.moc"
