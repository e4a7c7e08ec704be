// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include "core/api/Engine.h"
#include "tests/support/FakeEngine.h"
#include "ui/agents/AgentsModel.h"
#include "ui/agents/AgentsView.h"
#include "ui/approvals/ApprovalDetail.h"
#include "ui/approvals/ApprovalQueueModel.h"
#include "ui/approvals/ApprovalsView.h"
#include "ui/bridge/EngineClient.h"
#include "ui/common/Session.h"
#include "ui/agents/AgentsView.h"
#include "ui/agents/PeopleModel.h"
#include "ui/common/Settings.h"
#include "ui/reputation/ReputationView.h"
#include "ui/common/StateText.h"
#include "ui/common/Translations.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/mainwindow/SignInDialog.h"

using namespace cs;
using cs::ui::AgentsModel;
using cs::ui::MainWindow;

class MainWindowTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void opensDemoWorkspaceWithAgentsAndBalances();
    void signsInAsWhoIsAskedFor_data();
    void signsInAsWhoIsAskedFor();
    void demoFeedFillsTheConsoleLive();
    void keyboardNavigation();
    void reputationLeadsToEntriesAndTheKillSwitch();
    void failureIsReportedAndChangesNothing();
    void tamperedWorkspaceOpensReadOnly();
    void remembersRecentWorkspacesAndGeometry();
    void translations_data();
    void translations();

private:
    // The console over a fake engine: what it shows and does, not the engine's work (which
    // ApprovalSessionTest runs end to end on the real one).
    std::shared_ptr<test::FakeEngineFactory> m_factory;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void MainWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
}

void MainWindowTest::init()
{
    QSettings().clear();
    m_factory = std::make_shared<test::FakeEngineFactory>();
    // The demo's live feed: one payment executes, then three proposals are flagged in turn.
    m_factory->demoFlagged = {
        {"int-0013", "api-buyer", "pay_api", "20", "USDC", "translate-api", "low", "medium", "api.first-time", 20'000'000, 300, 1440},
        {"int-0023", "trader", "swap", "25000", "USDC", "ETH", "medium", "medium", "trader.large-swaps", 25'000'000'000, 200, 1440},
        {"int-0052", "payroll-bot", "transfer", "2400", "USDC", "sam-fisher", "low", "medium", "payroll.first-time", 2'400'000'000, 100, 1440}};
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void MainWindowTest::opensDemoWorkspaceWithAgentsAndBalances()
{
    MainWindow window(m_factory);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy shown(&window, &MainWindow::workspaceShown);
    window.createWorkspace(m_dir->filePath(QStringLiteral("demo")), /*demo=*/true);
    QVERIFY(shown.wait(20000));

    // Nobody signed in to it before: the console asks who you are, and meanwhile signs nothing.
    ui::SignInDialog* signIn = window.signInDialog();
    QVERIFY(signIn != nullptr);
    QVERIFY(!window.session()->signedIn());
    auto* signedInButton = window.findChild<QPushButton*>(QStringLiteral("signedInButton"));
    QCOMPARE(signedInButton->text(), QStringLiteral("Not signed in"));
    auto* people = signIn->findChild<QListWidget*>(QStringLiteral("signInList"));
    QStringList listed;
    for (int row = 0; row < people->count(); ++row)
        listed << people->item(row)->text();
    // The people who may sign in, not the agents.
    QCOMPARE(listed, (QStringList{QStringLiteral("Alice Nguyen (alice) — approver"), QStringLiteral("Bob Okafor (bob) — approver"),
                                  QStringLiteral("Rita Alvarez (rita) — risk manager")}));
    auto* sign = signIn->findChild<QDialogButtonBox*>()->buttons().at(0);
    for (QAbstractButton* button : signIn->findChild<QDialogButtonBox*>()->buttons()) {
        if (button->text() == QStringLiteral("&Sign In"))
            sign = button;
    }
    QCOMPARE(people->currentRow(), 0); // the first, until another is chosen
    QVERIFY(signIn->findChild<QLabel*>(QStringLiteral("signInRole"))->text().contains(QStringLiteral("approver signs verdicts")));
    people->setCurrentRow(2);
    QVERIFY(sign->isEnabled());
    QVERIFY(signIn->findChild<QLabel*>(QStringLiteral("signInRole"))->text().contains(QStringLiteral("changes people")));
    QTest::keyClick(people, Qt::Key_Return); // as Sign In does
    QTRY_VERIFY(window.signInDialog() == nullptr);
    window.activateWindow(); // offscreen, no window manager gives the focus back
    QTRY_VERIFY(QApplication::activeWindow() == &window);
    QCOMPARE(window.session()->id(), QStringLiteral("rita"));
    QCOMPARE(signedInButton->text(), QStringLiteral("Signed in: Rita Alvarez (rita), risk manager"));
    QCOMPARE(ui::Settings().signedIn.get().value(m_dir->filePath(QStringLiteral("demo"))).toString(), QStringLiteral("rita"));

    window.showView(MainWindow::AgentsViewIndex);
    QTableView* table = window.agentsView()->table();
    QVERIFY(table->isVisible());
    QAbstractItemModel* model = table->model(); // the sorting proxy over AgentsModel
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester sourceTester(window.agentsView()->model(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 4);

    QStringList headers;
    for (int c = 0; c < model->columnCount(); ++c)
        headers << model->headerData(c, Qt::Horizontal).toString();
    QCOMPARE(headers, (QStringList{QStringLiteral("Agent"), QStringLiteral("Status"), QStringLiteral("Key"),
                                   QStringLiteral("ETH"), QStringLiteral("SOL"), QStringLiteral("USDC"),
                                   QStringLiteral("Accounts")}));
    QHash<QString, int> rowOf;
    for (int r = 0; r < model->rowCount(); ++r)
        rowOf.insert(model->index(r, 0).data(AgentsModel::AgentIdRole).toString(), r);
    QCOMPARE(rowOf.keys().size(), 4);
    for (const char* agent : {"treasury-bot", "api-buyer", "trader", "payroll-bot"})
        QVERIFY2(rowOf.contains(QLatin1String(agent)), agent);

    const int treasury = rowOf.value(QStringLiteral("treasury-bot"));
    QCOMPARE(model->index(treasury, 3).data(AgentsModel::AmountRole).toString(), QStringLiteral("40.5"));
    QCOMPARE(model->index(treasury, 5).data(AgentsModel::AmountRole).toString(), QStringLiteral("250000"));
    QCOMPARE(model->index(treasury, 5).data().toString(), QStringLiteral("250,000"));
    const int apiBuyer = rowOf.value(QStringLiteral("api-buyer"));
    QCOMPARE(model->index(apiBuyer, 5).data(AgentsModel::AmountRole).toString(), QStringLiteral("1200"));
    QCOMPARE(model->index(apiBuyer, 3).data(AgentsModel::AmountRole).toString(), QString());

    // Sorting by an amount column orders by exact value, not text.
    table->sortByColumn(5, Qt::DescendingOrder);
    QCOMPARE(model->index(0, 0).data(AgentsModel::AgentIdRole).toString(), QStringLiteral("treasury-bot"));
    QCOMPARE(model->index(3, 0).data(AgentsModel::AgentIdRole).toString(), QStringLiteral("api-buyer"));

    QVERIFY(window.windowTitle().contains(QLatin1String("Demo workspace")));
    const QList<QLabel*> labels = window.statusBar()->findChildren<QLabel*>();
    QStringList status;
    for (const QLabel* label : labels)
        status << label->text();
    QVERIFY2(status.join(u'|').contains(QLatin1String("Engine: ready")), qPrintable(status.join(u'|')));

    // Refresh goes through the engine thread again and lands in the same model.
    QSignalSpy loaded(window.engineClient(), &ui::EngineClient::agentsLoaded);
    QTest::keyClick(window.agentsView(), Qt::Key_F5);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model->rowCount(), 4);

    const QImage picture = window.grab().toImage();
    QVERIFY(!picture.isNull());
}

void MainWindowTest::signsInAsWhoIsAskedFor_data()
{
    QTest::addColumn<QString>("asked");      // countersign --as
    QTest::addColumn<QString>("remembered"); // who signed in to the workspace last
    QTest::addColumn<QString>("signedIn");   // empty: the dialog asks
    QTest::newRow("as-given") << QStringLiteral("bob") << QString() << QStringLiteral("bob");
    QTest::newRow("as-given-over-remembered") << QStringLiteral("bob") << QStringLiteral("alice") << QStringLiteral("bob");
    QTest::newRow("remembered") << QString() << QStringLiteral("alice") << QStringLiteral("alice");
    QTest::newRow("an-agent-may-not") << QStringLiteral("trader") << QString() << QString();
    QTest::newRow("nobody-known") << QStringLiteral("mallory") << QStringLiteral("eve") << QString();
}

void MainWindowTest::signsInAsWhoIsAskedFor()
{
    QFETCH(QString, asked);
    QFETCH(QString, remembered);
    QFETCH(QString, signedIn);
    const QString path = m_dir->filePath(QStringLiteral("demo"));
    if (!remembered.isEmpty())
        ui::Settings().signedIn.set(QVariantMap{{path, remembered}});
    MainWindow window(m_factory);
    window.setSignInAs(asked);
    QSignalSpy shown(&window, &MainWindow::workspaceShown);
    window.createWorkspace(path, /*demo=*/true);
    QVERIFY(shown.wait(20000));
    QCOMPARE(window.session()->id(), signedIn);
    QCOMPARE(window.signInDialog() != nullptr, signedIn.isEmpty());
}

void MainWindowTest::demoFeedFillsTheConsoleLive()
{
    MainWindow window(m_factory);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy shown(&window, &MainWindow::workspaceShown);
    window.createWorkspace(m_dir->filePath(QStringLiteral("feed")), /*demo=*/true);
    QVERIFY(shown.wait(20000));
    window.showView(MainWindow::AgentsViewIndex);
    AgentsModel* model = window.agentsView()->model();
    const auto usdcOf = [&](const char* agent) {
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->index(r, 0).data(AgentsModel::AgentIdRole).toString() == QLatin1String(agent))
                return model->index(r, 5).data(AgentsModel::AmountRole).toString();
        }
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(usdcOf("api-buyer"), QStringLiteral("1200"), 20000);

    // The approval queue fills as proposals are flagged, newest first; the first one flagged is
    // selected and stays selected while the others arrive above it.
    QTableView* queue = window.approvalsView()->table();
    QAbstractItemModelTester queueTester(queue->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    queue->sortByColumn(ui::ApprovalQueueModel::AgeColumn, Qt::AscendingOrder);
    QCOMPARE(queue->model()->rowCount(), 0);

    // The feed runs the first payment and the first flagged proposal; the rest arrive later.
    test::FakeWorkspace& fake = *m_factory->workspaces.at(m_dir->filePath(QStringLiteral("feed")).toStdString());
    std::vector<test::FakeWorkspace::Step> later(fake.feed.begin() + 2, fake.feed.end());
    fake.feed.resize(2);
    QSignalSpy processed(window.engineClient(), &ui::EngineClient::intentProcessed);
    QSignalSpy finished(window.engineClient(), &ui::EngineClient::feedFinished);
    window.engineClient()->startDemoFeed(1);
    QVERIFY(finished.wait(60000));
    QCOMPARE(processed.count(), 2);
    // The first intent (25 USDC to weather-api) settled: the Agents view shows it without a reload by hand.
    const auto first = processed.first().first().value<api::IntentResult>();
    QCOMPARE(first.intent, std::string("int-0001"));
    QVERIFY(first.state == api::IntentState::Executed);
    QTRY_VERIFY_WITH_TIMEOUT(usdcOf("api-buyer") != QStringLiteral("1200"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(queue->model()->rowCount(), 1, 20000);
    QCOMPARE(queue->currentIndex().data(ui::ApprovalQueueModel::IntentRole).toString(), QStringLiteral("int-0013"));

    // Two more are flagged (the feed, started again, picks them up) and sort above it.
    fake.feed.insert(fake.feed.end(), later.begin(), later.end());
    window.engineClient()->startDemoFeed(1);
    QVERIFY(finished.wait(60000));
    QCOMPARE(processed.count(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(queue->model()->rowCount(), 3, 20000);
    QCOMPARE(queue->currentIndex().data(ui::ApprovalQueueModel::IntentRole).toString(), QStringLiteral("int-0013"));
    QCOMPARE(queue->currentIndex().row(), 2);
    QCOMPARE(window.approvalsView()->detail()->intent(), QStringLiteral("int-0013"));
    const auto label = window.statusBar()->findChildren<QLabel*>();
    QVERIFY(std::any_of(label.begin(), label.end(), [](QLabel* l) {
        return l->text().contains(QLatin1String("Pipeline: done, 4 processed"));
    }));
}

void MainWindowTest::keyboardNavigation()
{
    MainWindow window(m_factory);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* stack = window.findChild<QStackedWidget*>();
    auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    QVERIFY(stack && navigation);

    const struct
    {
        Qt::Key key;
        MainWindow::View view;
    } shortcuts[] = {{Qt::Key_1, MainWindow::ApprovalsViewIndex}, {Qt::Key_2, MainWindow::PolicyViewIndex},
                     {Qt::Key_3, MainWindow::ReputationViewIndex}, {Qt::Key_4, MainWindow::AuditViewIndex},
                     {Qt::Key_5, MainWindow::AgentsViewIndex}};
    for (const auto& shortcut : shortcuts) {
        QTest::keyClick(&window, shortcut.key, Qt::ControlModifier);
        QCOMPARE(window.currentView(), shortcut.view);
        QCOMPARE(stack->currentIndex(), int(shortcut.view));
    }
    // The navigation list has focus and moves with the arrow keys.
    QVERIFY(navigation->hasFocus());
    QTest::keyClick(navigation, Qt::Key_Up);
    QCOMPARE(window.currentView(), MainWindow::AuditViewIndex);
}

void MainWindowTest::reputationLeadsToEntriesAndTheKillSwitch()
{
    const QString path = m_dir->filePath(QStringLiteral("demo"));
    ui::Settings().signedIn.set(QVariantMap{{path, QStringLiteral("rita")}});
    MainWindow window(m_factory);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy shown(&window, &MainWindow::workspaceShown);
    window.createWorkspace(path, /*demo=*/true);
    QVERIFY(shown.wait(20000));
    QTRY_VERIFY(window.agentsView()->peopleModel()->rowCount() > 0);
    // An outcome's entry (a click in the chart or on a finding) opens the audit timeline.
    window.showView(MainWindow::ReputationViewIndex);
    Q_EMIT window.reputationView()->entryRequested(7);
    QCOMPARE(window.currentView(), MainWindow::AuditViewIndex);
    // The kill switch is People & agents', with the agent selected.
    window.showView(MainWindow::ReputationViewIndex);
    Q_EMIT window.reputationView()->killSwitchRequested(QStringLiteral("trader"));
    QCOMPARE(window.currentView(), MainWindow::AgentsViewIndex);
    const QModelIndex current = window.agentsView()->peopleTable()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.siblingAtColumn(0).data(ui::PeopleModel::IdRole).toString(), QStringLiteral("trader"));
}

void MainWindowTest::failureIsReportedAndChangesNothing()
{
    MainWindow window(m_factory);
    window.show();
    QSignalSpy failed(&window, &MainWindow::workspaceFailedToOpen);
    window.openWorkspace(m_dir->filePath(QStringLiteral("missing")));
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().first().toString().contains(QLatin1String("not found")));
    QCOMPARE(window.agentsView()->model()->rowCount(), 0);
    QVERIFY(ui::Settings().recentWorkspaces.get().isEmpty()); // a failed open is not remembered
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("missing"))));
}

void MainWindowTest::tamperedWorkspaceOpensReadOnly()
{
    const QString path = m_dir->filePath(QStringLiteral("tampered"));
    QVERIFY(m_factory->createWorkspace(path.toStdString(), {.demo = true}));
    // What the engine's check finds when a signed checkpoint outside the database no longer
    // matches the log (CliTest and IntegrityGateTest tamper with a real one).
    const QString file = QStringLiteral("checkpoints/00000000000000000011.json");
    m_factory->workspaces.at(path.toStdString())->integrityProblem =
        QString(file + QStringLiteral(" and the database disagree about the checkpoint at size 11")).toStdString();
    MainWindow window(m_factory);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.banner()->isHidden());
    QSignalSpy checked(&window, &MainWindow::integrityShown);
    window.openWorkspace(path);
    QVERIFY(checked.wait(20000));
    QCOMPARE(checked.first().first().toBool(), false);
    QVERIFY(window.banner()->isVisible());
    QVERIFY2(window.banner()->text().contains(QLatin1String("does not verify")), qPrintable(window.banner()->text()));
    QVERIFY(window.banner()->text().contains(file));
    QVERIFY(window.approvalsView()->isReadOnly());
    if (!qEnvironmentVariableIsEmpty("CS_SCREENSHOT_DIR")) {
        QCoreApplication::processEvents(); // the posted layout requests: the banner's new height
        window.grab().save(qEnvironmentVariable("CS_SCREENSHOT_DIR") + QStringLiteral("/read-only.png"));
    }

    // Another workspace, intact, is writable again.
    const QString intact = m_dir->filePath(QStringLiteral("intact"));
    QVERIFY(m_factory->createWorkspace(intact.toStdString(), {.demo = true}));
    window.openWorkspace(intact);
    QVERIFY(checked.wait(20000));
    QCOMPARE(checked.last().first().toBool(), true);
    QVERIFY(window.banner()->isHidden());
    QVERIFY(!window.approvalsView()->isReadOnly());
}

void MainWindowTest::remembersRecentWorkspacesAndGeometry()
{
    const QString path = m_dir->filePath(QStringLiteral("kept"));
    QVERIFY(m_factory->createWorkspace(path.toStdString(), {.enginePassphrase = "kept passphrase", .riskManager = "rm", .riskManagerPassphrase = "risk manager passphrase"}).has_value());
    {
        MainWindow window(m_factory);
        window.show();
        QSignalSpy shown(&window, &MainWindow::workspaceShown);
        window.openWorkspace(path);
        QVERIFY(shown.wait(10000));
        window.resize(1100, 700);
        window.showView(MainWindow::PolicyViewIndex);
        window.close();
    }
    const ui::Settings settings;
    // Workspaces in the temporary directory (countersign --demo) are not remembered...
    QVERIFY(settings.recentWorkspaces.get().isEmpty());
    // ...others are, most recent first, without duplicates, at most kMaxRecent.
    for (int i = 0; i < ui::Settings::kMaxRecent + 3; ++i)
        settings.rememberWorkspace(QStringLiteral("/srv/ws%1").arg(i));
    settings.rememberWorkspace(QStringLiteral("/srv/ws5"));
    const QStringList recent = settings.recentWorkspaces.get();
    QCOMPARE(recent.size(), ui::Settings::kMaxRecent);
    QCOMPARE(recent.first(), QStringLiteral("/srv/ws5"));
    QCOMPARE(recent.count(QStringLiteral("/srv/ws5")), 1);
    QCOMPARE(recent.at(1), QStringLiteral("/srv/ws10"));

    MainWindow reopened(m_factory);
    QCOMPARE(reopened.currentView(), MainWindow::PolicyViewIndex);
    QCOMPARE(reopened.size(), QSize(1100, 700));
}

void MainWindowTest::translations_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("fileMenu");
    QTest::addColumn<QString>("agentsItem");
    QTest::addColumn<QString>("awaiting");   // an intent's state
    QTest::addColumn<QString>("simulation"); // a decision's reason, from its code and figures
    QTest::addColumn<QString>("needs");      // approvers still needed, with plural forms
    QTest::addColumn<QString>("change");     // what would change a decision, from its parts
    QTest::newRow("german") << "de" << QStringLiteral("&Datei") << QStringLiteral("Personen & Agenten")
                            << QStringLiteral("wartet auf Freigabe") << QStringLiteral("die Simulation schlug fehl: no pool")
                            << QStringLiteral("1 weitere Freigabe durch „treasury“ oder 2 weitere Freigaben durch „risk“")
                            << QStringLiteral("braucht 1 weitere Freigabe durch „treasury“; oder bei Betrag ≤ 5000 USDC erlaubt");
    QTest::newRow("simplified-chinese") << "zh_CN" << QStringLiteral("文件(&F)") << QStringLiteral("人员与代理")
                                        << QStringLiteral("等待审批") << QStringLiteral("模拟失败：no pool")
                                        << QStringLiteral("1 名来自“treasury”的审批人 或 2 名来自“risk”的审批人")
                                        << QStringLiteral("需要 1 名来自“treasury”的审批人；或 金额 ≤ 5000 USDC 时允许");
}

void MainWindowTest::translations()
{
    QFETCH(QString, language);
    QFETCH(QString, fileMenu);
    QFETCH(QString, agentsItem);
    QFETCH(QString, awaiting);
    QFETCH(QString, simulation);
    QFETCH(QString, needs);
    QFETCH(QString, change);
    api::DecisionView decided;
    decided.counterfactual = "needs 1 more approver from 'treasury'; or amount ≤ 5000 USDC would be allowed";
    decided.counterfactualParts = api::CounterfactualParts{
        {{{{"treasury", 1}}, "1 more approver from 'treasury'"}}, "5000 USDC", api::Effect::Allow};
    QCOMPARE(ui::counterfactualText(decided), QString::fromStdString(decided.counterfactual)); // the parts say the same
    const api::ApproverNeed either{{{"treasury", 1}, {"risk", 2}},
                                   "1 more approver from 'treasury' or 2 more approvers from 'risk'"};
    QCOMPARE(ui::needText(either), QString::fromStdString(either.text)); // English: the engine's own words
    // Before: the seam's values read in English.
    const api::Reason failed{"global.simulation", "global.simulation", api::Effect::Deny, "the simulation failed: no pool",
                             {{"problem", "no pool"}}};
    QCOMPARE(ui::reasonText(failed), QStringLiteral("the simulation failed: no pool"));
    QVERIFY(ui::installTranslations(*QCoreApplication::instance(), language));
    QCOMPARE(ui::stateText(api::IntentState::AwaitingApproval), awaiting);
    QCOMPARE(ui::reasonText(failed), simulation);
    QCOMPARE(ui::needText(either), needs);
    QCOMPARE(ui::counterfactualText(decided), change);
    // A rule's reason is in the policy's own words; one without figures keeps the log's text.
    QCOMPARE(ui::reasonText({"rule", "api.small", api::Effect::Allow, "pay_api up to 50 USDC", {}}),
             QStringLiteral("pay_api up to 50 USDC"));
    QCOMPARE(ui::reasonText({"global.simulation", "global.simulation", api::Effect::Deny, "the simulation failed: old", {}}),
             QStringLiteral("the simulation failed: old"));
    MainWindow window(m_factory);
    QCOMPARE(window.menuBar()->actions().first()->text(), fileMenu);
    auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    QCOMPARE(navigation->item(MainWindow::AgentsViewIndex)->text(), agentsItem);
    for (QTranslator* translator : QCoreApplication::instance()->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QLocale::setDefault(QLocale::c());
    QVERIFY(!ui::installTranslations(*QCoreApplication::instance(), QStringLiteral("tlh"))); // no Klingon yet
}

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
