// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/LocalEngine.h"
#include "core/engine/LiveFeed.h"
// LocalEngine's decisions: running intents, the approval queue and verdicts, policies.

#include "core/audit/Generator.h"
#include "core/audit/Proofs.h"
#include "core/audit/Seen.h"
#include "core/audit/LogReads.h"
#include "core/audit/Verifier.h"
#include "core/settlement/LedgerCheck.h"

#include "core/approval/Approvals.h"
#include "core/audit/AuditLog.h"
#include "core/engine/Pipeline.h"
#include "core/model/OpenAiBackend.h"
#include "core/domain/Encoding.h"
#include "core/domain/Ids.h"
#include "core/domain/Money.h"
#include "core/identity/Registry.h"
#include "core/model/ProposalParser.h"
#include "core/policy/Backtest.h"
#include "core/policy/Checks.h"
#include "core/policy/Decide.h"
#include "core/policy/Evaluator.h"
#include "core/policy/Publish.h"
#include "core/simulation/Simulator.h"
#include "core/simulation/WorldState.h"
#include "core/storage/Files.h"
#include "core/storage/Migrations.h"
#include "core/store/Approvals.h"
#include "core/store/Policies.h"
#include "core/store/Principals.h"
#include "core/store/Proposals.h"
#include "core/store/World.h"

#include <cstdlib>
#include <fstream>
#include <limits>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <map>

namespace cs::engine {

namespace fs = std::filesystem;
using storage::Database;

namespace {

//! Held by whoever runs intents through the pipeline (WS/run.lock).
constexpr const char* kRunLockFile = "run.lock";

// What a run reads whole, bounded: an intent file and a fixtures file are input like any other.
constexpr qint64 kMaxIntentsBytes = 64ll << 20;
constexpr qint64 kMaxFixturesBytes = 256ll << 20;



//! Refuses a verdict on a request whose subject is no longer the one the approver reviewed.
Result<void> stillAsShown(const approval::Request& request, std::string_view shownSubject)
{
    if (!shownSubject.empty() && shownSubject != request.subjectSha256)
        return fail(ErrorCode::NotAllowed, "the proposal of " + request.intent
                                               + " changed since it was shown (edited or decided again); review it again");
    return {};
}

std::int64_t saturated(Int128 value)
{
    constexpr auto top = std::numeric_limits<std::int64_t>::max();
    constexpr auto bottom = std::numeric_limits<std::int64_t>::min();
    return value > top ? top : value < bottom ? bottom : static_cast<std::int64_t>(value);
}

//! What `item`'s proposal would do if it settled now: simulated on `world`, valued in `reference`,
//! and whether the world moved since the state its approval subject names.
//! Fills in what `item` would do if it settled now; the proposal as it reads, if it does. Without
//! a request (a proposal decided without one) the world's moving is not asked.
std::optional<Proposal> describeNow(api::QueueItem& item, const std::string& stored, const approval::Request* request,
                                    const simulation::WorldState& world, const AssetCatalog& catalog,
                                    const std::map<std::string, Money>& prices, const Asset& reference)
{
    auto proposal = model::parseProposal(stored, catalog);
    if (!proposal) {
        item.simulationProblem = "the stored proposal no longer reads: " + proposal.error().message;
        return std::nullopt;
    }
    item.proposal = *proposal;
    const Money& amount = proposal->action.amount;
    if (auto value = policy::Evaluator::valueIn(amount, reference, prices, reference)) {
        item.value = Money::format(*value, reference.decimals) + " " + reference.code;
        item.valueMinor = saturated(*value);
    }
    const simulation::SimulationResult simulated = simulation::simulate(world, *proposal);
    item.simulationOk = simulated.ok();
    item.simulationProblem = simulated.reason;
    for (const simulation::BalanceDelta& delta : simulated.deltas) {
        const Asset& asset = delta.amount.asset();
        const Int128 before = world.balance(delta.account, asset.code);
        item.balances.push_back({delta.account, asset.code, Money::format(before, asset.decimals),
                                 Money::format(before + delta.amount.minor(), asset.decimals)});
    }
    if (simulated.fee)
        item.fee = simulated.fee->toString() + " " + simulated.fee->asset().code;
    if (simulated.expectedOut)
        item.expectedOut = simulated.expectedOut->toString() + " " + simulated.expectedOut->asset().code;
    if (simulated.priceImpactBps)
        item.priceImpactBps = static_cast<int>(*simulated.priceImpactBps);
    if (request != nullptr) {
        const QJsonObject subject = QJsonDocument::fromJson(QByteArray::fromStdString(request->subject)).object();
        item.worldMoved = subject.value(QStringLiteral("state_before")).toString().toStdString() != toHex(simulated.stateBefore);
    }
    return std::move(*proposal);
}

//! The seam's view of a backtest: times and amounts as text.
} // namespace

Result<std::string> readWhole(QFile& file, qint64 limit, const char* what)
{
    if (file.size() > limit)
        return fail(ErrorCode::InvalidInput, std::string(what) + " " + file.fileName().toStdString() + " is "
                                                 + std::to_string(file.size()) + " bytes, more than the "
                                                 + std::to_string(limit >> 20) + " MiB allowed");
    QByteArray bytes = file.read(limit + 1);
    if (bytes.size() > limit) // grew while read
        return fail(ErrorCode::InvalidInput, std::string(what) + " " + file.fileName().toStdString() + " is more than "
                                                 + std::to_string(limit >> 20) + " MiB");
    return bytes.toStdString();
}

Result<api::ApprovalOutcome> outcomeOf(const approval::Submitted& submitted)
{
    const auto state = api::parseApprovalState(submitted.state);
    if (!state)
        return fail(ErrorCode::Internal, "an approval ended in an unknown state: " + submitted.state);
    return api::ApprovalOutcome{*state, submitted.message, submitted.receiptSeq};
}

namespace {

api::Reason reasonOf(const std::string& rule, api::Effect effect, std::string text, std::map<std::string, std::string> params)
{
    const bool global = rule.rfind("global.", 0) == 0;
    return api::Reason{global ? rule : std::string("rule"), rule, effect, std::move(text), std::move(params)};
}

api::ApproverNeed needOf(const policy::ApproverNeed& need)
{
    api::ApproverNeed view;
    for (const auto& [group, count] : need.anyOf)
        view.anyOf.push_back({group, count});
    view.text = policy::toString(need);
    return view;
}

//! A stored decision (countersign.decision/1, as the engine signed it) as the seam's values.
api::DecisionView decisionViewOf(const std::string& stored)
{
    const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(stored)).object();
    const auto text = [&](const QJsonObject& object, const char* key) {
        return object.value(QLatin1String(key)).toString().toStdString();
    };
    // Unreadable reads as the worst: critical, deny.
    const auto risk = [](const std::string& name) { return parseRiskLevel(name).value_or(RiskLevel::Critical); };
    const auto effect = [](const std::string& name) { return effectOf(policy::parseEffect(name).value_or(policy::Effect::Deny)); };
    api::DecisionView view;
    view.effect = effect(text(body, "effect"));
    for (const QJsonValue& rule : body.value(QStringLiteral("rules")).toArray())
        view.rules.push_back(rule.toString().toStdString());
    for (const QJsonValue& value : body.value(QStringLiteral("reasons")).toArray()) {
        const QJsonObject reason = value.toObject();
        std::map<std::string, std::string> params;
        const QJsonObject figures = reason.value(QStringLiteral("params")).toObject();
        for (auto it = figures.begin(); it != figures.end(); ++it)
            params.emplace(it.key().toStdString(), it.value().toString().toStdString());
        view.reasons.push_back(
            reasonOf(text(reason, "rule"), effect(text(reason, "effect")), text(reason, "text"), std::move(params)));
    }
    for (const QJsonValue& value : body.value(QStringLiteral("windows")).toArray()) {
        const QJsonObject window = value.toObject();
        const std::string currency = " " + text(window, "currency");
        view.windows.push_back({text(window, "rule"), text(window, "period"), text(window, "spent") + currency,
                                text(window, "with_this") + currency});
    }
    view.counterfactual = text(body, "counterfactual");
    if (body.contains(QStringLiteral("counterfactual_parts"))) {
        const QJsonObject parts = body.value(QStringLiteral("counterfactual_parts")).toObject();
        api::CounterfactualParts read;
        for (const QJsonValue& value : parts.value(QStringLiteral("approvers")).toArray()) {
            policy::ApproverNeed need;
            for (const QJsonValue& group : value.toArray())
                need.anyOf.emplace_back(text(group.toObject(), "group"), group.toObject().value(QStringLiteral("count")).toInt());
            read.approvers.push_back(needOf(need));
        }
        if (parts.contains(QStringLiteral("amount_at_most")))
            read.amountAtMost = text(parts, "amount_at_most") + " " + text(parts, "asset");
        read.then = effect(text(parts, "then"));
        view.counterfactualParts = std::move(read);
    }
    view.computedRisk = risk(text(body, "computed_risk"));
    const QJsonObject claimed = body.value(QStringLiteral("claimed")).toObject();
    view.claimedRisk = risk(text(claimed, "risk_level"));
    view.claimedApprovals = claimed.value(QStringLiteral("required_approvals")).toInt();
    view.approvalsRequired = body.value(QStringLiteral("approvals_required")).toInt();
    view.underClaimed = body.value(QStringLiteral("under_claimed")).toBool();
    view.policyVersion = text(body, "policy_version");
    view.at = text(body, "at");
    view.reputation = policy::Decision::recordedStanding(body);
    return view;
}

} // namespace

api::Effect effectOf(policy::Effect effect)
{
    switch (effect) {
    case policy::Effect::Allow: return api::Effect::Allow;
    case policy::Effect::RequireApproval: return api::Effect::RequireApproval;
    case policy::Effect::Deny: return api::Effect::Deny;
    }
    return api::Effect::Deny;
}

Result<std::vector<api::IntentResult>> LocalEngine::runIntents(const RunOptions& options)
{
    const Announcing announcing{*this};
    const std::string& backendName = options.backend.empty() ? m_settings.modelBackend : options.backend;
    const fs::path path = options.intentsFile.empty() ? m_dir / workspace::kIntentsFile : fs::path(options.intentsFile);
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::NotFound, "cannot read intents from " + path.string());
    CS_TRY(intentText, readWhole(file, kMaxIntentsBytes, "the intents file"));
    CS_TRY(intents, model::parseIntents(*intentText));
    CS_TRY(unlocked, engineKeyReady());
    // One run at a time per workspace: two would race for the same intents.
    CS_TRY(running, storage::FileLock::acquire(m_dir / kRunLockFile, options.wait,
                                               "another run is in progress on this workspace; wait for it to finish "
                                               "(or pass --wait)"));

    std::unique_ptr<model::ModelBackend> backend;
    if (backendName == "rules") {
        backend = std::make_unique<model::RulesBackend>(model::RulesBackend::demoScript(*intents));
    } else if (backendName == "replay" && !options.fixturesFile.empty()) {
        QFile fixtures(QString::fromStdString(options.fixturesFile));
        if (!fixtures.open(QIODevice::ReadOnly))
            return fail(ErrorCode::NotFound, "cannot read fixtures from " + options.fixturesFile);
        CS_TRY(fixtureText, readWhole(fixtures, kMaxFixturesBytes, "the fixtures file"));
        CS_TRY(replay, model::ReplayBackend::fromFixtures(*fixtureText));
        backend = std::make_unique<model::ReplayBackend>(std::move(*replay));
    } else if (backendName == "replay") {
        // Recorded answers from this workspace's own model exchanges, by request hash.
        std::map<std::string, model::ModelResponse> recorded;
        std::lock_guard lock(m_readMutex);
        static constexpr std::string_view exchanges[] = {audit::types::kModelExchange};
        CS_TRY(read, audit::forEachEntryOf(m_reader, exchanges, [&](std::int64_t, const std::string&,
                                                                    const std::string& text) -> Result<void> {
            const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
            // A response recorded only in part cannot be answered again: replay says it has none.
            if (body.contains(QStringLiteral("response")) && !body.value(QStringLiteral("response_cut")).toBool())
                recorded[body.value(QStringLiteral("request_sha256")).toString().toStdString()] =
                    model::ModelResponse{body.value(QStringLiteral("response")).toString().toStdString(),
                                         body.value(QStringLiteral("cannot_plan")).toBool(),
                                         body.value(QStringLiteral("reason")).toString().toStdString()};
            return {};
        }));
        backend = std::make_unique<model::ReplayBackend>(std::move(recorded));
    } else if (backendName == "openai") {
        // The command line, then the environment, then workspace.json; keys only ever from the
        // environment, and sent only where the operator chose.
        std::string notice;
        CS_TRY(config, model::OpenAiConfig::resolve(options.modelUrl, m_settings.modelUrl, m_settings.modelName, &notice));
        if (!notice.empty() && options.notice)
            options.notice(notice);
        backend = std::make_unique<model::OpenAiBackend>(std::move(*config));
    } else {
        return fail(ErrorCode::InvalidInput, "backend must be rules, replay or openai");
    }

    CS_TRY(origin, m_writer->run([](Database& db) { return audit::readOrigin(db); }));
    // Requests whose time is up end first, so their reservations no longer count.
    CS_TRY(expired, m_writer->run([&](Database& db) { return approval::expireDue(db, m_clock->now(), checkpointPolicy(*origin)); }));
    CS_TRY(reader, Database::open((m_dir / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist));
    Pipeline pipeline(*m_writer, std::move(*reader), checkpointPolicy(*origin), *m_clock, *backend, m_ledger,
                      {.streamStart = streamStart(m_clock->now())});
    // Batches share one commit (group commit); each intent still sees the ones before it, and
    // the next batch is proposed while the writer commits this one.
    constexpr std::size_t kBatch = 64;
    CS_TRY(outcomes, pipeline.processBatches(*intents, kBatch));
    std::vector<api::IntentResult> results;
    for (const IntentOutcome& outcome : *outcomes)
        results.push_back({outcome.intent, outcome.agent, outcome.state, outcome.reason, outcome.receiptSeq,
                           outcome.alreadyProcessed});
    return results;
}


Result<std::optional<api::IntentResult>> LocalEngine::runNextIntent()
{
    const Announcing announcing{*this};
    if (!m_feed) {
        QFile file(QString::fromStdString((m_dir / workspace::kIntentsFile).string()));
        if (!file.open(QIODevice::ReadOnly))
            return std::optional<api::IntentResult>();
        CS_TRY(intentText, readWhole(file, kMaxIntentsBytes, "the intents file"));
        CS_TRY(intents, model::parseIntents(*intentText));
        CS_TRY(unlocked, engineKeyReady());
        CS_TRY(origin, m_writer->run([](Database& db) { return audit::readOrigin(db); }));
        CS_TRY(reader, Database::open((m_dir / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist));
        auto feed = std::make_unique<Feed>();
        feed->intents = std::move(*intents);
        feed->backend = std::make_unique<model::RulesBackend>(model::RulesBackend::demoScript(feed->intents));
        feed->pipeline = std::make_unique<Pipeline>(*m_writer, std::move(*reader), checkpointPolicy(*origin), *m_clock,
                                                    *feed->backend, m_ledger,
                                                    PipelineOptions{.streamStart = streamStart(m_clock->now())});
        m_feed = std::move(feed);
    }
    while (m_feed->next < m_feed->intents.size()) {
        CS_TRY(running, storage::FileLock::acquire(m_dir / kRunLockFile, false,
                                                   "another run is in progress on this workspace; the live feed stops"));
        CS_TRY(outcome, m_feed->pipeline->process(m_feed->intents[m_feed->next++]));
        if (outcome->alreadyProcessed)
            continue;
        return std::optional<api::IntentResult>(api::IntentResult{outcome->intent, outcome->agent,
                                                                  outcome->state, outcome->reason,
                                                                  outcome->receiptSeq, false});
    }
    return std::optional<api::IntentResult>();
}

Result<api::ApprovalQueue> LocalEngine::approvalQueue()
{
    std::lock_guard lock(m_readMutex);
    return observed([this]() -> Result<api::ApprovalQueue> {
        CS_TRY(transaction, storage::Transaction::beginRead(m_reader)); // one snapshot of queue and world
        api::ApprovalQueue queue;
        CS_TRY(awaiting, store::proposalsIn(m_reader, "awaiting_approval"));
        std::vector<std::string> proposals; // as stored, beside each item
        for (store::ProposalRow& row : *awaiting) {
            api::QueueItem item;
            item.intent = std::move(row.intent);
            item.agent = std::move(row.agent);
            item.signedDecision = row.decision.value_or(std::string());
            item.decision = decisionViewOf(item.signedDecision);
            item.reason = std::move(row.reason);
            queue.items.push_back(std::move(item));
            proposals.push_back(row.proposal.value_or(std::string()));
        }
        CS_TRY(ended, store::requestCounts(m_reader));
        queue.approved = (*ended)["approved"];
        queue.rejected = (*ended)["rejected"];
        queue.expired = (*ended)["expired"];
        if (queue.items.empty())
            return queue;

        CS_TRY(world, store::loadWorld(m_reader));
        CS_TRY(policy, policy::loadActivePolicy(m_reader, *world));
        const Asset& reference = policy->globals.referenceCurrency;
        CS_TRY(context, policy::loadContext(m_reader, *world, reference));
        const AssetCatalog catalog = AssetCatalog(world->assetList());
        const Timestamp now = m_clock->now();
        for (std::size_t i = 0; i < queue.items.size(); ++i) {
            api::QueueItem& item = queue.items[i];
            CS_TRY(request, approval::findRequest(m_reader, item.intent));
            if (!*request)
                continue;
            item.subjectSha256 = (*request)->subjectSha256;
            item.expiresAt = toIso8601((*request)->expiresAt);
            item.requestedAt = toIso8601((*request)->requestedAt);
            item.expired = now >= (*request)->expiresAt;
            item.approvedBy = (*request)->approvedBy;
            for (const policy::ApproverNeed& need : approval::stillNeeded(**request))
                item.stillNeeded.push_back(needOf(need));
            const std::optional<Proposal> proposal =
                describeNow(item, proposals[i], &**request, *world, catalog, context->prices, reference);
            if (proposal && item.worldMoved && item.simulationOk) {
                // If it settled now: the quorum would decide it again on this world, its own spend aside.
                CS_TRY(decider, policy::Decider::loadFor(m_reader, *world, now, item.intent));
                const policy::Decided again = decider->decide(*world, *proposal, now);
                item.decidedNow = effectOf(again.decision.effect);
                for (const policy::Clause& clause : again.decision.reasons) {
                    if (clause.effect == again.decision.effect)
                        item.decidedNowReasons.push_back(reasonOf(clause.rule, effectOf(clause.effect), clause.text, clause.params));
                }
            }
        }
        return queue;
    }());
}

Result<api::QueueItem> LocalEngine::proposalDetail(const std::string& intent)
{
    std::lock_guard lock(m_readMutex);
    CS_TRY(transaction, storage::Transaction::beginRead(m_reader));
    CS_TRY(row, store::findProposal(m_reader, intent));
    if (!*row || !(*row)->proposal)
        return fail(ErrorCode::NotFound, "no parsed proposal for " + intent);
    api::QueueItem item;
    item.intent = (*row)->intent;
    item.agent = (*row)->agent;
    item.signedDecision = (*row)->decision.value_or(std::string());
    item.decision = decisionViewOf(item.signedDecision);
    item.reason = (*row)->reason;
    CS_TRY(world, store::loadWorld(m_reader));
    CS_TRY(policy, policy::loadActivePolicy(m_reader, *world));
    const Asset& reference = policy->globals.referenceCurrency;
    CS_TRY(context, policy::loadContext(m_reader, *world, reference));
    CS_TRY(request, approval::findRequest(m_reader, intent));
    if (*request) {
        item.subjectSha256 = (*request)->subjectSha256;
        item.expiresAt = toIso8601((*request)->expiresAt);
        item.requestedAt = toIso8601((*request)->requestedAt);
        item.approvedBy = (*request)->approvedBy;
    }
    (void)describeNow(item, *(*row)->proposal, *request ? &**request : nullptr, *world, AssetCatalog(world->assetList()),
                      context->prices, reference);
    return item;
}

Result<api::ApprovalOutcome> LocalEngine::submitVerdict(const std::string& intent, const std::string& approver, bool approve,
                                                        std::string_view reason, std::string_view passphrase,
                                                        std::string_view shownSubject)
{
    const Announcing announcing{*this};
    if (!approve && reason.empty())
        return fail(ErrorCode::InvalidInput, "reason: a rejection needs a reason");
    CS_TRY(engine, engineKeyReady());
    CS_TRY(key, principalKey(approver, passphrase));
    CS_TRY(request, m_writer->run([&](Database& db) { return approval::findRequest(db, intent); }));
    if (!*request)
        return fail(ErrorCode::NotFound, "no approval request for " + intent);
    CS_TRY(unchanged, stillAsShown(**request, shownSubject));
    // The approver signs the subject the request holds: this proposal, simulation, policy and decision.
    CS_TRY(signedVerdict, approval::signVerdict({intent, approver, approve, std::string(reason), (*request)->subjectSha256}, *key));
    CS_TRY(submitted, m_writer->run([&](Database& db) -> Result<approval::Submitted> {
        CS_TRY(origin, audit::readOrigin(db));
        return approval::submitVerdict(db, *signedVerdict, m_clock->now(), checkpointPolicy(*origin), m_ledger);
    }));
    return outcomeOf(*submitted);
}

Result<api::ApprovalOutcome> LocalEngine::submitEdit(const std::string& intent, const std::string& approver,
                                                     const std::string& amount, const std::string& minOut,
                                                     std::string_view passphrase, std::string_view shownSubject)
{
    const Announcing announcing{*this};
    CS_TRY(engine, engineKeyReady());
    CS_TRY(key, principalKey(approver, passphrase));
    approval::Edit edit;
    if (!amount.empty())
        edit.amount = amount;
    if (!minOut.empty())
        edit.minOut = minOut;
    CS_TRY(submitted, m_writer->run([&](Database& db) -> Result<approval::Submitted> {
        CS_TRY(request, approval::findRequest(db, intent));
        if (*request) { // approval::submitEdit refuses a missing one
            CS_TRY(unchanged, stillAsShown(**request, shownSubject));
        }
        CS_TRY(origin, audit::readOrigin(db));
        return approval::submitEdit(db, intent, edit, approver, *key, m_clock->now(), checkpointPolicy(*origin), m_ledger);
    }));
    return outcomeOf(*submitted);
}

} // namespace cs::engine
