// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include "core/api/Engine.h"
#include "core/audit/AuditLog.h"
#include "core/audit/Merkle.h"
#include "core/audit/Proofs.h"
#include "core/audit/LogReads.h"
#include "core/audit/Verifier.h"
#include "core/domain/Encoding.h"
#include "core/identity/Registry.h"
#include "core/storage/Database.h"
#include "core/workspace/Workspace.h"

#include <filesystem>
#include <thread>

using namespace cs;
using namespace cs::audit;
namespace fs = std::filesystem;

/**
 * The audit log on a real workspace: appends and group commit, and every way of tampering
 * with it that `verify` must catch, with the first bad entry it must name.
 */
class AuditLogTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void intactLogVerifies();
    void tamperIsDetected_data();
    void tamperIsDetected();
    void randomByteEditsAreFoundWhereTheyAre();
    void groupCommitPutsQueuedAppendsInOneTransaction();
    void appendIsVisibleWhenAcknowledged();
    void revokedKeyCannotSign();
    void checkpointFilesFollowTheirCommits();
    void statusChangesNeedAuthority();
    void identityEventsNeedAuthority_data();
    void identityEventsNeedAuthority();
    void inclusionProofsVerifyAndMutationsFail();
    void receiptExportIsTheSignedBytes();
    void draftsSignedTogetherAreSignedAsAlone_data();
    void draftsSignedTogetherAreSignedAsAlone();
    void draftsHandedOverAreSignedByFinish_data();
    void draftsHandedOverAreSignedByFinish();

private:
    //! A copy of the generated template workspace, to tamper with.
    fs::path fresh();
    static storage::Database openRaw(const fs::path& ws);
    Result<api::VerifySummary> verify(const fs::path& ws);
    std::unique_ptr<api::Engine> open(const fs::path& ws);

    QTemporaryDir m_root;
    std::shared_ptr<ManualClock> m_clock = std::make_shared<ManualClock>(Timestamp{1'795'600'000'000});
    std::unique_ptr<api::EngineFactory> m_factory = api::makeEngineFactory(m_clock);
    fs::path m_template;
    fs::path m_olderDb; //!< the template's database as it was 1000 entries earlier
    int m_copies = 0;
};

namespace {

std::int64_t queryInt(storage::Database& db, const std::string& sql)
{
    auto value = db.queryInt(sql);
    if (!value)
        qFatal("%s: %s", sql.c_str(), value.error().message.c_str());
    return *value;
}

//! Rewrites entry `seq` with `mutate`, then recomputes every hash after it and the stored
//! tree state: what a forger with write access to the database (but not the engine key) can do.
void rewriteAndRehash(storage::Database& db, std::int64_t seq, const std::function<void(Entry&)>& mutate)
{
    const std::int64_t last = queryInt(db, "SELECT max(seq) FROM audit_entries");
    auto leaves = readLeafHashes(db, seq - 1);
    QVERIFY(leaves.has_value());
    MerkleFrontier frontier;
    for (const Hash& leaf : *leaves)
        frontier.append(leaf);
    Hash prev = leaves->empty() ? Hash{} : leaves->back();
    auto update = db.prepare("UPDATE audit_entries SET body = ?2, sig = ?3, prev_hash = ?4, leaf_hash = ?5 WHERE seq = ?1");
    QVERIFY(update.has_value());
    for (std::int64_t s = seq; s <= last; ++s) {
        auto entry = readEntry(db, s);
        QVERIFY(entry.has_value());
        if (s == seq)
            mutate(*entry);
        entry->prev = prev;
        const std::string bytes = entryBytes(*entry);
        entry->leaf = leafHash(asBytes(bytes));
        update->bind(1, s).bind(2, entry->body).bindBlob(4, entry->prev).bindBlob(5, entry->leaf);
        if (entry->signature)
            update->bindBlob(3, *entry->signature);
        else
            update->bindNull(3);
        QVERIFY(update->run());
        prev = entry->leaf;
        frontier.append(entry->leaf);
    }
    auto tree = db.prepare("UPDATE audit_tree SET frontier = ?1, last_leaf = ?2 WHERE id = 1");
    QVERIFY(tree && tree->bindBlob(1, frontier.serialize()).bindBlob(2, prev).run());
}

} // namespace

void AuditLogTest::initTestCase()
{
    QVERIFY(m_root.isValid());
    m_template = fs::path(m_root.filePath(QStringLiteral("template")).toStdString());
    QVERIFY(m_factory->createWorkspace(m_template.string(), {.demo = true}));
    for (int round = 0; round < 2; ++round) {
        auto engine = open(m_template);
        QVERIFY(engine);
        m_clock->advance(60'000);
        const auto generated = engine->generateHistory(1000, workspace::kDemoPassphrase);
        QVERIFY2(generated.has_value(), generated ? "" : generated.error().message.c_str());
        engine.reset(); // signs the closing checkpoint
        if (round == 0) {
            m_olderDb = m_template.parent_path() / "older.db";
            fs::copy_file(m_template / workspace::kDatabaseFile, m_olderDb);
        }
    }
}

std::unique_ptr<api::Engine> AuditLogTest::open(const fs::path& ws)
{
    auto engine = m_factory->openWorkspace(ws.string());
    if (!engine)
        qWarning("%s", engine.error().message.c_str());
    return engine ? std::move(*engine) : nullptr;
}

fs::path AuditLogTest::fresh()
{
    const fs::path copy = m_template.parent_path() / ("copy-" + std::to_string(++m_copies));
    fs::copy(m_template, copy, fs::copy_options::recursive);
    return copy;
}

storage::Database AuditLogTest::openRaw(const fs::path& ws)
{
    auto db = storage::Database::open((ws / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist);
    if (!db)
        qFatal("%s", db.error().message.c_str());
    // An attacker with write access simply drops the append-only triggers.
    if (!db->exec("DROP TRIGGER IF EXISTS audit_entries_append_only_update; "
                  "DROP TRIGGER IF EXISTS audit_entries_append_only_delete;"))
        qFatal("cannot drop the triggers");
    return std::move(*db);
}

Result<api::VerifySummary> AuditLogTest::verify(const fs::path& ws)
{
    auto engine = open(ws);
    if (!engine)
        return fail(ErrorCode::Internal, "cannot open");
    return engine->verifyAuditLog({}, false, {});
}

void AuditLogTest::intactLogVerifies()
{
    std::vector<std::int64_t> progress;
    auto engine = open(m_template);
    const auto report = engine->verifyAuditLog([&](std::int64_t done, std::int64_t) { progress.push_back(done); }, true, {});
    QVERIFY(report.has_value());
    QVERIFY2(report->intact(), report->intact() ? "" : report->first()->reason.c_str());
    QVERIFY(report->entries > 2000);
    QVERIFY(report->signedEntries > 300);
    QCOMPARE(report->coveredEntries, 0); // --full: every signature
    // By default the engine's own signatures under a checkpoint are covered by its signed roots;
    // every other signature is still checked.
    const auto quick = engine->verifyAuditLog({}, false, {});
    QVERIFY(quick && quick->intact());
    QVERIFY(quick->coveredEntries > 300);
    QCOMPARE(quick->signedEntries + quick->coveredEntries, report->signedEntries);
    auto raw = storage::Database::open((m_template / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist).value();
    QVERIFY(quick->signedEntries >= *raw.queryInt("SELECT count(*) FROM audit_entries WHERE sig IS NOT NULL AND actor != 'engine'"));
    QVERIFY(report->checkpoints >= 5);                 // 9 at init, 1000, 2000 and one per close
    QCOMPARE(report->checkpointFiles, report->checkpoints);
    QCOMPARE(report->consistencyProofs, report->checkpoints - 1);
    QCOMPARE(report->latestCheckpoint, std::uint64_t(report->entries)); // closed: everything covered
    QVERIFY(!progress.empty());
    QCOMPARE(progress.back(), report->entries);
    // Every type of entry is in the generated history.
    auto db = storage::Database::open((m_template / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist).value();
    for (const char* type : {"workspace.created", "identity.registered", "identity.status_changed", "intent.received",
                             "model.exchange", "proposal.parsed", "simulation.completed", "policy.published",
                             "policy.decided", "approval.requested", "approval.granted", "approval.rejected",
                             "settlement.receipt", "reputation.updated"})
        QVERIFY2(queryInt(db, std::string("SELECT count(*) FROM audit_entries WHERE type = '") + type + "'") > 0, type);
}

void AuditLogTest::tamperIsDetected_data()
{
    QTest::addColumn<QString>("sql");       // run against the copy; K, SIGNED, LAST, OLD, NAMED, UNNAMED are substituted
    QTest::addColumn<QString>("expected");  // the first bad seq, as an expression of the same names
    QTest::addColumn<QString>("reason");    // part of a reason verify gives for that entry

    QTest::newRow("body-byte") << "UPDATE audit_entries SET body = substr(body, 1, 10) || char(unicode(substr(body, 11, 1)) + 1) || substr(body, 12) WHERE seq = K"
                               << "K" << "does not match its leaf hash";
    QTest::newRow("type") << "UPDATE audit_entries SET type = 'intent.received' WHERE seq = K" << "K" << "leaf hash";
    QTest::newRow("actor") << "UPDATE audit_entries SET actor = 'alice' WHERE seq = K" << "K" << "leaf hash";
    QTest::newRow("time") << "UPDATE audit_entries SET time_ms = time_ms + 1 WHERE seq = K" << "K" << "leaf hash";
    QTest::newRow("prev-hash") << "UPDATE audit_entries SET prev_hash = zeroblob(32) WHERE seq = K" << "K" << "leaf hash";
    QTest::newRow("leaf-hash") << "UPDATE audit_entries SET leaf_hash = zeroblob(32) WHERE seq = K" << "K" << "leaf hash";
    QTest::newRow("signature-from-another-entry")
        << "UPDATE audit_entries SET sig = (SELECT sig FROM audit_entries WHERE sig IS NOT NULL AND seq <> SIGNED LIMIT 1) WHERE seq = SIGNED"
                                    << "SIGNED" << "";
    QTest::newRow("signature-stripped") << "UPDATE audit_entries SET sig = NULL WHERE seq = SIGNED" << "SIGNED" << "";
    // The intent column is derived from the body and not hashed: the timeline would show the entry
    // under another proposal, or under none.
    QTest::newRow("intent-column-moved") << "UPDATE audit_entries SET intent = 'int-elsewhere' WHERE seq = NAMED" << "NAMED"
                                         << "its intent column does not name the proposal its body names";
    QTest::newRow("intent-column-cleared") << "UPDATE audit_entries SET intent = NULL WHERE seq = NAMED" << "NAMED"
                                           << "intent column";
    QTest::newRow("intent-column-added")
        << "UPDATE audit_entries SET intent = 'int-elsewhere' WHERE seq = (SELECT min(seq) FROM audit_entries WHERE intent IS NULL)"
        << "UNNAMED" << "intent column";
    QTest::newRow("deleted") << "DELETE FROM audit_entries WHERE seq = K" << "K" << "is missing";
    QTest::newRow("inserted-renumbered")
        << "UPDATE audit_entries SET seq = seq + 1000000 WHERE seq > K; UPDATE audit_entries SET seq = seq - 999999 WHERE seq > 1000000; "
           "INSERT INTO audit_entries SELECT K + 1, time_ms, type, actor, body, sig, prev_hash, leaf_hash, intent FROM audit_entries WHERE seq = 12"
        << "K+1" << "leaf hash";
    QTest::newRow("swapped")
        << "UPDATE audit_entries SET seq = 999999999 WHERE seq = K; UPDATE audit_entries SET seq = K WHERE seq = K + 7; "
           "UPDATE audit_entries SET seq = K + 7 WHERE seq = 999999999"
        << "K" << "leaf hash";
    QTest::newRow("tail-truncated") << "DELETE FROM audit_entries WHERE seq > LAST - 10" << "LAST-9" << "removed from the end";
    QTest::newRow("tail-truncated-tree-fixed")
        << "DELETE FROM audit_entries WHERE seq > LAST - 10; UPDATE audit_tree SET size = LAST - 10"
        << "LAST-9" << "removed from the end";
    QTest::newRow("checkpoint-row-removed") << "DELETE FROM audit_checkpoints WHERE size = 2000" << "2000"
                                            << "removed from the database";
    QTest::newRow("tree-state") << "UPDATE audit_tree SET size = size + 1" << "LAST+1" << "stored tree state";
    QTest::newRow("database-rolled-back") << "ROLLBACK-DB" << "OLD+1" << "replaced by an older copy";
    QTest::newRow("rewritten-and-rehashed") << "REWRITE" << "RANGE" << "differs from the signed checkpoint";
    QTest::newRow("receipt-forged-and-rehashed") << "FORGE" << "SIGNED" << "does not verify under its actor's key";
    QTest::newRow("checkpoint-file-signature") << "CHECKPOINT-SIG" << "2000" << "does not verify under the engine key";
    QTest::newRow("checkpoint-file-other-root") << "CHECKPOINT-ROOT" << "2000" << "disagree";
    QTest::newRow("engine-key-file-replaced") << "ENGINE-KEY" << "0" << "different engine key";
}

void AuditLogTest::tamperIsDetected()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    QFETCH(QString, reason);
    const fs::path ws = fresh();
    auto db = openRaw(ws);
    const std::int64_t k = 1500;
    const std::int64_t last = queryInt(db, "SELECT max(seq) FROM audit_entries");
    const std::int64_t signedSeq =
        queryInt(db, "SELECT min(seq) FROM audit_entries WHERE type = 'settlement.receipt' AND seq > 1200");
    const std::int64_t rangeStart = queryInt(db, "SELECT max(size) FROM audit_checkpoints WHERE size < 1500") + 1;
    const std::int64_t unsignedSeq = queryInt(db, "SELECT min(seq) FROM audit_entries WHERE sig IS NULL AND seq >= 1500");
    const std::int64_t named = queryInt(db, "SELECT min(seq) FROM audit_entries WHERE intent IS NOT NULL AND seq >= 1500");
    const std::int64_t unnamed = queryInt(db, "SELECT min(seq) FROM audit_entries WHERE intent IS NULL");
    std::int64_t older = 0;
    {
        auto old = storage::Database::open(m_olderDb.string(), storage::OpenMode::MustExist);
        QVERIFY(old.has_value());
        older = queryInt(*old, "SELECT max(seq) FROM audit_entries");
    }
    const auto substitute = [&](QString text) {
        return text.replace(QLatin1String("SIGNED"), QString::number(signedSeq))
            .replace(QLatin1String("LAST"), QString::number(last))
            .replace(QLatin1String("RANGE"), QString::number(rangeStart))
            .replace(QLatin1String("OLD"), QString::number(older))
            .replace(QLatin1String("UNNAMED"), QString::number(unnamed))
            .replace(QLatin1String("NAMED"), QString::number(named))
            .replace(QLatin1String("K"), QString::number(k));
    };
    const fs::path checkpointFile = ws / workspace::kCheckpointsDir / checkpointFileName(2000);
    const auto editCheckpointFile = [&](const std::function<void(QJsonObject&)>& edit) {
        QFile file(QString::fromStdString(checkpointFile.string()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        edit(object);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(object).toJson());
    };

    if (sql == QLatin1String("ROLLBACK-DB")) {
        db = storage::Database::open(m_olderDb.string(), storage::OpenMode::MustExist).value(); // release the file
        fs::copy_file(m_olderDb, ws / workspace::kDatabaseFile, fs::copy_options::overwrite_existing);
        fs::remove(ws / (std::string(workspace::kDatabaseFile) + "-wal"));
        fs::remove(ws / (std::string(workspace::kDatabaseFile) + "-shm"));
    } else if (sql == QLatin1String("REWRITE")) {
        rewriteAndRehash(db, unsignedSeq, [](Entry& entry) { entry.body.insert(1, R"("forged":true,)"); });
    } else if (sql == QLatin1String("FORGE")) {
        rewriteAndRehash(db, signedSeq, [](Entry& entry) {
            const auto at = entry.body.find(R"("amount":")");
            entry.body.insert(at + 10, "9");
            entry.signature = identity::SigningKey::generate().sign(entry.body);
        });
    } else if (sql == QLatin1String("CHECKPOINT-SIG")) {
        editCheckpointFile([](QJsonObject& object) {
            Bytes signature = *fromBase64(object.value(QStringLiteral("signature")).toString().toStdString());
            signature[5] ^= 0x20;
            object.insert(QStringLiteral("signature"), QString::fromStdString(toBase64(signature)));
        });
    } else if (sql == QLatin1String("CHECKPOINT-ROOT")) {
        // A checkpoint for another history, validly signed by the engine key (a fork).
        auto engineKey = identity::unsealKey(ws / "keys/engine.key", workspace::kDemoPassphrase);
        QVERIFY(engineKey.has_value());
        editCheckpointFile([&](QJsonObject& object) {
            auto checkpoint = checkpointFromJson(object).value();
            checkpoint.root = identity::sha256(std::string_view("another history"));
            checkpoint.signature = engineKey->sign(checkpointSignedBytes(checkpoint));
            object = checkpointToJson(checkpoint, engineKey->publicKey());
        });
    } else if (sql == QLatin1String("ENGINE-KEY")) {
        QVERIFY(identity::sealKey(ws / "keys/engine.key", "engine", identity::SigningKey::generate(), "demo",
                                  identity::kDemoSealCost));
    } else {
        QVERIFY(db.exec(substitute(sql).toStdString()));
    }

    const auto report = verify(ws);
    QVERIFY2(report.has_value(), report ? "" : report.error().message.c_str());
    QVERIFY(!report->intact());
    const api::VerifyProblem* first = report->first();
    // "1500", "1500+1", "2015-9": a number with at most one offset.
    const QString value = substitute(expected);
    const qsizetype op = std::max(value.indexOf(u'+'), value.indexOf(u'-'));
    const std::int64_t want = op < 0 ? value.toLongLong()
                                     : value.left(op).toLongLong()
                                           + (value.at(op) == u'+' ? 1 : -1) * value.mid(op + 1).toLongLong();
    QVERIFY2(first->seq == want, qPrintable(QStringLiteral("first bad seq %1, expected %2: %3")
                                                .arg(first->seq)
                                                .arg(want)
                                                .arg(QString::fromStdString(first->reason))));
    // The reason may be one of several findings about that same entry.
    QVERIFY2(std::any_of(report->problems.begin(), report->problems.end(),
                         [&](const api::VerifyProblem& problem) {
                             return problem.seq == want && QString::fromStdString(problem.reason).contains(reason);
                         }),
             first->reason.c_str());
}

void AuditLogTest::randomByteEditsAreFoundWhereTheyAre()
{
    const fs::path ws = fresh();
    auto db = openRaw(ws);
    const std::int64_t last = queryInt(db, "SELECT max(seq) FROM audit_entries");
    const char* columns[] = {"body", "type", "actor", "sig", "prev_hash", "leaf_hash"};
    QRandomGenerator random(20261124);
    int detected = 0;
    constexpr int kTrials = 60;
    for (int trial = 0; trial < kTrials; ++trial) {
        const std::int64_t seq = 2 + static_cast<std::int64_t>(random.bounded(static_cast<quint64>(last - 1)));
        const char* column = columns[random.bounded(6)];
        auto read = db.prepare(std::string("SELECT ") + column + " FROM audit_entries WHERE seq = ?1");
        QVERIFY(read.has_value());
        read->bind(1, seq);
        QVERIFY(read->step().value());
        if (read->isNullAt(0)) {
            --trial; // an unsigned entry has no signature to edit
            continue;
        }
        const auto original = read->blobAt(0);
        Bytes edited(original.begin(), original.end());
        read.value().reset();
        const std::size_t at = random.bounded(static_cast<quint32>(edited.size()));
        edited[at] = static_cast<std::uint8_t>(edited[at] ^ (1u << random.bounded(8)));
        const bool isText = std::string_view(column) == "body" || std::string_view(column) == "type"
                            || std::string_view(column) == "actor";
        const auto write = [&](const Bytes& bytes) {
            auto update = db.prepare(std::string("UPDATE audit_entries SET ") + column + " = ?2 WHERE seq = ?1");
            QVERIFY(update.has_value());
            update->bind(1, seq);
            if (isText)
                update->bind(2, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
            else
                update->bindBlob(2, bytes);
            QVERIFY(update->run());
        };
        auto reread = db.prepare(std::string("SELECT ") + column + " FROM audit_entries WHERE seq = ?1");
        reread->bind(1, seq);
        QVERIFY(reread->step().value());
        const Bytes before(reread->blobAt(0).begin(), reread->blobAt(0).end());
        reread.value().reset();
        write(edited);
        const auto report = verify(ws);
        QVERIFY(report.has_value());
        if (!report->intact() && report->first()->seq == seq)
            ++detected;
        else
            qWarning("edit of %s in entry %lld: %s", column, static_cast<long long>(seq),
                     report->intact() ? "not detected" : report->first()->reason.c_str());
        write(before);
    }
    QCOMPARE(detected, kTrials);
    QVERIFY(verify(ws)->intact()); // every edit was undone
}

void AuditLogTest::groupCommitPutsQueuedAppendsInOneTransaction()
{
    const fs::path ws = fresh();
    auto engineKey = identity::unsealKey(ws / "keys/engine.key", workspace::kDemoPassphrase);
    QVERIFY(engineKey.has_value());
    auto writer = storage::DbWriter::start((ws / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist);
    QVERIFY(writer.has_value());
    auto origin = (*writer)->run([](storage::Database& db) { return readOrigin(db); });
    QVERIFY(origin.has_value());
    AuditLog log(**writer, {*origin, ws / workspace::kCheckpointsDir, &*engineKey, 1000}, *m_clock);

    // Hold the writer thread busy so that every append queues up behind it.
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    (*writer)->post([released](storage::Database&) { released.wait(); });

    constexpr int kAppends = 40;
    std::vector<std::thread> threads;
    std::vector<std::int64_t> seqs(kAppends, 0);
    for (int i = 0; i < kAppends; ++i) {
        threads.emplace_back([&, i] {
            auto draft = makeDraft(types::kReputationUpdated, "engine",
                                   {{QStringLiteral("agent"), QStringLiteral("trader")}, {QStringLiteral("n"), i}});
            auto entry = log.append(std::move(*draft));
            seqs[static_cast<std::size_t>(i)] = entry ? entry->seq : -1;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(log.queued(), std::size_t(kAppends), 20000);
    const std::uint64_t before = log.commits();
    release.set_value();
    for (auto& thread : threads)
        thread.join();
    QCOMPARE(log.commits(), before + 1); // one transaction for all of them
    std::sort(seqs.begin(), seqs.end());
    for (int i = 1; i < kAppends; ++i)
        QCOMPARE(seqs[static_cast<std::size_t>(i)], seqs[static_cast<std::size_t>(i - 1)] + 1);
    QVERIFY(seqs.front() > 2000);

    // An explicit burst is one transaction too.
    std::vector<Draft> burst;
    for (int i = 0; i < 25; ++i)
        burst.push_back(*makeDraft(types::kReputationUpdated, "engine", {{QStringLiteral("n"), i}}));
    const std::uint64_t beforeBurst = log.commits();
    const auto appended = log.appendBatch(std::move(burst));
    QVERIFY(appended.has_value());
    QCOMPARE(appended->size(), std::size_t{25});
    QCOMPARE(log.commits(), beforeBurst + 1);
    QVERIFY(log.checkpointNow().has_value());
    writer->reset();
    const auto report = verify(ws);
    QVERIFY2(report->intact(), report->intact() ? "" : report->first()->reason.c_str());
}

void AuditLogTest::appendIsVisibleWhenAcknowledged()
{
    const fs::path ws = fresh();
    auto engineKey = identity::unsealKey(ws / "keys/engine.key", workspace::kDemoPassphrase);
    auto writer = storage::DbWriter::start((ws / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist);
    auto origin = (*writer)->run([](storage::Database& db) { return readOrigin(db); });
    AuditLog log(**writer, {*origin, ws / workspace::kCheckpointsDir, &*engineKey, 1000}, *m_clock);
    auto reader = storage::Database::open((ws / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist);
    QVERIFY(reader.has_value());
    for (int i = 0; i < 20; ++i) {
        const auto entry = log.append(*makeDraft(types::kIntentReceived, "trader", {{QStringLiteral("i"), i}}));
        QVERIFY(entry.has_value());
        // Another connection sees it the moment append() returns: it was committed first.
        QCOMPARE(queryInt(*reader, "SELECT max(seq) FROM audit_entries"), entry->seq);
    }
    // Bad drafts are refused before anything is written.
    const std::int64_t size = queryInt(*reader, "SELECT max(seq) FROM audit_entries");
    QCOMPARE(log.append(Draft{"settlement.receipt", "engine", "{}", std::nullopt}).error().code, ErrorCode::InvalidInput);
    QCOMPARE(log.append(Draft{"Bad Type", "engine", "{}", std::nullopt}).error().code, ErrorCode::InvalidInput);
    QCOMPARE(log.append(Draft{"intent.received", "Not An Id", "{}", std::nullopt}).error().code, ErrorCode::InvalidInput);
    QCOMPARE(queryInt(*reader, "SELECT max(seq) FROM audit_entries"), size);
    QCOMPARE(makeDraft(types::kSettlementReceipt, "engine", {{QStringLiteral("schema"), QStringLiteral("countersign.approval/1")}},
                       &*engineKey)
                 .error()
                 .code,
             ErrorCode::InvalidInput);
}

void AuditLogTest::revokedKeyCannotSign()
{
    const fs::path ws = fresh();
    auto rita = identity::unsealKey(ws / "keys/rita.key", workspace::kDemoPassphrase);
    auto alice = identity::unsealKey(ws / "keys/alice.key", workspace::kDemoPassphrase);
    auto engineKey = identity::unsealKey(ws / "keys/engine.key", workspace::kDemoPassphrase);
    QVERIFY(rita && alice && engineKey);
    std::int64_t afterRevocation = 0;
    {
        auto db = storage::Database::open((ws / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist);
        const CheckpointPolicy policy{*readOrigin(*db), ws / workspace::kCheckpointsDir, &*engineKey, 1000};
        auto transaction = storage::Transaction::begin(*db);
        const auto revoked = identity::changeStatus(*db, "alice", identity::KeyStatus::Revoked, "rita", *rita, "laptop stolen");
        QVERIFY2(revoked.has_value(), revoked ? "" : revoked.error().message.c_str());
        QVERIFY(appendInTransaction(*db, std::vector{*draftOf(*revoked)}, m_clock->now(), policy));
        QCOMPARE(queryInt(*db, "SELECT count(*) FROM principals WHERE id = 'alice' AND status = 'revoked'"), 1);
        // A revoked key stays revoked.
        QVERIFY(!identity::changeStatus(*db, "alice", identity::KeyStatus::Active, "rita", *rita, "found it"));
        // Alice's key, used after the revocation, must not pass.
        const QJsonObject approval{{QStringLiteral("schema"), QStringLiteral("countersign.approval/1")},
                                   {QStringLiteral("intent"), QStringLiteral("int-000042")}};
        const auto late = appendInTransaction(*db, std::vector{*makeDraft(types::kApprovalGranted, "alice", approval, &*alice)},
                                              m_clock->now(), policy);
        QVERIFY(late.has_value());
        afterRevocation = late->entries.front().seq;
        QVERIFY(checkpointInTransaction(*db, m_clock->now(), policy));
        QVERIFY(transaction->commit());
    }
    const auto report = verify(ws);
    QVERIFY(!report->intact());
    QCOMPARE(report->first()->seq, afterRevocation);
    QVERIFY2(QString::fromStdString(report->first()->reason).contains(QLatin1String("whose key is revoked")),
             report->first()->reason.c_str());
}

void AuditLogTest::checkpointFilesFollowTheirCommits()
{
    // Checkpoints signed in 40 commits, handed to the file writer one commit after another and
    // the writer dropped at once: every one of them is on disk by then, in order of size.
    const fs::path ws = fresh();
    auto engineKey = identity::unsealKey(ws / "keys/engine.key", workspace::kDemoPassphrase);
    QVERIFY(engineKey.has_value());
    auto db = storage::Database::open((ws / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist);
    const fs::path mirror = ws / "mirror";
    fs::create_directories(mirror);
    const CheckpointPolicy policy{*readOrigin(*db), mirror, &*engineKey, 1000};
    std::vector<std::uint64_t> sizes;
    {
        CheckpointFileWriter files;
        for (int commit = 0; commit < 40; ++commit) {
            auto transaction = storage::Transaction::begin(*db);
            const QJsonObject body{{QStringLiteral("n"), commit}};
            QVERIFY(appendInTransaction(*db, std::vector{*makeDraft(types::kModelExchange, "engine", body)},
                                        m_clock->now(), policy));
            auto checkpoint = checkpointInTransaction(*db, m_clock->now(), policy);
            QVERIFY(checkpoint && *checkpoint);
            QVERIFY(transaction->commit());
            sizes.push_back((*checkpoint)->size);
            files.post({**checkpoint}, policy);
        }
    }
    for (const std::uint64_t size : sizes)
        QVERIFY2(fs::exists(mirror / checkpointFileName(size)), checkpointFileName(size).c_str());
}

void AuditLogTest::statusChangesNeedAuthority()
{
    const fs::path ws = fresh();
    auto alice = identity::unsealKey(ws / "keys/alice.key", workspace::kDemoPassphrase);
    auto rita = identity::unsealKey(ws / "keys/rita.key", workspace::kDemoPassphrase);
    auto db = storage::Database::open((ws / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist);
    const CheckpointPolicy policy{*readOrigin(*db), ws / workspace::kCheckpointsDir, nullptr, 0};
    const std::int64_t before = queryInt(*db, "SELECT max(seq) FROM audit_entries");
    // An approver may not suspend anyone, a key must be the actor's own, a reason is required.
    QVERIFY(!identity::changeStatus(*db, "trader", identity::KeyStatus::Suspended, "alice", *alice, "x"));
    QVERIFY(!identity::changeStatus(*db, "trader", identity::KeyStatus::Suspended, "rita", *alice, "x"));
    QVERIFY(!identity::changeStatus(*db, "trader", identity::KeyStatus::Suspended, "rita", *rita, ""));
    QCOMPARE(queryInt(*db, "SELECT max(seq) FROM audit_entries"), before);
    QCOMPARE(queryInt(*db, "SELECT count(*) FROM principals WHERE status <> 'active'"), 0);
}

void AuditLogTest::identityEventsNeedAuthority_data()
{
    QTest::addColumn<QString>("forgery");
    QTest::addColumn<QString>("reason");
    QTest::newRow("registration-nobody-added") << QStringLiteral("register") << QStringLiteral("registers a key no risk manager added");
    QTest::newRow("added-by-an-approver") << QStringLiteral("add-by-alice") << QStringLiteral("only a risk manager adds");
    QTest::newRow("key-rotated-by-another") << QStringLiteral("rotate-by-alice") << QStringLiteral("rotated by its holder or a risk manager");
    QTest::newRow("analyst-signs") << QStringLiteral("analyst-signs") << QStringLiteral("an analyst, who signs nothing");
    QTest::newRow("world-changed-by-an-approver") << QStringLiteral("world-by-alice")
                                                  << QStringLiteral("the world is changed by a risk manager, not by 'alice'");
}

void AuditLogTest::identityEventsNeedAuthority()
{
    // Entries the engine would never write, chained and checkpointed as if it had: the verifier
    // replays who may do what and names the first that may not.
    QFETCH(QString, forgery);
    QFETCH(QString, reason);
    const fs::path ws = fresh();
    auto rita = identity::unsealKey(ws / "keys/rita.key", workspace::kDemoPassphrase);
    auto alice = identity::unsealKey(ws / "keys/alice.key", workspace::kDemoPassphrase);
    auto engineKey = identity::unsealKey(ws / "keys/engine.key", workspace::kDemoPassphrase);
    QVERIFY(rita && alice && engineKey);
    const identity::SigningKey mallory = identity::SigningKey::generate();
    const auto identityBody = [&](const char* event, const char* principal) {
        return QJsonObject{{QStringLiteral("schema"), QStringLiteral("countersign.identity/1")},
                           {QStringLiteral("event"), QLatin1String(event)},
                           {QStringLiteral("principal"), QLatin1String(principal)},
                           {QStringLiteral("role"), QStringLiteral("agent")},
                           {QStringLiteral("public_key"), QString::fromStdString(toBase64(mallory.publicKey()))}};
    };
    std::vector<Draft> drafts;
    if (forgery == QLatin1String("register")) {
        drafts.push_back(*makeDraft(types::kIdentityRegistered, "mallory", identityBody("registered", "mallory"), &mallory));
    } else if (forgery == QLatin1String("add-by-alice")) {
        drafts.push_back(*makeDraft(types::kIdentityAdded, "alice", identityBody("added", "mallory"), &*alice));
        drafts.push_back(*makeDraft(types::kIdentityRegistered, "mallory", identityBody("registered", "mallory"), &mallory));
    } else if (forgery == QLatin1String("world-by-alice")) {
        const QJsonObject change{{QStringLiteral("schema"), QStringLiteral("countersign.world-change/1")},
                                 {QStringLiteral("change"), QStringLiteral("import")},
                                 {QStringLiteral("added"), QJsonObject()},
                                 {QStringLiteral("balances"), QJsonArray()}};
        drafts.push_back(*makeDraft(types::kWorldChanged, "alice", change, &*alice));
    } else if (forgery == QLatin1String("rotate-by-alice")) {
        drafts.push_back(*makeDraft(types::kIdentityKeyRotated, "alice", identityBody("key_rotated", "bob"), &*alice));
    } else {
        QJsonObject analyst = identityBody("added", "ola");
        analyst.insert(QStringLiteral("role"), QStringLiteral("analyst"));
        analyst.remove(QStringLiteral("public_key"));
        drafts.push_back(*makeDraft(types::kIdentityAdded, "rita", analyst, &*rita)); // allowed
        const QJsonObject approval{{QStringLiteral("schema"), QStringLiteral("countersign.approval/1")},
                                   {QStringLiteral("intent"), QStringLiteral("int-000042")}};
        drafts.push_back(*makeDraft(types::kApprovalGranted, "ola", approval, &mallory));
    }
    std::int64_t firstForged = 0;
    {
        auto db = storage::Database::open((ws / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist);
        const CheckpointPolicy policy{*readOrigin(*db), ws / workspace::kCheckpointsDir, &*engineKey, 1000};
        auto transaction = storage::Transaction::begin(*db);
        const auto appended = appendInTransaction(*db, drafts, m_clock->now(), policy);
        QVERIFY(appended.has_value());
        firstForged = appended->entries.back().seq;
        if (forgery == QLatin1String("add-by-alice"))
            firstForged = appended->entries.front().seq;
        QVERIFY(checkpointInTransaction(*db, m_clock->now(), policy));
        QVERIFY(transaction->commit());
    }
    const auto report = verify(ws);
    QVERIFY(report && !report->intact());
    QCOMPARE(report->first()->seq, firstForged);
    QVERIFY2(QString::fromStdString(report->first()->reason).contains(reason), report->first()->reason.c_str());
}

void AuditLogTest::inclusionProofsVerifyAndMutationsFail()
{
    auto engine = open(m_template);
    const auto key = identity::readKeyFileInfo(m_template / "keys/engine.key")->publicKey;
    for (std::int64_t seq : {1, 2, 9, 10, 999, 1000, 1001, 1777, 2000}) {
        const auto proof = engine->proveEntry(seq);
        QVERIFY2(proof.has_value(), proof ? "" : proof.error().message.c_str());
        const auto check = verifyInclusionProof(*proof, key);
        QVERIFY2(check && check->valid, check ? check->reason.c_str() : check.error().message.c_str());
        QCOMPARE(check->seq, seq);
    }
    const QJsonObject proof = *engine->proveEntry(1236); // an entry the engine does not sign
    const auto rejects = [&](const QJsonObject& mutated, const std::optional<identity::PublicKey>& pinned = std::nullopt) {
        const auto check = verifyInclusionProof(mutated, pinned);
        return !check || !check->valid;
    };
    QVERIFY(!rejects(proof));
    QJsonObject mutated = proof;
    mutated.insert(QStringLiteral("entry"), proof.value(QStringLiteral("entry")).toString().replace(QLatin1String("\"seq\":1236"), QLatin1String("\"seq\":1237")));
    QVERIFY(rejects(mutated));
    mutated = proof;
    mutated.insert(QStringLiteral("seq"), 1237);
    QVERIFY(rejects(mutated));
    mutated = proof;
    mutated.insert(QStringLiteral("leaf_index"), 1236);
    QVERIFY(rejects(mutated));
    QJsonArray path = proof.value(QStringLiteral("path")).toArray();
    QVERIFY(!path.isEmpty());
    for (qsizetype i = 0; i < path.size(); ++i) {
        QJsonArray flippedPath = path;
        QString element = flippedPath.at(i).toString();
        element[3] = element.at(3) == u'0' ? u'1' : u'0';
        flippedPath[i] = element;
        mutated = proof;
        mutated.insert(QStringLiteral("path"), flippedPath);
        QVERIFY(rejects(mutated));
    }
    QJsonArray shorter = path;
    shorter.removeLast();
    mutated = proof;
    mutated.insert(QStringLiteral("path"), shorter);
    QVERIFY(rejects(mutated));
    QJsonArray longer = path;
    longer.append(path.first());
    mutated = proof;
    mutated.insert(QStringLiteral("path"), longer);
    QVERIFY(rejects(mutated));
    // A checkpoint signed by another key, carried with that key: refused when the real key is pinned.
    const auto stranger = identity::SigningKey::generate();
    auto checkpoint = checkpointFromJson(proof.value(QStringLiteral("checkpoint")).toObject()).value();
    checkpoint.signature = stranger.sign(checkpointSignedBytes(checkpoint));
    mutated = proof;
    mutated.insert(QStringLiteral("checkpoint"), checkpointToJson(checkpoint, stranger.publicKey()));
    mutated.insert(QStringLiteral("engine_key"), QString::fromStdString(identity::publicKeyToPem(stranger.publicKey())));
    QVERIFY(!rejects(mutated));       // self-consistent, so only pinning the key can tell
    QVERIFY(rejects(mutated, key));   // and pinning does
    mutated = proof;
    mutated.insert(QStringLiteral("checkpoint"), checkpointToJson(checkpoint, stranger.publicKey()));
    QVERIFY(rejects(mutated));        // signed by a key other than the one it carries
    // Entries after the newest checkpoint cannot be proven yet.
    QCOMPARE(engine->proveEntry(999999).error().code, ErrorCode::NotFound);
}

void AuditLogTest::receiptExportIsTheSignedBytes()
{
    auto engine = open(m_template);
    auto db = storage::Database::open((m_template / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist).value();
    const std::int64_t seq = queryInt(db, "SELECT min(seq) FROM audit_entries WHERE type = 'settlement.receipt'");
    const auto receipt = engine->exportReceipt(seq);
    QVERIFY2(receipt.has_value(), receipt ? "" : receipt.error().message.c_str());
    const auto key = identity::publicKeyFromPem(receipt->enginePem);
    QVERIFY(key.has_value());
    QCOMPARE(receipt->signature.size(), std::size_t(64));
    identity::Signature signature{};
    std::copy(receipt->signature.begin(), receipt->signature.end(), reinterpret_cast<char*>(signature.data()));
    QVERIFY(identity::verifySignature(*key, receipt->receiptJson, signature));
    const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(receipt->receiptJson)).object();
    QCOMPARE(body.value(QStringLiteral("schema")).toString(), QStringLiteral("countersign.receipt/1"));
    QVERIFY(receipt->proof.has_value());
    QVERIFY(verifyInclusionProof(*receipt->proof, *key)->valid);
    // Only receipts are receipts.
    QCOMPARE(engine->exportReceipt(1).error().code, ErrorCode::InvalidInput);
}

void AuditLogTest::draftsSignedTogetherAreSignedAsAlone_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("none") << 0;
    QTest::newRow("few: one thread") << 5;
    QTest::newRow("many: two threads") << 41;
}

void AuditLogTest::draftsSignedTogetherAreSignedAsAlone()
{
    QFETCH(int, count);
    const identity::SigningKey key = identity::SigningKey::generate();
    std::vector<Draft> together;
    std::vector<Draft> alone;
    for (int i = 0; i < count; ++i) {
        const QJsonObject body{{QStringLiteral("schema"), QStringLiteral("countersign.receipt/1")}, {QStringLiteral("n"), i}};
        auto later = makeDraftToSign(types::kSettlementReceipt, "engine", body);
        QVERIFY(later);
        QVERIFY(!later->signature); // not appendable until signed
        together.push_back(std::move(*later));
        alone.push_back(*makeDraft(types::kSettlementReceipt, "engine", body, &key));
    }
    std::vector<Draft*> pointers;
    for (Draft& draft : together)
        pointers.push_back(&draft);
    signDrafts(pointers, key);
    for (int i = 0; i < count; ++i) {
        const auto at = static_cast<std::size_t>(i);
        QVERIFY(together[at].signature.has_value());
        QVERIFY(*together[at].signature == *alone[at].signature); // Ed25519 is deterministic
        QVERIFY(identity::verifySignature(key.publicKey(), together[at].body, *together[at].signature));
    }
    // A draft to sign is checked as a signed one is.
    QVERIFY(!makeDraftToSign(types::kSettlementReceipt, "engine", QJsonObject{{QStringLiteral("n"), 1}}));
}

void AuditLogTest::draftsHandedOverAreSignedByFinish_data()
{
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("second"); // handed over after the first finish, then finished again
    QTest::newRow("few: on the caller's thread") << 5 << 0;
    QTest::newRow("many: two threads") << 200 << 0;
    QTest::newRow("finished twice") << 40 << 37;
}

void AuditLogTest::draftsHandedOverAreSignedByFinish()
{
    QFETCH(int, first);
    QFETCH(int, second);
    const identity::SigningKey key = identity::SigningKey::generate();
    std::vector<Draft> drafts;
    for (int i = 0; i < first + second; ++i) {
        const QJsonObject body{{QStringLiteral("schema"), QStringLiteral("countersign.receipt/1")}, {QStringLiteral("n"), i}};
        drafts.push_back(*makeDraftToSign(types::kSettlementReceipt, "engine", body));
    }
    const auto allSigned = [&](int from, int to) {
        for (int i = from; i < to; ++i) {
            const Draft& draft = drafts[static_cast<std::size_t>(i)];
            if (!draft.signature || !identity::verifySignature(key.publicKey(), draft.body, *draft.signature))
                return false;
        }
        return true;
    };
    DraftSigner signer(key);
    for (int i = 0; i < first; ++i)
        signer.add(&drafts[static_cast<std::size_t>(i)]);
    signer.finish();
    QVERIFY(allSigned(0, first));
    QVERIFY(second == 0 || !drafts[static_cast<std::size_t>(first)].signature);
    for (int i = first; i < first + second; ++i)
        signer.add(&drafts[static_cast<std::size_t>(i)]);
    signer.finish();
    QVERIFY(allSigned(0, first + second));
}

QTEST_GUILESS_MAIN(AuditLogTest)
#include "AuditLogTest.moc"
