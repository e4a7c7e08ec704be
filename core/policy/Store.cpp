// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/policy/Store.h"

#include "core/domain/StrictJson.h"
#include "core/policy/Checks.h"
#include "core/storage/Database.h"

#include <QJsonObject>

namespace cs::policy {

Result<audit::Draft> publicationDraft(const Policy& policy, const std::string& signer, const identity::SigningKey& key)
{
    const QJsonObject body{{QStringLiteral("schema"), QStringLiteral("countersign.policy-version/1")},
                           {QStringLiteral("version"), QString::fromStdString(policy.version)},
                           {QStringLiteral("name"), QString::fromStdString(policy.name)},
                           {QStringLiteral("rules"), static_cast<qint64>(policy.rules.size())},
                           {QStringLiteral("document"), QString::fromStdString(policy.canonical)}};
    return audit::makeDraft(audit::types::kPolicyPublished, signer, body, &key);
}

Result<void> recordPublication(storage::Database& db, const Policy& policy, const std::string& signer,
                               std::int64_t entrySeq, Timestamp now)
{
    CS_TRY(insert, db.cached("INSERT INTO policies(version, name, document, signer, entry_seq, published_ms) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    return (*insert)->bind(1, policy.version).bind(2, policy.name).bind(3, policy.canonical).bind(4, signer)
        .bind(5, entrySeq).bind(6, now.msSinceEpoch).run();
}

Result<Published> publishPolicy(storage::Database& db, const Policy& policy, const std::string& signer,
                                const identity::SigningKey& key, Timestamp now, const audit::CheckpointPolicy& checkpoints)
{
    for (const Finding& finding : checkPolicy(policy)) {
        if (finding.error)
            return fail(ErrorCode::InvalidInput, "the policy cannot be published: " + finding.message);
    }
    CS_TRY(transaction, storage::Transaction::begin(db));
    CS_TRY(who, db.cached("SELECT role, status FROM principals WHERE id = ?1"));
    (*who)->bind(1, signer);
    CS_TRY(found, (*who)->step());
    if (!*found)
        return fail(ErrorCode::InvalidInput, "'" + signer + "' is not a principal of this workspace");
    const std::string role = (*who)->textAt(0);
    const std::string status = (*who)->textAt(1);
    (*who)->reset();
    if (role != "risk_manager")
        return fail(ErrorCode::NotAllowed, "only a risk manager may publish a policy; '" + signer + "' is " + role);
    if (status != "active")
        return fail(ErrorCode::NotAllowed, "the key of '" + signer + "' is " + status);
    CS_TRY(existing, db.cached("SELECT count(*) FROM policies WHERE version = ?1"));
    (*existing)->bind(1, policy.version);
    CS_TRY(row, (*existing)->step());
    const bool published = *row && (*existing)->int64At(0) > 0;
    (*existing)->reset();
    if (published)
        return fail(ErrorCode::AlreadyExists, "version " + policy.version + " is already published");
    CS_TRY(draft, publicationDraft(policy, signer, key));
    CS_TRY(appended, audit::appendInTransaction(db, std::span(&*draft, 1), now, checkpoints));
    const std::int64_t seq = appended->entries.front().seq;
    CS_TRY(recorded, recordPublication(db, policy, signer, seq, now));
    CS_TRY(committed, transaction->commit());
    (void)audit::writeCheckpointFiles(appended->checkpoints, checkpoints);
    return Published{policy.version, policy.name, policy.canonical, signer, seq, now};
}

Result<void> settleSpend(storage::Database& db, const std::string& intent, std::string_view state, Timestamp now)
{
    if (state != "committed" && state != "released")
        return fail(ErrorCode::InvalidInput, "a reserved spend becomes committed or released, not " + std::string(state));
    CS_TRY(update, db.cached("UPDATE decisions SET spend = ?2, updated_ms = ?3 WHERE intent = ?1 AND spend = 'reserved'"));
    CS_TRY(updated, (*update)->bind(1, intent).bind(2, state).bind(3, now.msSinceEpoch).run());
    if (db.changes() != 1)
        return fail(ErrorCode::NotFound, "the decision of " + intent + " holds no reserved spend");
    return {};
}

Result<std::optional<Published>> activePolicy(storage::Database& db)
{
    CS_TRY(query, db.cached("SELECT version, name, document, signer, entry_seq, published_ms FROM policies "
                            "ORDER BY entry_seq DESC LIMIT 1"));
    CS_TRY(row, (*query)->step());
    if (!*row)
        return std::optional<Published>();
    Published published{(*query)->textAt(0), (*query)->textAt(1), (*query)->textAt(2), (*query)->textAt(3),
                        (*query)->int64At(4), Timestamp{(*query)->int64At(5)}};
    (*query)->reset();
    return std::optional<Published>(std::move(published));
}

Result<Policy> loadActivePolicy(storage::Database& db, const simulation::WorldState& world)
{
    CS_TRY(published, activePolicy(db));
    if (!*published) {
        Policy none;
        none.name = "no published policy";
        return none;
    }
    std::vector<Asset> known;
    for (const auto& [code, asset] : world.assets)
        known.push_back(asset);
    auto parsed = parsePolicy((*published)->document, AssetCatalog(std::move(known)));
    if (!parsed)
        return fail(ErrorCode::StorageFailed,
                    "published policy " + (*published)->version + " does not parse: " + parsed.error().message);
    return parsed;
}

Result<Context> loadContext(storage::Database& db, const simulation::WorldState& world, const Asset& reference)
{
    Context context;
    CS_TRY(refreshed, refreshContext(db, world, reference, context, 0));
    return context;
}

Result<void> refreshContext(storage::Database& db, const simulation::WorldState& world, const Asset& reference,
                            Context& context, std::int64_t paidAfterRowid)
{
    context.prices.clear();
    for (const auto& [key, price] : world.prices) {
        if (key.second != reference.code)
            continue;
        if (auto money = Money::parse(price, reference))
            context.prices.emplace(key.first, *money);
    }
    context.roles.clear();
    CS_TRY(roles, storage::forEachRow(db, "SELECT id, role FROM principals", [&](storage::Statement& row) -> Result<void> {
        context.roles.emplace(row.textAt(0), row.textAt(1));
        return {};
    }));
    CS_TRY(paid, db.cached("SELECT DISTINCT to_id FROM decisions WHERE rowid > ?1 AND spend = 'committed' "
                           "AND to_id IS NOT NULL"));
    (*paid)->bind(1, paidAfterRowid);
    const auto read = [&]() -> Result<void> {
        for (;;) {
            CS_TRY(row, (*paid)->step());
            if (!*row)
                return {};
            context.settledTo.insert((*paid)->textAt(0));
        }
    }();
    (*paid)->reset();
    return read;
}

Result<void> loadSpends(storage::Database& db, SpendWindows& windows, const Context& context,
                        const simulation::WorldState& world, Timestamp from, std::int64_t afterRowid, std::string_view except)
{
    CS_TRY(query, db.cached("SELECT intent, agent, action, asset, amount, to_id, venue, at_ms, first_time FROM decisions "
                            "WHERE rowid > ?1 AND at_ms >= ?2 AND spend IN ('reserved', 'committed') ORDER BY at_ms"));
    (*query)->bind(1, afterRowid).bind(2, from.msSinceEpoch);
    const auto result = [&]() -> Result<void> {
        for (;;) {
            CS_TRY(row, (*query)->step());
            if (!*row)
                return {};
            storage::Statement& spend = **query;
            if (spend.textAt(0) == except)
                continue;
            const auto asset = world.assets.find(spend.textAt(3));
            auto amount = asset == world.assets.end() ? Result<Money>(fail(ErrorCode::StorageFailed, "unknown asset"))
                                                      : Money::parse(spend.textAt(4), asset->second);
            if (!amount)
                return fail(ErrorCode::StorageFailed, "spend of " + spend.textAt(0) + " is corrupt");
            Spend counted{spend.textAt(0), spend.textAt(1), parseActionType(spend.textAt(2)).value_or(ActionType::Transfer),
                          *amount, std::nullopt, std::nullopt, Timestamp{spend.int64At(7)}, spend.int64At(8) != 0};
            if (!spend.isNullAt(5))
                counted.to = spend.textAt(5);
            if (!spend.isNullAt(6))
                counted.venue = spend.textAt(6);
            // A spend the policy cannot value (no price) counts in no window.
            (void)windows.add(counted, context);
        }
    }();
    (*query)->reset();
    return result;
}

} // namespace cs::policy
