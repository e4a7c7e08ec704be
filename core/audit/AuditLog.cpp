// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/AuditLog.h"

#include "core/audit/Merkle.h"
#include "core/audit/Seen.h"
#include "core/domain/Ids.h"
#include "core/storage/Files.h"
#include "core/storage/Migrations.h"

#include <QJsonDocument>

#include <chrono>
#include <future>
#include <thread>

namespace cs::audit {

namespace {

struct TreeState
{
    MerkleFrontier frontier;
    Hash lastLeaf{};
    std::uint64_t lastCheckpoint = 0;
    std::int64_t lastCheckpointMs = 0;
};

Result<TreeState> loadTree(storage::Database& db)
{
    CS_TRY(statement, db.cached("SELECT size, frontier, last_leaf, "
                                "(SELECT coalesce(max(size), 0) FROM audit_checkpoints), "
                                "(SELECT coalesce(max(time_ms), 0) FROM audit_checkpoints) FROM audit_tree WHERE id = 1"));
    storage::Statement& query = **statement;
    CS_TRY(row, query.step());
    if (!*row)
        return fail(ErrorCode::Internal, "audit_tree has no row");
    CS_TRY(restored, MerkleFrontier::restore(static_cast<std::uint64_t>(query.int64At(0)), query.blobAt(1)));
    TreeState state{std::move(*restored), {}, static_cast<std::uint64_t>(query.int64At(3)), query.int64At(4)};
    CS_TRY(lastLeaf, identity::hashFromBytes(query.blobAt(2), "audit_tree.last_leaf"));
    state.lastLeaf = *lastLeaf;
    query.reset(); // a statement left mid-result would hold its read snapshot open
    return state;
}

Result<Checkpoint> signCheckpoint(storage::Database& db, const MerkleFrontier& frontier, Timestamp now,
                                  const CheckpointPolicy& policy)
{
    if (policy.engineKey == nullptr)
        return fail(ErrorCode::Locked, "the engine key is locked; the audit log cannot sign a checkpoint");
    Checkpoint checkpoint{policy.origin, frontier.size(), frontier.root(), now, {}};
    checkpoint.signature = policy.engineKey->sign(checkpointSignedBytes(checkpoint));
    CS_TRY(insert, db.prepare("INSERT INTO audit_checkpoints(size, time_ms, root, sig) VALUES (?1, ?2, ?3, ?4)"));
    CS_TRY(done, insert->bind(1, static_cast<std::int64_t>(checkpoint.size))
                     .bind(2, now.msSinceEpoch)
                     .bindBlob(3, checkpoint.root)
                     .bindBlob(4, checkpoint.signature)
                     .run());
    return checkpoint;
}

Result<void> saveTree(storage::Database& db, const TreeState& state)
{
    const auto frontier = state.frontier.serialize();
    CS_TRY(update, db.cached("UPDATE audit_tree SET size = ?1, frontier = ?2, last_leaf = ?3 WHERE id = 1"));
    return (*update)->bind(1, static_cast<std::int64_t>(state.frontier.size()))
        .bindBlob(2, frontier)
        .bindBlob(3, state.lastLeaf)
        .run();
}

} // namespace

Result<std::string> readOrigin(storage::Database& db)
{
    CS_TRY(origin, storage::readMeta(db, "audit_origin"));
    if (!*origin)
        return fail(ErrorCode::NotAWorkspace, "the workspace has no audit origin (workspace_meta.audit_origin)");
    return std::move(**origin);
}

Result<Appended> appendInTransaction(storage::Database& db, std::span<const Draft> drafts, Timestamp now,
                                     const CheckpointPolicy& policy)
{
    for (const Draft& draft : drafts) {
        if (!isValidEntryType(draft.type) || !isValidIdentifier(draft.actor))
            return fail(ErrorCode::InvalidInput, "audit entry has an invalid type or actor");
        if (isSignedType(draft.type) && !draft.signature)
            return fail(ErrorCode::InvalidInput, draft.type + " entries must be signed by their actor");
    }
    CS_TRY(state, loadTree(db));
    CS_TRY(statement, db.cached("INSERT INTO audit_entries(seq, time_ms, type, actor, body, sig, prev_hash, leaf_hash, intent) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    storage::Statement* insert = *statement;
    Appended appended;
    appended.entries.reserve(drafts.size());
    for (const Draft& draft : drafts) {
        Entry entry{static_cast<std::int64_t>(state->frontier.size() + 1), now, draft.type, draft.actor, draft.body,
                    draft.signature, state->lastLeaf, {}};
        const std::string bytes = entryBytes(entry);
        entry.leaf = leafHash(std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
        insert->bind(1, entry.seq).bind(2, now.msSinceEpoch).bind(3, entry.type).bind(4, entry.actor).bind(5, entry.body);
        if (entry.signature)
            insert->bindBlob(6, *entry.signature);
        else
            insert->bindNull(6);
        if (const std::optional<std::string> intent = intentNamed(entry.body))
            insert->bind(9, *intent);
        else
            insert->bindNull(9);
        CS_TRY(inserted, insert->bindBlob(7, entry.prev).bindBlob(8, entry.leaf).run());
        state->frontier.append(entry.leaf);
        state->lastLeaf = entry.leaf;
        if (policy.interval > 0 && state->frontier.size() % policy.interval == 0) {
            CS_TRY(checkpoint, signCheckpoint(db, state->frontier, now, policy));
            appended.checkpoints.push_back(std::move(*checkpoint));
            state->lastCheckpoint = state->frontier.size();
            state->lastCheckpointMs = now.msSinceEpoch;
        }
        appended.entries.push_back(std::move(entry));
    }
    if (policy.maxAgeMs > 0 && state->lastCheckpoint != state->frontier.size()
        && now.msSinceEpoch - state->lastCheckpointMs >= policy.maxAgeMs) {
        CS_TRY(checkpoint, signCheckpoint(db, state->frontier, now, policy));
        appended.checkpoints.push_back(std::move(*checkpoint));
    }
    CS_TRY(saved, saveTree(db, *state));
    return appended;
}

Result<std::optional<Checkpoint>> checkpointInTransaction(storage::Database& db, Timestamp now,
                                                          const CheckpointPolicy& policy)
{
    CS_TRY(state, loadTree(db));
    if (state->frontier.size() == 0 || state->frontier.size() == state->lastCheckpoint)
        return std::optional<Checkpoint>();
    CS_TRY(checkpoint, signCheckpoint(db, state->frontier, now, policy));
    return std::optional<Checkpoint>(std::move(*checkpoint));
}

Result<void> writeCheckpointFiles(std::span<const Checkpoint> checkpoints, const CheckpointPolicy& policy)
{
    std::vector<std::string> texts;
    texts.reserve(checkpoints.size());
    std::vector<std::pair<std::string, std::string_view>> files;
    for (const Checkpoint& checkpoint : checkpoints) {
        const QJsonObject json = checkpointToJson(checkpoint, policy.engineKey->publicKey());
        texts.push_back(QJsonDocument(json).toJson(QJsonDocument::Indented).toStdString());
        files.emplace_back(checkpointFileName(checkpoint.size), texts.back());
    }
    CS_TRY(written, storage::writeFilesDurably(policy.directory, files));
    // This user signed it over a log it checked before writing: the newest this user has seen.
    if (!checkpoints.empty())
        return recordSeen({checkpoints.back(), checkpoints.back().size}, policy.engineKey->publicKey());
    return {};
}

CheckpointFileWriter::CheckpointFileWriter() : m_thread([this] { work(); }) {}

CheckpointFileWriter::~CheckpointFileWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join(); // after the last queued checkpoints are written
}

void CheckpointFileWriter::post(std::vector<Checkpoint> checkpoints, const CheckpointPolicy& policy)
{
    if (checkpoints.empty())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_queue.emplace_back(std::move(checkpoints), policy);
    }
    m_wake.notify_one();
}

void CheckpointFileWriter::flush()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_queue.empty() && !m_busy; });
}

void CheckpointFileWriter::work()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
        if (m_queue.empty()) // and stopping
            return;
        auto batch = std::move(m_queue);
        m_queue.clear();
        m_busy = true;
        lock.unlock();
        // What queued up meanwhile is written in one go: every file, then this user's record once.
        for (std::size_t i = 1; i < batch.size(); ++i) {
            auto& [into, policy] = batch[i - 1];
            if (policy.directory == batch[i].second.directory && policy.engineKey == batch[i].second.engineKey) {
                batch[i].first.insert(batch[i].first.begin(), into.begin(), into.end());
                into.clear();
            }
        }
        for (const auto& [checkpoints, policy] : batch) {
            if (!checkpoints.empty())
                (void)writeCheckpointFiles(checkpoints, policy); // a missed mirror is what verify reports, never a lost entry
        }
        lock.lock();
        m_busy = false;
        m_idle.notify_all();
    }
}

struct AuditLog::Pending
{
    Draft draft;
    std::promise<Result<Entry>> done;
};

AuditLog::AuditLog(storage::DbWriter& writer, CheckpointPolicy policy, const Clock& clock)
    : m_writer(writer), m_policy(std::move(policy)), m_clock(clock)
{
}

AuditLog::~AuditLog()
{
    // A drain job still queued on the writer thread refers to this object.
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return !m_drainScheduled; });
}

Result<Appended> AuditLog::commit(storage::Database& db, std::span<const Draft> drafts)
{
    CS_TRY(transaction, storage::Transaction::begin(db));
    CS_TRY(appended, appendInTransaction(db, drafts, m_clock.now(), m_policy));
    CS_TRY(committed, transaction->commit());
    ++m_commits;
    // The checkpoint rows are committed; a failure to mirror them is repaired on the next
    // checkpoint write and reported by verify, but the entries themselves are durable.
    (void)writeCheckpointFiles(appended->checkpoints, m_policy);
    return appended;
}

void AuditLog::drain(storage::Database& db)
{
    std::vector<std::shared_ptr<Pending>> batch;
    {
        std::lock_guard lock(m_mutex);
        batch.swap(m_queue);
        m_drainScheduled = false;
    }
    if (!batch.empty()) {
        std::vector<Draft> drafts;
        drafts.reserve(batch.size());
        for (const auto& pending : batch)
            drafts.push_back(pending->draft);
        auto appended = commit(db, drafts);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (appended)
                batch[i]->done.set_value(std::move(appended->entries[i]));
            else
                batch[i]->done.set_value(Unexpected{appended.error()});
        }
    }
    std::lock_guard lock(m_mutex);
    m_idle.notify_all();
}

Result<Entry> AuditLog::append(Draft draft)
{
    if (!isValidEntryType(draft.type) || !isValidIdentifier(draft.actor)
        || (isSignedType(draft.type) && !draft.signature))
        return fail(ErrorCode::InvalidInput, "audit entry has an invalid type or actor, or lacks its signature");
    auto pending = std::make_shared<Pending>(Pending{std::move(draft), {}});
    auto done = pending->done.get_future();
    bool schedule = false;
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(pending);
        schedule = !std::exchange(m_drainScheduled, true);
    }
    if (schedule)
        m_writer.post([this](storage::Database& db) { drain(db); });
    // An acknowledgement usually comes within one fsync: yielding for that long instead of
    // sleeping saves the wake-up, a sizeable part of a durable append's latency.
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(2);
    while (done.wait_for(std::chrono::seconds(0)) != std::future_status::ready && std::chrono::steady_clock::now() < until)
        std::this_thread::yield();
    return done.get();
}

std::size_t AuditLog::queued()
{
    std::lock_guard lock(m_mutex);
    return m_queue.size();
}

Result<std::vector<Entry>> AuditLog::appendBatch(std::vector<Draft> drafts)
{
    return m_writer.run([&](storage::Database& db) -> Result<std::vector<Entry>> {
        CS_TRY(appended, commit(db, drafts));
        return std::move(appended->entries);
    });
}

Result<std::optional<Checkpoint>> AuditLog::checkpointNow()
{
    return m_writer.run([&](storage::Database& db) -> Result<std::optional<Checkpoint>> {
        CS_TRY(transaction, storage::Transaction::begin(db));
        CS_TRY(checkpoint, checkpointInTransaction(db, m_clock.now(), m_policy));
        CS_TRY(committed, transaction->commit());
        if (*checkpoint) {
            CS_TRY(written, writeCheckpointFiles(std::span(&**checkpoint, 1), m_policy));
        }
        return checkpoint;
    });
}

} // namespace cs::audit
