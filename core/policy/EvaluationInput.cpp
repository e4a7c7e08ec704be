// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/policy/EvaluationInput.h"

#include "core/domain/StrictJson.h"
#include "core/policy/Decide.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace cs::policy {

namespace {

Result<Timestamp> timeAt(const JsonValue& value, const std::string& path)
{
    CS_TRY(text, stringAt(value, path));
    const auto at = parseIso8601(*text);
    if (!at)
        return invalid(path, "must be an RFC 3339 time with a zone, such as \"2026-11-24T09:30:00Z\"");
    return *at;
}

//! A score as people write it: "72.5", "70", "69.99" — 0 to 100, at most two decimals.
Result<Standing> standingAt(const JsonValue& value, const std::string& path)
{
    CS_TRY(text, stringAt(value, path));
    const std::string& score = *text;
    const std::size_t point = score.find('.');
    const std::string whole = score.substr(0, point);
    const std::string fraction = point == std::string::npos ? std::string() : score.substr(point + 1);
    const auto digits = [](const std::string& part) {
        return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (whole.empty() || whole.size() > 3 || fraction.size() > 2 || (point != std::string::npos && fraction.empty())
        || !digits(whole) || !digits(fraction))
        return invalid(path, "must be a score from 0 to 100 with at most two decimals, such as \"72.50\"");
    const int hundredths = std::stoi(whole) * 100 + (fraction.empty() ? 0 : std::stoi((fraction + "0").substr(0, 2)));
    if (hundredths > 10'000)
        return invalid(path, "must be a score from 0 to 100 with at most two decimals, such as \"72.50\"");
    return standingFrom(hundredths / 100.0, 0);
}

//! Each member of the object `member` of `root` (absent: none), its key read as an agent's id.
template <typename Each>
Result<void> eachAgent(const JsonValue& root, const char* member, const char* what, Each each)
{
    const JsonValue* object = root.find(member);
    if (object == nullptr)
        return {};
    const std::string at = std::string("$.") + member;
    if (object->kind != JsonValue::Kind::Object)
        return invalid(at, std::string("must be an object of agents to ") + what);
    for (std::size_t i = 0; i < object->keys.size(); ++i) {
        const std::string path = jsonMemberPath(at, object->keys[i]);
        JsonValue agent;
        agent.kind = JsonValue::Kind::String;
        agent.text = object->keys[i];
        CS_TRY(id, identifierAt(agent, path));
        CS_TRY(done, each(std::move(*id), object->values[i], path));
    }
    return {};
}

} // namespace

std::optional<Timestamp> parseIso8601(std::string_view text)
{
    const QString value = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    const QString time = value.mid(value.indexOf(u'T') + 1);
    if (value.indexOf(u'T') < 0 || (!time.endsWith(u'Z') && !time.contains(u'+') && !time.contains(u'-')))
        return std::nullopt; // no zone: local time would depend on the machine
    const QDateTime at = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!at.isValid())
        return std::nullopt;
    return Timestamp{at.toMSecsSinceEpoch()};
}

Result<EvaluationInput> parseEvaluationInput(std::string_view bytes, const AssetCatalog& assets, Timestamp now,
                                             std::map<std::string, Money> defaultPrices)
{
    JsonLimits limits;
    limits.maxDocument = 16 * 1024 * 1024;
    limits.maxItems = 1'000'000;
    CS_TRY(document, parseStrictJson(bytes, limits));
    const JsonValue& root = *document;
    CS_TRY(keys, exactKeys(root, "$", {"schema"}, {"now", "prices", "roles", "spends", "reputation"}));
    CS_TRY(schema, stringAt(*root.find("schema"), "$.schema"));
    if (*schema != kUsageSchema)
        return invalid("$.schema", std::string("must be \"") + kUsageSchema + "\"");
    EvaluationInput input;
    input.context.now = now;
    input.context.prices = std::move(defaultPrices);
    if (const JsonValue* at = root.find("now")) {
        CS_TRY(time, timeAt(*at, "$.now"));
        input.context.now = *time;
    }
    const Asset* usdc = assets.find("USDC");
    if (const JsonValue* prices = root.find("prices")) {
        if (prices->kind != JsonValue::Kind::Object)
            return invalid("$.prices", "must be an object of asset codes to decimal prices in the reference currency");
        if (usdc == nullptr)
            return invalid("$.prices", "prices are in USDC, which this workspace does not know");
        for (std::size_t i = 0; i < prices->keys.size(); ++i) {
            const std::string path = jsonMemberPath("$.prices", prices->keys[i]);
            JsonValue code;
            code.kind = JsonValue::Kind::String;
            code.text = prices->keys[i];
            CS_TRY(asset, assetAt(code, path, assets));
            CS_TRY(price, amountAt(prices->values[i], path, *usdc));
            input.context.prices.insert_or_assign((*asset)->code, *price);
        }
    }
    CS_TRY(roles, eachAgent(root, "roles", "roles", [&](std::string agent, const JsonValue& value, const std::string& path) -> Result<void> {
        CS_TRY(role, identifierAt(value, path));
        input.context.roles.emplace(std::move(agent), *role);
        return {};
    }));
    CS_TRY(scores, eachAgent(root, "reputation", "scores", [&](std::string agent, const JsonValue& value, const std::string& path) -> Result<void> {
        CS_TRY(standing, standingAt(value, path));
        input.reputation.insert_or_assign(std::move(agent), std::move(*standing));
        return {};
    }));
    if (const JsonValue* spends = root.find("spends")) {
        if (spends->kind != JsonValue::Kind::Array)
            return invalid("$.spends", "must be an array");
        for (std::size_t i = 0; i < spends->items.size(); ++i) {
            const std::string path = "$.spends[" + std::to_string(i) + "]";
            const JsonValue& item = spends->items[i];
            CS_TRY(itemKeys, exactKeys(item, path, {"agent", "action", "asset", "amount", "at"}, {"intent", "to", "venue"}));
            Spend spend;
            CS_TRY(agent, identifierAt(*item.find("agent"), member(path, "agent")));
            spend.agent = *agent;
            CS_TRY(action, stringAt(*item.find("action"), member(path, "action")));
            const auto type = parseActionType(*action);
            if (!type)
                return invalid(member(path, "action"), "must be one of transfer, pay_api, swap, deposit, withdraw");
            spend.action = *type;
            CS_TRY(asset, assetAt(*item.find("asset"), member(path, "asset"), assets));
            CS_TRY(amount, amountAt(*item.find("amount"), member(path, "amount"), **asset));
            spend.amount = *amount;
            CS_TRY(at, timeAt(*item.find("at"), member(path, "at")));
            spend.at = *at;
            if (spend.at > input.context.now)
                return invalid(member(path, "at"), "is after \"now\"");
            if (!input.spends.empty() && spend.at < input.spends.back().at)
                return invalid(member(path, "at"), "spends must be in time order");
            if (const JsonValue* intent = item.find("intent")) {
                CS_TRY(id, identifierAt(*intent, member(path, "intent")));
                spend.intent = *id;
            }
            if (const JsonValue* to = item.find("to")) {
                CS_TRY(id, identifierAt(*to, member(path, "to")));
                spend.to = *id;
            }
            if (const JsonValue* venue = item.find("venue")) {
                CS_TRY(id, identifierAt(*venue, member(path, "venue")));
                spend.venue = *id;
            }
            input.spends.push_back(std::move(spend));
        }
    }
    return input;
}

} // namespace cs::policy
