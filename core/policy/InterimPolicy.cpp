// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/policy/InterimPolicy.h"

#include "core/domain/Encoding.h"
#include "core/identity/Crypto.h"
#include "core/storage/Database.h"

#include <QJsonArray>

namespace cs::policy {

namespace {

constexpr const char* kRulesText =
    "countersign.interim-policy/1: deny failed simulations; deny unlisted wallets; deny unlisted venues for "
    "swap, deposit and withdraw; one approval for first-time counterparties; one approval above 10000 USDC "
    "of value; allow the rest";

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

//! The value of `amount` in USDC minor units, rounded up; nullopt without a price or on overflow.
std::optional<Int128> valueInUsdc(const Money& amount, const Facts& facts)
{
    if (amount.asset().code == "USDC")
        return amount.minor();
    const auto price = facts.pricesInUsdc.find(amount.asset().code);
    if (price == facts.pricesInUsdc.end())
        return std::nullopt;
    Int128 product = 0;
    if (__builtin_mul_overflow(amount.minor(), price->second.minor(), &product))
        return std::nullopt;
    Int128 scale = 1;
    for (int i = 0; i < amount.asset().decimals; ++i)
        scale *= 10;
    return (product + scale - 1) / scale;
}

} // namespace

Result<Facts> Facts::load(storage::Database& db)
{
    Facts facts;
    CS_TRY(kinds, storage::forEachRow(db, "SELECT id, kind FROM counterparties", [&](storage::Statement& row) -> Result<void> {
        facts.counterpartyKinds.emplace(row.textAt(0), row.textAt(1));
        return {};
    }));
    CS_TRY(members, storage::forEachRow(db, "SELECT l.kind, m.member FROM list_members m JOIN lists l ON l.id = m.list",
                                        [&](storage::Statement& row) -> Result<void> {
                                            if (row.textAt(0) == "counterparties")
                                                facts.listedCounterparties.insert(row.textAt(1));
                                            else if (row.textAt(0) == "venues")
                                                facts.listedVenues.insert(row.textAt(1));
                                            return {};
                                        }));
    const Asset usdc = *Asset::make("USDC", 6);
    CS_TRY(prices, storage::forEachRow(db, "SELECT asset, price FROM prices p WHERE quote = 'USDC' AND at_ms = "
                                           "(SELECT max(at_ms) FROM prices q WHERE q.asset = p.asset AND q.quote = 'USDC')",
                                       [&](storage::Statement& row) -> Result<void> {
                                           if (auto price = Money::parse(row.textAt(1), usdc))
                                               facts.pricesInUsdc.emplace(row.textAt(0), *price);
                                           return {};
                                       }));
    return facts;
}

std::string interimPolicyVersion()
{
    return toHex(identity::sha256(std::string_view(kRulesText)));
}

Decision decide(const Proposal& proposal, const simulation::SimulationResult& simulation, const Facts& facts)
{
    Decision decision;
    decision.policyVersion = interimPolicyVersion();
    const auto deny = [&](const char* rule, std::string reason) {
        decision.effect = "deny";
        decision.rules.push_back(rule);
        decision.reasons.push_back(std::move(reason));
    };
    const auto& action = proposal.action;
    if (!simulation.ok())
        deny("interim.simulation", "simulation failed: " + simulation.reason);
    if (action.to) {
        const auto kind = facts.counterpartyKinds.find(*action.to);
        if (kind != facts.counterpartyKinds.end() && kind->second == "wallet" && !facts.listedCounterparties.count(*action.to))
            deny("interim.unknown-wallet", "wallet " + *action.to + " is on no list");
    }
    const bool venueMatters = action.type == ActionType::Swap || action.type == ActionType::Deposit
                              || action.type == ActionType::Withdraw;
    if (venueMatters && action.venue && !facts.listedVenues.count(*action.venue))
        deny("interim.unlisted-venue", "venue " + *action.venue + " is on no venue list");
    if (decision.effect == "deny")
        return decision;

    if (action.to && !facts.listedCounterparties.count(*action.to)) {
        decision.rules.push_back("interim.first-time-counterparty");
        decision.reasons.push_back(*action.to + " is on no counterparty list: first-time payee");
        decision.approvalsRequired = 1;
    }
    const auto value = valueInUsdc(action.amount, facts);
    const Int128 threshold = Int128(kInterimApprovalThresholdUsdc) * 1'000'000;
    if (!value || *value > threshold) {
        decision.rules.push_back("interim.amount-threshold");
        decision.reasons.push_back(value ? "worth " + Money::fromMinor(*value, *Asset::make("USDC", 6)).toString()
                                               + " USDC, above 10000 USDC"
                                         : "no recorded USDC price for " + action.amount.asset().code);
        decision.approvalsRequired = 1;
    }
    if (decision.approvalsRequired > 0) {
        decision.effect = "require_approval";
        decision.underClaimed = proposal.requiredApprovals < decision.approvalsRequired;
    } else {
        decision.effect = "allow";
        decision.rules.push_back("interim.allow");
        decision.reasons.push_back("listed, within 10000 USDC, simulation ok");
    }
    return decision;
}

QJsonObject Decision::toJson(const Proposal& proposal, const std::string& proposalSha256) const
{
    QJsonArray ruleIds;
    for (const auto& rule : rules)
        ruleIds.append(qs(rule));
    QJsonArray why;
    for (const auto& reason : reasons)
        why.append(qs(reason));
    return {
        {QStringLiteral("schema"), QStringLiteral("countersign.decision/1")},
        {QStringLiteral("intent"), qs(proposal.intent)},
        {QStringLiteral("agent"), qs(proposal.agent)},
        {QStringLiteral("proposal_sha256"), qs(proposalSha256)},
        {QStringLiteral("effect"), qs(effect)},
        {QStringLiteral("rules"), ruleIds},
        {QStringLiteral("reasons"), why},
        {QStringLiteral("approvals_required"), approvalsRequired},
        {QStringLiteral("claimed"), QJsonObject{{QStringLiteral("risk_level"), qs(std::string(toString(proposal.riskLevel)))},
                                               {QStringLiteral("required_approvals"), proposal.requiredApprovals}}},
        {QStringLiteral("under_claimed"), underClaimed},
        {QStringLiteral("policy_version"), qs(policyVersion)},
    };
}

} // namespace cs::policy
