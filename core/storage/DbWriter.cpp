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
        opened.set_value({});
        w->loop(std::move(*db));
    });
    auto result = openedFuture.get();
    if (!result) {
        writer->m_thread.join();
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
