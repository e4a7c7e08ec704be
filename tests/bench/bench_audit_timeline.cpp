// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The audit timeline on a generated log (1,000,000 entries unless argv[1] says otherwise, or the
// workspace argv[2] names), in the real console window (1280×800, offscreen unless
// QT_QPA_PLATFORM says otherwise): open to first painted rows, page-down to painted rows (p95),
// an agent filter to painted rows, and the resident memory after it all.
#include "BenchReport.h"
#include "BenchWorkspace.h"

#include "core/api/Engine.h"
#include "core/workspace/Workspace.h"
#include "ui/audit/AuditTimelineModel.h"
#include "ui/audit/AuditView.h"
#include "ui/common/Settings.h"
#include "ui/mainwindow/MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QScrollBar>
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

namespace {

//! Waits until the rows the table shows have arrived, then paints it; false after 60 s.
bool paintedRows(ui::AuditView& view)
{
    QTableView& table = *view.table();
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        const int first = std::max(0, table.rowAt(0));
        int last = table.rowAt(table.viewport()->height() - 1);
        if (last < 0)
            last = view.model()->rowCount() - 1;
        bool loaded = view.model()->rowCount() > 0;
        for (int row = first; loaded && row <= last; ++row)
            loaded = view.model()->isLoaded(row);
        if (loaded) {
            table.viewport()->repaint();
            return true;
        }
        if (waited.elapsed() > 60000)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    }
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

    ui::MainWindow window(factory);
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    window.showView(ui::MainWindow::AuditViewIndex);
    ui::AuditView& view = *window.auditView();
    ui::Settings().signedIn.set(QVariantMap{{path, QStringLiteral("rita")}});

    QElapsedTimer opening;
    opening.start();
    window.openWorkspace(path);
    if (!paintedRows(view)) {
        std::cerr << "error: no rows painted\n";
        return 1;
    }
    const double firstPaint = static_cast<double>(opening.nsecsElapsed()) / 1e6;
    const qint64 entries = view.model()->rowCount();
    const QJsonObject size{{QStringLiteral("entries"), entries}};
    printFigure("audit_timeline", "entries", static_cast<double>(entries), "entries", size);
    printFigure("audit_timeline", "first_paint_ms", firstPaint, "ms", size);

    // Page down through the log, far from where it opened.
    view.table()->setFocus();
    view.table()->scrollTo(view.model()->index(static_cast<int>(entries / 2), 0), QAbstractItemView::PositionAtTop);
    paintedRows(view);
    std::vector<double> pages;
    for (int i = 0; i < 60; ++i) {
        QElapsedTimer paged;
        paged.start();
        QTest::keyClick(view.table(), Qt::Key_PageDown);
        if (!paintedRows(view))
            return 1;
        pages.push_back(static_cast<double>(paged.nsecsElapsed()) / 1e6);
    }
    std::sort(pages.begin(), pages.end());
    printFigure("audit_timeline", "page_down_paint_ms", pages[pages.size() * 95 / 100], "ms",
                QJsonObject{{QStringLiteral("entries"), entries}, {QStringLiteral("pages"), static_cast<qint64>(pages.size())},
                            {QStringLiteral("percentile"), 95}, {QStringLiteral("median_ms"), pages[pages.size() / 2]}});

    // An agent filter, to its first painted rows.
    auto* agent = view.findChildren<QComboBox*>().at(1);
    QSignalSpy applied(view.model(), &ui::AuditTimelineModel::filterApplied);
    QElapsedTimer filtering;
    filtering.start();
    agent->setCurrentIndex(agent->findData(QStringLiteral("trader")));
    if (!applied.wait(60000) || !paintedRows(view))
        return 1;
    printFigure("audit_timeline", "filter_agent_ms", static_cast<double>(filtering.nsecsElapsed()) / 1e6, "ms",
                QJsonObject{{QStringLiteral("entries"), entries}, {QStringLiteral("rows"), view.model()->rowCount()}});
    printFigure("audit_timeline", "rss_mb", bench::statusMb("VmRSS:"), "MiB",
                QJsonObject{{QStringLiteral("entries"), entries}, {QStringLiteral("peak_mb"), bench::peakRssMb()}});
    return 0;
}
