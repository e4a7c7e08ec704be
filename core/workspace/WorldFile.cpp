// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workspace/WorldFile.h"

#include "core/domain/CanonicalJson.h"
#include "core/domain/Ids.h"
#include "core/domain/Money.h"
#include "core/storage/Database.h"
#include "core/storage/Migrations.h"
#include "core/store/Ledger.h"
#include "core/store/Principals.h"
#include "core/store/World.h"

#include <algorithm>
#include <map>

namespace cs::workspace {

namespace {

using storage::Database;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

// One builder per kind of item, for the export and for what an import compares with it: the
// item without the amounts it opens.
QJsonObject assetItem(const std::string& code, const std::string& name, int decimals)
{
    return {{QStringLiteral("code"), qs(code)}, {QStringLiteral("name"), qs(name)}, {QStringLiteral("decimals"), decimals}};
}
QJsonObject accountItem(const std::string& id, const std::string& owner, const std::string& kind, const std::string& description)
{
    QJsonObject item{{QStringLiteral("id"), qs(id)}, {QStringLiteral("kind"), qs(kind)}, {QStringLiteral("description"), qs(description)}};
    if (!owner.empty())
        item.insert(QStringLiteral("owner"), qs(owner));
    return item;
}
QJsonObject venueItem(const std::string& id, const std::string& kind, const std::string& name)
{
    return {{QStringLiteral("id"), qs(id)}, {QStringLiteral("kind"), qs(kind)}, {QStringLiteral("name"), qs(name)}};
}
QJsonObject poolItem(const simulation::Pool& pool)
{
    return {{QStringLiteral("id"), qs(pool.id)},         {QStringLiteral("venue"), qs(pool.venue)},
            {QStringLiteral("account"), qs(pool.account)}, {QStringLiteral("asset_a"), qs(pool.assetA)},
            {QStringLiteral("asset_b"), qs(pool.assetB)},  {QStringLiteral("fee_bps"), pool.feeBps}};
}
QJsonObject lendingItem(const store::LendingMarketRow& market)
{
    return {{QStringLiteral("venue"), qs(market.venue)},
            {QStringLiteral("asset"), qs(market.asset)},
            {QStringLiteral("account"), qs(market.account)},
            {QStringLiteral("supply_apr_bps"), static_cast<qint64>(market.supplyAprBps)}};
}
QJsonObject counterpartyItem(const std::string& id, const std::string& name, const std::string& kind)
{
    return {{QStringLiteral("id"), qs(id)}, {QStringLiteral("name"), qs(name)}, {QStringLiteral("kind"), qs(kind)}};
}
QJsonObject listItem(const store::ListRow& list)
{
    std::vector<std::string> members = list.members;
    std::sort(members.begin(), members.end());
    QJsonArray array;
    for (const std::string& member : members)
        array.append(qs(member));
    return {{QStringLiteral("id"), qs(list.id)},
            {QStringLiteral("kind"), qs(list.kind)},
            {QStringLiteral("description"), qs(list.description)},
            {QStringLiteral("members"), array}};
}
QJsonObject priceItem(const std::string& asset, const std::string& quote, const std::string& price, const std::string& source)
{
    return {{QStringLiteral("asset"), qs(asset)}, {QStringLiteral("quote"), qs(quote)}, {QStringLiteral("price"), qs(price)},
            {QStringLiteral("source"), qs(source)}};
}

//! What identifies an item within its section.
std::string keyOf(const std::string& section, const QJsonObject& item)
{
    const auto text = [&](const char* key) { return item.value(QLatin1String(key)).toString().toStdString(); };
    if (section == "assets")
        return text("code");
    if (section == "lending")
        return text("venue") + "/" + text("asset");
    if (section == "prices")
        return text("asset") + "/" + text("quote");
    return text("id");
}

//! Reads typed fields of one JSON object and names "path.field" in every error.
class Fields
{
public:
    Fields(const QJsonObject& object, std::string path) : m_object(object), m_path(std::move(path)) {}

    //! Refuses any member not in `allowed`: a misspelt field is an error, never ignored.
    Result<void> only(std::initializer_list<const char*> allowed) const
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            const std::string key = it.key().toStdString();
            if (std::none_of(allowed.begin(), allowed.end(), [&](const char* name) { return key == name; }))
                return fail(ErrorCode::InvalidInput, m_path + "." + key + ": unknown field");
        }
        return {};
    }
    Result<std::string> text(const char* key) const
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (!value.isString())
            return fail(ErrorCode::InvalidInput, where(key) + ": expected a string");
        if (value.toString().size() > 2000)
            return fail(ErrorCode::InvalidInput, where(key) + ": longer than 2000 characters");
        return value.toString().toStdString();
    }
    Result<std::string> optionalText(const char* key) const
    {
        if (!m_object.contains(QLatin1String(key)))
            return std::string();
        return text(key);
    }
    Result<std::string> identifier(const char* key) const
    {
        auto value = text(key);
        if (value && !isValidIdentifier(*value))
            return fail(ErrorCode::InvalidInput, where(key) + ": must match [a-z0-9][a-z0-9._:-]{0,63}");
        return value;
    }
    Result<int> integer(const char* key) const
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (!value.isDouble() || value.toDouble() != value.toInt())
            return fail(ErrorCode::InvalidInput, where(key) + ": expected an integer");
        return value.toInt();
    }
    Result<QJsonArray> array(const char* key) const
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (!value.isArray())
            return fail(ErrorCode::InvalidInput, where(key) + ": expected an array");
        return value.toArray();
    }
    Result<QJsonObject> object(const char* key) const
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (!value.isObject())
            return fail(ErrorCode::InvalidInput, where(key) + ": expected an object");
        return value.toObject();
    }
    bool has(const char* key) const { return m_object.contains(QLatin1String(key)); }
    QJsonValue value(const char* key) const { return m_object.value(QLatin1String(key)); }
    std::string where(const char* key) const { return m_path + "." + key; }
    const std::string& path() const { return m_path; }

private:
    QJsonObject m_object;
    std::string m_path;
};

class Importer
{
public:
    Importer(Database& db, Timestamp now, WorldSource source) : m_db(db), m_nowMs(now.msSinceEpoch), m_source(source) {}

    Result<ImportedWorld> run(const QJsonObject& root)
    {
        const Fields top(root, "world");
        const bool demo = m_source == WorldSource::Demo;
        if (demo) {
            CS_TRY(schema, top.text("schema"));
            if (*schema != "countersign.demo-world/1")
                return fail(ErrorCode::InvalidInput, "world.schema: expected countersign.demo-world/1");
            CS_TRY(name, top.text("name"));
            CS_TRY(meta, storage::writeMeta(m_db, "demo_world", *name));
        } else {
            CS_TRY(known, top.only({"format", "assets", "accounts", "venues", "pools", "lending", "counterparties", "lists",
                                    "prices"}));
            CS_TRY(format, top.text("format"));
            if (*format != kWorldFormat)
                return fail(ErrorCode::InvalidInput, "world.format: expected " + std::string(kWorldFormat));
            CS_TRY(current, exportWorld(m_db));
            for (auto section = current->begin(); section != current->end(); ++section) {
                for (const QJsonValue& item : section.value().toArray())
                    m_existing[section.key().toStdString()][keyOf(section.key().toStdString(), item.toObject())] = withoutAmounts(item.toObject());
            }
        }
        CS_TRY(catalog, store::assets(m_db));
        for (const store::AssetRow& asset : *catalog)
            m_assets.emplace(asset.code, Asset{asset.code, asset.decimals});
        // In dependency order: foreign keys are checked as rows go in.
        const Section sections[] = {
            {"assets", &Importer::asset},       {"principals", &Importer::principal}, {"accounts", &Importer::account},
            {"venues", &Importer::venue},       {"pools", &Importer::pool},           {"lending", &Importer::lending},
            {"counterparties", &Importer::counterparty}, {"lists", &Importer::list},  {"prices", &Importer::price},
        };
        for (const auto& section : sections) {
            const bool isPeople = std::string_view(section.key) == "principals";
            if (isPeople != demo && isPeople)
                continue; // people come through `principal add`, never in a world file
            if (!demo && !top.has(section.key))
                continue;
            CS_TRY(items, top.array(section.key));
            if (items->size() > 10000)
                return fail(ErrorCode::InvalidInput, top.where(section.key) + ": more than 10000 items");
            m_section = section.key;
            for (qsizetype i = 0; i < items->size(); ++i) {
                const std::string path = std::string("world.") + section.key + "[" + std::to_string(i) + "]";
                if (!items->at(i).isObject())
                    return fail(ErrorCode::InvalidInput, path + ": expected an object");
                auto done = (this->*section.insertOne)(Fields(items->at(i).toObject(), path));
                if (!done && done.error().message.rfind("world.", 0) != 0)
                    return fail(done.error().code, path + ": " + done.error().message);
                if (!done)
                    return Unexpected{done.error()};
            }
        }
        return std::move(m_imported);
    }

private:
    struct Section
    {
        const char* key;
        Result<void> (Importer::*insertOne)(const Fields&);
    };

    static QJsonObject withoutAmounts(QJsonObject item)
    {
        for (const char* key : {"balances", "reserves", "liquidity"})
            item.remove(QLatin1String(key));
        return item;
    }

    /**
     * Whether `item` (as exported, amounts included) is new and is to be written: an item of a
     * file whose key exists already is skipped when it is the same, and refused when it is not.
     */
    Result<bool> isNew(const QJsonObject& item, const std::string& path)
    {
        if (m_source == WorldSource::Demo)
            return true;
        const auto section = m_existing.find(m_section);
        const std::string key = keyOf(m_section, item);
        if (section != m_existing.end()) {
            if (const auto stored = section->second.find(key); stored != section->second.end()) {
                if (canonicalJson(stored->second).value() != canonicalJson(withoutAmounts(item)).value())
                    return fail(ErrorCode::InvalidInput, path + ": " + key + " exists already with other values; an import "
                                                                        "only adds, it does not change what is there");
                ++m_imported.unchangedItems;
                return false;
            }
        }
        QJsonArray added = m_imported.added.value(QLatin1String(m_section)).toArray();
        added.append(item);
        m_imported.added.insert(QLatin1String(m_section), added);
        ++m_imported.addedItems;
        m_existing[m_section][key] = withoutAmounts(item); // a second one in the same file is refused
        return true;
    }

    Result<void> asset(const Fields& f)
    {
        CS_TRY(known, f.only({"code", "name", "decimals"}));
        CS_TRY(code, f.text("code"));
        CS_TRY(name, f.text("name"));
        CS_TRY(decimals, f.integer("decimals"));
        CS_TRY(made, Asset::make(*code, *decimals));
        CS_TRY(fresh, isNew(assetItem(*code, *name, *decimals), f.path()));
        if (!*fresh)
            return {};
        m_assets.emplace(*code, *made);
        return store::insertAsset(m_db, {*code, *name, *decimals});
    }

    Result<void> principal(const Fields& f)
    {
        CS_TRY(id, f.identifier("id"));
        CS_TRY(name, f.text("name"));
        CS_TRY(role, f.text("role"));
        CS_TRY(description, f.optionalText("description"));
        // public_key stays NULL: sealed keys come from core/identity, never from seed data.
        return store::insertPrincipal(m_db, {*id, *name, *role, "active", *description, {}, Timestamp{m_nowMs}});
    }

    //! One amount of `account` in `assetCode`, parsed exactly with the asset's decimals.
    Result<Money> amount(const std::string& assetCode, const QJsonValue& value, const std::string& path)
    {
        const auto found = m_assets.find(assetCode);
        if (found == m_assets.end())
            return fail(ErrorCode::InvalidInput, path + ": unknown asset " + assetCode);
        if (!value.isString())
            return fail(ErrorCode::InvalidInput, path + ": amounts are decimal strings");
        auto money = Money::parse(value.toString().toStdString(), found->second);
        if (!money)
            return fail(money.error().code, path + ": " + money.error().message);
        return *money;
    }

    //! The amounts an item opens, each parsed exactly: {asset: normalised decimal}.
    Result<QJsonObject> open(const QJsonObject& amounts, const std::string& path)
    {
        QJsonObject opened;
        for (auto it = amounts.begin(); it != amounts.end(); ++it) {
            const std::string code = it.key().toStdString();
            CS_TRY(money, amount(code, it.value(), path + "." + code));
            opened.insert(it.key(), qs(money->toString()));
        }
        return opened;
    }
    //! Writes `account`'s opening balances, and lists them for the signed entry that carries them.
    Result<void> write(const std::string& account, const QJsonObject& opened)
    {
        for (auto it = opened.begin(); it != opened.end(); ++it) {
            const std::string code = it.key().toStdString();
            const std::string text = it.value().toString().toStdString();
            CS_TRY(set, store::setBalance(m_db, account, code, text));
            m_imported.balances.append(QJsonObject{{QStringLiteral("account"), qs(account)},
                                                   {QStringLiteral("asset"), it.key()},
                                                   {QStringLiteral("amount"), qs(text)}});
        }
        return {};
    }

    Result<void> account(const Fields& f)
    {
        CS_TRY(known, f.only({"id", "owner", "kind", "description", "balances"}));
        CS_TRY(id, f.identifier("id"));
        CS_TRY(owner, f.optionalText("owner"));
        CS_TRY(kind, f.text("kind"));
        if (*kind != "agent" && *kind != "treasury")
            return fail(ErrorCode::InvalidInput, f.where("kind") + ": agent or treasury (pools, lending markets and "
                                                                   "counterparties bring their own accounts)");
        CS_TRY(description, f.optionalText("description"));
        if (!owner->empty() && m_source == WorldSource::File) {
            CS_TRY(principal, store::findPrincipal(m_db, *owner));
            if (!*principal || (*principal)->role != "agent")
                return fail(ErrorCode::InvalidInput, f.where("owner") + ": no agent '" + *owner
                                                         + "' in this workspace (principal add WS " + *owner + " --role agent)");
        }
        CS_TRY(amounts, f.object("balances"));
        CS_TRY(opened, open(*amounts, f.where("balances")));
        QJsonObject item = accountItem(*id, *owner, *kind, *description);
        item.insert(QStringLiteral("balances"), *opened);
        CS_TRY(fresh, isNew(item, f.path()));
        if (!*fresh)
            return {};
        CS_TRY(created, store::insertAccount(m_db, {*id, *owner, *kind, *description}));
        return write(*id, *opened);
    }

    Result<void> venue(const Fields& f)
    {
        CS_TRY(known, f.only({"id", "kind", "name"}));
        CS_TRY(id, f.identifier("id"));
        CS_TRY(kind, f.text("kind"));
        CS_TRY(name, f.text("name"));
        CS_TRY(fresh, isNew(venueItem(*id, *kind, *name), f.path()));
        if (!*fresh)
            return {};
        return store::insertVenue(m_db, {*id, *kind, *name});
    }

    Result<void> pool(const Fields& f)
    {
        CS_TRY(known, f.only({"id", "venue", "account", "asset_a", "asset_b", "fee_bps", "reserves"}));
        CS_TRY(id, f.identifier("id"));
        CS_TRY(venueId, f.identifier("venue"));
        CS_TRY(accountId, f.identifier("account"));
        CS_TRY(assetA, f.text("asset_a"));
        CS_TRY(assetB, f.text("asset_b"));
        CS_TRY(feeBps, f.integer("fee_bps"));
        CS_TRY(reserves, f.object("reserves"));
        if (reserves->size() != 2 || !reserves->contains(qs(*assetA)) || !reserves->contains(qs(*assetB)))
            return fail(ErrorCode::InvalidInput, f.where("reserves") + ": must hold exactly asset_a and asset_b");
        CS_TRY(opened, open(*reserves, f.where("reserves")));
        const simulation::Pool row{*id, *venueId, *accountId, *assetA, *assetB, *feeBps};
        QJsonObject item = poolItem(row);
        item.insert(QStringLiteral("reserves"), *opened);
        CS_TRY(fresh, isNew(item, f.path()));
        if (!*fresh)
            return {};
        CS_TRY(created, store::insertAccount(m_db, {*accountId, {}, "pool", "Reserves of pool " + *id}));
        CS_TRY(ran, store::insertPool(m_db, row));
        return write(*accountId, *opened);
    }

    Result<void> lending(const Fields& f)
    {
        CS_TRY(known, f.only({"venue", "asset", "account", "supply_apr_bps", "liquidity"}));
        CS_TRY(venueId, f.identifier("venue"));
        CS_TRY(assetCode, f.text("asset"));
        CS_TRY(accountId, f.identifier("account"));
        CS_TRY(aprBps, f.integer("supply_apr_bps"));
        CS_TRY(liquidity, amount(*assetCode, f.value("liquidity"), f.where("liquidity")));
        const store::LendingMarketRow row{*venueId, *assetCode, *accountId, *aprBps};
        const QJsonObject opened{{qs(*assetCode), qs(liquidity->toString())}};
        QJsonObject item = lendingItem(row);
        item.insert(QStringLiteral("liquidity"), qs(liquidity->toString()));
        CS_TRY(fresh, isNew(item, f.path()));
        if (!*fresh)
            return {};
        CS_TRY(created, store::insertAccount(m_db, {*accountId, {}, "venue", "Liquidity of " + *venueId + " " + *assetCode}));
        CS_TRY(ran, store::insertLendingMarket(m_db, row));
        return write(*accountId, opened);
    }

    Result<void> counterparty(const Fields& f)
    {
        CS_TRY(known, f.only({"id", "name", "kind"}));
        CS_TRY(id, f.identifier("id"));
        CS_TRY(name, f.text("name"));
        CS_TRY(kind, f.text("kind"));
        CS_TRY(fresh, isNew(counterpartyItem(*id, *name, *kind), f.path()));
        if (!*fresh)
            return {};
        const std::string accountId = "cp:" + *id;
        CS_TRY(created, store::insertAccount(m_db, {accountId, {}, "counterparty", *name}));
        return store::insertCounterparty(m_db, {*id, *name, *kind, accountId});
    }

    Result<void> list(const Fields& f)
    {
        CS_TRY(known, f.only({"id", "kind", "description", "members"}));
        CS_TRY(id, f.identifier("id"));
        CS_TRY(kind, f.text("kind"));
        CS_TRY(description, f.optionalText("description"));
        CS_TRY(members, f.array("members"));
        store::ListRow row{*id, *kind, *description, {}};
        for (const auto& member : *members) {
            if (!member.isString())
                return fail(ErrorCode::InvalidInput, f.where("members") + ": members are strings");
            row.members.push_back(member.toString().toStdString());
        }
        CS_TRY(fresh, isNew(listItem(row), f.path()));
        if (!*fresh)
            return {};
        return store::insertList(m_db, row);
    }

    Result<void> price(const Fields& f)
    {
        CS_TRY(known, f.only({"asset", "quote", "price", "source"}));
        CS_TRY(assetCode, f.text("asset"));
        CS_TRY(quote, f.text("quote"));
        CS_TRY(text, f.text("price"));
        CS_TRY(source, f.text("source"));
        CS_TRY(value, amount(*quote, qs(*text), f.where("price")));
        CS_TRY(fresh, isNew(priceItem(*assetCode, *quote, value->toString(), *source), f.path()));
        if (!*fresh)
            return {};
        return store::insertPrice(m_db, {*assetCode, *quote, value->toString(), *source, Timestamp{m_nowMs}});
    }

    Database& m_db;
    std::int64_t m_nowMs;
    WorldSource m_source;
    std::string m_section;
    std::map<std::string, Asset> m_assets;
    std::map<std::string, std::map<std::string, QJsonObject>> m_existing; //!< section → key → item without amounts
    ImportedWorld m_imported;
};

} // namespace

Result<QJsonObject> exportWorld(Database& db)
{
    CS_TRY(rows, store::worldRows(db));
    std::map<std::string, QJsonObject> balances; // account → {asset: amount}
    CS_TRY(read, store::forEachBalance(db, [&](const std::string& account, const std::string& asset,
                                               const std::string& amount) -> Result<void> {
        balances[account].insert(qs(asset), qs(amount));
        return {};
    }));
    QJsonArray assets;
    for (const store::AssetRow& asset : rows->assets)
        assets.append(assetItem(asset.code, asset.name, asset.decimals));
    QJsonArray accounts;
    for (const store::AccountRow& account : rows->accounts) {
        if (account.kind != "agent" && account.kind != "treasury")
            continue; // pools, lending markets and counterparties bring their own
        QJsonObject item = accountItem(account.id, account.owner, account.kind, account.description);
        item.insert(QStringLiteral("balances"), balances[account.id]);
        accounts.append(item);
    }
    QJsonArray venues;
    for (const store::VenueRow& venue : rows->venues)
        venues.append(venueItem(venue.id, venue.kind, venue.displayName));
    QJsonArray pools;
    for (const simulation::Pool& pool : rows->pools) {
        QJsonObject item = poolItem(pool);
        item.insert(QStringLiteral("reserves"), balances[pool.account]);
        pools.append(item);
    }
    QJsonArray lending;
    for (const store::LendingMarketRow& market : rows->lending) {
        QJsonObject item = lendingItem(market);
        item.insert(QStringLiteral("liquidity"), balances[market.account].value(qs(market.asset)).toString(QStringLiteral("0")));
        lending.append(item);
    }
    QJsonArray counterparties;
    for (const store::CounterpartyRow& counterparty : rows->counterparties)
        counterparties.append(counterpartyItem(counterparty.id, counterparty.displayName, counterparty.kind));
    QJsonArray lists;
    for (const store::ListRow& list : rows->lists)
        lists.append(listItem(list));
    QJsonArray prices;
    for (const store::PriceRow& price : rows->prices)
        prices.append(priceItem(price.asset, price.quote, price.price, price.source));
    return QJsonObject{{QStringLiteral("format"), QLatin1String(kWorldFormat)},
                       {QStringLiteral("assets"), assets},
                       {QStringLiteral("accounts"), accounts},
                       {QStringLiteral("venues"), venues},
                       {QStringLiteral("pools"), pools},
                       {QStringLiteral("lending"), lending},
                       {QStringLiteral("counterparties"), counterparties},
                       {QStringLiteral("lists"), lists},
                       {QStringLiteral("prices"), prices}};
}

Result<QJsonObject> setPrice(Database& db, const std::string& asset, const std::string& quote, const std::string& price,
                             const std::string& source, Timestamp now)
{
    CS_TRY(catalog, store::assetCatalog(db));
    if (catalog->find(asset) == nullptr)
        return fail(ErrorCode::InvalidInput, "asset: no asset " + asset + " in this workspace");
    const Asset* quoted = catalog->find(quote);
    if (quoted == nullptr)
        return fail(ErrorCode::InvalidInput, "quote: no asset " + quote + " in this workspace");
    auto value = Money::parse(price, *quoted);
    if (!value)
        return fail(ErrorCode::InvalidInput, "price: " + value.error().message);
    if (value->minor() == 0)
        return fail(ErrorCode::InvalidInput, "price: must be above zero");
    if (source.empty() || source.size() > 2000)
        return fail(ErrorCode::InvalidInput, "source: where the price comes from, 1 to 2000 bytes");
    CS_TRY(inserted, store::insertPrice(db, {asset, quote, value->toString(), source, now}));
    return priceItem(asset, quote, value->toString(), source);
}

Result<std::optional<QJsonObject>> editText(Database& db, const std::string& section, const std::string& id,
                                            const std::string& field, const std::string& value)
{
    const std::string_view editable = store::describingField(section);
    if (editable.empty())
        return fail(ErrorCode::InvalidInput,
                    "section: " + section + " cannot be edited (assets, accounts, venues, counterparties, lists)");
    if (field != editable)
        return fail(ErrorCode::InvalidInput,
                    "field: " + section + " have no text '" + field + "' to edit (only " + std::string(editable) + ")");
    const QString text = QString::fromStdString(value);
    if (text.toStdString() != value || text.size() > 2000)
        return fail(ErrorCode::InvalidInput, "value: at most 2000 characters of valid UTF-8");
    if (std::any_of(text.begin(), text.end(), [](QChar c) { return c.category() == QChar::Other_Control; }))
        return fail(ErrorCode::InvalidInput, "value: control characters are not allowed");
    if (field == "name" && text.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, "value: a name cannot be empty");
    CS_TRY(before, store::describingText(db, section, id, field));
    if (!*before)
        return fail(ErrorCode::InvalidInput, "id: no " + section + " item '" + id + "' in this workspace");
    if (**before == value)
        return std::optional<QJsonObject>();
    CS_TRY(set, store::setDescribingText(db, section, id, field, value));
    return std::optional<QJsonObject>(QJsonObject{{QStringLiteral("section"), qs(section)},
                                                  {QStringLiteral("id"), qs(id)},
                                                  {QStringLiteral("field"), qs(field)},
                                                  {QStringLiteral("before"), qs(**before)},
                                                  {QStringLiteral("after"), qs(value)}});
}

Result<ImportedWorld> importWorld(Database& db, const QJsonObject& document, Timestamp now, WorldSource source)
{
    Importer importer(db, now, source);
    return importer.run(document);
}

} // namespace cs::workspace
