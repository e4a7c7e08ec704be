// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The approvals view: time from selecting a queued proposal (the J/K keys) to its detail being
// painted, in the real console window (1280×800, offscreen unless QT_QPA_PLATFORM says otherwise)
// on a demo workspace with 20 proposals awaiting approval.
#include "BenchReport.h"

#include "core/api/Engine.h"
#include "tests/support/FlaggedWorkspace.h"
#include "ui/approvals/ApprovalQueueModel.h"
#include "ui/approvals/ApprovalsView.h"
#include "ui/common/Settings.h"
#include "ui/mainwindow/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <iostream>
#include <vector>

using namespace cs;
using bench::printFigure;

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // leave the user's console settings alone
    const int moves = argc > 1 ? std::max(10, QByteArray(argv[1]).toInt()) : 400;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ws"));
    std::shared_ptr<api::EngineFactory> factory = api::makeEngineFactory(std::make_shared<SystemClock>());
    if (const QString failed = test::makeFlaggedWorkspace(*factory, path, QStringLiteral(CS_SOURCE_DIR "/tests/data/approvals/extra-intents.jsonl"));
        !failed.isEmpty()) {
        std::cerr << "error: " << failed.toStdString() << "\n";
        return 1;
    }

    ui::MainWindow window(factory);
    window.resize(1280, 800);
    window.show();
    window.activateWindow(); // the J/K shortcuts act in the active window
    if (!QTest::qWaitForWindowActive(&window)) {
        std::cerr << "error: the window did not become active\n";
        return 1;
    }
    window.showView(ui::MainWindow::ApprovalsViewIndex);
    ui::ApprovalsView& view = *window.approvalsView();
    QSignalSpy shown(&view, &ui::ApprovalsView::queueShown);
    ui::Settings().signedIn.set(QVariantMap{{path, QStringLiteral("alice")}}); // the approver, signed in before
    window.openWorkspace(path);
    if (!shown.wait(60000)) {
        std::cerr << "error: the queue did not load\n";
        return 1;
    }
    const int rows = view.model()->rowCount();
    QSignalSpy painted(&view, &ui::ApprovalsView::detailShown);
    QTest::qWait(200); // the first selection's paint
    painted.clear();

    // Down the queue with J and back up with K, as an approver reads it.
    std::vector<double> latencies;
    int step = 1;
    for (int i = 0; i < moves; ++i) {
        const int row = view.table()->currentIndex().row();
        if (row + step < 0 || row + step >= rows)
            step = -step;
        QTest::keyClick(window.window(), step > 0 ? Qt::Key_J : Qt::Key_K);
        if (painted.isEmpty() && !painted.wait(5000)) {
            std::cerr << "error: the detail was not painted\n";
            return 1;
        }
        latencies.push_back(static_cast<double>(painted.takeFirst().at(1).toLongLong()) / 1000.0);
    }
    // A refresh (what every arrival or verdict triggers): the engine reads the queue and simulates
    // each proposal on the world as it is, on its worker thread, and the table merges it.
    std::vector<double> refreshes;
    for (int i = 0; i < 50; ++i) {
        shown.clear();
        QElapsedTimer timer;
        timer.start();
        view.reload();
        if (!shown.wait(10000)) {
            std::cerr << "error: the queue did not refresh\n";
            return 1;
        }
        refreshes.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(refreshes.begin(), refreshes.end());
    std::sort(latencies.begin(), latencies.end());
    const auto at = [&](double share) { return latencies[static_cast<std::size_t>(share * static_cast<double>(latencies.size() - 1))]; };
    const QJsonObject setup{{QStringLiteral("queued"), rows},
                            {QStringLiteral("selections"), static_cast<int>(latencies.size())},
                            {QStringLiteral("window"), QStringLiteral("1280x800")},
                            {QStringLiteral("platform"), QGuiApplication::platformName()}};
    printFigure("approvals", "select_to_detail_painted_p50", at(0.5), "ms", setup);
    printFigure("approvals", "select_to_detail_painted_p95", at(0.95), "ms", setup);
    printFigure("approvals", "select_to_detail_painted_max", latencies.back(), "ms", setup);
    printFigure("approvals", "queue_refresh_p50", refreshes[refreshes.size() / 2], "ms", {{QStringLiteral("queued"), rows}});
    printFigure("approvals", "queue_refresh_max", refreshes.back(), "ms", {{QStringLiteral("queued"), rows}});
    return 0;
}
