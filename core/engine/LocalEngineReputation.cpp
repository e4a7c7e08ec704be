// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// LocalEngine: agents' reputation from the log, its signed attestations, and the workspace's health.
#include "core/engine/LocalEngine.h"

#include "core/audit/LogReads.h"
#include "core/health/Doctor.h"
#include "core/reputation/Attestation.h"
#include "core/reputation/Reputation.h"
#include "core/store/Principals.h"

#include <algorithm>

namespace cs::engine {

namespace {

//! `report` with every agent principal in it: one with no outcome yet at 50, as a newcomer.
void withEveryAgent(api::ReputationReport& report, const std::vector<store::PrincipalRow>& principals)
{
    for (const store::PrincipalRow& principal : principals) {
        if (principal.role != "agent")
            continue;
        const bool known = std::any_of(report.agents.begin(), report.agents.end(),
                                       [&](const api::AgentReputation& agent) { return agent.agent == principal.id; });
        if (!known) {
            api::AgentReputation newcomer;
            newcomer.agent = principal.id;
            newcomer.tier = reputation::tierOf(newcomer.score);
            report.agents.push_back(std::move(newcomer));
        }
    }
    reputation::sortBestFirst(report.agents);
}

} // namespace

Result<api::ReputationReport> LocalEngine::reputation()
{
    std::lock_guard lock(m_readMutex);
    return observed([this]() -> Result<api::ReputationReport> {
        CS_TRY(transaction, storage::Transaction::beginRead(m_reader)); // the log and the principals of one moment
        CS_TRY(report, reputation::computeReputation(m_reader));
        CS_TRY(principals, store::principals(m_reader));
        withEveryAgent(*report, *principals);
        return report;
    }());
}

Result<std::string> LocalEngine::attestReputation(const std::string& agent)
{
    CS_TRY(ready, engineKeyReady());
    std::lock_guard lock(m_readMutex);
    return observed([&]() -> Result<std::string> {
        CS_TRY(transaction, storage::Transaction::beginRead(m_reader));
        CS_TRY(principal, store::findPrincipal(m_reader, agent));
        if (!*principal || (*principal)->role != "agent")
            return fail(ErrorCode::NotFound, "no agent " + agent);
        if ((*principal)->publicKey.empty())
            return fail(ErrorCode::NotFound, "agent " + agent + " has no key yet: it cannot be attested");
        CS_TRY(checkpoints, audit::readCheckpoints(m_reader));
        if (checkpoints->empty())
            return fail(ErrorCode::NotFound, "the log has no signed checkpoint yet to attest against");
        const audit::Checkpoint& checkpoint = checkpoints->back();
        CS_TRY(report, reputation::computeReputation(m_reader, static_cast<std::int64_t>(checkpoint.size)));
        CS_TRY(principals, store::principals(m_reader));
        withEveryAgent(*report, *principals);
        const auto found = std::find_if(report->agents.begin(), report->agents.end(),
                                        [&](const api::AgentReputation& of) { return of.agent == agent; });
        return reputation::attestationFile(*found, (*principal)->publicKey, checkpoint, *m_engineSigner);
    }());
}

Result<api::HealthReport> LocalEngine::health()
{
    std::lock_guard lock(m_readMutex);
    return observed([this]() -> Result<api::HealthReport> {
        CS_TRY(transaction, storage::Transaction::beginRead(m_reader));
        CS_TRY(principals, store::principals(m_reader));
        std::vector<health::Agent> agents;
        for (const store::PrincipalRow& principal : *principals) {
            if (principal.role == "agent")
                agents.push_back({principal.id, !principal.publicKey.empty()});
        }
        CS_TRY(checkpoints, audit::readCheckpoints(m_reader));
        return health::checkHealth(m_reader, agents, static_cast<std::int64_t>(checkpoints->size()));
    }());
}

} // namespace cs::engine
