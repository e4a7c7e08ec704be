// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/policy/Publish.h"

#include "core/domain/StrictJson.h"
#include "core/policy/Checks.h"
#include "core/storage/Database.h"
#include "core/store/Policies.h"
#include "core/store/Principals.h"

#include <QJsonObject>

namespace cs::policy {

Result<audit::Draft> publicationDraft(const Policy& policy, const std::string& signer, const identity::SigningKey& key,
                                      bool shadow)
{
    QJsonObject body{{QStringLiteral("schema"), QStringLiteral("countersign.policy-version/1")},
                     {QStringLiteral("version"), QString::fromStdString(policy.version)},
                     {QStringLiteral("name"), QString::fromStdString(policy.name)},
                     {QStringLiteral("rules"), static_cast<qint64>(policy.rules.size())},
                     {QStringLiteral("document"), QString::fromStdString(policy.canonical)}};
    if (shadow)
        body.insert(QStringLiteral("mode"), QStringLiteral("shadow")); // absent: active, as every version before shadows
    return audit::makeDraft(audit::types::kPolicyPublished, signer, body, &key);
}

Result<void> recordPublication(storage::Database& db, const Policy& policy, const std::string& signer,
                               std::int64_t entrySeq, Timestamp now)
{
    return store::insertPolicy(db, {policy.version, policy.name, policy.canonical, signer, entrySeq, now});
}

Result<Published> publishPolicy(storage::Database& db, const Policy& policy, const std::string& signer,
                                const identity::SigningKey& key, Timestamp now, const audit::CheckpointPolicy& checkpoints,
                                bool shadow)
{
    for (const Finding& finding : checkPolicy(policy)) {
        if (finding.error)
            return fail(ErrorCode::InvalidInput, "the policy cannot be published: " + finding.message);
    }
    CS_TRY(transaction, storage::Transaction::begin(db));
    CS_TRY(who, store::findPrincipal(db, signer));
    if (!*who)
        return fail(ErrorCode::InvalidInput, "'" + signer + "' is not a principal of this workspace");
    const std::string& role = (*who)->role;
    const std::string& status = (*who)->status;
    if (role != "risk_manager")
        return fail(ErrorCode::NotAllowed, "only a risk manager may publish a policy; '" + signer + "' is " + role);
    if (status != "active")
        return fail(ErrorCode::NotAllowed, "the key of '" + signer + "' is " + status);
    CS_TRY(mode, store::policyMode(db, policy.version));
    // A version is published once; a shadow once more, when it is promoted to decide.
    const bool promoting = *mode == std::optional<std::string>("shadow") && !shadow;
    if (*mode && !promoting)
        return fail(ErrorCode::AlreadyExists, "version " + policy.version + " is already published" + (**mode == "shadow" ? " as the shadow" : ""));
    CS_TRY(draft, publicationDraft(policy, signer, key, shadow));
    CS_TRY(appended, audit::appendInTransaction(db, std::span(&*draft, 1), now, checkpoints));
    const std::int64_t seq = appended->entries.front().seq;
    if (promoting) {
        CS_TRY(promoted, store::promotePolicy(db, policy.version, seq, now));
    } else {
        CS_TRY(recorded, store::insertPolicy(db, {policy.version, policy.name, policy.canonical, signer, seq, now,
                                                  shadow ? "shadow" : "active"}));
    }
    CS_TRY(committed, transaction->commit());
    (void)audit::writeCheckpointFiles(appended->checkpoints, checkpoints);
    return Published{policy.version, policy.name, policy.canonical, signer, seq, now, shadow};
}

} // namespace cs::policy
