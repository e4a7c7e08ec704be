// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/approval/Approvals.h"

#include "core/domain/CanonicalJson.h"
#include "core/domain/Encoding.h"
#include "core/model/ProposalParser.h"
#include "core/policy/Decide.h"
#include "core/policy/Publish.h"
#include "core/settlement/Settlement.h"
#include "core/simulation/Simulator.h"
#include "core/simulation/WorldState.h"
#include "core/storage/Database.h"
#include "core/store/Approvals.h"
#include "core/store/Principals.h"
#include "core/store/Proposals.h"
#include "core/store/World.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <set>

namespace cs::approval {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QJsonValue parse(const std::string& text)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(text));
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

//! An unsigned engine entry in the caller's transaction.
Result<audit::Appended> record(storage::Database& db, const char* type, const QJsonObject& body, Timestamp now,
                               const audit::CheckpointPolicy& checkpoints)
{
    CS_TRY(draft, audit::makeDraft(type, "engine", body));
    return audit::appendInTransaction(db, std::span(&*draft, 1), now, checkpoints);
}

//! Expiry: audited, the spend released, the proposal ends rejected.
Result<std::vector<audit::Checkpoint>> expire(storage::Database& db, const Request& request, Timestamp now,
                                              const audit::CheckpointPolicy& checkpoints)
{
    CS_TRY(marked, store::setRequestState(db, request.intent, "expired", now));
    CS_TRY(released, store::moveSpend(db, request.intent, "released", now));
    CS_TRY(ended, store::setProposalState(db, request.intent, "rejected",
                              "the approval expired at " + toIso8601(request.expiresAt), 0, now));
    CS_TRY(appended, record(db, audit::types::kApprovalExpired,
                            {{QStringLiteral("intent"), qs(request.intent)},
                             {QStringLiteral("subject_sha256"), qs(request.subjectSha256)},
                             {QStringLiteral("expired_at"), qs(toIso8601(request.expiresAt))}},
                            now, checkpoints));
    return appended->checkpoints;
}

//! What the requirements still need from `approvers`; empty when the quorum is reached. Every
//! requirement must be met, so "all" requirements on one group are one need (the largest
//! threshold); an "any" requirement is one need of alternatives, listed once.
std::vector<policy::ApproverNeed> neededFrom(const QJsonArray& requirements, const std::set<std::string>& approvers)
{
    const auto haveIn = [&](const QJsonObject& group) {
        int have = 0;
        for (const QJsonValue& member : group.value(QStringLiteral("members")).toArray())
            have += approvers.count(member.toString().toStdString()) > 0 ? 1 : 0;
        return have;
    };
    std::vector<std::pair<QString, int>> everyOf; // group → missing approvers, in order of appearance
    std::vector<policy::ApproverNeed> needs;
    for (const QJsonValue& value : requirements) {
        const QJsonObject rule = value.toObject();
        const bool any = rule.value(QStringLiteral("combine")).toString() == QLatin1String("any");
        policy::ApproverNeed alternatives;
        bool satisfiedOne = false;
        for (const QJsonValue& groupValue : rule.value(QStringLiteral("groups")).toArray()) {
            const QJsonObject group = groupValue.toObject();
            const QString name = group.value(QStringLiteral("group")).toString();
            const int missing = std::max(0, group.value(QStringLiteral("threshold")).toInt() - haveIn(group));
            if (!any) {
                auto known = std::find_if(everyOf.begin(), everyOf.end(), [&](const auto& g) { return g.first == name; });
                if (known == everyOf.end())
                    everyOf.emplace_back(name, missing);
                else
                    known->second = std::max(known->second, missing);
                continue;
            }
            satisfiedOne = satisfiedOne || missing == 0;
            alternatives.anyOf.emplace_back(name.toStdString(), missing);
        }
        if (any && !satisfiedOne && std::find(needs.begin(), needs.end(), alternatives) == needs.end())
            needs.push_back(std::move(alternatives));
    }
    std::vector<policy::ApproverNeed> ordered;
    for (const auto& [group, missing] : everyOf) {
        if (missing > 0)
            ordered.push_back(policy::ApproverNeed{{{group.toStdString(), missing}}});
    }
    ordered.insert(ordered.end(), needs.begin(), needs.end());
    return ordered;
}

//! A request's proposal as stored, read against the world as it is now.
struct Stored
{
    std::string canonical;
    std::string sha256;
    simulation::WorldState world;
    Proposal proposal;
};

Result<Stored> loadStored(storage::Database& db, const std::string& intent)
{
    CS_TRY(found, store::findProposal(db, intent));
    if (!*found || !(*found)->proposal || !(*found)->proposalSha256)
        return fail(ErrorCode::StorageFailed, "the proposal of " + intent + " is missing");
    Stored stored;
    stored.canonical = *(*found)->proposal;
    stored.sha256 = *(*found)->proposalSha256;
    CS_TRY(world, store::loadWorld(db));
    CS_TRY(proposal, model::parseProposal(stored.canonical, AssetCatalog(world->assetList())));
    stored.world = std::move(*world);
    stored.proposal = std::move(*proposal);
    return stored;
}

//! The approved proposal executes on the world as it is now, or fails if it no longer can.
Result<Submitted> settleApproved(storage::Database& db, const Request& request, Timestamp now,
                                 const audit::CheckpointPolicy& checkpoints, settlement::SettlementAdapter& adapter,
                                 std::vector<audit::Checkpoint>& signedCheckpoints)
{
    CS_TRY(stored, loadStored(db, request.intent));
    simulation::WorldState& world = stored->world;
    const Proposal& proposal = stored->proposal;
    const simulation::SimulationResult simulated = simulation::simulate(world, proposal);
    CS_TRY(marked, store::setRequestState(db, request.intent, "approved", now));
    const QJsonObject subject = parse(request.subject).toObject();
    std::string decisionSha = subject.value(QStringLiteral("decision_sha256")).toString().toStdString();
    std::string policyVersion = subject.value(QStringLiteral("policy_version")).toString().toStdString();
    std::string refusal = simulated.ok() ? std::string() : "approved, but it can no longer execute: " + simulated.reason;
    if (refusal.empty() && toHex(simulated.stateBefore) != subject.value(QStringLiteral("state_before")).toString().toStdString()) {
        // The world moved since the approvers saw it: decided again, on this simulation, by the
        // policy that decides now, with the windows as they stand (this proposal's own
        // reservation aside). The quorum stands unless that decision is a deny.
        if (checkpoints.engineKey == nullptr)
            return fail(ErrorCode::Locked, "the engine key is locked; an approved proposal cannot be decided again");
        CS_TRY(decider, policy::Decider::loadFor(db, world, now, request.intent));
        const policy::Decision decision = decider->decide(proposal, simulated, now);
        CanonicalObject body = decision.toJson(proposal, subject.value(QStringLiteral("proposal_sha256")).toString().toStdString());
        body.text("decided_again", "the world changed between the approval and its settlement");
        CS_TRY(draft, audit::makeDraft(audit::types::kPolicyDecided, "engine", body, checkpoints.engineKey));
        CS_TRY(appended, audit::appendInTransaction(db, std::span(&*draft, 1), now, checkpoints));
        signedCheckpoints.insert(signedCheckpoints.end(), appended->checkpoints.begin(), appended->checkpoints.end());
        decisionSha = toHex(identity::sha256(draft->body));
        policyVersion = decision.policyVersion;
        if (decision.effect == policy::Effect::Deny)
            refusal = "approved, but decided again on the world as it is now and denied: " + decision.reasonsFor(policy::Effect::Deny);
    }
    if (!refusal.empty()) {
        const std::string reason = refusal;
        CS_TRY(released, store::moveSpend(db, request.intent, "released", now));
        CS_TRY(ended, store::setProposalState(db, request.intent, "failed", reason, 0, now));
        CS_TRY(appended, record(db, audit::types::kSettlementFailed,
                                {{QStringLiteral("intent"), qs(request.intent)}, {QStringLiteral("reason"), qs(reason)}},
                                now, checkpoints));
        signedCheckpoints.insert(signedCheckpoints.end(), appended->checkpoints.begin(), appended->checkpoints.end());
        return Submitted{"failed", reason, 0};
    }
    if (checkpoints.engineKey == nullptr)
        return fail(ErrorCode::Locked, "the engine key is locked; an approved proposal cannot be settled");
    settlement::Request settle{settlement::idempotencyKey(proposal.intent, canonicalProposal(proposal)), proposal, simulated, decisionSha, policyVersion};
    CS_TRY(settled, settlement::settleNow(db, adapter, world, settle, now, checkpoints, signedCheckpoints));
    if (settled->replayed || settled->outcome != settlement::Outcome::Executed)
        return fail(ErrorCode::Internal, "an approved proposal was settled before its approval");
    const std::int64_t seq = settled->receiptSeq;
    CS_TRY(committed, store::moveSpend(db, request.intent, "committed", now));
    CS_TRY(ended, store::setProposalState(db, request.intent, "executed", {}, seq, now));
    return Submitted{"executed", "approved and executed", seq};
}

//! The registered key of `principal`, who must be active.
Result<identity::PublicKey> activeKey(storage::Database& db, const std::string& principal)
{
    CS_TRY(known, store::findPrincipal(db, principal));
    if (!*known)
        return fail(ErrorCode::NotAllowed, "'" + principal + "' is not a principal of this workspace");
    const std::string& status = (*known)->status;
    const auto& bytes = (*known)->publicKey;
    identity::PublicKey key{};
    const bool hasKey = bytes.size() == key.size();
    if (hasKey)
        std::copy(bytes.begin(), bytes.end(), key.begin());
    if (status != "active")
        return fail(ErrorCode::NotAllowed, "the key of '" + principal + "' is " + status);
    if (!hasKey)
        return fail(ErrorCode::InvalidInput, "'" + principal + "' has no registered key");
    return key;
}

//! May `approver` decide on `request`: in a required group, and not its initiator where that is forbidden.
Result<void> mayDecide(const Request& request, const std::string& approver)
{
    bool member = false;
    bool initiatorForbidden = false;
    for (const QJsonValue& value : parse(request.requirements).toArray()) {
        const QJsonObject rule = value.toObject();
        initiatorForbidden = initiatorForbidden || !rule.value(QStringLiteral("initiator_may_approve")).toBool();
        for (const QJsonValue& group : rule.value(QStringLiteral("groups")).toArray()) {
            for (const QJsonValue& name : group.toObject().value(QStringLiteral("members")).toArray())
                member = member || name.toString().toStdString() == approver;
        }
    }
    if (!member)
        return fail(ErrorCode::NotAllowed, "'" + approver + "' is in none of the groups " + request.intent + " needs");
    if (approver == request.agent && initiatorForbidden)
        return fail(ErrorCode::NotAllowed, "separation of duties: '" + approver + "' initiated " + request.intent
                                               + " and may not approve it");
    return {};
}

//! The approver's signed entry and its row; then a rejection ends it, or the quorum settles it.
Result<Submitted> recordVerdict(storage::Database& db, const Request& request, const audit::Draft& verdict, bool approve,
                                const std::string& reason, Timestamp now, const audit::CheckpointPolicy& checkpoints,
                                settlement::SettlementAdapter& adapter, std::vector<audit::Checkpoint>& signedCheckpoints)
{
    const std::string& intent = request.intent;
    CS_TRY(appended, audit::appendInTransaction(db, std::span(&verdict, 1), now, checkpoints));
    signedCheckpoints.insert(signedCheckpoints.end(), appended->checkpoints.begin(), appended->checkpoints.end());
    CS_TRY(inserted, store::insertVerdict(db, {intent, request.subjectSha256, verdict.actor, approve ? "approve" : "reject",
                                               reason, appended->entries.front().seq, now}));
    if (!approve) {
        CS_TRY(marked, store::setRequestState(db, intent, "rejected", now));
        CS_TRY(released, store::moveSpend(db, intent, "released", now));
        CS_TRY(ended, store::setProposalState(db, intent, "rejected", "rejected by " + verdict.actor + ": " + reason, 0, now));
        return Submitted{"rejected", "rejected by " + verdict.actor, 0};
    }
    std::set<std::string> approvers(request.approvedBy.begin(), request.approvedBy.end());
    approvers.insert(verdict.actor);
    const std::vector<policy::ApproverNeed> needs = neededFrom(parse(request.requirements).toArray(), approvers);
    if (needs.empty())
        return settleApproved(db, request, now, checkpoints, adapter, signedCheckpoints);
    std::string text;
    for (const policy::ApproverNeed& need : needs)
        text += (text.empty() ? "needs " : "; and ") + policy::toString(need);
    return Submitted{"pending", text, 0};
}

} // namespace

std::string subjectOf(const std::string& intent, const std::string& proposalSha256, const simulation::SimulationResult& simulated,
                      const std::string& policyVersion, const std::string& decisionSha256)
{
    const QJsonObject subject{
        {QStringLiteral("schema"), QStringLiteral("countersign.approval-subject/1")},
        {QStringLiteral("intent"), qs(intent)},
        {QStringLiteral("proposal_sha256"), qs(proposalSha256)},
        {QStringLiteral("simulation_sha256"), qs(toHex(identity::sha256(simulation::toJson(intent, simulated).json())))},
        {QStringLiteral("state_before"), qs(toHex(simulated.stateBefore))},
        {QStringLiteral("policy_version"), qs(policyVersion)},
        {QStringLiteral("decision_sha256"), qs(decisionSha256)}};
    return canonicalJson(subject).value();
}

QJsonArray requirementsOf(const policy::Decision& decision, const policy::Policy& policy, std::int64_t& expirySeconds)
{
    QJsonArray requirements;
    expirySeconds = 0;
    for (const auto& need : decision.approvals) {
        QJsonArray groups;
        for (const auto& group : need.spec.groups) {
            QJsonArray members;
            if (const auto found = policy.groups.find(group.group); found != policy.groups.end()) {
                for (const std::string& member : found->second)
                    members.append(qs(member));
            }
            groups.append(QJsonObject{{QStringLiteral("group"), qs(group.group)},
                                      {QStringLiteral("threshold"), group.threshold},
                                      {QStringLiteral("members"), members}});
        }
        requirements.append(QJsonObject{{QStringLiteral("rule"), qs(need.rule)},
                                        {QStringLiteral("groups"), groups},
                                        {QStringLiteral("combine"), need.spec.any ? QStringLiteral("any") : QStringLiteral("all")},
                                        {QStringLiteral("initiator_may_approve"), need.spec.initiatorMayApprove}});
        expirySeconds = expirySeconds == 0 ? need.spec.expirySeconds : std::min(expirySeconds, need.spec.expirySeconds);
    }
    return requirements;
}

Result<audit::Draft> signVerdict(const Verdict& verdict, const identity::SigningKey& key)
{
    if (!verdict.approve && verdict.reason.empty())
        return fail(ErrorCode::InvalidInput, "reason: a rejection needs a reason");
    return audit::makeDraft(verdict.approve ? audit::types::kApprovalGranted : audit::types::kApprovalRejected,
                            verdict.approver,
                            {{QStringLiteral("schema"), QLatin1String(kVerdictSchema)},
                             {QStringLiteral("intent"), qs(verdict.intent)},
                             {QStringLiteral("approver"), qs(verdict.approver)},
                             {QStringLiteral("verdict"), verdict.approve ? QStringLiteral("approve") : QStringLiteral("reject")},
                             {QStringLiteral("reason"), qs(verdict.reason)},
                             {QStringLiteral("subject_sha256"), qs(verdict.subjectSha256)}},
                            &key);
}

Result<std::optional<Request>> findRequest(storage::Database& db, const std::string& intent)
{
    CS_TRY(row, store::findRequest(db, intent));
    if (!*row)
        return std::optional<Request>();
    store::RequestRow& stored = **row;
    Request request{intent, std::move(stored.agent), std::move(stored.subject), std::move(stored.subjectSha256),
                    std::move(stored.requirements), std::move(stored.state), stored.expires, {}, stored.created};
    CS_TRY(approvers, store::approversOf(db, intent, request.subjectSha256));
    request.approvedBy = std::move(*approvers);
    return std::optional<Request>(std::move(request));
}

std::vector<policy::ApproverNeed> stillNeeded(const Request& request)
{
    return neededFrom(parse(request.requirements).toArray(),
                      std::set<std::string>(request.approvedBy.begin(), request.approvedBy.end()));
}

Result<Submitted> submitVerdict(storage::Database& db, const audit::Draft& verdict, Timestamp now,
                                const audit::CheckpointPolicy& checkpoints, settlement::SettlementAdapter& adapter)
{
    // The verdict itself: its type, its body, and who it claims to be from.
    const bool approve = verdict.type == audit::types::kApprovalGranted;
    if (!approve && verdict.type != audit::types::kApprovalRejected)
        return fail(ErrorCode::InvalidInput, "not a verdict: " + verdict.type);
    const QJsonObject body = parse(verdict.body).toObject();
    const std::string intent = body.value(QStringLiteral("intent")).toString().toStdString();
    const std::string reason = body.value(QStringLiteral("reason")).toString().toStdString();
    if (body.value(QStringLiteral("schema")).toString() != QLatin1String(kVerdictSchema)
        || body.value(QStringLiteral("approver")).toString().toStdString() != verdict.actor
        || body.value(QStringLiteral("verdict")).toString() != (approve ? QLatin1String("approve") : QLatin1String("reject"))
        || !verdict.signature)
        return fail(ErrorCode::InvalidInput, "the verdict is not a signed countersign.approval/1 body of its approver");
    if (!approve && reason.empty())
        return fail(ErrorCode::InvalidInput, "reason: a rejection needs a reason");

    CS_TRY(transaction, storage::Transaction::begin(db));
    CS_TRY(found, findRequest(db, intent));
    if (!*found)
        return fail(ErrorCode::NotFound, "no approval request for " + intent);
    const Request& request = **found;
    if (request.state != "pending")
        return fail(ErrorCode::NotAllowed, intent + " is no longer pending: it was " + request.state);
    if (now >= request.expiresAt) {
        CS_TRY(expired, expire(db, request, now, checkpoints));
        CS_TRY(committed, transaction->commit());
        (void)audit::writeCheckpointFiles(*expired, checkpoints);
        return fail(ErrorCode::NotAllowed, intent + " expired at " + toIso8601(request.expiresAt) + "; nothing was signed");
    }
    if (body.value(QStringLiteral("subject_sha256")).toString().toStdString() != request.subjectSha256)
        return fail(ErrorCode::InvalidInput, "the verdict signs a different subject than " + intent
                                                 + " (the proposal, its simulation, the policy or the decision changed)");

    // Who signed: the approver's registered, active key must verify it.
    CS_TRY(publicKey, activeKey(db, verdict.actor));
    if (!identity::verifySignature(*publicKey, verdict.body, *verdict.signature))
        return fail(ErrorCode::InvalidInput, "the signature does not verify under the key of '" + verdict.actor + "'");
    CS_TRY(allowed, mayDecide(request, verdict.actor));
    CS_TRY(already, store::hasVerdict(db, intent, request.subjectSha256, verdict.actor));
    if (*already)
        return fail(ErrorCode::NotAllowed, "'" + verdict.actor + "' already gave a verdict on " + intent + "; it counts once");

    std::vector<audit::Checkpoint> signedCheckpoints;
    CS_TRY(submitted, recordVerdict(db, request, verdict, approve, reason, now, checkpoints, adapter, signedCheckpoints));
    CS_TRY(committed, transaction->commit());
    (void)audit::writeCheckpointFiles(signedCheckpoints, checkpoints);
    return std::move(*submitted);
}

namespace {

//! `original` with `edit` applied, only ever tighter: a lower amount (above zero), a higher
//! min_out (a swap's); each change described in `changes`. InvalidInput naming the field otherwise.
Result<Proposal> tighten(const Proposal& original, const Edit& edit, QJsonArray& changes)
{
    Proposal edited = original;
    if (edit.amount) {
        auto amount = Money::parse(*edit.amount, original.action.amount.asset(), SignPolicy::UnsignedOnly);
        if (!amount)
            return fail(ErrorCode::InvalidInput, "amount: " + amount.error().message);
        if (amount->isZero() || amount->minor() > original.action.amount.minor())
            return fail(ErrorCode::InvalidInput, "amount: an edit may only lower the amount, to more than zero");
        edited.action.amount = *amount;
        changes.append(qs("amount: " + original.action.amount.toString() + " → " + amount->toString() + " "
                          + amount->asset().code));
    }
    if (edit.minOut) {
        if (!original.action.minOut)
            return fail(ErrorCode::InvalidInput, "min_out: only a swap has one");
        auto minOut = Money::parse(*edit.minOut, original.action.minOut->asset(), SignPolicy::UnsignedOnly);
        if (!minOut)
            return fail(ErrorCode::InvalidInput, "min_out: " + minOut.error().message);
        if (minOut->minor() < original.action.minOut->minor())
            return fail(ErrorCode::InvalidInput, "min_out: an edit may only raise it");
        edited.action.minOut = *minOut;
        edited.action.params["min_out"] = minOut->toString();
        changes.append(qs("min_out: " + original.action.minOut->toString() + " → " + minOut->toString() + " "
                          + minOut->asset().code));
    }
    return edited;
}

} // namespace

Result<Submitted> submitEdit(storage::Database& db, const std::string& intent, const Edit& edit,
                             const std::string& approver, const identity::SigningKey& approverKey, Timestamp now,
                             const audit::CheckpointPolicy& checkpoints, settlement::SettlementAdapter& adapter)
{
    if (!edit.amount && !edit.minOut)
        return fail(ErrorCode::InvalidInput, "an edit changes the amount or min_out");
    if (checkpoints.engineKey == nullptr)
        return fail(ErrorCode::Locked, "the engine key is locked; an edited proposal cannot be decided");
    CS_TRY(transaction, storage::Transaction::begin(db));
    CS_TRY(found, findRequest(db, intent));
    if (!*found)
        return fail(ErrorCode::NotFound, "no approval request for " + intent);
    const Request request = **found;
    if (request.state != "pending")
        return fail(ErrorCode::NotAllowed, intent + " is no longer pending: it was " + request.state);
    if (now >= request.expiresAt) { // as for a verdict: it ends now, audited, its spend released
        CS_TRY(expired, expire(db, request, now, checkpoints));
        CS_TRY(committed, transaction->commit());
        (void)audit::writeCheckpointFiles(*expired, checkpoints);
        return fail(ErrorCode::NotAllowed, intent + " expired at " + toIso8601(request.expiresAt) + "; nothing was signed");
    }
    CS_TRY(publicKey, activeKey(db, approver));
    if (*publicKey != approverKey.publicKey())
        return fail(ErrorCode::InvalidInput, "the key given is not the registered key of '" + approver + "'");
    CS_TRY(allowed, mayDecide(request, approver));

    // The edited version: only tighter than what the agent proposed.
    CS_TRY(stored, loadStored(db, intent));
    const std::string& before = stored->canonical;
    const std::string& beforeSha = stored->sha256;
    const simulation::WorldState& world = stored->world;
    const Proposal& original = stored->proposal;
    QJsonArray changes;
    CS_TRY(tightened, tighten(original, edit, changes));
    const Proposal& edited = *tightened;
    const std::string canonical = canonicalProposal(edited);
    if (canonical == before)
        return fail(ErrorCode::InvalidInput, "the edit changes nothing");
    const std::string proposalSha = toHex(identity::sha256(canonical));

    // Simulated and decided now, as the pipeline would (this proposal's reservation aside).
    CS_TRY(decider, policy::Decider::loadFor(db, world, now, intent));
    const policy::Decided decided = decider->decide(world, edited, now);
    const simulation::SimulationResult& simulated = decided.simulated;
    const policy::Decision& decision = decided.decision;
    const policy::Evaluator& evaluator = decider->evaluator();
    const CanonicalObject decisionJson = decision.toJson(edited, proposalSha);
    const std::string decisionText = decisionJson.json();

    std::vector<audit::Draft> drafts;
    CS_TRY(editedDraft, audit::makeDraft(audit::types::kProposalEdited, "engine",
                                         {{QStringLiteral("intent"), qs(intent)},
                                          {QStringLiteral("by"), qs(approver)},
                                          {QStringLiteral("before_sha256"), qs(beforeSha)},
                                          {QStringLiteral("proposal"), qs(canonical)},
                                          {QStringLiteral("proposal_sha256"), qs(proposalSha)},
                                          {QStringLiteral("changes"), changes}}));
    drafts.push_back(std::move(*editedDraft));
    CS_TRY(simulationDraft, audit::makeDraft(audit::types::kSimulationCompleted, "engine", simulation::toJson(intent, simulated)));
    drafts.push_back(std::move(*simulationDraft));
    CS_TRY(decisionDraft, audit::makeDraft(audit::types::kPolicyDecided, "engine", decisionJson, checkpoints.engineKey));
    drafts.push_back(std::move(*decisionDraft));
    CS_TRY(appended, audit::appendInTransaction(db, drafts, now, checkpoints));
    std::vector<audit::Checkpoint> signedCheckpoints = appended->checkpoints;

    // The records follow the new version.
    store::ProposalRow version;
    version.intent = intent;
    version.proposal = canonical;
    version.proposalSha256 = proposalSha;
    version.effect = std::string(policy::toString(decision.effect));
    version.decision = decisionText;
    version.updated = now;
    CS_TRY(proposalUpdated, store::setProposalVersion(db, version));
    store::DecisionRow decisionRow;
    decisionRow.intent = intent;
    decisionRow.amount = edited.action.amount.toString();
    if (edited.action.minOut)
        decisionRow.minOut = edited.action.minOut->toString();
    decisionRow.effect = policy::toString(decision.effect);
    decisionRow.policyVersion = decision.policyVersion;
    decisionRow.simulation = simulation::toString(simulated.failure);
    decisionRow.simulationReason = simulated.reason;
    if (simulated.expectedOut)
        decisionRow.expectedOut = simulated.expectedOut->toString();
    decisionRow.updated = now;
    decisionRow.firstTime = decision.firstTime;
    CS_TRY(decisionUpdated, store::setEditedDecision(db, decisionRow));

    Submitted submitted;
    if (decision.effect == policy::Effect::Deny) {
        const std::string why = decision.reasonsFor(policy::Effect::Deny);
        CS_TRY(marked, store::setRequestState(db, intent, "rejected", now));
        CS_TRY(released, store::moveSpend(db, intent, "released", now));
        CS_TRY(ended, store::setProposalState(db, intent, "denied", "edited by " + approver + " and denied: " + why, 0, now));
        submitted = Submitted{"denied", "the edited proposal is denied: " + why, 0};
    } else {
        // The new subject, and the approver's approval of exactly it.
        std::int64_t expirySeconds = 0;
        const QJsonArray requirements = requirementsOf(decision, evaluator.policy(), expirySeconds);
        const std::string subject = subjectOf(intent, proposalSha, simulated, decision.policyVersion,
                                              toHex(identity::sha256(decisionText)));
        store::RequestRow changed;
        changed.intent = intent;
        changed.subject = subject;
        changed.subjectSha256 = toHex(identity::sha256(subject));
        changed.requirements = canonicalJson(requirements).value();
        changed.updated = now;
        CS_TRY(requestUpdated, store::setRequestSubject(db, changed));
        CS_TRY(current, findRequest(db, intent));
        CS_TRY(verdict, signVerdict({intent, approver, true, {}, (*current)->subjectSha256}, approverKey));
        CS_TRY(recorded, recordVerdict(db, **current, *verdict, true, {}, now, checkpoints, adapter, signedCheckpoints));
        submitted = std::move(*recorded);
    }
    CS_TRY(committed, transaction->commit());
    (void)audit::writeCheckpointFiles(signedCheckpoints, checkpoints);
    return submitted;
}

Result<Cancelled> cancelPendingOf(storage::Database& db, const std::string& agent, const std::string& why,
                                                       Timestamp now, const audit::CheckpointPolicy& checkpoints)
{
    CS_TRY(pending, store::pendingRequestsOf(db, agent));
    std::vector<audit::Checkpoint> signedCheckpoints;
    for (const store::RequestRow& request : *pending) {
        const std::string& intent = request.intent;
        const std::string& subject = request.subjectSha256;
        CS_TRY(marked, store::setRequestState(db, intent, "rejected", now));
        CS_TRY(released, store::moveSpend(db, intent, "released", now));
        CS_TRY(ended, store::setProposalState(db, intent, "rejected", "cancelled: " + why, 0, now));
        CS_TRY(appended, record(db, audit::types::kApprovalCancelled,
                                {{QStringLiteral("intent"), qs(intent)},
                                 {QStringLiteral("agent"), qs(agent)},
                                 {QStringLiteral("subject_sha256"), qs(subject)},
                                 {QStringLiteral("reason"), qs(why)}},
                                now, checkpoints));
        signedCheckpoints.insert(signedCheckpoints.end(), appended->checkpoints.begin(), appended->checkpoints.end());
    }
    return Cancelled{static_cast<int>(pending->size()), std::move(signedCheckpoints)};
}

Result<int> expireDue(storage::Database& db, Timestamp now, const audit::CheckpointPolicy& checkpoints)
{
    CS_TRY(transaction, storage::Transaction::begin(db));
    CS_TRY(due, store::dueRequests(db, now));
    std::vector<audit::Checkpoint> signedCheckpoints;
    for (const std::string& intent : *due) {
        CS_TRY(found, findRequest(db, intent));
        CS_TRY(expired, expire(db, **found, now, checkpoints));
        signedCheckpoints.insert(signedCheckpoints.end(), expired->begin(), expired->end());
    }
    CS_TRY(committed, transaction->commit());
    (void)audit::writeCheckpointFiles(signedCheckpoints, checkpoints);
    return static_cast<int>(due->size());
}

} // namespace cs::approval
