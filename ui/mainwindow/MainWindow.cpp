// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/MainWindow.h"

#include "ui/agents/AgentsView.h"
#include "ui/mainwindow/NewWorkspaceDialog.h"
#include "ui/mainwindow/SignInDialog.h"
#include "ui/world/WorldView.h"
#include "ui/audit/AuditView.h"
#include "ui/reputation/ReputationView.h"
#include "ui/approvals/ApprovalsView.h"
#include "ui/common/Secrets.h"
#include "ui/bridge/EngineClient.h"
#include "ui/policy/PolicyView.h"
#include "ui/common/Session.h"
#include "ui/common/Settings.h"
#include "ui/common/StateText.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace cs::ui {

MainWindow::MainWindow(std::shared_ptr<api::EngineFactory> factory, QWidget* parent)
    : QMainWindow(parent)
    , m_client(new EngineClient(std::move(factory), this))
    , m_session(new Session(this))
    , m_navigation(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_agentsView(new AgentsView(*m_client, *m_session, this))
    , m_worldView(new WorldView(*m_client, *m_session, this))
    , m_auditView(new AuditView(*m_client, this))
    , m_reputationView(new ReputationView(*m_client, this))
    , m_policyView(new PolicyView(*m_client, *m_session, this))
    , m_approvalsView(new ApprovalsView(*m_client, *m_session, this))
    , m_workspaceLabel(new QLabel(this))
    , m_engineLabel(new QLabel(this))
    , m_pipelineLabel(new QLabel(this))
    , m_banner(new QLabel(this))
    , m_integrityProgress(new QProgressBar(this))
    , m_signedIn(new QPushButton(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Countersign"));

    createNavigation();
    createMenus();

    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({160, 1120});
    // A log that does not verify is said above everything, in words, until another workspace opens.
    m_banner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel#readOnlyBanner { background: #b3261e; color: white; padding: 8px 12px; "
                                           "font-weight: bold; }"));
    m_banner->hide();
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_banner);
    column->addWidget(splitter, 1);
    setCentralWidget(central);

    m_workspaceLabel->setTextFormat(Qt::PlainText);
    m_engineLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_workspaceLabel, 1);
    m_pipelineLabel->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_pipelineLabel);
    m_integrityProgress->setObjectName(QStringLiteral("integrityProgress"));
    m_integrityProgress->setFormat(tr("Checking the audit log… %p%"));
    m_integrityProgress->setMaximumWidth(260);
    m_integrityProgress->hide();
    statusBar()->addPermanentWidget(m_integrityProgress);
    m_signedIn->setObjectName(QStringLiteral("signedInButton"));
    m_signedIn->setFlat(true);
    m_signedIn->setToolTip(tr("Who the console signs as; click to sign in as someone else"));
    connect(m_signedIn, &QPushButton::clicked, this, &MainWindow::askToSignIn);
    statusBar()->addPermanentWidget(m_signedIn);
    statusBar()->addPermanentWidget(m_engineLabel);
    m_workspaceLabel->setText(tr("No workspace open. Use File > Open Workspace or File > New Demo Workspace."));
    m_engineLabel->setText(tr("Engine: closed"));

    connect(m_client, &EngineClient::workspaceOpened, this, &MainWindow::onWorkspaceOpened);
    connect(m_client, &EngineClient::workspaceFailed, this, &MainWindow::onWorkspaceFailed);
    connect(m_client, &EngineClient::statusChanged, this, &MainWindow::onStatusChanged);
    connect(m_client, &EngineClient::intentProcessed, this, &MainWindow::onIntentProcessed);
    connect(m_client, &EngineClient::integrityProgress, this, [this](qint64 done, qint64 total) {
        m_integrityProgress->setRange(0, 100);
        m_integrityProgress->setValue(total > 0 ? static_cast<int>(done * 100 / total) : 100);
        m_integrityProgress->show();
    });
    connect(m_client, &EngineClient::integrityChecked, this, &MainWindow::onIntegrityChecked);
    // The views follow what the engine pushes.
    connect(m_client, &EngineClient::workspaceChanged, this, [this](const api::Change& change) {
        switch (change.kind) {
        case api::Change::Kind::BalancesChanged:
            m_agentsView->reload();
            m_worldView->reload();
            m_approvalsView->reload(); // the simulations start from the balances
            m_policyView->reloadCaps();
            break;
        case api::Change::Kind::QueueChanged:
            m_approvalsView->reload();
            m_policyView->reloadCaps(); // a request reserves in its windows
            break;
        case api::Change::Kind::PrincipalChanged: m_agentsView->reload(); break;
        case api::Change::Kind::AuditAppended:
            m_auditView->logGrew(change.auditSize);
            m_reputationView->logGrew(); // scores and red flags come from the log
            m_worldView->reload(); // a world change is one entry
            m_policyView->reloadShadow(); // a decision that only denies appends, and a shadow may differ on it
            break;
        case api::Change::Kind::PolicyPublished:
            // Another version decides: the queue's "if it settles now", the grants and the editor follow.
            m_approvalsView->reload();
            m_agentsView->reload();
            m_policyView->reloadActive();
            break;
        }
    });
    connect(m_policyView, &PolicyView::modifiedChanged, this, &QWidget::setWindowModified);
    // From an agent's outcome or a red flag to its entry; from its score to the kill switch.
    connect(m_reputationView, &ReputationView::entryRequested, this, [this](qint64 seq) {
        showView(AuditViewIndex);
        m_auditView->showEntry(seq);
    });
    connect(m_reputationView, &ReputationView::killSwitchRequested, this, [this](const QString& agent) {
        showView(AgentsViewIndex);
        m_agentsView->selectPrincipal(agent);
    });
    connect(m_client, &EngineClient::engineUnlocked, this, [this] {
        m_engineLabel->setText(tr("Engine: ready, key unlocked"));
    });
    // Someone's role or status changed (a suspension, say): what the one signed in may do follows.
    connect(m_client, &EngineClient::peopleLoaded, this, [this](const std::vector<api::PrincipalView>& people) {
        m_people = people;
        m_session->update(people);
    });
    connect(m_session, &Session::changed, this, &MainWindow::showSignedIn);
    connect(m_client, &EngineClient::feedFinished, this, [this] {
        m_pipelineLabel->setText(tr("Pipeline: done, %1 processed").arg(m_processed));
    });

    const Settings settings;
    if (!restoreGeometry(settings.windowGeometry.get()))
        resize(1280, 800);
    restoreState(settings.windowState.get());
    showSignedIn();
    showView(static_cast<View>(std::clamp(settings.currentView.get(ApprovalsViewIndex), 0, ViewCount - 1)));
}

MainWindow::~MainWindow() = default;

void MainWindow::createNavigation()
{
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->addItem(tr("Approvals"));
    m_stack->addWidget(m_approvalsView);
    m_navigation->addItem(tr("Policy"));
    m_stack->addWidget(m_policyView);
    m_navigation->addItem(tr("Reputation"));
    m_stack->addWidget(m_reputationView);
    m_navigation->addItem(tr("Audit"));
    m_stack->addWidget(m_auditView);
    m_navigation->addItem(tr("People & agents"));
    m_stack->addWidget(m_agentsView);
    m_navigation->addItem(tr("World"));
    m_stack->addWidget(m_worldView);
    m_navigation->setMinimumWidth(160);
    m_navigation->setSpacing(4);
    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Workspace…"), QKeySequence::New, this, [this] { chooseAndCreate(false); });
    file->addAction(tr("New &Demo Workspace…"), this, [this] { chooseAndCreate(true); });
    file->addAction(tr("&Open Workspace…"), QKeySequence::Open, this, &MainWindow::chooseAndOpen);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    m_signInAction = file->addAction(tr("&Sign In…"), this, &MainWindow::askToSignIn);
    m_signInAction->setEnabled(false);
    m_unlockAction = file->addAction(tr("&Unlock Engine Key…"), this, &MainWindow::unlockEngineKey);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < ViewCount; ++i) {
        view->addAction(m_navigation->item(i)->text(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this,
                        [this, i] { showView(static_cast<View>(i)); });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Countersign"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = Settings().recentWorkspaces.get();
    for (const QString& path : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openWorkspace(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showView(View view)
{
    m_navigation->setCurrentRow(view);
    m_navigation->setFocus();
}

MainWindow::View MainWindow::currentView() const
{
    return static_cast<View>(m_stack->currentIndex());
}

void MainWindow::openWorkspace(const QString& path)
{
    if (!m_policyView->maybeClose())
        return;
    m_workspaceLabel->setText(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    m_client->openWorkspace(path);
}

void MainWindow::createWorkspace(const QString& path, bool demo, const QString& enginePassphrase,
                                 const QString& riskManager, const QString& riskManagerName,
                                 const QString& riskManagerPassphrase)
{
    m_workspaceLabel->setText(tr("Creating %1…").arg(QDir::toNativeSeparators(path)));
    m_client->createWorkspace(path, demo, enginePassphrase, riskManager, riskManagerName, riskManagerPassphrase);
}

void MainWindow::chooseAndOpen()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Workspace"));
    if (!dir.isEmpty())
        openWorkspace(dir);
}

void MainWindow::chooseAndCreate(bool demo)
{
    if (demo) {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose an empty directory for the demo workspace"));
        if (!dir.isEmpty())
            createWorkspace(dir, true);
        return;
    }
    // The steps of `countersign-cli init WS --risk-manager NAME`, in one page.
    NewWorkspaceDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    createWorkspace(dialog.folder(), false, dialog.enginePassphrase(), dialog.riskManager(), dialog.riskManagerName(),
                    dialog.riskManagerPassphrase());
    dialog.wipe();
}

void MainWindow::unlockEngineKey()
{
    // Approvals that complete a quorum settle with the engine key; a demo's opens by itself.
    QInputDialog dialog(this);
    dialog.setWindowTitle(tr("Unlock Engine Key"));
    dialog.setLabelText(tr("Passphrase of the engine key (it stays unlocked while the workspace is open):"));
    dialog.setTextEchoMode(QLineEdit::Password);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QLineEdit* field = dialog.findChild<QLineEdit*>();
    if (field != nullptr)
        m_client->unlockEngine(takePassphrase(*field));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Countersign"),
                       tr("<h3>Countersign %1</h3>"
                          "<p>The operator console for AI agents that move money: agents propose, the engine "
                          "simulates and checks every proposal against a signed policy, people approve what is "
                          "risky, and every step is written to a tamper-evident audit log.</p>"
                          "<p>Built with Qt %2.</p>")
                           .arg(QStringLiteral(CS_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::onWorkspaceOpened(const QString& path, const api::WorkspaceSummary& summary)
{
    const QString name = QString::fromStdString(summary.name);
    setWindowTitle(tr("%1[*] — Countersign").arg(name)); // [*]: the policy draft has changes
    m_workspaceLabel->setText(tr("Workspace: %1 (%2)").arg(name, QDir::toNativeSeparators(path)));
    m_people = summary.principals;
    m_signInAction->setEnabled(true);
    if (!m_session->resume(path, m_people, m_signInAs))
        askToSignIn();
    m_agentsView->showWorkspace(summary);
    m_worldView->showWorkspace(summary);
    m_auditView->showWorkspace(summary);
    m_reputationView->showWorkspace();
    m_policyView->showWorkspace(summary);
    m_approvalsView->showWorkspace();
    // A workspace made in a temporary directory (countersign --demo) is not worth remembering.
    if (!path.startsWith(QDir::tempPath())) {
        Settings().rememberWorkspace(path);
        rebuildRecentMenu();
    }
    Q_EMIT workspaceShown(path);
}

void MainWindow::askToSignIn()
{
    const std::vector<api::PrincipalView> candidates = Session::candidates(m_people);
    if (candidates.size() == 1 && !m_session->signedIn()) {
        m_session->signIn(candidates.front()); // nobody else to be
        return;
    }
    if (signInDialog() != nullptr || candidates.empty())
        return;
    auto* dialog = new SignInDialog(m_people, m_session->id(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto who = dialog->chosen())
            m_session->signIn(*who);
    });
    dialog->open();
}

SignInDialog* MainWindow::signInDialog() const
{
    return findChild<SignInDialog*>(QString(), Qt::FindDirectChildrenOnly);
}

void MainWindow::showSignedIn()
{
    if (!m_session->signedIn()) {
        m_signedIn->setText(tr("Not signed in"));
        return;
    }
    m_signedIn->setText(tr("Signed in: %1, %2").arg(m_session->displayText(), stateText(*m_session->role())));
}

void MainWindow::onWorkspaceFailed(const QString& path, const QString& message)
{
    m_workspaceLabel->setText(tr("Could not open %1").arg(QDir::toNativeSeparators(path)));
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Workspace"),
                                tr("Could not open the workspace %1.").arg(QDir::toNativeSeparators(path)),
                                QMessageBox::Ok, this);
    box->setInformativeText(message);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT workspaceFailedToOpen(message);
}

void MainWindow::onIntentProcessed(const api::IntentResult& result)
{
    ++m_processed;
    m_pipelineLabel->setText(tr("Pipeline: %1 processed, last %2 %3")
                                 .arg(m_processed)
                                 .arg(QString::fromStdString(result.intent), stateText(result.state)));
    m_pipelineLabel->setToolTip(QString::fromStdString(result.reason));
}

void MainWindow::onIntegrityChecked(bool intact, const QString& problem)
{
    m_integrityProgress->hide();
    m_banner->setVisible(!intact);
    m_unlockAction->setEnabled(intact);
    if (!intact)
        m_banner->setText(tr("Read-only: this workspace's audit log does not verify, so nothing will be written to it "
                             "(no verdict, no settlement, no checkpoint). First problem: %1")
                              .arg(problem));
    m_approvalsView->setReadOnly(intact ? QString() : problem);
    Q_EMIT integrityShown(intact);
}

void MainWindow::onStatusChanged(const api::EngineStatus& status)
{
    switch (status.state) {
    case api::EngineState::Ready:
        m_engineLabel->setText(tr("Engine: ready"));
        m_engineLabel->setToolTip({});
        break;
    case api::EngineState::Degraded:
        m_engineLabel->setText(tr("Engine: degraded"));
        m_engineLabel->setToolTip(QString::fromStdString(status.detail));
        break;
    case api::EngineState::ReadOnly:
        m_engineLabel->setText(tr("Engine: read-only"));
        m_engineLabel->setToolTip(QString::fromStdString(status.detail));
        break;
    case api::EngineState::Closed:
        m_engineLabel->setText(tr("Engine: closed"));
        break;
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_policyView->maybeClose()) {
        event->ignore();
        return;
    }
    const Settings settings;
    settings.windowGeometry.set(saveGeometry());
    settings.windowState.set(saveState());
    settings.currentView.set(currentView());
    QMainWindow::closeEvent(event);
}

} // namespace cs::ui
