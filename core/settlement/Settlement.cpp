// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/settlement/Settlement.h"

#include "core/audit/Verifier.h"
#include "core/domain/CanonicalJson.h"
#include "core/domain/Encoding.h"
#include "core/domain/StrictJson.h"
#include "core/storage/Database.h"
#include "core/store/Ledger.h"
#include "core/store/World.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cs::settlement {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

//! Adds `delta` to the stored balance of (account, asset), exactly and checked.
Result<void> post(storage::Database& db, const std::string& key, const simulation::BalanceDelta& delta)
{
    const Asset& asset = delta.amount.asset();
    CS_TRY(stored, store::balance(db, delta.account, asset.code));
    Money balance = Money::zero(asset);
    if (*stored) {
        auto parsed = Money::parse(**stored, asset, SignPolicy::AllowNegative);
        if (!parsed)
            return fail(ErrorCode::StorageFailed, "balance of " + delta.account + " is corrupt: " + parsed.error().message);
        balance = *parsed;
    }
    CS_TRY(sum, balance.plus(delta.amount));
    CS_TRY(written, store::setBalance(db, delta.account, asset.code, sum->toString()));
    return store::insertPosting(db, key, delta.account, asset.code, delta.amount.toString());
}

Result<void> movePosition(storage::Database& db, const Proposal& proposal)
{
    const auto& action = proposal.action;
    if (action.type != ActionType::Deposit && action.type != ActionType::Withdraw)
        return {};
    const Asset& asset = action.amount.asset();
    CS_TRY(stored, store::position(db, proposal.agent, *action.venue, asset.code));
    Money position = Money::zero(asset);
    if (*stored) {
        CS_TRY(parsed, Money::parse(**stored, asset, SignPolicy::UnsignedOnly));
        position = *parsed;
    }
    CS_TRY(moved, action.type == ActionType::Deposit ? position.plus(action.amount) : position.minus(action.amount));
    if (moved->isNegative())
        return fail(ErrorCode::Internal, "a withdrawal larger than the position reached the ledger");
    return store::setPosition(db, proposal.agent, *action.venue, asset.code, moved->toString());
}

//! An unsigned engine entry inside the caller's transaction.
Result<audit::Appended> record(storage::Database& db, const char* type, const QJsonObject& body, Timestamp now,
                               const audit::CheckpointPolicy& policy)
{
    CS_TRY(draft, audit::makeDraft(type, "engine", body));
    return audit::appendInTransaction(db, std::span(&*draft, 1), now, policy);
}

} // namespace

CanonicalObject receiptBody(const Request& request, std::string_view adapter)
{
    const auto& action = request.proposal.action;
    CanonicalObject actionJson;
    actionJson.text("type", toString(action.type)).text("asset", action.amount.asset().code).text("amount", action.amount.toString());
    if (action.to)
        actionJson.text("to", *action.to);
    if (action.venue)
        actionJson.text("venue", *action.venue);
    CanonicalArray postings;
    for (const auto& delta : request.simulation.deltas)
        postings.object(CanonicalObject()
                            .text("account", delta.account)
                            .text("asset", delta.amount.asset().code)
                            .text("amount", delta.amount.toString()));
    return std::move(CanonicalObject()
                         .text("schema", "countersign.receipt/1")
                         .text("receipt_id", "rcpt-" + request.idempotencyKey.substr(0, 16))
                         .text("intent", request.proposal.intent)
                         .text("agent", request.proposal.agent)
                         .object("action", actionJson)
                         .text("idempotency_key", request.idempotencyKey)
                         .array("postings", postings)
                         .text("decision_sha256", request.decisionSha256)
                         .text("policy_version", request.policyVersion)
                         .text("state_hash_before", toHex(request.simulation.stateBefore))
                         .text("state_hash_after", toHex(request.simulation.stateAfter))
                         .text("adapter", adapter)
                         .text("outcome", "executed"));
}

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
    CS_TRY(row, store::findSettlement(db, key));
    if (!*row)
        return std::optional<Settlement>();
    const std::string& state = (*row)->state;
    Settlement earlier;
    earlier.replayed = true;
    earlier.reason = (*row)->reason;
    earlier.receiptSeq = (*row)->receiptSeq;
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

std::string idempotencyKey(const std::string& intent, std::string_view canonical)
{
    return toHex(identity::sha256("countersign.settlement/1\n" + intent + "\n" + std::string(canonical)));
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
    CS_TRY(inserted, store::insertPendingSettlement(db, request.idempotencyKey, request.proposal.intent,
                                                    request.proposal.agent, now));
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
    return store::setSettlementState(db, key, "executed", {}, receiptSeq, now);
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

Result<audit::Draft> receiptDraft(const CanonicalObject& receipt, const identity::SigningKey& engineKey)
{
    return audit::makeDraft(audit::types::kSettlementReceipt, "engine", receipt, &engineKey);
}

Result<audit::Draft> receiptDraftToSign(const CanonicalObject& receipt)
{
    return audit::makeDraftToSign(audit::types::kSettlementReceipt, "engine", receipt);
}

Result<Settlement> settleAlone(storage::DbWriter& writer, SettlementAdapter& adapter, const Request& request,
                               const audit::CheckpointPolicy& checkpoints, const Clock& clock)
{
    return writer.run([&](storage::Database& db) -> Result<Settlement> {
        CS_TRY(transaction, storage::Transaction::begin(db));
        CS_TRY(world, store::loadWorld(db));
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
        CS_TRY(pending, store::settlements(db, "pending"));
        const Timestamp now = clock.now();
        std::vector<audit::Checkpoint> signedCheckpoints;
        for (const store::SettlementRow& row : *pending) {
            const std::string& key = row.idempotencyKey;
            const std::string& intent = row.intent;
            CS_TRY(marked, store::setSettlementState(db, key, "unknown", "interrupted before its outcome was recorded", 0, now));
            CS_TRY(appended, record(db, audit::types::kSettlementUnknown, {{QStringLiteral("idempotency_key"), qs(key)},
                                                                {QStringLiteral("intent"), qs(intent)},
                                                                {QStringLiteral("reason"), QStringLiteral("interrupted")}},
                                    now, checkpoints));
            signedCheckpoints.insert(signedCheckpoints.end(), appended->checkpoints.begin(), appended->checkpoints.end());
        }
        CS_TRY(committed, transaction->commit());
        (void)audit::writeCheckpointFiles(signedCheckpoints, checkpoints);
        return static_cast<int>(pending->size());
    });
}

Result<std::vector<Reconciled>> reconcile(storage::DbWriter& writer, const audit::CheckpointPolicy& checkpoints,
                                          const Clock& clock)
{
    return writer.run([&](storage::Database& db) -> Result<std::vector<Reconciled>> {
        CS_TRY(transaction, storage::Transaction::begin(db));
        std::vector<Reconciled> resolved;
        std::vector<std::int64_t> receipts;
        CS_TRY(unknown, store::settlements(db, "unknown"));
        for (const store::SettlementRow& row : *unknown) {
            CS_TRY(postings, store::postingCountOf(db, row.idempotencyKey));
            const std::int64_t receipt = row.receiptSeq;
            const std::string found = std::to_string(*postings) + (*postings == 1 ? " posting" : " postings");
            // Postings and receipt commit together: one without the other is no outcome
            // to settle on either way; it stays unknown, and says what it found.
            Reconciled item{row.idempotencyKey, row.intent, Outcome::Unknown, {}};
            if (*postings > 0 && receipt > 0) {
                item.resolution = Outcome::Executed;
                item.reason = "its postings and receipt are in the ledger";
            } else if (*postings == 0 && receipt == 0) {
                item.resolution = Outcome::Failed;
                item.reason = "nothing was posted and no receipt exists: it did not execute";
            } else if (*postings > 0) {
                item.reason = found + " in the ledger but no receipt: money may have moved without a "
                              "signed record; left unknown for an operator (verify names the balances)";
            } else {
                item.reason = "a receipt (entry " + std::to_string(receipt) + ") but no posting in the ledger: "
                              "left unknown for an operator (verify names the settlement)";
            }
            resolved.push_back(std::move(item));
            receipts.push_back(receipt);
        }
        const Timestamp now = clock.now();
        std::vector<audit::Checkpoint> signedCheckpoints;
        for (std::size_t i = 0; i < resolved.size(); ++i) {
            const Reconciled& item = resolved[i];
            const bool executed = item.resolution == Outcome::Executed;
            if (item.resolution != Outcome::Unknown) {
                CS_TRY(marked, store::setSettlementState(db, item.idempotencyKey, executed ? "executed" : "failed", item.reason,
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
