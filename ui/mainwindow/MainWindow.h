// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Snapshots.h"

#include <memory>

#include <QMainWindow>

#include <optional>

class QAction;
class QLabel;
class QProgressBar;
class QListWidget;
class QMenu;
class QPushButton;
class QStackedWidget;

namespace cs::api {
class EngineFactory;
}

namespace cs::ui {

class AgentsView;
class WorldView;
class AuditView;
class ReputationView;
class PolicyView;
class ApprovalsView;
class EngineClient;
class Session;
class SignInDialog;

/**
 * The console's main window: navigation between the views, the workspace menu, and a status
 * bar with the open workspace, who is signed in and the engine's state. All engine work goes
 * through EngineClient. Opening a workspace signs in whoever signed in to it last (if they still
 * may), else asks who you are (SignInDialog; with one person to choose from, that person).
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum View { ApprovalsViewIndex, PolicyViewIndex, ReputationViewIndex, AuditViewIndex, AgentsViewIndex, WorldViewIndex, ViewCount };

    explicit MainWindow(std::shared_ptr<api::EngineFactory> factory, QWidget* parent = nullptr);
    ~MainWindow() override;

    void openWorkspace(const QString& path);
    void createWorkspace(const QString& path, bool demo, const QString& enginePassphrase = {},
                         const QString& riskManager = {}, const QString& riskManagerName = {},
                         const QString& riskManagerPassphrase = {});
    void showView(View view);
    View currentView() const;

    AgentsView* agentsView() const { return m_agentsView; }
    WorldView* worldView() const { return m_worldView; }
    AuditView* auditView() const { return m_auditView; }
    ReputationView* reputationView() const { return m_reputationView; }
    PolicyView* policyView() const { return m_policyView; }
    ApprovalsView* approvalsView() const { return m_approvalsView; }
    EngineClient* engineClient() const { return m_client; }
    Session* session() const { return m_session; }
    //! Who to sign in as when a workspace opens (`countersign --as ID`), if they may.
    void setSignInAs(const QString& id) { m_signInAs = id; }
    //! Asks who is signing in (File > Sign In); the dialog stays open until answered.
    void askToSignIn();
    SignInDialog* signInDialog() const;
    //! The red read-only banner (hidden while the workspace is writable).
    QLabel* banner() const { return m_banner; }

Q_SIGNALS:
    //! A workspace finished opening and its views show it.
    void workspaceShown(const QString& path);
    //! Opening or creating failed; the message is also shown to the user.
    void workspaceFailedToOpen(const QString& message);
    //! The check before the first write finished; the banner and the actions show its outcome.
    void integrityShown(bool intact);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void createNavigation();
    void rebuildRecentMenu();
    void chooseAndOpen();
    void chooseAndCreate(bool demo);
    void showAbout();
    void unlockEngineKey();
    void onWorkspaceOpened(const QString& path, const api::WorkspaceSummary& summary);
    void onWorkspaceFailed(const QString& path, const QString& message);
    void onStatusChanged(const api::EngineStatus& status);
    void onIntentProcessed(const api::IntentResult& result);
    void onIntegrityChecked(bool intact, const QString& problem);
    void showSignedIn();

    EngineClient* m_client;
    Session* m_session;
    QListWidget* m_navigation;
    QStackedWidget* m_stack;
    AgentsView* m_agentsView;
    WorldView* m_worldView;
    AuditView* m_auditView;
    ReputationView* m_reputationView;
    PolicyView* m_policyView;
    ApprovalsView* m_approvalsView;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_workspaceLabel;
    QLabel* m_engineLabel;
    QLabel* m_pipelineLabel;
    QLabel* m_banner;                 //!< red, above the views, while the workspace is read-only
    QProgressBar* m_integrityProgress; //!< the check before the first write, in the status bar
    QAction* m_unlockAction = nullptr;
    QAction* m_signInAction = nullptr;
    QPushButton* m_signedIn; //!< in the status bar: who signs; a click asks again
    std::vector<api::PrincipalView> m_people; //!< the open workspace's, as last loaded
    QString m_signInAs;
    int m_processed = 0; //!< intents the live feed has run in this window
};

} // namespace cs::ui
