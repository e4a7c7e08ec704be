// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/agents/AgentsView.h"

#include "ui/agents/AgentsModel.h"
#include "ui/agents/PeopleModel.h"
#include "ui/agents/PrincipalDialog.h"
#include "ui/bridge/EngineClient.h"
#include "ui/common/CapBar.h"
#include "ui/common/MoneyFormat.h"
#include "ui/common/Session.h"
#include "ui/common/Settings.h"
#include "ui/common/StateText.h"
#include "ui/common/ViewHeading.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace cs::ui {

namespace {

void setUpTable(QTableView& table)
{
    table.setSortingEnabled(true);
    table.setSelectionBehavior(QAbstractItemView::SelectRows);
    table.setSelectionMode(QAbstractItemView::SingleSelection);
    table.setEditTriggers(QAbstractItemView::NoEditTriggers);
    table.setAlternatingRowColors(true);
    table.verticalHeader()->hide();
    table.horizontalHeader()->setStretchLastSection(true);
    table.horizontalHeader()->setMinimumSectionSize(96);
    table.horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

} // namespace

AgentsView::AgentsView(EngineClient& client, const Session& session, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_session(session)
    , m_model(new AgentsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_people(new PeopleModel(this))
    , m_peopleProxy(new QSortFilterProxyModel(this))
    , m_peopleTable(new QTableView(this))
    , m_detail(new QLabel(this))
    , m_who(new QLabel(this))
    , m_caps(new QWidget(this))
    , m_capsGrid(new QGridLayout(m_caps))
    , m_add(new QPushButton(tr("&Add…"), this))
    , m_rotate(new QPushButton(tr("New &key…"), this))
    , m_suspend(new QPushButton(tr("&Suspend…"), this))
    , m_resume(new QPushButton(tr("Res&ume…"), this))
    , m_revoke(new QPushButton(tr("Re&voke…"), this))
    , m_freeze(new QPushButton(tr("&Freeze all agents…"), this))
    , m_state(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AgentsModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setObjectName(QStringLiteral("agentsTable"));
    setUpTable(*m_table);
    m_table->sortByColumn(AgentsModel::NameColumn, Qt::AscendingOrder);

    m_peopleProxy->setSourceModel(m_people);
    m_peopleProxy->setSortRole(PeopleModel::SortRole);
    m_peopleTable->setModel(m_peopleProxy);
    m_peopleTable->setObjectName(QStringLiteral("peopleTable"));
    setUpTable(*m_peopleTable);
    m_peopleTable->sortByColumn(PeopleModel::RoleColumn, Qt::AscendingOrder);
    connect(m_peopleTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AgentsView::showSelected);

    QLabel* heading = makeViewHeading(tr("People & agents"), this);
    auto* explanation = new QLabel(tr("Everyone in this workspace and what the agents hold. A risk manager adds people and "
                                      "agents, gives them new keys and suspends, resumes or revokes them; each change is "
                                      "signed and recorded in the audit log."),
                                   this);
    explanation->setWordWrap(true);
    m_detail->setObjectName(QStringLiteral("principalDetail"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setMinimumWidth(300);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    m_caps->setObjectName(QStringLiteral("capUse"));
    m_capsGrid->setContentsMargins(0, 8, 0, 0);
    m_capsGrid->setColumnStretch(1, 1);
    m_freeze->setToolTip(tr("Suspend every active agent at once: their intents are refused and their pending "
                            "approval requests end"));

    auto* refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("Reload people, agents and balances from the workspace (F5)"));
    connect(refresh, &QPushButton::clicked, this, &AgentsView::reload);
    connect(m_add, &QPushButton::clicked, this, [this] { act(Action::Add); });
    connect(m_rotate, &QPushButton::clicked, this, [this] { act(Action::RotateKey); });
    connect(m_suspend, &QPushButton::clicked, this, [this] { act(Action::Suspend); });
    connect(m_resume, &QPushButton::clicked, this, [this] { act(Action::Resume); });
    connect(m_revoke, &QPushButton::clicked, this, [this] { act(Action::Revoke); });
    connect(m_freeze, &QPushButton::clicked, this, [this] { act(Action::FreezeAll); });
    connect(&m_session, &Session::changed, this, &AgentsView::updateActions);

    auto* actions = new QHBoxLayout;
    m_who->setObjectName(QStringLiteral("peopleSignedIn"));
    m_who->setTextFormat(Qt::PlainText);
    actions->addWidget(m_who);
    for (QPushButton* button : {m_add, m_rotate, m_suspend, m_resume, m_revoke})
        actions->addWidget(button);
    actions->addStretch(1);
    actions->addWidget(m_freeze);

    // Everyone on top, the full width; below, the balances and the selected one in detail.
    auto* detailPane = new QWidget(this);
    auto* detailColumn = new QVBoxLayout(detailPane);
    detailColumn->addWidget(m_detail);
    detailColumn->addWidget(m_caps);
    detailColumn->addStretch(1);
    auto* detailScroll = new QScrollArea(this);
    detailScroll->setWidget(detailPane);
    detailScroll->setWidgetResizable(true);
    detailScroll->setFrameShape(QFrame::NoFrame);
    auto* below = new QTabWidget(this);
    below->setObjectName(QStringLiteral("peopleBelow"));
    below->addTab(m_table, tr("Balances"));
    below->addTab(detailScroll, tr("Selected"));
    // The balances at a glance; a click on someone shows them in detail.
    connect(m_peopleTable, &QTableView::clicked, below, [below, detailScroll] { below->setCurrentWidget(detailScroll); });
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_peopleTable);
    split->addWidget(below);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addWidget(heading);
    layout->addWidget(explanation);
    layout->addLayout(actions);
    layout->addWidget(split, 1);
    auto* footer = new QHBoxLayout;
    footer->addWidget(m_state, 1);
    footer->addWidget(refresh);
    layout->addLayout(footer);

    connect(&m_client, &EngineClient::agentsLoaded, this, &AgentsView::showAgents);
    connect(&m_client, &EngineClient::peopleLoaded, this, &AgentsView::showPeople);
    connect(&m_client, &EngineClient::grantsLoaded, this, &AgentsView::showGrants);
    connect(&m_client, &EngineClient::requestFailed, this, &AgentsView::showError);
    connect(&m_client, &EngineClient::principalChanged, this, [this](const QString&, const QString& what) {
        m_state->setText(what);
        reload();
    });
    connect(&m_client, &EngineClient::principalFailed, this, [this](const QString& principal, const QString& message) {
        m_state->setText(tr("Nothing was changed for %1: %2").arg(principal, message));
        QMessageBox::warning(this, tr("Not changed"), tr("Nothing was changed for %1:\n%2").arg(principal, message));
        reload();
    });
    updateActions();
}

AgentsView::~AgentsView()
{
    Settings().agentsHeader.set(m_table->horizontalHeader()->saveState());
}

void AgentsView::showWorkspace(const api::WorkspaceSummary& summary)
{
    m_demo = summary.demo;
    m_model->setAssets(summary.assets);
    m_table->horizontalHeader()->restoreState(Settings().agentsHeader.get());
    m_model->setAgents(summary.agents); // the summary already carries them; reload() refreshes
    showPeople(summary.principals);
}

void AgentsView::reload()
{
    m_client.loadAgents();
    m_client.loadPeople();
}

void AgentsView::showAgents(const std::vector<api::AgentSummary>& agents)
{
    m_model->setAgents(agents);
}

void AgentsView::showPeople(const std::vector<api::PrincipalView>& people)
{
    const QString current = selected() != nullptr ? QString::fromStdString(selected()->id) : QString();
    m_people->setPeople(people);
    const auto agents = std::count_if(people.begin(), people.end(), [](const auto& p) { return p.role == api::Role::Agent; });
    int keep = 0; // the one selected before, else the first
    for (int row = 0; row < m_peopleProxy->rowCount(); ++row) {
        if (m_peopleProxy->index(row, 0).data(PeopleModel::IdRole).toString() == current)
            keep = row;
    }
    if (m_peopleProxy->rowCount() > 0)
        m_peopleTable->setCurrentIndex(m_peopleProxy->index(keep, 0));
    m_state->setText(tr("%n principal(s), of them %1 agent(s).", nullptr, static_cast<int>(people.size())).arg(static_cast<int>(agents)));
    showSelected();
}

void AgentsView::showError(const QString& message)
{
    m_state->setText(tr("Could not load people and agents: %1").arg(message));
}

void AgentsView::selectPrincipal(const QString& id)
{
    for (int row = 0; row < m_peopleProxy->rowCount(); ++row) {
        const QModelIndex index = m_peopleProxy->index(row, 0);
        const api::PrincipalView* person = m_people->at(m_peopleProxy->mapToSource(index).row());
        if (person != nullptr && QString::fromStdString(person->id) == id) {
            m_peopleTable->setCurrentIndex(index);
            m_peopleTable->scrollTo(index);
            return;
        }
    }
}

const api::PrincipalView* AgentsView::selected() const
{
    const QModelIndex index = m_peopleTable->currentIndex();
    return index.isValid() ? m_people->at(m_peopleProxy->mapToSource(index).row()) : nullptr;
}

void AgentsView::showSelected()
{
    const api::PrincipalView* person = selected();
    showCaps({});
    if (person == nullptr) {
        m_detail->setText(tr("Select someone to see them in detail."));
    } else {
        QStringList lines{QString::fromStdString(person->displayName),
                          tr("Id: %1").arg(QString::fromStdString(person->id)),
                          tr("Role: %1 · Status: %2").arg(stateText(person->role), stateText(person->status)),
                          person->fingerprint.empty() ? tr("No key: reads everything, signs nothing.")
                                                      : tr("Key: %1").arg(QString::fromStdString(person->fingerprint)),
                          tr("Added: %1").arg(whenText(person->created)),
                          tr("Last active: %1").arg(whenText(person->lastActive))};
        if (!person->description.empty())
            lines.insert(1, QString::fromStdString(person->description));
        m_detailText = lines.join(u'\n');
        m_detail->setText(m_detailText);
        if (person->role == api::Role::Agent)
            m_client.loadGrants(QString::fromStdString(person->id));
    }
    updateActions();
}

void AgentsView::showGrants(const QString& principal, const api::Grants& grants)
{
    const api::PrincipalView* person = selected();
    if (person == nullptr || QString::fromStdString(person->id) != principal)
        return; // an answer for someone no longer selected
    QStringList lines{m_detailText, QString(),
                      tr("What the policy \u201c%1\u201d lets it do:").arg(QString::fromStdString(grants.policy))};
    if (grants.rules.empty())
        lines << tr("No rule applies to it: everything it proposes is denied.");
    for (const api::Grant& grant : grants.rules) {
        const QString effect = grant.effect == api::Effect::Allow             ? tr("allows")
                               : grant.effect == api::Effect::RequireApproval ? tr("needs approval")
                                                                              : tr("denies");
        QString line = tr("• %1 (%2): %3").arg(effect, QString::fromStdString(grant.rule), QString::fromStdString(grant.description));
        if (!grant.perTransaction.empty())
            line += tr("; each %1").arg(QString::fromStdString(grant.perTransaction));
        if (!grant.window.empty())
            line += tr("; in total %1").arg(QString::fromStdString(grant.window));
        lines << line;
    }
    m_detail->setText(lines.join(u'\n'));
    showCaps(grants.rules);
}

void AgentsView::showCaps(const std::vector<api::Grant>& rules)
{
    while (QLayoutItem* item = m_capsGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int row = 0;
    for (const api::Grant& grant : rules) {
        if (grant.windowLimit.empty())
            continue;
        if (row == 0) {
            auto* title = new QLabel(tr("Each cap's use in its window up to now:"), m_caps);
            m_capsGrid->addWidget(title, row++, 0, 1, 2);
        }
        auto* name = new QLabel(QString::fromStdString(grant.rule), m_caps);
        name->setToolTip(QString::fromStdString(grant.window));
        QProgressBar* bar = makeCapBar({grant.rule, {}, grant.window, grant.windowUsed, grant.windowLimit,
                                        grant.windowCurrency, grant.windowSince, grant.windowUsedPercent},
                                       m_caps);
        m_capsGrid->addWidget(name, row, 0);
        m_capsGrid->addWidget(bar, row++, 1);
    }
}

void AgentsView::updateActions()
{
    const bool canSign = m_session.mayManage();
    const api::PrincipalView* person = selected();
    const bool some = person != nullptr && person->role != api::Role::Engine;
    const bool active = some && person->status == api::PrincipalStatus::Active;
    m_add->setEnabled(canSign);
    m_rotate->setEnabled(canSign && active && !person->fingerprint.empty());
    m_suspend->setEnabled(canSign && active);
    m_resume->setEnabled(canSign && some && person->status == api::PrincipalStatus::Suspended);
    m_revoke->setEnabled(canSign && some && person->status != api::PrincipalStatus::Revoked);
    m_freeze->setEnabled(canSign && std::any_of(m_people->people().begin(), m_people->people().end(), [](const auto& p) {
                             return p.role == api::Role::Agent && p.status == api::PrincipalStatus::Active;
                         }));
    m_who->setText(signedInText(m_session, canSign, tr("only a risk manager changes people and agents")));
}

void AgentsView::act(Action action)
{
    const QString signer = m_session.id();
    const api::PrincipalView* person = selected();
    const QString id = person != nullptr ? QString::fromStdString(person->id) : QString();
    QStringList targets{id};
    QString explanation;
    api::PrincipalStatus status = api::PrincipalStatus::Suspended;
    switch (action) {
    case Action::Add:
        explanation = tr("A new person or agent, signed by %1. An agent's or approver's key is sealed with the passphrase "
                         "you give it here; an analyst reads everything and gets no key.").arg(signer);
        break;
    case Action::RotateKey:
        explanation = tr("A new key for %1, signed by %2. The old key is retired; what it signed still verifies.").arg(id, signer);
        break;
    case Action::Suspend:
        explanation = person->role == api::Role::Agent
                          ? tr("Suspend %1: its next intents are refused before any model sees them, and its pending "
                               "approval requests end, their spends released. Resume restores intake only.").arg(id)
                          : tr("Suspend %1: their key signs nothing until they are resumed.").arg(id);
        break;
    case Action::Resume:
        status = api::PrincipalStatus::Active;
        explanation = tr("Resume %1: intents are taken again. Requests that ended stay ended.").arg(id);
        break;
    case Action::Revoke:
        status = api::PrincipalStatus::Revoked;
        explanation = tr("Revoke %1 for good: a revoked key never signs again and cannot be resumed.").arg(id);
        break;
    case Action::FreezeAll:
        targets.clear();
        for (const api::PrincipalView& p : m_people->people()) {
            if (p.role == api::Role::Agent && p.status == api::PrincipalStatus::Active)
                targets << QString::fromStdString(p.id);
        }
        explanation = tr("Freeze all agents: suspend %1 now. Their intents are refused and their pending approval "
                         "requests end. Each is resumed on its own.").arg(targets.join(QStringLiteral(", ")));
        break;
    }
    const auto kind = action == Action::Add         ? PrincipalDialog::Kind::Add
                      : action == Action::RotateKey ? PrincipalDialog::Kind::RotateKey
                                                    : PrincipalDialog::Kind::Status;
    PrincipalDialog dialog(kind, signer, explanation, m_demo, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto passphrase = dialog.takeSignerPassphrase();
    m_state->setText(tr("Signing…"));
    if (action == Action::Add)
        m_client.addPrincipal(dialog.id(), dialog.role(), dialog.displayName(), dialog.description(), signer,
                              std::move(passphrase), dialog.takeNewPassphrase());
    else if (action == Action::RotateKey)
        m_client.rotateKey(id, signer, std::move(passphrase), dialog.takeNewPassphrase());
    else
        m_client.changeStatus(targets, status, signer, dialog.reason(), std::move(passphrase));
}

} // namespace cs::ui
