// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

#include "core/api/Engine.h"
#include "core/workspace/Workspace.h"
#include "tests/support/ProcessRun.h"
#include "ui/approvals/ApprovalDetail.h"
#include "ui/bridge/EngineClient.h"
#include "ui/common/Settings.h"
#include "ui/common/StateText.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/policy/PolicyDocument.h"
#include "ui/policy/PolicyForm.h"
#include "ui/policy/PolicyModels.h"
#include "ui/policy/PolicyView.h"
#include "ui/policy/WhatIfPanel.h"

using namespace cs;
using cs::ui::MainWindow;
using cs::ui::PolicyView;

/**
 * A risk manager's session in the real console on a real demo workspace that ran its intents:
 * raise one cap with the mouse and keyboard as a person would, read the what-if (whose figures
 * are the CLI's `replay --policy` of the same draft), publish with the passphrase. The actions
 * are counted (a click, a key command or one typed value is one), never timed. Closing with an
 * unpublished draft asks; a kept draft is there again when the workspace opens next.
 */
class PolicyEditorSessionTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void raiseACapReadTheWhatIfPublish();
    void closingWithADraftAsksAndKeepsIt();

private:
    QString ranDemo(const QString& name);
    void openInWindow(MainWindow& window, const QString& path);
    void click(QWidget* widget, QPoint at = {});
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    void type(const QString& text);
    QWidget* buttonOf(PolicyView& view, QAction* action);

    std::shared_ptr<ManualClock> m_clock;
    std::shared_ptr<api::EngineFactory> m_factory;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_actions = 0;
    QPointer<QWidget> m_window;
};

void PolicyEditorSessionTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_clock = std::make_shared<ManualClock>(Timestamp{QDateTime::currentMSecsSinceEpoch()});
    m_factory = api::makeEngineFactory(m_clock);
}

void PolicyEditorSessionTest::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_actions = 0;
}

QString PolicyEditorSessionTest::ranDemo(const QString& name)
{
    const QString path = m_dir->filePath(name);
    if (!m_factory->createWorkspace(path.toStdString(), {.demo = true}))
        qFatal("cannot create %s", qPrintable(path));
    auto engine = m_factory->openWorkspace(path.toStdString());
    if (!engine || !(*engine)->runIntents({}))
        qFatal("cannot run the demo in %s", qPrintable(path));
    return path;
}

void PolicyEditorSessionTest::openInWindow(MainWindow& window, const QString& path)
{
    ui::Settings().signedIn.set(QVariantMap{{path, QStringLiteral("rita")}}); // the demo's risk manager
    m_window = &window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QSignalSpy loaded(window.engineClient(), &ui::EngineClient::policyLoaded);
    window.openWorkspace(path);
    QVERIFY(loaded.wait(30000));
    QTRY_VERIFY_WITH_TIMEOUT(window.policyView()->check().version.size() == 64, 10000); // checked once
}

void PolicyEditorSessionTest::click(QWidget* widget, QPoint at)
{
    QVERIFY(widget != nullptr && widget->isVisible() && widget->isEnabled());
    QTest::mouseClick(widget, Qt::LeftButton, {}, at.isNull() ? widget->rect().center() : at);
    ++m_actions;
}

void PolicyEditorSessionTest::press(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    if (QApplication::activeWindow() == nullptr && m_window != nullptr)
        m_window->activateWindow();
    QWidget* target = QApplication::focusWidget() != nullptr ? QApplication::focusWidget() : QApplication::activeWindow();
    QVERIFY(target != nullptr);
    QTest::keyClick(target, key, modifiers);
    ++m_actions;
}

void PolicyEditorSessionTest::type(const QString& text)
{
    QVERIFY(QApplication::focusWidget() != nullptr);
    QTest::keyClicks(QApplication::focusWidget(), text);
    ++m_actions; // one value typed
}

QWidget* PolicyEditorSessionTest::buttonOf(PolicyView& view, QAction* action)
{
    auto* bar = view.findChild<QToolBar*>();
    return bar != nullptr ? bar->widgetForAction(action) : nullptr;
}

void PolicyEditorSessionTest::raiseACapReadTheWhatIfPublish()
{
    const QString path = ranDemo(QStringLiteral("session"));
    MainWindow window(m_factory);
    openInWindow(window, path);
    PolicyView& view = *window.policyView();
    const QString activeBefore = QString::fromStdString(view.check().activeVersion);
    QVERIFY(!window.isWindowModified());

    // 1. The policy view, from the keyboard.
    press(Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window.currentView(), MainWindow::PolicyViewIndex);
    // 2. The daily cap's row.
    QTableView* rules = view.rulesTable();
    const int row = view.document().ruleRow(QStringLiteral("api.daily-cap"));
    QVERIFY(row >= 0);
    click(rules->viewport(), rules->visualRect(view.rulesModel()->index(row, ui::PolicyRulesModel::Id)).center());
    QCOMPARE(view.ruleForm()->rule(), QStringLiteral("api.daily-cap"));
    // 3–5. Its window total: select what is there and type the new cap.
    auto* cap = qobject_cast<QLineEdit*>(view.ruleForm()->field(QStringLiteral("window.above")));
    QVERIFY(cap != nullptr);
    QCOMPARE(cap->text(), QStringLiteral("300"));
    click(cap);
    press(Qt::Key_A, Qt::ControlModifier);
    type(QStringLiteral("450"));
    QCOMPARE(view.undoStack().count(), 1); // typing in one field is one step
    QTRY_VERIFY(window.isWindowModified());
    QTRY_VERIFY_WITH_TIMEOUT(view.check().version.size() == 64 && view.check().version != view.check().activeVersion, 10000);
    QCOMPARE(view.check().diff.size(), std::size_t(1));
    QVERIFY(QString::fromStdString(view.check().diff.front()).contains(QStringLiteral("450")));

    // 6. What if: the engine re-decides the whole history under the draft.
    QSignalSpy whatIfDone(view.whatIf(), &ui::WhatIfPanel::finished);
    click(buttonOf(view, view.whatIfAction()));
    QTRY_VERIFY_WITH_TIMEOUT(whatIfDone.count() == 1, 60000);
    const QByteArray draft = view.document().bytes();
    const api::BacktestSummary* result = view.whatIf()->resultFor(draft);
    QVERIFY(result != nullptr);

    // What it shows is what countersign-cli replay says of the same draft.
    QFile file(m_dir->filePath(QStringLiteral("draft.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(draft);
    file.close();
    const test::Run replay = test::runProgram(QStringLiteral(CS_CLI_PATH), {QStringLiteral("replay"), path, QStringLiteral("--policy"), file.fileName()});
    QCOMPARE(replay.exitCode, 1); // decisions differ
    const QJsonObject cli = QJsonDocument::fromJson(replay.out).object();
    QTableWidget* changes = view.whatIf()->changes();
    QCOMPARE(changes->rowCount(), cli.value(QStringLiteral("changed")).toInt());
    QVERIFY(changes->rowCount() > 0);
    for (int i = 0; i < changes->rowCount(); ++i)
        QCOMPARE(changes->item(i, 1)->text(), cli.value(QStringLiteral("changes")).toArray().at(i).toObject().value(QStringLiteral("intent")).toString());
    QTableWidget* transitions = view.whatIf()->transitions();
    const QJsonArray cliTransitions = cli.value(QStringLiteral("transitions")).toArray();
    QCOMPARE(transitions->rowCount(), cliTransitions.size());
    for (int i = 0; i < transitions->rowCount(); ++i) {
        const QJsonObject expected = cliTransitions.at(i).toObject();
        QCOMPARE(transitions->item(i, 1)->text(), QString::number(expected.value(QStringLiteral("count")).toInt()));
        QCOMPARE(QString::fromStdString(result->transitions[static_cast<std::size_t>(i)].value), expected.value(QStringLiteral("value")).toString());
    }
    QCOMPARE(QString::fromStdString(result->allowedBefore), cli.value(QStringLiteral("allowed_value_before")).toString());
    QCOMPARE(QString::fromStdString(result->allowedAfter), cli.value(QStringLiteral("allowed_value_after")).toString());
    QCOMPARE(static_cast<qsizetype>(result->days.size()), cli.value(QStringLiteral("days")).toArray().size());
    QVERIFY(view.whatIf()->summaryText().contains(QString::number(changes->rowCount())));

    // A changed proposal opens in the approval detail (a look aside: not counted in the session).
    const int actions = m_actions;
    const QString first = changes->item(0, 1)->text();
    const QRect cell = changes->visualItemRect(changes->item(0, 1));
    QTest::mouseClick(changes->viewport(), Qt::LeftButton, {}, cell.center()); // a double click: press, release, press again
    QTest::mouseDClick(changes->viewport(), Qt::LeftButton, {}, cell.center());
    QDialog* opened = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((opened = view.findChild<QDialog*>(QStringLiteral("proposalDetailDialog"))) != nullptr, 10000);
    auto* detail = opened->findChild<ui::ApprovalDetail*>();
    QVERIFY(detail != nullptr);
    QTRY_VERIFY(detail->toPlainText().contains(first));
    QVERIFY(detail->toPlainText().contains(QStringLiteral("api-buyer")));
    opened->close();
    QTRY_VERIFY(view.findChild<QDialog*>(QStringLiteral("proposalDetailDialog")) == nullptr);
    m_actions = actions;
    window.activateWindow();

    // 7–9. Publish: the dialog says what changes; the passphrase; Enter signs.
    bool dialogSeen = false;
    QTimer::singleShot(0, this, [&] {
        // Whatever fails here, the dialog closes: the test reports it instead of waiting on it.
        const auto closeIt = qScopeGuard([&] {
            if (auto* open = qobject_cast<QDialog*>(QApplication::activeModalWidget()); open != nullptr && !dialogSeen)
                open->reject();
        });
        QTRY_VERIFY(QApplication::activeModalWidget() != nullptr);
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog != nullptr && dialog->objectName() == QLatin1String("policyPublishDialog"));
        const QString summary = dialog->findChild<QPlainTextEdit*>(QStringLiteral("publishSummary"))->toPlainText();
        QVERIFY2(summary.contains(QStringLiteral("api.daily-cap")) && summary.contains(QStringLiteral("What-if: ")), qPrintable(summary));
        QVERIFY(!summary.contains(QStringLiteral("not run")));
        auto* passphrase = dialog->findChild<QLineEdit*>(QStringLiteral("signerPassphrase"));
        click(passphrase);
        QTest::keyClicks(passphrase, QString::fromLatin1(workspace::kDemoPassphrase)); // the passphrase: not counted
        QTest::keyClick(passphrase, Qt::Key_Return); // Enter signs
        ++m_actions;
        dialogSeen = true;
    });
    QSignalSpy published(window.engineClient(), &ui::EngineClient::policyPublished);
    click(buttonOf(view, view.publishAction()));
    QVERIFY(dialogSeen);
    QTRY_VERIFY_WITH_TIMEOUT(published.count() == 1, 30000);
    QVERIFY2(m_actions <= 12, qPrintable(QStringLiteral("%1 actions").arg(m_actions)));
    qInfo("a risk manager raised a cap, read the what-if and published in %d actions plus the passphrase", m_actions);

    // Signed, recorded, deciding; the draft is gone and nothing is modified.
    const auto version = published.front().front().value<api::PolicyVersion>();
    QCOMPARE(QString::fromLatin1(QByteArray::fromStdString(version.signer)), QStringLiteral("rita"));
    QTRY_VERIFY(!window.isWindowModified());
    QTRY_VERIFY_WITH_TIMEOUT(QString::fromStdString(view.check().activeVersion) == QString::fromStdString(version.version), 10000);
    QVERIFY(activeBefore != QString::fromStdString(version.version));
    window.close();
    QTRY_VERIFY(window.isHidden());
    auto engine = m_factory->openWorkspace(path.toStdString());
    QVERIFY(engine);
    QCOMPARE((*engine)->policyVersions()->front().version, version.version);
    QVERIFY(!(*engine)->policyDraft()->has_value());
    auto verified = (*engine)->verifyAuditLog({}, true, {});
    QVERIFY2(verified && verified->problems.empty(), verified ? "" : verified.error().message.c_str());
}

void PolicyEditorSessionTest::closingWithADraftAsksAndKeepsIt()
{
    const QString path = ranDemo(QStringLiteral("draft"));
    {
        MainWindow window(m_factory);
        openInWindow(window, path);
        PolicyView& view = *window.policyView();
        view.undoStack().push(new ui::SetPolicyValue(view.document(), {QStringLiteral("globals"), QStringLiteral("max_slippage_bps"), {}},
                                                     150, QStringLiteral("slippage"), false));
        QTRY_VERIFY(window.isWindowModified());
        // Closing asks; Cancel stays.
        QTimer::singleShot(0, this, [] {
            QTRY_VERIFY(qobject_cast<QMessageBox*>(QApplication::activeModalWidget()) != nullptr);
            qobject_cast<QMessageBox*>(QApplication::activeModalWidget())->button(QMessageBox::Cancel)->click();
        });
        window.close();
        QVERIFY(window.isVisible());
        // Keep the draft: it stays in the workspace.
        QTimer::singleShot(0, this, [] {
            QTRY_VERIFY(qobject_cast<QMessageBox*>(QApplication::activeModalWidget()) != nullptr);
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            for (QAbstractButton* button : box->buttons()) {
                if (box->buttonRole(button) == QMessageBox::AcceptRole)
                    button->click();
            }
        });
        window.close();
        QTRY_VERIFY(window.isHidden());
    }
    MainWindow again(m_factory);
    openInWindow(again, path);
    PolicyView& view = *again.policyView();
    QCOMPARE(view.document().value({QStringLiteral("globals"), QStringLiteral("max_slippage_bps"), {}}), QJsonValue(150));
    QVERIFY(view.isModified());
    QTRY_VERIFY(again.isWindowModified());
    QCOMPARE(view.undoStack().count(), 0); // a new session: the kept draft is where undo starts
}

QTEST_MAIN(PolicyEditorSessionTest)
#include "PolicyEditorSessionTest.moc"
