// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Reports.h"
#include "core/api/Reputation.h"
#include "core/domain/Clock.h"
#include "core/domain/Proposal.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs::api {

// Plain values the engine hands to the UI and the CLI: cheap to copy, no pointers into the
// engine, amounts as exact decimal strings (format them in the UI, never parse them to double),
// states as enums (their names, as in the log and the CLI's JSON, through toString/parse).

enum class Role { Agent, Approver, RiskManager, Engine, Analyst };
enum class PrincipalStatus { Active, Suspended, Revoked };
//! Where an intent's proposal stands.
enum class IntentState { CannotPlan, Rejected, Denied, AwaitingApproval, Executed, Failed, Unknown };
//! Where an approval request stands after a verdict or an edit.
enum class ApprovalState { Pending, Executed, Failed, Rejected, Denied };

std::string_view toString(Role role);
std::string_view toString(PrincipalStatus status);
std::string_view toString(IntentState state);
std::string_view toString(ApprovalState state);
//! From the names above ("risk_manager", "suspended", "awaiting_approval", …); nullopt otherwise.
std::optional<Role> parseRole(std::string_view text);
std::optional<PrincipalStatus> parsePrincipalStatus(std::string_view text);
std::optional<IntentState> parseIntentState(std::string_view text);
std::optional<ApprovalState> parseApprovalState(std::string_view text);

struct AssetView
{
    std::string code;
    std::string name;
    int decimals = 0;
};

struct BalanceView
{
    std::string asset;
    int decimals = 0;
    std::string amount; //!< canonical decimal string in asset units, e.g. "40.5"
};

struct AgentSummary
{
    std::string id;
    std::string displayName;
    std::string description;
    PrincipalStatus status = PrincipalStatus::Active;
    std::string keyFingerprint; //!< empty until the agent has a key
    std::vector<std::string> accounts;
    std::vector<BalanceView> balances; //!< summed over the agent's accounts, one per asset
};

//! One rule of the active policy that can apply to a principal, in the policy's own words.
struct Grant
{
    std::string rule;
    Effect effect = Effect::Deny;
    std::string description;    //!< the policy author's
    std::string match;          //!< what else it matches ("action in {pay_api}, …")
    std::string perTransaction; //!< "at most 200 USDC", or empty
    std::string window;         //!< "at most 300 USDC per calendar_day", or empty
    // The window's cap now, for this principal (empty without a window): what it spent or
    // reserved in the window that ends now, against the bound, in the window's currency.
    std::string windowUsed{};     //!< decimal
    std::string windowLimit{};    //!< decimal: the bound's "at most", else its "above"
    std::string windowCurrency{};
    Timestamp windowSince{};      //!< where the window that ends now starts
    int windowUsedPercent = 0;    //!< used / limit, rounded down (above 100 once over the bound)
};
//! One agent's use of one windowed cap of the active policy, now.
struct CapUse
{
    std::string rule;
    std::string agent;
    std::string window;   //!< "at most 300 USDC per calendar_day"
    std::string used;     //!< decimal: spent or reserved in the window that ends now
    std::string limit;    //!< decimal: the bound's "at most", else its "above"
    std::string currency;
    Timestamp since;      //!< where the window that ends now starts
    int usedPercent = 0;  //!< used / limit, rounded down (above 100 once over the bound)
};

struct Grants
{
    std::string policy; //!< the active policy's name
    std::vector<Grant> rules;
};

//! The world of a workspace, as the World view shows it: amounts exact, as decimal text.
struct WorldView
{
    struct Account
    {
        std::string id;
        std::string owner; //!< the agent it belongs to, or empty
        std::string kind;  //!< agent, treasury, counterparty, pool, venue
        std::string description;
        std::map<std::string, std::string> balances; //!< asset → decimal
    };
    struct Counterparty
    {
        std::string id;
        std::string name;
        std::string kind; //!< api, vendor, employee, wallet
        std::vector<std::string> lists; //!< the named lists it is on
    };
    struct Venue
    {
        std::string id;
        std::string kind; //!< x402, amm, lending, bank
        std::string name;
    };
    struct Price
    {
        std::string asset;
        std::string quote;
        std::string price; //!< decimal, in the quote asset
        std::string source;
        Timestamp at;
    };
    struct List
    {
        std::string id;
        std::string kind; //!< venues, counterparties, assets
        std::string description;
        std::vector<std::string> members;
    };
    std::vector<AssetView> assets;
    std::vector<Account> accounts;
    std::vector<Counterparty> counterparties;
    std::vector<Venue> venues;
    std::vector<Price> prices;
    std::vector<List> lists;
};

struct PrincipalView
{
    std::string id;
    std::string displayName;
    Role role = Role::Agent;
    PrincipalStatus status = PrincipalStatus::Active;
    std::string description{};
    std::string fingerprint{}; //!< of the current key; empty for an analyst, who has none
    Timestamp created{};
    std::optional<Timestamp> lastActive{}; //!< its newest audit entry as actor
};

struct WorkspaceSummary
{
    std::string path;
    std::string name;
    std::string createdAt;
    bool demo = false;
    //! A demo's keys are sealed with this public passphrase (empty elsewhere); the engine uses it
    //! itself when no passphrase is given, so callers never need to know it.
    std::string keyPassphrase;
    int schemaVersion = 0;
    std::vector<AssetView> assets;
    std::vector<PrincipalView> principals;
    std::vector<AgentSummary> agents;
    int venues = 0;
    int pools = 0;
    int lendingMarkets = 0;
    int counterparties = 0;
    int listedCounterparties = 0; //!< counterparties on at least one list
    int lists = 0;
    int pendingIntents = 0; //!< lines in the workspace's intents.jsonl
    std::string modelBackend;  //!< workspace.json's model.backend: what run uses by default
    std::int64_t auditEntries = 0;     //!< entries in the audit log
    std::int64_t latestCheckpoint = 0; //!< size of the newest signed checkpoint in the database
};

//! ReadOnly: the audit log did not verify before the first write; nothing will be written.
enum class EngineState { Ready, Degraded, ReadOnly, Closed };

struct EngineStatus
{
    EngineState state = EngineState::Closed;
    std::string detail; //!< English; the reason when not Ready
};

//! What changed in the workspace, pushed to subscribers (Engine::handleChanges) after a write.
struct Change
{
    enum class Kind {
        AuditAppended,          //!< the log grew; `auditSize` is its new size
        QueueChanged,           //!< a request was made, approved, rejected, expired, edited or cancelled
        BalancesChanged,        //!< a settlement posted
        PolicyPublished,        //!< `subject` is the new version
        PrincipalChanged,       //!< `subject` was added, or its status or key changed
    };
    Kind kind = Kind::AuditAppended;
    std::int64_t auditSize = 0; //!< entries in the log once the change is committed
    std::string subject;
};

//! How one intent ended (or waits) after a run of the pipeline.
struct IntentResult
{
    std::string intent;
    std::string agent;
    IntentState state = IntentState::Rejected;
    std::string reason;
    std::int64_t receiptSeq = 0;
    bool alreadyProcessed = false;
};

//! One balance a proposal moves, as exact decimal strings.
struct BalanceChange
{
    std::string account;
    std::string asset;
    std::string before;
    std::string after;

    bool operator==(const BalanceChange&) const = default;
};

/**
 * One reason of a decision. `code` says what kind: "rule" (a rule of the policy fired; `rule`
 * is its id, `text` says what it matched, in the policy's words), or one of the policy's
 * globals with its figures in `params` — "global.simulation" {problem}, "global.max-slippage"
 * {tolerance_bps, allowed_bps, min_out_floor}, "global.default-deny" (no rule allows it),
 * "global.error" {message}. The UI renders the code and params in the user's language; `text`
 * is the log's English.
 */
struct Reason
{
    std::string code;
    std::string rule;
    Effect effect = Effect::Deny;
    std::string text;
    std::map<std::string, std::string> params;

    bool operator==(const Reason&) const = default;
};

//! A spend window a decision consulted: what it held before and with this proposal.
struct WindowUse
{
    std::string rule;
    std::string period;   //!< e.g. "per day"
    std::string spent;    //!< "1200 USDC"
    std::string withThis; //!< "1450 USDC"

    bool operator==(const WindowUse&) const = default;
};

//! Approvers a request still needs: `count` more from `group`, from any one of several when
//! there are alternatives; `text` says it in English, as the engine reports it.
struct ApproverNeed
{
    struct Group
    {
        std::string group;
        int count = 0;

        bool operator==(const Group&) const = default;
    };
    std::vector<Group> anyOf;
    std::string text;

    bool operator==(const ApproverNeed&) const = default;
};

//! A counterfactual of the form "needs <approvers>" and/or "amount ≤ <amountAtMost> would
//! <then>" (joined by "; or "), in parts for the UI to say it in the user's language.
struct CounterfactualParts
{
    std::vector<ApproverNeed> approvers;
    std::string amountAtMost; //!< "5000 USDC"; empty when the amount would not change it
    Effect then = Effect::Allow;

    bool operator==(const CounterfactualParts&) const = default;
};

//! A signed decision, as values.
struct DecisionView
{
    Effect effect = Effect::Deny;
    std::vector<std::string> rules; //!< the rule ids that fired
    std::vector<Reason> reasons;
    std::vector<WindowUse> windows;
    std::string counterfactual; //!< what would change it (English)
    std::optional<CounterfactualParts> counterfactualParts; //!< when it is of that form
    RiskLevel computedRisk = RiskLevel::High;
    RiskLevel claimedRisk = RiskLevel::Low;
    int claimedApprovals = 0;
    int approvalsRequired = 0;
    bool underClaimed = false;
    std::string policyVersion;
    std::string at; //!< RFC 3339 UTC: the time it was decided for
    //! The agent's reputation the decision used, when its policy matches on it.
    std::optional<ReputationStanding> reputation;

    bool operator==(const DecisionView&) const = default;
};

//! A proposal waiting for approvers.
struct QueueItem
{
    std::string intent;
    std::string agent;
    Proposal proposal;     //!< as the strict parser read it
    DecisionView decision; //!< the signed decision
    std::string signedDecision; //!< its signed countersign.decision/1 body verbatim, for export (the UI reads `decision`)
    std::string reason;
    std::string subjectSha256;           //!< what an approver signs
    std::string expiresAt;               //!< RFC 3339 UTC
    std::string requestedAt;             //!< RFC 3339 UTC: when it entered the queue (its age counts from here, on the expiry's clock)
    bool expired = false;                //!< past its expiry (recorded at the next write)
    std::vector<std::string> approvedBy; //!< approvers so far
    std::vector<ApproverNeed> stillNeeded;

    // What it would do if it settled now: the proposal simulated on the world as it is.
    std::string value;              //!< the amount valued in the policy's reference currency ("25000 USDC"); empty without a price
    std::int64_t valueMinor = 0;    //!< the same in minor units, for sorting (saturated at the int64 range)
    bool simulationOk = false;
    std::string simulationProblem;  //!< why it would not execute now, when !simulationOk
    std::vector<BalanceChange> balances; //!< every balance it moves, before → after
    std::string fee;                //!< swap: the pool's fee ("75 USDC")
    std::string expectedOut;        //!< swap: what the agent would receive
    int priceImpactBps = -1;        //!< swap: the price impact; -1 for other actions
    //! Balances changed since it was decided (its approval subject names the old state): the
    //! quorum decides it again on the world as it is, and a deny then fails it.
    bool worldMoved = false;
    //! When the world moved: that decision, made now (what the quorum would meet), and its reasons.
    std::optional<Effect> decidedNow;
    std::vector<Reason> decidedNowReasons; //!< the reasons of that effect

    bool operator==(const QueueItem&) const = default;
};

//! A settlement's signed receipt: the entry to export (countersign-cli export-receipt).
struct ReceiptRef
{
    std::string intent;
    std::string agent;
    std::int64_t seq = 0; //!< the settlement.receipt entry
    std::string settledAt; //!< RFC 3339 UTC
};

//! The approval queue at one moment: what awaits approvers, and how requests ended so far.
struct ApprovalQueue
{
    std::vector<QueueItem> items; //!< oldest first
    int approved = 0;             //!< requests whose quorum was reached
    int rejected = 0;
    int expired = 0;              //!< recorded as expired (items past their expiry are still in `items`)
};

//! Where an approval request stands after a verdict (core/approval).
struct ApprovalOutcome
{
    ApprovalState state = ApprovalState::Pending;
    std::string message; //!< what is still needed, or how it ended
    std::int64_t receiptSeq = 0;
};

//! A published policy version.
struct PolicyVersion
{
    std::string version; //!< SHA-256 of the canonical document, hex
    std::string name;
    std::string document; //!< canonical JSON
    std::string signer;
    std::int64_t entrySeq = 0; //!< its policy.published audit entry
    std::string publishedAt;   //!< RFC 3339 UTC
    int rules = 0;
    std::vector<std::string> warnings; //!< static-check warnings, when it was just published
    bool shadow = false; //!< published as a shadow: evaluated beside the active version, never enforced
};

enum class PolicyMode { Active, Shadow };

} // namespace cs::api
