// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// bench_pipeline: proposals through the whole pipeline with the rules backend (parse →
// simulate → decide → settle → audit, durable), and the strict parser over the corpus.
// One JSON object per line (ARCHITECTURE.md, "Benchmarks").
// Usage: bench_pipeline [--intents N] [--single N] [--corpus DIR] [--seconds S] [--policy P]
// (--single: how many of the intents run one at a time; all of them unless given; --policy:
// publish P, signed by the demo's risk manager, before the intents run — e.g. one that matches
// on reputation, to see what its standings cost)
#include "core/engine/Pipeline.h"
#include "core/workspace/DemoSeed.h"
#include "tests/bench/BenchReport.h"
#include "core/identity/KeyFile.h"
#include "core/identity/Registry.h"
#include "core/model/ProposalParser.h"
#include "core/policy/Publish.h"
#include "core/workspace/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <iostream>

using namespace cs;
using bench::printFigure;
using bench::seconds;
using bench::Steady;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int count = 2000;
    int singles = -1;
    double budget = 2.0;
    QString corpus = QStringLiteral(CS_SOURCE_DIR "/tests/data/proposals");
    QString policyFile;
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--intents"))
            count = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--single"))
            singles = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--corpus"))
            corpus = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--seconds"))
            budget = args.at(i + 1).toDouble();
        else if (args.at(i) == QLatin1String("--policy"))
            policyFile = args.at(i + 1);
    }

    // 1. The strict parser over every corpus document, valid and invalid.
    std::vector<std::string> documents;
    std::size_t bytes = 0;
    for (const char* kind : {"valid", "invalid"}) {
        const QDir dir(corpus + u'/' + QLatin1String(kind));
        for (const QString& name : dir.entryList({QStringLiteral("*.json")})) {
            QFile file(dir.filePath(name));
            if (file.open(QIODevice::ReadOnly))
                documents.push_back(file.readAll().toStdString());
            bytes += documents.back().size();
        }
    }
    const auto catalog = workspace::demoAssets();
    std::size_t parsed = 0;
    std::size_t accepted = 0;
    auto start = Steady::now();
    while (seconds(start) < budget) {
        for (const std::string& document : documents) {
            accepted += model::parseProposal(document, catalog).has_value() ? 1u : 0u;
            ++parsed;
        }
    }
    const double parseSeconds = seconds(start);
    printFigure("pipeline", "parser_throughput", static_cast<double>(parsed) / parseSeconds, "documents/s",
                {{QStringLiteral("corpus_documents"), static_cast<int>(documents.size())},
                 {QStringLiteral("accepted_share"), static_cast<double>(accepted) / static_cast<double>(parsed)}});
    printFigure("pipeline", "parser_bandwidth",
                static_cast<double>(bytes) * static_cast<double>(parsed) / static_cast<double>(documents.size()) / parseSeconds / 1e6,
                "MB/s");

    // 2. End to end: small listed API payments, each durable (parse → simulate → decide → settle → audit).
    QTemporaryDir dir;
    const std::filesystem::path ws = dir.filePath(QStringLiteral("ws")).toStdString();
    const SystemClock clock;
    if (!workspace::initWorkspace(ws, {.demo = true}, clock)) {
        std::cerr << "error: cannot create the workspace\n";
        return 1;
    }
    auto key = identity::unsealKey(identity::keyFilePath(ws / workspace::kKeysDir, identity::kEngineId),
                                   workspace::kDemoPassphrase);
    const std::string dbPath = (ws / workspace::kDatabaseFile).string();
    auto writer = storage::DbWriter::start(dbPath, storage::OpenMode::MustExist);
    auto reader = storage::Database::open(dbPath, storage::OpenMode::MustExist);
    auto origin = (*writer)->run([](storage::Database& db) { return audit::readOrigin(db); });
    const audit::CheckpointPolicy checkpoints{*origin, ws / workspace::kCheckpointsDir, &*key, 1000};
    if (!policyFile.isEmpty()) {
        QFile file(policyFile);
        auto document = file.open(QIODevice::ReadOnly) ? policy::parsePolicy(file.readAll().toStdString(), catalog)
                                                       : Result<policy::Policy>(fail(ErrorCode::NotFound, "cannot read it"));
        auto signer = identity::unsealKey(identity::keyFilePath(ws / workspace::kKeysDir, "rita"), workspace::kDemoPassphrase);
        if (!document || !signer) {
            std::cerr << "error: --policy: " << (document ? signer.error().message : document.error().message) << "\n";
            return 1;
        }
        auto published = (*writer)->run([&](storage::Database& db) {
            return policy::publishPolicy(db, *document, "rita", *signer, clock.now(), checkpoints);
        });
        if (!published) {
            std::cerr << "error: --policy: " << published.error().message << "\n";
            return 1;
        }
    }
    model::RulesBackend rules;
    settlement::LocalLedger ledger;
    engine::Pipeline pipeline(**writer, std::move(*reader), checkpoints, clock, rules, ledger);
    const auto makeIntent = [](int i) {
        model::Intent intent;
        intent.id = "bench-" + std::to_string(i);
        intent.agent = "api-buyer";
        intent.task = "Buy one call from weather-api";
        intent.fields = QJsonObject{{QStringLiteral("type"), QStringLiteral("pay_api")},
                                    {QStringLiteral("asset"), QStringLiteral("USDC")},
                                    {QStringLiteral("amount"), QStringLiteral("0.000001")},
                                    {QStringLiteral("to"), QStringLiteral("weather-api")},
                                    {QStringLiteral("venue"), QStringLiteral("x402")}};
        intent.context = QJsonObject{{QStringLiteral("quote"), QStringLiteral("0.000001 USDC/call")}};
        return intent;
    };

    // One intent at a time, each durable on its own: latency per proposal.
    if (singles < 1 || singles > count)
        singles = count;
    std::vector<double> latencies;
    latencies.reserve(static_cast<std::size_t>(singles));
    int executed = 0;
    start = Steady::now();
    for (int i = 0; i < singles; ++i) {
        const model::Intent intent = makeIntent(i);
        const auto began = Steady::now();
        auto outcome = pipeline.process(intent);
        latencies.push_back(seconds(began) * 1000.0);
        if (!outcome) {
            std::cerr << "error: " << outcome.error().message << "\n";
            return 1;
        }
        executed += outcome->state == engine::IntentState::Executed ? 1 : 0;
    }
    const double elapsed = seconds(start);
    std::sort(latencies.begin(), latencies.end());
    const auto percentile = [&](double p) {
        return latencies[std::min(latencies.size() - 1, static_cast<std::size_t>(p * static_cast<double>(latencies.size())))];
    };
    printFigure("pipeline", "end_to_end_single", singles / elapsed, "proposals/s",
                {{QStringLiteral("intents"), singles}, {QStringLiteral("executed"), executed}, {QStringLiteral("batch"), 1}});
    printFigure("pipeline", "latency_p50", percentile(0.50), "ms");
    printFigure("pipeline", "latency_p95", percentile(0.95), "ms");
    printFigure("pipeline", "latency_p99", percentile(0.99), "ms", {{QStringLiteral("goal"), 5}});
    {
        const engine::PipelineTimings& spent = pipeline.timings();
        const auto perProposal = [&](double total) { return total * 1e6 / singles; };
        printFigure("pipeline", "single_time_split",
                    perProposal(spent.propose + spent.decide + spent.record + spent.commit + spent.checkpointFiles), "us/proposal",
                    {{QStringLiteral("batch"), 1},
                     {QStringLiteral("propose_us"), perProposal(spent.propose)},
                     {QStringLiteral("decide_us"), perProposal(spent.decide)},
                     {QStringLiteral("record_us"), perProposal(spent.record)},
                     {QStringLiteral("commit_us"), perProposal(spent.commit)},
                     {QStringLiteral("checkpoint_files_us"), perProposal(spent.checkpointFiles)}});
    }

    // Batches group-committed: each batch's entries, postings and receipts in one transaction.
    for (int batchSize : {64, 256, 1024}) {
        std::vector<model::Intent> intents;
        for (int i = 0; i < count; ++i)
            intents.push_back(makeIntent(1'000'000 * batchSize + i));
        int batchExecuted = 0;
        const engine::PipelineTimings before = pipeline.timings();
        start = Steady::now();
        // As `run` does: the next batch is proposed while the writer commits this one.
        auto outcomes = pipeline.processBatches(intents, static_cast<std::size_t>(batchSize));
        if (!outcomes) {
            std::cerr << "error: " << outcomes.error().message << "\n";
            return 1;
        }
        for (const auto& outcome : *outcomes)
            batchExecuted += outcome.state == engine::IntentState::Executed ? 1 : 0;
        // Where the time went, per proposal.
        const engine::PipelineTimings& after = pipeline.timings();
        const auto perProposal = [&](double total, double earlier) { return (total - earlier) * 1e6 / count; };
        printFigure("pipeline", "batched_time_split", perProposal(after.propose + after.decide + after.record + after.commit
                                                                      + after.checkpointFiles,
                                                                  before.propose + before.decide + before.record + before.commit
                                                                      + before.checkpointFiles),
                    "us/proposal",
                    {{QStringLiteral("batch"), batchSize},
                     {QStringLiteral("propose_us"), perProposal(after.propose, before.propose)},
                     {QStringLiteral("decide_us"), perProposal(after.decide, before.decide)},
                     {QStringLiteral("record_us"), perProposal(after.record, before.record)},
                     {QStringLiteral("commit_us"), perProposal(after.commit, before.commit)},
                     {QStringLiteral("checkpoint_files_us"), perProposal(after.checkpointFiles, before.checkpointFiles)}});
        printFigure("pipeline", "end_to_end_batched", count / seconds(start), "proposals/s",
                    {{QStringLiteral("intents"), count}, {QStringLiteral("executed"), batchExecuted},
                     {QStringLiteral("batch"), batchSize}, {QStringLiteral("goal"), 10000}});
    }
    return 0;
}
