// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QHeaderView>
#include <QScrollBar>
#include <QTimer>
#include <QTranslator>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "core/api/Engine.h"
#include "core/identity/Crypto.h"
#include "core/storage/Database.h"
#include "core/workspace/Workspace.h"
#include "tests/support/FlaggedWorkspace.h"
#include "ui/approvals/ApprovalDetail.h"
#include "ui/approvals/ApprovalFilter.h"
#include "ui/approvals/ApprovalQueueModel.h"
#include "ui/approvals/ApprovalsView.h"
#include "ui/approvals/VerdictDialog.h"
#include "ui/agents/AgentsView.h"
#include "ui/agents/PeopleModel.h"
#include "ui/agents/PrincipalDialog.h"
#include "ui/bridge/EngineClient.h"
#include <QPlainTextEdit>
#include "ui/common/Session.h"
#include "ui/common/Settings.h"
#include "ui/common/Translations.h"
#include "ui/mainwindow/MainWindow.h"

#include <algorithm>
#include <cstring>
#include <map>

using namespace cs;
using cs::ui::ApprovalQueueModel;
using cs::ui::ApprovalsView;
using cs::ui::MainWindow;

/**
 * An approver's keyboard-only session in the real console, on a real demo workspace with 20
 * proposals awaiting approval: every verdict is signed on the engine's worker thread with the
 * approver's sealed key and lands in the audit log, which verifies afterwards.
 */
class ApprovalSessionTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void keyboardOnlySessionThroughTwentyProposals();
    void expiredMeanwhileIsRefusedAndChangesNothing();
    void changedMeanwhileIsRefusedAndChangesNothing();
    void controlLForgetsTheRememberedPassphrase();
    void suspendingInTheConsoleEndsRequestsAndIntake();
    void everyColumnFitsAt1280_data();
    void everyColumnFitsAt1280();

private:
    //! A demo workspace run through the pipeline, with six more flagged intents: 20 await approval.
    QString flaggedWorkspace(const QString& name);
    //! Opens `path` in `window` with `signIn` remembered as who signed in to it last.
    void openInWindow(MainWindow& window, const QString& path, const QString& signIn = QStringLiteral("alice"));
    //! Presses a command key (one keystroke) where the focus is.
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    //! Types text (each character a keystroke, counted apart from commands).
    void type(const QString& text, int& counter);
    ui::VerdictDialog* waitForDialog(ApprovalsView& view);
    std::int64_t count(const QString& path, const char* sql);

    std::shared_ptr<ManualClock> m_clock;
    std::shared_ptr<api::EngineFactory> m_factory;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_commandKeys = 0;
    QPointer<QWidget> m_window;
};

void ApprovalSessionTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_clock = std::make_shared<ManualClock>(Timestamp{QDateTime::currentMSecsSinceEpoch()});
    m_factory = api::makeEngineFactory(m_clock);
}

void ApprovalSessionTest::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_commandKeys = 0;
}

void ApprovalSessionTest::cleanup()
{
    m_dir.reset();
}

QString ApprovalSessionTest::flaggedWorkspace(const QString& name)
{
    const QString path = m_dir->filePath(name);
    const QString failed = test::makeFlaggedWorkspace(*m_factory, path, QStringLiteral(CS_TEST_DATA_DIR "/approvals/extra-intents.jsonl"));
    if (!failed.isEmpty())
        qFatal("%s", qPrintable(failed));
    return path;
}

void ApprovalSessionTest::openInWindow(MainWindow& window, const QString& path, const QString& signIn)
{
    // The person who signed in to this workspace last time is signed in again.
    ui::Settings().signedIn.set(QVariantMap{{path, signIn}});
    m_window = &window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QSignalSpy shown(window.approvalsView(), &ApprovalsView::queueShown);
    window.openWorkspace(path);
    QVERIFY(shown.wait(30000));
    window.approvalsView()->setCountdownMs(300);
    window.approvalsView()->setClock(m_clock); // the countdown ends when the test moves the clock
    press(Qt::Key_1, Qt::ControlModifier); // the approvals view
    QCOMPARE(window.currentView(), MainWindow::ApprovalsViewIndex);
    QTRY_VERIFY(!window.approvalsView()->detail()->intent().isEmpty()); // the oldest, selected
    QCOMPARE(window.session()->id(), signIn);
    QVERIFY(window.signInDialog() == nullptr); // not asked again
    m_commandKeys = 0;
}

void ApprovalSessionTest::press(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    // The offscreen platform has no window manager to give the focus back when a dialog closes.
    if (QApplication::activeWindow() == nullptr && m_window != nullptr) {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitFor([] { return QApplication::activeWindow() != nullptr; }, 5000));
    }
    QWidget* target = QApplication::focusWidget() != nullptr ? QApplication::focusWidget() : QApplication::activeWindow();
    QVERIFY(target != nullptr);
    QTest::keyClick(target, key, modifiers);
    ++m_commandKeys;
}

void ApprovalSessionTest::type(const QString& text, int& counter)
{
    QWidget* target = QApplication::focusWidget();
    QVERIFY(target != nullptr);
    QTest::keyClicks(target, text);
    counter += static_cast<int>(text.size());
}

ui::VerdictDialog* ApprovalSessionTest::waitForDialog(ApprovalsView& view)
{
    // Keys go where the focus is: wait until the dialog is the active window.
    const bool active = QTest::qWaitFor([&] {
        QWidget* dialog = view.openDialog();
        return dialog != nullptr && QApplication::activeWindow() == dialog;
    }, 5000);
    return active ? view.openDialog() : nullptr;
}

std::int64_t ApprovalSessionTest::count(const QString& path, const char* sql)
{
    const QString file = path + QStringLiteral("/countersign.db");
    auto db = storage::Database::open(file.toStdString(), storage::OpenMode::MustExist);
    if (!db)
        return -1;
    auto value = db->queryInt(sql);
    return value ? *value : -1;
}

void ApprovalSessionTest::suspendingInTheConsoleEndsRequestsAndIntake()
{
    // The kill switch from People & agents, signed by rita on the engine's worker thread: the
    // trader's requests awaiting approval end, and its next intent is refused at intake.
    const QString path = flaggedWorkspace(QStringLiteral("kill"));
    const auto traderRequests = [&] {
        return count(path, "SELECT count(*) FROM approval_requests WHERE agent = 'trader' AND state = 'pending'");
    };
    const std::int64_t pendingBefore = traderRequests();
    QVERIFY(pendingBefore > 0);
    MainWindow window(m_factory);
    openInWindow(window, path, QStringLiteral("rita")); // the risk manager
    window.showView(MainWindow::AgentsViewIndex);
    ui::AgentsView& view = *window.agentsView();
    QTRY_VERIFY(view.peopleModel()->rowCount() > 0);
    QTableView* people = view.peopleTable();
    for (int row = 0; row < people->model()->rowCount(); ++row) {
        if (people->model()->index(row, 0).data(ui::PeopleModel::IdRole).toString() == QLatin1String("trader"))
            people->setCurrentIndex(people->model()->index(row, 0));
    }
    QPushButton* suspend = nullptr;
    for (QPushButton* button : view.findChildren<QPushButton*>()) {
        if (button->text() == QStringLiteral("&Suspend…"))
            suspend = button;
    }
    QVERIFY(suspend != nullptr && suspend->isEnabled());
    bool signedIt = false;
    QTimer::singleShot(0, this, [&] { // the dialog is modal: fill it in once it shows
        QTRY_VERIFY(qobject_cast<ui::PrincipalDialog*>(QApplication::activeModalWidget()) != nullptr);
        auto* dialog = qobject_cast<ui::PrincipalDialog*>(QApplication::activeModalWidget());
        dialog->findChild<QPlainTextEdit*>(QStringLiteral("reason"))->setPlainText(QStringLiteral("odd swaps"));
        QPushButton* sign = dialog->findChild<QPushButton*>(QStringLiteral("sign"));
        QVERIFY(sign->isEnabled()); // a demo key: no passphrase needed
        sign->click();
        signedIt = true;
    });
    QSignalSpy changed(window.engineClient(), &ui::EngineClient::principalChanged);
    suspend->click();
    QVERIFY(signedIt);
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() == 1, 30000); // emitted on the worker: maybe before any wait()
    QCOMPARE(changed.first().at(0).toString(), QStringLiteral("trader"));
    QVERIFY2(changed.first().at(1).toString().contains(QStringLiteral("%1 pending request(s) ended").arg(pendingBefore)),
             qPrintable(changed.first().at(1).toString()));
    QCOMPARE(traderRequests(), 0);
    QCOMPARE(count(path, "SELECT count(*) FROM principals WHERE id = 'trader' AND status = 'suspended'"), 1);
    QCOMPARE(count(path, "SELECT count(*) FROM audit_entries WHERE type = 'identity.status_changed' AND actor = 'rita'"), 1);
    // The view shows it as it is now.
    QTRY_VERIFY(std::any_of(view.peopleModel()->people().begin(), view.peopleModel()->people().end(), [](const auto& p) {
        return p.id == "trader" && p.status == api::PrincipalStatus::Suspended;
    }));

    // Its next intent never reaches a model.
    QFile more(m_dir->filePath(QStringLiteral("more.jsonl")));
    QVERIFY(more.open(QIODevice::WriteOnly));
    more.write(R"({"id": "int-9001", "agent": "trader", "offset_s": 0, "task": "Swap 10 USDC for ETH", "action": {"type": "swap", "asset": "USDC", "amount": "10", "venue": "dex-alpha", "params": {"asset_out": "ETH", "min_out": "0.001"}}})" "\n");
    more.close();
    auto engine = m_factory->openWorkspace(path.toStdString());
    QVERIFY(engine);
    auto ran = (*engine)->runIntents({more.fileName().toStdString(), "rules", {}, {}, {}, false});
    QVERIFY2(ran, ran ? "" : ran.error().message.c_str());
    QCOMPARE(ran->size(), 1u);
    QVERIFY(ran->front().state == api::IntentState::Rejected);
    QVERIFY2(ran->front().reason.find("suspended") != std::string::npos, ran->front().reason.c_str());
}

void ApprovalSessionTest::keyboardOnlySessionThroughTwentyProposals()
{
    const QString path = flaggedWorkspace(QStringLiteral("session"));
    MainWindow window(m_factory);
    openInWindow(window, path);
    ApprovalsView& view = *window.approvalsView();
    QAbstractItemModelTester tester(view.table()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(view.model()->rowCount(), 20);
    QVERIFY(view.countsText().startsWith(QLatin1String("20 awaiting")));

    QSignalSpy painted(&view, &ApprovalsView::detailShown);
    if (const QByteArray dir = qgetenv("CS_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(200);
        window.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/approvals-queue.png"));
        view.moveSelection(1); // a swap: fee, expected output and price impact
        QTRY_COMPARE(view.detail()->intent(), QStringLiteral("int-0023"));
        QTest::qWait(200);
        window.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/approvals-swap.png"));
        view.moveSelection(-1);
        QTRY_COMPARE(view.detail()->intent(), QStringLiteral("int-0013"));
    }

    // A refresh that changes nothing leaves the detail alone (a selection in it survives).
    {
        QSignalSpy rendered(view.detail(), &QTextEdit::textChanged);
        QSignalSpy refreshed(&view, &ApprovalsView::queueShown);
        press(Qt::Key_F5);
        QVERIFY(refreshed.wait(20000));
        QCOMPARE(rendered.size(), 0);
        --m_commandKeys; // a check, not part of the session
    }

    // The session: the approver reads each proposal and decides it, keyboard only.
    const std::map<QString, QString> rejections{{QStringLiteral("int-0038"), QStringLiteral("treasury-bot lacks the funds")},
                                                {QStringLiteral("int-0042"), QStringLiteral("payroll top-up not scheduled")},
                                                {QStringLiteral("int-0110"), QStringLiteral("duplicate of the int-0013 trial")}};
    const std::map<QString, QString> edits{{QStringLiteral("int-0091"), QStringLiteral("5000")},
                                           {QStringLiteral("int-0051"), QStringLiteral("7000")}};
    QSignalSpy recorded(&view, &ApprovalsView::verdictRecorded);
    QSignalSpy refused(&view, &ApprovalsView::verdictRefused);
    std::map<QString, QString> outcomes;
    int passphraseKeys = 0;
    int textKeys = 0; // reasons and new amounts
    int decisions = 0;
    QStringList decided;
    while (decisions < 40) {
        const QString intent = view.detail()->intent();
        QVERIFY2(!intent.isEmpty(), "a proposal is selected");
        if (outcomes.contains(intent)) {
            // Approved, but it still needs another approver: it stays; move on with J.
            if (intent == u"int-0052") { // approving again is stopped before any dialog
                press(Qt::Key_A);
                QVERIFY(view.openDialog() == nullptr);
                QVERIFY(view.message().contains(QLatin1String("counts once")));
                --m_commandKeys; // a check of the guard, not part of the session
            }
            const int before = view.table()->currentIndex().row();
            press(Qt::Key_J);
            if (view.table()->currentIndex().row() == before)
                break; // the last row: every proposal has been decided
            continue;
        }
        const bool rejects = rejections.contains(intent);
        const bool edits_ = edits.contains(intent);
        press(rejects ? Qt::Key_R : edits_ ? Qt::Key_E : Qt::Key_A);
        ui::VerdictDialog* dialog = waitForDialog(view);
        QVERIFY2(dialog != nullptr, qPrintable(intent));
        // The dialog repeats the amount and the destination.
        const auto* headline = dialog->findChild<QLabel*>(QStringLiteral("verdictHeadline"));
        QVERIFY(headline != nullptr);
        const ui::ApprovalRow& row = view.model()->rowAt(view.model()->rowOf(intent));
        QVERIFY2(headline->text().contains(row.asset) && headline->text().contains(row.destination.toHtmlEscaped()),
                 qPrintable(headline->text()));
        if (rejects)
            type(rejections.at(intent), textKeys);
        if (edits_) {
            type(edits.at(intent), textKeys); // replaces the selected amount
        }
        if (auto* passphrase = dialog->findChild<QLineEdit*>(QStringLiteral("passphraseEdit"))) {
            if (rejects || edits_)
                press(Qt::Key_Tab);
            QVERIFY(passphrase->hasFocus());
            type(QString::fromLatin1(workspace::kDemoPassphrase), passphraseKeys);
            press(Qt::Key_M, Qt::AltModifier); // remember it for this session
            QTRY_VERIFY(dialog->findChild<QCheckBox*>(QStringLiteral("rememberCheck"))->isChecked());
        }
        // Enter signs only once the countdown is over; before that it does nothing.
        QVERIFY(!dialog->signingEnabled());
        if (const QByteArray dir = qgetenv("CS_SCREENSHOT_DIR"); !dir.isEmpty() && (decisions == 0 || rejects || edits_))
            dialog->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/verdict-%1.png").arg(intent));
        m_clock->advance(300); // the countdown is over
        QTRY_VERIFY(dialog->signingEnabled());
        const int before = static_cast<int>(recorded.size());
        QSignalSpy shown(&view, &ApprovalsView::queueShown);
        press(Qt::Key_Return);
        QTRY_VERIFY2_WITH_TIMEOUT(recorded.size() > before || !refused.isEmpty(), qPrintable(intent), 20000);
        QVERIFY2(refused.isEmpty(), refused.isEmpty() ? "" : qPrintable(refused.first().at(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 20000);
        outcomes[intent] = recorded.last().at(1).toString();
        decided.append(intent);
        ++decisions;
        if (view.model()->rowCount() == 0)
            break;
    }
    QCOMPARE(static_cast<int>(outcomes.size()), 20);
    QCOMPARE(decisions, 20);

    // Where each one ended.
    int executed = 0;
    int pending = 0;
    int rejected = 0;
    int failed = 0;
    QStringList notExecuted;
    for (const auto& [intent, state] : outcomes) {
        if (state != u"executed")
            notExecuted.append(intent + u' ' + state);
        executed += state == u"executed";
        pending += state == u"pending";
        rejected += state == u"rejected";
        failed += state == u"failed";
    }
    qInfo("outcomes: %d executed, %d pending (need a second approver), %d rejected, %d failed: %s", executed, pending, rejected,
          failed, qPrintable(notExecuted.join(QStringLiteral(", "))));
    QCOMPARE(rejected, 3);
    QCOMPARE(outcomes.at(QStringLiteral("int-0042")), QStringLiteral("rejected"));
    QCOMPARE(outcomes.at(QStringLiteral("int-0091")), QStringLiteral("executed")); // lowered to 5000: allowed
    QCOMPARE(outcomes.at(QStringLiteral("int-0052")), QStringLiteral("pending"));  // needs both treasury approvers
    QCOMPARE(view.model()->rowCount(), pending);
    QCOMPARE(executed + pending + rejected + failed, 20);

    // Keystrokes: commands (A/R/E, Enter, Tab into the passphrase, Alt+M once, J past the
    // ones that wait for a second approver) per decision, apart from the passphrase and text.
    const double perDecision = static_cast<double>(m_commandKeys) / decisions;
    qInfo("keystrokes: %d commands for %d decisions (%.2f per decision), passphrase %d keys once, text %d keys", m_commandKeys,
          decisions, perDecision, passphraseKeys, textKeys);
    QVERIFY(perDecision <= 3.0);
    QCOMPARE(passphraseKeys, 4); // typed once, remembered for the session

    // Select → detail painted, over every selection of the session.
    QList<qint64> latencies;
    for (const QList<QVariant>& shown : painted)
        latencies.append(shown.at(1).toLongLong());
    std::sort(latencies.begin(), latencies.end());
    QVERIFY(!latencies.isEmpty());
    qInfo("select to detail painted: %d selections, median %lld us, max %lld us", static_cast<int>(latencies.size()),
          latencies.at(latencies.size() / 2), latencies.last());

    // The audit log holds each signed verdict, and verifies.
    QCOMPARE(count(path, "SELECT count(*) FROM audit_entries WHERE type = 'approval.rejected'"), 3);
    QCOMPARE(count(path, "SELECT count(*) FROM audit_entries WHERE type = 'approval.granted'"), 17);
    QCOMPARE(count(path, "SELECT count(*) FROM audit_entries WHERE type = 'proposal.edited'"), 2);
    QCOMPARE(count(path, "SELECT count(*) FROM approvals WHERE approver = 'alice'"), 20);
    QCOMPARE(count(path, "SELECT count(*) FROM proposals WHERE state = 'awaiting_approval'"), pending);
    window.close();
    auto engine = m_factory->openWorkspace(path.toStdString());
    QVERIFY(engine);
    auto report = (*engine)->verifyAuditLog({}, false, {});
    QVERIFY(report);
    QVERIFY2(report->intact(), report->intact() ? "" : report->first()->reason.c_str());
}

void ApprovalSessionTest::expiredMeanwhileIsRefusedAndChangesNothing()
{
    const QString path = flaggedWorkspace(QStringLiteral("expiry"));
    MainWindow window(m_factory);
    openInWindow(window, path);
    ApprovalsView& view = *window.approvalsView();
    const QString intent = view.detail()->intent();
    const std::int64_t entries = count(path, "SELECT count(*) FROM approvals");
    press(Qt::Key_A);
    ui::VerdictDialog* dialog = waitForDialog(view);
    QVERIFY(dialog != nullptr);
    int keys = 0;
    type(QString::fromLatin1(workspace::kDemoPassphrase), keys);
    // While the approver reads, the request's time runs out.
    m_clock->advance(25LL * 3600 * 1000);
    m_clock->advance(300); // the countdown is over
    QTRY_VERIFY(dialog->signingEnabled());
    QSignalSpy refused(&view, &ApprovalsView::verdictRefused);
    press(Qt::Key_Return);
    QVERIFY(refused.wait(20000));
    QCOMPARE(refused.first().at(0).toString(), intent);
    QVERIFY2(view.message().contains(QLatin1String("Nothing was signed")) && view.message().contains(QLatin1String("expired")),
             qPrintable(view.message()));
    // No verdict was recorded; the expiry itself is (audited, its spend released).
    QCOMPARE(count(path, "SELECT count(*) FROM approvals"), entries);
    QCOMPARE(count(path, "SELECT count(*) FROM audit_entries WHERE type = 'approval.expired'"), 1);
    QVERIFY(!view.passphraseRemembered()); // it was not opted in
}

void ApprovalSessionTest::changedMeanwhileIsRefusedAndChangesNothing()
{
    const QString path = flaggedWorkspace(QStringLiteral("changed"));
    MainWindow window(m_factory);
    openInWindow(window, path);
    ApprovalsView& view = *window.approvalsView();
    // int-0054 needs two treasury approvers; alice reads it while bob tightens it elsewhere.
    QSignalSpy recorded(&view, &ApprovalsView::verdictRecorded);
    while (view.detail()->intent() != u"int-0054")
        press(Qt::Key_J);
    const ui::ApprovalRow shownRow = view.model()->rowAt(view.model()->rowOf(QStringLiteral("int-0054")));
    press(Qt::Key_A);
    ui::VerdictDialog* dialog = waitForDialog(view);
    QVERIFY(dialog != nullptr);
    int keys = 0;
    type(QString::fromLatin1(workspace::kDemoPassphrase), keys);

    auto bobsPassphrase = std::make_shared<SecretBytes>(4);
    std::memcpy(bobsPassphrase->data(), workspace::kDemoPassphrase, 4);
    ui::Verdict bobs{QStringLiteral("int-0054"), QStringLiteral("bob"), ui::Verdict::Edit, {}, QStringLiteral("4000"), {},
                     QString::fromStdString(shownRow.item.subjectSha256)};
    window.engineClient()->submitVerdict(bobs, bobsPassphrase);
    QVERIFY(recorded.wait(20000));
    QCOMPARE(recorded.first().at(1).toString(), QStringLiteral("pending"));
    const std::int64_t approvals = count(path, "SELECT count(*) FROM approvals");

    m_clock->advance(300); // the countdown is over
    QTRY_VERIFY(dialog->signingEnabled());
    QSignalSpy refused(&view, &ApprovalsView::verdictRefused);
    press(Qt::Key_Return);
    QVERIFY(refused.wait(20000));
    QVERIFY2(view.message().contains(QLatin1String("changed since it was shown")), qPrintable(view.message()));
    QCOMPARE(count(path, "SELECT count(*) FROM approvals"), approvals);
    // The queue now shows bob's version: 4,000 USDC, signed by bob, with a new subject to sign.
    QTRY_COMPARE(view.detail()->intent(), QStringLiteral("int-0054"));
    QTRY_COMPARE(view.model()->rowAt(view.model()->rowOf(QStringLiteral("int-0054"))).amount, QStringLiteral("4000"));
    const ui::ApprovalRow& now = view.model()->rowAt(view.model()->rowOf(QStringLiteral("int-0054")));
    QVERIFY(now.item.subjectSha256 != shownRow.item.subjectSha256);
    QCOMPARE(now.item.approvedBy, std::vector<std::string>{"bob"});
}

void ApprovalSessionTest::controlLForgetsTheRememberedPassphrase()
{
    const QString path = flaggedWorkspace(QStringLiteral("lock"));
    MainWindow window(m_factory);
    openInWindow(window, path);
    ApprovalsView& view = *window.approvalsView();
    // A wrong passphrase signs nothing and is not remembered.
    press(Qt::Key_A);
    ui::VerdictDialog* dialog = waitForDialog(view);
    QVERIFY(dialog != nullptr);
    int keys = 0;
    type(QStringLiteral("wrong"), keys);
    press(Qt::Key_M, Qt::AltModifier);
    QTRY_VERIFY(dialog->findChild<QCheckBox*>(QStringLiteral("rememberCheck"))->isChecked());
    m_clock->advance(300); // the countdown is over
    QTRY_VERIFY(dialog->signingEnabled());
    QSignalSpy refused(&view, &ApprovalsView::verdictRefused);
    QSignalSpy recorded(&view, &ApprovalsView::verdictRecorded);
    press(Qt::Key_Return);
    QVERIFY(refused.wait(20000));
    QVERIFY(!view.passphraseRemembered());
    QCOMPARE(count(path, "SELECT count(*) FROM approvals"), 0);

    // The right one, remembered: the next dialog asks for none, until Ctrl+L.
    QSignalSpy shown(&view, &ApprovalsView::queueShown);
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 20000);
    press(Qt::Key_A);
    dialog = waitForDialog(view);
    QVERIFY(dialog != nullptr);
    type(QString::fromLatin1(workspace::kDemoPassphrase), keys);
    press(Qt::Key_M, Qt::AltModifier);
    QTRY_VERIFY(dialog->findChild<QCheckBox*>(QStringLiteral("rememberCheck"))->isChecked());
    m_clock->advance(300); // the countdown is over
    QTRY_VERIFY(dialog->signingEnabled());
    press(Qt::Key_Return);
    QVERIFY(recorded.wait(20000));
    QVERIFY(view.passphraseRemembered());
    press(Qt::Key_L, Qt::ControlModifier);
    QVERIFY(!view.passphraseRemembered());
    QVERIFY(view.message().contains(QLatin1String("forgotten")));
    press(Qt::Key_A);
    dialog = waitForDialog(view);
    QVERIFY(dialog != nullptr);
    QVERIFY(dialog->findChild<QLineEdit*>(QStringLiteral("passphraseEdit")) != nullptr);
    press(Qt::Key_Escape);
    QTRY_VERIFY(view.openDialog() == nullptr);

    // Ctrl+F searches; the letters go into the field, not to the shortcuts; Enter returns to the queue.
    press(Qt::Key_F, Qt::ControlModifier);
    auto* search = view.findChild<QLineEdit*>(QStringLiteral("approvalSearch"));
    QVERIFY(search->hasFocus());
    type(QStringLiteral("sam-fisher"), keys);
    QCOMPARE(search->text(), QStringLiteral("sam-fisher"));
    QVERIFY(view.openDialog() == nullptr); // the 'a' and 'e' typed opened nothing
    QCOMPARE(view.table()->model()->rowCount(), 1);
    press(Qt::Key_Return);
    QVERIFY(view.table()->hasFocus());
    QTRY_COMPARE(view.detail()->intent(), QStringLiteral("int-0052"));
}

void ApprovalSessionTest::everyColumnFitsAt1280_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("english") << QString();
    QTest::newRow("german") << QStringLiteral("de"); // its last column was clipped at 1280 px
    QTest::newRow("chinese") << QStringLiteral("zh_CN");
}

void ApprovalSessionTest::everyColumnFitsAt1280()
{
    QFETCH(QString, language);
    if (!language.isEmpty())
        QVERIFY(ui::installTranslations(*QCoreApplication::instance(), language));
    const QString path = flaggedWorkspace(QStringLiteral("fits"));
    {
        MainWindow window(m_factory);
        openInWindow(window, path);
        QTableView* table = window.approvalsView()->table();
        QCOMPARE(table->model()->rowCount(), 20);
        QCoreApplication::processEvents(); // the header's posted layout
        QCOMPARE(table->horizontalScrollBar()->maximum(), 0); // nothing to scroll to: every column shows
        for (int column = 0; column < table->model()->columnCount(); ++column)
            QVERIFY2(table->columnWidth(column) >= table->horizontalHeader()->sectionSizeHint(column) / 2,
                     qPrintable(table->model()->headerData(column, Qt::Horizontal).toString()));
    }
    for (QTranslator* translator : QCoreApplication::instance()->findChildren<QTranslator*>())
        QCoreApplication::removeTranslator(translator);
}

QTEST_MAIN(ApprovalSessionTest)
#include "ApprovalSessionTest.moc"
