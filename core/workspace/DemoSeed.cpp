// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workspace/DemoSeed.h"

#include "core/domain/Ids.h"
#include "core/domain/Money.h"
#include "core/storage/Database.h"
#include "core/storage/Migrations.h"
#include "core/store/Ledger.h"
#include "core/store/Principals.h"
#include "core/store/World.h"

#include <map>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cs::workspace {

namespace {

using storage::Database;

//! Reads typed fields of one JSON object and names "path.field" in every error.
class Fields
{
public:
    Fields(const QJsonObject& object, std::string path) : m_object(object), m_path(std::move(path)) {}

    Result<std::string> text(const char* key) const
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (!value.isString())
            return fail(ErrorCode::InvalidInput, where(key) + ": expected a string");
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
    std::string where(const char* key) const { return m_path + "." + key; }

private:
    QJsonObject m_object;
    std::string m_path;
};

class Seeder
{
public:
    Seeder(Database& db, const Clock& clock) : m_db(db), m_nowMs(clock.now().msSinceEpoch) {}

    Result<void> seed(const QJsonObject& root)
    {
        const Fields top(root, "world");
        CS_TRY(schema, top.text("schema"));
        if (*schema != "countersign.demo-world/1")
            return fail(ErrorCode::InvalidInput, "world.schema: expected countersign.demo-world/1");
        CS_TRY(name, top.text("name"));
        CS_TRY(meta, storage::writeMeta(m_db, "demo_world", *name));
        // In dependency order: foreign keys are checked as rows go in.
        const Section sections[] = {
            {"assets", &Seeder::asset},       {"principals", &Seeder::principal}, {"accounts", &Seeder::account},
            {"venues", &Seeder::venue},       {"pools", &Seeder::pool},           {"lending", &Seeder::lending},
            {"counterparties", &Seeder::counterparty}, {"lists", &Seeder::list},  {"prices", &Seeder::price},
        };
        for (const auto& section : sections) {
            CS_TRY(items, top.array(section.key));
            for (qsizetype i = 0; i < items->size(); ++i) {
                const std::string path = std::string("world.") + section.key + "[" + std::to_string(i) + "]";
                if (!items->at(i).isObject())
                    return fail(ErrorCode::InvalidInput, path + ": expected an object");
                auto done = (this->*section.insertOne)(Fields(items->at(i).toObject(), path));
                if (!done && done.error().message.rfind("world.", 0) != 0)
                    return fail(done.error().code, path + ": " + done.error().message);
                if (!done)
                    return done;
            }
        }
        return {};
    }

private:
    struct Section
    {
        const char* key;
        Result<void> (Seeder::*insertOne)(const Fields&);
    };

    Result<void> asset(const Fields& f)
    {
        CS_TRY(code, f.text("code"));
        CS_TRY(name, f.text("name"));
        CS_TRY(decimals, f.integer("decimals"));
        CS_TRY(made, Asset::make(*code, *decimals));
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

    Result<void> createAccount(const std::string& id, const std::string& owner, const std::string& kind,
                               const std::string& description)
    {
        return store::insertAccount(m_db, {id, owner, kind, description});
    }

    //! Inserts one balance after parsing the amount exactly with the asset's decimals.
    Result<void> balance(const std::string& account, const std::string& assetCode, const std::string& amount,
                         const std::string& path)
    {
        const auto found = m_assets.find(assetCode);
        if (found == m_assets.end())
            return fail(ErrorCode::InvalidInput, path + ": unknown asset " + assetCode);
        auto money = Money::parse(amount, found->second);
        if (!money)
            return fail(money.error().code, path + ": " + money.error().message);
        return store::setBalance(m_db, account, assetCode, money->toString());
    }

    Result<void> balances(const std::string& account, const QJsonObject& amounts, const std::string& path)
    {
        for (auto it = amounts.begin(); it != amounts.end(); ++it) {
            const std::string code = it.key().toStdString();
            if (!it.value().isString())
                return fail(ErrorCode::InvalidInput, path + "." + code + ": amounts are decimal strings");
            CS_TRY(done, balance(account, code, it.value().toString().toStdString(), path + "." + code));
        }
        return {};
    }

    Result<void> account(const Fields& f)
    {
        CS_TRY(id, f.identifier("id"));
        CS_TRY(owner, f.optionalText("owner"));
        CS_TRY(kind, f.text("kind"));
        CS_TRY(description, f.optionalText("description"));
        CS_TRY(amounts, f.object("balances"));
        CS_TRY(created, createAccount(*id, *owner, *kind, *description));
        return balances(*id, *amounts, f.where("balances"));
    }

    Result<void> venue(const Fields& f)
    {
        CS_TRY(id, f.identifier("id"));
        CS_TRY(kind, f.text("kind"));
        CS_TRY(name, f.text("name"));
        return store::insertVenue(m_db, {*id, *kind, *name});
    }

    Result<void> pool(const Fields& f)
    {
        CS_TRY(id, f.identifier("id"));
        CS_TRY(venueId, f.identifier("venue"));
        CS_TRY(accountId, f.identifier("account"));
        CS_TRY(assetA, f.text("asset_a"));
        CS_TRY(assetB, f.text("asset_b"));
        CS_TRY(feeBps, f.integer("fee_bps"));
        CS_TRY(reserves, f.object("reserves"));
        if (reserves->size() != 2 || !reserves->contains(QString::fromStdString(*assetA))
            || !reserves->contains(QString::fromStdString(*assetB)))
            return fail(ErrorCode::InvalidInput, f.where("reserves") + ": must hold exactly asset_a and asset_b");
        CS_TRY(created, createAccount(*accountId, {}, "pool", "Reserves of pool " + *id));
        CS_TRY(ran, store::insertPool(m_db, {*id, *venueId, *accountId, *assetA, *assetB, *feeBps}));
        return balances(*accountId, *reserves, f.where("reserves"));
    }

    Result<void> lending(const Fields& f)
    {
        CS_TRY(venueId, f.identifier("venue"));
        CS_TRY(assetCode, f.text("asset"));
        CS_TRY(accountId, f.identifier("account"));
        CS_TRY(aprBps, f.integer("supply_apr_bps"));
        CS_TRY(liquidity, f.text("liquidity"));
        CS_TRY(created, createAccount(*accountId, {}, "venue", "Liquidity of " + *venueId + " " + *assetCode));
        CS_TRY(ran, store::insertLendingMarket(m_db, {*venueId, *assetCode, *accountId, *aprBps}));
        return balance(*accountId, *assetCode, *liquidity, f.where("liquidity"));
    }

    Result<void> counterparty(const Fields& f)
    {
        CS_TRY(id, f.identifier("id"));
        CS_TRY(name, f.text("name"));
        CS_TRY(kind, f.text("kind"));
        const std::string accountId = "cp:" + *id;
        CS_TRY(created, createAccount(accountId, {}, "counterparty", *name));
        return store::insertCounterparty(m_db, {*id, *name, *kind, accountId});
    }

    Result<void> list(const Fields& f)
    {
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
        return store::insertList(m_db, row);
    }

    Result<void> price(const Fields& f)
    {
        CS_TRY(assetCode, f.text("asset"));
        CS_TRY(quote, f.text("quote"));
        CS_TRY(text, f.text("price"));
        CS_TRY(source, f.text("source"));
        const auto quoteAsset = m_assets.find(*quote);
        if (quoteAsset == m_assets.end())
            return fail(ErrorCode::InvalidInput, f.where("quote") + ": unknown asset " + *quote);
        auto value = Money::parse(*text, quoteAsset->second);
        if (!value)
            return fail(value.error().code, f.where("price") + ": " + value.error().message);
        return store::insertPrice(m_db, {*assetCode, *quote, value->toString(), *source, Timestamp{m_nowMs}});
    }

    Database& m_db;
    std::int64_t m_nowMs;
    std::map<std::string, Asset> m_assets;
};

std::string readResource(const char* path)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

} // namespace

Result<void> seedDemoWorld(Database& db, const std::string& seedJson, const Clock& clock)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(seedJson), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorCode::InvalidInput, "world.json is not a JSON object: " + parseError.errorString().toStdString());

    CS_TRY(transaction, storage::Transaction::begin(db));
    Seeder seeder(db, clock);
    CS_TRY(seeded, seeder.seed(document.object()));
    return transaction->commit();
}

std::string embeddedDemoWorld()
{
    return readResource(":/countersign/demo/world.json");
}

std::string embeddedDemoPolicy()
{
    return readResource(":/countersign/demo/policy.json");
}

std::string embeddedDemoIntents()
{
    return readResource(":/countersign/demo/intents.jsonl");
}

std::map<std::string, Money> demoPrices()
{
    std::map<std::string, Money> prices;
    const auto catalog = demoAssets();
    const Asset* usdc = catalog.find("USDC");
    const QJsonObject world = QJsonDocument::fromJson(QByteArray::fromStdString(embeddedDemoWorld())).object();
    for (const QJsonValue& entry : world.value(QStringLiteral("prices")).toArray()) {
        const QJsonObject price = entry.toObject();
        if (usdc == nullptr || price.value(QStringLiteral("quote")).toString() != QLatin1String("USDC"))
            continue;
        if (auto money = Money::parse(price.value(QStringLiteral("price")).toString().toStdString(), *usdc))
            prices.emplace(price.value(QStringLiteral("asset")).toString().toStdString(), *money);
    }
    return prices;
}

AssetCatalog demoAssets()
{
    std::vector<Asset> assets;
    const QJsonObject world = QJsonDocument::fromJson(QByteArray::fromStdString(embeddedDemoWorld())).object();
    for (const QJsonValue& entry : world.value(QStringLiteral("assets")).toArray()) {
        const QJsonObject asset = entry.toObject();
        if (auto made = Asset::make(asset.value(QStringLiteral("code")).toString().toStdString(),
                                    asset.value(QStringLiteral("decimals")).toInt(-1)))
            assets.push_back(*made);
    }
    return AssetCatalog(std::move(assets));
}

} // namespace cs::workspace
