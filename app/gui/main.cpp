// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/HeadlessSummary.h"
#include "core/api/Engine.h"
#include "core/domain/Secret.h"
#include "ui/common/Settings.h"
#include "ui/common/Translations.h"
#include "ui/bridge/EngineClient.h"
#include "ui/approvals/ApprovalsView.h"
#include "ui/mainwindow/MainWindow.h"

#include <cstdio>
#include <cstring>
#include <iostream>

#include <algorithm>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QTemporaryDir>
#include <QTimer>

namespace {

//! No display server and no platform chosen: the console cannot open a window here.
bool noDisplay(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "-platform") == 0 || std::strcmp(argv[i], "--headless") == 0)
            return std::strcmp(argv[i], "--headless") == 0;
    }
    return qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

void addOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Countersign, the operator console for AI agents that move money."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("demo"),
                      QCoreApplication::translate("main", "Open a fresh demo workspace in a temporary directory.")});
    parser.addOption({QStringLiteral("lang"), QCoreApplication::translate("main", "User interface language (de, zh_CN, en)."),
                      QStringLiteral("code")});
    parser.addOption({QStringLiteral("headless"),
                      QCoreApplication::translate("main", "Print a summary of the workspace instead of opening a window.")});
    parser.addOption({QStringLiteral("feed-interval"),
                      QCoreApplication::translate("main", "With --demo: run the next demo intent every this many "
                                                          "milliseconds (default 800)."),
                      QStringLiteral("ms"), QStringLiteral("800")});
    parser.addOption({QStringLiteral("screenshot"),
                      QCoreApplication::translate("main", "Save a picture of the window once the workspace is shown, then quit."),
                      QStringLiteral("file.png")});
    parser.addOption({QStringLiteral("as"),
                      QCoreApplication::translate("main", "Sign in as this person (an active approver, risk manager or "
                                                          "analyst) instead of being asked."),
                      QStringLiteral("id")});
    parser.addPositionalArgument(QStringLiteral("workspace"),
                                 QCoreApplication::translate("main", "Workspace directory to open."), QStringLiteral("[WS]"));
}

//! The options a value is given for, checked: an error names the option, and nothing starts.
bool validOptions(const QCommandLineParser& parser)
{
    const QString lang = parser.value(QStringLiteral("lang"));
    if (!lang.isEmpty() && !QStringList{QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")}.contains(lang)) {
        std::fprintf(stderr, "error: --lang: '%s' is not a language the console has (en, de, zh_CN)\n", qPrintable(lang));
        return false;
    }
    bool number = false;
    const int interval = parser.value(QStringLiteral("feed-interval")).toInt(&number);
    if (!number || interval < 1 || interval > 3'600'000) {
        std::fprintf(stderr, "error: --feed-interval: '%s' is not a whole number of milliseconds from 1 to 3600000\n",
                     qPrintable(parser.value(QStringLiteral("feed-interval"))));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    cs::disableCoreDumps(); // unsealed keys must never end up in a core file
    QCoreApplication::setOrganizationName(QStringLiteral("Countersign"));
    QCoreApplication::setApplicationName(QStringLiteral("Countersign"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CS_VERSION));
    auto factory = std::shared_ptr<cs::api::EngineFactory>(cs::api::makeEngineFactory(std::make_shared<cs::SystemClock>()));

    if (noDisplay(argc, argv)) {
        QCoreApplication app(argc, argv);
        QCommandLineParser parser;
        addOptions(parser);
        parser.process(app);
        if (!validOptions(parser))
            return 2;
        return cs::app::printHeadlessSummary(*factory, parser.isSet(QStringLiteral("demo")),
                                             parser.positionalArguments().value(0), parser.isSet(QStringLiteral("headless")),
                                             std::cout, std::cerr);
    }

    QApplication app(argc, argv);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/countersign/icons/countersign.svg")));
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);
    if (!validOptions(parser))
        return 2;
    cs::ui::installTranslations(app, parser.value(QStringLiteral("lang")));

    cs::ui::MainWindow window(factory);
    window.setSignInAs(parser.value(QStringLiteral("as")));
    QTemporaryDir demoDir; // removed on exit: a --demo workspace is for looking around
    const QString screenshot = parser.value(QStringLiteral("screenshot"));
    const bool demo = parser.isSet(QStringLiteral("demo"));
    if (!screenshot.isEmpty()) {
        const auto take = [&window, screenshot] {
            // Let the view lay out and paint before taking the picture.
            QTimer::singleShot(300, &window, [&window, screenshot] {
                const bool saved = window.grab().save(screenshot);
                std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "saved" : "error: could not save",
                             qPrintable(screenshot));
                QApplication::exit(saved ? 0 : 1);
            });
        };
        if (demo) {
            // The demo's picture shows it filled: once its feed has run, with the queue it left.
            QObject::connect(window.engineClient(), &cs::ui::EngineClient::feedFinished, &window, [&window, take] {
                QObject::connect(window.approvalsView(), &cs::ui::ApprovalsView::queueShown, &window, take,
                                 Qt::SingleShotConnection);
                window.approvalsView()->reload();
            });
        } else {
            QObject::connect(&window, &cs::ui::MainWindow::workspaceShown, &window, take);
        }
        QObject::connect(&window, &cs::ui::MainWindow::workspaceFailedToOpen, &window, [](const QString& message) {
            std::fprintf(stderr, "error: %s\n", qPrintable(message));
            QApplication::exit(5);
        });
    }
    window.show();

    const QString workspace = parser.positionalArguments().value(0);
    if (demo) {
        // The demo fills live: its intents go through the pipeline at a steady pace (as fast as
        // it goes when only its picture is wanted).
        const int interval = !screenshot.isEmpty() && !parser.isSet(QStringLiteral("feed-interval"))
                                 ? 1
                                 : parser.value(QStringLiteral("feed-interval")).toInt();
        QObject::connect(&window, &cs::ui::MainWindow::workspaceShown, &window,
                         [&window, interval] { window.engineClient()->startDemoFeed(interval); });
        window.createWorkspace(QDir(demoDir.path()).filePath(QStringLiteral("demo")), /*demo=*/true);
    } else if (!workspace.isEmpty()) {
        window.openWorkspace(QDir(workspace).absolutePath());
    } else if (const QStringList recent = cs::ui::Settings().recentWorkspaces.get(); !recent.isEmpty()
               && QDir(recent.first()).exists()) {
        window.openWorkspace(recent.first());
    }
    return QApplication::exec();
}
