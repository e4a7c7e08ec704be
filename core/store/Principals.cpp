// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Principals.h"

#include "core/storage/Database.h"

namespace cs::store {

namespace {

constexpr std::string_view kColumns = "id, display_name, role, status, description, public_key, created_ms";

PrincipalRow rowOf(const storage::Statement& row)
{
    const auto key = row.blobAt(5);
    return {row.textAt(0), row.textAt(1), row.textAt(2), row.textAt(3), row.textAt(4),
            std::vector<std::uint8_t>(key.begin(), key.end()), Timestamp{row.int64At(6)}};
}

} // namespace

Result<std::optional<PrincipalRow>> findPrincipal(storage::Database& db, std::string_view id)
{
    static const std::string sql = "SELECT " + std::string(kColumns) + " FROM principals WHERE id = ?1";
    CS_TRY(query, db.cached(sql));
    std::optional<PrincipalRow> found;
    CS_TRY(row, storage::firstRow((*query)->bind(1, id), [&](storage::Statement& at) { found = rowOf(at); }));
    return found;
}

Result<std::vector<PrincipalRow>> principals(storage::Database& db)
{
    std::vector<PrincipalRow> all;
    CS_TRY(read, storage::forEachRow(db, "SELECT " + std::string(kColumns) + " FROM principals ORDER BY role, id",
                                     [&](storage::Statement& row) -> Result<void> {
                                         all.push_back(rowOf(row));
                                         return {};
                                     }));
    return all;
}

Result<void> insertPrincipal(storage::Database& db, const PrincipalRow& row)
{
    static const std::string sql = "INSERT INTO principals(" + std::string(kColumns) + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    CS_TRY(insert, db.cached(sql));
    storage::Statement& statement = **insert;
    statement.bind(1, row.id).bind(2, row.displayName).bind(3, row.role).bind(4, row.status).bind(5, row.description);
    if (row.publicKey.empty())
        statement.bindNull(6); // until enrolled
    else
        statement.bindBlob(6, row.publicKey);
    return statement.bind(7, row.created.msSinceEpoch).run();
}

Result<void> setPrincipalKey(storage::Database& db, std::string_view id, std::span<const std::uint8_t> publicKey)
{
    CS_TRY(update, db.cached("UPDATE principals SET public_key = ?2 WHERE id = ?1"));
    return (*update)->bind(1, id).bindBlob(2, publicKey).run();
}

Result<void> setPrincipalStatus(storage::Database& db, std::string_view id, std::string_view status)
{
    CS_TRY(update, db.cached("UPDATE principals SET status = ?2 WHERE id = ?1"));
    return (*update)->bind(1, id).bind(2, status).run();
}

} // namespace cs::store
