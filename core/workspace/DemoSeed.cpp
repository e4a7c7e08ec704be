// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workspace/DemoSeed.h"

#include "core/domain/Ids.h"
#include "core/domain/Money.h"
#include "core/storage/Database.h"

#include <map>
#include <variant>

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
        CS_TRY(meta, insert("INSERT INTO workspace_meta(key, value) VALUES ('demo_world', ?1)", {*name}));
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

    //! A parameter: text, integer, or NULL (std::monostate).
    using SqlValue = std::variant<std::monostate, std::string, std::int64_t>;

    Result<void> insert(std::string_view sql, std::initializer_list<SqlValue> values)
    {
        CS_TRY(statement, m_db.prepare(sql));
        int index = 1;
        for (const auto& value : values) {
            if (const auto* text = std::get_if<std::string>(&value))
                statement->bind(index, std::string_view(*text));
            else if (const auto* number = std::get_if<std::int64_t>(&value))
                statement->bind(index, *number);
            else
                statement->bindNull(index);
            ++index;
        }
        return statement->run();
    }

    Result<void> asset(const Fields& f)
    {
        CS_TRY(code, f.text("code"));
        CS_TRY(name, f.text("name"));
        CS_TRY(decimals, f.integer("decimals"));
        CS_TRY(made, Asset::make(*code, *decimals));
        m_assets.emplace(*code, *made);
        return insert("INSERT INTO assets(code, name, decimals) VALUES (?1, ?2, ?3)",
                      {*code, *name, std::int64_t{*decimals}});
    }

    Result<void> principal(const Fields& f)
    {
        CS_TRY(id, f.identifier("id"));
        CS_TRY(name, f.text("name"));
        CS_TRY(role, f.text("role"));
        CS_TRY(description, f.optionalText("description"));
        // public_key stays NULL: sealed keys come from core/identity, never from seed data.
        return insert("INSERT INTO principals(id, display_name, role, description, created_ms) "
                      "VALUES (?1, ?2, ?3, ?4, ?5)",
                      {*id, *name, *role, *description, m_nowMs});
    }

    Result<void> createAccount(const std::string& id, const std::string& owner, const std::string& kind,
                               const std::string& description)
    {
        const SqlValue ownerValue = owner.empty() ? SqlValue{} : SqlValue{owner};
        return insert("INSERT INTO accounts(id, owner, kind, description) VALUES (?1, ?2, ?3, ?4)",
                      {id, ownerValue, kind, description});
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
        return insert("INSERT INTO balances(account, asset, amount) VALUES (?1, ?2, ?3)",
                      {account, assetCode, money->toString()});
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
        return insert("INSERT INTO venues(id, kind, display_name) VALUES (?1, ?2, ?3)", {*id, *kind, *name});
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
        CS_TRY(ran, insert("INSERT INTO pools(id, venue, account, asset_a, asset_b, fee_bps) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           {*id, *venueId, *accountId, *assetA, *assetB, std::int64_t{*feeBps}}));
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
        CS_TRY(ran, insert("INSERT INTO lending_markets(venue, asset, account, supply_apr_bps) VALUES (?1, ?2, ?3, ?4)",
                           {*venueId, *assetCode, *accountId, std::int64_t{*aprBps}}));
        return balance(*accountId, *assetCode, *liquidity, f.where("liquidity"));
    }

    Result<void> counterparty(const Fields& f)
    {
        CS_TRY(id, f.identifier("id"));
        CS_TRY(name, f.text("name"));
        CS_TRY(kind, f.text("kind"));
        const std::string accountId = "cp:" + *id;
        CS_TRY(created, createAccount(accountId, {}, "counterparty", *name));
        return insert("INSERT INTO counterparties(id, display_name, kind, account) VALUES (?1, ?2, ?3, ?4)",
                      {*id, *name, *kind, accountId});
    }

    Result<void> list(const Fields& f)
    {
        CS_TRY(id, f.identifier("id"));
        CS_TRY(kind, f.text("kind"));
        CS_TRY(description, f.optionalText("description"));
        CS_TRY(members, f.array("members"));
        CS_TRY(created, insert("INSERT INTO lists(id, kind, description) VALUES (?1, ?2, ?3)", {*id, *kind, *description}));
        for (const auto& member : *members) {
            if (!member.isString())
                return fail(ErrorCode::InvalidInput, f.where("members") + ": members are strings");
            CS_TRY(added, insert("INSERT INTO list_members(list, member) VALUES (?1, ?2)",
                                 {*id, member.toString().toStdString()}));
        }
        return {};
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
        return insert("INSERT INTO prices(asset, quote, price, source, at_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
                      {*assetCode, *quote, value->toString(), *source, m_nowMs});
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
