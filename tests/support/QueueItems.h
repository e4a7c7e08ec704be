// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Snapshots.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cs::test {

//! Queue items for widget tests: a proposal and its decision as the engine would hand them over.
inline const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-11-25T12:00:00.000Z"), Qt::ISODateWithMs);

struct Spec
{
    const char* intent;
    const char* agent;
    const char* action;
    const char* amount;
    const char* asset;
    const char* to;
    const char* claimed;
    const char* computed;
    const char* rule;
    qint64 valueMinor;
    int ageMinutes;
    int expiresInMinutes;
};

inline std::string canonical(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

inline api::QueueItem itemOf(const Spec& spec)
{
    api::QueueItem item;
    item.intent = spec.intent;
    item.agent = spec.agent;
    const std::string asset = spec.asset;
    const Asset money{asset, asset == "USDC" ? 6 : asset == "ETH" ? 18 : 9};
    Proposal& proposal = item.proposal;
    proposal.agent = spec.agent;
    proposal.intent = spec.intent;
    proposal.action.type = parseActionType(spec.action).value_or(ActionType::Transfer);
    proposal.action.amount = Money::parse(spec.amount, money).value();
    if (proposal.action.type == ActionType::Swap) {
        proposal.action.params = {{"asset_out", spec.to}};
        proposal.action.venue = "dex-alpha";
    } else {
        proposal.action.to = spec.to;
    }
    proposal.rationale = "rebalance the desk";
    const auto risk = [](std::string_view name) { return parseRiskLevel(name).value_or(RiskLevel::Critical); };
    // The decision is "as of" the intent's recorded time, days before the request entered the
    // queue (as in the demo stream): Age counts from the request, on the clock its expiry uses.
    api::DecisionView& decision = item.decision;
    decision.effect = api::Effect::RequireApproval;
    decision.at = kNow.addSecs(-60LL * spec.ageMinutes - 3 * 86400).toString(Qt::ISODateWithMs).toStdString();
    decision.claimedRisk = risk(spec.claimed);
    decision.computedRisk = risk(spec.computed);
    decision.underClaimed = decision.claimedRisk != decision.computedRisk;
    decision.approvalsRequired = 1;
    decision.rules = {spec.rule};
    decision.reasons = {{"rule", spec.rule, api::Effect::RequireApproval, "needs a treasury approver", {}}};
    decision.counterfactual = "needs 1 more approver from 'treasury'";
    item.subjectSha256 = std::string(64, 'a');
    item.expiresAt = kNow.addSecs(60LL * spec.expiresInMinutes).toString(Qt::ISODateWithMs).toStdString();
    item.requestedAt = kNow.addSecs(-60LL * spec.ageMinutes).toString(Qt::ISODateWithMs).toStdString();
    item.stillNeeded = {{{{"treasury", 1}}, "1 more approver from 'treasury'"}};
    item.value = std::to_string(spec.valueMinor / 1'000'000) + " USDC";
    item.valueMinor = spec.valueMinor;
    item.simulationOk = true;
    item.balances = {{"desk:main", spec.asset, "1234.5", "1110.25"}};
    return item;
}

} // namespace cs::test
