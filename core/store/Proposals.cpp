// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Proposals.h"

#include "core/storage/Database.h"
#include "core/store/Bind.h"

namespace cs::store {

using storage::Statement;

namespace {

const std::string kProposalColumns =
    "intent, agent, state, reason, proposal, proposal_sha256, effect, decision, coalesce(receipt_seq, 0), updated_ms";
const std::string kDecisionColumns =
    "intent, agent, action, asset, amount, to_id, venue, asset_out, min_out, claimed_risk, claimed_approvals, simulation, "
    "simulation_reason, expected_out, at_ms, effect, policy_version, spend, updated_ms, first_time";

std::optional<std::string> optionalAt(const Statement& row, int column)
{
    return row.isNullAt(column) ? std::nullopt : std::optional(row.textAt(column));
}

ProposalRow proposalOf(const Statement& row)
{
    return {row.textAt(0),        row.textAt(1),        row.textAt(2), row.textAt(3), optionalAt(row, 4),
            optionalAt(row, 5),   optionalAt(row, 6),   optionalAt(row, 7), row.int64At(8), Timestamp{row.int64At(9)}};
}

DecisionRow decisionOf(const Statement& row)
{
    DecisionRow d;
    d.intent = row.textAt(0);
    d.agent = row.textAt(1);
    d.action = row.textAt(2);
    d.asset = row.textAt(3);
    d.amount = row.textAt(4);
    d.to = optionalAt(row, 5);
    d.venue = optionalAt(row, 6);
    d.assetOut = optionalAt(row, 7);
    d.minOut = optionalAt(row, 8);
    d.claimedRisk = row.textAt(9);
    d.claimedApprovals = row.int64At(10);
    d.simulation = row.textAt(11);
    d.simulationReason = row.textAt(12);
    d.expectedOut = optionalAt(row, 13);
    d.at = Timestamp{row.int64At(14)};
    d.effect = row.textAt(15);
    d.policyVersion = row.textAt(16);
    d.spend = optionalAt(row, 17);
    d.updated = Timestamp{row.int64At(18)};
    d.firstTime = row.int64At(19) != 0;
    return d;
}

} // namespace

Result<void> insertProposal(storage::Database& db, const ProposalRow& row)
{
    CS_TRY(insert, db.cached("INSERT INTO proposals(intent, agent, state, reason, proposal, proposal_sha256, effect, "
                             "decision, receipt_seq, updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
    Statement& statement = (*insert)->bind(1, row.intent).bind(2, row.agent).bind(3, row.state).bind(4, row.reason);
    bindOptional(statement, 5, row.proposal);
    bindOptional(statement, 6, row.proposalSha256);
    bindOptional(statement, 7, row.effect);
    bindOptional(statement, 8, row.decision);
    return bindSeq(statement, 9, row.receiptSeq).bind(10, row.updated.msSinceEpoch).run();
}

Result<std::optional<ProposalRow>> findProposal(storage::Database& db, std::string_view intent)
{
    static const std::string sql = "SELECT " + kProposalColumns + " FROM proposals WHERE intent = ?1";
    CS_TRY(query, db.cached(sql));
    std::optional<ProposalRow> found;
    CS_TRY(row, storage::firstRow((*query)->bind(1, intent), [&](Statement& at) { found = proposalOf(at); }));
    return found;
}

Result<void> setProposalState(storage::Database& db, std::string_view intent, std::string_view state,
                              std::string_view reason, std::int64_t receiptSeq, Timestamp now)
{
    CS_TRY(update, db.cached("UPDATE proposals SET state = ?2, reason = ?3, receipt_seq = ?4, updated_ms = ?5 WHERE intent = ?1"));
    return bindSeq((*update)->bind(1, intent).bind(2, state).bind(3, reason).bind(5, now.msSinceEpoch), 4, receiptSeq).run();
}

Result<void> setProposalVersion(storage::Database& db, const ProposalRow& row)
{
    CS_TRY(update, db.cached("UPDATE proposals SET proposal = ?2, proposal_sha256 = ?3, effect = ?4, decision = ?5, "
                             "updated_ms = ?6 WHERE intent = ?1"));
    Statement& statement = (*update)->bind(1, row.intent);
    bindOptional(statement, 2, row.proposal);
    bindOptional(statement, 3, row.proposalSha256);
    bindOptional(statement, 4, row.effect);
    bindOptional(statement, 5, row.decision);
    return statement.bind(6, row.updated.msSinceEpoch).run();
}

Result<std::vector<ProposalRow>> proposalsIn(storage::Database& db, std::string_view state)
{
    static const std::string sql = "SELECT " + kProposalColumns + " FROM proposals WHERE state = ?1 ORDER BY updated_ms, intent";
    CS_TRY(query, db.cached(sql));
    std::vector<ProposalRow> rows;
    CS_TRY(read, storage::eachRow((*query)->bind(1, state), [&](Statement& row) -> Result<void> {
        rows.push_back(proposalOf(row));
        return {};
    }));
    return rows;
}

Result<void> insertDecision(storage::Database& db, const DecisionRow& row)
{
    static const std::string sql = "INSERT INTO decisions(" + kDecisionColumns
                                   + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                                     "?18, ?19, ?20)";
    CS_TRY(insert, db.cached(sql));
    Statement& statement = (*insert)->bind(1, row.intent).bind(2, row.agent).bind(3, row.action).bind(4, row.asset)
                               .bind(5, row.amount);
    bindOptional(statement, 6, row.to);
    bindOptional(statement, 7, row.venue);
    bindOptional(statement, 8, row.assetOut);
    bindOptional(statement, 9, row.minOut);
    statement.bind(10, row.claimedRisk).bind(11, row.claimedApprovals).bind(12, row.simulation).bind(13, row.simulationReason);
    bindOptional(statement, 14, row.expectedOut);
    statement.bind(15, row.at.msSinceEpoch).bind(16, row.effect).bind(17, row.policyVersion);
    bindOptional(statement, 18, row.spend);
    return statement.bind(19, row.updated.msSinceEpoch).bind(20, std::int64_t{row.firstTime ? 1 : 0}).run();
}

Result<void> setEditedDecision(storage::Database& db, const DecisionRow& row)
{
    CS_TRY(update, db.cached("UPDATE decisions SET amount = ?2, min_out = ?3, effect = ?4, policy_version = ?5, "
                             "simulation = ?6, simulation_reason = ?7, expected_out = ?8, spend = 'reserved', "
                             "updated_ms = ?9, first_time = ?10 WHERE intent = ?1"));
    Statement& statement = (*update)->bind(1, row.intent).bind(2, row.amount);
    bindOptional(statement, 3, row.minOut);
    statement.bind(4, row.effect).bind(5, row.policyVersion).bind(6, row.simulation).bind(7, row.simulationReason);
    bindOptional(statement, 8, row.expectedOut);
    return statement.bind(9, row.updated.msSinceEpoch).bind(10, std::int64_t{row.firstTime ? 1 : 0}).run();
}

Result<void> forEachDecision(storage::Database& db, const DecisionFn& fn)
{
    static const std::string sql = "SELECT " + kDecisionColumns + " FROM decisions ORDER BY at_ms, rowid";
    return storage::forEachRow(db, sql, [&](Statement& row) { return fn(decisionOf(row)); });
}

Result<void> forEachSpend(storage::Database& db, Timestamp from, std::int64_t afterRowid, const DecisionFn& fn)
{
    static const std::string sql = "SELECT " + kDecisionColumns
                                   + " FROM decisions WHERE rowid > ?1 AND at_ms >= ?2 AND spend IN ('reserved', 'committed') "
                                     "ORDER BY at_ms";
    CS_TRY(query, db.cached(sql));
    return storage::eachRow((*query)->bind(1, afterRowid).bind(2, from.msSinceEpoch),
                            [&](Statement& row) { return fn(decisionOf(row)); });
}

Result<void> forEachPaid(storage::Database& db, std::int64_t afterRowid,
                         const std::function<void(const std::string& counterparty)>& fn)
{
    CS_TRY(query, db.cached("SELECT DISTINCT to_id FROM decisions WHERE rowid > ?1 AND spend = 'committed' AND to_id IS NOT NULL"));
    return storage::eachRow((*query)->bind(1, afterRowid), [&](Statement& row) -> Result<void> {
        fn(row.textAt(0));
        return {};
    });
}

Result<std::int64_t> newestDecisionRow(storage::Database& db)
{
    return db.queryInt("SELECT coalesce(max(rowid), 0) FROM decisions");
}

Result<void> moveSpend(storage::Database& db, std::string_view intent, std::string_view state, Timestamp now)
{
    if (state != "committed" && state != "released")
        return fail(ErrorCode::InvalidInput, "a reserved spend becomes committed or released, not " + std::string(state));
    CS_TRY(update, db.cached("UPDATE decisions SET spend = ?2, updated_ms = ?3 WHERE intent = ?1 AND spend = 'reserved'"));
    CS_TRY(updated, (*update)->bind(1, intent).bind(2, state).bind(3, now.msSinceEpoch).run());
    if (db.changes() != 1)
        return fail(ErrorCode::NotFound, "the decision of " + std::string(intent) + " holds no reserved spend");
    return {};
}

Result<std::int64_t> spendEpoch(storage::Database& db)
{
    return db.queryInt("SELECT coalesce((SELECT epoch FROM spend_epoch WHERE id = 1), 0)");
}

} // namespace cs::store
