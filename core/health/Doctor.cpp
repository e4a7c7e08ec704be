// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health/Doctor.h"

#include "core/domain/CanonicalJson.h"
#include "core/audit/Entry.h"
#include "core/audit/Evidence.h"
#include "core/audit/Folds.h"
#include "core/audit/LogReads.h"
#include "core/domain/SecretScan.h"
#include "core/identity/Crypto.h"
#include "core/reputation/Reputation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>
#include <set>

namespace cs::health {

namespace {

namespace types = audit::types;
constexpr std::size_t kMaxEvidence = 100;

//! One proposal's path as far as the log has shown it.
struct Path
{
    bool rationale = false; //!< its (last) proposal says why
    bool reasons = false;   //!< its (last) decision explains itself
    std::string effect;
    std::int64_t required = 0;
    std::set<std::string> approvers; //!< whose signed approval verifies
    bool rejected = false;
};

struct Verdicts
{
    std::int64_t verdicts = 0;
    std::int64_t approvals = 0;
    std::vector<std::int64_t> seconds; //!< from the request to each verdict
};

class Checker
{
public:
    Checker()
    {
        m_explained = {"explained", "an agent acts but cannot explain", api::HealthStatus::Ok, {}, {}, {}, {}};
        m_authorized = {"authorized", "spending without proven authorization", api::HealthStatus::Ok, {}, {}, {}, {}};
        m_private = {"private_data", "logs that leak private data", api::HealthStatus::Ok, {}, {}, {}, {}};
    }

    Result<void> add(const audit::Entry& entry)
    {
        ++m_entries;
        scanForSecrets(entry);
        if (auto registration = audit::registrationIn(entry)) // the keys as of each entry, in one pass
            m_keys[registration->principal] = registration->key;
        const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(entry.body)).object();
        const std::string intent = jsonText(body, "intent");
        if (intent.empty())
            return {};
        if (entry.type == types::kIntentReceived) {
            m_paths[intent] = Path{};
            return {};
        }
        Path& path = m_paths[intent];
        if (entry.type == types::kModelExchange) {
            for (const QJsonValue& name : body.value(QStringLiteral("redacted")).toArray()) {
                if (name.toString().startsWith(QLatin1String("free_text.")))
                    flag(m_private, api::HealthStatus::Warn, entry.seq,
                         intent + ": " + name.toString().mid(10).toStdString() + " redacted from its free text at intake (entry "
                             + std::to_string(entry.seq) + ")");
            }
        } else if (entry.type == types::kProposalParsed || entry.type == types::kProposalEdited) {
            const QJsonObject proposal = QJsonDocument::fromJson(QByteArray::fromStdString(jsonText(body, "proposal"))).object();
            path.rationale = !proposal.value(QStringLiteral("rationale")).toString().trimmed().isEmpty();
        } else if (entry.type == types::kPolicyDecided) {
            path.effect = jsonText(body, "effect");
            path.reasons = !body.value(QStringLiteral("reasons")).toArray().isEmpty();
            path.required = std::max<std::int64_t>(path.required, body.value(QStringLiteral("approvals_required")).toInteger());
        } else if (entry.type == types::kApprovalRequested) {
            m_requestedMs[intent] = entry.time.msSinceEpoch;
            path.required = std::max<std::int64_t>(path.required, body.value(QStringLiteral("approvals_required")).toInteger());
        } else if (entry.type == types::kApprovalGranted || entry.type == types::kApprovalRejected) {
            const bool granted = entry.type == types::kApprovalGranted;
            if (granted && signedByItsActor(entry))
                path.approvers.insert(entry.actor);
            path.rejected = path.rejected || !granted;
            Verdicts& of = m_approvers[entry.actor];
            ++of.verdicts;
            of.approvals += granted ? 1 : 0;
            if (const auto requested = m_requestedMs.find(intent); requested != m_requestedMs.end())
                of.seconds.push_back(std::max<std::int64_t>(0, entry.time.msSinceEpoch - requested->second) / 1000);
        } else if (entry.type == types::kSettlementReceipt) {
            settled(entry, intent, path);
        }
        return {};
    }

    api::HealthReport report(const std::vector<Agent>& agents, std::int64_t checkpoints) const
    {
        api::HealthReport report;
        report.entries = m_entries;
        api::HealthItem explained = m_explained;
        explained.counts["executed"] = m_executed;
        explained.summary = explained.status == api::HealthStatus::Ok
                                ? "every one of " + std::to_string(m_executed) + " executed actions has a rationale and a decision explanation"
                                : std::to_string(explained.counts["failing"]) + " executed actions lack an explanation";
        api::HealthItem authorized = m_authorized;
        authorized.counts["executed"] = m_executed;
        authorized.summary = authorized.status == api::HealthStatus::Ok
                                 ? "every settlement follows an allow or a quorum of valid approval signatures"
                                 : std::to_string(authorized.counts["failing"]) + " settlements without proven authorization";
        api::HealthItem secrets = m_private;
        secrets.counts["entries_scanned"] = m_entries;
        secrets.summary = secrets.status == api::HealthStatus::Fail ? "entries hold what looks like a secret"
                          : secrets.findings.empty()                 ? "no entry holds a recognisable secret"
                                                                     : "no entry holds a recognisable secret; intake redacted some";
        report.items = {std::move(explained), std::move(authorized), std::move(secrets), portability(agents, checkpoints), scoring(),
                        approverQuality()};
        return report;
    }

private:
    static void flag(api::HealthItem& item, api::HealthStatus status, std::int64_t seq, std::string finding)
    {
        item.status = std::max(item.status, status);
        ++item.counts[status == api::HealthStatus::Fail ? "failing" : "warnings"];
        if (item.findings.size() < kMaxEvidence) {
            item.findings.push_back(std::move(finding));
            item.entries.push_back(seq);
        }
    }

    void scanForSecrets(const audit::Entry& entry)
    {
        std::set<std::string> kinds;
        for (const SecretFound& found : findSecrets(QString::fromStdString(entry.body)))
            kinds.insert(found.kind);
        for (const std::string& kind : kinds)
            flag(m_private, api::HealthStatus::Fail, entry.seq,
                 "entry " + std::to_string(entry.seq) + " (" + entry.type + ") holds what looks like a " + kind);
    }

    //! Signed by the key its actor had registered before it (audit::registeredKey, kept as the pass goes).
    bool signedByItsActor(const audit::Entry& entry) const
    {
        const auto key = m_keys.find(entry.actor);
        return entry.signature && key != m_keys.end() && key->second
               && identity::verifySignature(*key->second, entry.body, *entry.signature);
    }

    void settled(const audit::Entry& entry, const std::string& intent, const Path& path)
    {
        ++m_executed;
        const std::string at = "entry " + std::to_string(entry.seq) + ": " + intent;
        if (!path.rationale)
            flag(m_explained, api::HealthStatus::Fail, entry.seq, at + " executed, but its proposal gives no rationale");
        else if (!path.reasons)
            flag(m_explained, api::HealthStatus::Fail, entry.seq, at + " executed, but its decision gives no reasons");
        const bool allowed = path.effect == "allow";
        const bool approved = path.effect == "require_approval" && !path.rejected
                              && static_cast<std::int64_t>(path.approvers.size()) >= std::max<std::int64_t>(1, path.required);
        if (!allowed && !approved)
            flag(m_authorized, api::HealthStatus::Fail, entry.seq,
                 at + " settled after " + (path.effect.empty() ? std::string("no decision") : "a " + path.effect + " decision") + " with "
                     + std::to_string(path.approvers.size()) + " of " + std::to_string(path.required) + " valid approvals"
                     + (path.rejected ? " and a rejection" : ""));
    }

    static api::HealthItem portability(const std::vector<Agent>& agents, std::int64_t checkpoints)
    {
        api::HealthItem item{"portable_reputation", "reputation that is not portable", api::HealthStatus::Ok, {}, {}, {}, {}};
        for (const Agent& agent : agents) {
            if (!agent.hasKey)
                flag(item, api::HealthStatus::Warn, 0, agent.id + " has no key: its reputation cannot be attested");
        }
        if (checkpoints == 0)
            flag(item, api::HealthStatus::Warn, 0, "the log has no signed checkpoint yet to attest against");
        item.counts["agents"] = static_cast<std::int64_t>(agents.size());
        item.summary = item.status == api::HealthStatus::Ok
                           ? "every agent's reputation can be exported as a signed attestation (countersign-cli attest)"
                           : "some reputations cannot be attested yet";
        return item;
    }

    //! The scorer on a busy agent (200 routine actions) and a careful one (6 approved).
    static api::HealthItem scoring()
    {
        api::HealthItem item{"outcome_scoring", "incentives that reward activity instead of useful output", api::HealthStatus::Ok, {}, {}, {}, {}};
        reputation::Scorer scorer;
        std::int64_t seq = 0;
        const auto path = [&](const std::string& agent, int n, bool approved) {
            const std::string intent = "{\"intent\":\"" + agent + std::to_string(n) + "\"}";
            const auto add = [&](const char* type) {
                audit::Entry made;
                made.seq = ++seq;
                made.time = Timestamp{1'800'000'000'000 + seq * 1000};
                made.type = type;
                made.actor = agent;
                made.body = intent;
                scorer.add(made);
            };
            add(types::kIntentReceived);
            if (approved)
                add(types::kApprovalGranted);
            add(types::kSettlementReceipt);
        };
        for (int i = 0; i < 200; ++i) {
            path("busy", i, false);
            if (i % 33 == 0)
                path("careful", i, true);
        }
        const api::ReputationReport report = scorer.report();
        const bool outcomesWin = report.agents.size() == 2 && report.agents.front().agent == "careful";
        item.status = outcomesWin ? api::HealthStatus::Ok : api::HealthStatus::Fail;
        for (const api::AgentReputation& agent : report.agents)
            item.findings.push_back(agent.agent + ": " + std::to_string(agent.outcomes) + " outcomes, score " + api::twoDecimals(agent.score));
        item.summary = outcomesWin ? "a few approved outcomes outscore many routine ones: the score rewards outcomes, not activity"
                                   : "activity outscores outcomes: the scoring rewards volume";
        return item;
    }

    api::HealthItem approverQuality() const
    {
        api::HealthItem item{"approver_quality", "approvers who rubber-stamp", api::HealthStatus::Ok, {}, {}, {}, {}};
        for (const auto& [approver, of] : m_approvers) {
            std::vector<std::int64_t> seconds = of.seconds;
            std::sort(seconds.begin(), seconds.end());
            const std::int64_t median = seconds.empty() ? -1 : seconds[seconds.size() / 2];
            item.counts[approver + ".verdicts"] = of.verdicts;
            item.counts[approver + ".approvals"] = of.approvals;
            item.counts[approver + ".median_s"] = median;
            const bool stamps = of.verdicts >= 5 && of.approvals == of.verdicts && median >= 0 && median < 10;
            item.findings.push_back(approver + ": " + std::to_string(of.verdicts) + " verdicts, " + std::to_string(of.approvals) + " approved"
                                    + (median >= 0 ? ", median " + std::to_string(median) + " s from request" : std::string())
                                    + (stamps ? " — every one approved, each in seconds: rubber-stamping?" : ""));
            if (stamps)
                item.status = api::HealthStatus::Warn;
        }
        item.summary = item.status == api::HealthStatus::Ok ? std::to_string(m_approvers.size()) + " approvers; none rubber-stamps"
                                                            : "an approver approves everything in seconds";
        return item;
    }

    std::map<std::string, std::optional<identity::PublicKey>> m_keys; //!< each principal's newest registered key
    api::HealthItem m_explained;
    api::HealthItem m_authorized;
    api::HealthItem m_private;
    std::map<std::string, Path> m_paths;
    std::map<std::string, std::int64_t> m_requestedMs;
    std::map<std::string, Verdicts> m_approvers;
    std::int64_t m_entries = 0;
    std::int64_t m_executed = 0;
};

} // namespace

Result<api::HealthReport> checkHealth(storage::Database& db, const std::vector<Agent>& agents, std::int64_t checkpoints)
{
    // The pass is kept for the process and only new entries are checked: the live Health panel
    // asks again each time the log grows.
    return audit::withFoldedLog<Checker>(db, [&](const Checker& checker, std::int64_t) { return checker.report(agents, checkpoints); });
}

} // namespace cs::health
