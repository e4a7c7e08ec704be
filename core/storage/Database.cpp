// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/Database.h"

#include <filesystem>
#include <utility>

#include <sqlite3.h>

namespace cs::storage {

Error sqliteError(sqlite3* db, int code, std::string_view what)
{
    const int primary = code & 0xff;
    std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    // What is wrong is the file, whatever statement found it: name the file, not the step.
    const char* file = db != nullptr ? sqlite3_db_filename(db, "main") : nullptr;
    const bool theFile = primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
    std::string message = (theFile && file != nullptr && *file != '\0' ? std::string(file) : std::string(what)) + ": ";
    switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error{ErrorCode::StorageBusy,
                     message + "the database is locked by another process or connection (" + detail + ")"};
    case SQLITE_NOTADB:
        return Error{ErrorCode::NotAWorkspace, message + "the file is not a Countersign database (" + detail + ")"};
    case SQLITE_CORRUPT:
        return Error{ErrorCode::StorageFailed, message + "the database file is damaged (" + detail + "); restore it from a copy"};
    case SQLITE_CANTOPEN:
        return Error{ErrorCode::NotFound, message + "cannot open the database file (" + detail + ")"};
    default:
        return Error{ErrorCode::StorageFailed, message + detail};
    }
}

// --- Statement --------------------------------------------------------------------------------

Statement::Statement(Statement&& other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr))
    , m_db(other.m_db)
    , m_bindError(std::move(other.m_bindError))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_statement = std::exchange(other.m_statement, nullptr);
        m_db = other.m_db;
        m_bindError = std::move(other.m_bindError);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_statement);
}

Statement& Statement::bind(int index, std::int64_t value)
{
    if (const int rc = sqlite3_bind_int64(m_statement, index, value); rc != SQLITE_OK)
        m_bindError = sqlite3_errstr(rc);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    // An empty view may have no data at all, which SQLite would bind as NULL: text is never NULL.
    const char* data = text.data() != nullptr ? text.data() : "";
    const int rc = sqlite3_bind_text64(m_statement, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK)
        m_bindError = sqlite3_errstr(rc);
    return *this;
}

Statement& Statement::bindBlob(int index, std::span<const std::uint8_t> bytes)
{
    const int rc = sqlite3_bind_blob64(m_statement, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        m_bindError = sqlite3_errstr(rc);
    return *this;
}

Statement& Statement::bindNull(int index)
{
    if (const int rc = sqlite3_bind_null(m_statement, index); rc != SQLITE_OK)
        m_bindError = sqlite3_errstr(rc);
    return *this;
}

Result<bool> Statement::step()
{
    if (!m_bindError.empty())
        return fail(ErrorCode::Internal, "binding a parameter failed: " + m_bindError);
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return Unexpected{sqliteError(m_db, rc, "statement failed")};
}

Result<void> Statement::run()
{
    auto stepped = step();
    reset();
    if (!stepped)
        return Unexpected{stepped.error()};
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_bindError.clear();
}

std::int64_t Statement::int64At(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

std::span<const std::uint8_t> Statement::blobAt(int column) const
{
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_statement, column));
    const int size = sqlite3_column_bytes(m_statement, column);
    return data != nullptr ? std::span(data, static_cast<std::size_t>(size)) : std::span<const std::uint8_t>();
}

std::string Statement::textAt(int column) const
{
    return std::string(textViewAt(column));
}

std::string_view Statement::textViewAt(int column) const
{
    const auto* text = sqlite3_column_text(m_statement, column);
    const int size = sqlite3_column_bytes(m_statement, column);
    return text != nullptr ? std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size))
                           : std::string_view();
}

bool Statement::isNullAt(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

// --- Database ---------------------------------------------------------------------------------

Result<Database> Database::open(const std::string& path, OpenMode mode, int busyTimeoutMs)
{
    std::error_code ec;
    if (mode == OpenMode::MustExist && !std::filesystem::is_regular_file(path, ec))
        return fail(ErrorCode::NotFound, "database file not found: " + path);

    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX;
    if (mode != OpenMode::MustExist)
        flags |= SQLITE_OPEN_CREATE;
    const std::string opened = mode == OpenMode::InMemory ? std::string(":memory:") : path;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(opened.c_str(), &raw, flags, nullptr);
    Database db(raw, opened);
    if (rc != SQLITE_OK)
        return Unexpected{sqliteError(raw, rc, "opening " + opened)};
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, busyTimeoutMs);
    if (mode == OpenMode::InMemory) {
        if (auto pragmas = db.exec("PRAGMA foreign_keys=ON;"); !pragmas)
            return Unexpected{pragmas.error()};
        return db;
    }

    // journal_mode is the first statement that reads the file, so it is where a file that is not
    // an SQLite database or is locked shows up.
    auto wal = db.prepare("PRAGMA journal_mode=WAL");
    if (!wal)
        return Unexpected{wal.error()};
    auto stepped = wal->step();
    if (!stepped)
        return Unexpected{stepped.error()};
    if (wal->textAt(0) != "wal")
        return fail(ErrorCode::StorageFailed, "opening " + path + ": cannot switch the database to WAL mode");
    if (auto pragmas = db.exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"); !pragmas)
        return Unexpected{pragmas.error()};
    return db;
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
    , m_cache(std::move(other.m_cache))
    , m_walCommitted(std::move(other.m_walCommitted))
{
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        m_cache.clear(); // finalized before their connection closes
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_cache = std::move(other.m_cache);
        m_walCommitted = std::move(other.m_walCommitted);
    }
    return *this;
}

Database::~Database()
{
    m_cache.clear();
    sqlite3_close_v2(m_db);
}

void Database::onWalCommit(std::function<void(int frames)> committed)
{
    m_walCommitted = std::make_unique<std::function<void(int)>>(std::move(committed));
    sqlite3_wal_autocheckpoint(m_db, 0);
    sqlite3_wal_hook(
        m_db,
        [](void* context, sqlite3*, const char*, int frames) {
            (*static_cast<std::function<void(int)>*>(context))(frames);
            return SQLITE_OK;
        },
        m_walCommitted.get());
}

Result<void> Database::checkpointPassive()
{
    const int rc = sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY)
        return Unexpected{sqliteError(m_db, rc, "checkpointing the WAL")};
    return {};
}

Result<Statement*> Database::cached(std::string_view sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        auto statement = prepare(sql);
        if (!statement)
            return Unexpected{statement.error()};
        it = m_cache.emplace(std::string(sql), std::make_unique<Statement>(std::move(*statement))).first;
    }
    it->second->reset();
    return it->second.get();
}

Result<void> Database::exec(std::string_view sql)
{
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return Unexpected{sqliteError(m_db, rc, "executing SQL")};
    return {};
}

Result<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(statement);
        return Unexpected{sqliteError(m_db, rc, "preparing SQL")};
    }
    return Statement(statement, m_db);
}

Result<std::int64_t> dataVersion(Database& db)
{
    return db.queryInt("PRAGMA data_version");
}

Result<std::vector<std::string>> quickCheck(Database& db)
{
    std::vector<std::string> findings;
    CS_TRY(checked, forEachRow(db, "PRAGMA quick_check", [&](Statement& row) -> Result<void> {
        if (row.textAt(0) != "ok")
            findings.push_back(row.textAt(0));
        return {};
    }));
    return findings;
}

Result<std::int64_t> Database::queryInt(std::string_view sql)
{
    auto statement = cached(sql);
    if (!statement)
        return Unexpected{statement.error()};
    std::optional<std::int64_t> value;
    auto stepped = firstRow(**statement, [&](Statement& row) { value = row.int64At(0); });
    if (!stepped)
        return Unexpected{stepped.error()};
    if (!value)
        return fail(ErrorCode::Internal, "query returned no row: " + std::string(sql));
    return *value;
}

std::int64_t Database::changes() const
{
    return sqlite3_changes64(m_db);
}

// --- Transaction ------------------------------------------------------------------------------

namespace {

//! BEGIN, COMMIT and ROLLBACK run on every append: prepared once per connection.
Result<void> control(Database& db, std::string_view sql)
{
    auto statement = db.cached(sql);
    if (!statement)
        return Unexpected{statement.error()};
    return (*statement)->run();
}

} // namespace

Result<Transaction> Transaction::begin(Database& db)
{
    if (auto begun = control(db, "BEGIN IMMEDIATE"); !begun)
        return Unexpected{begun.error()};
    return Transaction(db);
}

Result<Transaction> Transaction::beginRead(Database& db)
{
    if (auto begun = control(db, "BEGIN"); !begun)
        return Unexpected{begun.error()};
    return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
{
}

Transaction::~Transaction()
{
    if (m_db != nullptr)
        (void)control(*m_db, "ROLLBACK");
}

Result<void> Transaction::commit()
{
    if (m_db == nullptr)
        return fail(ErrorCode::Internal, "transaction already finished");
    auto committed = control(*m_db, "COMMIT");
    if (committed)
        m_db = nullptr;
    return committed;
}

} // namespace cs::storage
