// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// countersign-cli, the policy commands.
#include "app/cli/CliIo.h"

#include "core/api/Engine.h"
#include "core/api/Tools.h"

#include <unistd.h>

#include <filesystem>
#include <map>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cs::cli {

namespace {

int checkProposal(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("workspace"), QString(), QStringLiteral("WS")});
    if (auto failed = parse(parser, arguments, err, 1))
        return *failed;
    std::vector<api::AssetView> assets; // the demo's, unless a workspace is named
    if (parser.isSet(QStringLiteral("workspace"))) {
        int exit = ExitOk;
        auto engine = openEngine(factory, parser.value(QStringLiteral("workspace")), err, exit);
        if (!engine)
            return exit;
        auto summary = engine->summary();
        if (!summary)
            return workspaceError(err, summary.error());
        assets = summary->assets;
    }
    int exit = ExitOk;
    auto bytes = readInput(parser.positionalArguments().at(0), err, exit);
    if (!bytes)
        return exit;
    auto proposal = api::canonicalProposal(std::string_view(bytes->constData(), static_cast<std::size_t>(bytes->size())),
                                           assets);
    if (!proposal) {
        err << "error: " << proposal.error().message << "\n";
        return ExitUsage;
    }
    out << *proposal << "\n";
    return ExitOk;
}

//! Reads and checks policy file `path`: its document, and what the checks found; a document
//! that does not parse is reported (and `exit` set) here.
std::optional<std::pair<QByteArray, api::PolicyCheck>> readPolicy(const QString& path, std::ostream& err, int& exit)
{
    auto bytes = readInput(path, err, exit);
    if (!bytes)
        return std::nullopt;
    auto checked = api::checkPolicy(std::string_view(bytes->constData(), static_cast<std::size_t>(bytes->size())));
    if (!checked) {
        err << "error: policy " << path.toStdString() << ": " << checked.error().message << "\n";
        exit = ExitUsage;
        return std::nullopt;
    }
    return std::pair(std::move(*bytes), std::move(*checked));
}

std::string_view viewOf(const QByteArray& bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

int evaluate(const QStringList& arguments, api::EngineFactory&, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("policy"), QString(), QStringLiteral("P")});
    parser.addOption({QStringLiteral("proposal"), QString(), QStringLiteral("X")});
    parser.addOption({QStringLiteral("usage"), QString(), QStringLiteral("U")});
    if (auto failed = parse(parser, arguments, err, 0))
        return *failed;
    if (!parser.isSet(QStringLiteral("policy")) || !parser.isSet(QStringLiteral("proposal")))
        return usageError(err, QStringLiteral("evaluate needs --policy P and --proposal X"));
    int exit = ExitOk;
    auto read = readPolicy(parser.value(QStringLiteral("policy")), err, exit);
    if (!read)
        return exit;
    for (const api::PolicyFinding& finding : read->second.findings) {
        if (finding.error) {
            err << "error: policy " << parser.value(QStringLiteral("policy")).toStdString() << ": " << finding.message << "\n";
            return ExitUsage;
        }
    }
    auto bytes = readInput(parser.value(QStringLiteral("proposal")), err, exit);
    if (!bytes)
        return exit;
    std::optional<QByteArray> usage;
    if (parser.isSet(QStringLiteral("usage"))) {
        usage = readInput(parser.value(QStringLiteral("usage")), err, exit);
        if (!usage)
            return exit;
    }
    auto evaluated = api::evaluate(viewOf(read->first), viewOf(*bytes),
                                   usage ? std::optional(viewOf(*usage)) : std::nullopt, SystemClock().now());
    if (!evaluated) {
        err << "error: " << evaluated.error().message << "\n";
        return ExitUsage;
    }
    printJson(out, evaluated->decision);
    switch (evaluated->effect) {
    case api::Effect::Allow: return ExitOk;
    case api::Effect::RequireApproval: return ExitNeedsApproval;
    case api::Effect::Deny: return ExitDenied;
    }
    return ExitDenied;
}

//! replay's report: counts and value by transition, then at most `maxChanges` changed decisions.
QJsonObject backtestJson(const api::BacktestSummary& report, std::size_t maxChanges = 1000)
{
    const auto effect = [&](api::Effect value) { return qs(std::string(api::toString(value))); };
    QJsonArray transitions;
    for (const api::BacktestTransition& transition : report.transitions)
        transitions.append(QJsonObject{{QStringLiteral("from"), effect(transition.from)},
                                       {QStringLiteral("to"), effect(transition.to)},
                                       {QStringLiteral("count"), static_cast<qint64>(transition.count)},
                                       {QStringLiteral("value"), qs(transition.value)}});
    QJsonArray changes;
    for (std::size_t i = 0; i < report.changes.size() && i < maxChanges; ++i) {
        const api::BacktestChange& change = report.changes[i];
        QJsonArray rules;
        for (const std::string& rule : change.rules)
            rules.append(qs(rule));
        changes.append(QJsonObject{{QStringLiteral("intent"), qs(change.intent)},
                                   {QStringLiteral("agent"), qs(change.agent)},
                                   {QStringLiteral("at"), qs(change.at)},
                                   {QStringLiteral("before"), effect(change.before)},
                                   {QStringLiteral("after"), effect(change.after)},
                                   {QStringLiteral("rules"), rules},
                                   {QStringLiteral("amount"), qs(change.amount + " " + change.asset)},
                                   {QStringLiteral("value"), qs(change.value)}});
    }
    QJsonArray unpriced;
    for (const std::string& intent : report.unpriced)
        unpriced.append(qs(intent));
    QJsonArray days;
    for (const api::BacktestDay& day : report.days)
        days.append(QJsonObject{{QStringLiteral("day"), qs(day.day)},
                                {QStringLiteral("allowed_value_before"), qs(day.allowedBefore)},
                                {QStringLiteral("allowed_value_after"), qs(day.allowedAfter)}});
    return {{QStringLiteral("policy_version"), report.policyVersion.empty() ? QStringLiteral("recorded") : qs(report.policyVersion)},
            {QStringLiteral("proposals"), static_cast<qint64>(report.proposals)},
            {QStringLiteral("changed"), static_cast<qint64>(report.changes.size())},
            {QStringLiteral("currency"), qs(report.currency)},
            {QStringLiteral("allowed_value_before"), qs(report.allowedBefore)},
            {QStringLiteral("allowed_value_after"), qs(report.allowedAfter)},
            {QStringLiteral("transitions"), transitions},
            {QStringLiteral("changes"), changes},
            {QStringLiteral("changes_shown"), static_cast<qint64>(std::min(report.changes.size(), maxChanges))},
            {QStringLiteral("unpriced"), unpriced},
            {QStringLiteral("days"), days}};
}

//! Publishes `document` as `signer` (the passphrases from the environment) and prints what was signed.
int publishAndPrint(std::unique_ptr<api::Engine> engine, const std::string& document, const QString& signer,
                    api::PolicyMode mode, std::ostream& out, std::ostream& err)
{
    int exit = ExitOk;
    Passphrase passphrase;
    if (!signerPassphraseAndEngineKey(*engine, "Passphrase of the signer: ", passphrase, err, exit))
        return exit;
    auto published = engine->publishPolicy(document, signer.toStdString(), passphrase.text, mode);
    if (!published)
        return requestError(err, published.error());
    engine.reset(); // closing signs a checkpoint over the publication
    QJsonArray warnings;
    for (const std::string& warning : published->warnings)
        warnings.append(QString::fromStdString(warning));
    printJson(out, {{QStringLiteral("warnings"), warnings},
                    {QStringLiteral("version"), QString::fromStdString(published->version)},
                    {QStringLiteral("name"), QString::fromStdString(published->name)},
                    {QStringLiteral("signer"), QString::fromStdString(published->signer)},
                    {QStringLiteral("rules"), published->rules},
                    {QStringLiteral("mode"), published->shadow ? QStringLiteral("shadow") : QStringLiteral("active")},
                    {QStringLiteral("entry_seq"), static_cast<qint64>(published->entrySeq)}});
    return ExitOk;
}

//! policy shadow's JSON: the shadow, its differences by kind and value, and each one.
QJsonObject shadowJson(const api::ShadowReport& report)
{
    const auto effect = [](api::Effect value) { return QString::fromLatin1(api::toString(value).data(), static_cast<qsizetype>(api::toString(value).size())); };
    QJsonArray kinds;
    for (const api::BacktestTransition& kind : report.transitions)
        kinds.append(QJsonObject{{QStringLiteral("from"), effect(kind.from)},
                                 {QStringLiteral("to"), effect(kind.to)},
                                 {QStringLiteral("count"), static_cast<qint64>(kind.count)},
                                 {QStringLiteral("value"), qs(kind.value)}});
    QJsonArray proposals;
    for (const api::BacktestChange& change : report.differences) {
        QJsonArray rules;
        for (const std::string& rule : change.rules)
            rules.append(qs(rule));
        proposals.append(QJsonObject{{QStringLiteral("intent"), qs(change.intent)},
                                     {QStringLiteral("agent"), qs(change.agent)},
                                     {QStringLiteral("at"), qs(change.at)},
                                     {QStringLiteral("active"), effect(change.before)},
                                     {QStringLiteral("shadow"), effect(change.after)},
                                     {QStringLiteral("shadow_rules"), rules},
                                     {QStringLiteral("amount"), qs(change.amount + " " + change.asset)},
                                     {QStringLiteral("value"), qs(change.value)}});
    }
    if (report.shadowVersion.empty())
        return {{QStringLiteral("shadow_version"), QJsonValue::Null}, {QStringLiteral("active_version"), qs(report.activeVersion)}};
    return {{QStringLiteral("shadow_version"), qs(report.shadowVersion)},
            {QStringLiteral("shadow_name"), qs(report.shadowName)},
            {QStringLiteral("signer"), qs(report.shadowSigner)},
            {QStringLiteral("since"), qs(report.shadowSince)},
            {QStringLiteral("active_version"), qs(report.activeVersion)},
            {QStringLiteral("currency"), qs(report.currency)},
            {QStringLiteral("differences"), static_cast<qint64>(report.differences.size())},
            {QStringLiteral("value"), qs(report.value)},
            {QStringLiteral("by_kind"), kinds},
            {QStringLiteral("proposals"), proposals}};
}

int replay(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("policy"), QString(), QStringLiteral("P")});
    parser.addOption({QStringLiteral("proposal"), QString(), QStringLiteral("ID")});
    if (auto failed = parse(parser, arguments, err, 1))
        return *failed;
    const bool whatIf = parser.isSet(QStringLiteral("policy"));
    if (whatIf && parser.isSet(QStringLiteral("proposal")))
        return usageError(err, QStringLiteral("replay takes --policy (a what-if) or --proposal (one path), not both"));
    int exit = ExitOk;
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine)
        return exit;
    if (!whatIf)
        return replayFromLog(*engine, parser.value(QStringLiteral("proposal")), out, err);
    auto bytes = readInput(parser.value(QStringLiteral("policy")), err, exit);
    if (!bytes)
        return exit;
    if (bytes->isEmpty())
        return usageError(err, QStringLiteral("the draft policy %1 is empty").arg(parser.value(QStringLiteral("policy"))));
    const QByteArray draft = *bytes;
    auto report = engine->backtestPolicy(std::string_view(draft.constData(), static_cast<std::size_t>(draft.size())), {}, {});
    if (!report)
        return requestError(err, report.error());
    printJson(out, backtestJson(*report));
    return report->changes.empty() ? ExitOk : ExitTampered; // 1: decisions differ
}

//! policy publish WS P --as NAME [--shadow]
int publishCommand(const QStringList& rest, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("as"), QString(), QStringLiteral("NAME")});
    parser.addOption(QCommandLineOption(QStringLiteral("shadow")));
    if (auto failed = parse(parser, rest, err, 2))
        return *failed;
    if (!parser.isSet(QStringLiteral("as")))
        return usageError(err, QStringLiteral("policy publish needs --as NAME (a risk manager)"));
    int exit = ExitOk;
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine)
        return exit;
    auto bytes = readInput(parser.positionalArguments().at(1), err, exit);
    if (!bytes)
        return exit;
    return publishAndPrint(std::move(engine), std::string(bytes->constData(), static_cast<std::size_t>(bytes->size())),
                           parser.value(QStringLiteral("as")),
                           parser.isSet(QStringLiteral("shadow")) ? api::PolicyMode::Shadow : api::PolicyMode::Active, out, err);
}

//! policy shadow WS [--promote --as NAME]
int shadowCommand(const QStringList& rest, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("promote")));
    parser.addOption({QStringLiteral("as"), QString(), QStringLiteral("NAME")});
    if (auto failed = parse(parser, rest, err, 1))
        return *failed;
    if (parser.isSet(QStringLiteral("promote")) && !parser.isSet(QStringLiteral("as")))
        return usageError(err, QStringLiteral("policy shadow --promote needs --as NAME (a risk manager)"));
    int exit = ExitOk;
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine)
        return exit;
    auto report = engine->shadowReport();
    if (!report)
        return requestError(err, report.error());
    if (!parser.isSet(QStringLiteral("promote"))) {
        printJson(out, shadowJson(*report));
        return ExitOk;
    }
    if (report->shadowVersion.empty())
        return usageError(err, QStringLiteral("no shadow version runs in this workspace: there is nothing to promote"));
    return publishAndPrint(std::move(engine), report->shadowDocument, parser.value(QStringLiteral("as")),
                           api::PolicyMode::Active, out, err);
}

int policyCommand(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    const QString sub = arguments.value(1);
    const QStringList rest = arguments.mid(1);
    if (sub == QLatin1String("check")) {
        QCommandLineParser parser;
        if (auto failed = parse(parser, rest, err, 1))
            return *failed;
        int exit = ExitOk;
        auto read = readPolicy(parser.positionalArguments().at(0), err, exit);
        if (!read)
            return exit;
        const api::PolicyCheck& check = read->second;
        QJsonArray errors;
        QJsonArray warnings;
        for (const api::PolicyFinding& finding : check.findings)
            (finding.error ? errors : warnings)
                .append(QJsonObject{{QStringLiteral("kind"), QString::fromStdString(finding.kind)},
                                    {QStringLiteral("rule"), QString::fromStdString(finding.rule)},
                                    {QStringLiteral("message"), QString::fromStdString(finding.message)}});
        printJson(out, {{QStringLiteral("valid"), errors.isEmpty()},
                        {QStringLiteral("name"), QString::fromStdString(check.name)},
                        {QStringLiteral("version"), QString::fromStdString(check.version)},
                        {QStringLiteral("rules"), check.rules},
                        {QStringLiteral("errors"), errors},
                        {QStringLiteral("warnings"), warnings}});
        for (const api::PolicyFinding& finding : check.findings) {
            if (finding.error)
                err << "error: " << finding.message << "\n";
        }
        return errors.isEmpty() ? ExitOk : ExitUsage;
    }
    if (sub == QLatin1String("diff")) {
        QCommandLineParser parser;
        if (auto failed = parse(parser, rest, err, 2))
            return *failed;
        int exit = ExitOk;
        auto before = readPolicy(parser.positionalArguments().at(0), err, exit);
        if (!before)
            return exit;
        auto after = readPolicy(parser.positionalArguments().at(1), err, exit);
        if (!after)
            return exit;
        auto lines = api::diffPolicies(viewOf(before->first), viewOf(after->first));
        if (!lines)
            return usageError(err, QString::fromStdString(lines.error().message));
        out << "--- " << before->second.version << "  " << before->second.name << "\n"
            << "+++ " << after->second.version << "  " << after->second.name << "\n";
        for (const std::string& line : *lines)
            out << line << "\n";
        return lines->empty() ? ExitOk : ExitTampered; // like diff(1): 1 when they differ
    }
    if (sub == QLatin1String("export")) {
        QCommandLineParser parser;
        parser.addOption({QStringLiteral("out"), QString(), QStringLiteral("P")});
        if (auto failed = parse(parser, rest, err, 1))
            return *failed;
        if (!parser.isSet(QStringLiteral("out")))
            return usageError(err, QStringLiteral("policy export needs --out P"));
        int exit = ExitOk;
        auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
        if (!engine)
            return exit;
        auto versions = engine->policyVersions();
        if (!versions)
            return requestError(err, versions.error());
        if (versions->empty())
            return usageError(err, QStringLiteral("the workspace has no published policy"));
        const auto active = std::find_if(versions->begin(), versions->end(), [](const api::PolicyVersion& v) { return !v.shadow; });
        if (active == versions->end())
            return usageError(err, QStringLiteral("the workspace has no published policy"));
        const api::PolicyVersion& current = *active;
        const QByteArray pretty =
            QJsonDocument::fromJson(QByteArray::fromStdString(current.document)).toJson(QJsonDocument::Indented);
        if (auto written = api::writeFileDurably(parser.value(QStringLiteral("out")).toStdString(), pretty.toStdString());
            !written)
            return usageError(err, QString::fromStdString(written.error().message));
        printJson(out, {{QStringLiteral("version"), QString::fromStdString(current.version)},
                        {QStringLiteral("name"), QString::fromStdString(current.name)},
                        {QStringLiteral("signer"), QString::fromStdString(current.signer)},
                        {QStringLiteral("published_at"), QString::fromStdString(current.publishedAt)},
                        {QStringLiteral("out"), absolute(parser.value(QStringLiteral("out")))}});
        return ExitOk;
    }
    if (sub == QLatin1String("publish"))
        return publishCommand(rest, factory, out, err);
    if (sub == QLatin1String("shadow"))
        return shadowCommand(rest, factory, out, err);
    return usageError(err, sub.isEmpty() ? QStringLiteral("policy needs a subcommand (check, diff, export, publish, shadow)")
                                         : QStringLiteral("unknown policy subcommand '%1'").arg(sub));
}

} // namespace

const std::vector<Command>& policyCommands()
{
    static const std::vector<Command> commands{
        {"check-proposal",
         "check-proposal [--workspace WS] FILE|-",
         "strictly parse a model's proposal; prints it in canonical\nform, or one error line naming the JSON path and the reason\n(the demo assets unless WS names the workspace's)",
         checkProposal},
        {"evaluate",
         "evaluate --policy P --proposal X [--usage U]",
         "the policy's decision on one proposal as JSON: effect, the\nrules that fired (`rules`), a reason per clause, approvals\nrequired, windows consulted, the counterfactual. U is a\ncountersign.usage/1 file (now, prices, earlier spends, agents'\nscores); without it, now and the demo prices. Policy-only: no simulation.\nExit 0 allow, 3 needs approval, 4 deny, 2 bad input (an invalid\npolicy never allows anything)",
         evaluate},
        {"replay",
         "replay WS [--proposal ID] | replay WS --policy P",
         "every proposal's path recomputed from the log alone (never\nthe tables, a model or a key): the model output parsed again,\neach simulation on the world the log records at that entry,\neach decision under its recorded version with windows from\nthe log, each approval and receipt checked. JSON: counts and\neach divergent proposal with its step and field; --proposal\nID: that path step by step, recorded and recomputed. With\n--policy: re-decide every recorded proposal under the draft P\n(what-if): the decisions that change, counts and value by\ntransition, value allowed before and after. Exit 0 identical\nor unchanged, 1 a divergence or decisions that differ",
         replay},
        {"policy",
         "policy diff A B",
         "what changed from policy A to B, rule by rule, in words;\nexit 0 when they are the same policy, 1 when they differ",
         policyCommand},
        {"policy",
         "policy export WS --out P",
         "write the policy that decides in WS (the newest published)",
         policyCommand},
        {"policy",
         "policy publish WS P --as NAME",
         "publish P, signed by risk manager NAME (its key unlocked with\nCOUNTERSIGN_PASSPHRASE; the engine key, which checkpoints the\nlog, with COUNTERSIGN_ENGINE_PASSPHRASE); refused for a policy\nwith static-check errors; from then on it decides",
         policyCommand},
        {"policy",
         "policy publish WS P --as NAME --shadow",
         "publish P as a shadow, signed by NAME: evaluated beside the\nactive version on every live decision and never enforced;\nevery decision it would have made otherwise is recorded in\nthe log with both decisions. It runs until it is promoted or\nanother version is published as active",
         policyCommand},
        {"policy",
         "policy shadow WS [--promote --as NAME]",
         "the shadow running now and what it would have decided\notherwise (JSON: counts and value by kind, each proposal);\nwith --promote it is published as the active version,\nsigned again by NAME",
         policyCommand},
        {"policy",
         "policy check P",
         "parse P strictly and run the static checks (unreachable,\nshadowed, overlapping rules, caps that never bind); JSON\nreport; exit 0 without errors (warnings allowed), 2 with errors",
         policyCommand},
    };
    return commands;
}

} // namespace cs::cli
