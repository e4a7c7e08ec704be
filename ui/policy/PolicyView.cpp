// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/policy/PolicyView.h"

#include "ui/approvals/ApprovalDetail.h"
#include "ui/approvals/ApprovalQueueModel.h"
#include "ui/bridge/EngineClient.h"
#include "ui/common/CapBar.h"
#include "ui/common/MoneyFormat.h"
#include "ui/common/StateText.h"
#include "ui/common/Secrets.h"
#include "ui/common/Session.h"
#include "ui/common/ViewHeading.h"
#include "ui/policy/PolicyDocument.h"
#include "ui/policy/PolicyForm.h"
#include "ui/policy/PolicyModels.h"
#include "ui/policy/WhatIfPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace cs::ui {

namespace {

constexpr qint64 kMaxPolicyFile = 4 << 20; // the engine's own bound on a policy

QJsonArray membersOf(const QString& text)
{
    QJsonArray members;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts)) {
        if (const QString member = part.trimmed(); !member.isEmpty())
            members.append(member);
    }
    return members;
}

QString joined(const QJsonValue& array)
{
    QStringList items;
    for (const QJsonValue& item : array.toArray())
        items << item.toString();
    return items.join(QStringLiteral(", "));
}

} // namespace

PolicyView::PolicyView(EngineClient& client, const Session& session, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_session(session)
    , m_document(new PolicyDocument(this))
    , m_stack(new QUndoStack(this))
    , m_rulesModel(new PolicyRulesModel(*m_document, this))
    , m_listsModel(new PolicyListsModel(*m_document, this))
    , m_state(new QLabel(this))
    , m_who(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_rulesTable(new QTableView(this))
    , m_ruleForm(makeRuleForm(*m_document, *m_stack, this))
    , m_listsTable(new QTableView(this))
    , m_members(new QLineEdit(this))
    , m_groups(new QWidget(this))
    , m_groupsGrid(new QGridLayout(m_groups))
    , m_caps(new QWidget(this))
    , m_capsGrid(new QGridLayout(m_caps))
    , m_whatIf(new WhatIfPanel(client, this))
    , m_changes(new QPlainTextEdit(this))
    , m_shadow(new QPlainTextEdit(this))
    , m_undo(new QAction(tr("Undo"), this))
    , m_redo(new QAction(tr("Redo"), this))
    , m_addRule(new QAction(tr("Add rule…"), this))
    , m_removeRule(new QAction(tr("Remove rule"), this))
    , m_up(new QAction(tr("Move up"), this))
    , m_down(new QAction(tr("Move down"), this))
    , m_import(new QAction(tr("Import…"), this))
    , m_export(new QAction(tr("Export…"), this))
    , m_discard(new QAction(tr("Discard draft…"), this))
    , m_runWhatIf(new QAction(tr("What if…"), this))
    , m_publish(new QAction(tr("Publish…"), this))
    , m_checkTimer(new QTimer(this))
    , m_saveTimer(new QTimer(this))
{
    m_state->setWordWrap(true);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setObjectName(QStringLiteral("policyState"));
    m_who->setWordWrap(true);
    m_rulesTable->setModel(m_rulesModel);
    m_rulesTable->setObjectName(QStringLiteral("policyRules"));
    m_rulesTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rulesTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rulesTable->verticalHeader()->hide();
    m_rulesTable->horizontalHeader()->setStretchLastSection(true);
    m_rulesTable->setWordWrap(false);
    m_changes->setReadOnly(true);
    m_changes->setObjectName(QStringLiteral("policyChanges"));
    m_shadow->setReadOnly(true);
    m_shadow->setObjectName(QStringLiteral("policyShadow"));

    auto* rulesTab = new QSplitter(Qt::Vertical, this);
    rulesTab->addWidget(m_rulesTable);
    rulesTab->addWidget(m_ruleForm);
    rulesTab->setStretchFactor(0, 3);
    rulesTab->setStretchFactor(1, 2);
    auto* capsArea = new QScrollArea(this);
    capsArea->setWidgetResizable(true);
    capsArea->setWidget(m_caps);
    m_tabs->addTab(rulesTab, tr("Rules"));
    m_tabs->addTab(makeListsTab(), tr("Lists and groups"));
    m_tabs->addTab(makeGlobalsForm(*m_document, *m_stack, this), tr("Globals"));
    m_tabs->addTab(capsArea, tr("Cap usage"));
    m_tabs->addTab(m_whatIf, tr("What-if"));
    m_tabs->addTab(m_changes, tr("Changes and checks"));
    m_tabs->addTab(m_shadow, tr("Shadow"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == ShadowTab)
            m_client.loadShadow();
    });
    connect(&m_client, &EngineClient::shadowLoaded, this, &PolicyView::showShadow);

    // A tool bar: what does not fit at a narrow width goes into its extension menu.
    auto* buttons = new QToolBar(this);
    buttons->setToolButtonStyle(Qt::ToolButtonTextOnly);
    buttons->addActions({m_undo, m_redo});
    buttons->addSeparator();
    buttons->addActions({m_runWhatIf, m_publish});
    buttons->addSeparator();
    buttons->addActions({m_addRule, m_removeRule, m_up, m_down});
    buttons->addSeparator();
    buttons->addActions({m_import, m_export, m_discard});
    auto* column = new QVBoxLayout(this);
    column->addWidget(makeViewHeading(tr("Policy"), this));
    column->addWidget(m_state);
    column->addWidget(m_who);
    column->addWidget(buttons);
    column->addWidget(m_tabs, 1);

    // Undo and redo reach the stack wherever the focus is in the editor, a text field too.
    m_undo->setShortcut(QKeySequence::Undo);
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)))
        redoKeys << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    m_redo->setShortcuts(redoKeys);
    for (QAction* action : {m_undo, m_redo}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    m_publish->setObjectName(QStringLiteral("policyPublish"));
    m_runWhatIf->setObjectName(QStringLiteral("policyWhatIf"));
    connect(m_undo, &QAction::triggered, m_stack, &QUndoStack::undo);
    connect(m_redo, &QAction::triggered, m_stack, &QUndoStack::redo);
    connect(m_stack, &QUndoStack::indexChanged, this, &PolicyView::updateActions);
    connect(m_addRule, &QAction::triggered, this, &PolicyView::addRule);
    connect(m_removeRule, &QAction::triggered, this, &PolicyView::removeRule);
    connect(m_up, &QAction::triggered, this, [this] { moveRule(-1); });
    connect(m_down, &QAction::triggered, this, [this] { moveRule(+1); });
    connect(m_import, &QAction::triggered, this, &PolicyView::importFile);
    connect(m_export, &QAction::triggered, this, &PolicyView::exportFile);
    connect(m_discard, &QAction::triggered, this, &PolicyView::discardDraft);
    connect(m_publish, &QAction::triggered, this, &PolicyView::publish);
    const auto runWhatIf = [this] {
        m_tabs->setCurrentWidget(m_whatIf);
        m_whatIf->run(m_document->bytes());
    };
    connect(m_runWhatIf, &QAction::triggered, this, runWhatIf);
    connect(m_whatIf, &WhatIfPanel::runRequested, this, runWhatIf);
    connect(m_whatIf, &WhatIfPanel::finished, this, &PolicyView::updateActions);
    connect(m_whatIf, &WhatIfPanel::proposalOpened, this, [this](const QString& intent) {
        m_openingDetail = intent;
        m_client.loadProposalDetail(intent);
    });
    connect(&m_client, &EngineClient::proposalDetailLoaded, this, &PolicyView::showDetail);

    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(250);
    connect(m_checkTimer, &QTimer::timeout, this, [this] { m_client.checkPolicy(m_document->bytes()); });
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(500);
    connect(m_saveTimer, &QTimer::timeout, this,
            [this] { m_client.savePolicyDraft(isModified() ? m_document->bytes() : QByteArray()); });

    connect(m_document, &PolicyDocument::changed, this, &PolicyView::documentChanged);
    connect(m_document, &PolicyDocument::rulesReset, this, [this] {
        // Columns as wide as what they hold, within reason; the rest is in the tooltip.
        m_rulesTable->resizeColumnsToContents();
        for (int c = 0; c < PolicyRulesModel::ColumnCount; ++c)
            m_rulesTable->setColumnWidth(c, std::min(m_rulesTable->columnWidth(c), 260));
        selectRule(m_ruleForm->rule());
    });
    connect(m_rulesTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { m_ruleForm->showRule(m_document->ruleId(current.row())); updateActions(); });
    connect(&m_client, &EngineClient::policyLoaded, this, &PolicyView::loaded);
    connect(&m_client, &EngineClient::policyChecked, this, &PolicyView::checked);
    connect(&m_client, &EngineClient::capUsageLoaded, this, &PolicyView::showCaps);
    connect(&m_client, &EngineClient::policyPublished, this, &PolicyView::wasPublished);
    connect(&m_client, &EngineClient::policyFailed, this,
            [this](const QString& message) { m_state->setText(tr("Not published: %1").arg(message)); });
    connect(&m_session, &Session::changed, this, &PolicyView::updateActions);
    for (QLineEdit* edit : findChildren<QLineEdit*>())
        edit->installEventFilter(this);
    updateActions();
}

void PolicyView::wasPublished(const api::PolicyVersion& version)
{
    if (version.shadow) {
        // The active version still decides: the draft stays as it is, and the shadow's tab follows it.
        m_state->setText(tr("Published “%1” (version %2…) as a shadow, signed by %3 — entry %4. It decides nothing; "
                            "the Shadow tab shows where it would decide otherwise.")
                             .arg(QString::fromStdString(version.name), QString::fromStdString(version.version.substr(0, 12)),
                                  QString::fromStdString(version.signer))
                             .arg(version.entrySeq));
        m_tabs->setCurrentWidget(m_shadow);
        m_client.loadShadow();
        return;
    }
    const QString what = tr("Published “%1” (version %2…), signed by %3 — entry %4 of the audit log. It decides from now on.")
                             .arg(QString::fromStdString(version.name), QString::fromStdString(version.version.substr(0, 12)),
                                  QString::fromStdString(version.signer))
                             .arg(version.entrySeq);
    m_active = QJsonDocument::fromJson(QByteArray::fromStdString(version.document)).object();
    m_activeVersion = QString::fromStdString(version.version);
    m_document->setValue({}, m_active);
    m_stack->clear();
    m_client.savePolicyDraft({});
    m_saveTimer->stop();
    m_state->setText(what);
    Q_EMIT published(what);
}

bool PolicyView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)
            || key->keyCombination() == QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z))
            return true; // not the field's own: the editor's shortcut takes it
    }
    return QWidget::eventFilter(watched, event);
}

PolicyView::~PolicyView()
{
    // The undo stack, a child, clears itself when it is destroyed and says so: not to a view
    // that is half gone.
    m_stack->disconnect(this);
}

QWidget* PolicyView::makeListsTab()
{
    auto* tab = new QWidget(this);
    m_listsTable->setModel(m_listsModel);
    m_listsTable->setObjectName(QStringLiteral("policyLists"));
    m_listsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listsTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listsTable->verticalHeader()->hide();
    m_listsTable->horizontalHeader()->setStretchLastSection(true);
    m_members->setObjectName(QStringLiteral("listMembers"));
    m_members->setPlaceholderText(tr("members, separated by commas"));
    auto* addList = new QPushButton(tr("Add list…"), tab);
    auto* removeList = new QPushButton(tr("Remove list"), tab);
    const auto listName = [this] {
        const QModelIndex current = m_listsTable->currentIndex();
        return current.isValid() ? m_listsModel->index(current.row(), PolicyListsModel::Name).data().toString() : QString();
    };
    connect(m_listsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, listName] { m_members->setText(joined(m_document->value({QStringLiteral("lists"), listName(), {QStringLiteral("members")}}))); });
    connect(m_members, &QLineEdit::textEdited, this, [this, listName](const QString& text) {
        if (const QString name = listName(); !name.isEmpty())
            m_stack->push(new SetPolicyValue(*m_document, {QStringLiteral("lists"), name, {QStringLiteral("members")}}, membersOf(text),
                                             tr("members of %1").arg(name), true));
    });
    connect(addList, &QPushButton::clicked, this, &PolicyView::addList);
    connect(removeList, &QPushButton::clicked, this, &PolicyView::removeList);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(new QLabel(tr("Members:"), tab));
    listButtons->addWidget(m_members, 1);
    listButtons->addWidget(addList);
    listButtons->addWidget(removeList);
    auto* column = new QVBoxLayout(tab);
    column->addWidget(m_listsTable, 1);
    column->addLayout(listButtons);
    column->addWidget(new QLabel(tr("Approver groups (members, separated by commas):"), tab));
    column->addWidget(m_groups);
    // The groups' lines follow the document; a line already saying the same is left alone.
    connect(m_document, &PolicyDocument::changed, m_groups, [this](const PolicyLocation& where) {
        if (!where.section.isEmpty() && where.section != QLatin1String("groups"))
            return;
        const QStringList names = m_document->groupNames();
        if (m_groupsGrid->rowCount() != names.size() + 1 || m_groupsGrid->count() != 2 * names.size()) {
            while (QLayoutItem* item = m_groupsGrid->takeAt(0)) {
                delete item->widget();
                delete item;
            }
            for (qsizetype i = 0; i < names.size(); ++i) {
                auto* line = new QLineEdit(m_groups);
                line->setObjectName(QStringLiteral("group:") + names[i]);
                line->installEventFilter(this);
                connect(line, &QLineEdit::textEdited, this, [this, name = names[i]](const QString& text) {
                    m_stack->push(new SetPolicyValue(*m_document, {QStringLiteral("groups"), name, {}}, membersOf(text),
                                                     tr("members of group %1").arg(name), true));
                });
                m_groupsGrid->addWidget(new QLabel(names[i], m_groups), static_cast<int>(i), 0);
                m_groupsGrid->addWidget(line, static_cast<int>(i), 1);
            }
        }
        for (qsizetype i = 0; i < names.size(); ++i) {
            auto* line = qobject_cast<QLineEdit*>(m_groupsGrid->itemAtPosition(static_cast<int>(i), 1)->widget());
            const QJsonValue members = m_document->value({QStringLiteral("groups"), names[i], {}});
            if (line != nullptr && membersOf(line->text()) != members.toArray())
                line->setText(joined(members));
        }
    });
    return tab;
}

void PolicyView::showWorkspace(const api::WorkspaceSummary& summary)
{
    m_demo = summary.demo;
    m_loaded = false;
    m_client.loadPolicy();
    m_client.loadCapUsage();
    m_client.loadShadow();
}

void PolicyView::reloadActive()
{
    m_client.loadPolicy();
    m_client.loadCapUsage();
    m_client.loadShadow();
}

void PolicyView::reloadCaps()
{
    m_client.loadCapUsage();
    reloadShadow(); // decisions landed: the shadow may have differed
}

void PolicyView::reloadShadow()
{
    if (m_shadowRuns || m_tabs->currentIndex() == ShadowTab)
        m_client.loadShadow();
}

void PolicyView::showShadow(const api::ShadowReport& report)
{
    m_shadowRuns = !report.shadowVersion.empty();
    if (!m_shadowRuns) {
        m_shadow->setPlainText(tr("No shadow version runs. Publish a draft as a shadow to see, live, where it would decide "
                                  "otherwise than the active version — without enforcing anything."));
        return;
    }
    const QString currency = QString::fromStdString(report.currency);
    QStringList lines;
    lines << tr("Shadow “%1” (version %2…), published by %3 at %4, beside the active version %5….")
                 .arg(QString::fromStdString(report.shadowName), QString::fromStdString(report.shadowVersion.substr(0, 12)),
                      QString::fromStdString(report.shadowSigner), QString::fromStdString(report.shadowSince),
                      QString::fromStdString(report.activeVersion.substr(0, 12)));
    lines << tr("%n live decision(s) it would have made otherwise, worth %1 %2:", nullptr, static_cast<int>(report.differences.size()))
                 .arg(formatAmount(QString::fromStdString(report.value)), currency);
    for (const api::BacktestTransition& kind : report.transitions)
        lines << QStringLiteral("  %1 → %2: %3, %4 %5")
                     .arg(stateText(kind.from), stateText(kind.to))
                     .arg(kind.count)
                     .arg(formatAmount(QString::fromStdString(kind.value)), currency);
    for (const api::BacktestChange& change : report.differences)
        lines << QStringLiteral("  %1  %2  %3  %4 → %5  %6 %7")
                     .arg(QString::fromStdString(change.at), QString::fromStdString(change.intent), QString::fromStdString(change.agent),
                          stateText(change.before), stateText(change.after), formatAmount(QString::fromStdString(change.amount)),
                          QString::fromStdString(change.asset));
    m_shadow->setPlainText(lines.join(u'\n'));
}

bool PolicyView::isModified() const
{
    return m_loaded && m_document->json() != m_active;
}

void PolicyView::loaded(const api::PolicyVersion& active, const QByteArray& draft, bool hasDraft)
{
    const bool keepEditing = m_loaded && isModified(); // someone published meanwhile: the draft stays
    m_active = QJsonDocument::fromJson(QByteArray::fromStdString(active.document)).object();
    m_activeVersion = QString::fromStdString(active.version);
    QString note;
    if (!keepEditing) {
        QJsonParseError error{};
        const QJsonDocument kept = hasDraft ? QJsonDocument::fromJson(draft, &error) : QJsonDocument();
        const bool useDraft = hasDraft && error.error == QJsonParseError::NoError && kept.isObject();
        if (hasDraft && !useDraft)
            note = tr("The draft kept in the workspace does not read (%1); the active version is shown.").arg(error.errorString());
        m_loaded = true;
        m_document->setValue({}, useDraft ? kept.object() : m_active);
        m_stack->clear();
        if (useDraft)
            note = tr("The draft kept in this workspace is open again; nobody has signed it.");
    }
    if (!note.isEmpty())
        m_state->setText(note);
    documentChanged();
}

void PolicyView::documentChanged()
{
    if (!m_loaded)
        return;
    m_checkTimer->start();
    m_saveTimer->start();
    if (const bool modified = isModified(); modified != m_wasModified) {
        m_wasModified = modified;
        Q_EMIT modifiedChanged(modified);
    }
    updateActions();
}

void PolicyView::checked(const QByteArray& document, const api::PolicyCheck& check)
{
    if (document != m_document->bytes())
        return; // the draft changed since: its own check follows
    m_check = check;
    m_rulesModel->setCheck(check);
    const QString rule = m_ruleForm->rule();
    m_ruleForm->showFindings(m_rulesModel->findingsOf(rule), m_rulesModel->severityOf(rule));
    int errors = 0;
    int warnings = 0;
    for (const api::PolicyFinding& finding : check.findings)
        (finding.error ? errors : warnings) += 1;
    const QString of = m_activeVersion.isEmpty() ? tr("No policy is published yet: everything is denied.")
                                                 : tr("The active version is %1….").arg(m_activeVersion.left(12));
    QString state;
    if (!check.problem.empty())
        state = tr("The draft does not read: %1").arg(QString::fromStdString(check.problem));
    else if (!isModified())
        state = tr("%1 The draft is the active version.").arg(of);
    else
        state = tr("%1 The draft differs from it in %n place(s): ", nullptr, static_cast<int>(check.diff.size())).arg(of)
                + tr("%n error(s), ", nullptr, errors) + tr("%n warning(s).", nullptr, warnings);
    m_state->setText(state);
    QStringList lines;
    if (!check.problem.empty())
        lines << tr("Does not read:") << QStringLiteral("  ") + QString::fromStdString(check.problem);
    if (!check.diff.empty())
        lines << tr("Changes from the active version:");
    for (const std::string& line : check.diff)
        lines << QStringLiteral("  ") + QString::fromStdString(line);
    if (!check.findings.empty())
        lines << tr("Static checks:");
    for (const api::PolicyFinding& finding : check.findings)
        lines << QStringLiteral("  %1 [%2] %3").arg(finding.error ? tr("error") : tr("warning"),
                                                    QString::fromStdString(finding.rule), QString::fromStdString(finding.message));
    m_changes->setPlainText(lines.join(u'\n'));
    updateActions();
}

void PolicyView::showDetail(const api::QueueItem& item)
{
    if (QString::fromStdString(item.intent) != m_openingDetail)
        return; // asked for by someone else
    m_openingDetail.clear();
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("proposalDetailDialog"));
    dialog->setWindowTitle(tr("Proposal %1").arg(QString::fromStdString(item.intent)));
    auto* detail = new ApprovalDetail(dialog);
    detail->showRow(ApprovalRow::from(item), QDateTime::currentDateTimeUtc());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(detail, 1);
    layout->addWidget(buttons);
    dialog->resize(760, 640);
    dialog->show();
}

void PolicyView::showCaps(const std::vector<api::CapUse>& uses)
{
    while (QLayoutItem* item = m_capsGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int row = 0;
    std::string rule;
    for (const api::CapUse& use : uses) {
        if (use.rule != rule) {
            rule = use.rule;
            auto* title = new QLabel(tr("%1 — %2").arg(QString::fromStdString(use.rule), QString::fromStdString(use.window)), m_caps);
            title->setStyleSheet(QStringLiteral("font-weight: bold;"));
            m_capsGrid->addWidget(title, row++, 0, 1, 2);
        }
        m_capsGrid->addWidget(new QLabel(QString::fromStdString(use.agent), m_caps), row, 0);
        m_capsGrid->addWidget(makeCapBar(use, m_caps), row++, 1);
    }
    if (uses.empty())
        m_capsGrid->addWidget(new QLabel(tr("The active policy has no cap over a window."), m_caps), row++, 0, 1, 2);
    m_capsGrid->setColumnStretch(1, 1);
    m_capsGrid->setRowStretch(row, 1);
}

void PolicyView::selectRule(const QString& id)
{
    const int row = m_document->ruleRow(id);
    if (row >= 0)
        m_rulesTable->setCurrentIndex(m_rulesModel->index(row, 0));
    m_ruleForm->showRule(id);
    updateActions();
}

void PolicyView::updateActions()
{
    const bool may = m_session.mayManage();
    // What undo and redo would do is in their tooltips; the buttons keep one short name.
    m_undo->setEnabled(m_stack->canUndo());
    m_undo->setToolTip(m_stack->canUndo() ? tr("Undo: %1").arg(m_stack->undoText()) : QString());
    m_redo->setEnabled(m_stack->canRedo());
    m_redo->setToolTip(m_stack->canRedo() ? tr("Redo: %1").arg(m_stack->redoText()) : QString());
    const int row = m_document->ruleRow(m_ruleForm->rule());
    m_addRule->setEnabled(m_loaded);
    m_removeRule->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_document->ruleCount());
    m_discard->setEnabled(isModified());
    m_runWhatIf->setEnabled(m_loaded);
    const bool current = m_check.valid() && m_check.version.size() == 64;
    m_publish->setEnabled(may && isModified() && current);
    m_who->setText(signedInText(m_session, may, tr("Anyone may draft and try a policy here; only a risk manager publishes it.")));
}

void PolicyView::addRule()
{
    bool ok = false;
    const QString id = QInputDialog::getText(this, tr("Add a rule"), tr("The new rule's id (letters, digits, . - _):"),
                                             QLineEdit::Normal, QString(), &ok)
                           .trimmed();
    if (!ok || id.isEmpty())
        return;
    if (m_document->ruleRow(id) >= 0) {
        m_state->setText(tr("There is a rule %1 already.").arg(id));
        return;
    }
    const int row = std::max(0, m_document->ruleRow(m_ruleForm->rule()) + 1);
    // A new rule denies until it is told otherwise: nothing is allowed by accident.
    m_stack->push(new InsertPolicyRule(*m_document, row, {{QStringLiteral("id"), id}, {QStringLiteral("effect"), QStringLiteral("deny")}},
                                       tr("add rule %1").arg(id)));
    selectRule(id);
}

void PolicyView::removeRule()
{
    const QString id = m_ruleForm->rule();
    if (m_document->ruleRow(id) >= 0)
        m_stack->push(new RemovePolicyRule(*m_document, id, tr("remove rule %1").arg(id)));
}

void PolicyView::moveRule(int delta)
{
    const QString id = m_ruleForm->rule();
    const int row = m_document->ruleRow(id);
    if (row < 0 || row + delta < 0 || row + delta >= m_document->ruleCount())
        return;
    m_stack->push(new MovePolicyRule(*m_document, id, row + delta, tr("move rule %1").arg(id)));
    selectRule(id);
}

void PolicyView::addList()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add a list"), tr("The new list's name:"), QLineEdit::Normal, {}, &ok).trimmed();
    if (!ok || name.isEmpty())
        return;
    const QString kind = QInputDialog::getItem(this, tr("Add a list"), tr("What it lists:"),
                                               {QStringLiteral("agents"), QStringLiteral("assets"), QStringLiteral("venues"),
                                                QStringLiteral("counterparties")},
                                               0, false, &ok);
    if (!ok)
        return;
    m_stack->push(new SetPolicyValue(*m_document, {QStringLiteral("lists"), name, {}},
                                     QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("members"), QJsonArray()}},
                                     tr("add list %1").arg(name), false));
}

void PolicyView::removeList()
{
    const QModelIndex current = m_listsTable->currentIndex();
    if (!current.isValid())
        return;
    const QString name = m_listsModel->index(current.row(), PolicyListsModel::Name).data().toString();
    m_stack->push(new SetPolicyValue(*m_document, {QStringLiteral("lists"), name, {}}, QJsonValue(QJsonValue::Undefined),
                                     tr("remove list %1").arg(name), false));
}

void PolicyView::importFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a policy"), {}, tr("Policy files (*.json)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxPolicyFile) {
        m_state->setText(tr("%1 cannot be read, or is larger than 4 MiB; the draft is unchanged.").arg(path));
        return;
    }
    QJsonParseError error{};
    const QJsonDocument read = QJsonDocument::fromJson(file.read(kMaxPolicyFile), &error);
    if (error.error != QJsonParseError::NoError || !read.isObject()) {
        m_state->setText(error.error != QJsonParseError::NoError
                             ? tr("%1 is not JSON (at byte %2: %3); the draft is unchanged.").arg(path).arg(error.offset).arg(error.errorString())
                             : tr("%1 is not a policy document (a JSON object); the draft is unchanged.").arg(path));
        return;
    }
    // Undoable like any edit; what the engine finds wrong in it is shown at its rule.
    m_stack->push(new SetPolicyValue(*m_document, {}, read.object(), tr("import %1").arg(QFileInfo(path).fileName()), false));
}

void PolicyView::exportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the draft"), QStringLiteral("policy.json"), tr("Policy files (*.json)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(m_document->json()).toJson(QJsonDocument::Indented)) < 0
        || !file.commit()) {
        m_state->setText(tr("The draft could not be written to %1: %2").arg(path, file.errorString()));
        return;
    }
    m_state->setText(tr("The draft was written to %1 (signed by nobody).").arg(path));
}

void PolicyView::discardDraft()
{
    if (QMessageBox::question(this, tr("Discard the draft"), tr("Go back to the active version? (Undo brings the draft back.)"))
        != QMessageBox::Yes)
        return;
    m_stack->push(new SetPolicyValue(*m_document, {}, m_active, tr("discard the draft"), false));
}

bool PolicyView::maybeClose()
{
    if (!isModified())
        return true;
    QMessageBox box(QMessageBox::Question, tr("The policy draft is not published"),
                    tr("Keep the draft in this workspace for next time, or discard it?"), QMessageBox::NoButton, this);
    QPushButton* keep = box.addButton(tr("Keep the draft"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(tr("Discard it"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == keep) {
        m_saveTimer->stop();
        m_client.savePolicyDraft(m_document->bytes());
        return true;
    }
    if (box.clickedButton() == discard) {
        m_saveTimer->stop();
        m_client.savePolicyDraft({});
        return true;
    }
    return false;
}

void PolicyView::publish()
{
    const QByteArray document = m_document->bytes();
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("policyPublishDialog"));
    dialog.setWindowTitle(tr("Publish the policy as %1").arg(m_session.id()));
    auto* intro = new QLabel(tr("“%1” decides every proposal from the moment it is published. It is signed with your key and "
                                "recorded in the audit log.")
                                 .arg(m_document->value({QStringLiteral("name"), {}, {}}).toString()),
                             &dialog);
    intro->setWordWrap(true);
    QStringList lines;
    lines << tr("Changes from the active version:");
    for (const std::string& line : m_check.diff)
        lines << QStringLiteral("  ") + QString::fromStdString(line);
    lines << tr("Static checks: %n warning(s), no errors.", nullptr, static_cast<int>(m_check.findings.size()));
    for (const api::PolicyFinding& finding : m_check.findings)
        lines << QStringLiteral("  [%1] %2").arg(QString::fromStdString(finding.rule), QString::fromStdString(finding.message));
    lines << (m_whatIf->resultFor(document) != nullptr ? tr("What-if: %1").arg(m_whatIf->summaryText())
                                                       : tr("What-if: not run on this draft."));
    auto* summary = new QPlainTextEdit(lines.join(u'\n'), &dialog);
    summary->setReadOnly(true);
    summary->setObjectName(QStringLiteral("publishSummary"));
    auto* field = new QLineEdit(&dialog);
    field->setObjectName(QStringLiteral("signerPassphrase"));
    field->setEchoMode(QLineEdit::Password);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    QPushButton* sign = buttons->addButton(tr("&Sign and publish"), QDialogButtonBox::AcceptRole);
    sign->setEnabled(m_demo);
    sign->setDefault(true); // Enter in the passphrase signs
    connect(field, &QLineEdit::textChanged, sign, [sign, this](const QString& text) { sign->setEnabled(m_demo || !text.isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* shadow = new QCheckBox(tr("Publish as a &shadow: evaluated beside the active version on every live decision, "
                                    "never enforced; each decision it would make otherwise is recorded"),
                                 &dialog);
    shadow->setObjectName(QStringLiteral("publishShadow"));
    auto* form = new QFormLayout;
    form->addRow(shadow);
    form->addRow(tr("%1's passphrase:").arg(m_session.id()), field);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(intro);
    layout->addWidget(summary, 1);
    layout->addLayout(form);
    layout->addWidget(buttons);
    dialog.resize(720, 480);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_state->setText(tr("Publishing, signed by %1…").arg(m_session.id()));
    m_client.publishPolicy(document, m_session.id(), takePassphrase(*field),
                           shadow->isChecked() ? api::PolicyMode::Shadow : api::PolicyMode::Active);
}

} // namespace cs::ui
