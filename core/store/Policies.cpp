// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Policies.h"

#include "core/storage/Database.h"

namespace cs::store {

namespace {

const std::string kColumns = "version, name, document, signer, entry_seq, published_ms, mode";

PolicyRow rowOf(const storage::Statement& row)
{
    return {row.textAt(0), row.textAt(1), row.textAt(2), row.textAt(3), row.int64At(4), Timestamp{row.int64At(5)}, row.textAt(6)};
}

Result<std::optional<PolicyRow>> oneRow(storage::Database& db, const std::string& sql)
{
    CS_TRY(query, db.cached(sql));
    std::optional<PolicyRow> found;
    CS_TRY(row, storage::firstRow(**query, [&](storage::Statement& at) { found = rowOf(at); }));
    return found;
}

} // namespace

Result<void> insertPolicy(storage::Database& db, const PolicyRow& row)
{
    static const std::string sql = "INSERT INTO policies(" + kColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    CS_TRY(insert, db.cached(sql));
    return (*insert)->bind(1, row.version).bind(2, row.name).bind(3, row.document).bind(4, row.signer)
        .bind(5, row.entrySeq).bind(6, row.published.msSinceEpoch).bind(7, row.mode).run();
}

Result<std::optional<std::string>> policyMode(storage::Database& db, std::string_view version)
{
    CS_TRY(query, db.cached("SELECT mode FROM policies WHERE version = ?1"));
    std::optional<std::string> mode;
    CS_TRY(row, storage::firstRow((*query)->bind(1, version), [&](storage::Statement& at) { mode = at.textAt(0); }));
    return mode;
}

Result<std::optional<PolicyRow>> newestPolicy(storage::Database& db)
{
    static const std::string sql = "SELECT " + kColumns + " FROM policies WHERE mode = 'active' ORDER BY entry_seq DESC LIMIT 1";
    return oneRow(db, sql);
}

Result<std::optional<PolicyRow>> lastPublished(storage::Database& db)
{
    static const std::string sql = "SELECT " + kColumns + " FROM policies ORDER BY entry_seq DESC LIMIT 1";
    return oneRow(db, sql);
}

Result<std::optional<PolicyRow>> shadowPolicy(storage::Database& db)
{
    static const std::string sql = "SELECT " + kColumns + " FROM policies WHERE mode = 'shadow' AND entry_seq > "
                                   "(SELECT COALESCE(MAX(entry_seq), 0) FROM policies WHERE mode = 'active') "
                                   "ORDER BY entry_seq DESC LIMIT 1";
    return oneRow(db, sql);
}

Result<void> promotePolicy(storage::Database& db, std::string_view version, std::int64_t entrySeq, Timestamp now)
{
    CS_TRY(update, db.cached("UPDATE policies SET mode = 'active', entry_seq = ?2, published_ms = ?3 "
                             "WHERE version = ?1 AND mode = 'shadow'"));
    return (*update)->bind(1, version).bind(2, entrySeq).bind(3, now.msSinceEpoch).run();
}

Result<std::vector<PolicyRow>> policies(storage::Database& db)
{
    std::vector<PolicyRow> rows;
    static const std::string sql = "SELECT " + kColumns + " FROM policies ORDER BY entry_seq DESC";
    CS_TRY(read, storage::forEachRow(db, sql,
                                     [&](storage::Statement& row) -> Result<void> {
                                         rows.push_back(rowOf(row));
                                         return {};
                                     }));
    return rows;
}

} // namespace cs::store
