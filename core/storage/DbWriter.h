// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/Database.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>

namespace cs::storage {

/**
 * The one thread that owns a workspace's write connection. Every write goes through run(),
 * which executes the job on that thread and returns its result once the job (and any COMMIT
 * in it) has finished, so what run() returns is durable. Copying the WAL back into the
 * database (a checkpoint) is left to a second thread with its own connection, so no commit
 * waits for one: it starts once the WAL holds kCheckpointFrames frames.
 */
class DbWriter
{
public:
    //! Opens the connection on the new thread; errors are those of Database::open.
    static Result<std::unique_ptr<DbWriter>> start(const std::string& path, OpenMode mode);
    ~DbWriter();

    DbWriter(const DbWriter&) = delete;
    DbWriter& operator=(const DbWriter&) = delete;

    //! Runs job(Database&) on the writer thread and blocks until it returns. Thread-safe.
    template <class Job>
    std::invoke_result_t<Job, Database&> run(Job&& job)
    {
        using R = std::invoke_result_t<Job, Database&>;
        auto task = std::make_shared<std::packaged_task<R(Database&)>>(std::forward<Job>(job));
        std::future<R> done = task->get_future();
        post([task](Database& db) { (*task)(db); });
        return done.get();
    }

    //! Queues job(Database&) on the writer thread and returns at once. Thread-safe.
    void post(std::function<void(Database&)> job);

    std::thread::id threadId() const { return m_thread.get_id(); }

    static constexpr int kCheckpointFrames = 1000; //!< SQLite's own default for its automatic checkpoint

private:
    DbWriter() = default;
    void loop(Database db);
    void checkpointLoop(Database db);

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void(Database&)>> m_jobs;
    bool m_stopping = false;
    std::thread m_thread;
    // The checkpointer: woken after a commit left kCheckpointFrames or more in the WAL.
    std::mutex m_checkpointMutex;
    std::condition_variable m_checkpointWake;
    bool m_checkpointWanted = false;
    bool m_checkpointStopping = false;
    std::thread m_checkpointer;
};

} // namespace cs::storage
