// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/ProposalParser.h"

#include "core/domain/CanonicalJson.h"
#include "core/domain/Ids.h"
#include "core/model/ModelBackend.h"
#include "core/domain/StrictJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <initializer_list>

namespace cs::model {

namespace {

using Kind = JsonValue::Kind;

constexpr int kMaxRequiredApprovals = 16;

bool isParamName(std::string_view name)
{
    if (name.empty() || name.size() > 32 || name.front() < 'a' || name.front() > 'z')
        return false;
    for (char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

Result<Proposal::Action> parseAction(const JsonValue& value, const std::string& path, const AssetCatalog& assets)
{
    CS_TRY(keys, exactKeys(value, path, {"type", "asset", "amount"}, {"to", "venue", "params"}));
    Proposal::Action action;
    CS_TRY(typeText, stringAt(*value.find("type"), member(path, "type")));
    const auto type = parseActionType(*typeText);
    if (!type)
        return invalid(member(path, "type"), "must be one of transfer, pay_api, swap, deposit, withdraw");
    action.type = *type;
    CS_TRY(asset, assetAt(*value.find("asset"), member(path, "asset"), assets));
    CS_TRY(amount, amountAt(*value.find("amount"), member(path, "amount"), **asset));
    action.amount = *amount;

    const bool needsTo = action.type == ActionType::Transfer || action.type == ActionType::PayApi;
    const bool needsVenue = action.type == ActionType::Deposit || action.type == ActionType::Withdraw;
    if (const JsonValue* to = value.find("to")) {
        if (!needsTo)
            return invalid(member(path, "to"), "not used by " + *typeText);
        CS_TRY(id, identifierAt(*to, member(path, "to")));
        action.to = *id;
    } else if (needsTo) {
        return invalid(member(path, "to"), "required for " + *typeText);
    }
    if (const JsonValue* venue = value.find("venue")) {
        CS_TRY(id, identifierAt(*venue, member(path, "venue")));
        action.venue = *id;
    } else if (needsVenue) {
        return invalid(member(path, "venue"), "required for " + *typeText);
    }

    const std::string paramsPath = member(path, "params");
    if (const JsonValue* params = value.find("params")) {
        if (params->kind != Kind::Object)
            return invalid(paramsPath, "must be an object of names to strings");
        for (std::size_t i = 0; i < params->keys.size(); ++i) {
            const std::string& name = params->keys[i];
            const JsonValue& text = params->values[i];
            const std::string where = jsonMemberPath(paramsPath, name);
            if (!isParamName(name))
                return invalid(where, "parameter names are [a-z][a-z0-9_]{0,31}");
            CS_TRY(textValue, freeTextAt(text, where, true));
            action.params.emplace(name, *textValue);
        }
    }
    if (action.type == ActionType::Swap) {
        const auto out = action.params.find("asset_out");
        const auto min = action.params.find("min_out");
        if (out == action.params.end())
            return invalid(paramsPath + ".asset_out", "required for swap");
        if (min == action.params.end())
            return invalid(paramsPath + ".min_out", "required for swap");
        const Asset* assetOut = assets.find(out->second);
        if (assetOut == nullptr)
            return invalid(paramsPath + ".asset_out", "unknown asset " + out->second);
        if (*assetOut == action.amount.asset())
            return invalid(paramsPath + ".asset_out", "must differ from the asset sold");
        JsonValue minText;
        minText.kind = Kind::String;
        minText.text = min->second;
        CS_TRY(minOut, amountAt(minText, paramsPath + ".min_out", *assetOut));
        action.minOut = *minOut;
    }
    return action;
}

} // namespace

Result<Proposal> parseProposal(std::string_view bytes, const AssetCatalog& assets)
{
    CS_TRY(document, parseStrictJson(bytes));
    const JsonValue& root = *document;
    CS_TRY(keys, exactKeys(root, "$",
                           {"schema", "agent", "intent", "action", "risk_level", "required_approvals", "inputs",
                            "execution_plan", "rationale", "audit_summary"}));
    CS_TRY(schema, stringAt(*root.find("schema"), "$.schema"));
    if (*schema != kProposalSchema)
        return invalid("$.schema", std::string("must be \"") + kProposalSchema + "\"");

    Proposal proposal;
    CS_TRY(agent, identifierAt(*root.find("agent"), "$.agent"));
    CS_TRY(intent, identifierAt(*root.find("intent"), "$.intent"));
    proposal.agent = *agent;
    proposal.intent = *intent;
    CS_TRY(action, parseAction(*root.find("action"), "$.action", assets));
    proposal.action = std::move(*action);

    CS_TRY(risk, stringAt(*root.find("risk_level"), "$.risk_level"));
    const std::optional<RiskLevel> level = parseRiskLevel(*risk);
    if (!level)
        return invalid("$.risk_level", "must be one of low, medium, high, critical");
    proposal.riskLevel = *level;

    const JsonValue& approvals = *root.find("required_approvals");
    const bool plainInteger = approvals.kind == Kind::Number && !approvals.text.empty() && approvals.text.size() <= 2
                              && approvals.text.find_first_not_of("0123456789") == std::string::npos
                              && (approvals.text == "0" || approvals.text.front() != '0');
    if (!plainInteger || std::stoi(approvals.text) > kMaxRequiredApprovals)
        return invalid("$.required_approvals", "must be a whole number from 0 to " + std::to_string(kMaxRequiredApprovals));
    proposal.requiredApprovals = std::stoi(approvals.text);

    const JsonValue& inputs = *root.find("inputs");
    if (inputs.kind != Kind::Array)
        return invalid("$.inputs", "must be an array");
    for (std::size_t i = 0; i < inputs.items.size(); ++i) {
        const std::string path = "$.inputs[" + std::to_string(i) + "]";
        const JsonValue& item = inputs.items[i];
        CS_TRY(itemKeys, exactKeys(item, path, {"name", "value", "source"}));
        CS_TRY(name, freeTextAt(*item.find("name"), member(path, "name")));
        CS_TRY(value, freeTextAt(*item.find("value"), member(path, "value"), true));
        CS_TRY(source, freeTextAt(*item.find("source"), member(path, "source"), true));
        proposal.inputs.push_back({*name, *value, *source});
    }

    const JsonValue& plan = *root.find("execution_plan");
    if (plan.kind != Kind::Array)
        return invalid("$.execution_plan", "must be an array of steps");
    if (plan.items.empty())
        return invalid("$.execution_plan", "must name at least one step");
    for (std::size_t i = 0; i < plan.items.size(); ++i) {
        CS_TRY(step, freeTextAt(plan.items[i], "$.execution_plan[" + std::to_string(i) + "]"));
        proposal.executionPlan.push_back(*step);
    }
    CS_TRY(rationale, freeTextAt(*root.find("rationale"), "$.rationale"));
    CS_TRY(summary, freeTextAt(*root.find("audit_summary"), "$.audit_summary"));
    proposal.rationale = *rationale;
    proposal.auditSummary = *summary;
    return proposal;
}

Result<void> checkWithinIntent(const Proposal& proposal, const Intent& intent, const AssetCatalog& assets)
{
    const QJsonObject& bounds = intent.fields;
    const std::string of = "intent " + intent.id;
    const auto text = [&](const char* key) -> std::optional<std::string> {
        const QJsonValue value = bounds.value(QLatin1String(key));
        if (value.isUndefined())
            return std::nullopt;
        return value.toString().toStdString(); // a non-string bound matches no proposal
    };
    const auto named = [&](const std::string& path, const std::string& wanted, const std::optional<std::string>& got)
        -> Result<void> {
        if (got != wanted)
            return invalid(path, of + " names " + (wanted.empty() ? std::string("no valid value") : wanted));
        return {};
    };
    if (const auto type = text("type")) {
        CS_TRY(sameType, named("$.action.type", *type, std::string(toString(proposal.action.type))));
    }
    if (const auto asset = text("asset")) {
        CS_TRY(sameAsset, named("$.action.asset", *asset, proposal.action.amount.asset().code));
    }
    if (const auto to = text("to")) {
        CS_TRY(sameTo, named("$.action.to", *to, proposal.action.to));
    }
    if (const auto venue = text("venue")) {
        CS_TRY(sameVenue, named("$.action.venue", *venue, proposal.action.venue));
    }
    const QJsonObject params = bounds.value(QStringLiteral("params")).toObject();
    const auto param = [&](const char* key) -> std::optional<std::string> {
        const auto found = proposal.action.params.find(key);
        return found == proposal.action.params.end() ? std::nullopt : std::optional(found->second);
    };
    if (params.contains(QStringLiteral("asset_out"))) {
        CS_TRY(sameOut, named("$.action.params.asset_out", params.value(QStringLiteral("asset_out")).toString().toStdString(),
                              param("asset_out")));
    }
    if (const auto amount = text("amount")) {
        const Money& proposed = proposal.action.amount;
        const auto limit = Money::parse(*amount, proposed.asset());
        if (!limit)
            return invalid("$.action.amount", of + " gives the amount \"" + *amount + "\", not one in "
                                                  + proposed.asset().code);
        if (proposed.minor() > limit->minor())
            return invalid("$.action.amount", of + " allows at most " + limit->toString() + " " + proposed.asset().code);
    }
    if (params.contains(QStringLiteral("min_out"))) {
        const std::string wanted = params.value(QStringLiteral("min_out")).toString().toStdString();
        const std::string outCode = params.value(QStringLiteral("asset_out")).toString().toStdString();
        const Asset* out = proposal.action.minOut ? &proposal.action.minOut->asset() : assets.find(outCode);
        const auto floor = out != nullptr ? Money::parse(wanted, *out) : Result<Money>(fail(ErrorCode::InvalidInput, ""));
        if (!floor)
            return invalid("$.action.params.min_out", of + " gives min_out \"" + wanted + "\", which is not an amount");
        if (!proposal.action.minOut || proposal.action.minOut->minor() < floor->minor())
            return invalid("$.action.params.min_out", of + " asks for at least " + floor->toString() + " " + out->code);
    }
    return {};
}

} // namespace cs::model
