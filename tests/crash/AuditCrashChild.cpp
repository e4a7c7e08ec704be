// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The victim of AuditCrashTest. Without --settle: appends audit entries from two threads (so
// group commit is in play) until it is killed, printing each sequence number only after
// append() returned, that is after its COMMIT. With --settle FIRST: settles one-unit API
// payments for intents gen-FIRST, gen-FIRST+1, … through the local ledger, printing each
// idempotency key once settle() returned. Usage: audit_crash_child WS [--settle FIRST]
#include "core/audit/AuditLog.h"
#include "core/workspace/DemoSeed.h"
#include "core/model/ProposalParser.h"
#include "core/settlement/Settlement.h"
#include "core/storage/Database.h"
#include "core/identity/KeyFile.h"
#include "core/identity/Registry.h"
#include "core/workspace/Workspace.h"
#include "core/store/World.h"

#include <QJsonObject>

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <mutex>
#include <thread>

using namespace cs;

namespace {

int settleForever(storage::DbWriter& writer, const audit::CheckpointPolicy& policy, const std::string& dbPath, long first)
{
    const SystemClock clock;
    settlement::LocalLedger ledger;
    auto reader = storage::Database::open(dbPath, storage::OpenMode::MustExist);
    if (!reader)
        return 5;
    for (long n = first;; ++n) {
        const std::string json = R"({"schema":"countersign.proposal/1","agent":"api-buyer","intent":"gen-)" + std::to_string(n)
                                 + R"(","action":{"type":"pay_api","asset":"USDC","amount":"0.000001","to":"weather-api"},)"
                                 + R"("risk_level":"low","required_approvals":0,"inputs":[],"execution_plan":["pay"],)"
                                 + R"("rationale":"crash test","audit_summary":"crash test"})";
        auto proposal = model::parseProposal(json, workspace::demoAssets());
        auto world = store::loadWorld(*reader);
        if (!proposal || !world)
            return 1;
        const settlement::Request request{settlement::idempotencyKey(proposal->intent, canonicalProposal(*proposal)), *proposal,
                                          simulation::simulate(*world, *proposal), std::string(64, 'd'), std::string(64, 'p')};
        auto settled = settlement::settleAlone(writer, ledger, request, policy, clock);
        if (!settled) {
            std::fprintf(stderr, "error: %s\n", settled.error().message.c_str());
            return 1;
        }
        if (settled->outcome == settlement::Outcome::Executed) {
            std::printf("%s\n", request.idempotencyKey.c_str());
            std::fflush(stdout);
        }
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2 && !(argc == 4 && std::string_view(argv[2]) == "--settle")) {
        std::fprintf(stderr, "usage: audit_crash_child WS [--settle FIRST]\n");
        return 2;
    }
    const std::filesystem::path ws = argv[1];
    auto key = identity::unsealKey(identity::keyFilePath(ws / workspace::kKeysDir, identity::kEngineId),
                                   workspace::kDemoPassphrase);
    auto writer = storage::DbWriter::start((ws / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist);
    if (!key || !writer) {
        std::fprintf(stderr, "error: cannot open %s\n", argv[1]);
        return 5;
    }
    auto origin = (*writer)->run([](storage::Database& db) { return audit::readOrigin(db); });
    const SystemClock clock;
    // A short checkpoint interval, so kills also land around checkpoint writes.
    if (argc == 4)
        return settleForever(**writer, {*origin, ws / workspace::kCheckpointsDir, &*key, 50},
                             (ws / workspace::kDatabaseFile).string(), std::strtol(argv[3], nullptr, 10));
    audit::AuditLog log(**writer, {*origin, ws / workspace::kCheckpointsDir, &*key, 50}, clock);
    std::mutex output;
    const auto appendForever = [&](int thread) {
        for (int i = 0; i < 1'000'000; ++i) {
            auto draft = audit::makeDraft(audit::types::kReputationUpdated, "engine",
                                          {{QStringLiteral("thread"), thread}, {QStringLiteral("i"), i}});
            auto entry = log.append(std::move(*draft));
            if (!entry) {
                std::fprintf(stderr, "error: %s\n", entry.error().message.c_str());
                std::_Exit(1);
            }
            std::lock_guard lock(output);
            std::printf("%lld\n", static_cast<long long>(entry->seq));
            std::fflush(stdout);
        }
    };
    std::thread second(appendForever, 1);
    appendForever(0);
    second.join();
    return 0;
}
