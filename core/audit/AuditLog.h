// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/Entry.h"
#include "core/storage/DbWriter.h"

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <span>
#include <thread>
#include <utility>
#include <vector>

namespace cs::audit {

//! The engine key and where its checkpoints go; what appending needs besides the database.
struct CheckpointPolicy
{
    std::string origin;                      //!< "countersign/<workspace id>"
    std::filesystem::path directory;         //!< WS/checkpoints
    const identity::SigningKey* engineKey{}; //!< signs checkpoints
    std::uint64_t interval = 1000;           //!< a checkpoint at every multiple of this size
    //! Also one at the end of an append when the newest checkpoint is this old (0: never), so
    //! the checkpoint files outside the database trail a busy log by about a second at most.
    std::int64_t maxAgeMs = 1000;
};

//! What one transaction appended: the entries and the checkpoints signed on the way.
struct Appended
{
    std::vector<Entry> entries;
    std::vector<Checkpoint> checkpoints;
};

/**
 * Appends inside the caller's open transaction (so a settlement's balances and its receipt
 * commit together): continues the hash chain and the Merkle frontier stored in audit_tree and
 * signs a checkpoint at every multiple of policy.interval, and at the end when the newest one
 * is policy.maxAgeMs old. Drafts are checked first; a bad one
 * fails the call before anything is written. After COMMIT, call writeCheckpointFiles().
 */
Result<Appended> appendInTransaction(storage::Database& db, std::span<const Draft> drafts, Timestamp now,
                                     const CheckpointPolicy& policy);

//! Signs a checkpoint at the current size unless the latest one already has that size.
Result<std::optional<Checkpoint>> checkpointInTransaction(storage::Database& db, Timestamp now,
                                                          const CheckpointPolicy& policy);

//! Mirrors checkpoints to policy.directory (durably, one file each).
Result<void> writeCheckpointFiles(std::span<const Checkpoint> checkpoints, const CheckpointPolicy& policy);

/**
 * writeCheckpointFiles off the commit path: the checkpoints a committed transaction signed are
 * mirrored in order on a thread of its own, so a commit does not wait for their fsyncs. The
 * files then trail the database by the time that takes (core/README.md, "the window"); flush()
 * waits for all of them, and so does the destructor.
 */
class CheckpointFileWriter
{
public:
    CheckpointFileWriter();
    ~CheckpointFileWriter();
    CheckpointFileWriter(const CheckpointFileWriter&) = delete;
    CheckpointFileWriter& operator=(const CheckpointFileWriter&) = delete;

    //! After the commit: `checkpoints` (of `policy`, whose engine key must outlive this) are written next.
    void post(std::vector<Checkpoint> checkpoints, const CheckpointPolicy& policy);
    void flush();

private:
    void work();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::vector<std::pair<std::vector<Checkpoint>, CheckpointPolicy>> m_queue;
    bool m_busy = false;
    bool m_stop = false;
    std::thread m_thread;
};

//! Reads the workspace's audit origin (workspace_meta 'audit_origin').
Result<std::string> readOrigin(storage::Database& db);

/**
 * The log of one open workspace, for callers on any thread. An append is acknowledged only
 * after its COMMIT returned. Concurrent appends are group-committed: whatever is queued when
 * the writer thread gets to it goes into one transaction, and an append that arrives during a
 * commit goes into the very next one, so no acknowledgement waits for more than one commit.
 */
class AuditLog
{
public:
    AuditLog(storage::DbWriter& writer, CheckpointPolicy policy, const Clock& clock);
    ~AuditLog();

    Result<Entry> append(Draft draft);
    //! One transaction for the whole burst.
    Result<std::vector<Entry>> appendBatch(std::vector<Draft> drafts);
    //! "On close": a checkpoint covering everything appended so far (none if already covered).
    Result<std::optional<Checkpoint>> checkpointNow();

    //! Transactions committed by append() and appendBatch(), and appends waiting for the next
    //! one: what tests and bench_audit observe group commit through.
    std::uint64_t commits() const { return m_commits.load(); }
    std::size_t queued();

private:
    struct Pending;
    void drain(storage::Database& db);
    Result<Appended> commit(storage::Database& db, std::span<const Draft> drafts);

    storage::DbWriter& m_writer;
    CheckpointPolicy m_policy;
    const Clock& m_clock;
    std::mutex m_mutex;
    std::condition_variable m_idle;
    std::vector<std::shared_ptr<Pending>> m_queue;
    bool m_drainScheduled = false;
    std::atomic<std::uint64_t> m_commits{0};
};

} // namespace cs::audit
