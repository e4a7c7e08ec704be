// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/Verifier.h"

#include "core/audit/LogReads.h"
#include "core/audit/AuditLog.h"
#include "core/audit/Merkle.h"
#include "core/domain/Encoding.h"
#include "core/domain/Ids.h"
#include "core/storage/Database.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

namespace cs::audit {

namespace {

constexpr std::size_t kMaxProblems = 100;
constexpr std::size_t kChunk = 1024;
constexpr std::size_t kMaxChunksInFlight = 32;

//! Entries from..to that a root or a consistency proof says were rewritten.
struct AlteredRange
{
    std::uint64_t from = 0;
    std::uint64_t to = 0;
    std::string reason;
};

struct KeyRecord
{
    PublicKey key{};
    std::string role;
    std::string status = "active";
    bool signs = true; //!< false for an analyst, who has no key
};

struct SignatureJob
{
    std::int64_t seq = 0;
    PublicKey key{};
    std::string body;
    Signature signature{};
    std::string_view schema;
};

//! Problems found by any thread; keeps the earliest ones.
class Problems
{
public:
    void add(std::int64_t seq, std::string reason)
    {
        std::lock_guard lock(m_mutex);
        m_problems.push_back({seq, std::move(reason)});
        m_count.store(m_problems.size(), std::memory_order_relaxed);
    }
    std::vector<Problem> take()
    {
        std::lock_guard lock(m_mutex);
        std::stable_sort(m_problems.begin(), m_problems.end(), [](const Problem& a, const Problem& b) {
            return (a.seq == 0 ? INT64_MAX : a.seq) < (b.seq == 0 ? INT64_MAX : b.seq);
        });
        if (m_problems.size() > kMaxProblems)
            m_problems.resize(kMaxProblems);
        std::vector<Problem> out = std::move(m_problems);
        m_problems.clear();
        m_count.store(0, std::memory_order_relaxed);
        return out;
    }
    //! Asked once an entry by the reading thread: no lock.
    std::size_t count() const { return m_count.load(std::memory_order_relaxed); }

private:
    std::mutex m_mutex;
    std::vector<Problem> m_problems;
    std::atomic<std::size_t> m_count{0};
};

std::string describe(const SignatureJob& job, std::string_view type = {})
{
    return "entry " + std::to_string(job.seq) + (type.empty() ? std::string() : " (" + std::string(type) + ")");
}

//! Checks one signed statement: its signature and that its body names the schema of its type.
void checkSignature(const SignatureJob& job, Problems& problems)
{
    if (!identity::verifySignature(job.key, job.body, job.signature)) {
        problems.add(job.seq, describe(job) + ": the signature does not verify under its actor's key");
        return;
    }
    if (!job.schema.empty()) {
        const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(job.body)).object();
        if (body.value(QStringLiteral("schema")).toString().toStdString() != job.schema)
            problems.add(job.seq, describe(job) + ": the signed body does not name schema " + std::string(job.schema));
    }
}

//! Entries read in order, hashed and signature-checked by the pool, then chained in order.
struct Chunk
{
    std::vector<Entry> entries;           //!< the first `size` are this chunk's; the rest keep their storage
    std::size_t size = 0;
    std::vector<Hash> leaves;             //!< leafHash(entryBytes(entry)), filled by a worker
    std::vector<SignatureJob> signatures; //!< checked by the same worker
    //! Each entry's audit_entries.intent (`hasIntent` false: NULL), checked by the same worker
    //! against the proposal its body names.
    std::vector<std::string> intents;
    std::vector<char> hasIntent;
    bool done = false;
};

/**
 * The CPU-heavy part of verification (entry hashes and Ed25519 checks) on every core: the
 * reading thread hands over chunks and takes them back in order for the hash chain and the
 * tree, which are inherently sequential but cheap.
 */
class ChunkPool
{
public:
    explicit ChunkPool(Problems& problems) : m_problems(problems)
    {
        for (unsigned i = 0; i < std::max(1u, std::thread::hardware_concurrency()); ++i)
            m_threads.emplace_back([this] { work(); });
    }
    ~ChunkPool()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closing = true;
        }
        m_wake.notify_all();
        for (auto& thread : m_threads)
            thread.join();
    }

    void submit(Chunk* chunk)
    {
        {
            std::lock_guard lock(m_mutex);
            m_queue.push_back(chunk);
        }
        m_wake.notify_one();
    }

    void wait(Chunk& chunk)
    {
        std::unique_lock lock(m_mutex);
        m_finished.wait(lock, [&] { return chunk.done; });
    }

private:
    void work()
    {
        for (;;) {
            Chunk* chunk = nullptr;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return !m_queue.empty() || m_closing; });
                if (m_queue.empty())
                    return;
                chunk = m_queue.front();
                m_queue.pop_front();
            }
            chunk->leaves.resize(chunk->size);
            std::string bytes; // one buffer for the whole chunk
            for (std::size_t i = 0; i < chunk->size; ++i) {
                entryBytesInto(chunk->entries[i], bytes);
                chunk->leaves[i] = leafHash(asBytes(bytes));
                checkIntent(*chunk, i);
            }
            for (const SignatureJob& job : chunk->signatures)
                checkSignature(job, m_problems);
            {
                std::lock_guard lock(m_mutex);
                chunk->done = true;
            }
            m_finished.notify_all();
        }
    }

    //! The intent column is derived from the body and not hashed: one changed would move the
    //! entry to another proposal's timeline while the log still verified.
    void checkIntent(const Chunk& chunk, std::size_t i)
    {
        const Entry& entry = chunk.entries[i];
        const std::optional<std::string> named = intentNamed(entry.body);
        if (named.has_value() != (chunk.hasIntent[i] != 0) || (named && *named != chunk.intents[i]))
            m_problems.add(entry.seq, "entry " + std::to_string(entry.seq) + " (" + entry.type
                                          + "): its intent column does not name the proposal its body names (changed after it was written)");
    }

    Problems& m_problems;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_finished;
    std::deque<Chunk*> m_queue;
    bool m_closing = false;
    std::vector<std::thread> m_threads;
};

Result<std::map<std::uint64_t, std::pair<Checkpoint, std::string>>> readCheckpointFiles(
    const std::filesystem::path& dir, Problems& problems)
{
    std::map<std::uint64_t, std::pair<Checkpoint, std::string>> files;
    if (dir.empty())
        return files;
    const QDir directory(QString::fromStdString(dir.string()));
    const QStringList names = directory.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& name : names) {
        QFile file(directory.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::StorageFailed, "reading checkpoints/" + name.toStdString());
        const QJsonDocument document = QJsonDocument::fromJson(file.read(1 << 20));
        auto checkpoint = checkpointFromJson(document.object());
        if (!checkpoint) {
            problems.add(0, "checkpoints/" + name.toStdString() + " is malformed: " + checkpoint.error().message);
            continue;
        }
        if (name.toStdString() != checkpointFileName(checkpoint->size)) {
            problems.add(0, "checkpoints/" + name.toStdString() + " holds the checkpoint of size "
                                + std::to_string(checkpoint->size));
        }
        files.emplace(checkpoint->size, std::make_pair(std::move(*checkpoint), "checkpoints/" + name.toStdString()));
    }
    return files;
}

std::optional<Entry> rowToEntry(storage::Statement& query, std::string& why)
{
    Entry entry;
    if (!readEntryRow(query, entry, why))
        return std::nullopt;
    return entry;
}

/**
 * In a range whose root no longer matches its checkpoint, the first entry the engine signed
 * whose signature does not verify: where a forger who rehashed everything changed the log.
 * Only after a failure, so an intact log never pays for these signatures.
 */
Result<std::optional<Problem>> firstForgedEngineEntry(storage::Database& db, std::uint64_t from, std::uint64_t to,
                                                      const PublicKey& engineKey)
{
    CS_TRY(query, db.prepare("SELECT seq, time_ms, type, actor, body, sig, prev_hash, leaf_hash FROM audit_entries "
                             "WHERE seq BETWEEN ?1 AND ?2 AND actor = 'engine' AND sig IS NOT NULL ORDER BY seq"));
    query->bind(1, static_cast<std::int64_t>(from)).bind(2, static_cast<std::int64_t>(to));
    Problems found;
    for (;;) {
        CS_TRY(row, query->step());
        if (!*row)
            return std::optional<Problem>();
        std::string why;
        const auto entry = rowToEntry(*query, why);
        if (!entry || !entry->signature)
            continue;
        checkSignature({entry->seq, engineKey, entry->body, *entry->signature, schemaForType(entry->type)}, found);
        if (found.count() > 0)
            return std::optional<Problem>(found.take().front());
    }
}

} // namespace

const Problem* VerifyReport::first() const
{
    return problems.empty() ? nullptr : &problems.front();
}

Result<Entry> readEntry(storage::Database& db, std::int64_t seq)
{
    CS_TRY(query, db.prepare("SELECT seq, time_ms, type, actor, body, sig, prev_hash, leaf_hash FROM audit_entries "
                             "WHERE seq = ?1"));
    query->bind(1, seq);
    CS_TRY(row, query->step());
    if (!*row)
        return fail(ErrorCode::NotFound, "the audit log has no entry " + std::to_string(seq));
    std::string why;
    auto entry = rowToEntry(*query, why);
    if (!entry)
        return fail(ErrorCode::InvalidInput, "entry " + std::to_string(seq) + ": " + why);
    return std::move(*entry);
}

namespace {

using CheckpointFiles = std::map<std::uint64_t, std::pair<Checkpoint, std::string>>;

/**
 * One run of verifyLog, step by step: the checkpoints to hold the log against, the entries in
 * one pass (chain, tree, signatures), the checkpoints' signatures and sizes, the consistency
 * proofs, the stored tree state, and where a root that does not hold was changed.
 */
class LogVerification
{
public:
    LogVerification(storage::Database& db, const VerifyOptions& options) : m_db(db), m_options(options) {}

    Result<VerifyReport> run()
    {
        CS_TRY(origin, readOrigin(m_db));
        m_origin = std::move(*origin);
        CS_TRY(stored, readCheckpoints(m_db));
        m_stored = std::move(*stored);
        CS_TRY(files, readCheckpointFiles(m_options.checkpointsDir, m_problems));
        m_files = std::move(*files);
        m_report.checkpointFiles = static_cast<std::int64_t>(m_files.size());
        collectCheckpoints();
        CS_TRY(read, readEntries());
        m_report.entries = static_cast<std::int64_t>(m_frontier.size());
        m_report.root = m_frontier.root();
        if (m_options.progress)
            m_options.progress(m_report.entries, m_total);
        checkCheckpoints();
        checkConsistency();
        CS_TRY(tree, checkTreeState());
        CS_TRY(placed, placeAlteredRanges());
        m_report.problems = m_problems.take();
        return std::move(m_report);
    }

private:
    //! Every checkpointed size, from the database, the files and what this user saw, each to be
    //! checked against the root the entries give at that size.
    void collectCheckpoints()
    {
        for (const Checkpoint& checkpoint : m_stored)
            m_checkpointAt.emplace(checkpoint.size, &checkpoint);
        if (const auto& seen = m_options.seen) {
            // What this user saw of the log before: the database and checkpoints/ rolled back
            // together cannot hide from it.
            auto it = m_checkpointAt.find(seen->size);
            if (it == m_checkpointAt.end())
                m_checkpointAt.emplace(seen->size, &*seen);
            else if (it->second->root != seen->root)
                m_problems.add(static_cast<std::int64_t>(seen->size),
                               "the checkpoint at size " + std::to_string(seen->size)
                                   + " differs from the one this user saw of this workspace: the log was rewritten");
        }
        for (const auto& [size, file] : m_files) {
            auto it = m_checkpointAt.find(size);
            if (it == m_checkpointAt.end())
                m_checkpointAt.emplace(size, &file.first);
            else if (it->second->root != file.first.root || it->second->signature != file.first.signature)
                m_problems.add(static_cast<std::int64_t>(size), file.second + " and the database disagree about the checkpoint at size "
                                                                    + std::to_string(size));
        }
        // Engine-signed entries up to the largest checkpoint are covered by its signed root (every
        // checkpoint's signature and root are checked below; a bad one is a problem of its own).
        m_covered = m_options.engineEntrySignatures || m_checkpointAt.empty() ? 0 : m_checkpointAt.rbegin()->first;
        m_nextCheckpoint = m_checkpointAt.begin();
    }

    //! The chain and the tree, in order, from the hashes the pool computed.
    void chain(Chunk& chunk)
    {
        for (std::size_t i = 0; i < chunk.size; ++i) {
            const Entry& entry = chunk.entries[i];
            // The hash of what the entry says now; the chain and the tree are rebuilt from it,
            // so an edited entry shows where it is and a tampered leaf_hash alone hides nothing.
            const Hash& leaf = chunk.leaves[i];
            const auto where = [&entry] { return "entry " + std::to_string(entry.seq) + " (" + entry.type + ")"; };
            if (leaf != entry.leaf && isValidEntryType(entry.type) && isValidIdentifier(entry.actor))
                m_problems.add(entry.seq, where() + ": its content does not match its leaf hash (changed after it was written)");
            if (entry.prev != m_prev && !m_chainBroken) {
                m_chainBroken = true; // after the first break, later links are reported only once
                m_problems.add(entry.seq, where() + ": it does not link to entry " + std::to_string(entry.seq - 1)
                                              + " (an entry was removed, inserted or reordered)");
            }
            m_prev = leaf;
            if (m_options.consistencyProofs)
                m_leaves.push_back(leaf);
            m_frontier.append(leaf);
            // Checkpoints come by size: only the next one is looked at.
            while (m_nextCheckpoint != m_checkpointAt.end() && m_nextCheckpoint->first < m_frontier.size())
                ++m_nextCheckpoint;
            if (m_nextCheckpoint != m_checkpointAt.end() && m_nextCheckpoint->first == m_frontier.size()) {
                const auto it = m_nextCheckpoint++;
                if (it->second->root != m_frontier.root())
                    m_alteredRanges.push_back({m_previousCheckpoint + 1, m_frontier.size(),
                                               "the Merkle root of the first " + std::to_string(m_frontier.size())
                                                   + " entries differs from the signed checkpoint: entries "
                                                   + std::to_string(m_previousCheckpoint + 1) + "–"
                                                   + std::to_string(m_frontier.size()) + " were altered"});
                m_previousCheckpoint = m_frontier.size();
            }
        }
        if (m_options.progress)
            m_options.progress(static_cast<std::int64_t>(m_frontier.size()), m_total);
    }

    //! Every entry once, in order: read here, hashed and signature-checked on every core, chained
    //! back here in order. Memory stays flat: only a bounded number of chunks is in flight.
    Result<void> readEntries()
    {
        CS_TRY(total, m_db.queryInt("SELECT coalesce(max(seq), 0) FROM audit_entries"));
        m_total = *total;
        if (m_options.consistencyProofs)
            m_leaves.reserve(static_cast<std::size_t>(m_total));
        CS_TRY(query, m_db.prepare("SELECT seq, time_ms, type, actor, body, sig, prev_hash, leaf_hash, intent FROM audit_entries "
                                   "ORDER BY seq"));
        ChunkPool pool(m_problems);
        std::deque<std::unique_ptr<Chunk>> inFlight;
        std::vector<std::unique_ptr<Chunk>> spare; // retired chunks, their entries' storage kept for reuse
        const auto fresh = [&] {
            if (spare.empty())
                return std::make_unique<Chunk>();
            std::unique_ptr<Chunk> reused = std::move(spare.back());
            spare.pop_back();
            reused->size = 0;
            reused->signatures.clear();
            reused->done = false;
            return reused;
        };
        const auto retireOldest = [&] {
            pool.wait(*inFlight.front());
            chain(*inFlight.front());
            spare.push_back(std::move(inFlight.front()));
            inFlight.pop_front();
        };
        auto chunk = fresh();
        const auto submit = [&] {
            if (chunk->size == 0)
                return;
            pool.submit(chunk.get());
            inFlight.push_back(std::move(chunk));
            chunk = fresh();
            while (inFlight.size() > kMaxChunksInFlight)
                retireOldest();
        };
        std::string why;
        bool cancelled = false;
        for (std::int64_t expected = 1;; ++expected) {
            if (expected % 4096 == 0 && m_options.stop.stop_requested()) {
                cancelled = true;
                break;
            }
            CS_TRY(row, query->step());
            if (!*row)
                break;
            if (chunk->entries.size() == chunk->size) {
                chunk->entries.emplace_back();
                chunk->intents.emplace_back();
                chunk->hasIntent.push_back(0);
            }
            Entry& entry = chunk->entries[chunk->size];
            if (!readEntryRow(*query, entry, why)) {
                m_problems.add(expected, "entry " + std::to_string(expected) + ": " + why);
                break;
            }
            chunk->hasIntent[chunk->size] = !query->isNullAt(8);
            chunk->intents[chunk->size].assign(query->textViewAt(8));
            if (entry.seq != expected) {
                m_problems.add(expected, "entry " + std::to_string(expected) + " is missing (the next stored entry is "
                                             + std::to_string(entry.seq) + ")");
                break; // every later position is shifted: nothing more to learn from the chain
            }
            if (!isValidEntryType(entry.type) || !isValidIdentifier(entry.actor))
                m_problems.add(expected, "entry " + std::to_string(expected) + " (" + entry.type
                                             + "): its type or actor is not well-formed");
            checkSigner(entry, *chunk);
            ++chunk->size;
            if (chunk->size >= kChunk)
                submit();
            if (m_problems.count() >= kMaxProblems)
                break;
        }
        submit();
        while (!inFlight.empty())
            retireOldest();
        if (cancelled)
            return fail(ErrorCode::Cancelled, "the verification was cancelled after " + std::to_string(m_frontier.size()) + " entries");
        return {};
    }

    /**
     * Who signed `entry` and whether they may: identity events are checked here, in order,
     * because they change the keys later entries are checked with; the other signatures go to
     * the pool with `chunk` — except those the engine made under a checkpoint, which its signed
     * root covers (VerifyOptions::engineEntrySignatures).
     */
    void checkSigner(const Entry& entry, Chunk& chunk)
    {
        const std::int64_t seq = entry.seq;
        const auto where = [&] { return "entry " + std::to_string(seq) + " (" + entry.type + ")"; }; // only for problems
        const bool mustSign = isSignedType(entry.type);
        const bool trusted = static_cast<std::uint64_t>(seq) <= m_options.trustedPrefix;
        // The founders register themselves as the workspace is made; anyone later is added first.
        if (entry.type != types::kWorkspaceCreated && entry.type != types::kIdentityRegistered)
            m_founded = true;
        if (mustSign && !entry.signature) {
            m_problems.add(seq, where() + ": it must be signed by its actor but carries no signature");
            return;
        }
        if (!entry.signature)
            return;
        m_report.signedEntries += trusted ? 0 : 1; // signatures checked in this run
        // Made only for a signature that is checked: most entries under a trusted prefix or a
        // checkpoint need no copy of their body.
        const auto job = [&](const PublicKey& key) {
            return SignatureJob{seq, key, entry.body, *entry.signature, schemaForType(entry.type)};
        };
        auto signer = m_keys.find(entry.actor);
        if (entry.type.starts_with("identity.")) {
            checkIdentity(entry, signer, trusted, job);
        } else if (signer == m_keys.end()) {
            m_problems.add(seq, where() + ": signed by '" + entry.actor + "', who has no registered key");
        } else if (!signer->second.signs) {
            m_problems.add(seq, where() + ": signed by '" + entry.actor + "', an analyst, who signs nothing");
        } else if (signer->second.status != "active") {
            m_problems.add(seq, where() + ": signed by '" + entry.actor + "', whose key is " + signer->second.status);
        } else {
            if ((entry.type == types::kPolicyPublished || entry.type == types::kWorldChanged)
                && signer->second.role != "risk_manager")
                m_problems.add(seq, where() + (entry.type == types::kPolicyPublished ? ": a policy is published" : ": the world is changed")
                                        + " by a risk manager, not by '" + entry.actor + "' (" + signer->second.role + ")");
            if (entry.actor == "engine" && static_cast<std::uint64_t>(seq) <= m_covered) {
                m_report.signedEntries -= trusted ? 0 : 1;
                m_report.coveredEntries += trusted ? 0 : 1;
            } else if (!trusted) {
                chunk.signatures.push_back(job(signer->second.key));
            }
        }
    }

    /**
     * The identity events, checked here in order because they change the keys later entries are
     * checked with: a registration (self-signed; after the founders, only of someone a risk
     * manager added with that key), an addition and a status change (by an active risk manager,
     * a status change also by the engine), a key rotation (by a risk manager or the principal
     * itself; what was signed before it still verifies under the old key).
     */
    template<typename Job>
    void checkIdentity(const Entry& entry, std::map<std::string, KeyRecord>::iterator signer, bool trusted, const Job& job)
    {
        const std::int64_t seq = entry.seq;
        const auto where = [&] { return "entry " + std::to_string(seq) + " (" + entry.type + ")"; };
        const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(entry.body)).object();
        const std::string subject = body.value(QStringLiteral("principal")).toString().toStdString();
        const std::string role = body.value(QStringLiteral("role")).toString().toStdString();
        const auto keyIn = [&]() -> std::optional<PublicKey> {
            auto bytes = fromBase64(body.value(QStringLiteral("public_key")).toString().toStdString());
            auto key = bytes ? identity::publicKeyFromBytes(*bytes, "public_key") : Result<PublicKey>(Unexpected{bytes.error()});
            return key ? std::optional<PublicKey>(*key) : std::nullopt;
        };
        if (entry.type == types::kIdentityRegistered) {
            const std::optional<PublicKey> key = keyIn();
            const auto added = m_added.find(subject);
            if (subject != entry.actor || !key) {
                m_problems.add(seq, where() + ": a registration must name its actor and carry a 32-byte public key");
            } else if (signer != m_keys.end()) {
                m_problems.add(seq, where() + ": '" + subject + "' is already registered");
            } else if (m_founded && (added == m_added.end() || added->second.key != *key || added->second.role != role)) {
                m_problems.add(seq, where() + ": '" + subject + "' registers a key no risk manager added");
            } else {
                if (!trusted)
                    checkSignature(job(*key), m_problems);
                m_keys[subject] = {*key, role, "active", true};
                if (added != m_added.end())
                    m_added.erase(added);
            }
            return;
        }
        if (signer == m_keys.end() || !signer->second.signs) {
            m_problems.add(seq, where() + ": signed by '" + entry.actor + "', who has no registered key");
            return;
        }
        if (signer->second.status != "active") {
            m_problems.add(seq, where() + ": signed by '" + entry.actor + "', whose key is " + signer->second.status);
            return;
        }
        if (!trusted)
            checkSignature(job(signer->second.key), m_problems);
        const std::string& by = signer->second.role;
        auto target = m_keys.find(subject);
        if (entry.type == types::kIdentityAdded) {
            const std::optional<PublicKey> key = keyIn();
            if (by != "risk_manager")
                m_problems.add(seq, where() + ": only a risk manager adds people and agents, not '" + entry.actor + "'");
            else if (target != m_keys.end() || m_added.contains(subject))
                m_problems.add(seq, where() + ": '" + subject + "' is already a principal");
            else if (role == "analyst")
                m_keys[subject] = {PublicKey{}, role, "active", false}; // reads everything, signs nothing
            else if (!key)
                m_problems.add(seq, where() + ": an addition carries the new principal's 32-byte public key");
            else
                m_added[subject] = {*key, role, "active", true};
        } else if (target == m_keys.end()) {
            m_problems.add(seq, where() + ": names '" + subject + "', who is not registered");
        } else if (entry.type == types::kIdentityStatusChanged) {
            if (by != "risk_manager" && by != "engine")
                m_problems.add(seq, where() + ": only a risk manager or the engine may change a key's status");
            else
                target->second.status = body.value(QStringLiteral("to")).toString().toStdString();
        } else if (entry.type == types::kIdentityKeyRotated) {
            const std::optional<PublicKey> key = keyIn();
            if (by != "risk_manager" && entry.actor != subject)
                m_problems.add(seq, where() + ": a key is rotated by its holder or a risk manager, not '" + entry.actor + "'");
            else if (!key || !target->second.signs || target->second.status == "revoked")
                m_problems.add(seq, where() + ": rotates to no valid key, or the key of someone who has none or is revoked");
            else
                target->second.key = *key;
        } else {
            m_problems.add(seq, where() + ": not an identity event this version knows");
        }
    }

    //! Every checkpoint (database, files, what this user saw) is signed by the engine for this
    //! log, and none covers more than the log holds.
    void checkCheckpoints()
    {
        // The engine key: the one the log registered, which the key file and a pinned key must match.
        if (auto it = m_keys.find("engine"); it != m_keys.end())
            m_engineKey = it->second.key;
        if (m_options.keyFileKey && m_engineKey && *m_options.keyFileKey != *m_engineKey)
            m_problems.add(0, "keys/engine.key holds a different engine key than the one the log registered");
        if (m_options.engineKey) {
            if (m_engineKey && *m_engineKey != *m_options.engineKey)
                m_problems.add(1, "the log registered a different engine key than the pinned one");
            m_engineKey = m_options.engineKey;
        }
        const auto checkSigned = [&](const Checkpoint& checkpoint, const std::string& where) {
            if (checkpoint.origin != m_origin)
                m_problems.add(0, where + " belongs to another log (" + checkpoint.origin + ")");
            if (!m_engineKey || !verifyCheckpoint(checkpoint, *m_engineKey))
                m_problems.add(checkpoint.size <= m_frontier.size() ? static_cast<std::int64_t>(checkpoint.size) : 0,
                               "the signature of " + where + " does not verify under the engine key");
        };
        // Under the trusted prefix every checkpoint's root was just recomputed from the entries, and
        // this user checked their signatures before: only the ones above it are checked again.
        const auto checkedBefore = [&](const Checkpoint& checkpoint) {
            return checkpoint.size < m_options.trustedPrefix && checkpoint.origin == m_origin;
        };
        for (const Checkpoint& checkpoint : m_stored) {
            if (!checkedBefore(checkpoint))
                checkSigned(checkpoint, "the checkpoint at size " + std::to_string(checkpoint.size) + " in the database");
        }
        for (const auto& [size, file] : m_files) {
            if (!checkedBefore(file.first))
                checkSigned(file.first, file.second);
        }
        if (m_options.seen)
            checkSigned(*m_options.seen, "the checkpoint at size " + std::to_string(m_options.seen->size) + " this user saw");

        const auto inDatabase = [&](std::uint64_t size) {
            return std::any_of(m_stored.begin(), m_stored.end(), [size](const Checkpoint& c) { return c.size == size; });
        };
        for (const auto& [size, checkpoint] : m_checkpointAt) {
            m_ordered.push_back(checkpoint);
            m_report.latestCheckpoint = size;
            if (size <= m_frontier.size() && m_files.count(size) > 0 && !inDatabase(size))
                m_problems.add(static_cast<std::int64_t>(size), "the checkpoint at size " + std::to_string(size)
                                                                    + " is in checkpoints/ but was removed from the database");
            if (size > m_frontier.size() && m_options.seen && size == m_options.seen->size && m_files.count(size) == 0
                && !inDatabase(size)) {
                m_problems.add(m_report.entries + 1, "the log has " + std::to_string(m_frontier.size())
                                                         + " entries but this user saw a signed checkpoint of this workspace covering "
                                                         + std::to_string(size)
                                                         + ": the database and its checkpoints/ were rolled back together");
            } else if (size > m_frontier.size()) {
                const bool inFile = m_files.count(size) > 0;
                m_problems.add(m_report.entries + 1,
                               "the log has " + std::to_string(m_frontier.size()) + " entries but a signed checkpoint "
                                   + (inFile ? "in checkpoints/ " : "") + "covers " + std::to_string(size)
                                   + ": entries were removed from the end or the database was replaced by an older copy");
            }
        }
        m_report.checkpoints = static_cast<std::int64_t>(m_ordered.size());
    }

    //! Consecutive checkpoints must be consistent (RFC 9162 §2.1.4): the later tree extends the
    //! earlier one. The proof comes from the entries, the roots from the signatures.
    void checkConsistency()
    {
        if (!m_options.consistencyProofs)
            return;
        const MerkleTree merkle(m_leaves);
        for (std::size_t i = 1; i < m_ordered.size(); ++i) {
            const Checkpoint& older = *m_ordered[i - 1];
            const Checkpoint& newer = *m_ordered[i];
            if (newer.size > m_leaves.size())
                break;
            const auto proof = merkle.consistencyProof(older.size, newer.size);
            ++m_report.consistencyProofs;
            if (!verifyConsistency(older.size, newer.size, older.root, newer.root, proof))
                m_alteredRanges.push_back({older.size + 1, newer.size,
                                           "the checkpoints at sizes " + std::to_string(older.size) + " and "
                                               + std::to_string(newer.size)
                                               + " are not consistent: the log was rewritten between them"});
        }
    }

    //! The stored tree state, which appends continue from, must describe these entries.
    Result<void> checkTreeState()
    {
        CS_TRY(tree, m_db.prepare("SELECT size, frontier, last_leaf FROM audit_tree WHERE id = 1"));
        CS_TRY(treeRow, tree->step());
        const auto storedBytes = *treeRow ? tree->blobAt(1) : std::span<const std::uint8_t>();
        const auto serialized = m_frontier.serialize();
        if (!*treeRow || tree->int64At(0) != m_report.entries
            || !std::equal(storedBytes.begin(), storedBytes.end(), serialized.begin(), serialized.end()))
            m_problems.add(*treeRow ? std::min<std::int64_t>(tree->int64At(0), m_report.entries) + 1 : 0,
                           "the stored tree state (" + std::to_string(*treeRow ? tree->int64At(0) : 0)
                               + " entries) does not describe the " + std::to_string(m_report.entries) + " entries in the log");
        return {};
    }

    /**
     * A root that differs from its checkpoint says entries in that range were rewritten. When
     * an entry in the range already shows what changed, that entry is where it is reported;
     * otherwise the engine signatures in the range name the forged one; otherwise (a forger
     * who recomputed every hash and signed nothing) the range's first entry is.
     */
    Result<void> placeAlteredRanges()
    {
        const std::vector<Problem> found = m_problems.take();
        for (const Problem& problem : found)
            m_problems.add(problem.seq, problem.reason);
        for (const AlteredRange& range : m_alteredRanges) {
            std::optional<std::int64_t> where;
            for (const Problem& problem : found) {
                if (problem.seq >= static_cast<std::int64_t>(range.from) && problem.seq <= static_cast<std::int64_t>(range.to)) {
                    where = problem.seq;
                    break; // found is sorted by seq
                }
            }
            if (!where && m_covered > 0 && m_engineKey) {
                CS_TRY(forged, firstForgedEngineEntry(m_db, range.from, std::min<std::uint64_t>(range.to, m_covered), *m_engineKey));
                if (*forged) {
                    where = (*forged)->seq;
                    m_problems.add((*forged)->seq, (*forged)->reason);
                }
            }
            m_problems.add(where.value_or(static_cast<std::int64_t>(range.from)), range.reason);
        }
        return {};
    }

    storage::Database& m_db;
    const VerifyOptions& m_options;
    VerifyReport m_report;
    Problems m_problems;
    std::string m_origin;
    std::vector<Checkpoint> m_stored;
    CheckpointFiles m_files;
    std::map<std::uint64_t, const Checkpoint*> m_checkpointAt;
    std::map<std::uint64_t, const Checkpoint*>::const_iterator m_nextCheckpoint; //!< the first not reached yet
    std::vector<const Checkpoint*> m_ordered; //!< by size
    std::uint64_t m_covered = 0;
    std::int64_t m_total = 0;
    std::map<std::string, KeyRecord> m_keys;
    std::map<std::string, KeyRecord> m_added; //!< added by a risk manager, not registered yet
    bool m_founded = false;                   //!< past the founders' registrations
    std::optional<PublicKey> m_engineKey;
    std::vector<Hash> m_leaves;
    MerkleFrontier m_frontier;
    Hash m_prev{};
    std::uint64_t m_previousCheckpoint = 0;
    bool m_chainBroken = false;
    std::vector<AlteredRange> m_alteredRanges; //!< roots or consistency proofs that do not hold
};

} // namespace

Result<VerifyReport> verifyLog(storage::Database& db, const VerifyOptions& options)
{
    return LogVerification(db, options).run();
}

} // namespace cs::audit
