// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Reports.h"
#include "core/api/Reputation.h"
#include "core/api/Snapshots.h"
#include "core/domain/Clock.h"
#include "core/domain/Result.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <QJsonObject>

// What needs no workspace: the engine's checks for a file on its own (countersign-cli's
// check-proposal, evaluate, policy check and diff, verify-proof), on the demo's catalogue of
// assets unless a workspace's are given. Implemented in core/engine/Tools.cpp.
namespace cs::api {

//! The canonical form of a proposal document read against `assets` (the demo's when empty);
//! InvalidInput naming the field and the reason otherwise.
Result<std::string> canonicalProposal(std::string_view document, const std::vector<AssetView>& assets = {});

//! A policy document parsed and checked statically; InvalidInput naming the field when it does not parse.
Result<PolicyCheck> checkPolicy(std::string_view document);

//! The rule-level differences from `before` to `after`, one sentence each (none when equal).
Result<std::vector<std::string>> diffPolicies(std::string_view before, std::string_view after);

struct Evaluation
{
    Effect effect = Effect::Deny;
    QJsonObject decision; //!< the decision as the log records it
};

/**
 * Decides `proposal` under `policy` at `now`, with the spends and prices of a
 * countersign.usage/1 document (the demo's prices and no spends without one). Errors start
 * with the document they are about: "policy: …", "proposal: …", "usage: …".
 */
Result<Evaluation> evaluate(std::string_view policy, std::string_view proposal, std::optional<std::string_view> usage,
                            Timestamp now);

struct ProofCheck
{
    bool valid = false;
    std::string reason; //!< why not, when not valid
    std::int64_t seq = 0;
    std::string type;
    std::int64_t checkpointSize = 0;
};

//! An inclusion proof checked with nothing but itself, and the engine key pinned as SPKI PEM
//! when given; InvalidInput when the proof or the key is malformed.
Result<ProofCheck> verifyInclusionProof(const QJsonObject& proof, std::optional<std::string_view> pinnedPem);

//! An evidence bundle (its files by relative name) checked with nothing but itself, and the
//! engine key pinned as SPKI PEM when given; InvalidInput when it is not a bundle at all.
//! A reputation attestation checked with nothing but itself, and the engine key pinned as SPKI
//! PEM when given; InvalidInput when it is not an attestation or the key is malformed.
Result<AttestationCheck> verifyAttestation(std::string_view file, std::optional<std::string_view> pinnedPem);

Result<EvidenceCheck> verifyEvidence(const std::map<std::string, std::string>& files, std::optional<std::string_view> pinnedPem);

//! Writes `bytes` to `path` durably (temporary file, fsync, rename, fsync of the directory).
Result<void> writeFileDurably(const std::filesystem::path& path, std::string_view bytes);

} // namespace cs::api
