// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs::api {

// Agents' reputation as the seam reports it (computed by core/reputation from the log alone).

//! Below "trusted" a policy may ask for approval; "untrusted" is where an operator looks first.
enum class ReputationTier { Untrusted, Provisional, Trusted };
//! Where the tiers begin: trusted at 70 and above, provisional at 40, untrusted below.
inline constexpr double kTrustedAt = 70;
inline constexpr double kProvisionalAt = 40;
std::string_view toString(ReputationTier tier);
//! "untrusted", "provisional", "trusted"; nullopt for anything else.
std::optional<ReputationTier> parseReputationTier(std::string_view text);
//! A score or a value as reports and attestations write it: "74.51", "-0.25" (two decimals,
//! rounded half away from zero, never a locale's comma).
std::string twoDecimals(double value);

//! An agent's reputation as a decision used it: the score as recorded ("63.25", two decimals),
//! its tier, and the log entries it was computed over (1..asOf). A newcomer: 50, provisional.
struct ReputationStanding
{
    std::string score = "50.00";
    ReputationTier tier = ReputationTier::Provisional;
    std::int64_t asOf = 0;

    bool operator==(const ReputationStanding&) const = default;
};

//! One scored outcome: how one of the agent's proposals ended, and the entries it rests on.
struct ReputationEvent
{
    std::int64_t seq = 0;    //!< the entry that ended the proposal
    std::int64_t timeMs = 0; //!< that entry's time
    std::string intent;
    std::string outcome;            //!< e.g. "executed", "approved_executed", "denied", "malformed" (core/reputation)
    std::vector<std::string> flags; //!< "under_claimed", "drift": what made a clean ending worse
    double value = 0;               //!< what it counts, in [-1, 1]
    double scoreAfter = 50;         //!< the agent's score once it counted
    std::vector<std::int64_t> entries; //!< every entry of the proposal up to its end, in order
};

struct AgentReputation
{
    std::string agent;
    double score = 50; //!< 0–100, 50 with no evidence
    ReputationTier tier = ReputationTier::Provisional;
    std::int64_t outcomes = 0;  //!< proposals scored
    std::int64_t incidents = 0; //!< of them, those that counted against it
    std::map<std::string, std::int64_t> counts; //!< each outcome and flag, how often
    std::int64_t firstMs = 0;        //!< its first scored outcome (0: none)
    std::int64_t lastActivityMs = 0; //!< its newest entry of any kind
    std::vector<ReputationEvent> events; //!< every change of its score, oldest first
};

struct ReputationReport
{
    std::int64_t entries = 0; //!< the log's entries it was computed over (1..entries)
    std::int64_t asOfMs = 0;  //!< the newest of them: scores are decayed to this time
    double halfLifeDays = 0;
    std::vector<AgentReputation> agents; //!< best score first
};

//! A reputation attestation checked with nothing but itself (countersign-cli verify-attestation).
struct AttestationCheck
{
    bool valid = false;
    std::string reason; //!< why not, when not valid
    std::string agent;
    std::string score; //!< as attested, two decimals
    std::string tier;
    std::int64_t checkpointSize = 0;
};

} // namespace cs::api
