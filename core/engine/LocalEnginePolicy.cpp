// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// LocalEngine's policies: the versions, publishing one, checking and backtesting a draft, the
// draft kept in the workspace, and what the active policy grants (its caps and their use now).
#include "core/engine/LocalEngine.h"

#include "core/audit/LogReads.h"
#include "core/domain/Encoding.h"
#include "core/policy/Backtest.h"
#include "core/policy/Checks.h"
#include "core/policy/Decide.h"
#include "core/policy/Diff.h"
#include "core/policy/Evaluator.h"
#include "core/policy/Publish.h"
#include "core/simulation/WorldState.h"
#include "core/storage/Files.h"
#include "core/store/Policies.h"
#include "core/store/Principals.h"
#include "core/store/World.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>

namespace cs::engine {

using storage::Database;

namespace {

//! The draft's file in the workspace, and the most it may hold (a policy's own bound).
constexpr const char* kPolicyDraftFile = "drafts/policy.json";
constexpr qint64 kMaxPolicyDraftBytes = 4ll << 20;

api::BacktestSummary summaryOf(const policy::BacktestReport& report)
{
    const auto money = [&](Int128 minor) { return Money::fromMinor(minor, report.reference).toString(); };
    api::BacktestSummary out;
    out.policyVersion = report.policyVersion;
    out.currency = report.reference.code;
    out.proposals = static_cast<std::int64_t>(report.proposals);
    for (const policy::BacktestChange& change : report.changes)
        out.changes.push_back({change.intent, change.agent, toIso8601(change.at), effectOf(change.before),
                               effectOf(change.after), change.rules, change.amount.toString(), change.amount.asset().code,
                               money(change.value)});
    for (const auto& [key, transition] : report.transitions)
        out.transitions.push_back({effectOf(key.first), effectOf(key.second), static_cast<std::int64_t>(transition.count),
                                   money(transition.value)});
    out.allowedBefore = money(report.allowedBefore);
    out.allowedAfter = money(report.allowedAfter);
    out.unpriced = report.unpriced;
    for (const auto& [day, values] : report.days)
        out.days.push_back({toIso8601(Timestamp{day * 86'400'000}).substr(0, 10), money(values.first), money(values.second)});
    return out;
}

//! used / limit in percent, rounded down, at most 999; no product can overflow.
int usedPercent(Int128 used, Int128 limit)
{
    if (limit <= 0 || used <= 0)
        return 0;
    const Int128 whole = used / limit;
    if (whole >= 10)
        return 999;
    const Int128 rest = used % limit;
    const Int128 part = rest <= kInt128Max / 100 ? rest * 100 / limit : rest / (limit / 100);
    return static_cast<int>(whole * 100 + part);
}

//! `agent`'s use now of the window of `rule` (one of `decider`'s active policy, with a window).
api::CapUse capUseOf(policy::Decider& decider, const policy::Rule& rule, const std::string& agent, Timestamp now)
{
    const policy::Policy& active = decider.evaluator().policy();
    const policy::Window& window = *rule.window;
    const Asset& currency = window.bound.currency;
    const auto index = static_cast<std::size_t>(&rule - active.rules.data());
    const Int128 used = decider.windowUse(index, agent, now);
    const Int128 limit = window.bound.atMost.value_or(window.bound.above.value_or(0));
    return {rule.id,
            agent,
            policy::describeBound(window.bound) + " per " + window.text,
            Money::fromMinor(used, currency).toString(),
            Money::fromMinor(limit, currency).toString(),
            currency.code,
            decider.evaluator().windowStart(window, now),
            usedPercent(used, limit)};
}

//! The id of the rule a parse problem ("$.rules[3].amount: …") is in, read from the raw document.
std::string ruleOfProblem(std::string_view document, const std::string& problem)
{
    static constexpr std::string_view kPrefix = "$.rules[";
    if (problem.rfind(kPrefix, 0) != 0)
        return {};
    int index = -1;
    const char* first = problem.data() + kPrefix.size();
    if (std::from_chars(first, problem.data() + problem.size(), index).ec != std::errc() || index < 0)
        return {};
    const QJsonDocument parsed = QJsonDocument::fromJson(QByteArray(document.data(), static_cast<qsizetype>(document.size())));
    return parsed.object().value(QStringLiteral("rules")).toArray().at(index).toObject().value(QStringLiteral("id")).toString().toStdString();
}

} // namespace

Result<std::vector<api::PolicyVersion>> LocalEngine::policyVersions()
{
    std::lock_guard lock(m_readMutex);
    return observed([this]() -> Result<std::vector<api::PolicyVersion>> {
        std::vector<api::PolicyVersion> versions;
        CS_TRY(published, store::policies(m_reader));
        for (const store::PolicyRow& row : *published) {
            const QJsonObject document = QJsonDocument::fromJson(QByteArray::fromStdString(row.document)).object();
            versions.push_back({row.version, row.name, row.document, row.signer, row.entrySeq, toIso8601(row.published),
                                static_cast<int>(document.value(QStringLiteral("rules")).toArray().size()), {},
                                row.mode == "shadow"});
        }
        return versions;
    }());
}

Result<api::PolicyVersion> LocalEngine::publishPolicy(std::string_view document, const std::string& signer,
                                                      std::string_view passphrase, api::PolicyMode mode)
{
    const Announcing announcing{*this};
    CS_TRY(engine, engineKeyReady());
    CS_TRY(key, principalKey(signer, passphrase));
    std::vector<std::string> warnings;
    CS_TRY(published, m_writer->run([&](Database& db) -> Result<policy::Published> {
        CS_TRY(catalog, store::assetCatalog(db));
        CS_TRY(parsed, policy::parsePolicy(document, *catalog));
        for (const policy::Finding& finding : policy::checkPolicy(*parsed)) {
            if (!finding.error)
                warnings.push_back(finding.message);
        }
        CS_TRY(origin, audit::readOrigin(db));
        return policy::publishPolicy(db, *parsed, signer, *key, m_clock->now(), checkpointPolicy(*origin),
                                     mode == api::PolicyMode::Shadow);
    }));
    const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(published->document)).object();
    return api::PolicyVersion{published->version, published->name, published->document, published->signer,
                              published->entrySeq, toIso8601(published->publishedAt),
                              static_cast<int>(body.value(QStringLiteral("rules")).toArray().size()), std::move(warnings),
                              published->shadow};
}

Result<api::ShadowReport> LocalEngine::shadowReport()
{
    std::lock_guard lock(m_readMutex);
    CS_TRY(transaction, storage::Transaction::beginRead(m_reader));
    api::ShadowReport report;
    CS_TRY(active, store::newestPolicy(m_reader));
    CS_TRY(shadow, store::shadowPolicy(m_reader));
    if (*active)
        report.activeVersion = (*active)->version;
    if (!*active || !*shadow)
        return report;
    report.shadowVersion = (*shadow)->version;
    report.shadowName = (*shadow)->name;
    report.shadowSigner = (*shadow)->signer;
    report.shadowSince = toIso8601((*shadow)->published);
    report.shadowDocument = (*shadow)->document;
    // Values are in the active policy's reference currency, as the differences recorded them.
    const QJsonObject activeDocument = QJsonDocument::fromJson(QByteArray::fromStdString((*active)->document)).object();
    report.currency = activeDocument.value(QStringLiteral("globals")).toObject().value(QStringLiteral("reference_currency")).toString().toStdString();
    CS_TRY(catalog, store::assetCatalog(m_reader));
    const Asset* currency = catalog->find(report.currency);
    if (currency == nullptr)
        return fail(ErrorCode::StorageFailed, "the active policy's reference currency " + report.currency + " is not an asset here");
    const auto effect = [](const QJsonValue& name) {
        return effectOf(policy::parseEffect(name.toString().toStdString()).value_or(policy::Effect::Deny));
    };
    std::map<std::pair<api::Effect, api::Effect>, std::pair<std::int64_t, Int128>> kinds;
    Int128 total = 0;
    static constexpr std::string_view types[] = {audit::types::kPolicyShadowDiffered};
    CS_TRY(read, audit::forEachEntryOf(m_reader, types, [&](std::int64_t, const std::string&, const std::string& text) -> Result<void> {
        const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
        if (body.value(QStringLiteral("shadow_version")).toString().toStdString() != report.shadowVersion)
            return {}; // an earlier shadow's
        api::BacktestChange change{body.value(QStringLiteral("intent")).toString().toStdString(),
                                   body.value(QStringLiteral("agent")).toString().toStdString(),
                                   body.value(QStringLiteral("at")).toString().toStdString(),
                                   effect(body.value(QStringLiteral("active_effect"))),
                                   effect(body.value(QStringLiteral("shadow_effect"))),
                                   {},
                                   body.value(QStringLiteral("amount")).toString().toStdString(),
                                   body.value(QStringLiteral("asset")).toString().toStdString(),
                                   body.value(QStringLiteral("value")).toString(QStringLiteral("0")).toStdString()};
        for (const QJsonValue& rule : body.value(QStringLiteral("shadow_rules")).toArray())
            change.rules.push_back(rule.toString().toStdString());
        auto value = Money::parse(change.value, *currency);
        if (!value)
            return fail(ErrorCode::StorageFailed, "the shadow difference of " + change.intent + " has no valid value");
        auto& kind = kinds[{change.before, change.after}];
        ++kind.first;
        kind.second += value->minor();
        total += value->minor();
        report.differences.push_back(std::move(change));
        return {};
    }));
    for (const auto& [key, kind] : kinds)
        report.transitions.push_back({key.first, key.second, kind.first, Money::fromMinor(kind.second, *currency).toString()});
    report.value = Money::fromMinor(total, *currency).toString();
    return report;
}

Result<api::BacktestSummary> LocalEngine::backtestPolicy(std::string_view document, const api::ProgressFn& progress,
                                                         std::stop_token stop)
{
    std::lock_guard lock(m_readMutex);
    return observed([&]() -> Result<api::BacktestSummary> {
        CS_TRY(transaction, storage::Transaction::beginRead(m_reader)); // one snapshot of history and policies
        CS_TRY(world, store::loadWorld(m_reader));
        const AssetCatalog catalog = AssetCatalog(world->assetList());

        std::vector<std::unique_ptr<policy::Evaluator>> compiled;
        std::map<std::string, const policy::Evaluator*> versions;
        CS_TRY(published, store::policies(m_reader));
        for (const store::PolicyRow& row : *published) {
            auto parsed = policy::parsePolicy(row.document, catalog);
            if (!parsed)
                return fail(ErrorCode::StorageFailed, "published policy " + row.version + " does not parse: "
                                                          + parsed.error().message);
            compiled.push_back(std::make_unique<policy::Evaluator>(std::move(*parsed)));
            versions.emplace(row.version, compiled.back().get());
        }
        std::unique_ptr<policy::Evaluator> draft;
        if (!document.empty()) {
            CS_TRY(parsed, policy::parsePolicy(document, catalog));
            for (const policy::Finding& finding : policy::checkPolicy(*parsed)) {
                if (finding.error)
                    return fail(ErrorCode::InvalidInput, "the draft policy has errors: " + finding.message);
            }
            draft = std::make_unique<policy::Evaluator>(std::move(*parsed));
        }
        const Asset& reference = draft ? draft->policy().globals.referenceCurrency
                                       : versions.empty() ? Asset{} : versions.begin()->second->policy().globals.referenceCurrency;
        CS_TRY(context, policy::loadContext(m_reader, *world, reference));
        CS_TRY(history, policy::loadHistory(m_reader));
        const bool usesReputation = (draft && draft->usesReputation())
                                    || std::any_of(versions.begin(), versions.end(),
                                                   [](const auto& version) { return version.second->usesReputation(); });
        if (usesReputation) {
            CS_TRY(standings, policy::addStandings(m_reader, *history));
        }
        const policy::BacktestProgress counted = [&](std::size_t done, std::size_t total) {
            if (progress)
                progress(static_cast<std::int64_t>(done), static_cast<std::int64_t>(total));
        };
        CS_TRY(report, policy::backtest(*history, draft.get(), versions, *context, counted, stop));
        return summaryOf(*report);
    }());
}

Result<api::PolicyCheck> LocalEngine::checkPolicy(std::string_view document)
{
    std::lock_guard lock(m_readMutex);
    CS_TRY(transaction, storage::Transaction::beginRead(m_reader));
    CS_TRY(catalog, store::assetCatalog(m_reader));
    auto draft = policy::parsePolicy(document, *catalog);
    if (!draft) {
        api::PolicyCheck check;
        check.problem = draft.error().message;
        check.problemRule = ruleOfProblem(document, check.problem);
        return check;
    }
    api::PolicyCheck check = policyCheckOf(*draft);
    CS_TRY(active, store::newestPolicy(m_reader));
    policy::Policy before;
    if (*active) {
        auto parsed = policy::parsePolicy((*active)->document, *catalog);
        if (!parsed)
            return fail(ErrorCode::StorageFailed, "published policy " + (*active)->version + " does not parse: "
                                                      + parsed.error().message);
        before = std::move(*parsed);
        check.activeVersion = before.version;
    }
    check.diff = policy::diffPolicies(before, *draft);
    return check;
}

Result<std::optional<std::string>> LocalEngine::policyDraft()
{
    QFile file(QString::fromStdString((m_dir / kPolicyDraftFile).string()));
    if (!file.exists())
        return std::optional<std::string>();
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::StorageFailed, "cannot read the policy draft " + file.fileName().toStdString());
    CS_TRY(text, readWhole(file, kMaxPolicyDraftBytes, "the policy draft"));
    return std::optional<std::string>(std::move(*text));
}

Result<void> LocalEngine::savePolicyDraft(std::string_view document)
{
    const std::filesystem::path path = m_dir / kPolicyDraftFile;
    if (document.empty()) {
        std::error_code error;
        std::filesystem::remove(path, error);
        if (error)
            return fail(ErrorCode::StorageFailed, "cannot discard the policy draft " + path.string() + ": " + error.message());
        return {};
    }
    if (document.size() > static_cast<std::size_t>(kMaxPolicyDraftBytes))
        return fail(ErrorCode::InvalidInput, "the policy draft is " + std::to_string(document.size())
                                                 + " bytes, more than the 4 MiB a policy may hold");
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);
    if (error)
        return fail(ErrorCode::StorageFailed, "cannot make " + path.parent_path().string() + ": " + error.message());
    return storage::writeFileDurably(path, document, 0600);
}

Result<std::vector<api::CapUse>> LocalEngine::capUsage()
{
    std::lock_guard lock(m_readMutex);
    CS_TRY(transaction, storage::Transaction::beginRead(m_reader));
    CS_TRY(world, store::loadWorld(m_reader));
    const Timestamp now = m_clock->now();
    CS_TRY(decider, policy::Decider::loadFor(m_reader, *world, now, {}));
    CS_TRY(rows, store::principals(m_reader));
    const policy::Policy& active = decider->evaluator().policy();
    std::vector<api::CapUse> uses;
    for (const policy::Rule& rule : active.rules) {
        if (!rule.window)
            continue;
        for (const store::PrincipalRow& row : *rows) {
            if (row.role != "agent")
                continue;
            const auto applies = policy::rulesFor(active, row.id, row.role);
            if (std::find(applies.begin(), applies.end(), &rule) != applies.end())
                uses.push_back(capUseOf(*decider, rule, row.id, now));
        }
    }
    return uses;
}

Result<api::Grants> LocalEngine::grantsOf(const std::string& principal)
{
    std::lock_guard lock(m_readMutex);
    CS_TRY(transaction, storage::Transaction::beginRead(m_reader));
    CS_TRY(row, store::findPrincipal(m_reader, principal));
    if (!*row)
        return fail(ErrorCode::NotFound, "no such principal '" + principal + "'");
    CS_TRY(world, store::loadWorld(m_reader));
    // The decide step's own windows, loaded as for a decision now: the use shown is the use it counts.
    const Timestamp now = m_clock->now();
    CS_TRY(decider, policy::Decider::loadFor(m_reader, *world, now, {}));
    const policy::Policy& active = decider->evaluator().policy();
    api::Grants grants{active.name, {}};
    for (const policy::Rule* rule : policy::rulesFor(active, principal, (*row)->role)) {
        api::Grant grant{rule->id, effectOf(rule->effect), rule->description, policy::describeMatch(*rule), {}, {}};
        if (rule->amount)
            grant.perTransaction = policy::describeBound(*rule->amount);
        if (rule->window) {
            const api::CapUse use = capUseOf(*decider, *rule, principal, now);
            grant.window = use.window;
            grant.windowUsed = use.used;
            grant.windowLimit = use.limit;
            grant.windowUsedPercent = use.usedPercent;
            grant.windowCurrency = use.currency;
            grant.windowSince = use.since;
        }
        grants.rules.push_back(std::move(grant));
    }
    return grants;
}

} // namespace cs::engine
