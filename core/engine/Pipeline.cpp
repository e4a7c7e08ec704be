// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/Pipeline.h"

#include "core/domain/CanonicalJson.h"
#include "core/domain/Encoding.h"
#include "core/model/ProposalParser.h"
#include "core/policy/InterimPolicy.h"
#include "core/storage/Database.h"

#include <QJsonArray>

#include <set>

namespace cs::engine {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QJsonArray strings(const std::vector<std::string>& items)
{
    QJsonArray array;
    for (const auto& item : items)
        array.append(qs(item));
    return array;
}

QJsonObject simulationJson(const std::string& intent, const simulation::SimulationResult& result)
{
    QJsonArray deltas;
    for (const auto& delta : result.deltas)
        deltas.append(QJsonObject{{QStringLiteral("account"), qs(delta.account)},
                                  {QStringLiteral("asset"), qs(delta.amount.asset().code)},
                                  {QStringLiteral("amount"), qs(delta.amount.toString())}});
    QJsonObject body{{QStringLiteral("intent"), qs(intent)},
                     {QStringLiteral("ok"), result.ok()},
                     {QStringLiteral("failure"), qs(std::string(simulation::toString(result.failure)))},
                     {QStringLiteral("deltas"), deltas},
                     {QStringLiteral("state_before"), qs(toHex(result.stateBefore))},
                     {QStringLiteral("state_after"), qs(toHex(result.stateAfter))}};
    if (!result.ok())
        body.insert(QStringLiteral("reason"), qs(result.reason));
    if (result.expectedOut)
        body.insert(QStringLiteral("expected_out"), qs(result.expectedOut->toString() + " " + result.expectedOut->asset().code));
    if (result.fee)
        body.insert(QStringLiteral("fee"), qs(result.fee->toString() + " " + result.fee->asset().code));
    if (result.priceImpactBps)
        body.insert(QStringLiteral("price_impact_bps"), static_cast<qint64>(*result.priceImpactBps));
    return body;
}

} // namespace

std::string_view toString(IntentState state)
{
    switch (state) {
    case IntentState::CannotPlan: return "cannot_plan";
    case IntentState::Rejected: return "rejected";
    case IntentState::Denied: return "denied";
    case IntentState::AwaitingApproval: return "awaiting_approval";
    case IntentState::Executed: return "executed";
    case IntentState::Failed: return "failed";
    case IntentState::Unknown: return "unknown";
    }
    return "unknown";
}

//! One intent's life in a batch: what to write, and how it ends.
struct Pipeline::Planned
{
    const model::Intent* intent = nullptr;
    bool alreadyProcessed = false;
    IntentOutcome outcome;
    std::vector<audit::Draft> drafts;
    std::optional<settlement::Request> settle; //!< set when the decision allows it
    std::size_t receiptDraft = 0;              //!< index in `drafts` of the receipt
    QJsonObject columns;                       //!< the proposals row
};

Pipeline::Pipeline(storage::DbWriter& writer, storage::Database reader, audit::CheckpointPolicy policy,
                   const Clock& clock, model::ModelBackend& backend, std::chrono::milliseconds modelTimeout)
    : m_writer(writer)
    , m_policy(std::move(policy))
    , m_clock(clock)
    , m_backend(backend)
    , m_modelTimeout(modelTimeout)
    , m_reader(std::move(reader))
{
}

Result<IntentOutcome> Pipeline::process(const model::Intent& intent)
{
    CS_TRY(outcomes, processBatch(std::span(&intent, 1)));
    return std::move(outcomes->front());
}

Result<std::vector<IntentOutcome>> Pipeline::processBatch(std::span<const model::Intent> intents)
{
    if (m_policy.engineKey == nullptr)
        return fail(ErrorCode::Locked, "the engine key is locked; the pipeline cannot sign decisions");
    for (int attempt = 0; attempt < 3; ++attempt) {
        CS_TRY(world, simulation::WorldState::load(m_reader));
        const identity::Hash before = world->hash();
        CS_TRY(planned, plan(intents, *world));
        CS_TRY(committed, commit(*planned, before));
        if (!*committed)
            continue; // the world moved under the batch: simulate and decide again
        std::vector<IntentOutcome> outcomes;
        for (Planned& item : *planned)
            outcomes.push_back(std::move(item.outcome));
        return outcomes;
    }
    return fail(ErrorCode::StorageBusy, "the world kept changing under the pipeline; nothing was settled");
}

Result<std::vector<Pipeline::Planned>> Pipeline::plan(std::span<const model::Intent> intents, simulation::WorldState& world)
{
    CS_TRY(facts, policy::Facts::load(m_reader));
    std::vector<Asset> known;
    for (const auto& [code, asset] : world.assets)
        known.push_back(asset);
    const model::AssetCatalog catalog(std::move(known));
    CS_TRY(existing, m_reader.cached("SELECT state, reason, coalesce(receipt_seq, 0) FROM proposals WHERE intent = ?1"));

    std::vector<Planned> planned;
    std::set<std::string> seen;
    for (const model::Intent& intent : intents) {
        Planned item;
        item.intent = &intent;
        item.outcome = IntentOutcome{intent.id, intent.agent, IntentState::Rejected, {}, 0, false};
        if (!seen.insert(intent.id).second) {
            // Only the first intent with an id is run; a repeat is reported and written nowhere.
            item.alreadyProcessed = true;
            item.outcome.reason = "the intent id " + intent.id + " appears twice";
            planned.push_back(std::move(item));
            continue;
        }
        (*existing)->bind(1, intent.id);
        CS_TRY(row, (*existing)->step());
        if (*row) {
            item.alreadyProcessed = item.outcome.alreadyProcessed = true;
            item.outcome.reason = (*existing)->textAt(1);
            item.outcome.receiptSeq = (*existing)->int64At(2);
            for (IntentState state : {IntentState::CannotPlan, IntentState::Rejected, IntentState::Denied,
                                      IntentState::AwaitingApproval, IntentState::Executed, IntentState::Failed,
                                      IntentState::Unknown}) {
                if (toString(state) == (*existing)->textAt(0))
                    item.outcome.state = state;
            }
            (*existing)->reset();
            planned.push_back(std::move(item));
            continue;
        }
        (*existing)->reset();
        const auto add = [&](const char* type, const std::string& actor, const QJsonObject& body,
                             bool engineSigns = false) -> Result<void> {
            CS_TRY(draft, audit::makeDraft(type, actor, body, engineSigns ? m_policy.engineKey : nullptr));
            item.drafts.push_back(std::move(*draft));
            return {};
        };
        const auto end = [&](IntentState state, std::string reason) {
            item.outcome.state = state;
            item.outcome.reason = std::move(reason);
        };

        // Received: what the agent was asked (its private fields never enter the log).
        CS_TRY(received, add(audit::types::kIntentReceived, intent.agent,
                             {{QStringLiteral("intent"), qs(intent.id)},
                              {QStringLiteral("agent"), qs(intent.agent)},
                              {QStringLiteral("offset_s"), static_cast<qint64>(intent.offsetSeconds)}}));

        // Proposed: the exact (redacted) request and the model's raw answer.
        const model::ModelRequest request = model::buildPrompt(intent);
        auto response = model::complete(m_backend, request, m_modelTimeout);
        QJsonObject exchange{{QStringLiteral("intent"), qs(intent.id)},
                             {QStringLiteral("backend"), qs(m_backend.name())},
                             {QStringLiteral("request"), qs(request.canonical())},
                             {QStringLiteral("request_sha256"), qs(request.sha256())},
                             {QStringLiteral("accessed"), strings(request.accessed)},
                             {QStringLiteral("redacted"), strings(request.redacted)}};
        if (!response) {
            exchange.insert(QStringLiteral("error"), qs(response.error().message));
            CS_TRY(logged, add(audit::types::kModelExchange, "engine", exchange));
            end(IntentState::Rejected, "model backend failed: " + response.error().message);
            planned.push_back(std::move(item));
            continue;
        }
        exchange.insert(QStringLiteral("response"), qs(response->text));
        exchange.insert(QStringLiteral("response_sha256"), qs(toHex(identity::sha256(response->text))));
        exchange.insert(QStringLiteral("cannot_plan"), response->cannotPlan);
        if (response->cannotPlan)
            exchange.insert(QStringLiteral("reason"), qs(response->reason));
        CS_TRY(exchanged, add(audit::types::kModelExchange, "engine", exchange));
        if (response->cannotPlan) {
            CS_TRY(logged, add(audit::types::kProposalRejected, "engine",
                               {{QStringLiteral("intent"), qs(intent.id)},
                                {QStringLiteral("reason"), qs("cannot plan: " + response->reason)}}));
            end(IntentState::CannotPlan, response->reason);
            planned.push_back(std::move(item));
            continue;
        }

        // Parsed without trust, against this workspace's assets; it must speak for this
        // intent's agent and nobody else.
        auto proposal = model::parseProposal(response->text, catalog);
        std::string refusal = proposal ? std::string() : proposal.error().message;
        if (proposal && (proposal->agent != intent.agent || proposal->intent != intent.id))
            refusal = "the proposal names agent " + proposal->agent + " and intent " + proposal->intent
                      + ", not this intent's own";
        if (!refusal.empty()) {
            CS_TRY(logged, add(audit::types::kProposalRejected, "engine",
                               {{QStringLiteral("intent"), qs(intent.id)}, {QStringLiteral("reason"), qs(refusal)}}));
            end(IntentState::Rejected, refusal);
            planned.push_back(std::move(item));
            continue;
        }
        const std::string canonical = model::canonicalProposal(*proposal);
        const std::string proposalSha = toHex(identity::sha256(canonical));
        CS_TRY(parsed, add(audit::types::kProposalParsed, "engine",
                           {{QStringLiteral("intent"), qs(intent.id)},
                            {QStringLiteral("proposal"), qs(canonical)},
                            {QStringLiteral("proposal_sha256"), qs(proposalSha)}}));

        // Simulated on the world as the batch has left it so far, then decided.
        const simulation::SimulationResult simulated = simulation::simulate(world, *proposal);
        CS_TRY(recorded, add(audit::types::kSimulationCompleted, "engine", simulationJson(intent.id, simulated)));
        const policy::Decision decision = policy::decide(*proposal, simulated, *facts);
        const QJsonObject decisionJson = decision.toJson(*proposal, proposalSha);
        CS_TRY(decided, add(audit::types::kPolicyDecided, "engine", decisionJson, true));
        item.columns = QJsonObject{{QStringLiteral("proposal"), qs(canonical)},
                                   {QStringLiteral("proposal_sha256"), qs(proposalSha)},
                                   {QStringLiteral("effect"), qs(decision.effect)},
                                   {QStringLiteral("decision"), qs(canonicalJson(decisionJson).value())}};
        std::string why;
        for (const auto& reason : decision.reasons)
            why += (why.empty() ? "" : "; ") + reason;
        if (decision.effect == "deny") {
            end(IntentState::Denied, why);
        } else if (decision.effect == "require_approval") {
            CS_TRY(requested, add(audit::types::kApprovalRequested, "engine",
                                  {{QStringLiteral("intent"), qs(intent.id)},
                                   {QStringLiteral("proposal_sha256"), qs(proposalSha)},
                                   {QStringLiteral("approvals_required"), decision.approvalsRequired},
                                   {QStringLiteral("rules"), strings(decision.rules)}}));
            end(IntentState::AwaitingApproval, why);
        } else {
            settlement::Request settle{settlement::idempotencyKey(*proposal), *proposal, simulated,
                                       toHex(identity::sha256(canonicalJson(decisionJson).value())), decision.policyVersion};
            CS_TRY(earlier, settlement::findSettlement(m_reader, settle.idempotencyKey));
            if (*earlier) {
                // Settled (or interrupted) before: never again, and never blindly.
                end((*earlier)->outcome == settlement::Outcome::Executed ? IntentState::Executed : IntentState::Unknown,
                    (*earlier)->reason);
                item.outcome.receiptSeq = (*earlier)->receiptSeq;
            } else {
                CS_TRY(receipt, settlement::receiptDraft(settle, *m_policy.engineKey));
                item.receiptDraft = item.drafts.size();
                item.drafts.push_back(std::move(*receipt));
                simulation::apply(world, *proposal, simulated.deltas);
                item.settle = std::move(settle);
                end(IntentState::Executed, {});
            }
        }
        planned.push_back(std::move(item));
    }
    return planned;
}

Result<bool> Pipeline::commit(std::vector<Planned>& planned, const identity::Hash& worldBefore)
{
    return m_writer.run([&](storage::Database& db) -> Result<bool> {
        CS_TRY(transaction, storage::Transaction::begin(db));
        CS_TRY(world, simulation::WorldState::load(db));
        if (world->hash() != worldBefore)
            return false; // rolled back: nothing of this batch was written
        std::vector<audit::Draft> drafts;
        std::vector<std::size_t> firstDraft; // where each intent's drafts start in `drafts`
        const Timestamp now = m_clock.now();
        for (Planned& item : planned) {
            firstDraft.push_back(drafts.size());
            for (audit::Draft& draft : item.drafts)
                drafts.push_back(draft);
            if (item.settle) {
                CS_TRY(recorded, settlement::recordExecuted(db, *item.settle, now));
                CS_TRY(posted, settlement::applyPostings(db, *item.settle));
            }
        }
        CS_TRY(appended, audit::appendInTransaction(db, drafts, now, m_policy));
        CS_TRY(upsert, db.cached("INSERT INTO proposals(intent, agent, state, reason, proposal, proposal_sha256, effect, "
                                 "decision, receipt_seq, updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
        for (std::size_t i = 0; i < planned.size(); ++i) {
            Planned& item = planned[i];
            if (item.alreadyProcessed)
                continue;
            if (item.settle) {
                item.outcome.receiptSeq = appended->entries[firstDraft[i] + item.receiptDraft].seq;
                CS_TRY(attached, settlement::attachReceipt(db, item.settle->idempotencyKey, item.outcome.receiptSeq));
            }
            storage::Statement& row = **upsert;
            row.bind(1, item.intent->id).bind(2, item.intent->agent).bind(3, toString(item.outcome.state))
                .bind(4, item.outcome.reason);
            const auto text = [&](int index, const char* key) {
                if (item.columns.contains(QLatin1String(key)))
                    row.bind(index, item.columns.value(QLatin1String(key)).toString().toStdString());
                else
                    row.bindNull(index);
            };
            text(5, "proposal");
            text(6, "proposal_sha256");
            text(7, "effect");
            text(8, "decision");
            if (item.outcome.receiptSeq > 0)
                row.bind(9, item.outcome.receiptSeq);
            else
                row.bindNull(9);
            CS_TRY(stored, row.bind(10, now.msSinceEpoch).run());
        }
        CS_TRY(committed, transaction->commit());
        (void)audit::writeCheckpointFiles(appended->checkpoints, m_policy);
        return true;
    });
}

} // namespace cs::engine
