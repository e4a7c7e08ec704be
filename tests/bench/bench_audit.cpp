// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// bench_audit: durable audit appends beside the raw fsync floor of the same disk, group
// commit, and verification of a generated log. One JSON object per line (ARCHITECTURE.md,
// "Benchmarks"). Usage: bench_audit [--entries N] [--seconds S] [--dir DIR]
#include "core/api/Engine.h"
#include "tests/bench/BenchReport.h"
#include "core/audit/AuditLog.h"
#include "core/identity/KeyFile.h"
#include "core/identity/Registry.h"
#include "core/workspace/Workspace.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

using namespace cs;
using bench::printFigure;
using bench::seconds;
using bench::Steady;

namespace {

//! write + fdatasync of one small record, as often as possible: what one durable commit costs at best.
double fsyncFloor(const std::string& path, double budget)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return 0;
    const std::string record(400, 'x');
    int count = 0;
    const auto start = Steady::now();
    while (seconds(start) < budget) {
        if (::write(fd, record.data(), record.size()) != static_cast<ssize_t>(record.size()) || ::fdatasync(fd) != 0)
            break;
        ++count;
    }
    const double rate = count / seconds(start);
    ::close(fd);
    ::unlink(path.c_str());
    return rate;
}

audit::Draft sampleDraft(int i)
{
    return *audit::makeDraft(audit::types::kReputationUpdated, "engine",
                             {{QStringLiteral("agent"), QStringLiteral("api-buyer")},
                              {QStringLiteral("intent"), QStringLiteral("int-%1").arg(i, 6, 10, QLatin1Char('0'))},
                              {QStringLiteral("outcome"), QStringLiteral("executed")},
                              {QStringLiteral("score"), QStringLiteral("0.8125")}});
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::int64_t entries = 1'000'000;
    double budget = 3.0;
    QString base;
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--entries"))
            entries = args.at(i + 1).toLongLong();
        else if (args.at(i) == QLatin1String("--seconds"))
            budget = args.at(i + 1).toDouble();
        else if (args.at(i) == QLatin1String("--dir"))
            base = args.at(i + 1);
    }
    QTemporaryDir dir(base.isEmpty() ? QTemporaryDir().path() : base + QStringLiteral("/bench_audit-XXXXXX"));
    const std::filesystem::path ws = dir.filePath(QStringLiteral("ws")).toStdString();
    auto clock = std::make_shared<SystemClock>();
    auto factory = api::makeEngineFactory(clock);
    if (!factory->createWorkspace(ws.string(), {.demo = true})) {
        std::cerr << "error: cannot create the workspace\n";
        return 1;
    }

    // 1. Durable single appends beside the fsync floor, measured on the same disk in this run.
    // The disk's speed drifts: the floor is measured just before and just after the appends.
    const double floorBefore = fsyncFloor((ws / "fsync-floor.bin").string(), budget / 2);
    {
        auto key = identity::unsealKey(identity::keyFilePath(ws / workspace::kKeysDir, identity::kEngineId),
                                       workspace::kDemoPassphrase);
        auto writer = storage::DbWriter::start((ws / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist);
        auto origin = (*writer)->run([](storage::Database& db) { return audit::readOrigin(db); });
        audit::AuditLog log(**writer, {*origin, ws / workspace::kCheckpointsDir, &*key, 1000}, *clock);

        int count = 0;
        auto start = Steady::now();
        while (seconds(start) < budget) {
            if (!log.append(sampleDraft(count)))
                return 1;
            ++count;
        }
        const double single = count / seconds(start);
        const double floor = (floorBefore + fsyncFloor((ws / "fsync-floor.bin").string(), budget / 2)) / 2;
        printFigure("audit", "fsync_floor", floor, "fsyncs/s", {{QStringLiteral("record_bytes"), 400}});
        printFigure("audit", "single_append", single, "appends/s", {{QStringLiteral("durable"), true}});
        printFigure("audit", "single_vs_fsync_floor", single / floor, "ratio", {{QStringLiteral("goal"), 0.8}});

        // 2. Group commit: many callers at once, each acknowledged only after its commit.
        for (int threads : {8, 64}) {
            std::atomic<std::int64_t> appended{0};
            std::atomic<bool> stop{false};
            const std::uint64_t commitsBefore = log.commits();
            std::vector<std::thread> callers;
            start = Steady::now();
            for (int t = 0; t < threads; ++t) {
                callers.emplace_back([&, t] {
                    for (int i = 0; !stop.load(); ++i) {
                        if (log.append(sampleDraft(t * 1'000'000 + i)))
                            ++appended;
                    }
                });
            }
            std::this_thread::sleep_for(std::chrono::duration<double>(budget));
            stop = true;
            for (auto& caller : callers)
                caller.join();
            const double elapsed = seconds(start);
            const auto commits = static_cast<double>(log.commits() - commitsBefore);
            printFigure("audit", "group_commit_concurrent", static_cast<double>(appended.load()) / elapsed, "entries/s",
                 {{QStringLiteral("threads"), threads},
                  {QStringLiteral("entries_per_commit"), static_cast<double>(appended.load()) / commits}});
        }

        // 3. A burst handed over at once: one transaction per 1000 entries.
        std::vector<audit::Draft> burst;
        for (int i = 0; i < 1000; ++i)
            burst.push_back(sampleDraft(i));
        count = 0;
        start = Steady::now();
        while (seconds(start) < budget) {
            if (!log.appendBatch(burst))
                return 1;
            count += 1000;
        }
        printFigure("audit", "group_commit_burst", count / seconds(start), "entries/s", {{QStringLiteral("batch"), 1000}});
        (void)log.checkpointNow();
    }

    // 4. Verify a log of `entries` generated entries (the history generate writes), in a
    //    workspace of its own so the figure is for that log alone.
    const std::filesystem::path history = dir.filePath(QStringLiteral("history")).toStdString();
    if (!factory->createWorkspace(history.string(), {.demo = true})) {
        std::cerr << "error: cannot create the workspace\n";
        return 1;
    }
    {
        auto engine = factory->openWorkspace(history.string());
        auto start = Steady::now();
        const auto generated = (*engine)->generateHistory(entries, workspace::kDemoPassphrase);
        if (!generated) {
            std::cerr << "error: " << generated.error().message << "\n";
            return 1;
        }
        printFigure("audit", "generate", static_cast<double>(generated->appended) / seconds(start), "entries/s",
             {{QStringLiteral("entries"), static_cast<qint64>(generated->appended)}});
    }
    // 4a. The check before the first write, on opening the workspace again: this user signed
    //     its checkpoints, so only hashes, chain and roots are checked (goal: 1 s per million).
    {
        auto reopened = factory->openWorkspace(history.string());
        const auto gateStart = Steady::now();
        const auto gate = (*reopened)->checkIntegrity({});
        const double gateElapsed = seconds(gateStart);
        if (!gate || !gate->intact()) {
            std::cerr << "error: the check before the first write failed\n";
            return 1;
        }
        printFigure("audit", "check_before_write", gateElapsed, "s",
                    {{QStringLiteral("entries"), static_cast<qint64>(gate->entries)},
                     {QStringLiteral("signatures_checked"), static_cast<qint64>(gate->signedEntries)},
                     {QStringLiteral("per_million_s"), gateElapsed * 1e6 / static_cast<double>(std::max<std::int64_t>(1, gate->entries))},
                     {QStringLiteral("goal_per_million_s"), 1}});
    }
    auto engine = factory->openWorkspace(history.string());
    const auto start = Steady::now();
    const auto report = (*engine)->verifyAuditLog({}, false, {});
    const double elapsed = seconds(start);
    if (!report || !report->intact()) {
        std::cerr << "error: verify failed\n";
        return 1;
    }
    printFigure("audit", "verify", elapsed, "s",
         {{QStringLiteral("entries"), static_cast<qint64>(report->entries)},
          {QStringLiteral("signed_entries"), static_cast<qint64>(report->signedEntries)},
          {QStringLiteral("covered_by_checkpoints"), static_cast<qint64>(report->coveredEntries)},
          {QStringLiteral("checkpoints"), static_cast<qint64>(report->checkpoints)},
          {QStringLiteral("cores"), static_cast<int>(std::thread::hardware_concurrency())},
          {QStringLiteral("goal_s"), 5}});
    printFigure("audit", "verify_rate", static_cast<double>(report->entries) / elapsed, "entries/s");
    // verify --full: each engine-signed entry's signature as well.
    const auto fullStart = Steady::now();
    const auto full = (*engine)->verifyAuditLog({}, true, {});
    const double fullElapsed = seconds(fullStart);
    if (!full || !full->intact()) {
        std::cerr << "error: verify --full failed\n";
        return 1;
    }
    printFigure("audit", "verify_full", fullElapsed, "s",
                {{QStringLiteral("entries"), static_cast<qint64>(full->entries)},
                 {QStringLiteral("signed_entries"), static_cast<qint64>(full->signedEntries)}});

    // What the signatures alone cost on this machine: Ed25519 checks per second on one core,
    // and the time the log's signed entries take at that rate spread over every core.
    const auto signer = identity::SigningKey::generate();
    const std::string message(400, 'm');
    const auto signature = signer.sign(message);
    int checks = 0;
    const auto floorStart = Steady::now();
    while (seconds(floorStart) < 1.0) {
        if (!identity::verifySignature(signer.publicKey(), message, signature))
            return 1;
        ++checks;
    }
    const double perCore = checks / seconds(floorStart);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    printFigure("audit", "ed25519_verify_one_core", perCore, "verifications/s");
    printFigure("audit", "verify_signature_floor", static_cast<double>(full->signedEntries) / (perCore * cores), "s",
                {{QStringLiteral("signed_entries"), static_cast<qint64>(full->signedEntries)},
                 {QStringLiteral("cores"), static_cast<int>(cores)}});
    return 0;
}
