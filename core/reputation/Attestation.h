// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Reputation.h"
#include "core/audit/Entry.h"
#include "core/domain/Result.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <QJsonObject>

namespace cs::identity {
class SigningKey;
}

/**
 * A portable, signed statement of one agent's reputation (countersign.reputation-attestation/1):
 *
 *   {"attestation": {schema, agent, agent_key (its Ed25519 key, base64), score ("74.51"), tier,
 *                    scored, incidents, outcomes {outcome or flag: count},
 *                    window {from, to} (its first scored outcome, the newest entry counted),
 *                    computed_over (the entries counted: 1..checkpoint size),
 *                    checkpoint (the signed checkpoint of those entries, as in checkpoints/),
 *                    method {half_life_days, prior_weight, trusted_at, provisional_at},
 *                    erc8004 {...}},
 *    "engine_key": base64, "signature": base64 Ed25519 over the canonical JSON of "attestation"}
 *
 * Anyone with the log can recompute it (the scores depend on the entries alone); anyone without
 * it can check that the engine whose key signed the checkpoint also signed the score.
 *
 * ERC-8004 mapping (Reputation Registry giveFeedback): value = the score × 100 and
 * valueDecimals = 2 (a 0–100 quality rating at two decimals), tag1 = "countersign.reputation",
 * tag2 = the tier, endpoint = "" (the agent's, if it has one), feedbackURI = where the operator
 * publishes this file (left empty: an address the operator did not choose is never written),
 * feedbackHash = left to the publisher, who hashes the published file with keccak256. The
 * agentId is the agent's token in the Identity Registry, which the workspace does not know; the
 * agent is named by its key instead.
 */
namespace cs::reputation {

inline constexpr const char* kAttestationSchema = "countersign.reputation-attestation/1";
//! At most this many bytes are read as an attestation.
inline constexpr std::size_t kMaxAttestationBytes = 1u << 20;

//! The file attesting `agent` over the entries `checkpoint` covers, signed by `engine`.
Result<std::string> attestationFile(const api::AgentReputation& agent, std::span<const std::uint8_t> agentKey,
                                    const audit::Checkpoint& checkpoint, const identity::SigningKey& engine);

//! Checks an attestation file: its signature, the checkpoint's, that they are one engine's
//! (and `pinned`'s, when given). InvalidInput when it is not an attestation at all.
Result<api::AttestationCheck> verifyAttestation(std::string_view file, const std::optional<identity::PublicKey>& pinned);

} // namespace cs::reputation
