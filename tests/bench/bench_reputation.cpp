// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Reputation and health on a generated log (1,000,000 entries unless argv[1] says otherwise, or
// the workspace argv[2] names): the engine's report and health check alone (first, and asked
// again with the log unchanged: what each live reload costs beyond new entries), then the Reputation
// view in the real console window (1280×800, offscreen unless QT_QPA_PLATFORM says otherwise),
// once the workspace's integrity check has ended, from the moment it is shown to the leaderboard
// and chart painted, the Health tab painted, and
// the resident memory after it all. One JSON object per line (ARCHITECTURE.md, "Benchmarks").
#include "BenchReport.h"
#include "BenchWorkspace.h"

#include "core/api/Engine.h"
#include "core/workspace/Workspace.h"
#include "ui/bridge/EngineClient.h"
#include "ui/common/Settings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/reputation/ReputationModel.h"
#include "ui/reputation/ReputationView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <iostream>

using namespace cs;
using bench::printFigure;

namespace {

double msSince(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    std::shared_ptr<api::EngineFactory> factory = api::makeEngineFactory(std::make_shared<SystemClock>());
    const auto workspace = bench::benchWorkspace(argc, argv, *factory, dir);
    if (!workspace) {
        std::cerr << "error: " << workspace.error().message << "\n";
        return 1;
    }
    const QString& path = *workspace;
    {
        auto engine = factory->openWorkspace(path.toStdString());
        if (!engine) {
            std::cerr << "error: " << engine.error().message << "\n";
            return 1;
        }
        // The engine alone: what every reader of reputation and health waits for.
        QElapsedTimer timer;
        timer.start();
        auto report = (*engine)->reputation();
        if (!report) {
            std::cerr << "error: " << report.error().message << "\n";
            return 1;
        }
        std::size_t events = 0;
        for (const api::AgentReputation& agent : report->agents)
            events += agent.events.size();
        const QJsonObject size{{QStringLiteral("entries"), static_cast<qint64>(report->entries)},
                               {QStringLiteral("events"), static_cast<qint64>(events)}};
        printFigure("reputation", "report_ms", msSince(timer), "ms", size);
        timer.restart();
        auto health = (*engine)->health();
        if (!health) {
            std::cerr << "error: " << health.error().message << "\n";
            return 1;
        }
        printFigure("reputation", "health_ms", msSince(timer), "ms",
                    QJsonObject{{QStringLiteral("entries"), static_cast<qint64>(report->entries)}});
        // Asked again, as the live view does when the log grows: only new entries are folded.
        timer.restart();
        if (!(*engine)->reputation() || !(*engine)->health()) {
            std::cerr << "error: asked again\n";
            return 1;
        }
        printFigure("reputation", "report_and_health_again_ms", msSince(timer), "ms", size);
    }

    ui::MainWindow window(factory);
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    ui::Settings().signedIn.set(QVariantMap{{path, QStringLiteral("rita")}});
    // Opened: the integrity check every view waits behind runs first, on the engine's worker.
    QSignalSpy checked(window.engineClient(), &ui::EngineClient::integrityChecked);
    QElapsedTimer opening;
    opening.start();
    window.openWorkspace(path);
    if (!checked.wait(120000)) {
        std::cerr << "error: the integrity check did not end\n";
        return 1;
    }
    printFigure("reputation", "integrity_checked_ms", msSince(opening), "ms");
    ui::ReputationView& view = *window.reputationView();
    QSignalSpy reputation(window.engineClient(), &ui::EngineClient::reputationLoaded);
    QSignalSpy health(window.engineClient(), &ui::EngineClient::healthLoaded);

    // Shown: both load off the GUI thread; the leaderboard and chart paint when the report lands.
    QElapsedTimer shown;
    shown.start();
    window.showView(ui::MainWindow::ReputationViewIndex);
    if (!reputation.wait(120000)) {
        std::cerr << "error: no reputation report\n";
        return 1;
    }
    QCoreApplication::processEvents();
    view.repaint();
    printFigure("reputation", "view_painted_ms", msSince(shown), "ms",
                QJsonObject{{QStringLiteral("agents"), view.model()->rowCount()}});
    if (health.isEmpty() && !health.wait(120000)) {
        std::cerr << "error: no health report\n";
        return 1;
    }
    view.tabs()->setCurrentIndex(1);
    QCoreApplication::processEvents();
    view.repaint();
    printFigure("reputation", "health_painted_ms", msSince(shown), "ms");
    printFigure("reputation", "rss_mb", bench::statusMb("VmRSS:"), "MiB",
                QJsonObject{{QStringLiteral("peak_mb"), bench::peakRssMb()}});
    return 0;
}
