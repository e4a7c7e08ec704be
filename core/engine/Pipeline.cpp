// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/Pipeline.h"

#include "core/domain/CanonicalJson.h"
#include "core/domain/Encoding.h"
#include "core/model/ProposalParser.h"
#include "core/policy/InterimPolicy.h"
#include "core/storage/Database.h"

#include <QJsonArray>

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

Pipeline::Pipeline(storage::DbWriter& writer, storage::Database reader, audit::CheckpointPolicy policy,
                   const Clock& clock, model::ModelBackend& backend, std::chrono::milliseconds modelTimeout)
    : m_writer(writer)
    , m_policy(std::move(policy))
    , m_clock(clock)
    , m_backend(backend)
    , m_modelTimeout(modelTimeout)
    , m_reader(std::move(reader))
    , m_log(writer, m_policy, clock)
    , m_ledger(writer, m_policy, clock)
{
}

Result<void> Pipeline::log(const char* type, const std::string& actor, const QJsonObject& body, bool engineSigns)
{
    CS_TRY(draft, audit::makeDraft(type, actor, body, engineSigns ? m_policy.engineKey : nullptr));
    CS_TRY(entry, m_log.append(std::move(*draft)));
    return {};
}

Result<IntentOutcome> Pipeline::finish(const model::Intent& intent, IntentState state, std::string reason,
                                       const QJsonObject& columns)
{
    IntentOutcome outcome{intent.id, intent.agent, state, std::move(reason), columns.value(QStringLiteral("receipt_seq")).toInteger(0), false};
    CS_TRY(stored, m_writer.run([&](storage::Database& db) -> Result<void> {
        CS_TRY(upsert, db.prepare("INSERT INTO proposals(intent, agent, state, reason, proposal, proposal_sha256, effect, "
                                  "decision, receipt_seq, updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
        upsert->bind(1, intent.id).bind(2, intent.agent).bind(3, toString(state)).bind(4, outcome.reason);
        const auto text = [&](int index, const char* key) {
            if (columns.contains(QLatin1String(key)))
                upsert->bind(index, columns.value(QLatin1String(key)).toString().toStdString());
            else
                upsert->bindNull(index);
        };
        text(5, "proposal");
        text(6, "proposal_sha256");
        text(7, "effect");
        text(8, "decision");
        if (outcome.receiptSeq > 0)
            upsert->bind(9, outcome.receiptSeq);
        else
            upsert->bindNull(9);
        return upsert->bind(10, m_clock.now().msSinceEpoch).run();
    }));
    return outcome;
}

Result<IntentOutcome> Pipeline::process(const model::Intent& intent)
{
    {
        CS_TRY(existing, m_reader.prepare("SELECT state, reason, coalesce(receipt_seq, 0) FROM proposals WHERE intent = ?1"));
        existing->bind(1, intent.id);
        CS_TRY(row, existing->step());
        if (*row) {
            IntentOutcome outcome{intent.id, intent.agent, IntentState::Rejected, existing->textAt(1), existing->int64At(2), true};
            for (IntentState state : {IntentState::CannotPlan, IntentState::Rejected, IntentState::Denied,
                                      IntentState::AwaitingApproval, IntentState::Executed, IntentState::Failed,
                                      IntentState::Unknown}) {
                if (toString(state) == existing->textAt(0))
                    outcome.state = state;
            }
            return outcome;
        }
    }

    // Received: what the agent was asked (its private fields never enter the log).
    CS_TRY(received, log(audit::types::kIntentReceived, intent.agent,
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
        CS_TRY(logged, log(audit::types::kModelExchange, "engine", exchange));
        return finish(intent, IntentState::Rejected, "model backend failed: " + response.error().message);
    }
    exchange.insert(QStringLiteral("response"), qs(response->text));
    exchange.insert(QStringLiteral("response_sha256"), qs(toHex(identity::sha256(response->text))));
    exchange.insert(QStringLiteral("cannot_plan"), response->cannotPlan);
    CS_TRY(exchanged, log(audit::types::kModelExchange, "engine", exchange));
    if (response->cannotPlan) {
        CS_TRY(logged, log(audit::types::kProposalRejected, "engine",
                           {{QStringLiteral("intent"), qs(intent.id)}, {QStringLiteral("reason"), qs("cannot plan: " + response->reason)}}));
        return finish(intent, IntentState::CannotPlan, response->reason);
    }

    // Parsed without trust, against this workspace's assets; it must speak for this intent's
    // agent and nobody else.
    CS_TRY(assets, m_reader.prepare("SELECT code, decimals FROM assets"));
    std::vector<Asset> known;
    for (;;) {
        CS_TRY(row, assets->step());
        if (!*row)
            break;
        if (auto asset = Asset::make(assets->textAt(0), static_cast<int>(assets->int64At(1))))
            known.push_back(*asset);
    }
    auto proposal = model::parseProposal(response->text, model::AssetCatalog(std::move(known)));
    std::string refusal = proposal ? std::string() : proposal.error().message;
    if (proposal && (proposal->agent != intent.agent || proposal->intent != intent.id))
        refusal = "the proposal names agent " + proposal->agent + " and intent " + proposal->intent
                  + ", not this intent's own";
    if (!refusal.empty()) {
        CS_TRY(logged, log(audit::types::kProposalRejected, "engine",
                           {{QStringLiteral("intent"), qs(intent.id)}, {QStringLiteral("reason"), qs(refusal)}}));
        return finish(intent, IntentState::Rejected, refusal);
    }
    const std::string canonical = model::canonicalProposal(*proposal);
    const std::string proposalSha = toHex(identity::sha256(canonical));
    CS_TRY(parsed, log(audit::types::kProposalParsed, "engine",
                       {{QStringLiteral("intent"), qs(intent.id)},
                        {QStringLiteral("proposal"), qs(canonical)},
                        {QStringLiteral("proposal_sha256"), qs(proposalSha)}}));

    // Simulated, decided, and settled on the state it was simulated on (else once more).
    for (int attempt = 0;; ++attempt) {
        CS_TRY(world, simulation::WorldState::load(m_reader));
        const simulation::SimulationResult simulated = simulation::simulate(*world, *proposal);
        CS_TRY(recorded, log(audit::types::kSimulationCompleted, "engine", simulationJson(intent.id, simulated)));
        CS_TRY(facts, policy::Facts::load(m_reader));
        const policy::Decision decision = policy::decide(*proposal, simulated, *facts);
        const QJsonObject decisionJson = decision.toJson(*proposal, proposalSha);
        CS_TRY(decided, log(audit::types::kPolicyDecided, "engine", decisionJson, true));
        QJsonObject columns{{QStringLiteral("proposal"), qs(canonical)},
                            {QStringLiteral("proposal_sha256"), qs(proposalSha)},
                            {QStringLiteral("effect"), qs(decision.effect)},
                            {QStringLiteral("decision"), qs(canonicalJson(decisionJson).value())}};
        std::string why;
        for (const auto& reason : decision.reasons)
            why += (why.empty() ? "" : "; ") + reason;
        if (decision.effect == "deny")
            return finish(intent, IntentState::Denied, why, columns);
        if (decision.effect == "require_approval") {
            CS_TRY(requested, log(audit::types::kApprovalRequested, "engine",
                                  {{QStringLiteral("intent"), qs(intent.id)},
                                   {QStringLiteral("proposal_sha256"), qs(proposalSha)},
                                   {QStringLiteral("approvals_required"), decision.approvalsRequired},
                                   {QStringLiteral("rules"), strings(decision.rules)}}));
            return finish(intent, IntentState::AwaitingApproval, why, columns);
        }
        const settlement::Request settle{settlement::idempotencyKey(*proposal), *proposal, simulated,
                                         toHex(identity::sha256(canonicalJson(decisionJson).value())), decision.policyVersion};
        CS_TRY(settled, m_ledger.settle(settle));
        switch (settled->outcome) {
        case settlement::Outcome::Executed:
            columns.insert(QStringLiteral("receipt_seq"), static_cast<qint64>(settled->receiptSeq));
            return finish(intent, IntentState::Executed, {}, columns);
        case settlement::Outcome::Failed: return finish(intent, IntentState::Failed, settled->reason, columns);
        case settlement::Outcome::Unknown: return finish(intent, IntentState::Unknown, settled->reason, columns);
        case settlement::Outcome::StateChanged:
            if (attempt >= 2)
                return finish(intent, IntentState::Failed, "the world kept changing under the settlement", columns);
            continue; // simulate and decide again on the new state
        }
    }
}

} // namespace cs::engine
