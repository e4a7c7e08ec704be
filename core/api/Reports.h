// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

#include <array>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs::api {

// What the engine reports of whole-workspace work — verification, backtests, reconciliation,
// receipts — as plain values of the seam: no engine internals, amounts as decimal strings.

//! Called from the working thread with what is done so far and the total.
using ProgressFn = std::function<void(std::int64_t done, std::int64_t total)>;

//! One thing found wrong. `seq` is the first entry it concerns (0 when it concerns none).
struct VerifyProblem
{
    std::int64_t seq = 0;
    std::string reason; //!< English, naming the entry and what is wrong with it
};

struct VerifySummary
{
    bool intact() const { return problems.empty(); }
    //! The problem with the lowest sequence number: what `verify` names; null when intact.
    const VerifyProblem* first() const;

    std::int64_t entries = 0;
    std::int64_t signedEntries = 0;   //!< entry signatures checked
    std::int64_t coveredEntries = 0;  //!< engine-signed entries a checkpoint covers instead
    std::int64_t checkpoints = 0;
    std::int64_t checkpointFiles = 0;
    std::int64_t consistencyProofs = 0;
    std::int64_t latestCheckpoint = 0; //!< size of the newest signed checkpoint
    std::string root;                  //!< Merkle root over every entry, hex
    std::int64_t receiptsReplayed = 0; //!< receipts whose postings were recomputed from the log
    std::int64_t balancesChecked = 0;
    std::vector<VerifyProblem> problems; //!< the earliest first, at most 100
};

enum class Effect { Allow, RequireApproval, Deny };
inline std::string_view toString(Effect effect)
{
    switch (effect) {
    case Effect::Allow: return "allow";
    case Effect::RequireApproval: return "require_approval";
    case Effect::Deny: return "deny";
    }
    return "deny";
}

//! A recorded decision the backtest decided differently.
struct BacktestChange
{
    std::string intent;
    std::string agent;
    std::string at; //!< RFC 3339 UTC, the decision's time
    Effect before = Effect::Deny;
    Effect after = Effect::Deny;
    std::vector<std::string> rules; //!< the rules that fired in the re-decision
    std::string amount;             //!< decimal, in `asset`
    std::string asset;
    std::string value; //!< decimal, in the report's currency
};

struct BacktestTransition
{
    Effect from = Effect::Deny;
    Effect to = Effect::Deny;
    std::int64_t count = 0;
    std::string value; //!< decimal, in the report's currency
};

//! One UTC day of a backtest: the value allowed as recorded and as re-decided.
struct BacktestDay
{
    std::string day; //!< YYYY-MM-DD
    std::string allowedBefore; //!< decimal, in the report's currency
    std::string allowedAfter;
};

struct BacktestSummary
{
    std::string policyVersion; //!< the draft's; empty when each proposal was re-decided by its own version
    std::string currency;      //!< the reference currency values are in
    std::int64_t proposals = 0;
    std::vector<BacktestChange> changes; //!< in time order
    std::vector<BacktestTransition> transitions;
    std::string allowedBefore; //!< value allowed as recorded, decimal
    std::string allowedAfter;  //!< and as re-decided
    std::vector<std::string> unpriced; //!< intents whose amount has no price (valued 0)
    std::vector<BacktestDay> days;     //!< every day with a decision, in order
};

/**
 * What the shadow version running now would have decided otherwise than the active one, live:
 * every difference recorded in the log (policy.shadow_differed), by kind and value. The shadow
 * runs from its publication until it is promoted or another version becomes active.
 */
struct ShadowReport
{
    std::string shadowVersion;  //!< empty: no shadow runs
    std::string shadowName;
    std::string shadowSigner;
    std::string shadowSince;    //!< RFC 3339 UTC, when it was published
    std::string shadowDocument; //!< canonical JSON (what --promote publishes as active)
    std::string activeVersion;
    std::string currency;                     //!< of the values (the active policy's reference)
    std::vector<BacktestChange> differences;  //!< before: the active decision; after: the shadow's; in log order
    std::vector<BacktestTransition> transitions;
    std::string value; //!< of every difference, decimal
};

//! A static-check finding on a policy (core/policy/Checks): errors block publishing.
struct PolicyFinding
{
    bool error = false;
    std::string kind; //!< unreachable, too-broad (errors); shadowed, shadowed-by-deny, overlap, cap-never-binds, broad (warnings)
    std::string rule; //!< the rule it is about
    std::string message;
};

//! A policy document parsed and checked statically; a workspace's check also says what it
//! changes from the active version, and a draft that does not parse carries its problem.
struct PolicyCheck
{
    std::string name;
    std::string version; //!< SHA-256 of its canonical form, when it parses
    int rules = 0;
    std::vector<PolicyFinding> findings;
    std::string problem;     //!< why it does not parse ("$.rules[3].amount.at_most: …"); empty when it does
    std::string problemRule; //!< the id of the rule the problem is in, when it is in one
    std::string activeVersion;     //!< the version that decides now (empty: none published)
    std::vector<std::string> diff; //!< the changes from the active version, one line each (policy diff)
    //! It parses and no finding is an error: it may be published.
    bool valid() const;
};

//! Which entries the audit timeline shows; every field left empty matches everything.
struct AuditQuery
{
    std::vector<std::string> types; //!< entry types ("policy.decided"); empty: all
    std::string agent;   //!< an agent's own entries and every entry of its proposals
    std::string intent;  //!< every entry of one proposal
    std::string outcome; //!< allow, require_approval, deny (decisions); executed, failed, rejected, approved, refused
    std::int64_t fromMs = 0; //!< entries at or after (0: from the start)
    std::int64_t toMs = 0;   //!< entries before (0: to the end)
    std::string text;        //!< a substring of the entry's type, actor or body (ASCII case ignored)
    bool any() const { return !types.empty() || !agent.empty() || !intent.empty() || !outcome.empty() || fromMs != 0 || toMs != 0 || !text.empty(); }
};

//! One entry as the timeline lists it: what it is, read from its body.
struct AuditRow
{
    std::int64_t seq = 0;
    std::int64_t timeMs = 0;
    std::string type;
    std::string actor;
    std::string agent;   //!< the agent it concerns, when it concerns one
    std::string intent;  //!< the proposal it belongs to, when it belongs to one
    std::string summary; //!< a short account in the log's own words ("pay_api 25 USDC to weather-api")
    std::string amount;  //!< decimal, in `asset`, when it moves or proposes an amount
    std::string asset;
    std::string outcome; //!< as AuditQuery::outcome, when it has one
    bool signedEntry = false;
};

//! The timeline's strip: how many entries of each kind fell in each bucket of time.
struct AuditBucket
{
    std::int64_t startMs = 0;
    std::int64_t firstSeq = 0; //!< the first entry in it: where a click on it jumps
    //! By kind: intake (intents, model exchanges, proposals), decisions (simulations, policy),
    //! approvals, settlements, other (identity, world, ledger, workspace).
    std::array<std::int64_t, 5> counts{};
};
enum class AuditKind { Intake, Decisions, Approvals, Settlements, Other };
//! The kind an entry type is counted as in the strip.
AuditKind kindOf(std::string_view type);

struct AuditHistogram
{
    std::int64_t bucketMs = 60'000; //!< a minute, an hour or a day: whatever gives at most a few hundred buckets
    std::vector<AuditBucket> buckets; //!< those with entries, in time order
};

enum class SignatureState { Unsigned, Valid, Invalid, UnknownKey };

//! Everything the timeline shows of one entry.
struct AuditEntryDetail
{
    AuditRow row;
    std::string entryBytes; //!< the exact bytes its leaf hash covers (canonical JSON)
    std::string body;       //!< the body pretty-printed
    std::string leafHash;   //!< hex, as stored
    std::string prevHash;   //!< hex, as stored
    bool leafMatches = false; //!< SHA-256(0x00 ‖ entryBytes) is the stored leaf
    bool prevMatches = false; //!< prev is the leaf of the entry before (zero for the first)
    std::string signer;       //!< the actor when signed
    SignatureState signature = SignatureState::Unsigned;
    //! Against the newest signed checkpoint: whether it covers the entry and the path holds.
    bool proofValid = false;
    std::int64_t proofCheckpoint = 0; //!< that checkpoint's size (0: none covers it yet)
    std::string proofRoot;            //!< its root, hex
    std::vector<std::string> proofPath; //!< the audit path, hex, leaf to root
    std::string proofProblem;           //!< why not valid
    std::vector<AuditRow> related;      //!< every entry of the same proposal, in log order
};

//! How `exportAuditLog` writes entries: JSON lines (each line exactly the entry's bytes, so
//! SHA-256(0x00 ‖ line) is its leaf hash) or RFC 4180 CSV with a header.
enum class LogFormat { JsonLines, Csv };

//! The steps of a proposal's path that replay recomputes, in the order they happen.
enum class ReplayStage {
    Intake,     //!< refused at intake: the agent's status as the log has it then
    Model,      //!< the recorded model output parsed again (or its refusal reproduced)
    Edit,       //!< an approver's edit: the new version against the one before
    Simulation, //!< simulated again on the world the log recorded up to that entry
    Decision,   //!< decided again under the recorded policy version, windows from the log
    Approval,   //!< a request's subject, a verdict's signature and what it signed
    Settlement, //!< a receipt's postings, state hashes, decision and quorum; or a failure's cause
};
std::string_view toString(ReplayStage stage);

//! One step: the recorded entry and what replay computed for it.
struct ReplayStep
{
    ReplayStage stage = ReplayStage::Model;
    std::int64_t seq = 0; //!< the recorded entry
    bool identical = true;
    std::string field;      //!< the first field that differs ("deltas[1].amount"), when not identical
    std::string reason;     //!< English: what was recomputed, or why it differs
    std::string recorded;   //!< canonical JSON of what was compared, as recorded
    std::string recomputed; //!< and as recomputed
};

//! A proposal's whole path through the log, replayed.
struct ProposalReplay
{
    std::string intent;
    std::string agent;
    std::vector<std::int64_t> entries; //!< every entry of this intent, in log order
    std::vector<ReplayStep> steps;
    bool identical() const;
    //! The first step that differs, or null.
    const ReplayStep* firstDivergence() const;
};

struct ReplaySummary
{
    std::int64_t entries = 0;   //!< log entries read
    std::int64_t proposals = 0; //!< intents replayed
    std::int64_t divergent = 0;
    //! The requested proposal (every step), or without one the divergent ones (at most 100).
    std::vector<ProposalReplay> replayed;
};

//! A proposal's evidence bundle (core/audit/Evidence): its files by relative name, exact bytes.
struct EvidenceBundle
{
    std::vector<std::pair<std::string, std::string>> files;
    std::int64_t entries = 0;
    std::int64_t checkpointSize = 0;
};

//! What verify-evidence found: valid, or the first file that does not hold and why.
struct EvidenceCheck
{
    bool valid = false;
    std::string file;
    std::string reason;
    std::string intent;
    std::int64_t entries = 0;
    std::int64_t signatures = 0;
    std::int64_t checkpointSize = 0;
};

//! One settlement reconcile() resolved (or left unknown, saying what it found).
struct Resolution
{
    std::string idempotencyKey;
    std::string intent;
    std::string resolution; //!< executed, failed or unknown
    std::string reason;
};

struct Reconciliation
{
    int interrupted = 0; //!< settlements found pending, now marked unknown
    std::vector<Resolution> resolved;
};

//! What a synthetic history appended.
struct GeneratedHistory
{
    std::int64_t appended = 0;
    std::int64_t proposals = 0;
    std::int64_t signedEntries = 0;
    std::int64_t firstSeq = 0;
    std::int64_t lastSeq = 0;
};

//! A settlement receipt as files a third party can check.
struct ReceiptExport
{
    std::string receiptJson;       //!< the signed body
    std::string signature;         //!< raw Ed25519 signature over receiptJson (64 bytes)
    std::string enginePem;         //!< the engine's public key, PEM
    std::optional<QJsonObject> proof; //!< inclusion proof (countersign.proof/1), when a checkpoint covers it
};

} // namespace cs::api
