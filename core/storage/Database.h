// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Result.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace cs::storage {

/**
 * A prepared statement. Parameters are 1-based, columns 0-based (as in SQLite).
 * Not thread-safe: use it on the thread that owns its Database.
 */
class Statement
{
public:
    Statement(Statement&&) noexcept;
    Statement& operator=(Statement&&) noexcept;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bindNull(int index);
    Statement& bindBlob(int index, std::span<const std::uint8_t> bytes);

    //! true: a row is available; false: done. Errors name the SQLite reason.
    Result<bool> step();
    //! Runs a statement that returns no rows (or ignores them) and resets it.
    Result<void> run();
    void reset();

    std::int64_t int64At(int column) const;
    std::string textAt(int column) const;
    //! The same without a copy: valid until the next step() or reset().
    std::string_view textViewAt(int column) const;
    bool isNullAt(int column) const;
    //! The column's bytes (a BLOB as stored; empty for NULL).
    std::span<const std::uint8_t> blobAt(int column) const;

private:
    friend class Database;
    Statement(sqlite3_stmt* statement, sqlite3* db) : m_statement(statement), m_db(db) {}

    sqlite3_stmt* m_statement = nullptr;
    sqlite3* m_db = nullptr;
    std::string m_bindError;
};

enum class OpenMode {
    CreateIfMissing, //!< create the file when it does not exist
    MustExist,       //!< a missing file is an error (NotFound)
    InMemory,        //!< a private database in memory that ends with the connection (`path` ignored)
};

/**
 * One SQLite connection (RAII). Opened in WAL mode with synchronous=FULL and foreign keys on.
 * SQLite serialises use of one connection, but each thread should open its own; writes go
 * through the single DbWriter thread.
 */
class Database
{
public:
    static Result<Database> open(const std::string& path, OpenMode mode, int busyTimeoutMs = 5000);

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    //! Runs one or more statements without parameters.
    Result<void> exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);
    //! The same statement on every call (prepared once per connection, reset and unbound when
    //! handed out), for the statements a hot path runs over and over. Valid while the
    //! connection lives; do not keep it across calls.
    Result<Statement*> cached(std::string_view sql);
    //! The single integer a query such as "PRAGMA user_version" returns.
    Result<std::int64_t> queryInt(std::string_view sql);

    std::int64_t changes() const;
    const std::string& path() const { return m_path; }

    /**
     * Hands this connection's WAL checkpoints to someone else: it no longer copies the WAL into
     * the database after a commit (SQLite's automatic checkpoint), and `committed` is told the
     * WAL's size in frames after each commit instead, on this connection's thread.
     */
    void onWalCommit(std::function<void(int frames)> committed);
    //! Copies what it can of the WAL into the database without waiting for readers or the
    //! writer (a PASSIVE checkpoint).
    Result<void> checkpointPassive();

private:
    Database(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}

    sqlite3* m_db = nullptr;
    std::string m_path;
    std::map<std::string, std::unique_ptr<Statement>, std::less<>> m_cache;
    std::unique_ptr<std::function<void(int)>> m_walCommitted; //!< where SQLite's WAL hook points
};

/**
 * Steps a bound `statement` through its rows and calls fn(Statement&) -> Result<void> for each;
 * the first error, from SQLite or from `fn`, ends it. The statement is reset however it ends,
 * so it never holds a read snapshot open.
 */
template <class Fn>
Result<void> eachRow(Statement& statement, Fn&& fn)
{
    const auto result = [&]() -> Result<void> {
        for (;;) {
            auto row = statement.step();
            if (!row)
                return Unexpected{row.error()};
            if (!*row)
                return {};
            if (auto done = fn(statement); !done)
                return done;
        }
    }();
    statement.reset();
    return result;
}

/**
 * Steps a bound `statement` once: calls fn(Statement&) on its first row and returns true, or
 * returns false when it has none. Reset afterwards.
 */
template <class Fn>
Result<bool> firstRow(Statement& statement, Fn&& fn)
{
    auto row = statement.step();
    if (row && *row)
        fn(statement);
    statement.reset();
    return row;
}

//! eachRow over `sql` without parameters (prepared once per connection).
template <class Fn>
Result<void> forEachRow(Database& db, std::string_view sql, Fn&& fn)
{
    auto query = db.cached(sql);
    if (!query)
        return Unexpected{query.error()};
    return eachRow(**query, std::forward<Fn>(fn));
}

//! PRAGMA data_version: changes whenever another connection commits to the database.
Result<std::int64_t> dataVersion(Database& db);

//! What SQLite's quick_check finds wrong with the database file (empty when it is "ok").
Result<std::vector<std::string>> quickCheck(Database& db);

//! Maps an SQLite result code to an Error whose message starts with `what`.
Error sqliteError(sqlite3* db, int code, std::string_view what);

/**
 * BEGIN IMMEDIATE on construction (the write lock is taken at once, so a check followed by a
 * write cannot fail half-way with SQLITE_BUSY); ROLLBACK on destruction unless commit() succeeded.
 * beginRead() is a plain BEGIN for a consistent snapshot across several reads (WAL: it never
 * blocks the writer).
 */
class Transaction
{
public:
    static Result<Transaction> begin(Database& db);
    static Result<Transaction> beginRead(Database& db);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();

    //! Durable once this returns a value (synchronous=FULL).
    Result<void> commit();

private:
    explicit Transaction(Database& db) : m_db(&db) {}
    Database* m_db = nullptr;
};

} // namespace cs::storage
