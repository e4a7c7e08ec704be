// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Reputation.h"
#include "core/domain/Money.h"
#include "core/domain/Proposal.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs::policy {

inline constexpr const char* kPolicySchema = "countersign.policy/1";

enum class Effect { Allow, RequireApproval, Deny };
std::string_view toString(Effect effect);
//! "allow", "require_approval", "deny"; nullopt for anything else.
std::optional<Effect> parseEffect(std::string_view text);

//! One field a rule matches on: any value, one of a set, or none of a set (a set may be a
//! named list, kept by name so explanations can say "not in list 'dex-venues'").
struct Selector
{
    enum class Kind { Any, In, NotIn };
    Kind kind = Kind::Any;
    std::vector<std::string> values; //!< sorted, unique
    std::string list;                //!< the named list the values came from, or empty
    std::string text;                //!< describeSet() of it, kept from parsing

    //! An absent value (no venue, no counterparty) is in no set.
    bool matches(const std::string* value) const;
    //! "venue dex-gamma is not in list 'dex-venues'", for the clause that failed.
    std::string describeMiss(std::string_view field, const std::string* value) const;
};

//! A limit on an amount in `currency`: the rule applies only where every bound holds.
struct Bound
{
    Asset currency;
    std::optional<Int128> above;  //!< minor units; holds when value > above
    std::optional<Int128> atMost; //!< minor units; holds when value <= atMost
};

struct Window
{
    enum class Kind { Rolling, CalendarDay };
    Kind kind = Kind::Rolling;
    std::int64_t seconds = 0; //!< rolling windows
    std::string text;         //!< as written: "24h", "7d", "3600s", "calendar_day"
    Bound bound;              //!< on the window's total including this proposal
};

struct GroupRequirement
{
    std::string group;
    int threshold = 1;
};

struct ApprovalSpec
{
    std::vector<GroupRequirement> groups;
    bool any = false; //!< OR across groups; AND (every group) otherwise
    bool initiatorMayApprove = false;
    std::int64_t expirySeconds = 0;
};

//! `Listed`: the counterparty (`to`) is on one of the policy's counterparty lists. `FirstTime`:
//! no settlement has ever paid it (whatever the lists say).
enum class Destination { Any, Listed, FirstTime };

struct Rule
{
    std::string id;
    std::string description;
    Selector agent, role, action, asset, venue, counterparty;
    Destination destination = Destination::Any;
    //! The agent's reputation tier is below this one (core/reputation) when it decides; a spend
    //! counts in the rule's window whatever the agent's tier was when it was made.
    std::optional<api::ReputationTier> reputationBelow;
    std::optional<Bound> amount; //!< per transaction
    std::optional<Window> window;
    Effect effect = Effect::Deny;
    ApprovalSpec approval; //!< require_approval only
    std::string broad;     //!< why an allow rule for every agent and action, unbounded, is meant (else an error)
};

struct NamedList
{
    std::string kind; //!< agents, assets, venues, counterparties
    std::vector<std::string> members;
};

struct Globals
{
    Asset referenceCurrency;
    bool simulationRequired = true;
    std::optional<int> maxSlippageBps;
    std::int64_t approvalExpirySeconds = 24 * 3600;
    std::string timeZone = "UTC";
};

/**
 * A policy document, countersign.policy/1 (resources/schemas/policy.schema.json), as the strict
 * parser accepted it. Semantics (core/README.md, "Policy"): default deny; a rule applies when
 * every field it names matches and every amount bound holds; deny wins over require_approval,
 * which wins over allow; an evaluation error is a deny.
 */
struct Policy
{
    std::string name;
    Globals globals;
    std::map<std::string, NamedList> lists;
    std::map<std::string, std::vector<std::string>> groups; //!< approver group → members
    std::vector<Rule> rules;
    std::vector<std::string> listedCounterparties; //!< every counterparties list's members, sorted
    std::string canonical; //!< the document in canonical JSON: what is hashed and signed
    std::string version;   //!< SHA-256 of `canonical`, in hex

    const Rule* findRule(std::string_view id) const;
    //! Whether a rule matches on the agent's reputation (decisions then need it).
    bool usesReputation() const;
    //! Whether `counterparty` is on one of the counterparty lists.
    bool isListedCounterparty(const std::string& counterparty) const;
};

/**
 * Reads a policy without trust: the strict JSON reader (4 MiB, 10,000 items per array), then
 * exactly the known keys at every level, identifiers and asset codes checked, amounts as exact
 * decimal strings in their currency, lists and groups defined before use, rule ids unique.
 * The first problem is InvalidInput naming the JSON path and the reason.
 */
Result<Policy> parsePolicy(std::string_view bytes, const AssetCatalog& assets);

//! "list 'dex-venues'" or "{a, b}".
std::string describeSet(const Selector& selector);
//! "above 10000 USDC and at most 20000 USDC".
std::string describeBound(const Bound& bound);
//! "agent in {api-buyer}, action in {pay_api}, a counterparty never paid before", or "every proposal".
std::string describeMatch(const Rule& rule);

//! The rules that can apply to what `principal` (of `role`) proposes, in the policy's order:
//! those whose agent and role clauses it meets.
std::vector<const Rule*> rulesFor(const Policy& policy, const std::string& principal, const std::string& role);

//! "24h", "7d", "90m", "3600s" → seconds; nullopt for anything else (or not positive).
std::optional<std::int64_t> parseDuration(std::string_view text);

} // namespace cs::policy
