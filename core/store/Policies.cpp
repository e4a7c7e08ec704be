// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Policies.h"

#include "core/storage/Database.h"

namespace cs::store {

namespace {

const std::string kColumns = "version, name, document, signer, entry_seq, published_ms";

PolicyRow rowOf(const storage::Statement& row)
{
    return {row.textAt(0), row.textAt(1), row.textAt(2), row.textAt(3), row.int64At(4), Timestamp{row.int64At(5)}};
}

} // namespace

Result<void> insertPolicy(storage::Database& db, const PolicyRow& row)
{
    static const std::string sql = "INSERT INTO policies(" + kColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
    CS_TRY(insert, db.cached(sql));
    return (*insert)->bind(1, row.version).bind(2, row.name).bind(3, row.document).bind(4, row.signer)
        .bind(5, row.entrySeq).bind(6, row.published.msSinceEpoch).run();
}

Result<bool> policyExists(storage::Database& db, std::string_view version)
{
    CS_TRY(query, db.cached("SELECT 1 FROM policies WHERE version = ?1"));
    return storage::firstRow((*query)->bind(1, version), [](storage::Statement&) {});
}

Result<std::optional<PolicyRow>> newestPolicy(storage::Database& db)
{
    static const std::string sql = "SELECT " + kColumns + " FROM policies ORDER BY entry_seq DESC LIMIT 1";
    CS_TRY(query, db.cached(sql));
    std::optional<PolicyRow> newest;
    CS_TRY(row, storage::firstRow(**query, [&](storage::Statement& at) { newest = rowOf(at); }));
    return newest;
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
