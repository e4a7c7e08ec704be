// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/DbWriter.h"

namespace cs::storage {

Result<std::unique_ptr<DbWriter>> DbWriter::start(const std::string& path, OpenMode mode)
{
    std::unique_ptr<DbWriter> writer(new DbWriter);
    std::promise<Result<void>> opened;
    auto openedFuture = opened.get_future();
    writer->m_thread = std::thread([w = writer.get(), path, mode, &opened] {
        auto db = Database::open(path, mode);
        if (!db) {
            opened.set_value(Unexpected{db.error()});
            return;
        }
        // The checkpointer's connection is opened here, after the writer's created the file.
        auto checkpoints = Database::open(path, OpenMode::MustExist);
        if (!checkpoints) {
            opened.set_value(Unexpected{checkpoints.error()});
            return;
        }
        w->m_checkpointer = std::thread([w, c = std::move(*checkpoints)]() mutable { w->checkpointLoop(std::move(c)); });
        db->onWalCommit([w](int frames) {
            if (frames < kCheckpointFrames)
                return;
            {
                std::lock_guard lock(w->m_checkpointMutex);
                w->m_checkpointWanted = true;
            }
            w->m_checkpointWake.notify_one();
        });
        opened.set_value({});
        w->loop(std::move(*db));
    });
    auto result = openedFuture.get();
    if (!result) {
        writer->m_thread.join();
        writer.reset(); // stops a checkpointer that started
        return Unexpected{result.error()};
    }
    return writer;
}

DbWriter::~DbWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
    {
        std::lock_guard lock(m_checkpointMutex);
        m_checkpointStopping = true;
    }
    m_checkpointWake.notify_one();
    if (m_checkpointer.joinable())
        m_checkpointer.join();
}

void DbWriter::checkpointLoop(Database db)
{
    for (;;) {
        {
            std::unique_lock lock(m_checkpointMutex);
            m_checkpointWake.wait(lock, [this] { return m_checkpointStopping || m_checkpointWanted; });
            if (m_checkpointStopping)
                return; // the last connection to close checkpoints what is left
            m_checkpointWanted = false;
        }
        // A checkpoint that fails leaves the WAL as it is: every commit in it stays durable, and
        // the next commit asks again.
        (void)db.checkpointPassive();
    }
}

void DbWriter::post(std::function<void(Database&)> job)
{
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void DbWriter::loop(Database db)
{
    for (;;) {
        std::function<void(Database&)> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                return; // stopping, and every posted job has run
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job(db);
    }
}

} // namespace cs::storage
