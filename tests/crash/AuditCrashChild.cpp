// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The victim of AuditCrashTest: appends audit entries from two threads (so group commit is in
// play) until it is killed, printing each sequence number only after append() returned, that
// is after its COMMIT. Usage: audit_crash_child WS
#include "core/audit/AuditLog.h"
#include "core/identity/KeyFile.h"
#include "core/identity/Registry.h"
#include "core/workspace/Workspace.h"

#include <QJsonObject>

#include <cstdio>
#include <mutex>
#include <thread>

using namespace cs;

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: audit_crash_child WS\n");
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
