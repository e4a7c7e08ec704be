// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Approvals.h"

#include "core/storage/Database.h"

namespace cs::store {

using storage::Statement;

namespace {

Result<std::vector<std::string>> firstColumn(Statement& query)
{
    std::vector<std::string> values;
    CS_TRY(read, storage::eachRow(query, [&](Statement& row) -> Result<void> {
        values.push_back(row.textAt(0));
        return {};
    }));
    return values;
}

} // namespace

Result<void> insertRequest(storage::Database& db, const RequestRow& row)
{
    CS_TRY(insert, db.cached("INSERT INTO approval_requests(intent, agent, subject, subject_sha256, requirements, "
                             "expires_ms, state, created_ms, updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', ?7, ?7)"));
    return (*insert)->bind(1, row.intent).bind(2, row.agent).bind(3, row.subject).bind(4, row.subjectSha256)
        .bind(5, row.requirements).bind(6, row.expires.msSinceEpoch).bind(7, row.created.msSinceEpoch).run();
}

namespace {

const std::string kRequestColumns =
    "intent, agent, subject, subject_sha256, requirements, expires_ms, state, created_ms, updated_ms";

RequestRow requestOf(const Statement& at)
{
    return {at.textAt(0), at.textAt(1), at.textAt(2), at.textAt(3), at.textAt(4),
            Timestamp{at.int64At(5)}, at.textAt(6), Timestamp{at.int64At(7)}, Timestamp{at.int64At(8)}};
}

} // namespace

Result<std::optional<RequestRow>> findRequest(storage::Database& db, std::string_view intent)
{
    static const std::string sql = "SELECT " + kRequestColumns + " FROM approval_requests WHERE intent = ?1";
    CS_TRY(query, db.cached(sql));
    std::optional<RequestRow> found;
    CS_TRY(row, storage::firstRow((*query)->bind(1, intent), [&](Statement& at) { found = requestOf(at); }));
    return found;
}

Result<void> setRequestState(storage::Database& db, std::string_view intent, std::string_view state, Timestamp now)
{
    CS_TRY(update, db.cached("UPDATE approval_requests SET state = ?2, updated_ms = ?3 WHERE intent = ?1"));
    return (*update)->bind(1, intent).bind(2, state).bind(3, now.msSinceEpoch).run();
}

Result<void> setRequestSubject(storage::Database& db, const RequestRow& row)
{
    CS_TRY(update, db.cached("UPDATE approval_requests SET subject = ?2, subject_sha256 = ?3, requirements = ?4, "
                             "updated_ms = ?5 WHERE intent = ?1"));
    return (*update)->bind(1, row.intent).bind(2, row.subject).bind(3, row.subjectSha256).bind(4, row.requirements)
        .bind(5, row.updated.msSinceEpoch).run();
}

Result<std::vector<RequestRow>> pendingRequestsOf(storage::Database& db, std::string_view agent)
{
    static const std::string sql =
        "SELECT " + kRequestColumns + " FROM approval_requests WHERE state = 'pending' AND agent = ?1 ORDER BY intent";
    CS_TRY(query, db.cached(sql));
    std::vector<RequestRow> rows;
    CS_TRY(read, storage::eachRow((*query)->bind(1, agent), [&](Statement& row) -> Result<void> {
        rows.push_back(requestOf(row));
        return {};
    }));
    return rows;
}

Result<std::vector<std::string>> dueRequests(storage::Database& db, Timestamp now)
{
    CS_TRY(query, db.cached("SELECT intent FROM approval_requests WHERE state = 'pending' AND expires_ms <= ?1"));
    return firstColumn((*query)->bind(1, now.msSinceEpoch));
}

Result<std::map<std::string, int>> requestCounts(storage::Database& db)
{
    std::map<std::string, int> counts;
    CS_TRY(read, storage::forEachRow(db, "SELECT state, count(*) FROM approval_requests GROUP BY state",
                                     [&](Statement& row) -> Result<void> {
                                         counts[row.textAt(0)] = static_cast<int>(row.int64At(1));
                                         return {};
                                     }));
    return counts;
}

Result<void> insertVerdict(storage::Database& db, const VerdictRow& row)
{
    CS_TRY(insert, db.cached("INSERT INTO approvals(intent, subject_sha256, approver, verdict, reason, entry_seq, at_ms) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    return (*insert)->bind(1, row.intent).bind(2, row.subjectSha256).bind(3, row.approver).bind(4, row.verdict)
        .bind(5, row.reason).bind(6, row.entrySeq).bind(7, row.at.msSinceEpoch).run();
}

Result<bool> hasVerdict(storage::Database& db, std::string_view intent, std::string_view subjectSha256,
                        std::string_view approver)
{
    CS_TRY(query, db.cached("SELECT 1 FROM approvals WHERE intent = ?1 AND subject_sha256 = ?2 AND approver = ?3"));
    return storage::firstRow((*query)->bind(1, intent).bind(2, subjectSha256).bind(3, approver), [](Statement&) {});
}

Result<std::vector<std::string>> approversOf(storage::Database& db, std::string_view intent, std::string_view subjectSha256)
{
    CS_TRY(query, db.cached("SELECT approver FROM approvals WHERE intent = ?1 AND subject_sha256 = ?2 "
                            "AND verdict = 'approve' ORDER BY at_ms"));
    return firstColumn((*query)->bind(1, intent).bind(2, subjectSha256));
}

Result<std::int64_t> verdictCount(storage::Database& db)
{
    return db.queryInt("SELECT count(*) FROM approvals");
}

} // namespace cs::store
