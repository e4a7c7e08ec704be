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
    const QString action = QString::fromLatin1(spec.action);
    QJsonObject act{{QStringLiteral("type"), action},
                    {QStringLiteral("amount"), QString::fromLatin1(spec.amount)},
                    {QStringLiteral("asset"), QString::fromLatin1(spec.asset)},
                    {QStringLiteral("params"), action == u"swap" ? QJsonObject{{QStringLiteral("asset_out"), QString::fromLatin1(spec.to)}}
                                                                 : QJsonObject{}}};
    if (action != u"swap")
        act.insert(QStringLiteral("to"), QString::fromLatin1(spec.to));
    else
        act.insert(QStringLiteral("venue"), QStringLiteral("dex-alpha"));
    item.proposal = canonical({{QStringLiteral("action"), act},
                               {QStringLiteral("agent"), QString::fromLatin1(spec.agent)},
                               {QStringLiteral("rationale"), QStringLiteral("rebalance the desk")}});
    const bool under = QByteArray(spec.claimed) != QByteArray(spec.computed);
    // The decision is "as of" the intent's recorded time, days before the request entered the
    // queue (as in the demo stream): Age counts from the request, on the clock its expiry uses.
    item.decision = canonical({{QStringLiteral("at"), kNow.addSecs(-60LL * spec.ageMinutes - 3 * 86400).toString(Qt::ISODateWithMs)},
                               {QStringLiteral("claimed"), QJsonObject{{QStringLiteral("risk_level"), QString::fromLatin1(spec.claimed)},
                                                                       {QStringLiteral("required_approvals"), 0}}},
                               {QStringLiteral("computed_risk"), QString::fromLatin1(spec.computed)},
                               {QStringLiteral("under_claimed"), under},
                               {QStringLiteral("approvals_required"), 1},
                               {QStringLiteral("rules"), QJsonArray{QString::fromLatin1(spec.rule)}},
                               {QStringLiteral("reasons"), QJsonArray{QJsonObject{{QStringLiteral("rule"), QString::fromLatin1(spec.rule)},
                                                                                  {QStringLiteral("text"), QStringLiteral("needs a treasury approver")},
                                                                                  {QStringLiteral("effect"), QStringLiteral("require_approval")}}}},
                               {QStringLiteral("counterfactual"), QStringLiteral("needs 1 more approver from 'treasury'")}});
    item.subjectSha256 = std::string(64, 'a');
    item.expiresAt = kNow.addSecs(60LL * spec.expiresInMinutes).toString(Qt::ISODateWithMs).toStdString();
    item.requestedAt = kNow.addSecs(-60LL * spec.ageMinutes).toString(Qt::ISODateWithMs).toStdString();
    item.stillNeeded = {"1 more approver from 'treasury'"};
    item.value = std::to_string(spec.valueMinor / 1'000'000) + " USDC";
    item.valueMinor = spec.valueMinor;
    item.simulationOk = true;
    item.balances = {{"desk:main", spec.asset, "1234.5", "1110.25"}};
    return item;
}

} // namespace cs::test
