// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's checks of a file on its own (core/api/Tools.h).
#include "core/api/Tools.h"

#include "core/audit/Evidence.h"
#include "core/audit/Proofs.h"
#include "core/engine/LocalEngine.h"
#include "core/domain/Encoding.h"
#include "core/identity/Crypto.h"
#include "core/model/ProposalParser.h"
#include "core/policy/Checks.h"
#include "core/policy/Diff.h"
#include "core/policy/EvaluationInput.h"
#include "core/policy/Evaluator.h"
#include "core/reputation/Attestation.h"
#include "core/storage/Files.h"
#include "core/workspace/DemoSeed.h"

#include <QJsonDocument>

#include <algorithm>

namespace cs::api {

namespace {

AssetCatalog catalogOf(const std::vector<AssetView>& assets)
{
    if (assets.empty())
        return workspace::demoAssets();
    std::vector<Asset> known;
    for (const AssetView& asset : assets) {
        if (auto made = Asset::make(asset.code, asset.decimals))
            known.push_back(*made);
    }
    return AssetCatalog(std::move(known));
}

Result<policy::Policy> readPolicy(std::string_view document)
{
    return policy::parsePolicy(document, workspace::demoAssets());
}

Unexpected about(const char* what, const Error& error)
{
    return fail(error.code, std::string(what) + ": " + error.message);
}

} // namespace

bool PolicyCheck::valid() const
{
    return problem.empty()
           && std::none_of(findings.begin(), findings.end(), [](const PolicyFinding& finding) { return finding.error; });
}

Result<std::string> canonicalProposal(std::string_view document, const std::vector<AssetView>& assets)
{
    CS_TRY(proposal, model::parseProposal(document, catalogOf(assets)));
    return cs::canonicalProposal(*proposal);
}

Result<PolicyCheck> checkPolicy(std::string_view document)
{
    CS_TRY(parsed, readPolicy(document));
    return engine::policyCheckOf(*parsed);
}

Result<std::vector<std::string>> diffPolicies(std::string_view before, std::string_view after)
{
    CS_TRY(from, readPolicy(before));
    CS_TRY(to, readPolicy(after));
    return policy::diffPolicies(*from, *to);
}

Result<Evaluation> evaluate(std::string_view policyDocument, std::string_view proposalDocument,
                            std::optional<std::string_view> usage, Timestamp now)
{
    auto parsed = readPolicy(policyDocument);
    if (!parsed)
        return about("policy", parsed.error());
    const AssetCatalog catalog = workspace::demoAssets();
    auto proposal = model::parseProposal(proposalDocument, catalog);
    if (!proposal)
        return about("proposal", proposal.error());
    policy::EvaluationInput input;
    input.context.now = now;
    input.context.prices = workspace::demoPrices();
    if (usage) {
        auto read = policy::parseEvaluationInput(*usage, catalog, now, workspace::demoPrices());
        if (!read)
            return about("usage", read.error());
        input = std::move(*read);
    }
    const policy::Evaluator evaluator(std::move(*parsed));
    policy::SpendWindows windows(evaluator);
    for (const policy::Spend& spend : input.spends) {
        if (auto added = windows.add(spend, input.context); !added)
            return about("usage", added.error());
    }
    policy::Request request = policy::requestOf(*proposal);
    if (evaluator.usesReputation()) {
        const auto standing = input.reputation.find(proposal->agent);
        request.reputation = standing == input.reputation.end() ? policy::Standing{} : standing->second;
    }
    const policy::Decision decision = evaluator.decide(request, input.context, windows);
    const std::string canonical = cs::canonicalProposal(*proposal);
    const std::string body = decision.toJson(*proposal, toHex(identity::sha256(canonical))).json();
    return Evaluation{engine::effectOf(decision.effect), QJsonDocument::fromJson(QByteArray::fromStdString(body)).object()};
}

namespace {

//! The engine key a check is pinned to (--key), when one is given.
Result<std::optional<identity::PublicKey>> pinnedKey(std::optional<std::string_view> pinnedPem)
{
    if (!pinnedPem)
        return std::optional<identity::PublicKey>();
    auto key = identity::publicKeyFromPem(*pinnedPem);
    if (!key)
        return fail(key.error().code, "--key: " + key.error().message);
    return std::optional<identity::PublicKey>(*key);
}

} // namespace

Result<ProofCheck> verifyInclusionProof(const QJsonObject& proof, std::optional<std::string_view> pinnedPem)
{
    CS_TRY(pinned, pinnedKey(pinnedPem));
    CS_TRY(check, audit::verifyInclusionProof(proof, *pinned));
    return ProofCheck{check->valid, check->reason, check->seq, check->type, static_cast<std::int64_t>(check->checkpointSize)};
}

Result<EvidenceCheck> verifyEvidence(const std::map<std::string, std::string>& files, std::optional<std::string_view> pinnedPem)
{
    CS_TRY(pinned, pinnedKey(pinnedPem));
    CS_TRY(check, audit::verifyEvidence(files, *pinned));
    return EvidenceCheck{check->valid,   check->file,       check->reason, check->intent,
                         check->entries, check->signatures, static_cast<std::int64_t>(check->checkpointSize)};
}

Result<AttestationCheck> verifyAttestation(std::string_view file, std::optional<std::string_view> pinnedPem)
{
    CS_TRY(pinned, pinnedKey(pinnedPem));
    return reputation::verifyAttestation(file, *pinned);
}

Result<void> writeFileDurably(const std::filesystem::path& path, std::string_view bytes)
{
    return storage::writeFileDurably(path, bytes);
}

} // namespace cs::api

namespace cs::engine {

api::PolicyCheck policyCheckOf(const policy::Policy& policy)
{
    api::PolicyCheck check;
    check.name = policy.name;
    check.version = policy.version;
    check.rules = static_cast<int>(policy.rules.size());
    for (policy::Finding& finding : policy::checkPolicy(policy))
        check.findings.push_back({finding.error, std::move(finding.kind), std::move(finding.rule), std::move(finding.message)});
    return check;
}

} // namespace cs::engine
