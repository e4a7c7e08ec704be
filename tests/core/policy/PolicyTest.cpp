// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "core/policy/Checks.h"
#include "core/policy/Diff.h"
#include "core/policy/EvaluationInput.h"
#include "core/policy/Evaluator.h"
#include "core/workspace/DemoSeed.h"
#include "tests/support/Proposals.h"

using namespace cs;
using namespace cs::policy;

namespace {

//! The signed body of `decision`, read back as the log's readers read it.
QJsonObject bodyOf(const Decision& decision, const Proposal& proposal, const std::string& proposalSha)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(decision.toJson(proposal, proposalSha).json())).object();
}

Policy demoPolicy()
{
    auto parsed = parsePolicy(workspace::embeddedDemoPolicy(), workspace::demoAssets());
    if (!parsed)
        qFatal("%s", parsed.error().message.c_str());
    return *parsed;
}

//! A policy with the demo globals, lists and groups and `rules` (a JSON array).
QByteArray withRules(const QByteArray& rules, const QByteArray& globals = {})
{
    return R"({"schema":"countersign.policy/1","name":"test","globals":{"default_effect":"deny","reference_currency":"USDC")"
           + globals + R"(},"lists":{"dex-venues":{"kind":"venues","members":["dex-alpha","dex-beta"]},)"
           + R"("api-vendors":{"kind":"counterparties","members":["maps-api","weather-api"]}},)"
           + R"("groups":{"treasury":["alice","bob"]},"rules":)" + rules + "}";
}

Timestamp at(const char* iso)
{
    return *parseIso8601(iso);
}

} // namespace

/**
 * The policy engine without a workspace: the strict policy parser, the decision semantics
 * (default deny, deny wins, errors deny), explanations and counterfactuals, spend windows
 * (rolling and calendar day in a time zone), content hashes, and the static checks.
 */
class PolicyTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoPolicyParses();
    void invalidPolicies_data();
    void invalidPolicies();
    void versionIsTheCanonicalContent();
    void demoDecisions_data();
    void demoDecisions();
    void firstTimeMeansNeverSettledTo_data();
    void firstTimeMeansNeverSettledTo();
    void claimsAreComparedNeverObeyed();
    void rollingWindowForgetsOldSpends();
    void calendarDayFollowsTheTimeZone();
    void roleCapCountsEveryAgentWithTheRole();
    void valuesInTheReferenceCurrency();
    void evaluationErrorDenies();
    void usageFileIsStrict_data();
    void usageFileIsStrict();
    void staticChecks_data();
    void staticChecks();
    void diffNamesEachChange_data();
    void diffNamesEachChange();
};

void PolicyTest::demoPolicyParses()
{
    const Policy policy = demoPolicy();
    QCOMPARE(policy.rules.size(), std::size_t(18));
    QCOMPARE(policy.version.size(), std::size_t(64));
    QCOMPARE(policy.globals.referenceCurrency.code, std::string("USDC"));
    QCOMPARE(*policy.globals.maxSlippageBps, 200);
    const Rule* cap = policy.findRule("api.daily-cap");
    QVERIFY(cap != nullptr && cap->window && cap->window->kind == Window::Kind::CalendarDay);
    QVERIFY(*cap->window->bound.above == Int128(300'000'000));
    QCOMPARE(cap->counterparty.list, std::string("api-vendors"));
    // The demo policy passes its own static checks without errors.
    for (const Finding& finding : checkPolicy(policy))
        QVERIFY2(!finding.error, finding.message.c_str());
}

void PolicyTest::invalidPolicies_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("error"); // the start of the message: path and reason
    const QByteArray allow = R"({"id":"a","effect":"allow"})";
    QTest::newRow("not-json") << QByteArray("{") << "$: ";
    QTest::newRow("wrong-schema") << withRules("[]").replace("policy/1", "policy/2") << "$.schema: must be";
    QTest::newRow("unknown-root-key") << withRules("[]").replace(R"("name")", R"("execute":1,"name")") << "$.execute: unknown key";
    QTest::newRow("default-allow") << withRules("[]").replace(R"("default_effect":"deny")", R"("default_effect":"allow")")
                                   << "$.globals.default_effect: must be deny";
    QTest::newRow("unknown-currency") << withRules("[]").replace(R"("reference_currency":"USDC")", R"("reference_currency":"EUR")")
                                      << "$.globals.reference_currency: unknown asset EUR";
    QTest::newRow("bad-time-zone") << withRules("[]", R"(,"time_zone":"Mars/Olympus")") << "$.globals.time_zone: unknown time zone";
    QTest::newRow("slippage-out-of-range") << withRules("[]", R"(,"max_slippage_bps":10001)")
                                           << "$.globals.max_slippage_bps: must be a whole number from 0 to 10000";
    QTest::newRow("duplicate-key") << withRules(R"([{"id":"a","id":"b","effect":"allow"}])") << "$.rules[0].id: duplicate key";
    QTest::newRow("duplicate-rule-id") << withRules("[" + allow + "," + allow + "]") << "$.rules[1].id: rule id a is used twice";
    QTest::newRow("unknown-effect") << withRules(R"([{"id":"a","effect":"permit"}])") << "$.rules[0].effect: must be allow";
    QTest::newRow("unknown-rule-key") << withRules(R"([{"id":"a","effect":"allow","priority":1}])") << "$.rules[0].priority: unknown key";
    QTest::newRow("undefined-list") << withRules(R"([{"id":"a","effect":"allow","match":{"venue":{"in_list":"nope"}}}])")
                                    << "$.rules[0].match.venue.in_list: undefined list 'nope'";
    QTest::newRow("list-of-wrong-kind")
        << withRules(R"([{"id":"a","effect":"allow","match":{"venue":{"in_list":"api-vendors"}}}])")
        << "$.rules[0].match.venue.in_list: list 'api-vendors' holds counterparties, not venues";
    QTest::newRow("empty-set") << withRules(R"([{"id":"a","effect":"allow","match":{"agent":[]}}])")
                               << "$.rules[0].match.agent: must not be empty";
    QTest::newRow("homoglyph-agent") << withRules("[{\"id\":\"a\",\"effect\":\"allow\",\"match\":{\"agent\":[\"tr\xd0\xb0" "der\"]}}]")
                                     << "$.rules[0].match.agent[0]: must be an ASCII identifier";
    QTest::newRow("unknown-action") << withRules(R"([{"id":"a","effect":"allow","match":{"action":["mint"]}}])")
                                    << "$.rules[0].match.action[0]: must be one of transfer";
    QTest::newRow("amount-number") << withRules(R"([{"id":"a","effect":"allow","amount":{"at_most":250}}])")
                                   << "$.rules[0].amount.at_most: amounts are decimal strings";
    QTest::newRow("amount-too-precise") << withRules(R"([{"id":"a","effect":"allow","amount":{"at_most":"1.0000001"}}])")
                                        << "$.rules[0].amount.at_most: ";
    QTest::newRow("empty-range") << withRules(R"([{"id":"a","effect":"allow","amount":{"above":"10","at_most":"10"}}])")
                                 << "$.rules[0].amount.at_most: must be greater than \"above\"";
    QTest::newRow("bound-without-limit") << withRules(R"([{"id":"a","effect":"allow","amount":{"currency":"USDC"}}])")
                                         << "$.rules[0].amount: needs \"above\", \"at_most\" or both";
    QTest::newRow("bad-period") << withRules(R"([{"id":"a","effect":"deny","window":{"period":"1 day","above":"1"}}])")
                                << "$.rules[0].window.period: must be calendar_day or a duration";
    QTest::newRow("approval-on-allow")
        << withRules(R"([{"id":"a","effect":"allow","approval":{"groups":[{"group":"treasury","threshold":1}]}}])")
        << "$.rules[0].approval: only a require_approval rule names approvers";
    QTest::newRow("approval-missing") << withRules(R"([{"id":"a","effect":"require_approval"}])")
                                      << "$.rules[0].approval: required for require_approval";
    QTest::newRow("undefined-group")
        << withRules(R"([{"id":"a","effect":"require_approval","approval":{"groups":[{"group":"ops","threshold":1}]}}])")
        << "$.rules[0].approval.groups[0].group: undefined approver group 'ops'";
    QTest::newRow("threshold-above-members")
        << withRules(R"([{"id":"a","effect":"require_approval","approval":{"groups":[{"group":"treasury","threshold":3}]}}])")
        << "$.rules[0].approval.groups[0].threshold: 3 approvals cannot come from the 2 members of 'treasury'";
    QTest::newRow("threshold-zero")
        << withRules(R"([{"id":"a","effect":"require_approval","approval":{"groups":[{"group":"treasury","threshold":0}]}}])")
        << "$.rules[0].approval.groups[0].threshold: must be a whole number from 1 to 16";
    QTest::newRow("bidi-in-description") << withRules("[{\"id\":\"a\",\"effect\":\"allow\",\"description\":\"ok\xe2\x80\xae\"}]")
                                         << "$.rules[0].description: contains a bidirectional formatting character";
}

void PolicyTest::invalidPolicies()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, error);
    auto parsed = parsePolicy(document.toStdString(), workspace::demoAssets());
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, ErrorCode::InvalidInput);
    QVERIFY2(QString::fromStdString(parsed.error().message).startsWith(error), parsed.error().message.c_str());
}

void PolicyTest::versionIsTheCanonicalContent()
{
    const QByteArray rules = R"([{"id":"a","effect":"allow","amount":{"at_most":"250"}}])";
    const auto first = parsePolicy(withRules(rules).toStdString(), workspace::demoAssets());
    // Whitespace and key order do not change the version; a changed amount does.
    QJsonDocument reordered = QJsonDocument::fromJson(withRules(rules));
    const auto second = parsePolicy(reordered.toJson(QJsonDocument::Indented).toStdString(), workspace::demoAssets());
    const auto changed = parsePolicy(withRules(QByteArray(rules).replace("250", "251")).toStdString(), workspace::demoAssets());
    QVERIFY(first && second && changed);
    QCOMPARE(first->version, second->version);
    QCOMPARE(first->canonical, second->canonical);
    QVERIFY(first->version != changed->version);
}

void PolicyTest::demoDecisions_data()
{
    QTest::addColumn<QByteArray>("agent");
    QTest::addColumn<QByteArray>("action");
    QTest::addColumn<QString>("spent"); // USDC the api-buyer already paid listed vendors today
    QTest::addColumn<QString>("effect");
    QTest::addColumn<QString>("rules"); // fired rule ids, comma-separated
    QTest::addColumn<QString>("counterfactual");

    const QByteArray pay = R"({"type":"pay_api","asset":"USDC","amount":"%1","to":"%2","venue":"x402"})";
    const auto payment = [&](const char* amount, const char* to) {
        return QByteArray(pay).replace("%1", amount).replace("%2", to);
    };
    QTest::newRow("listed-api-payment") << QByteArray("api-buyer") << payment("25", "weather-api") << "0" << "allow"
                                        << "api.listed-vendors" << "amount above 200 USDC would be denied";
    QTest::newRow("per-payment-limit") << QByteArray("api-buyer") << payment("200.000001", "weather-api") << "0" << "deny"
                                       << "global.default-deny" << "amount ≤ 200 USDC — rule api.listed-vendors would allow it";
    QTest::newRow("cap-exactly-reached") << QByteArray("api-buyer") << payment("50", "maps-api") << "250" << "allow"
                                         << "api.listed-vendors" << "amount above 50 USDC would be denied";
    QTest::newRow("cap-one-unit-over") << QByteArray("api-buyer") << payment("50.000001", "maps-api") << "250" << "deny"
                                       << "api.daily-cap,api.listed-vendors" << "amount ≤ 50 USDC would be allowed";
    QTest::newRow("cap-used-up") << QByteArray("api-buyer") << payment("1", "maps-api") << "300" << "deny"
                                 << "api.daily-cap,api.listed-vendors"
                                 << "the calendar_day cap of rule api.daily-cap is used up (300 USDC spent, above 300 USDC is denied); "
                                    "it resets at 2026-11-25T00:00:00.000Z";
    QTest::newRow("first-time-vendor") << QByteArray("api-buyer") << payment("20", "translate-api") << "300" << "require_approval"
                                       << "api.first-time" << "needs 1 more approver from 'treasury'";
    QTest::newRow("unknown-payee-denied") << QByteArray("api-buyer") << payment("20", "wallet-7f3a") << "0" << "deny"
                                          << "api.unknown-payee,api.first-time"
                                          << "deny rule api.unknown-payee applies whatever the amount";
    const QByteArray swap = R"({"type":"swap","asset":"USDC","amount":"%1","venue":"%2","params":{"asset_out":"ETH","min_out":"0.1"}})";
    QTest::newRow("swap-within-limit") << QByteArray("trader") << QByteArray(swap).replace("%1", "10000").replace("%2", "dex-alpha")
                                       << "0" << "allow" << "trader.swaps"
                                       << "amount above 10000 USDC would need approval";
    QTest::newRow("swap-needs-approval") << QByteArray("trader")
                                         << QByteArray(swap).replace("%1", "10000.000001").replace("%2", "dex-alpha") << "0"
                                         << "require_approval" << "trader.large-swaps"
                                         << "needs 1 more approver from 'treasury'; or amount ≤ 10000 USDC would be allowed";
    QTest::newRow("swap-hard-limit") << QByteArray("trader") << QByteArray(swap).replace("%1", "250000.01").replace("%2", "dex-alpha")
                                     << "0" << "deny" << "trader.hard-limit,trader.large-swaps"
                                     << "amount ≤ 250000 USDC would need approval";
    QTest::newRow("unlisted-venue") << QByteArray("trader") << QByteArray(swap).replace("%1", "100").replace("%2", "dex-gamma") << "0"
                                    << "deny" << "global.default-deny"
                                    << "venue dex-gamma is not in list 'dex-venues' — rule trader.swaps would allow it";
    QTest::newRow("eth-valued-in-usdc")
        << QByteArray("treasury-bot") << QByteArray(R"({"type":"deposit","asset":"ETH","amount":"15.625","venue":"lend-one"})") << "0"
        << "allow" << "treasury.lending" << "amount above 15.625 ETH would need approval";
    QTest::newRow("eth-one-wei-over")
        << QByteArray("treasury-bot") << QByteArray(R"({"type":"deposit","asset":"ETH","amount":"15.625000000000000001","venue":"lend-one"})")
        << "0" << "require_approval" << "treasury.large-deposits"
        << "needs 1 more approver from 'treasury'; or amount ≤ 15.625 ETH would be allowed";
    QTest::newRow("two-approvers-and-limit")
        << QByteArray("payroll-bot") << QByteArray(R"({"type":"transfer","asset":"USDC","amount":"12500","to":"initech-consulting"})")
        << "0" << "require_approval" << "payroll.large,payroll.first-time"
        << "needs 2 more approvers from 'treasury'"; // both rules: the larger threshold (it said "1 more" of 2)
    QTest::newRow("no-rule-for-agent") << QByteArray("ghost-bot") << payment("1", "weather-api") << "0" << "deny"
                                       << "global.default-deny" << "rule api.listed-vendors would allow it";
}

void PolicyTest::demoDecisions()
{
    QFETCH(QByteArray, agent);
    QFETCH(QByteArray, action);
    QFETCH(QString, spent);
    QFETCH(QString, effect);
    QFETCH(QString, rules);
    QFETCH(QString, counterfactual);

    const Evaluator evaluator(demoPolicy());
    SpendWindows windows(evaluator);
    Context context;
    context.now = at("2026-11-24T15:00:00Z");
    context.prices = workspace::demoPrices();
    const Asset usdc = *workspace::demoAssets().find("USDC");
    if (spent != QLatin1String("0")) {
        // Yesterday's spending never counts against today's calendar-day cap.
        QVERIFY(windows.add({"old", "api-buyer", ActionType::PayApi, *Money::parse("290", usdc), std::string("weather-api"),
                             std::string("x402"), at("2026-11-23T23:59:59Z")},
                            context));
        QVERIFY(windows.add({"earlier", "api-buyer", ActionType::PayApi, *Money::parse(spent.toStdString(), usdc),
                             std::string("weather-api"), std::string("x402"), at("2026-11-24T00:00:00Z")},
                            context));
        // A payment to an unlisted vendor is outside the cap's scope.
        QVERIFY(windows.add({"other", "api-buyer", ActionType::PayApi, *Money::parse("90", usdc), std::string("translate-api"),
                             std::string("x402"), at("2026-11-24T01:00:00Z")},
                            context));
    }
    const Proposal proposal = test::makeProposal(agent, action);
    const Decision decision = evaluator.evaluate(proposal, context, windows);
    QCOMPARE(QString::fromStdString(std::string(toString(decision.effect))), effect);
    QStringList fired;
    for (const std::string& rule : decision.rules)
        fired << QString::fromStdString(rule);
    QCOMPARE(fired.join(u','), rules);
    QVERIFY2(QString::fromStdString(decision.counterfactual).contains(counterfactual), decision.counterfactual.c_str());
    QCOMPARE(decision.policyVersion, evaluator.policy().version);
    QVERIFY(!decision.reasons.empty());
    for (const Clause& clause : decision.reasons)
        QVERIFY(!clause.text.empty());
    // The signed body carries the same: effect, rule ids, a reason per clause, the counterfactual.
    const QJsonObject body = bodyOf(decision, proposal, std::string(64, 'a'));
    QCOMPARE(body.value(QStringLiteral("effect")).toString(), effect);
    QCOMPARE(body.value(QStringLiteral("rules")).toArray().size(), fired.size());
    QCOMPARE(body.value(QStringLiteral("counterfactual")).toString(), QString::fromStdString(decision.counterfactual));
}

void PolicyTest::firstTimeMeansNeverSettledTo_data()
{
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QStringList>("settledTo"); // counterparties paid before
    QTest::addColumn<int>("recorded");          // -1: from settledTo; 0/1: the recorded first_time
    QTest::addColumn<QString>("effect");
    QTest::addColumn<QString>("rules");

    // weather-api is on 'api-vendors'; translate-api is on no list.
    QTest::newRow("listed-never-paid") << QByteArray("weather-api") << QStringList{} << -1 << "require_approval"
                                       << "new-payee,pay";
    QTest::newRow("listed-paid-before") << QByteArray("weather-api") << QStringList{QStringLiteral("weather-api")} << -1 << "allow" << "pay";
    QTest::newRow("unlisted-never-paid") << QByteArray("translate-api") << QStringList{QStringLiteral("weather-api")} << -1
                                         << "require_approval" << "new-payee,pay";
    QTest::newRow("unlisted-paid-before") << QByteArray("translate-api") << QStringList{QStringLiteral("translate-api")} << -1 << "allow"
                                          << "pay";
    // Replay and backtests decide on what was recorded, not on today's history.
    QTest::newRow("recorded-paid-before") << QByteArray("translate-api") << QStringList{} << 0 << "allow" << "pay";
    QTest::newRow("recorded-first-time") << QByteArray("weather-api") << QStringList{QStringLiteral("weather-api")} << 1
                                         << "require_approval" << "new-payee,pay";
}

void PolicyTest::firstTimeMeansNeverSettledTo()
{
    QFETCH(QByteArray, to);
    QFETCH(QStringList, settledTo);
    QFETCH(int, recorded);
    QFETCH(QString, effect);
    QFETCH(QString, rules);

    auto parsed = parsePolicy(withRules(R"([{"id":"new-payee","effect":"require_approval",
        "match":{"action":["pay_api"],"destination":"first_time"},"approval":{"groups":[{"group":"treasury","threshold":1}]}},
        {"id":"pay","effect":"allow","match":{"action":["pay_api"]},"amount":{"at_most":"100"}}])")
                                  .toStdString(),
                              workspace::demoAssets());
    QVERIFY2(parsed, parsed ? "" : parsed.error().message.c_str());
    const Evaluator evaluator(std::move(*parsed));
    SpendWindows windows(evaluator);
    Context context;
    context.now = at("2026-11-24T15:00:00Z");
    context.prices = workspace::demoPrices();
    for (const QString& paid : settledTo)
        context.settledTo.insert(paid.toStdString());
    const Proposal proposal = test::makeProposal(
        "api-buyer", R"({"type":"pay_api","asset":"USDC","amount":"20","to":")" + to + R"(","venue":"x402"})");
    Request request;
    request.agent = &proposal.agent;
    request.action = proposal.action.type;
    request.amount = proposal.action.amount;
    request.to = &*proposal.action.to;
    request.venue = &*proposal.action.venue;
    if (recorded >= 0)
        request.firstTime = recorded == 1;
    const Decision decision = evaluator.decide(request, context, windows);
    QCOMPARE(QString::fromStdString(std::string(toString(decision.effect))), effect);
    QStringList fired;
    for (const std::string& rule : decision.rules)
        fired << QString::fromStdString(rule);
    QCOMPARE(fired.join(u','), rules);
    // The decision says which it was, so replay can reproduce it.
    const bool firstTime = effect == QLatin1String("require_approval");
    QCOMPARE(decision.firstTime, firstTime);
    QCOMPARE(bodyOf(decision, proposal, std::string(64, 'a')).value(QStringLiteral("first_time")).toBool(!firstTime), firstTime);
}

void PolicyTest::claimsAreComparedNeverObeyed()
{
    const Evaluator evaluator(demoPolicy());
    SpendWindows windows(evaluator);
    Context context;
    context.now = at("2026-11-24T15:00:00Z");
    context.prices = workspace::demoPrices();
    Proposal proposal = test::makeProposal("payroll-bot", R"({"type":"transfer","asset":"USDC","amount":"2400","to":"sam-fisher"})");
    // The model claims low risk and no approvals; the policy needs two approvers.
    Decision decision = evaluator.evaluate(proposal, context, windows);
    QVERIFY(decision.effect == Effect::RequireApproval);
    QCOMPARE(decision.approvalsRequired, 2);
    QVERIFY(decision.underClaimed);
    // Claiming more than needed changes nothing about the decision and is not under-claiming.
    proposal.requiredApprovals = 5;
    proposal.riskLevel = RiskLevel::Critical;
    decision = evaluator.evaluate(proposal, context, windows);
    QVERIFY(decision.effect == Effect::RequireApproval);
    QCOMPARE(decision.approvalsRequired, 2);
    QVERIFY(!decision.underClaimed);
}

void PolicyTest::rollingWindowForgetsOldSpends()
{
    const auto parsed = parsePolicy(withRules(R"([{"id":"cap","effect":"deny","window":{"period":"24h","above":"100"}},)"
                                              R"({"id":"ok","effect":"allow"}])")
                                        .toStdString(),
                                    workspace::demoAssets());
    QVERIFY2(parsed, parsed ? "" : parsed.error().message.c_str());
    const Evaluator evaluator(*parsed);
    SpendWindows windows(evaluator);
    const Asset usdc = *workspace::demoAssets().find("USDC");
    Context context;
    context.prices = workspace::demoPrices();
    QVERIFY(windows.add({"a", "trader", ActionType::Transfer, *Money::parse("80", usdc), std::string("x"), std::nullopt,
                         at("2026-11-24T10:00:00Z")},
                        context));
    const Proposal proposal = test::makeProposal("trader", R"({"type":"transfer","asset":"USDC","amount":"30","to":"dana-lee"})");
    context.now = at("2026-11-25T09:59:59Z"); // still within 24 hours of the first spend
    QVERIFY(evaluator.evaluate(proposal, context, windows).effect == Effect::Deny);
    context.now = at("2026-11-25T10:00:01Z"); // it left the window
    const Decision later = evaluator.evaluate(proposal, context, windows);
    QVERIFY(later.effect == Effect::Allow);
    QCOMPARE(later.windows.size(), std::size_t(1));
    QCOMPARE(later.windows.front().spent.toString(), std::string("0"));
    QCOMPARE(later.windows.front().withThis.toString(), std::string("30"));
}

void PolicyTest::calendarDayFollowsTheTimeZone()
{
    const auto parsed = parsePolicy(withRules(R"([{"id":"cap","effect":"deny","window":{"period":"calendar_day","above":"100"}},)"
                                              R"({"id":"ok","effect":"allow"}])",
                                              R"(,"time_zone":"Europe/Berlin")")
                                        .toStdString(),
                                    workspace::demoAssets());
    QVERIFY(parsed);
    const Evaluator evaluator(*parsed);
    // 23:30 UTC on 24 November is 00:30 on the 25th in Berlin (UTC+1): a new day there.
    QCOMPARE(toIso8601(evaluator.windowStart(*parsed->rules.front().window, at("2026-11-24T23:30:00Z"))),
             std::string("2026-11-24T23:00:00.000Z"));
    QCOMPARE(toIso8601(evaluator.windowStart(*parsed->rules.front().window, at("2026-11-24T22:30:00Z"))),
             std::string("2026-11-23T23:00:00.000Z"));
    // Summer time: Berlin is UTC+2 on 1 July.
    QCOMPARE(toIso8601(evaluator.windowStart(*parsed->rules.front().window, at("2026-07-01T12:00:00Z"))),
             std::string("2026-06-30T22:00:00.000Z"));
    SpendWindows windows(evaluator);
    const Asset usdc = *workspace::demoAssets().find("USDC");
    Context context;
    context.prices = workspace::demoPrices();
    QVERIFY(windows.add({"a", "trader", ActionType::Transfer, *Money::parse("80", usdc), std::string("x"), std::nullopt,
                         at("2026-11-24T22:50:00Z")},
                        context));
    context.now = at("2026-11-24T23:10:00Z");
    const Proposal proposal = test::makeProposal("trader", R"({"type":"transfer","asset":"USDC","amount":"30","to":"dana-lee"})");
    QVERIFY(evaluator.evaluate(proposal, context, windows).effect == Effect::Allow);
}

void PolicyTest::roleCapCountsEveryAgentWithTheRole()
{
    // A cap on the role: each agent's spends count against its own window of the rule.
    const auto parsed = parsePolicy(withRules(R"([{"id":"role-cap","effect":"deny","match":{"role":["agent"]},)"
                                              R"("window":{"period":"24h","above":"100"}},{"id":"ok","effect":"allow"}])")
                                        .toStdString(),
                                    workspace::demoAssets());
    QVERIFY(parsed);
    const Evaluator evaluator(*parsed);
    SpendWindows windows(evaluator);
    Context context;
    context.prices = workspace::demoPrices();
    context.roles = {{"trader", "agent"}, {"alice", "approver"}};
    context.now = at("2026-11-24T12:00:00Z");
    const Asset usdc = *workspace::demoAssets().find("USDC");
    QVERIFY(windows.add({"a", "trader", ActionType::Transfer, *Money::parse("90", usdc), std::string("x"), std::nullopt,
                         at("2026-11-24T10:00:00Z")},
                        context));
    const Proposal trader = test::makeProposal("trader", R"({"type":"transfer","asset":"USDC","amount":"20","to":"dana-lee"})");
    const Decision denied = evaluator.evaluate(trader, context, windows);
    QVERIFY(denied.effect == Effect::Deny);
    QCOMPARE(denied.rules.front(), std::string("role-cap"));
    // A principal without the role is not under the cap.
    const Proposal other = test::makeProposal("alice", R"({"type":"transfer","asset":"USDC","amount":"200","to":"dana-lee"})");
    QVERIFY(evaluator.evaluate(other, context, windows).effect == Effect::Allow);
}

void PolicyTest::valuesInTheReferenceCurrency()
{
    const auto catalog = workspace::demoAssets();
    const Asset usdc = *catalog.find("USDC");
    const Asset eth = *catalog.find("ETH");
    const Asset sol = *catalog.find("SOL");
    const auto prices = workspace::demoPrices(); // ETH 3200, SOL 150
    QVERIFY(*Evaluator::valueIn(*Money::parse("1.5", eth), usdc, prices, usdc) == Int128(4'800'000'000));
    // One wei is worth 0.0000000000000032 USDC: rounded up to one minor unit, against the agent.
    QVERIFY(*Evaluator::valueIn(*Money::parse("0.000000000000000001", eth), usdc, prices, usdc) == Int128(1));
    // ETH in SOL: 1 ETH = 3200 / 150 SOL = 21.333333334 (rounded up).
    QVERIFY(*Evaluator::valueIn(*Money::parse("1", eth), sol, prices, usdc) == Int128(21'333'333'334));
    QVERIFY(*Evaluator::valueIn(*Money::parse("7", usdc), usdc, prices, usdc) == Int128(7'000'000));
    // No price: an error, never a guess.
    auto unpriced = Evaluator::valueIn(*Money::parse("1", eth), usdc, {}, usdc);
    QVERIFY(!unpriced);
    QVERIFY(QString::fromStdString(unpriced.error().message).contains(QStringLiteral("no recorded USDC price for ETH")));
}

void PolicyTest::evaluationErrorDenies()
{
    const auto parsed = parsePolicy(withRules(R"([{"id":"ok","effect":"allow","amount":{"at_most":"1000"}}])").toStdString(),
                                    workspace::demoAssets());
    const Evaluator evaluator(*parsed);
    SpendWindows windows(evaluator);
    Context context; // no prices: an ETH amount cannot be valued
    context.now = at("2026-11-24T15:00:00Z");
    const Proposal proposal = test::makeProposal("trader", R"({"type":"transfer","asset":"ETH","amount":"0.1","to":"dana-lee"})");
    const Decision decision = evaluator.evaluate(proposal, context, windows);
    QVERIFY(decision.effect == Effect::Deny);
    QVERIFY(decision.rules.front() == "global.error");
    QVERIFY(QString::fromStdString(decision.error).contains(QStringLiteral("no recorded USDC price for ETH")));
    QVERIFY(bodyOf(decision, proposal, "x").contains(QStringLiteral("error")));
}

void PolicyTest::usageFileIsStrict_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("error");
    QTest::newRow("valid") << QByteArray(R"({"schema":"countersign.usage/1","now":"2026-11-24T12:00:00Z","prices":{"ETH":"3000"},)"
                                         R"("spends":[{"agent":"api-buyer","action":"pay_api","asset":"USDC","amount":"25",)"
                                         R"("to":"weather-api","at":"2026-11-24T10:00:00+01:00"}]})")
                           << QString();
    QTest::newRow("no-zone") << QByteArray(R"({"schema":"countersign.usage/1","now":"2026-11-24T12:00:00"})")
                             << "$.now: must be an RFC 3339 time with a zone";
    QTest::newRow("future-spend") << QByteArray(R"({"schema":"countersign.usage/1","now":"2026-11-24T12:00:00Z","spends":[)"
                                                R"({"agent":"a","action":"transfer","asset":"USDC","amount":"1","at":"2026-11-24T13:00:00Z"}]})")
                                  << "$.spends[0].at: is after \"now\"";
    QTest::newRow("unordered") << QByteArray(R"({"schema":"countersign.usage/1","now":"2026-11-24T12:00:00Z","spends":[)"
                                             R"({"agent":"a","action":"transfer","asset":"USDC","amount":"1","at":"2026-11-24T11:00:00Z"},)"
                                             R"({"agent":"a","action":"transfer","asset":"USDC","amount":"1","at":"2026-11-24T10:00:00Z"}]})")
                               << "$.spends[1].at: spends must be in time order";
    QTest::newRow("number-price") << QByteArray(R"({"schema":"countersign.usage/1","prices":{"ETH":3000}})")
                                  << "$.prices.ETH: amounts are decimal strings";
    QTest::newRow("unknown-key") << QByteArray(R"({"schema":"countersign.usage/1","usage":{}})") << "$.usage: unknown key";
}

void PolicyTest::usageFileIsStrict()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, error);
    auto input = parseEvaluationInput(document.toStdString(), workspace::demoAssets(), at("2026-11-24T12:00:00Z"),
                                      workspace::demoPrices());
    if (error.isEmpty()) {
        QVERIFY2(input, input ? "" : input.error().message.c_str());
        QCOMPARE(input->spends.size(), std::size_t(1));
        QCOMPARE(toIso8601(input->spends.front().at), std::string("2026-11-24T09:00:00.000Z"));
        QCOMPARE(input->context.prices.at("ETH").toString(), std::string("3000"));
        QCOMPARE(input->context.prices.at("SOL").toString(), std::string("150")); // the demo's, where not given
        return;
    }
    QVERIFY(!input);
    QVERIFY2(QString::fromStdString(input.error().message).startsWith(error), input.error().message.c_str());
}

void PolicyTest::staticChecks_data()
{
    QTest::addColumn<QByteArray>("rules");
    QTest::addColumn<QString>("kind"); // the one finding expected, or empty for none
    QTest::addColumn<bool>("error");
    QTest::newRow("clean") << QByteArray(R"([{"id":"a","effect":"allow","match":{"agent":["trader"]}},)"
                                         R"({"id":"b","effect":"deny","match":{"agent":["api-buyer"]}}])")
                           << QString() << false;
    QTest::newRow("shadowed") << QByteArray(R"([{"id":"a","effect":"allow","match":{"agent":["trader"]}},)"
                                            R"({"id":"b","effect":"allow","match":{"agent":["trader"],"action":["swap"]}}])")
                              << "shadowed" << false;
    QTest::newRow("shadowed-by-deny") << QByteArray(R"([{"id":"d","effect":"deny","match":{"venue":{"not_in_list":"dex-venues"}}},)"
                                                    R"({"id":"a","effect":"allow","match":{"agent":["trader"],"venue":["dex-gamma"]}}])")
                                      << "shadowed-by-deny" << false;
    QTest::newRow("overlap") << QByteArray(R"([{"id":"d","effect":"deny","match":{"asset":["ETH"]}},)"
                                           R"({"id":"a","effect":"allow","match":{"agent":["trader"]}}])")
                             << "overlap" << false;
    QTest::newRow("counterparty-on-swaps") << QByteArray(R"([{"id":"a","effect":"allow","match":{"action":["swap"],"counterparty":["x"]}}])")
                                           << "unreachable" << true;
    QTest::newRow("listed-but-never-listed")
        << QByteArray(R"([{"id":"a","effect":"allow","match":{"counterparty":["dana-lee"],"destination":"listed"}}])")
        << "unreachable" << true;
    QTest::newRow("cap-never-binds") << QByteArray(R"([{"id":"cap","effect":"deny","match":{"agent":["ghost"]},)"
                                                   R"("window":{"period":"7d","above":"5"}},{"id":"a","effect":"allow","match":{"agent":["trader"]}}])")
                                     << "cap-never-binds" << false;
    QTest::newRow("cap-that-binds") << QByteArray(R"([{"id":"cap","effect":"deny","match":{"agent":["trader"]},)"
                                                  R"("window":{"period":"7d","above":"5"}},{"id":"a","effect":"allow","match":{"agent":["trader"]}}])")
                                    << QString() << false;
    // The review's catch-all: it turned four denied demo proposals into allowed ones.
    QTest::newRow("catch-all-allow") << QByteArray(R"([{"id":"all","effect":"allow","match":{}}])") << "too-broad" << true;
    QTest::newRow("catch-all-no-match") << QByteArray(R"([{"id":"all","effect":"allow"}])") << "too-broad" << true;
    QTest::newRow("catch-all-one-asset") << QByteArray(R"([{"id":"all","effect":"allow","match":{"asset":["USDC"]}}])")
                                         << "too-broad" << true;
    QTest::newRow("catch-all-on-purpose") << QByteArray(R"([{"id":"all","effect":"allow","match":{},"broad":"sandbox desk, play money"}])")
                                          << "broad" << false;
    QTest::newRow("every-agent-bounded") << QByteArray(R"([{"id":"all","effect":"allow","match":{},"amount":{"at_most":"10"}}])")
                                         << QString() << false;
    QTest::newRow("every-agent-one-action") << QByteArray(R"([{"id":"all","effect":"allow","match":{"action":["pay_api"]}}])")
                                            << QString() << false;
    QTest::newRow("catch-all-deny") << QByteArray(R"([{"id":"none","effect":"deny","match":{}}])") << QString() << false;
}

void PolicyTest::staticChecks()
{
    QFETCH(QByteArray, rules);
    QFETCH(QString, kind);
    QFETCH(bool, error);
    const auto parsed = parsePolicy(withRules(rules).toStdString(), workspace::demoAssets());
    QVERIFY2(parsed, parsed ? "" : parsed.error().message.c_str());
    const std::vector<Finding> findings = checkPolicy(*parsed);
    if (kind.isEmpty()) {
        QVERIFY2(findings.empty(), findings.empty() ? "" : findings.front().message.c_str());
        return;
    }
    QCOMPARE(findings.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(findings.front().kind), kind);
    QCOMPARE(findings.front().error, error);
    QVERIFY(!findings.front().message.empty());
}

void PolicyTest::diffNamesEachChange_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QString>("lines"); // the diff's lines, joined by '|'
    const QByteArray a = R"({"id":"a","effect":"allow","match":{"agent":["trader"]},"amount":{"at_most":"100"}})";
    const QByteArray b = R"({"id":"b","effect":"deny","match":{"venue":["dex-gamma"]}})";
    QTest::newRow("same") << withRules("[" + a + "," + b + "]") << withRules("[" + a + "," + b + "]") << QString();
    QTest::newRow("amount") << withRules("[" + a + "]") << withRules("[" + QByteArray(a).replace("100", "250") + "]")
                            << "~ rule a: amount: at most 100 USDC → at most 250 USDC";
    QTest::newRow("effect-and-match")
        << withRules("[" + b + "]") << withRules("[" + QByteArray(b).replace("deny", "allow").replace("dex-gamma", "dex-delta") + "]")
        << "~ rule b: effect: deny → allow|~ rule b: match: venue in {dex-gamma} → venue in {dex-delta}";
    QTest::newRow("added-and-removed") << withRules("[" + a + "]") << withRules("[" + b + "]")
                                       << "- rule a [allow]: agent in {trader}; amount at most 100 USDC|+ rule b [deny]: venue in {dex-gamma}";
    QTest::newRow("order") << withRules("[" + a + "," + b + "]") << withRules("[" + b + "," + a + "]") << "~ rule order: a, b → b, a";
    QTest::newRow("list-and-global") << withRules("[" + a + "]")
                                     << withRules("[" + a + "]", R"(,"max_slippage_bps":50)").replace(R"("dex-beta"])", R"("dex-beta","dex-delta"])")
                                     << "~ globals.max_slippage_bps: none → 50|~ list dex-venues: + dex-delta";
}

void PolicyTest::diffNamesEachChange()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QString, lines);
    const auto first = parsePolicy(before.toStdString(), workspace::demoAssets());
    const auto second = parsePolicy(after.toStdString(), workspace::demoAssets());
    QVERIFY2(first && second, first ? (second ? "" : second.error().message.c_str()) : first.error().message.c_str());
    QStringList got;
    for (const std::string& line : diffPolicies(*first, *second))
        got << QString::fromStdString(line);
    QCOMPARE(got.join(u'|'), lines);
}

QTEST_GUILESS_MAIN(PolicyTest)
#include "PolicyTest.moc"
