// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// bench_policy: full policy decisions (fired rules, a reason per clause, windows consulted and
// reserved, the counterfactual) per second and their latency, at 10, 100 and 1,000 rules on one
// core; and a backtest of 1M recorded proposals, in memory and loaded from a workspace.
// One JSON object per line (ARCHITECTURE.md, "Benchmarks"). With --emit-cedar DIR it also
// writes the same rule sets in Cedar and the same requests, for bench_policy_vs_cedar.sh.
// With --whatif N it measures only the policy editor's what-if as the console runs it (the
// engine's backtest of a draft through core/api, in a fresh process): over the demo's own
// history, then over N generated decisions rows — time to the first progress, total, peak RSS.
// Usage: bench_policy [--decisions N] [--history N] [--emit-cedar DIR] | --whatif N
#include "core/api/Engine.h"
#include "core/identity/Crypto.h"
#include "core/workspace/DemoSeed.h"
#include "core/model/ProposalParser.h"
#include "core/policy/Backtest.h"
#include "core/policy/EvaluationInput.h"
#include "core/storage/DbWriter.h"
#include "core/workspace/Workspace.h"
#include "tests/bench/BenchReport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <iostream>
#include <random>

using namespace cs;
using bench::printFigure;
using bench::seconds;
using bench::Steady;

namespace {

constexpr int kRulesPerAgent = 10;
const char* const kVendors[] = {"weather-api", "maps-api", "llm-inference", "translate-api"};
const char* const kPayees[] = {"dana-lee", "emeka-obi", "priya-raman", "sam-fisher"};
const char* const kVenues[] = {"dex-alpha", "dex-beta", "dex-gamma"};

std::string agentName(int k)
{
    return "agent-" + std::to_string(k);
}

//! A policy of `rules` rules: per agent, the ten rules of a desk like the demo's.
struct Generated
{
    std::string policy; //!< countersign.policy/1
    std::string cedar;  //!< the same rules in Cedar
};

Generated generate(int rules)
{
    const int agents = std::max(1, rules / kRulesPerAgent);
    QJsonArray list;
    std::string cedar;
    for (int k = 0; k < agents; ++k) {
        const QString agent = QString::fromStdString(agentName(k));
        const QJsonArray who{agent};
        const auto rule = [&](const char* id, const char* effect, QJsonObject match, const char* cedarEffect,
                              const std::string& cedarCondition, QJsonObject extra = {}) {
            match.insert(QStringLiteral("agent"), who);
            QJsonObject body{{QStringLiteral("id"), QString(agent + u'.' + QLatin1String(id))},
                             {QStringLiteral("effect"), QLatin1String(effect)},
                             {QStringLiteral("match"), match}};
            for (auto it = extra.begin(); it != extra.end(); ++it)
                body.insert(it.key(), it.value());
            if (QLatin1String(effect) == QLatin1String("require_approval"))
                body.insert(QStringLiteral("approval"),
                            QJsonObject{{QStringLiteral("groups"),
                                         QJsonArray{QJsonObject{{QStringLiteral("group"), QStringLiteral("treasury")},
                                                                {QStringLiteral("threshold"), 1}}}}});
            list.append(body);
            const std::string action = match.value(QStringLiteral("action")).toArray().first().toString().toStdString();
            cedar += "@id(\"" + agent.toStdString() + "." + id + "\")\n" + (effect == std::string("require_approval")
                                                                                ? "@effect(\"require_approval\")\n"
                                                                                : "")
                     + cedarEffect + "(principal == Agent::\"" + agent.toStdString() + "\", action == Action::\"" + action
                     + "\", resource)" + (cedarCondition.empty() ? "" : " when { " + cedarCondition + " }") + ";\n";
        };
        const auto action = [](const char* type) { return QJsonObject{{QStringLiteral("action"), QJsonArray{QLatin1String(type)}}}; };
        const auto in = [](QJsonObject match, const char* field, const char* name) {
            match.insert(QLatin1String(field), QJsonObject{{QStringLiteral("in_list"), QLatin1String(name)}});
            return match;
        };
        const auto bound = [](const char* which, const char* amount) { return QJsonObject{{QLatin1String(which), QLatin1String(amount)}}; };
        const auto window = [](const char* period, const char* amount) {
            return QJsonObject{{QStringLiteral("period"), QLatin1String(period)}, {QStringLiteral("above"), QLatin1String(amount)}};
        };
        const std::string vendors = R"(["weather-api", "maps-api", "llm-inference"].contains(context.counterparty))";
        const std::string payees = R"(["dana-lee", "emeka-obi", "priya-raman"].contains(context.counterparty))";
        const std::string dexes = R"(["dex-alpha", "dex-beta"].contains(context.venue))";
        rule("api-cap", "deny", action("pay_api"), "forbid", "context.window_total > 300000000",
             {{QStringLiteral("window"), window("calendar_day", "300")}});
        rule("api-vendors", "allow", in(action("pay_api"), "counterparty", "api-vendors"), "permit",
             vendors + " && context.amount <= 200000000", {{QStringLiteral("amount"), bound("at_most", "200")}});
        QJsonObject firstTime = action("pay_api");
        firstTime.insert(QStringLiteral("destination"), QStringLiteral("first_time"));
        rule("api-first-time", "require_approval", firstTime, "permit", "!context.listed");
        rule("swaps", "allow", in(action("swap"), "venue", "dex-venues"), "permit", dexes + " && context.amount <= 10000000000",
             {{QStringLiteral("amount"), bound("at_most", "10000")}});
        rule("large-swaps", "require_approval", in(action("swap"), "venue", "dex-venues"), "permit",
             dexes + " && context.amount > 10000000000", {{QStringLiteral("amount"), bound("above", "10000")}});
        rule("hard-limit", "deny", action("swap"), "forbid", "context.amount > 250000000000",
             {{QStringLiteral("amount"), bound("above", "250000")}});
        rule("payroll", "allow", in(action("transfer"), "counterparty", "payroll-recipients"), "permit",
             payees + " && context.amount <= 5000000000", {{QStringLiteral("amount"), bound("at_most", "5000")}});
        rule("large-payroll", "require_approval", action("transfer"), "permit", "context.amount > 5000000000",
             {{QStringLiteral("amount"), bound("above", "5000")}});
        QJsonObject newPayee = action("transfer");
        newPayee.insert(QStringLiteral("destination"), QStringLiteral("first_time"));
        rule("new-payee", "require_approval", newPayee, "permit", "!context.listed");
        rule("deposits", "deny", action("deposit"), "forbid", "context.window_total > 500000000000",
             {{QStringLiteral("window"), window("7d", "500000")}});
    }
    const QJsonObject policy{
        {QStringLiteral("schema"), QStringLiteral("countersign.policy/1")},
        {QStringLiteral("name"), QStringLiteral("bench %1 rules").arg(list.size())},
        {QStringLiteral("globals"), QJsonObject{{QStringLiteral("default_effect"), QStringLiteral("deny")},
                                                {QStringLiteral("reference_currency"), QStringLiteral("USDC")}}},
        {QStringLiteral("lists"),
         QJsonObject{{QStringLiteral("api-vendors"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("counterparties")},
                                                                 {QStringLiteral("members"), QJsonArray{QStringLiteral("weather-api"), QStringLiteral("maps-api"), QStringLiteral("llm-inference")}}}},
                     {QStringLiteral("payroll-recipients"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("counterparties")},
                                                                        {QStringLiteral("members"), QJsonArray{QStringLiteral("dana-lee"), QStringLiteral("emeka-obi"), QStringLiteral("priya-raman")}}}},
                     {QStringLiteral("dex-venues"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("venues")},
                                                                {QStringLiteral("members"), QJsonArray{QStringLiteral("dex-alpha"), QStringLiteral("dex-beta")}}}}}},
        {QStringLiteral("groups"), QJsonObject{{QStringLiteral("treasury"), QJsonArray{QStringLiteral("alice"), QStringLiteral("bob")}}}},
        {QStringLiteral("rules"), list}};
    return {QJsonDocument(policy).toJson(QJsonDocument::Compact).toStdString(), cedar};
}

//! One request, as both engines see it.
struct Sample
{
    policy::Request request;
    Timestamp at;
};

struct Pool
{
    std::vector<std::string> agents;
    std::vector<std::string> names; // counterparties and venues
    const std::string* name(const char* text)
    {
        for (const std::string& known : names)
            if (known == text)
                return &known;
        return nullptr;
    }
};

std::vector<Sample> requests(int count, int agents, Pool& pool, std::uint64_t seed)
{
    const auto catalog = workspace::demoAssets();
    const Asset usdc = *catalog.find("USDC");
    std::mt19937_64 random(seed);
    std::vector<Sample> samples;
    samples.reserve(static_cast<std::size_t>(count));
    const std::int64_t start = 1'795'600'000'000;
    for (int i = 0; i < count; ++i) {
        Sample sample;
        sample.at = Timestamp{start + static_cast<std::int64_t>(i) * 172'800'000 / count}; // two days
        policy::Request& request = sample.request;
        request.agent = &pool.agents[random() % pool.agents.size()];
        (void)agents;
        const auto kind = random() % 4;
        const auto pick = [&](const auto& names) { return pool.name(names[random() % std::size(names)]); };
        if (kind == 0) {
            request.action = ActionType::PayApi;
            request.to = pick(kVendors);
            request.amount = Money::fromMinor(static_cast<Int128>(random() % 60'000'000 + 1), usdc);
        } else if (kind == 1) {
            request.action = ActionType::Swap;
            request.venue = pick(kVenues);
            request.amount = Money::fromMinor(static_cast<Int128>(random() % 30'000'000'000 + 1), usdc);
        } else if (kind == 2) {
            request.action = ActionType::Transfer;
            request.to = pick(kPayees);
            request.amount = Money::fromMinor(static_cast<Int128>(random() % 8'000'000'000 + 1), usdc);
        } else {
            request.action = ActionType::Deposit;
            request.venue = pool.name("lend-one");
            request.amount = Money::fromMinor(static_cast<Int128>(random() % 60'000'000'000 + 1), usdc);
        }
        samples.push_back(sample);
    }
    return samples;
}

Pool makePool(int agents)
{
    Pool pool;
    for (int k = 0; k < agents; ++k)
        pool.agents.push_back(agentName(k));
    for (const char* name : kVendors)
        pool.names.emplace_back(name);
    for (const char* name : kPayees)
        pool.names.emplace_back(name);
    for (const char* name : kVenues)
        pool.names.emplace_back(name);
    pool.names.emplace_back("lend-one");
    return pool;
}

QJsonObject cedarRequest(const Sample& sample, Int128 windowTotal, bool listed)
{
    const policy::Request& request = sample.request;
    return {{QStringLiteral("principal"), QJsonObject{{QStringLiteral("type"), QStringLiteral("Agent")},
                                                      {QStringLiteral("id"), QString::fromStdString(*request.agent)}}},
            {QStringLiteral("action"), QJsonObject{{QStringLiteral("type"), QStringLiteral("Action")},
                                                   {QStringLiteral("id"), QString::fromStdString(std::string(toString(request.action)))}}},
            {QStringLiteral("resource"), QJsonObject{{QStringLiteral("type"), QStringLiteral("Account")},
                                                     {QStringLiteral("id"), QStringLiteral("main")}}},
            {QStringLiteral("context"),
             QJsonObject{{QStringLiteral("amount"), static_cast<qint64>(request.amount.minor())},
                         {QStringLiteral("window_total"), static_cast<qint64>(windowTotal)},
                         {QStringLiteral("counterparty"), request.to ? QString::fromStdString(*request.to) : QString()},
                         {QStringLiteral("venue"), request.venue ? QString::fromStdString(*request.venue) : QString()},
                         {QStringLiteral("listed"), listed}}}};
}

//! `samples` as decisions rows of the workspace at `ws`, all allowed under `version`.
Result<void> fillDecisions(const std::filesystem::path& ws, const std::vector<Sample>& samples, const std::string& version)
{
    CS_TRY(writer, storage::DbWriter::start((ws / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist));
    return (*writer)->run([&](storage::Database& db) -> Result<void> {
        CS_TRY(transaction, storage::Transaction::begin(db));
        CS_TRY(insert, db.prepare("INSERT INTO decisions(intent, agent, action, asset, amount, to_id, venue, claimed_risk, "
                                  "claimed_approvals, simulation, at_ms, effect, policy_version, updated_ms) "
                                  "VALUES (?1, ?2, ?3, 'USDC', ?4, ?5, ?6, 'low', 0, 'none', ?7, 'allow', ?8, ?7)"));
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const policy::Request& request = samples[i].request;
            insert->bind(1, "h-" + std::to_string(i)).bind(2, *request.agent).bind(3, toString(request.action))
                .bind(4, request.amount.toString());
            if (request.to)
                insert->bind(5, *request.to);
            else
                insert->bindNull(5);
            if (request.venue)
                insert->bind(6, *request.venue);
            else
                insert->bindNull(6);
            CS_TRY(done, insert->bind(7, samples[i].at.msSinceEpoch).bind(8, version).run());
        }
        return transaction->commit();
    });
}

//! The editor's what-if of `draft` on the workspace at `ws`, as the console asks it of the engine.
int measureWhatIf(const std::string& ws, const std::string& draft, const char* history, std::size_t decisions)
{
    auto factory = api::makeEngineFactory(std::make_shared<SystemClock>());
    auto engine = factory->openWorkspace(ws);
    if (!engine) {
        std::cerr << "error: " << engine.error().message << "\n";
        return 1;
    }
    const double rssBefore = bench::statusMb("VmRSS:");
    const auto start = Steady::now();
    double firstProgress = -1;
    auto report = (*engine)->backtestPolicy(draft, [&](std::int64_t, std::int64_t) {
        if (firstProgress < 0)
            firstProgress = seconds(start);
    }, {});
    const double total = seconds(start);
    if (!report) {
        std::cerr << "error: " << report.error().message << "\n";
        return 1;
    }
    const QJsonObject extra{{QStringLiteral("history"), QLatin1String(history)},
                            {QStringLiteral("decisions"), static_cast<qint64>(decisions)},
                            {QStringLiteral("changed"), static_cast<qint64>(report->changes.size())},
                            {QStringLiteral("rss_before_mb"), rssBefore},
                            {QStringLiteral("rss_after_mb"), bench::statusMb("VmRSS:")}};
    printFigure("policy", "whatif_first_progress", firstProgress, "s", extra);
    printFigure("policy", "whatif_total", total, "s", extra);
    printFigure("policy", "whatif_peak_rss", bench::peakRssMb(), "MiB", extra);
    return 0;
}

//! --whatif N: the demo's history (the daily cap raised), then N generated decisions (the 1,000-rule policy).
int whatIfFigures(int generated)
{
    QTemporaryDir dir;
    const SystemClock clock;
    const std::string demo = dir.filePath(QStringLiteral("demo")).toStdString();
    auto factory = api::makeEngineFactory(std::make_shared<SystemClock>());
    if (!factory->createWorkspace(demo, {.demo = true}) || !(*factory->openWorkspace(demo))->runIntents({})) {
        std::cerr << "error: cannot run the demo\n";
        return 1;
    }
    std::string raised = workspace::embeddedDemoPolicy();
    raised.replace(raised.find("\"above\": \"300\""), 14, "\"above\": \"450\"");
    if (int failed = measureWhatIf(demo, raised, "demo", 87); failed != 0)
        return failed;

    const std::filesystem::path ws = dir.filePath(QStringLiteral("generated")).toStdString();
    if (!workspace::initWorkspace(ws, {.demo = true}, clock)) {
        std::cerr << "error: cannot create the workspace\n";
        return 1;
    }
    const std::string draft = generate(1000).policy;
    const auto catalog = workspace::demoAssets();
    auto parsed = policy::parsePolicy(draft, catalog);
    Pool pool = makePool(100);
    if (auto filled = fillDecisions(ws, requests(generated, 100, pool, 7), parsed->version); !filled) {
        std::cerr << "error: " << filled.error().message << "\n";
        return 1;
    }
    return measureWhatIf(ws.string(), draft, "generated", static_cast<std::size_t>(generated));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int decisions = 200'000;
    int historySize = 1'000'000;
    QString cedarDir;
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--decisions"))
            decisions = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--history"))
            historySize = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--emit-cedar"))
            cedarDir = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--whatif"))
            return whatIfFigures(args.at(i + 1).toInt());
    }
    const auto catalog = workspace::demoAssets();
    simulation::SimulationResult simulated; // a simulation that succeeded

    // 1. Full decisions at 10, 100 and 1,000 rules, one core.
    for (int rules : {10, 100, 1000}) {
        const Generated generated = generate(rules);
        auto parsed = policy::parsePolicy(generated.policy, catalog);
        if (!parsed) {
            std::cerr << "error: " << parsed.error().message << "\n";
            return 1;
        }
        const policy::Evaluator evaluator(std::move(*parsed));
        const int agents = std::max(1, rules / kRulesPerAgent);
        Pool pool = makePool(agents);
        const std::vector<Sample> samples = requests(decisions, agents, pool, 42);
        policy::Context context;
        context.simulation = &simulated;
        auto windows = std::make_unique<policy::SpendWindows>(evaluator);
        std::size_t fired = 0;
        std::size_t reasons = 0;
        std::size_t consulted = 0;
        std::array<std::size_t, 3> effects{};
        QJsonArray cedarRequests;
        const auto decideOne = [&](const Sample& sample) {
            context.now = sample.at;
            const policy::Decision decision = evaluator.decide(sample.request, context, *windows);
            fired += decision.rules.size();
            reasons += decision.reasons.size() + (decision.counterfactual.empty() ? 0 : 1);
            consulted += decision.windows.size();
            ++effects[static_cast<std::size_t>(decision.effect)];
            if (decision.effect != policy::Effect::Deny) {
                const policy::Request& request = sample.request;
                (void)windows->add({{}, *request.agent, request.action, request.amount,
                                   request.to ? std::optional(*request.to) : std::nullopt,
                                   request.venue ? std::optional(*request.venue) : std::nullopt, sample.at},
                                  context);
            }
            return decision;
        };
        auto start = Steady::now();
        for (const Sample& sample : samples)
            (void)decideOne(sample);
        const double elapsed = seconds(start);

        // Latency, one decision at a time, on a fresh run of the same requests.
        windows = std::make_unique<policy::SpendWindows>(evaluator);
        std::vector<double> latencies;
        latencies.reserve(samples.size());
        for (const Sample& sample : samples) {
            const auto began = Steady::now();
            const policy::Decision decision = decideOne(sample);
            latencies.push_back(seconds(began) * 1e6);
            if (!cedarDir.isEmpty() && cedarRequests.size() < 20'000) {
                const Int128 windowTotal = decision.windows.empty() ? 0 : decision.windows.front().withThis.minor();
                const bool listed = sample.request.to != nullptr && evaluator.policy().isListedCounterparty(*sample.request.to);
                cedarRequests.append(cedarRequest(sample, windowTotal, listed));
            }
        }
        std::sort(latencies.begin(), latencies.end());
        const auto percentile = [&](double p) {
            return latencies[std::min(latencies.size() - 1, static_cast<std::size_t>(p * static_cast<double>(latencies.size())))];
        };
        const QJsonObject common{{QStringLiteral("rules"), static_cast<int>(evaluator.policy().rules.size())}};
        const auto with = [&](std::initializer_list<std::pair<QString, QJsonValue>> extra) {
            QJsonObject object = common;
            for (const auto& [key, value] : extra)
                object.insert(key, value);
            return object;
        };
        printFigure("policy", "decisions_per_second", static_cast<double>(samples.size()) / elapsed, "decisions/s",
                    with({{QStringLiteral("decisions"), static_cast<int>(samples.size())},
                          {QStringLiteral("threads"), 1},
                          {QStringLiteral("allow"), static_cast<qint64>(effects[0])},
                          {QStringLiteral("require_approval"), static_cast<qint64>(effects[1])},
                          {QStringLiteral("deny"), static_cast<qint64>(effects[2])},
                          {QStringLiteral("fired_rules_per_decision"), static_cast<double>(fired) / (2.0 * static_cast<double>(samples.size()))},
                          {QStringLiteral("reasons_per_decision"), static_cast<double>(reasons) / (2.0 * static_cast<double>(samples.size()))},
                          {QStringLiteral("windows_per_decision"), static_cast<double>(consulted) / (2.0 * static_cast<double>(samples.size()))},
                          {QStringLiteral("goal"), rules == 1000 ? 1'000'000 : 0}}));
        printFigure("policy", "latency_p50", percentile(0.50), "us", common);
        printFigure("policy", "latency_p99", percentile(0.99), "us", common);
        printFigure("policy", "latency_p999", percentile(0.999), "us", common);

        if (!cedarDir.isEmpty()) {
            QDir().mkpath(cedarDir);
            QFile policies(cedarDir + QStringLiteral("/policies_%1.cedar").arg(rules));
            QFile requestsFile(cedarDir + QStringLiteral("/requests_%1.json").arg(rules));
            if (!policies.open(QIODevice::WriteOnly) || !requestsFile.open(QIODevice::WriteOnly)) {
                std::cerr << "error: cannot write to " << cedarDir.toStdString() << "\n";
                return 1;
            }
            policies.write(QByteArray::fromStdString(generated.cedar));
            requestsFile.write(QJsonDocument(cedarRequests).toJson(QJsonDocument::Compact));
        }
    }

    // 2. Backtest of recorded history under the 1,000-rule policy: in memory, then from a workspace.
    {
        auto parsed = policy::parsePolicy(generate(1000).policy, catalog);
        const policy::Evaluator evaluator(std::move(*parsed));
        Pool pool = makePool(100);
        const std::vector<Sample> samples = requests(historySize, 100, pool, 7);
        policy::History history;
        const std::string* version = history.intern(evaluator.policy().version);
        const std::string* none = history.intern(std::string());
        for (std::size_t i = 0; i < samples.size(); ++i) {
            policy::HistoryItem item;
            item.intent = history.intern("h-" + std::to_string(i));
            item.request = samples[i].request;
            item.at = samples[i].at;
            item.recorded = policy::Effect::Allow;
            item.recordedVersion = version;
            item.simulationReason = none;
            history.items.push_back(item);
        }
        policy::Context context;
        context.prices = workspace::demoPrices();
        auto start = Steady::now();
        auto report = policy::backtest(history, &evaluator, {}, context);
        const double inMemory = seconds(start);
        if (!report) {
            std::cerr << "error: " << report.error().message << "\n";
            return 1;
        }
        printFigure("policy", "backtest_in_memory", inMemory, "s",
                    {{QStringLiteral("proposals"), static_cast<qint64>(report->proposals)},
                     {QStringLiteral("changed"), static_cast<qint64>(report->changes.size())},
                     {QStringLiteral("rules"), 1000},
                     {QStringLiteral("goal"), 5}});

        // The same history as decisions rows in a real workspace database, loaded and re-decided.
        QTemporaryDir dir;
        const std::filesystem::path ws = dir.filePath(QStringLiteral("ws")).toStdString();
        const SystemClock clock;
        if (!workspace::initWorkspace(ws, {.demo = true}, clock)) {
            std::cerr << "error: cannot create the workspace\n";
            return 1;
        }
        if (auto filled = fillDecisions(ws, samples, evaluator.policy().version); !filled) {
            std::cerr << "error: " << filled.error().message << "\n";
            return 1;
        }
        auto reader = storage::Database::open((ws / workspace::kDatabaseFile).string(), storage::OpenMode::MustExist);
        start = Steady::now();
        auto loaded = policy::loadHistory(*reader);
        const double loading = seconds(start);
        auto fromDisk = policy::backtest(*loaded, &evaluator, {}, context);
        const double total = seconds(start);
        printFigure("policy", "backtest_from_workspace", total, "s",
                    {{QStringLiteral("proposals"), static_cast<qint64>(fromDisk->proposals)},
                     {QStringLiteral("load_s"), loading},
                     {QStringLiteral("decide_s"), total - loading},
                     {QStringLiteral("rules"), 1000},
                     {QStringLiteral("goal"), 5}});
    }
    return 0;
}
