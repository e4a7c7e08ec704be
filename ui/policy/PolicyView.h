// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Reports.h"
#include "core/api/Snapshots.h"

#include <QJsonObject>
#include <QWidget>

class QAction;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;
class QUndoStack;

namespace cs::ui {

class EngineClient;
class PolicyDocument;
class PolicyForm;
class PolicyListsModel;
class PolicyRulesModel;
class Session;
class WhatIfPanel;

/**
 * The policy editor, for risk managers: the draft's rules as an ordered table with the selected
 * one below it field by field, named lists and approver groups, globals, each cap's use now for
 * every agent, the what-if of the draft over the whole history, and the changes from the active
 * version with the engine's check, and the shadow version running now with every live decision it
 * would have made otherwise. Every edit is undoable (Ctrl+Z / Ctrl+Shift+Z); the engine
 * checks the draft as it changes and it is kept in the workspace (signed by nobody) until it is
 * published — signed by the risk manager signed in, off the GUI thread — or discarded.
 */
class PolicyView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyView)

public:
    enum Tab { RulesTab, ListsTab, GlobalsTab, CapsTab, WhatIfTab, ChangesTab, ShadowTab };

    PolicyView(EngineClient& client, const Session& session, QWidget* parent = nullptr);
    ~PolicyView() override;

    //! A workspace was opened: its active policy and draft are loaded off the GUI thread.
    void showWorkspace(const api::WorkspaceSummary& summary);
    //! Another version was published (here or elsewhere): the active one is loaded again.
    void reloadActive();
    //! Spends moved: each cap's use is loaded again.
    void reloadCaps();
    //! The log grew: the shadow's differences are loaded again while a shadow runs (or its tab is open).
    void reloadShadow();
    //! The draft differs from the active version.
    bool isModified() const;
    /**
     * Before the workspace closes: with changes, asks whether to keep the draft (it stays in the
     * workspace for next time), discard it, or stay. False: stay.
     */
    bool maybeClose();

    PolicyDocument& document() const { return *m_document; }
    QUndoStack& undoStack() const { return *m_stack; }
    PolicyRulesModel* rulesModel() const { return m_rulesModel; }
    PolicyListsModel* listsModel() const { return m_listsModel; }
    QTableView* rulesTable() const { return m_rulesTable; }
    PolicyForm* ruleForm() const { return m_ruleForm; }
    WhatIfPanel* whatIf() const { return m_whatIf; }
    QTabWidget* tabs() const { return m_tabs; }
    const api::PolicyCheck& check() const { return m_check; }
    QAction* publishAction() const { return m_publish; }
    QAction* whatIfAction() const { return m_runWhatIf; }

Q_SIGNALS:
    void modifiedChanged(bool modified);
    //! A version was published from here; `what` says so in the user's language.
    void published(const QString& what);

protected:
    //! Ctrl+Z and Ctrl+Shift+Z in the editor's text fields undo the draft, not the field alone.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void loaded(const api::PolicyVersion& active, const QByteArray& draft, bool hasDraft);
    void documentChanged();
    void checked(const QByteArray& document, const api::PolicyCheck& check);
    void showCaps(const std::vector<api::CapUse>& uses);
    void showShadow(const api::ShadowReport& report);
    //! A version was published from here: active (the draft becomes it) or a shadow (the draft stays).
    void wasPublished(const api::PolicyVersion& version);
    //! A changed proposal of the what-if, in the approval detail (a dialog of its own).
    void showDetail(const api::QueueItem& item);
    void selectRule(const QString& id);
    void updateActions();
    void addRule();
    void removeRule();
    void moveRule(int delta);
    void addList();
    void removeList();
    void importFile();
    void exportFile();
    void publish();
    void discardDraft();
    QWidget* makeListsTab();

    EngineClient& m_client;
    const Session& m_session;
    PolicyDocument* m_document;
    QUndoStack* m_stack;
    PolicyRulesModel* m_rulesModel;
    PolicyListsModel* m_listsModel;
    QLabel* m_state;       //!< which version the draft is of, and what the check says
    QLabel* m_who;         //!< who may publish here
    QTabWidget* m_tabs;
    QTableView* m_rulesTable;
    PolicyForm* m_ruleForm;
    QTableView* m_listsTable;
    QLineEdit* m_members;  //!< the selected list's members
    QWidget* m_groups;     //!< one line per approver group
    QGridLayout* m_groupsGrid;
    QWidget* m_caps;
    QGridLayout* m_capsGrid;
    WhatIfPanel* m_whatIf;
    QPlainTextEdit* m_changes;
    QPlainTextEdit* m_shadow; //!< the shadow running now and where it differed, live
    QAction* m_undo;
    QAction* m_redo;
    QAction* m_addRule;
    QAction* m_removeRule;
    QAction* m_up;
    QAction* m_down;
    QAction* m_import;
    QAction* m_export;
    QAction* m_discard;
    QAction* m_runWhatIf;
    QAction* m_publish;
    QTimer* m_checkTimer;  //!< the engine checks the draft once typing pauses
    QTimer* m_saveTimer;   //!< and it is kept in the workspace
    QJsonObject m_active;  //!< the active version's document
    QString m_activeVersion;
    api::PolicyCheck m_check;
    bool m_loaded = false;
    bool m_demo = false;
    bool m_wasModified = false;
    bool m_shadowRuns = false;
    QString m_openingDetail; //!< the proposal asked for, until its detail arrives
};

} // namespace cs::ui
