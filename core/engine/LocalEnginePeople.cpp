// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// LocalEngine's people and agents: who they are, adding them, their keys and the kill switch.
// Every change is signed by who made it and recorded in the log in the transaction that makes it.
#include "core/engine/LocalEngine.h"

#include "core/approval/Approvals.h"
#include "core/audit/AuditLog.h"
#include "core/audit/LogReads.h"
#include "core/domain/Ids.h"
#include "core/identity/Registry.h"
#include "core/policy/Decide.h"
#include "core/store/World.h"
#include "core/storage/Database.h"
#include "core/store/Principals.h"
#include "core/workspace/Workspace.h"

namespace cs::engine {

using storage::Database;

namespace {

//! A new key's passphrase: the one given, or in a demo its public one. Never empty.
Result<std::string_view> newKeyPassphrase(std::string_view given, bool demo)
{
    if (given.empty() && demo)
        return std::string_view(workspace::kDemoPassphrase);
    if (given.empty())
        return fail(ErrorCode::InvalidInput, "a passphrase for the new key is required");
    return given;
}

} // namespace

Result<api::PrincipalView> principalView(const store::PrincipalRow& row, const std::map<std::string, Timestamp>& lastActive)
{
    const auto role = api::parseRole(row.role);
    const auto status = api::parsePrincipalStatus(row.status);
    if (!role || !status)
        return fail(ErrorCode::StorageFailed, "principal " + row.id + " has no valid role or status");
    api::PrincipalView view{row.id, row.displayName, *role, *status, row.description, {}, row.created, std::nullopt};
    if (row.publicKey.size() == 32) {
        identity::PublicKey key{};
        std::copy(row.publicKey.begin(), row.publicKey.end(), key.begin());
        view.fingerprint = identity::fingerprint(key);
    }
    if (const auto it = lastActive.find(row.id); it != lastActive.end())
        view.lastActive = it->second;
    return view;
}

Result<std::vector<api::PrincipalView>> LocalEngine::principals()
{
    std::lock_guard lock(m_readMutex);
    CS_TRY(transaction, storage::Transaction::beginRead(m_reader));
    CS_TRY(rows, store::principals(m_reader));
    CS_TRY(lastActive, audit::lastActivity(m_reader));
    std::vector<api::PrincipalView> views;
    for (const store::PrincipalRow& row : *rows) {
        CS_TRY(view, principalView(row, *lastActive));
        views.push_back(std::move(*view));
    }
    return views;
}

Result<api::PrincipalView> LocalEngine::principalNow(Database& db, const std::string& id)
{
    CS_TRY(row, store::findPrincipal(db, id));
    if (!*row)
        return fail(ErrorCode::NotFound, "no such principal '" + id + "'");
    CS_TRY(lastActive, audit::lastActivity(db));
    return principalView(**row, *lastActive);
}

Result<std::int64_t> LocalEngine::recordStatements(Database& db, std::span<const identity::SignedStatement> statements,
                                                   std::vector<audit::Checkpoint>& signedCheckpoints)
{
    CS_TRY(origin, audit::readOrigin(db));
    std::vector<audit::Draft> drafts;
    for (const identity::SignedStatement& statement : statements) {
        CS_TRY(draft, audit::draftOf(statement));
        drafts.push_back(std::move(*draft));
    }
    CS_TRY(appended, audit::appendInTransaction(db, drafts, m_clock->now(), checkpointPolicy(*origin)));
    signedCheckpoints.insert(signedCheckpoints.end(), appended->checkpoints.begin(), appended->checkpoints.end());
    return appended->entries.back().seq;
}

Result<void> LocalEngine::mirrorCheckpoints(Database& db, const std::vector<audit::Checkpoint>& signedCheckpoints)
{
    CS_TRY(origin, audit::readOrigin(db));
    // The rows are committed; a file that fails to mirror is written again with the next checkpoint.
    (void)audit::writeCheckpointFiles(signedCheckpoints, checkpointPolicy(*origin));
    return {};
}

Result<api::Engine::PrincipalChange> LocalEngine::addPrincipal(const NewPrincipal& principal, const std::string& actor,
                                                               std::string_view passphrase, std::string_view newPassphrase)
{
    const Announcing announcing{*this};
    if (!isValidIdentifier(principal.id))
        return fail(ErrorCode::InvalidInput, "id: '" + principal.id + "' is not a principal id (lowercase letters, digits, - and _)");
    if (principal.role == api::Role::Engine)
        return fail(ErrorCode::InvalidInput, "role: a workspace has one engine, its own");
    CS_TRY(role, principalRole(actor));
    if (*role != "risk_manager")
        return fail(ErrorCode::NotAllowed, "'" + actor + "' is " + *role + "; only a risk manager may add people and agents");
    CS_TRY(engine, engineKeyReady());
    CS_TRY(key, principalKey(actor, passphrase));
    const bool signs = principal.role != api::Role::Analyst;
    std::string_view sealWith;
    if (signs) {
        CS_TRY(chosen, newKeyPassphrase(newPassphrase, m_settings.demo));
        sealWith = *chosen;
    }
    const std::filesystem::path keyFile = identity::keyFilePath(m_dir / workspace::kKeysDir, principal.id);
    const identity::KdfCost cost = m_settings.demo ? identity::kDemoSealCost : identity::kSealCost;
    auto added = m_writer->run([&](Database& db) -> Result<PrincipalChange> {
        CS_TRY(transaction, storage::Transaction::begin(db));
        CS_TRY(statements, identity::addPrincipal(db, {principal.id, std::string(api::toString(principal.role)),
                                                       principal.displayName, principal.description},
                                                  keyFile, sealWith, cost, actor, *key, m_clock->now()));
        std::vector<audit::Checkpoint> signedCheckpoints;
        CS_TRY(seq, recordStatements(db, *statements, signedCheckpoints));
        CS_TRY(committed, transaction->commit());
        CS_TRY(mirrored, mirrorCheckpoints(db, signedCheckpoints));
        CS_TRY(view, principalNow(db, principal.id));
        return PrincipalChange{std::move(*view), *seq};
    });
    if (!added && signs) {
        // Nothing was committed: a key sealed for the new principal goes too, unless the id is
        // someone's already (whose key file this never touched).
        std::lock_guard lock(m_readMutex);
        if (auto existing = store::findPrincipal(m_reader, principal.id); existing && !*existing) {
            std::error_code ec;
            std::filesystem::remove(keyFile, ec);
        }
    }
    return added;
}

Result<api::Engine::PrincipalChange> LocalEngine::rotateKey(const std::string& principal, const std::string& actor,
                                                            std::string_view passphrase, std::string_view newPassphrase)
{
    const Announcing announcing{*this};
    if (!isValidIdentifier(principal))
        return fail(ErrorCode::InvalidInput, "the principal must be an identifier, not '" + principal + "'");
    CS_TRY(role, principalRole(actor));
    if (*role != "risk_manager" && actor != principal)
        return fail(ErrorCode::NotAllowed, "'" + actor + "' is " + *role
                                               + "; a key is rotated by its holder or a risk manager");
    CS_TRY(engine, engineKeyReady());
    CS_TRY(key, principalKey(actor, passphrase));
    CS_TRY(sealWith, newKeyPassphrase(newPassphrase, m_settings.demo));
    const std::filesystem::path keysDir = m_dir / workspace::kKeysDir;
    const identity::KdfCost cost = m_settings.demo ? identity::kDemoSealCost : identity::kSealCost;
    return m_writer->run([&](Database& db) -> Result<PrincipalChange> {
        CS_TRY(transaction, storage::Transaction::begin(db));
        CS_TRY(statement, identity::rotateKey(db, principal, identity::pendingKeyFilePath(keysDir, principal), *sealWith,
                                              cost, actor, *key));
        std::vector<audit::Checkpoint> signedCheckpoints;
        CS_TRY(seq, recordStatements(db, std::span(&*statement, 1), signedCheckpoints));
        auto committed = transaction->commit();
        CS_TRY(row, store::findPrincipal(db, principal));
        // Committed: the new key file takes the old one's place. Not committed: it is removed.
        identity::PublicKey registered{};
        if (*row && (*row)->publicKey.size() == registered.size())
            std::copy((*row)->publicKey.begin(), (*row)->publicKey.end(), registered.begin());
        CS_TRY(moved, identity::finishKeyRotation(keysDir, principal, registered));
        if (!committed)
            return Unexpected{committed.error()};
        CS_TRY(mirrored, mirrorCheckpoints(db, signedCheckpoints));
        CS_TRY(view, principalNow(db, principal));
        return PrincipalChange{std::move(*view), *seq};
    });
}

Result<api::Engine::StatusChange> LocalEngine::changePrincipalStatus(const std::string& principal, api::PrincipalStatus status,
                                                                    const std::string& actor, std::string_view reason,
                                                                    std::string_view passphrase)
{
    const Announcing announcing{*this};
    CS_TRY(to, identity::parseKeyStatus(api::toString(status)));
    if (!isValidIdentifier(principal))
        return fail(ErrorCode::InvalidInput, "the principal must be an identifier, not '" + principal + "'");
    CS_TRY(roles, principalRole(actor));
    if (*roles != "risk_manager")
        return fail(ErrorCode::NotAllowed, "'" + actor + "' is " + *roles + "; only a risk manager may change a principal's status");
    CS_TRY(engine, engineKeyReady());
    CS_TRY(key, principalKey(actor, passphrase));
    return m_writer->run([&](Database& db) -> Result<StatusChange> {
        CS_TRY(transaction, storage::Transaction::begin(db));
        CS_TRY(origin, audit::readOrigin(db));
        const audit::CheckpointPolicy checkpoints = checkpointPolicy(*origin);
        CS_TRY(row, store::findPrincipal(db, principal));
        if (!*row)
            return fail(ErrorCode::NotFound, "no such principal '" + principal + "'");
        const std::string role = (*row)->role;
        const auto from = api::parsePrincipalStatus((*row)->status);
        if (!from)
            return fail(ErrorCode::StorageFailed, "principal " + principal + " has no valid status");
        StatusChange change{principal, *from, status, 0, 0};
        CS_TRY(statement, identity::changeStatus(db, principal, *to, actor, *key, reason));
        std::vector<audit::Checkpoint> signedCheckpoints;
        CS_TRY(seq, recordStatements(db, std::span(&*statement, 1), signedCheckpoints));
        change.entrySeq = *seq;
        if (role == "agent" && *to != identity::KeyStatus::Active) {
            CS_TRY(cancelled, approval::cancelPendingOf(db, principal, "agent " + principal + " was " + std::string(api::toString(status)) + " by " + actor
                                                                      + ": " + std::string(reason),
                                                        m_clock->now(), checkpoints));
            change.cancelledRequests = cancelled->requests;
            signedCheckpoints.insert(signedCheckpoints.end(), cancelled->checkpoints.begin(), cancelled->checkpoints.end());
        }
        CS_TRY(committed, transaction->commit());
        CS_TRY(mirrored, mirrorCheckpoints(db, signedCheckpoints));
        return change;
    });
}

} // namespace cs::engine
