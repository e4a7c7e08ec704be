// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/replay/Replay.h"

#include "core/replay/LogWorld.h"

#include "core/approval/Approvals.h"
#include "core/audit/LogReads.h"
#include "core/domain/CanonicalJson.h"
#include "core/domain/Encoding.h"
#include "core/model/ModelBackend.h"
#include "core/model/ProposalParser.h"
#include "core/policy/Decide.h"
#include "core/policy/EvaluationInput.h"
#include "core/settlement/Settlement.h"
#include "core/storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <map>
#include <set>

namespace cs::replay {

namespace {

using api::ReplayStage;
using api::ReplayStep;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

std::string canonical(const QJsonValue& value)
{
    auto text = canonicalJson(value);
    return text ? std::move(*text) : std::string();
}

std::string sha(std::string_view bytes)
{
    return toHex(identity::sha256(bytes));
}

//! The path of the first value that differs between `a` and `b` ("" when they are equal).
std::string firstDifference(const QJsonValue& a, const QJsonValue& b, const std::string& path)
{
    if (a.isObject() && b.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        QStringList keys = x.keys() + y.keys();
        keys.sort();
        keys.removeDuplicates();
        for (const QString& key : keys) {
            const std::string at = path.empty() ? key.toStdString() : path + "." + key.toStdString();
            if (!x.contains(key) || !y.contains(key))
                return at;
            if (std::string inner = firstDifference(x.value(key), y.value(key), at); !inner.empty())
                return inner;
        }
        return {};
    }
    if (a.isArray() && b.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        for (qsizetype i = 0; i < std::max(x.size(), y.size()); ++i) {
            const std::string at = path + "[" + std::to_string(i) + "]";
            if (i >= x.size() || i >= y.size())
                return at;
            if (std::string inner = firstDifference(x.at(i), y.at(i), at); !inner.empty())
                return inner;
        }
        return {};
    }
    return a == b ? std::string() : (path.empty() ? std::string("$") : path);
}

//! A step comparing `recorded` with `recomputed`; `what` says what was recomputed.
ReplayStep compared(ReplayStage stage, std::int64_t seq, const QJsonObject& recorded, const QJsonObject& recomputed,
                    const std::string& what)
{
    ReplayStep step{stage, seq, true, {}, what, canonical(recorded), canonical(recomputed)};
    step.field = firstDifference(recorded, recomputed, {});
    if (!step.field.empty()) {
        step.identical = false;
        step.reason = what + ": " + step.field + " differs";
    }
    return step;
}

QJsonObject objectOf(const std::string& canonical)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(canonical)).object();
}

//! A step comparing `entry` (its body read as `recorded`) with `recomputed`, written in canonical
//! form: the same bytes are the same body, with nothing read again; otherwise field by field.
ReplayStep compared(ReplayStage stage, const audit::Entry& entry, const QJsonObject& recorded, const CanonicalObject& recomputed,
                    const std::string& what)
{
    std::string text = recomputed.json();
    if (text == entry.body)
        return {stage, entry.seq, true, {}, what, entry.body, std::move(text)};
    return compared(stage, entry.seq, recorded, objectOf(text), what);
}

ReplayStep checked(ReplayStage stage, std::int64_t seq, std::string failure, const std::string& what, std::string field = {})
{
    if (failure.empty())
        return {stage, seq, true, {}, what, {}, {}};
    return {stage, seq, false, std::move(field), what + ": " + failure, {}, {}};
}

//! One intent on its way through the log.
struct Case
{
    api::ProposalReplay out;
    std::optional<Result<Proposal>> parsed; //!< the recorded model output, parsed again
    bool cannotPlan = false;
    std::optional<Proposal> proposal; //!< the version in force (parsed, or edited)
    std::string proposalSha;
    std::optional<simulation::SimulationResult> simulated; //!< recomputed for the decision to come
    std::string decisionSha;                               //!< of the newest recorded decision
    std::string policyVersion;
    int approvalsRequired = 0;
    std::string subjectSha; //!< what approvers sign now, recomputed
    std::set<std::string> grants; //!< approvers who signed subjectSha
};

class Replayer
{
public:
    explicit Replayer(const Options& options) : m_options(options) {}

    Result<void> entry(const audit::Entry& entry);
    Result<api::ReplaySummary> finish();
    Result<void> open() { return m_world.open(); }

private:
    void step(Case& c, ReplayStep s) { c.out.steps.push_back(std::move(s)); }
    void close(const std::string& intent);
    Case* caseOf(const audit::Entry& entry, const QJsonObject& body);
    //! Why a model.exchange's request is not what its hashes say, and at which field; empty if it is.
    std::string requestFailure(const QJsonObject& body, std::string& field);

    void model(Case& c, const audit::Entry& entry, const QJsonObject& body);
    void parsedOrRejected(Case& c, const audit::Entry& entry, const QJsonObject& body);
    void edited(Case& c, const audit::Entry& entry, const QJsonObject& body);
    void simulated(Case& c, const audit::Entry& entry, const QJsonObject& body);
    void decided(Case& c, const audit::Entry& entry, const QJsonObject& body);
    void verdict(Case& c, const audit::Entry& entry, const QJsonObject& body);
    void receipt(Case& c, const audit::Entry& entry, const QJsonObject& body);

    const Options& m_options;
    LogWorld m_world;
    std::map<std::string, Case> m_open;
    std::map<std::string, std::string> m_prompts; //!< the system prompts recorded so far, by SHA-256
    api::ReplaySummary m_summary;
    bool m_found = false;
};

Case* Replayer::caseOf(const audit::Entry& entry, const QJsonObject& body)
{
    const auto found = m_open.find(jsonText(body, "intent"));
    if (found == m_open.end())
        return nullptr; // an intent the log never received: nothing of it to replay
    found->second.out.entries.push_back(entry.seq);
    return &found->second;
}

void Replayer::close(const std::string& intent)
{
    const auto found = m_open.find(intent);
    if (found == m_open.end())
        return;
    api::ProposalReplay& out = found->second.out;
    ++m_summary.proposals;
    const bool identical = out.identical();
    if (!identical)
        ++m_summary.divergent;
    if (m_options.intent.empty() ? !identical && m_summary.replayed.size() < m_options.maxDivergent : intent == m_options.intent)
        m_summary.replayed.push_back(std::move(out));
    m_open.erase(found);
}

std::string Replayer::requestFailure(const QJsonObject& body, std::string& field)
{
    const std::string requestSha = jsonText(body, "request_sha256");
    if (body.contains(QStringLiteral("request"))) // as logs before system prompts by hash recorded it
        return sha(jsonText(body, "request")) == requestSha ? std::string() : "the recorded request does not hash to its request_sha256";
    // The system prompt whole in the first exchange of its batch, by hash in the others.
    const std::string systemSha = jsonText(body, "system_sha256");
    if (body.contains(QStringLiteral("system"))) {
        std::string system = jsonText(body, "system");
        if (sha(system) != systemSha) {
            field = "system_sha256";
            return "the recorded system prompt does not hash to its system_sha256";
        }
        m_prompts.emplace(systemSha, std::move(system));
    }
    const auto prompt = m_prompts.find(systemSha);
    if (prompt == m_prompts.end()) {
        field = "system_sha256";
        return "the system prompt " + systemSha + " is not recorded in an earlier exchange";
    }
    model::ModelRequest request;
    request.system = prompt->second;
    request.user = jsonText(body, "user");
    return request.sha256() == requestSha ? std::string() : "the recorded request does not hash to its request_sha256";
}

void Replayer::model(Case& c, const audit::Entry& entry, const QJsonObject& body)
{
    // The request and the response are what their hashes say (a cut response cannot be rehashed).
    std::string field = "request_sha256";
    std::string failure = requestFailure(body, field);
    if (failure.empty() && body.contains(QStringLiteral("response")) && !body.value(QStringLiteral("response_cut")).toBool()
        && sha(jsonText(body, "response")) != jsonText(body, "response_sha256")) {
        failure = "the recorded response does not hash to its response_sha256";
        field = "response_sha256";
    }
    if (!failure.empty()) {
        step(c, checked(ReplayStage::Model, entry.seq, failure, "the model exchange", field));
        return;
    }
    if (body.value(QStringLiteral("cannot_plan")).toBool())
        c.cannotPlan = true;
    else if (body.contains(QStringLiteral("response")))
        c.parsed = model::parseProposal(jsonText(body, "response"), m_world.catalog());
    else
        step(c, checked(ReplayStage::Model, entry.seq, {}, "the model backend failed: " + jsonText(body, "error")));
}

void Replayer::parsedOrRejected(Case& c, const audit::Entry& entry, const QJsonObject& body)
{
    const std::string what = "the recorded model output parsed again";
    if (entry.type == audit::types::kProposalParsed) {
        QJsonObject recomputed;
        if (c.parsed && *c.parsed) {
            const std::string text = canonicalProposal(**c.parsed);
            c.proposal = **c.parsed;
            c.proposalSha = sha(text);
            recomputed = {{QStringLiteral("intent"), qs((*c.parsed)->intent)},
                          {QStringLiteral("proposal"), qs(text)},
                          {QStringLiteral("proposal_sha256"), qs(c.proposalSha)}};
        } else {
            recomputed = {{QStringLiteral("error"), qs(c.parsed ? c.parsed->error().message : "no model output recorded")}};
        }
        step(c, compared(ReplayStage::Model, entry.seq, body, recomputed, what));
        return;
    }
    // Refused: the cause must follow from what the log holds.
    const std::string cause = jsonText(body, "cause");
    if (cause == "intake") {
        const std::string status = m_world.status(c.out.agent);
        step(c, checked(ReplayStage::Intake, entry.seq,
                        status == "active" ? "the log has agent " + c.out.agent + " active at this entry" : std::string(),
                        "refused at intake: the agent is " + status + " in the log", "cause"));
        return;
    }
    if (cause == "cannot_plan") {
        step(c, checked(ReplayStage::Model, entry.seq, c.cannotPlan ? std::string() : "the model exchange did not say it cannot plan",
                        "the model said it cannot plan", "cause"));
        return;
    }
    QJsonObject recomputed{{QStringLiteral("agent"), body.value(QStringLiteral("agent"))},
                           {QStringLiteral("intent"), body.value(QStringLiteral("intent"))}};
    if (cause == "malformed") {
        recomputed.insert(QStringLiteral("cause"), QStringLiteral("malformed"));
        recomputed.insert(QStringLiteral("reason"), qs(c.parsed && !*c.parsed ? c.parsed->error().message : "it parses"));
    } else if (cause == "wrong_intent") {
        const bool wrong = c.parsed && *c.parsed && ((*c.parsed)->agent != c.out.agent || (*c.parsed)->intent != c.out.intent);
        recomputed.insert(QStringLiteral("cause"), qs(wrong ? "wrong_intent" : "none"));
        recomputed.insert(QStringLiteral("reason"), body.value(QStringLiteral("reason")));
    } else {
        // intent_mismatch: the intent's own bounds are private to it and not in the log; what
        // the log does say is that the output parsed.
        step(c, checked(ReplayStage::Model, entry.seq, c.parsed && *c.parsed ? std::string() : "the recorded output does not parse",
                        "the output parses; the intent's bounds it was held to are not in the log", "cause"));
        return;
    }
    step(c, compared(ReplayStage::Model, entry.seq, body, recomputed, what));
}

void Replayer::edited(Case& c, const audit::Entry& entry, const QJsonObject& body)
{
    QJsonObject recomputed{{QStringLiteral("before_sha256"), qs(c.proposalSha)}};
    auto parsed = model::parseProposal(jsonText(body, "proposal"), m_world.catalog());
    if (parsed) {
        const std::string text = canonicalProposal(*parsed);
        recomputed.insert(QStringLiteral("proposal"), qs(text));
        recomputed.insert(QStringLiteral("proposal_sha256"), qs(sha(text)));
    } else {
        recomputed.insert(QStringLiteral("error"), qs(parsed.error().message));
    }
    QJsonObject recorded{{QStringLiteral("before_sha256"), body.value(QStringLiteral("before_sha256"))},
                         {QStringLiteral("proposal"), body.value(QStringLiteral("proposal"))},
                         {QStringLiteral("proposal_sha256"), body.value(QStringLiteral("proposal_sha256"))}};
    step(c, compared(ReplayStage::Edit, entry.seq, recorded, recomputed, "the edited version against the one before"));
    if (parsed) {
        c.proposal = std::move(*parsed);
        c.proposalSha = jsonText(body, "proposal_sha256");
    }
}

void Replayer::simulated(Case& c, const audit::Entry& entry, const QJsonObject& body)
{
    if (!c.proposal) {
        step(c, checked(ReplayStage::Simulation, entry.seq, "no parsed proposal precedes it", "simulated again", "intent"));
        return;
    }
    if (!m_world.known()) {
        step(c, checked(ReplayStage::Simulation, entry.seq, m_world.whyUnknown(), "simulated again", "state_before"));
        return;
    }
    c.simulated = simulation::simulate(m_world.now(), *c.proposal);
    ReplayStep s = compared(ReplayStage::Simulation, entry, body, simulation::toJson(c.out.intent, *c.simulated),
                            "simulated again on the world the log records up to here");
    if (!s.identical && jsonText(body, "state_before") != toHex(c.simulated->stateBefore)) {
        // The cause of whatever else differs: it ran on another world than the log's.
        s.field = "state_before";
        s.reason = "the simulation ran on a world other than the one the log records up to here";
    }
    step(c, std::move(s));
}

void Replayer::decided(Case& c, const audit::Entry& entry, const QJsonObject& body)
{
    const std::string what = "decided again under the recorded policy version";
    if (!c.proposal) {
        step(c, checked(ReplayStage::Decision, entry.seq, "no parsed proposal precedes it", what, "intent"));
        return;
    }
    // A decision without a simulation before it was made when a quorum settled on a moved world:
    // on the world as it was then.
    if (!c.simulated && m_world.known())
        c.simulated = simulation::simulate(m_world.now(), *c.proposal);
    const std::string version = jsonText(body, "policy_version");
    const auto at = policy::parseIso8601(jsonText(body, "at"));
    std::string failure;
    if (!c.simulated)
        failure = m_world.whyUnknown();
    else if (!at)
        failure = "its time is not RFC 3339";
    else if (m_world.evaluator(version) == nullptr)
        failure = m_world.whyNoVersion(version);
    c.decisionSha = sha(entry.body);
    c.policyVersion = version;
    if (!failure.empty()) {
        step(c, checked(ReplayStage::Decision, entry.seq, failure, what, "policy_version"));
        return;
    }
    // The reputation it used, over the entries it names (before it; otherwise those just before it).
    const auto recorded = policy::Decision::recordedStanding(body);
    const std::int64_t reputationAsOf = recorded && recorded->asOf >= 0 && recorded->asOf < entry.seq ? recorded->asOf : entry.seq - 1;
    const policy::Decision decision = m_world.decide(version, *c.proposal, *c.simulated, *at, c.out.intent, reputationAsOf);
    CanonicalObject recomputed = decision.toJson(*c.proposal, c.proposalSha);
    if (body.contains(QStringLiteral("decided_again")))
        recomputed.text("decided_again", jsonText(body, "decided_again"));
    ReplayStep s = compared(ReplayStage::Decision, entry, body, recomputed, what);
    if (s.identical && m_world.activeVersion() != version) {
        s.identical = false;
        s.field = "policy_version";
        s.reason = what + ": the version active at this entry is " + m_world.activeVersion();
    }
    step(c, std::move(s));

    // What follows from it, as the engine did: the spend it reserves or commits, what approvers sign.
    if (body.contains(QStringLiteral("decided_again"))) {
        // Decided again when a quorum settled on a moved world: the quorum stands (unless denied).
    } else if (decision.effect == policy::Effect::RequireApproval) {
        c.approvalsRequired = decision.approvalsRequired;
        c.subjectSha = sha(approval::subjectOf(c.out.intent, c.proposalSha, *c.simulated, version, c.decisionSha));
        c.grants.clear();
    } else {
        c.approvalsRequired = 0;
    }
    m_world.spend(c.out.intent, decision.effect == policy::Effect::Deny
                                    ? std::nullopt
                                    : std::optional<policy::Spend>(policy::Spend{c.out.intent, c.proposal->agent,
                                                                                 c.proposal->action.type, c.proposal->action.amount,
                                                                                 c.proposal->action.to, c.proposal->action.venue,
                                                                                 *at, decision.firstTime}));
    if (body.contains(QStringLiteral("decided_again")))
        return; // the settlement that follows uses this simulation too
    c.simulated.reset();
}

void Replayer::verdict(Case& c, const audit::Entry& entry, const QJsonObject& body)
{
    if (entry.type == audit::types::kApprovalRequested) {
        const QJsonObject recorded{{QStringLiteral("approvals_required"), body.value(QStringLiteral("approvals_required"))},
                                   {QStringLiteral("proposal_sha256"), body.value(QStringLiteral("proposal_sha256"))},
                                   {QStringLiteral("subject_sha256"), body.value(QStringLiteral("subject_sha256"))}};
        const QJsonObject recomputed{{QStringLiteral("approvals_required"), c.approvalsRequired},
                                     {QStringLiteral("proposal_sha256"), qs(c.proposalSha)},
                                     {QStringLiteral("subject_sha256"), qs(c.subjectSha)}};
        step(c, compared(ReplayStage::Approval, entry.seq, recorded, recomputed,
                         "the subject approvers sign, from the recomputed simulation and decision"));
        return;
    }
    const std::string approver = entry.actor;
    std::string failure;
    std::string field = "signature";
    const auto key = m_world.key(approver);
    if (!key) {
        failure = approver + " has no key registered in the log";
    } else if (!entry.signature || !identity::verifySignature(*key, entry.body, *entry.signature)) {
        failure = "the signature is not " + approver + "'s";
    } else if (jsonText(body, "subject_sha256") != c.subjectSha) {
        failure = "it signs subject " + jsonText(body, "subject_sha256") + ", not the one recomputed (" + c.subjectSha + ")";
        field = "subject_sha256";
    }
    step(c, checked(ReplayStage::Approval, entry.seq, failure,
                    approver + (entry.type == audit::types::kApprovalGranted ? " approved" : " rejected")
                        + " the recomputed subject, signed with the key the log registered",
                    field));
    if (entry.type == audit::types::kApprovalGranted && failure.empty())
        c.grants.insert(approver);
}

void Replayer::receipt(Case& c, const audit::Entry& entry, const QJsonObject& body)
{
    const std::string what = "the receipt against the recomputed simulation, decision and quorum";
    if (!c.proposal || !m_world.known()) {
        step(c, checked(ReplayStage::Settlement, entry.seq, c.proposal ? m_world.whyUnknown() : "no parsed proposal precedes it",
                        what, "postings"));
        return;
    }
    const std::string canonicalText = canonicalProposal(*c.proposal);
    const settlement::Request request{settlement::idempotencyKey(c.out.intent, canonicalText), *c.proposal,
                                      simulation::simulate(m_world.now(), *c.proposal), c.decisionSha, c.policyVersion};
    const CanonicalObject recomputed = settlement::receiptBody(request, jsonText(body, "adapter"));
    // And what it needed: the approvals its decision required, on the subject they signed.
    if (static_cast<int>(c.grants.size()) >= c.approvalsRequired) {
        step(c, compared(ReplayStage::Settlement, entry, body, recomputed, what));
        return;
    }
    QJsonObject recorded = body;
    QJsonObject again = objectOf(recomputed.json());
    recorded.insert(QStringLiteral("quorum"), true);
    again.insert(QStringLiteral("quorum"), false);
    step(c, compared(ReplayStage::Settlement, entry.seq, recorded, again, what));
}

Result<void> Replayer::entry(const audit::Entry& entry)
{
    ++m_summary.entries;
    const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(entry.body)).object();
    const std::string& type = entry.type;
    if (type == audit::types::kIntentReceived) {
        const std::string intent = jsonText(body, "intent");
        if (intent == m_options.intent)
            m_found = true;
        close(intent); // received again: the first one's path ends here
        Case& c = m_open[intent];
        c.out.intent = intent;
        c.out.agent = jsonText(body, "agent");
        c.out.entries.push_back(entry.seq);
        return m_world.apply(entry, body); // its reputation opens here
    }
    Case* c = nullptr;
    const bool ofIntent = body.contains(QStringLiteral("intent")) && type != audit::types::kPolicyShadowDiffered;
    if (ofIntent)
        c = caseOf(entry, body);
    if (c != nullptr) {
        if (type == audit::types::kModelExchange)
            model(*c, entry, body);
        else if (type == audit::types::kProposalParsed || type == audit::types::kProposalRejected)
            parsedOrRejected(*c, entry, body);
        else if (type == audit::types::kProposalEdited)
            edited(*c, entry, body);
        else if (type == audit::types::kSimulationCompleted)
            simulated(*c, entry, body);
        else if (type == audit::types::kPolicyDecided)
            decided(*c, entry, body);
        else if (type == audit::types::kApprovalRequested || type == audit::types::kApprovalGranted
                 || type == audit::types::kApprovalRejected)
            verdict(*c, entry, body);
        else if (type == audit::types::kSettlementReceipt)
            receipt(*c, entry, body);
        else if (type == audit::types::kSettlementFailed)
            step(*c, checked(ReplayStage::Settlement, entry.seq, {}, "failed: " + jsonText(body, "reason")));
    }
    // The log's own state moves after the step that reads it.
    CS_TRY(moved, m_world.apply(entry, body));
    if (c != nullptr) {
        const bool ends = type == audit::types::kProposalRejected || type == audit::types::kSettlementReceipt
                          || type == audit::types::kSettlementFailed || type == audit::types::kApprovalRejected
                          || type == audit::types::kApprovalExpired || type == audit::types::kApprovalCancelled
                          || (type == audit::types::kPolicyDecided && jsonText(body, "effect") == "deny");
        if (ends)
            close(c->out.intent);
    }
    return {};
}

Result<api::ReplaySummary> Replayer::finish()
{
    if (!m_options.intent.empty() && !m_found)
        return fail(ErrorCode::NotFound, "the log has no intent " + m_options.intent);
    std::vector<std::string> open;
    for (const auto& [intent, c] : m_open)
        open.push_back(intent);
    for (const std::string& intent : open)
        close(intent); // still awaiting approval, or the model failed: replayed as far as it went
    return std::move(m_summary);
}

} // namespace

Result<api::ReplaySummary> replayLog(storage::Database& db, const Options& options, const api::ProgressFn& progress,
                                     std::stop_token stop)
{
    constexpr std::int64_t kProgressEvery = 4096;
    CS_TRY(transaction, storage::Transaction::beginRead(db));
    CS_TRY(size, audit::logSize(db));
    Replayer replayer(options);
    CS_TRY(opened, replayer.open());
    std::int64_t done = 0;
    CS_TRY(read, audit::forEachEntry(db, 1, *size, [&](const audit::Entry& entry) -> Result<void> {
        if (done % kProgressEvery == 0) {
            if (stop.stop_requested())
                return fail(ErrorCode::Cancelled, "the replay was cancelled after " + std::to_string(done) + " entries");
            if (progress)
                progress(done, *size);
        }
        ++done;
        return replayer.entry(entry);
    }));
    if (progress)
        progress(done, *size);
    return replayer.finish();
}

} // namespace cs::replay
