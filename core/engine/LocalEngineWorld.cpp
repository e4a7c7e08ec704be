// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// LocalEngine's world: the countersign.world/1 file out and in, and single changes; each change
// one world.changed entry signed by a risk manager.
#include "core/engine/LocalEngine.h"

#include "core/audit/AuditLog.h"
#include "core/domain/StrictJson.h"
#include "core/storage/Database.h"
#include "core/store/Ledger.h"
#include "core/store/World.h"
#include "core/workspace/WorldFile.h"

#include <QJsonDocument>

namespace cs::engine {

using storage::Database;

Result<std::string> LocalEngine::exportWorld()
{
    std::lock_guard lock(m_readMutex);
    CS_TRY(transaction, storage::Transaction::beginRead(m_reader));
    CS_TRY(document, workspace::exportWorld(m_reader));
    return QJsonDocument(*document).toJson(QJsonDocument::Indented).toStdString();
}

Result<api::WorldView> LocalEngine::world()
{
    std::lock_guard lock(m_readMutex);
    CS_TRY(transaction, storage::Transaction::beginRead(m_reader));
    CS_TRY(rows, store::worldRows(m_reader));
    api::WorldView view;
    for (const store::AssetRow& asset : rows->assets)
        view.assets.push_back({asset.code, asset.name, asset.decimals});
    std::map<std::string, std::size_t> accountAt;
    for (const store::AccountRow& account : rows->accounts) {
        accountAt[account.id] = view.accounts.size();
        view.accounts.push_back({account.id, account.owner, account.kind, account.description, {}});
    }
    CS_TRY(balances, store::forEachBalance(m_reader, [&](const std::string& account, const std::string& asset,
                                                         const std::string& amount) -> Result<void> {
        if (const auto at = accountAt.find(account); at != accountAt.end())
            view.accounts[at->second].balances[asset] = amount;
        return {};
    }));
    for (const store::CounterpartyRow& counterparty : rows->counterparties) {
        api::WorldView::Counterparty shown{counterparty.id, counterparty.displayName, counterparty.kind, {}};
        for (const store::ListRow& list : rows->lists) {
            if (list.kind == "counterparties" && std::find(list.members.begin(), list.members.end(), counterparty.id) != list.members.end())
                shown.lists.push_back(list.id);
        }
        view.counterparties.push_back(std::move(shown));
    }
    for (const store::VenueRow& venue : rows->venues)
        view.venues.push_back({venue.id, venue.kind, venue.displayName});
    for (const store::PriceRow& price : rows->prices)
        view.prices.push_back({price.asset, price.quote, price.price, price.source, price.at});
    for (const store::ListRow& list : rows->lists)
        view.lists.push_back({list.id, list.kind, list.description, list.members});
    return view;
}

Result<std::int64_t> LocalEngine::changeWorld(const std::string& actor, std::string_view passphrase, const WorldChangeFn& change)
{
    CS_TRY(role, principalRole(actor));
    if (*role != "risk_manager")
        return fail(ErrorCode::NotAllowed, "'" + actor + "' is " + *role + "; only a risk manager may change the world");
    CS_TRY(engine, engineKeyReady());
    CS_TRY(key, principalKey(actor, passphrase));
    return m_writer->run([&](Database& db) -> Result<std::int64_t> {
        CS_TRY(transaction, storage::Transaction::begin(db));
        const Timestamp now = m_clock->now();
        CS_TRY(changed, change(db, now));
        if (!*changed)
            return std::int64_t{0}; // nothing new: nothing is written, not even an entry
        QJsonObject body = **changed;
        body.insert(QStringLiteral("schema"), QLatin1String(workspace::kWorldChangeSchema));
        CS_TRY(draft, audit::makeDraft(audit::types::kWorldChanged, actor, body, &*key));
        CS_TRY(origin, audit::readOrigin(db));
        CS_TRY(appended, audit::appendInTransaction(db, std::span(&*draft, 1), now, checkpointPolicy(*origin)));
        CS_TRY(committed, transaction->commit());
        CS_TRY(mirrored, mirrorCheckpoints(db, appended->checkpoints));
        return appended->entries.back().seq;
    });
}

Result<api::Engine::WorldImport> LocalEngine::importWorld(std::string_view document, const std::string& actor,
                                                          std::string_view passphrase)
{
    const Announcing announcing{*this};
    // Read without trust first: duplicate keys, invalid UTF-8 and the size limits are refused here.
    const JsonLimits limits{16u << 20, 4096, 10000, 8, 64};
    CS_TRY(checked, parseStrictJson(document, limits));
    const QJsonDocument parsed = QJsonDocument::fromJson(QByteArray(document.data(), static_cast<qsizetype>(document.size())));
    if (!parsed.isObject())
        return fail(ErrorCode::InvalidInput, "world: expected a JSON object");
    WorldImport result;
    CS_TRY(seq, changeWorld(actor, passphrase, [&](Database& db, Timestamp now) -> Result<std::optional<QJsonObject>> {
        CS_TRY(imported, workspace::importWorld(db, parsed.object(), now, workspace::WorldSource::File));
        result = {imported->addedItems, imported->unchangedItems, static_cast<int>(imported->balances.size()), 0};
        if (imported->addedItems == 0)
            return std::optional<QJsonObject>();
        return std::optional<QJsonObject>(QJsonObject{{QStringLiteral("change"), QStringLiteral("import")},
                                                      {QStringLiteral("added"), imported->added},
                                                      {QStringLiteral("balances"), imported->balances}});
    }));
    result.entrySeq = *seq;
    return result;
}

Result<std::int64_t> LocalEngine::setPrice(const PriceChange& price, const std::string& actor, std::string_view passphrase)
{
    const Announcing announcing{*this};
    return changeWorld(actor, passphrase, [&](Database& db, Timestamp now) -> Result<std::optional<QJsonObject>> {
        CS_TRY(item, workspace::setPrice(db, price.asset, price.quote, price.price, price.source, now));
        return std::optional<QJsonObject>(QJsonObject{{QStringLiteral("change"), QStringLiteral("price")},
                                                      {QStringLiteral("added"), QJsonObject{{QStringLiteral("prices"), QJsonArray{*item}}}},
                                                      {QStringLiteral("balances"), QJsonArray()}});
    });
}

Result<api::Engine::TextEdited> LocalEngine::editWorldText(const TextEdit& edit, const std::string& actor,
                                                           std::string_view passphrase)
{
    const Announcing announcing{*this};
    TextEdited result{edit.value, 0};
    CS_TRY(seq, changeWorld(actor, passphrase, [&](Database& db, Timestamp) -> Result<std::optional<QJsonObject>> {
        CS_TRY(edited, workspace::editText(db, edit.section, edit.id, edit.field, edit.value));
        if (!*edited)
            return std::optional<QJsonObject>();
        result.before = (*edited)->value(QStringLiteral("before")).toString().toStdString();
        return std::optional<QJsonObject>(QJsonObject{{QStringLiteral("change"), QStringLiteral("edit")},
                                                      {QStringLiteral("edited"), **edited},
                                                      {QStringLiteral("balances"), QJsonArray()}});
    }));
    result.entrySeq = *seq;
    return result;
}

} // namespace cs::engine
