// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include "core/api/Engine.h"
#include "core/storage/Database.h"
#include "core/workspace/Workspace.h"

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
};

void AuditCrashTest::acknowledgedEntriesSurviveKill9()
{
    const int trials = qEnvironmentVariableIntValue("CS_CRASH_TRIALS") > 0 ? qEnvironmentVariableIntValue("CS_CRASH_TRIALS")
                                                                           : 50;
    QTemporaryDir dir;
    const std::string ws = dir.filePath(QStringLiteral("ws")).toStdString();
    auto factory = api::makeEngineFactory(std::make_shared<SystemClock>());
    QVERIFY(factory->createWorkspace(ws, /*demo=*/true, false, {}));

    QRandomGenerator random(quint32(QDateTime::currentMSecsSinceEpoch()));
    std::set<std::int64_t> acknowledged;
    int intact = 0;
    int lost = 0;
    for (int trial = 0; trial < trials; ++trial) {
        QProcess child;
        child.start(QStringLiteral(CS_CRASH_CHILD_PATH), {QString::fromStdString(ws)});
        QVERIFY(child.waitForStarted(30000));
        // Kill after a random number of acknowledgements (1 to 400), while appends are in flight.
        const int target = 1 + random.bounded(400);
        int seen = 0;
        QByteArray pending;
        const auto take = [&] {
            pending += child.readAllStandardOutput();
            qsizetype newline = 0;
            while ((newline = pending.indexOf('\n')) >= 0) {
                acknowledged.insert(pending.left(newline).toLongLong());
                pending.remove(0, newline + 1);
                ++seen;
            }
        };
        while (seen < target && child.state() == QProcess::Running) {
            child.waitForReadyRead(30000);
            take();
        }
        QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(30000));
        take(); // what it acknowledged before it died

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
        const auto report = (*engine)->verifyAuditLog({});
        QVERIFY(report.has_value());
        QVERIFY2(report->intact(), report->intact() ? "" : report->first()->reason.c_str());
        ++intact;
    }
    qInfo("kill -9 trials: %d, acknowledged entries: %zu, lost: %d, verify intact after kill: %d/%d", trials,
          acknowledged.size(), lost, intact, trials);
}

QTEST_GUILESS_MAIN(AuditCrashTest)
#include "AuditCrashTest.moc"
