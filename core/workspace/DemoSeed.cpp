// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workspace/DemoSeed.h"
#include "core/workspace/WorldFile.h"

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
    CS_TRY(seeded, importWorld(db, document.object(), clock.now(), WorldSource::Demo));
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
