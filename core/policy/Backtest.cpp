// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/policy/Backtest.h"

#include "core/audit/Entry.h"
#include "core/audit/LogReads.h"
#include "core/domain/CanonicalJson.h"
#include "core/reputation/Reputation.h"
#include "core/storage/Database.h"
#include "core/store/Proposals.h"
#include "core/store/World.h"

#include <QJsonDocument>

#include <unordered_map>

namespace cs::policy {

namespace {

std::optional<simulation::Failure> parseFailure(std::string_view text)
{
    for (int i = 0; i <= static_cast<int>(simulation::Failure::Overflow); ++i) {
        const auto failure = static_cast<simulation::Failure>(i);
        if (simulation::toString(failure) == text)
            return failure;
    }
    return std::nullopt;
}

} // namespace

const std::string* History::intern(std::string text)
{
    return &*m_pool.insert(std::move(text)).first;
}

Result<History> loadHistory(storage::Database& db)
{
    std::map<std::string, Asset> assets;
    CS_TRY(rowsOfAssets, store::assets(db));
    for (const store::AssetRow& row : *rowsOfAssets) {
        CS_TRY(asset, Asset::make(row.code, row.decimals));
        assets.emplace(asset->code, *asset);
    }
    History history;
    const auto money = [&](const std::string& text, const std::string& code, const std::string& intent) -> Result<Money> {
        const auto asset = assets.find(code);
        auto amount = asset == assets.end() ? Result<Money>(fail(ErrorCode::StorageFailed, "unknown asset " + code))
                                            : Money::parse(text, asset->second);
        if (!amount)
            return fail(ErrorCode::StorageFailed, "decision " + intent + " is corrupt: " + amount.error().message);
        return amount;
    };
    CS_TRY(rows, store::forEachDecision(db, [&](const store::DecisionRow& row) -> Result<void> {
        HistoryItem item;
        const std::string& intent = row.intent;
        item.intent = history.intern(intent);
        item.request.agent = history.intern(row.agent);
        const auto action = parseActionType(row.action);
        const auto effect = parseEffect(row.effect);
        const auto failure = parseFailure(row.simulation);
        const auto risk = parseRiskLevel(row.claimedRisk);
        if (!action || !effect || !failure || !risk)
            return fail(ErrorCode::StorageFailed, "decision " + intent + " is corrupt");
        item.request.action = *action;
        CS_TRY(amount, money(row.amount, row.asset, intent));
        item.request.amount = *amount;
        if (row.to)
            item.request.to = history.intern(*row.to);
        if (row.venue)
            item.request.venue = history.intern(*row.venue);
        if (row.minOut) {
            CS_TRY(minOut, money(*row.minOut, row.assetOut.value_or(std::string()), intent));
            item.minOut = *minOut;
        }
        item.request.claimedRisk = *risk;
        item.request.claimedApprovals = static_cast<int>(row.claimedApprovals);
        item.simulation = *failure;
        item.simulationReason = history.intern(row.simulationReason);
        if (row.expectedOut && item.minOut) {
            CS_TRY(expected, money(*row.expectedOut, item.minOut->asset().code, intent));
            item.expectedOut = *expected;
        }
        item.at = row.at;
        item.recorded = *effect;
        item.recordedVersion = history.intern(row.policyVersion);
        item.request.firstTime = row.firstTime;
        history.items.push_back(std::move(item));
        return {};
    }));
    return history;
}

Result<void> addStandings(storage::Database& db, History& history)
{
    std::unordered_map<std::string_view, HistoryItem*> byIntent;
    for (HistoryItem& item : history.items)
        byIntent.emplace(*item.intent, &item);
    reputation::Scorer scorer(false);
    CS_TRY(size, audit::logSize(db));
    if (*size == 0)
        return {};
    return audit::forEachEntry(db, 1, *size, [&](const audit::Entry& entry) -> Result<void> {
        const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(entry.body)).object();
        if (entry.type == audit::types::kPolicyDecided && !body.contains(QStringLiteral("decided_again"))) {
            const auto found = byIntent.find(jsonText(body, "intent"));
            if (found != byIntent.end() && !found->second->request.reputation) {
                HistoryItem& item = *found->second;
                item.request.reputation = Decision::recordedStanding(body);
                if (!item.request.reputation) {
                    const double score = scorer.standingsAt(entry.seq - 1).scoreAt(*item.request.agent, item.at.msSinceEpoch);
                    item.request.reputation = standingFrom(score, entry.seq - 1);
                }
            }
        }
        scorer.add(entry, body);
        return {};
    });
}

Result<BacktestReport> backtest(const History& history, const Evaluator* draft,
                                const std::map<std::string, const Evaluator*>& versions, const Context& context,
                                const BacktestProgress& progress, std::stop_token stop)
{
    constexpr std::size_t kProgressEvery = 4096;
    constexpr std::int64_t kDayMs = 86'400'000;
    BacktestReport report;
    report.policyVersion = draft != nullptr ? draft->policy().version : std::string();
    // One decider per deciding policy (their rules and windows differ); every counted spend goes into each.
    Context recorded = context;
    recorded.explain = false;
    std::vector<std::pair<const Evaluator*, Decider>> deciders;
    const auto deciderOf = [&](const Evaluator* evaluator) -> Decider& {
        for (auto& [owner, kept] : deciders) {
            if (owner == evaluator)
                return kept;
        }
        return deciders.emplace_back(evaluator, Decider(*evaluator, recorded)).second;
    };
    if (draft != nullptr) {
        report.reference = draft->policy().globals.referenceCurrency;
        deciderOf(draft);
    }
    for (const auto& [version, evaluator] : versions) {
        report.reference = evaluator->policy().globals.referenceCurrency;
        if (draft == nullptr)
            deciderOf(evaluator);
    }

    simulation::SimulationResult simulated;
    for (const HistoryItem& item : history.items) {
        if (report.proposals % kProgressEvery == 0) {
            if (stop.stop_requested())
                return fail(ErrorCode::Cancelled, "the backtest was cancelled after "
                                                      + std::to_string(report.proposals) + " decisions");
            if (progress)
                progress(report.proposals, history.items.size());
        }
        const Evaluator* evaluator = draft;
        if (evaluator == nullptr) {
            const auto found = versions.find(*item.recordedVersion);
            if (found == versions.end())
                return fail(ErrorCode::NotFound, "decision " + *item.intent + " names policy version "
                                                     + *item.recordedVersion + ", which was never published here");
            evaluator = found->second;
        }
        simulated.failure = item.simulation;
        simulated.reason = *item.simulationReason;
        simulated.expectedOut = item.expectedOut;
        Request request = item.request;
        request.minOut = item.minOut ? &*item.minOut : nullptr;
        const Decision decision = deciderOf(evaluator).decide(request, simulated, item.at);
        ++report.proposals;

        auto value = Evaluator::valueIn(request.amount, report.reference, context.prices, report.reference);
        if (!value)
            report.unpriced.push_back(*item.intent);
        const Int128 worth = value ? *value : 0;
        // A day's key: days since the epoch, rounded down also before it.
        const std::int64_t day = item.at.msSinceEpoch / kDayMs - (item.at.msSinceEpoch % kDayMs < 0 ? 1 : 0);
        auto& [dayBefore, dayAfter] = report.days[day];
        if (item.recorded == Effect::Allow) {
            report.allowedBefore += worth;
            dayBefore += worth;
        }
        if (decision.effect == Effect::Allow) {
            report.allowedAfter += worth;
            dayAfter += worth;
        }
        if (decision.effect != item.recorded) {
            auto& transition = report.transitions[{item.recorded, decision.effect}];
            ++transition.count;
            transition.value += worth;
            report.changes.push_back({*item.intent, *request.agent, item.at, item.recorded, decision.effect,
                                      decision.rules, request.amount, worth});
        }
        if (decision.effect != Effect::Deny) {
            const Spend spend{*item.intent, *request.agent, request.action, request.amount,
                              request.to ? std::optional(*request.to) : std::nullopt,
                              request.venue ? std::optional(*request.venue) : std::nullopt, item.at,
                              request.firstTime.value_or(false)};
            for (auto& [owner, kept] : deciders)
                kept.count(spend, false); // paid before or not: the recorded first_time stands
        }
    }
    if (progress)
        progress(report.proposals, history.items.size());
    return report;
}

} // namespace cs::policy
