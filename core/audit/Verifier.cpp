// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/Verifier.h"

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
        return out;
    }
    std::size_t count()
    {
        std::lock_guard lock(m_mutex);
        return m_problems.size();
    }

private:
    std::mutex m_mutex;
    std::vector<Problem> m_problems;
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
    std::vector<Entry> entries;
    std::vector<Hash> leaves;             //!< leafHash(entryBytes(entry)), filled by a worker
    std::vector<SignatureJob> signatures; //!< checked by the same worker
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
            chunk->leaves.reserve(chunk->entries.size());
            std::string bytes; // one buffer for the whole chunk
            for (const Entry& entry : chunk->entries) {
                entryBytesInto(entry, bytes);
                chunk->leaves.push_back(leafHash(asBytes(bytes)));
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
    entry.seq = query.int64At(0);
    entry.time = Timestamp{query.int64At(1)};
    entry.type = query.textAt(2);
    entry.actor = query.textAt(3);
    entry.body = query.textAt(4);
    if (!query.isNullAt(5)) {
        auto signature = identity::signatureFromBytes(query.blobAt(5), "sig");
        if (!signature) {
            why = "its signature column is not 64 bytes";
            return std::nullopt;
        }
        entry.signature = *signature;
    }
    auto prev = identity::hashFromBytes(query.blobAt(6), "prev_hash");
    auto leaf = identity::hashFromBytes(query.blobAt(7), "leaf_hash");
    if (!prev || !leaf) {
        why = "its hash columns are not 32 bytes";
        return std::nullopt;
    }
    entry.prev = *prev;
    entry.leaf = *leaf;
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

Result<std::vector<Hash>> readLeafHashes(storage::Database& db, std::int64_t upTo)
{
    CS_TRY(query, db.prepare("SELECT seq, leaf_hash FROM audit_entries WHERE seq <= ?1 ORDER BY seq"));
    query->bind(1, upTo);
    std::vector<Hash> leaves;
    for (;;) {
        CS_TRY(row, query->step());
        if (!*row)
            break;
        if (query->int64At(0) != static_cast<std::int64_t>(leaves.size()) + 1)
            return fail(ErrorCode::InvalidInput, "the audit log has a gap before entry " + std::to_string(query->int64At(0)));
        CS_TRY(leaf, identity::hashFromBytes(query->blobAt(1), "leaf_hash"));
        leaves.push_back(*leaf);
    }
    return leaves;
}

Result<std::vector<Checkpoint>> readCheckpoints(storage::Database& db)
{
    CS_TRY(origin, readOrigin(db));
    CS_TRY(query, db.prepare("SELECT size, time_ms, root, sig FROM audit_checkpoints ORDER BY size"));
    std::vector<Checkpoint> checkpoints;
    for (;;) {
        CS_TRY(row, query->step());
        if (!*row)
            break;
        Checkpoint checkpoint{*origin, static_cast<std::uint64_t>(query->int64At(0)), {}, Timestamp{query->int64At(1)}, {}};
        auto root = identity::hashFromBytes(query->blobAt(2), "root");
        auto signature = identity::signatureFromBytes(query->blobAt(3), "sig");
        if (!root || !signature)
            return fail(ErrorCode::InvalidInput, "audit_checkpoints row " + std::to_string(checkpoint.size) + " is malformed");
        checkpoint.root = *root;
        checkpoint.signature = *signature;
        checkpoints.push_back(checkpoint);
    }
    return checkpoints;
}

Result<VerifyReport> verifyLog(storage::Database& db, const VerifyOptions& options)
{
    VerifyReport report;
    Problems problems;
    CS_TRY(origin, readOrigin(db));
    CS_TRY(stored, readCheckpoints(db));
    CS_TRY(files, readCheckpointFiles(options.checkpointsDir, problems));
    report.checkpointFiles = static_cast<std::int64_t>(files->size());

    // Every checkpointed size, from the database and from the files, checked against the root
    // the entries give at that size.
    std::map<std::uint64_t, const Checkpoint*> checkpointAt;
    for (const Checkpoint& checkpoint : *stored)
        checkpointAt.emplace(checkpoint.size, &checkpoint);
    if (options.seen) {
        // What this user saw of the log before: the database and checkpoints/ rolled back
        // together cannot hide from it.
        auto it = checkpointAt.find(options.seen->size);
        if (it == checkpointAt.end())
            checkpointAt.emplace(options.seen->size, &*options.seen);
        else if (it->second->root != options.seen->root)
            problems.add(static_cast<std::int64_t>(options.seen->size),
                         "the checkpoint at size " + std::to_string(options.seen->size)
                             + " differs from the one this user saw of this workspace: the log was rewritten");
    }
    for (const auto& [size, file] : *files) {
        auto it = checkpointAt.find(size);
        if (it == checkpointAt.end()) {
            checkpointAt.emplace(size, &file.first);
        } else if (it->second->root != file.first.root || it->second->signature != file.first.signature) {
            problems.add(static_cast<std::int64_t>(size), file.second + " and the database disagree about the checkpoint at size "
                                                              + std::to_string(size));
        }
    }

    // Engine-signed entries up to the largest checkpoint are covered by its signed root (every
    // checkpoint's signature and root are checked below; a bad one is a problem of its own).
    const std::uint64_t covered = options.engineEntrySignatures || checkpointAt.empty() ? 0 : checkpointAt.rbegin()->first;
    CS_TRY(total, db.queryInt("SELECT coalesce(max(seq), 0) FROM audit_entries"));
    CS_TRY(query, db.prepare("SELECT seq, time_ms, type, actor, body, sig, prev_hash, leaf_hash FROM audit_entries "
                             "ORDER BY seq"));
    std::map<std::string, KeyRecord> keys;
    std::vector<Hash> leaves;
    if (options.consistencyProofs)
        leaves.reserve(static_cast<std::size_t>(*total));
    MerkleFrontier frontier;
    Hash prev{};
    std::uint64_t previousCheckpoint = 0;
    bool chainBroken = false; // after the first break, later links are reported only once
    std::vector<AlteredRange> alteredRanges; // roots or consistency proofs that do not hold
    // The chain and the tree, in order, from the hashes the pool computed.
    const auto chain = [&](Chunk& chunk) {
        for (std::size_t i = 0; i < chunk.entries.size(); ++i) {
            const Entry& entry = chunk.entries[i];
            // The hash of what the entry says now; the chain and the tree are rebuilt from it,
            // so an edited entry shows where it is and a tampered leaf_hash alone hides nothing.
            const Hash& leaf = chunk.leaves[i];
            const auto where = [&entry] { return "entry " + std::to_string(entry.seq) + " (" + entry.type + ")"; };
            if (leaf != entry.leaf && isValidEntryType(entry.type) && isValidIdentifier(entry.actor))
                problems.add(entry.seq, where() + ": its content does not match its leaf hash (changed after it was written)");
            if (entry.prev != prev && !chainBroken) {
                chainBroken = true;
                problems.add(entry.seq, where() + ": it does not link to entry " + std::to_string(entry.seq - 1)
                                            + " (an entry was removed, inserted or reordered)");
            }
            prev = leaf;
            if (options.consistencyProofs)
                leaves.push_back(leaf);
            frontier.append(leaf);
            if (auto it = checkpointAt.find(frontier.size()); it != checkpointAt.end()) {
                if (it->second->root != frontier.root())
                    alteredRanges.push_back({previousCheckpoint + 1, frontier.size(),
                                             "the Merkle root of the first " + std::to_string(frontier.size())
                                                 + " entries differs from the signed checkpoint: entries "
                                                 + std::to_string(previousCheckpoint + 1) + "–"
                                                 + std::to_string(frontier.size()) + " were altered"});
                previousCheckpoint = frontier.size();
            }
        }
        if (options.progress)
            options.progress(static_cast<std::int64_t>(frontier.size()), *total);
    };

    {
        ChunkPool pool(problems);
        std::deque<std::unique_ptr<Chunk>> inFlight; // bounded, so memory stays flat
        const auto retireOldest = [&] {
            pool.wait(*inFlight.front());
            chain(*inFlight.front());
            inFlight.pop_front();
        };
        auto chunk = std::make_unique<Chunk>();
        const auto submit = [&] {
            if (chunk->entries.empty())
                return;
            pool.submit(chunk.get());
            inFlight.push_back(std::move(chunk));
            chunk = std::make_unique<Chunk>();
            while (inFlight.size() > kMaxChunksInFlight)
                retireOldest();
        };
        for (std::int64_t expected = 1;; ++expected) {
            CS_TRY(row, query->step());
            if (!*row)
                break;
            std::string why;
            auto entry = rowToEntry(*query, why);
            if (entry && entry->seq != expected) {
                problems.add(expected, "entry " + std::to_string(expected) + " is missing (the next stored entry is "
                                           + std::to_string(entry->seq) + ")");
                break; // every later position is shifted: nothing more to learn from the chain
            }
            if (!entry) {
                problems.add(expected, "entry " + std::to_string(expected) + ": " + why);
                break;
            }
            const auto where = [&] { return "entry " + std::to_string(expected) + " (" + entry->type + ")"; }; // only for problems
            if (!isValidEntryType(entry->type) || !isValidIdentifier(entry->actor))
                problems.add(expected, where() + ": its type or actor is not well-formed");

            // Signatures: identity events are checked here, in order, because they change the
            // keys later entries are checked with; the rest go to the pool.
            const bool mustSign = isSignedType(entry->type);
            const bool trusted = static_cast<std::uint64_t>(expected) <= options.trustedPrefix;
            if (mustSign && !entry->signature) {
                problems.add(expected, where() + ": it must be signed by its actor but carries no signature");
            } else if (entry->signature) {
                report.signedEntries += trusted ? 0 : 1; // signatures checked in this run
                SignatureJob job{expected, {}, entry->body, *entry->signature, schemaForType(entry->type)};
                const QJsonObject body = entry->type.starts_with("identity.")
                                             ? QJsonDocument::fromJson(QByteArray::fromStdString(entry->body)).object()
                                             : QJsonObject();
                const std::string subject = body.value(QStringLiteral("principal")).toString().toStdString();
                auto signer = keys.find(entry->actor);
                if (entry->type == types::kIdentityRegistered) {
                    auto key = fromBase64(body.value(QStringLiteral("public_key")).toString().toStdString());
                    auto publicKey = key ? identity::publicKeyFromBytes(*key, "public_key") : Result<PublicKey>(Unexpected{key.error()});
                    if (subject != entry->actor || !publicKey) {
                        problems.add(expected, where() + ": a registration must name its actor and carry a 32-byte public key");
                    } else if (signer != keys.end()) {
                        problems.add(expected, where() + ": '" + subject + "' is already registered");
                    } else {
                        job.key = *publicKey;
                        if (!trusted)
                            checkSignature(job, problems);
                        keys[subject] = {*publicKey, body.value(QStringLiteral("role")).toString().toStdString(), "active"};
                    }
                } else if (signer == keys.end()) {
                    problems.add(expected, where() + ": signed by '" + entry->actor + "', who has no registered key");
                } else if (signer->second.status != "active") {
                    problems.add(expected, where() + ": signed by '" + entry->actor + "', whose key is " + signer->second.status);
                } else if (entry->type == types::kIdentityStatusChanged) {
                    job.key = signer->second.key;
                    if (!trusted)
                        checkSignature(job, problems);
                    auto target = keys.find(subject);
                    const std::string role = signer->second.role;
                    if (target == keys.end())
                        problems.add(expected, where() + ": changes the status of '" + subject + "', who is not registered");
                    else if (role != "risk_manager" && role != "engine")
                        problems.add(expected, where() + ": only a risk manager or the engine may change a key's status");
                    else
                        target->second.status = body.value(QStringLiteral("to")).toString().toStdString();
                } else {
                    if (entry->type == types::kPolicyPublished && signer->second.role != "risk_manager")
                        problems.add(expected, where() + ": a policy is published by a risk manager, not by '"
                                                   + entry->actor + "' (" + signer->second.role + ")");
                    job.key = signer->second.key;
                    if (entry->actor == "engine" && static_cast<std::uint64_t>(expected) <= covered) {
                        report.signedEntries -= trusted ? 0 : 1;
                        report.coveredEntries += trusted ? 0 : 1;
                    } else if (!trusted) {
                        chunk->signatures.push_back(std::move(job));
                    }
                }
            }
            chunk->entries.push_back(std::move(*entry));
            if (chunk->entries.size() >= kChunk)
                submit();
            if (problems.count() >= kMaxProblems)
                break;
        }
        submit();
        while (!inFlight.empty())
            retireOldest();
    }
    report.entries = static_cast<std::int64_t>(frontier.size());
    report.root = frontier.root();
    if (options.progress)
        options.progress(report.entries, *total);

    // The engine key: the one the log registered, which the key file and a pinned key must match.
    std::optional<PublicKey> engineKey;
    if (auto it = keys.find("engine"); it != keys.end())
        engineKey = it->second.key;
    if (options.keyFileKey && engineKey && *options.keyFileKey != *engineKey)
        problems.add(0, "keys/engine.key holds a different engine key than the one the log registered");
    if (options.engineKey) {
        if (engineKey && *engineKey != *options.engineKey)
            problems.add(1, "the log registered a different engine key than the pinned one");
        engineKey = options.engineKey;
    }

    // Every checkpoint, in the database and in the files, is signed by the engine for this log.
    const auto checkSigned = [&](const Checkpoint& checkpoint, const std::string& where) {
        if (checkpoint.origin != *origin)
            problems.add(0, where + " belongs to another log (" + checkpoint.origin + ")");
        if (!engineKey || !verifyCheckpoint(checkpoint, *engineKey))
            problems.add(checkpoint.size <= frontier.size() ? static_cast<std::int64_t>(checkpoint.size) : 0,
                         "the signature of " + where + " does not verify under the engine key");
    };
    // Under the trusted prefix every checkpoint's root was just recomputed from the entries, and
    // this user checked their signatures before: only the ones above it are checked again.
    const auto checkedBefore = [&](const Checkpoint& checkpoint) {
        return checkpoint.size < options.trustedPrefix && checkpoint.origin == *origin;
    };
    for (const Checkpoint& checkpoint : *stored) {
        if (!checkedBefore(checkpoint))
            checkSigned(checkpoint, "the checkpoint at size " + std::to_string(checkpoint.size) + " in the database");
    }
    for (const auto& [size, file] : *files) {
        if (!checkedBefore(file.first))
            checkSigned(file.first, file.second);
    }
    if (options.seen)
        checkSigned(*options.seen, "the checkpoint at size " + std::to_string(options.seen->size) + " this user saw");

    std::vector<const Checkpoint*> ordered;
    for (const auto& [size, checkpoint] : checkpointAt) {
        ordered.push_back(checkpoint);
        report.latestCheckpoint = size;
        if (size <= frontier.size() && files->count(size) > 0
            && std::none_of(stored->begin(), stored->end(), [at = size](const Checkpoint& c) { return c.size == at; }))
            problems.add(static_cast<std::int64_t>(size), "the checkpoint at size " + std::to_string(size)
                                                              + " is in checkpoints/ but was removed from the database");
        if (size > frontier.size() && options.seen && size == options.seen->size && files->count(size) == 0
            && std::none_of(stored->begin(), stored->end(), [at = size](const Checkpoint& c) { return c.size == at; })) {
            problems.add(report.entries + 1, "the log has " + std::to_string(frontier.size())
                                                 + " entries but this user saw a signed checkpoint of this workspace covering "
                                                 + std::to_string(size)
                                                 + ": the database and its checkpoints/ were rolled back together");
        } else if (size > frontier.size()) {
            const bool inFile = files->count(size) > 0;
            problems.add(report.entries + 1,
                         "the log has " + std::to_string(frontier.size()) + " entries but a signed checkpoint "
                             + (inFile ? "in checkpoints/ " : "") + "covers " + std::to_string(size)
                             + ": entries were removed from the end or the database was replaced by an older copy");
        }
    }
    report.checkpoints = static_cast<std::int64_t>(ordered.size());

    // Consecutive checkpoints must be consistent (RFC 9162 §2.1.4): the later tree extends the
    // earlier one. The proof comes from the entries, the roots from the signatures.
    const MerkleTree merkle(options.consistencyProofs ? leaves : std::vector<Hash>());
    for (std::size_t i = 1; options.consistencyProofs && i < ordered.size(); ++i) {
        const Checkpoint& older = *ordered[i - 1];
        const Checkpoint& newer = *ordered[i];
        if (newer.size > leaves.size())
            break;
        const auto proof = merkle.consistencyProof(older.size, newer.size);
        ++report.consistencyProofs;
        if (!verifyConsistency(older.size, newer.size, older.root, newer.root, proof))
            alteredRanges.push_back({older.size + 1, newer.size,
                                     "the checkpoints at sizes " + std::to_string(older.size) + " and "
                                         + std::to_string(newer.size)
                                         + " are not consistent: the log was rewritten between them"});
    }

    // The stored tree state, which appends continue from, must describe these entries.
    CS_TRY(tree, db.prepare("SELECT size, frontier, last_leaf FROM audit_tree WHERE id = 1"));
    CS_TRY(treeRow, tree->step());
    const auto storedBytes = *treeRow ? tree->blobAt(1) : std::span<const std::uint8_t>();
    const auto serialized = frontier.serialize();
    if (!*treeRow || tree->int64At(0) != report.entries
        || !std::equal(storedBytes.begin(), storedBytes.end(), serialized.begin(), serialized.end()))
        problems.add(*treeRow ? std::min<std::int64_t>(tree->int64At(0), report.entries) + 1 : 0,
                     "the stored tree state (" + std::to_string(*treeRow ? tree->int64At(0) : 0)
                         + " entries) does not describe the " + std::to_string(report.entries) + " entries in the log");

    // A root that differs from its checkpoint says entries in that range were rewritten. When
    // an entry in the range already shows what changed, that entry is where it is reported;
    // otherwise (a forger who recomputed every hash) the range's first entry is.
    {
        const std::vector<Problem> found = problems.take();
        for (const Problem& problem : found)
            problems.add(problem.seq, problem.reason);
        for (const AlteredRange& range : alteredRanges) {
            std::optional<std::int64_t> where;
            for (const Problem& problem : found) {
                if (problem.seq >= static_cast<std::int64_t>(range.from) && problem.seq <= static_cast<std::int64_t>(range.to)) {
                    where = problem.seq;
                    break; // found is sorted by seq
                }
            }
            if (!where && covered > 0 && engineKey) {
                CS_TRY(forged, firstForgedEngineEntry(db, range.from, std::min<std::uint64_t>(range.to, covered), *engineKey));
                if (*forged) {
                    where = (*forged)->seq;
                    problems.add((*forged)->seq, (*forged)->reason);
                }
            }
            problems.add(where.value_or(static_cast<std::int64_t>(range.from)), range.reason);
        }
    }
    report.problems = problems.take();
    return report;
}

} // namespace cs::audit
