// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/settlement/Settlement.h"

#include "core/audit/Verifier.h"
#include "core/domain/CanonicalJson.h"
#include "core/domain/Encoding.h"
#include "core/domain/StrictJson.h"
#include "core/storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cs::settlement {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

Result<void> setState(storage::Database& db, const std::string& key, const char* state, const std::string& reason,
                      std::int64_t receiptSeq, Timestamp now)
{
    CS_TRY(update, db.cached("UPDATE settlements SET state = ?2, reason = ?3, receipt_seq = ?4, updated_ms = ?5 "
                             "WHERE idempotency_key = ?1"));
    (*update)->bind(1, key).bind(2, std::string_view(state)).bind(3, reason).bind(5, now.msSinceEpoch);
    if (receiptSeq > 0)
        (*update)->bind(4, receiptSeq);
    return (*update)->run();
}

//! Adds `delta` to the stored balance of (account, asset), exactly and checked.
Result<void> post(storage::Database& db, const std::string& key, const simulation::BalanceDelta& delta)
{
    const Asset& asset = delta.amount.asset();
    CS_TRY(read, db.cached("SELECT amount FROM balances WHERE account = ?1 AND asset = ?2"));
    (*read)->bind(1, delta.account).bind(2, asset.code);
    CS_TRY(row, (*read)->step());
    Money balance = Money::zero(asset);
    if (*row) {
        auto stored = Money::parse((*read)->textAt(0), asset, SignPolicy::AllowNegative);
        if (!stored)
            return fail(ErrorCode::StorageFailed, "balance of " + delta.account + " is corrupt: " + stored.error().message);
        balance = *stored;
    }
    (*read)->reset();
    CS_TRY(sum, balance.plus(delta.amount));
    CS_TRY(write, db.cached("INSERT INTO balances(account, asset, amount) VALUES (?1, ?2, ?3) "
                            "ON CONFLICT(account, asset) DO UPDATE SET amount = excluded.amount"));
    CS_TRY(written, (*write)->bind(1, delta.account).bind(2, asset.code).bind(3, sum->toString()).run());
    CS_TRY(journal, db.cached("INSERT INTO ledger_postings(settlement, account, asset, amount) VALUES (?1, ?2, ?3, ?4)"));
    return (*journal)->bind(1, key).bind(2, delta.account).bind(3, asset.code).bind(4, delta.amount.toString()).run();
}

Result<void> movePosition(storage::Database& db, const Proposal& proposal)
{
    const auto& action = proposal.action;
    if (action.type != ActionType::Deposit && action.type != ActionType::Withdraw)
        return {};
    const Asset& asset = action.amount.asset();
    CS_TRY(read, db.cached("SELECT amount FROM lending_positions WHERE agent = ?1 AND venue = ?2 AND asset = ?3"));
    (*read)->bind(1, proposal.agent).bind(2, *action.venue).bind(3, asset.code);
    CS_TRY(row, (*read)->step());
    Money position = Money::zero(asset);
    if (*row) {
        CS_TRY(stored, Money::parse((*read)->textAt(0), asset, SignPolicy::UnsignedOnly));
        position = *stored;
    }
    (*read)->reset();
    CS_TRY(moved, action.type == ActionType::Deposit ? position.plus(action.amount) : position.minus(action.amount));
    if (moved->isNegative())
        return fail(ErrorCode::Internal, "a withdrawal larger than the position reached the ledger");
    CS_TRY(write, db.cached("INSERT INTO lending_positions(agent, venue, asset, amount) VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT(agent, venue, asset) DO UPDATE SET amount = excluded.amount"));
    return (*write)->bind(1, proposal.agent).bind(2, *action.venue).bind(3, asset.code).bind(4, moved->toString()).run();
}

QJsonObject receiptBody(const Request& request, std::string_view adapter)
{
    const auto& action = request.proposal.action;
    QJsonObject actionJson{{QStringLiteral("type"), qs(std::string(toString(action.type)))},
                           {QStringLiteral("asset"), qs(action.amount.asset().code)},
                           {QStringLiteral("amount"), qs(action.amount.toString())}};
    if (action.to)
        actionJson.insert(QStringLiteral("to"), qs(*action.to));
    if (action.venue)
        actionJson.insert(QStringLiteral("venue"), qs(*action.venue));
    QJsonArray postings;
    for (const auto& delta : request.simulation.deltas)
        postings.append(QJsonObject{{QStringLiteral("account"), qs(delta.account)},
                                    {QStringLiteral("asset"), qs(delta.amount.asset().code)},
                                    {QStringLiteral("amount"), qs(delta.amount.toString())}});
    return {
        {QStringLiteral("schema"), QStringLiteral("countersign.receipt/1")},
        {QStringLiteral("receipt_id"), qs("rcpt-" + request.idempotencyKey.substr(0, 16))},
        {QStringLiteral("intent"), qs(request.proposal.intent)},
        {QStringLiteral("agent"), qs(request.proposal.agent)},
        {QStringLiteral("action"), actionJson},
        {QStringLiteral("idempotency_key"), qs(request.idempotencyKey)},
        {QStringLiteral("postings"), postings},
        {QStringLiteral("decision_sha256"), qs(request.decisionSha256)},
        {QStringLiteral("policy_version"), qs(request.policyVersion)},
        {QStringLiteral("state_hash_before"), qs(toHex(request.simulation.stateBefore))},
        {QStringLiteral("state_hash_after"), qs(toHex(request.simulation.stateAfter))},
        {QStringLiteral("adapter"), qs(std::string(adapter))},
        {QStringLiteral("outcome"), QStringLiteral("executed")},
    };
}

//! An unsigned engine entry inside the caller's transaction.
Result<audit::Appended> record(storage::Database& db, const char* type, const QJsonObject& body, Timestamp now,
                               const audit::CheckpointPolicy& policy)
{
    CS_TRY(draft, audit::makeDraft(type, "engine", body));
    return audit::appendInTransaction(db, std::span(&*draft, 1), now, policy);
}

} // namespace

std::string_view toString(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Executed: return "executed";
    case Outcome::Failed: return "failed";
    case Outcome::Unknown: return "unknown";
    case Outcome::StateChanged: return "state_changed";
    }
    return "unknown";
}

Result<std::optional<Settlement>> findSettlement(storage::Database& db, const std::string& key)
{
    CS_TRY(query, db.cached("SELECT state, reason, coalesce(receipt_seq, 0) FROM settlements WHERE idempotency_key = ?1"));
    (*query)->bind(1, key);
    CS_TRY(row, (*query)->step());
    if (!*row)
        return std::optional<Settlement>();
    const std::string state = (*query)->textAt(0);
    Settlement earlier;
    earlier.replayed = true;
    earlier.reason = (*query)->textAt(1);
    earlier.receiptSeq = (*query)->int64At(2);
    (*query)->reset();
    if (state == "executed") {
        CS_TRY(entry, audit::readEntry(db, earlier.receiptSeq));
        earlier.outcome = Outcome::Executed;
        earlier.receiptJson = entry->body;
    } else {
        earlier.outcome = state == "failed" ? Outcome::Failed : Outcome::Unknown;
        if (earlier.outcome == Outcome::Unknown)
            earlier.reason = "an earlier attempt was interrupted; it waits for reconciliation";
    }
    return std::optional<Settlement>(std::move(earlier));
}

std::string idempotencyKey(const Proposal& proposal)
{
    return toHex(identity::sha256("countersign.settlement/1\n" + proposal.intent + "\n" + canonicalProposal(proposal)));
}

Result<Settled> LocalLedger::settle(storage::Database& db, simulation::WorldState& world, const Request& request,
                                    Timestamp now)
{
    if (!request.simulation.ok())
        return fail(ErrorCode::InvalidInput, "a proposal whose simulation failed cannot be settled");
    // 1. The key: an earlier settlement is answered from the record, never executed again.
    CS_TRY(earlier, findSettlement(db, request.idempotencyKey));
    if (*earlier)
        return Settled{std::move(**earlier), std::nullopt};
    // 2. The state must be the simulated one.
    if (world.hash() != request.simulation.stateBefore)
        return Settled{{Outcome::StateChanged, "the world state changed since the simulation", 0, {}, false}, std::nullopt};
    // 3. The pending marker, the postings and the signed receipt: executed once it is appended.
    CS_TRY(insert, db.cached("INSERT INTO settlements(idempotency_key, intent, agent, state, created_ms, updated_ms) "
                             "VALUES (?1, ?2, ?3, 'pending', ?4, ?4)"));
    CS_TRY(inserted, (*insert)->bind(1, request.idempotencyKey).bind(2, request.proposal.intent)
                         .bind(3, request.proposal.agent).bind(4, now.msSinceEpoch).run());
    for (const auto& delta : request.simulation.deltas) {
        CS_TRY(posted, post(db, request.idempotencyKey, delta));
    }
    CS_TRY(moved, movePosition(db, request.proposal));
    simulation::apply(world, request.proposal, request.simulation.deltas);
    return Settled{{Outcome::Executed, {}, 0, {}, false}, receiptBody(request, name())};
}

Result<void> LocalLedger::receiptAppended(storage::Database& db, const std::string& key, std::int64_t receiptSeq,
                                          Timestamp now)
{
    return setState(db, key, "executed", {}, receiptSeq, now);
}

Result<Settlement> settleNow(storage::Database& db, SettlementAdapter& adapter, simulation::WorldState& world,
                             const Request& request, Timestamp now, const audit::CheckpointPolicy& checkpoints,
                             std::vector<audit::Checkpoint>& signedCheckpoints)
{
    if (checkpoints.engineKey == nullptr)
        return fail(ErrorCode::Locked, "the engine key is locked; nothing can be settled");
    CS_TRY(settled, adapter.settle(db, world, request, now));
    if (!settled->receipt)
        return std::move(settled->settlement);
    CS_TRY(receipt, receiptDraft(*settled->receipt, *checkpoints.engineKey));
    settled->settlement.receiptJson = receipt->body;
    CS_TRY(appended, audit::appendInTransaction(db, std::span(&*receipt, 1), now, checkpoints));
    signedCheckpoints.insert(signedCheckpoints.end(), appended->checkpoints.begin(), appended->checkpoints.end());
    settled->settlement.receiptSeq = appended->entries.front().seq;
    CS_TRY(marked, adapter.receiptAppended(db, request.idempotencyKey, settled->settlement.receiptSeq, now));
    return std::move(settled->settlement);
}

Result<audit::Draft> receiptDraft(const QJsonObject& receipt, const identity::SigningKey& engineKey)
{
    return audit::makeDraft(audit::types::kSettlementReceipt, "engine", receipt, &engineKey);
}

Result<Settlement> settleAlone(storage::DbWriter& writer, SettlementAdapter& adapter, const Request& request,
                               const audit::CheckpointPolicy& checkpoints, const Clock& clock)
{
    return writer.run([&](storage::Database& db) -> Result<Settlement> {
        CS_TRY(transaction, storage::Transaction::begin(db));
        CS_TRY(world, simulation::WorldState::load(db));
        std::vector<audit::Checkpoint> signedCheckpoints;
        CS_TRY(settled, settleNow(db, adapter, *world, request, clock.now(), checkpoints, signedCheckpoints));
        CS_TRY(committed, transaction->commit());
        (void)audit::writeCheckpointFiles(signedCheckpoints, checkpoints);
        return std::move(*settled);
    });
}

Result<int> markInterrupted(storage::DbWriter& writer, const audit::CheckpointPolicy& checkpoints, const Clock& clock)
{
    return writer.run([&](storage::Database& db) -> Result<int> {
        CS_TRY(transaction, storage::Transaction::begin(db));
        std::vector<std::pair<std::string, std::string>> pending;
        CS_TRY(read, storage::forEachRow(db, "SELECT idempotency_key, intent FROM settlements WHERE state = 'pending' "
                                             "ORDER BY created_ms",
                                         [&](storage::Statement& row) -> Result<void> {
                                             pending.emplace_back(row.textAt(0), row.textAt(1));
                                             return {};
                                         }));
        const Timestamp now = clock.now();
        std::vector<audit::Checkpoint> signedCheckpoints;
        for (const auto& [key, intent] : pending) {
            CS_TRY(marked, setState(db, key, "unknown", "interrupted before its outcome was recorded", 0, now));
            CS_TRY(appended, record(db, audit::types::kSettlementUnknown, {{QStringLiteral("idempotency_key"), qs(key)},
                                                                {QStringLiteral("intent"), qs(intent)},
                                                                {QStringLiteral("reason"), QStringLiteral("interrupted")}},
                                    now, checkpoints));
            signedCheckpoints.insert(signedCheckpoints.end(), appended->checkpoints.begin(), appended->checkpoints.end());
        }
        CS_TRY(committed, transaction->commit());
        (void)audit::writeCheckpointFiles(signedCheckpoints, checkpoints);
        return static_cast<int>(pending.size());
    });
}

Result<std::vector<Reconciled>> reconcile(storage::DbWriter& writer, const audit::CheckpointPolicy& checkpoints,
                                          const Clock& clock)
{
    return writer.run([&](storage::Database& db) -> Result<std::vector<Reconciled>> {
        CS_TRY(transaction, storage::Transaction::begin(db));
        std::vector<Reconciled> resolved;
        std::vector<std::int64_t> receipts;
        CS_TRY(read, storage::forEachRow(
                         db,
                         "SELECT s.idempotency_key, s.intent, "
                         "(SELECT count(*) FROM ledger_postings p WHERE p.settlement = s.idempotency_key), "
                         "coalesce(s.receipt_seq, 0) FROM settlements s WHERE s.state = 'unknown' ORDER BY s.created_ms",
                         [&](storage::Statement& row) -> Result<void> {
                             const std::int64_t postings = row.int64At(2);
                             const std::int64_t receipt = row.int64At(3);
                             const std::string found = std::to_string(postings) + (postings == 1 ? " posting" : " postings");
                             // Postings and receipt commit together: one without the other is no outcome
                             // to settle on either way; it stays unknown, and says what it found.
                             Reconciled item{row.textAt(0), row.textAt(1), Outcome::Unknown, {}};
                             if (postings > 0 && receipt > 0) {
                                 item.resolution = Outcome::Executed;
                                 item.reason = "its postings and receipt are in the ledger";
                             } else if (postings == 0 && receipt == 0) {
                                 item.resolution = Outcome::Failed;
                                 item.reason = "nothing was posted and no receipt exists: it did not execute";
                             } else if (postings > 0) {
                                 item.reason = found + " in the ledger but no receipt: money may have moved without a "
                                               "signed record; left unknown for an operator (verify names the balances)";
                             } else {
                                 item.reason = "a receipt (entry " + std::to_string(receipt) + ") but no posting in the ledger: "
                                               "left unknown for an operator (verify names the settlement)";
                             }
                             resolved.push_back(std::move(item));
                             receipts.push_back(receipt);
                             return {};
                         }));
        const Timestamp now = clock.now();
        std::vector<audit::Checkpoint> signedCheckpoints;
        for (std::size_t i = 0; i < resolved.size(); ++i) {
            const Reconciled& item = resolved[i];
            const bool executed = item.resolution == Outcome::Executed;
            if (item.resolution != Outcome::Unknown) {
                CS_TRY(marked, setState(db, item.idempotencyKey, executed ? "executed" : "failed", item.reason,
                                        executed ? receipts[i] : 0, now));
            }
            CS_TRY(appended, record(db, audit::types::kSettlementReconciled,
                                    {{QStringLiteral("idempotency_key"), qs(item.idempotencyKey)},
                                     {QStringLiteral("intent"), qs(item.intent)},
                                     {QStringLiteral("resolution"), qs(std::string(toString(item.resolution)))},
                                     {QStringLiteral("reason"), qs(item.reason)}},
                                    now, checkpoints));
            signedCheckpoints.insert(signedCheckpoints.end(), appended->checkpoints.begin(), appended->checkpoints.end());
        }
        CS_TRY(committed, transaction->commit());
        (void)audit::writeCheckpointFiles(signedCheckpoints, checkpoints);
        return resolved;
    });
}

} // namespace cs::settlement
