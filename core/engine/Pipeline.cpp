// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/Pipeline.h"

#include "core/approval/Approvals.h"
#include "core/domain/CanonicalJson.h"
#include "core/domain/Encoding.h"
#include "core/model/ProposalParser.h"
#include "core/policy/Evaluator.h"
#include "core/policy/Publish.h"
#include "core/storage/Database.h"
#include "core/store/Approvals.h"
#include "core/store/Principals.h"
#include "core/store/Proposals.h"
#include "core/store/World.h"

#include <QJsonArray>

#include <future>
#include <iterator>
#include <map>
#include <limits>
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

//! The body of a proposal.rejected entry: whose intent, why, and the kind of cause, which the
//! agent's record counts (cannot_plan, malformed, wrong_intent, intent_mismatch, intake).
CanonicalObject rejection(const model::Intent& intent, const char* cause, const std::string& reason)
{
    return std::move(CanonicalObject().text("intent", intent.id).text("agent", intent.agent).text("cause", cause).text("reason", reason));
}

//! Why `agent` may not have intents run now, or empty: it must be an active agent.
Result<std::string> intakeRefusal(storage::Database& db, const std::string& agent)
{
    CS_TRY(row, store::findPrincipal(db, agent));
    std::string refusal;
    if (!*row)
        refusal = "no principal " + agent + ": intents are refused at intake";
    else if ((*row)->role != "agent")
        refusal = agent + " is " + (*row)->role + ", not an agent: intents are refused at intake";
    else if ((*row)->status != "active")
        refusal = "agent " + agent + " is " + (*row)->status + ": its intents are refused at intake";
    return refusal;
}

//! The body of a policy.shadow_differed entry: the proposal, what decided it and what the shadow would have.
QJsonObject shadowDifference(const Proposal& proposal, const std::string& proposalSha, Timestamp at,
                             const policy::Decision& active, const policy::Decision& shadow, const policy::Context& context,
                             const Asset& reference)
{
    QJsonObject body{{QStringLiteral("intent"), qs(proposal.intent)},
                     {QStringLiteral("agent"), qs(proposal.agent)},
                     {QStringLiteral("proposal_sha256"), qs(proposalSha)},
                     {QStringLiteral("at"), qs(toIso8601(at))},
                     {QStringLiteral("active_version"), qs(active.policyVersion)},
                     {QStringLiteral("active_effect"), qs(std::string(policy::toString(active.effect)))},
                     {QStringLiteral("active_rules"), strings(active.rules)},
                     {QStringLiteral("shadow_version"), qs(shadow.policyVersion)},
                     {QStringLiteral("shadow_effect"), qs(std::string(policy::toString(shadow.effect)))},
                     {QStringLiteral("shadow_rules"), strings(shadow.rules)},
                     {QStringLiteral("amount"), qs(proposal.action.amount.toString())},
                     {QStringLiteral("asset"), qs(proposal.action.amount.asset().code)}};
    // Valued in the active policy's reference currency at the decision's prices (absent: no price).
    if (auto value = policy::Evaluator::valueIn(proposal.action.amount, reference, context.prices, reference))
        body.insert(QStringLiteral("value"), qs(Money::fromMinor(*value, reference).toString()));
    return body;
}

} // namespace

namespace {

//! Runs `run` when it goes out of scope, however that happens.
template<typename Run>
struct AtExit
{
    Run run;
    ~AtExit() { run(); }
};
template<typename Run>
AtExit(Run) -> AtExit<Run>;

double since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

Timestamp streamStart(Timestamp now)
{
    constexpr std::int64_t kDayMs = 86'400'000;
    const std::int64_t today = now.msSinceEpoch - now.msSinceEpoch % kDayMs;
    return Timestamp{today - 3 * kDayMs + 14 * 3'600'000};
}

//! One intent's life in a batch: what to write, and how it ends.
struct Pipeline::Planned
{
    const model::Intent* intent = nullptr;
    bool alreadyProcessed = false;
    IntentOutcome outcome;
    Timestamp at;                          //!< the intent's time: what its decision is as of
    std::optional<Proposal> proposal;      //!< parsed, still to be simulated and decided
    std::string canonical;
    std::string proposalSha;
    std::vector<audit::Draft> drafts;
    std::optional<settlement::Request> settle; //!< set when the decision allows it
    std::size_t receiptDraft = 0;              //!< index in `drafts` of the receipt
    std::vector<std::size_t> toSign;           //!< the drafts in `drafts` the engine signs, once decided
    //! The decisions row: what was decided, on which facts, and what the windows count.
    struct Decided
    {
        policy::Effect effect = policy::Effect::Deny;
        std::string decisionText; //!< the signed decision, canonical
        std::string policyVersion;
        simulation::Failure simulation = simulation::Failure::None;
        std::string simulationReason;
        std::optional<Money> expectedOut;
        std::optional<std::string> spend; //!< reserved or committed
        bool firstTime = false;           //!< the counterparty had never been settled to
    };
    std::optional<Decided> decided;
    //! The approval_requests row, when the decision routes it to approvers.
    struct Approval
    {
        std::string subject; //!< canonical JSON of what approvers sign
        std::string subjectSha256;
        std::string requirements; //!< canonical JSON
        std::int64_t expiresMs = 0;
    };
    std::optional<Approval> approval;
};

Pipeline::Pipeline(storage::DbWriter& writer, storage::Database reader, audit::CheckpointPolicy policy,
                   const Clock& clock, model::ModelBackend& backend, settlement::SettlementAdapter& adapter,
                   PipelineOptions options)
    : m_writer(writer)
    , m_policy(std::move(policy))
    , m_clock(clock)
    , m_backend(backend)
    , m_adapter(adapter)
    , m_options(options)
    , m_reader(std::move(reader))
{
}

Pipeline::~Pipeline() = default;

Result<IntentOutcome> Pipeline::process(const model::Intent& intent)
{
    CS_TRY(outcomes, processBatch(std::span(&intent, 1)));
    return std::move(outcomes->front());
}

Result<std::vector<IntentOutcome>> Pipeline::processBatch(std::span<const model::Intent> intents)
{
    if (m_policy.engineKey == nullptr)
        return fail(ErrorCode::Locked, "the engine key is locked; the pipeline cannot sign decisions");
    const auto began = std::chrono::steady_clock::now();
    std::set<std::string> seen;
    CS_TRY(planned, propose(intents, seen));
    m_timings.propose += since(began);
    CS_TRY(committed, decideAndCommit(*planned));
    std::vector<IntentOutcome> outcomes;
    for (Planned& item : *planned)
        outcomes.push_back(std::move(item.outcome));
    return outcomes;
}

Result<std::vector<IntentOutcome>> Pipeline::processBatches(std::span<const model::Intent> intents, std::size_t batchSize)
{
    if (m_policy.engineKey == nullptr)
        return fail(ErrorCode::Locked, "the engine key is locked; the pipeline cannot sign decisions");
    batchSize = std::max<std::size_t>(batchSize, 1);
    std::set<std::string> seen;
    std::vector<IntentOutcome> outcomes;
    std::vector<Planned> deciding;           // the batch the writer has
    std::future<Result<void>> committed;     // … and how it ends
    const auto landed = [&]() -> Result<void> {
        if (!committed.valid())
            return {};
        CS_TRY(done, committed.get());
        for (Planned& item : deciding)
            outcomes.push_back(std::move(item.outcome));
        return {};
    };
    for (std::size_t first = 0; first < intents.size(); first += batchSize) {
        const auto began = std::chrono::steady_clock::now();
        auto planned = propose(intents.subspan(first, std::min(batchSize, intents.size() - first)), seen);
        m_timings.propose += since(began);
        CS_TRY(previous, landed()); // the one before commits first, whatever this one found
        if (!planned)
            return Unexpected{planned.error()};
        deciding = std::move(*planned);
        committed = std::async(std::launch::async, [this, &deciding] { return decideAndCommit(deciding); });
    }
    CS_TRY(last, landed());
    return outcomes;
}

Result<std::vector<Pipeline::Planned>> Pipeline::propose(std::span<const model::Intent> intents, std::set<std::string>& seen)
{
    // Only the assets, to read proposals against: the world itself is loaded once, to decide.
    CS_TRY(assets, store::assetCatalog(m_reader));
    const AssetCatalog& catalog = *assets;

    std::vector<Planned> planned;
    Prompts prompts; // the system prompts this batch records whole: the first exchange with each
    for (const model::Intent& intent : intents) {
        Planned item;
        item.intent = &intent;
        item.outcome = IntentOutcome{intent.id, intent.agent, IntentState::Rejected, {}, 0, false};
        item.at = m_options.streamStart ? Timestamp{m_options.streamStart->msSinceEpoch + intent.offsetSeconds * 1000}
                                        : m_clock.now();
        if (!seen.insert(intent.id).second) {
            // Only the first intent with an id is run; a repeat is reported and written nowhere.
            item.alreadyProcessed = true;
            item.outcome.reason = "the intent id " + intent.id + " appears twice";
            planned.push_back(std::move(item));
            continue;
        }
        CS_TRY(existing, store::findProposal(m_reader, intent.id));
        if (*existing) {
            item.alreadyProcessed = item.outcome.alreadyProcessed = true;
            item.outcome.reason = (*existing)->reason;
            item.outcome.receiptSeq = (*existing)->receiptSeq;
            for (IntentState state : {IntentState::CannotPlan, IntentState::Rejected, IntentState::Denied,
                                      IntentState::AwaitingApproval, IntentState::Executed, IntentState::Failed,
                                      IntentState::Unknown}) {
                if (toString(state) == (*existing)->state)
                    item.outcome.state = state;
            }
            planned.push_back(std::move(item));
            continue;
        }
        CS_TRY(proposed, proposeOne(intent, catalog, prompts, item));
        planned.push_back(std::move(item));
    }
    return planned;
}

Result<void> Pipeline::proposeOne(const model::Intent& intent, const AssetCatalog& catalog, Prompts& prompts, Planned& item)
{
    const auto add = [&](const char* type, const std::string& actor, const CanonicalObject& body) -> Result<void> {
        CS_TRY(draft, audit::makeDraft(type, actor, body));
        item.drafts.push_back(std::move(*draft));
        return {};
    };
    const auto end = [&](IntentState state, std::string reason) {
        item.outcome.state = state;
        item.outcome.reason = std::move(reason);
    };

    // Received: what the agent was asked (its private fields never enter the log).
    CS_TRY(received, add(audit::types::kIntentReceived, intent.agent,
                         CanonicalObject()
                             .text("intent", intent.id)
                             .text("agent", intent.agent)
                             .integer("offset_s", intent.offsetSeconds)
                             .text("at", toIso8601(item.at))));

    // Intake: only an active agent's intents reach a model (the kill switch).
    CS_TRY(refused, intakeRefusal(m_reader, intent.agent));
    if (!refused->empty()) {
        CS_TRY(logged, add(audit::types::kProposalRejected, "engine", rejection(intent, "intake", *refused)));
        end(IntentState::Rejected, *refused);
        return {};
    }

    // Proposed: the exact (redacted) request and the model's raw answer. The system prompt is the
    // same for every intent: the batch's first exchange records it whole, the others by its hash
    // (a batch commits whole, so every committed exchange's prompt is in the log before it).
    const model::ModelRequest request = model::buildPrompt(intent);
    auto response = model::complete(m_backend, request, m_options.modelTimeout);
    const auto [prompt, first] = prompts.try_emplace(request.system);
    if (first)
        prompt->second = request.systemSha256();
    CanonicalObject exchange;
    exchange.text("intent", intent.id)
        .text("backend", m_backend.name())
        .text("system_sha256", prompt->second)
        .text("user", request.user)
        .text("request_sha256", request.sha256())
        .array("accessed", CanonicalArray::ofTexts(request.accessed))
        .array("redacted", CanonicalArray::ofTexts(request.redacted));
    if (first)
        exchange.text("system", request.system);
    if (!response) {
        exchange.text("error", response.error().message);
        CS_TRY(logged, add(audit::types::kModelExchange, "engine", exchange));
        end(IntentState::Rejected, "model backend failed: " + response.error().message);
        return {};
    }
    // A response is recorded whole up to a bound, then cut at a character boundary; its
    // length and hash always cover every byte the model sent.
    std::size_t kept = std::min(response->text.size(), m_options.recordedResponseBytes);
    while (kept < response->text.size() && kept > 0 && (static_cast<unsigned char>(response->text[kept]) & 0xc0) == 0x80)
        --kept;
    exchange.text("response", std::string_view(response->text).substr(0, kept))
        .integer("response_bytes", static_cast<std::int64_t>(response->text.size()));
    if (kept < response->text.size())
        exchange.boolean("response_cut", true);
    exchange.text("response_sha256", toHex(identity::sha256(response->text))).boolean("cannot_plan", response->cannotPlan);
    if (response->cannotPlan)
        exchange.text("reason", response->reason);
    CS_TRY(exchanged, add(audit::types::kModelExchange, "engine", exchange));
    if (response->cannotPlan) {
        CS_TRY(logged, add(audit::types::kProposalRejected, "engine",
                           rejection(intent, "cannot_plan", "cannot plan: " + response->reason)));
        end(IntentState::CannotPlan, response->reason);
        return {};
    }

    // Parsed without trust, against this workspace's assets; it must speak for this
    // intent's agent and nobody else.
    auto proposal = model::parseProposal(response->text, catalog);
    std::string refusal = proposal ? std::string() : proposal.error().message;
    const char* cause = "malformed";
    if (proposal && (proposal->agent != intent.agent || proposal->intent != intent.id)) {
        refusal = "the proposal names agent " + proposal->agent + " and intent " + proposal->intent
                  + ", not this intent's own";
        cause = "wrong_intent";
    } else if (proposal) {
        // The intent's own fields bound what may be proposed for it.
        if (auto within = model::checkWithinIntent(*proposal, intent, catalog); !within) {
            refusal = within.error().message;
            cause = "intent_mismatch";
        }
    }
    if (!refusal.empty()) {
        CS_TRY(logged, add(audit::types::kProposalRejected, "engine", rejection(intent, cause, refusal)));
        end(IntentState::Rejected, refusal);
        return {};
    }
    item.canonical = canonicalProposal(*proposal);
    item.proposalSha = toHex(identity::sha256(item.canonical));
    CS_TRY(parsed, add(audit::types::kProposalParsed, "engine",
                       CanonicalObject().text("intent", intent.id).text("proposal", item.canonical).text("proposal_sha256", item.proposalSha)));
    item.proposal = std::move(*proposal);
    return {};
}

Result<void> Pipeline::decide(storage::Database& db, std::vector<Planned>& planned, audit::DraftSigner& signer)
{
    CS_TRY(world, store::loadWorld(db));
    Timestamp earliest{std::numeric_limits<std::int64_t>::max()};
    Timestamp latest{0};
    for (const Planned& item : planned) {
        earliest = std::min(earliest, item.at);
        latest = std::max(latest, item.at);
    }
    CS_TRY(loaded, m_decider.load(db, *world, earliest, latest));
    const policy::Evaluator& evaluator = m_decider.evaluator();
    // Each agent's intake, read once in this transaction (nothing in it changes a status).
    std::map<std::string, std::string, std::less<>> refusals;

    for (Planned& item : planned) {
        if (!item.proposal)
            continue;
        const Proposal& proposal = *item.proposal;
        const model::Intent& intent = *item.intent;
        // Once this proposal is decided, what the engine signs of it is signed while the next are.
        const AtExit handOver{[&] { for (std::size_t index : item.toSign) signer.add(&item.drafts[index]); }};
        const auto add = [&](const char* type, const auto& body, bool engineSigns) -> Result<void> {
            CS_TRY(draft, engineSigns ? audit::makeDraftToSign(type, "engine", body) : audit::makeDraft(type, "engine", body));
            if (engineSigns)
                item.toSign.push_back(item.drafts.size());
            item.drafts.push_back(std::move(*draft));
            return {};
        };
        const auto end = [&](IntentState state, std::string reason) {
            item.outcome.state = state;
            item.outcome.reason = std::move(reason);
        };

        // Suspended while its model answered: the kill switch wins over the answer.
        auto known = refusals.find(intent.agent);
        if (known == refusals.end()) {
            CS_TRY(refusal, intakeRefusal(db, intent.agent));
            known = refusals.emplace(intent.agent, std::move(*refusal)).first;
        }
        if (!known->second.empty()) {
            CS_TRY(logged, add(audit::types::kProposalRejected, rejection(intent, "intake", known->second), false));
            end(IntentState::Rejected, known->second);
            continue;
        }

        // Simulated on the world as this transaction holds it (earlier intents of the batch
        // applied), then decided by the published policy with the windows as they stand.
        const policy::Decided outcome = m_decider.decide(*world, proposal, item.at);
        const simulation::SimulationResult& simulated = outcome.simulated;
        const policy::Decision& decision = outcome.decision;
        CS_TRY(recorded, add(audit::types::kSimulationCompleted, simulation::toJson(intent.id, simulated), false));
        CS_TRY(decided, add(audit::types::kPolicyDecided, decision.toJson(proposal, item.proposalSha), true));
        const std::string decisionText = item.drafts.back().body; // the signed decision, canonical
        // A shadow version, if one runs, decides too; where it would differ, both are recorded.
        if (auto shadow = m_decider.decideInShadow(proposal, simulated, item.at); shadow && shadow->effect != decision.effect) {
            CS_TRY(differed, add(audit::types::kPolicyShadowDiffered,
                                 shadowDifference(proposal, item.proposalSha, item.at, decision, *shadow, m_decider.context(),
                                                  evaluator.policy().globals.referenceCurrency),
                                 false));
        }
        const std::string why = decision.reasonsFor(decision.effect);
        const policy::Spend spend{intent.id, proposal.agent, proposal.action.type, proposal.action.amount,
                                  proposal.action.to, proposal.action.venue, item.at, decision.firstTime};
        item.decided = Planned::Decided{decision.effect,  decisionText,          decision.policyVersion, simulated.failure,
                                        simulated.reason, simulated.expectedOut, std::nullopt,           decision.firstTime};
        if (decision.effect == policy::Effect::Deny) {
            end(IntentState::Denied, why);
        } else if (decision.effect == policy::Effect::RequireApproval) {
            QJsonArray rules;
            for (const auto& need : decision.approvals)
                rules.append(qs(need.rule));
            // What approvers sign: this proposal, this simulation, this policy version, this decision;
            // and who must sign it, each group's members as they are now.
            std::int64_t expirySeconds = 0;
            const QJsonArray requirements = approval::requirementsOf(decision, evaluator.policy(), expirySeconds);
            Planned::Approval approval{approval::subjectOf(intent.id, item.proposalSha, simulated, decision.policyVersion,
                                                           toHex(identity::sha256(decisionText))),
                                       {}, canonicalJson(requirements).value(),
                                       m_clock.now().msSinceEpoch + expirySeconds * 1000};
            approval.subjectSha256 = toHex(identity::sha256(approval.subject));
            CS_TRY(requested, add(audit::types::kApprovalRequested,
                                  QJsonObject{{QStringLiteral("intent"), qs(intent.id)},
                                   {QStringLiteral("proposal_sha256"), qs(item.proposalSha)},
                                   {QStringLiteral("subject_sha256"), qs(approval.subjectSha256)},
                                   {QStringLiteral("approvals_required"), decision.approvalsRequired},
                                   {QStringLiteral("rules"), rules},
                                   {QStringLiteral("requirements"), requirements},
                                   {QStringLiteral("expires_at"), qs(toIso8601(Timestamp{approval.expiresMs}))}},
                                  false));
            item.approval = std::move(approval);
            m_decider.count(spend, false); // reserved until approved, rejected or expired
            item.decided->spend = "reserved";
            end(IntentState::AwaitingApproval, why);
        } else {
            settlement::Request settle{settlement::idempotencyKey(proposal.intent, item.canonical), proposal, simulated,
                                       toHex(identity::sha256(decisionText)), decision.policyVersion};
            // Money moves here, through the adapter, in this transaction (which moves `world` on).
            CS_TRY(settled, m_adapter.settle(db, *world, settle, m_clock.now()));
            if (!settled->receipt) {
                // Settled (or interrupted) before: never again, and never blindly.
                const settlement::Settlement& earlier = settled->settlement;
                if (earlier.outcome == settlement::Outcome::StateChanged)
                    return fail(ErrorCode::Internal, "the world moved between simulating and settling " + intent.id);
                end(earlier.outcome == settlement::Outcome::Executed ? IntentState::Executed : IntentState::Unknown,
                    earlier.reason);
                item.outcome.receiptSeq = earlier.receiptSeq;
            } else {
                CS_TRY(receipt, settlement::receiptDraftToSign(*settled->receipt));
                item.receiptDraft = item.drafts.size();
                item.toSign.push_back(item.receiptDraft);
                item.drafts.push_back(std::move(*receipt));
                m_decider.count(spend, true); // and its counterparty is paid before, for the rest of the batch
                item.decided->spend = "committed";
                item.settle = std::move(settle);
                end(IntentState::Executed, {});
            }
        }
    }
    return {};
}

Result<void> Pipeline::recordDecision(storage::Database& db, const Planned& item, Timestamp now)
{
    const Proposal& proposal = *item.proposal;
    const auto& action = proposal.action;
    const Planned::Decided& decided = *item.decided;
    store::DecisionRow row;
    row.intent = item.intent->id;
    row.agent = proposal.agent;
    row.action = toString(action.type);
    row.asset = action.amount.asset().code;
    row.amount = action.amount.toString();
    row.to = action.to;
    row.venue = action.venue;
    if (action.minOut) {
        row.assetOut = action.minOut->asset().code;
        row.minOut = action.minOut->toString();
    }
    row.claimedRisk = toString(proposal.riskLevel);
    row.claimedApprovals = proposal.requiredApprovals;
    row.simulation = simulation::toString(decided.simulation);
    row.simulationReason = decided.simulationReason;
    if (decided.expectedOut)
        row.expectedOut = decided.expectedOut->toString();
    row.at = item.at;
    row.effect = toString(decided.effect);
    row.policyVersion = decided.policyVersion;
    row.spend = decided.spend;
    row.updated = now;
    row.firstTime = decided.firstTime;
    return store::insertDecision(db, row);
}

Result<void> Pipeline::decideAndCommit(std::vector<Planned>& planned)
{
    return m_writer.run([&](storage::Database& db) -> Result<void> {
        CS_TRY(transaction, storage::Transaction::begin(db));
        // Until this transaction commits, the cached windows may hold spends that never land.
        struct Invalidate
        {
            Pipeline& pipeline;
            bool committed = false;
            ~Invalidate()
            {
                if (!committed)
                    pipeline.m_decider.discardWindows();
            }
        } invalidate{*this};
        auto phase = std::chrono::steady_clock::now();
        {
            // The decisions and receipts the engine signs: nothing reads them signed before the append.
            audit::DraftSigner signer(*m_policy.engineKey);
            CS_TRY(decided, decide(db, planned, signer));
            signer.finish();
        }
        m_timings.decide += since(phase);
        phase = std::chrono::steady_clock::now();
        std::vector<audit::Draft> drafts;
        std::vector<std::size_t> firstDraft; // where each intent's drafts start in `drafts`
        const Timestamp now = m_clock.now();
        for (Planned& item : planned) {
            firstDraft.push_back(drafts.size());
            std::move(item.drafts.begin(), item.drafts.end(), std::back_inserter(drafts)); // read no more after this
            item.drafts.clear();
        }
        CS_TRY(appended, audit::appendInTransaction(db, drafts, now, m_policy));
        // Every batch commit is checkpointed, so a database that loses its WAL's tail (or is
        // rolled back) is caught by the checkpoint files kept beside it.
        CS_TRY(closing, audit::checkpointInTransaction(db, now, m_policy));
        if (*closing)
            appended->checkpoints.push_back(std::move(**closing));
        for (std::size_t i = 0; i < planned.size(); ++i) {
            Planned& item = planned[i];
            if (item.alreadyProcessed)
                continue;
            if (item.settle) {
                item.outcome.receiptSeq = appended->entries[firstDraft[i] + item.receiptDraft].seq;
                CS_TRY(attached, m_adapter.receiptAppended(db, item.settle->idempotencyKey, item.outcome.receiptSeq, now));
            }
            store::ProposalRow row{item.intent->id, item.intent->agent, std::string(toString(item.outcome.state)),
                                   item.outcome.reason, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                                   item.outcome.receiptSeq, now};
            if (item.decided) {
                row.proposal = item.canonical;
                row.proposalSha256 = item.proposalSha;
                row.effect = std::string(policy::toString(item.decided->effect));
                row.decision = item.decided->decisionText;
            }
            CS_TRY(stored, store::insertProposal(db, row));
            if (item.decided) {
                CS_TRY(recorded, recordDecision(db, item, now));
            }
            if (item.approval) {
                CS_TRY(requested, store::insertRequest(db, {item.intent->id, item.proposal->agent, item.approval->subject,
                                                            item.approval->subjectSha256, item.approval->requirements,
                                                            Timestamp{item.approval->expiresMs}, "pending", now, now}));
            }
        }
        // The windows now hold this batch's spends too: the newest row is theirs.
        CS_TRY(newest, store::newestDecisionRow(db));
        m_timings.record += since(phase);
        phase = std::chrono::steady_clock::now();
        CS_TRY(committed, transaction->commit());
        m_timings.commit += since(phase);
        m_decider.committed(*newest);
        invalidate.committed = true;
        phase = std::chrono::steady_clock::now();
        m_files.post(std::move(appended->checkpoints), m_policy);
        m_timings.checkpointFiles += since(phase);
        return {};
    });
}

} // namespace cs::engine
