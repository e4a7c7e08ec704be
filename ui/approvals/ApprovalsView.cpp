// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/approvals/ApprovalsView.h"

#include "core/domain/Clock.h"

#include "ui/approvals/ApprovalDetail.h"
#include "ui/approvals/ApprovalFilter.h"
#include "ui/approvals/ApprovalQueueModel.h"
#include "ui/approvals/VerdictDialog.h"
#include "ui/common/Session.h"
#include "ui/common/ViewHeading.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <set>

namespace cs::ui {

namespace {

//! Refills `combo` with "All" plus `values`, keeping the chosen value when it is still there.
void refill(QComboBox& combo, const QString& all, const QStringList& values)
{
    const QString chosen = combo.currentData().toString();
    const QSignalBlocker blocker(&combo);
    combo.clear();
    combo.addItem(all, QString());
    for (const QString& value : values)
        combo.addItem(value, value);
    combo.setCurrentIndex(std::max(0, combo.findData(chosen)));
}

} // namespace

ApprovalsView::ApprovalsView(EngineClient& client, const Session& session, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_session(session)
    , m_model(new ApprovalQueueModel(this))
    , m_filter(new ApprovalFilter(this))
    , m_table(new QTableView(this))
    , m_detail(new ApprovalDetail(this))
    , m_counts(new QLabel(this))
    , m_message(new QLabel(this))
    , m_agentFilter(new QComboBox(this))
    , m_riskFilter(new QComboBox(this))
    , m_ruleFilter(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_countdownClock(std::make_shared<SystemClock>())
{
    setObjectName(QStringLiteral("approvalsView"));
    setUpTable();
    QLabel* heading = makeViewHeading(tr("Approvals"), this);
    m_counts->setObjectName(QStringLiteral("approvalCounts"));
    m_counts->setTextFormat(Qt::PlainText);
    m_message->setObjectName(QStringLiteral("approvalMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();

    QHBoxLayout* filters = setUpFilters();
    auto* work = new QSplitter(Qt::Vertical, this);
    work->setObjectName(QStringLiteral("approvalsSplitter"));
    work->addWidget(m_table);
    work->addWidget(m_detail);
    work->setStretchFactor(0, 2);
    work->setStretchFactor(1, 3);
    work->setChildrenCollapsible(false);
    bindKeys();
    auto* keys = new QLabel(tr("J / K move · A approve · R reject · E edit and approve · Ctrl+F search · Ctrl+L forget the passphrase · F5 refresh"), this);
    keys->setObjectName(QStringLiteral("approvalKeys"));
    keys->setTextFormat(Qt::PlainText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    auto* top = new QHBoxLayout;
    top->addWidget(heading);
    top->addStretch(1);
    top->addWidget(m_counts);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addWidget(m_message);
    layout->addWidget(work, 1);
    layout->addWidget(keys);

    connectSignals();
    // Ages and expiries move on even when nothing arrives.
    m_clock.setInterval(30'000);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        m_model->setNow(QDateTime::currentDateTimeUtc());
        if (!m_detail->textCursor().hasSelection()) // never pull text from under the approver's cursor
            showSelected();
    });
    m_detail->showNothing(tr("Open a workspace to see the proposals awaiting approval."));
    updateCounts();}

void ApprovalsView::setUpTable()
{
    m_filter->setSourceModel(m_model);
    m_table->setModel(m_filter);
    m_table->setObjectName(QStringLiteral("approvalsTable"));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ApprovalQueueModel::AgeColumn, Qt::DescendingOrder); // oldest first
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Long texts get a fixed share, and the destination what is left, so every column fits at
    // 1280 px in every language (the detail shows each text in full).
    for (const auto& [column, width] : {std::pair{ApprovalQueueModel::RiskColumn, 165},
                                        std::pair{ApprovalQueueModel::RuleColumn, 125}}) {
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Interactive);
        m_table->setColumnWidth(column, width);
    }
    m_table->horizontalHeader()->setSectionResizeMode(ApprovalQueueModel::DestinationColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);

}

QHBoxLayout* ApprovalsView::setUpFilters()
{
    m_agentFilter->setObjectName(QStringLiteral("agentFilter"));
    m_riskFilter->setObjectName(QStringLiteral("riskFilter"));
    m_ruleFilter->setObjectName(QStringLiteral("ruleFilter"));
    m_riskFilter->addItem(tr("Any risk"), QString());
    for (const char* risk : {"low", "medium", "high"})
        m_riskFilter->addItem(ApprovalQueueModel::riskText(QString::fromLatin1(risk)), QString::fromLatin1(risk));
    refill(*m_agentFilter, tr("All agents"), {});
    refill(*m_ruleFilter, tr("Any rule"), {});
    m_search->setObjectName(QStringLiteral("approvalSearch"));
    m_search->setPlaceholderText(tr("Search proposals"));
    m_search->setClearButtonEnabled(true);
    connect(m_agentFilter, &QComboBox::currentIndexChanged, this, [this] { m_filter->setAgent(m_agentFilter->currentData().toString()); });
    connect(m_riskFilter, &QComboBox::currentIndexChanged, this, [this] { m_filter->setRisk(m_riskFilter->currentData().toString()); });
    connect(m_ruleFilter, &QComboBox::currentIndexChanged, this, [this] { m_filter->setRule(m_ruleFilter->currentData().toString()); });
    connect(m_search, &QLineEdit::textChanged, m_filter, &ApprovalFilter::setText);
    // A remembered passphrase belongs to the person who typed it.
    connect(&m_session, &Session::changed, this, [this] { m_passphrases.clear(); });

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_agentFilter);
    filters->addWidget(m_riskFilter);
    filters->addWidget(m_ruleFilter);
    filters->addWidget(m_search, 1);

    return filters;
}

void ApprovalsView::bindKeys()
{
    // The keys work wherever the focus is in the window while this view shows (shortcuts of a
    // hidden view do not fire), except in a text field, which keeps its letters.
    const auto bind = [this](const QKeySequence& keys, auto slot) {
        auto* shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
        return shortcut;
    };
    bind(QKeySequence(Qt::Key_J), [this] { moveSelection(1); });
    bind(QKeySequence(Qt::Key_K), [this] { moveSelection(-1); });
    m_verdictShortcuts = {bind(QKeySequence(Qt::Key_A), [this] { startVerdict(Verdict::Approve); }),
                          bind(QKeySequence(Qt::Key_R), [this] { startVerdict(Verdict::Reject); }),
                          bind(QKeySequence(Qt::Key_E), [this] { startVerdict(Verdict::Edit); })};
    bind(QKeySequence(Qt::CTRL | Qt::Key_L), [this] { lockPassphrase(); });
    bind(QKeySequence(QKeySequence::Refresh), [this] { reload(); });
    bind(QKeySequence(QKeySequence::Find), [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    // From the search field, Enter or Esc goes back to the queue, where the letter keys act.
    for (const QKeySequence& back : {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Escape)}) {
        auto* shortcut = new QShortcut(back, m_search);
        shortcut->setContext(Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, m_table, [this] { m_table->setFocus(Qt::ShortcutFocusReason); });
    }

}

void ApprovalsView::connectSignals()
{
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_selectedAt.start();
        showSelected();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& first, const QModelIndex& last) {
        // The shown proposal changed. (Only the clock moving is not a change: the detail keeps its
        // state, a text selection say, and the tick below refreshes its time to expiry.)
        const bool clockOnly = first.column() == ApprovalQueueModel::AgeColumn && last.column() == ApprovalQueueModel::ExpiresColumn;
        const int row = currentRow();
        if (!clockOnly && row >= first.row() && row <= last.row())
            showSelected();
    });
    connect(m_model, &ApprovalQueueModel::countsChanged, this, &ApprovalsView::updateCounts);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &ApprovalsView::updateCounts);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &ApprovalsView::updateCounts);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ApprovalsView::updateCounts);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &ApprovalsView::updateCounts);
    connect(m_detail, &ApprovalDetail::painted, this, [this](const QString& intent) {
        if (m_selectedAt.isValid())
            Q_EMIT detailShown(intent, m_selectedAt.nsecsElapsed() / 1000);
        m_selectedAt.invalidate();
    });

    connect(&m_client, &EngineClient::approvalQueueLoaded, this, &ApprovalsView::showQueue);
    connect(&m_client, &EngineClient::requestFailed, this, [this] { (void)loadLanded(); });
    connect(&m_client, &EngineClient::verdictSubmitted, this, &ApprovalsView::onVerdictSubmitted);
    connect(&m_client, &EngineClient::verdictFailed, this, &ApprovalsView::onVerdictFailed);

}

ApprovalsView::~ApprovalsView()
{
    m_passphrases.clear();
}

void ApprovalsView::showWorkspace()
{
    m_passphrases.clear();
    m_model->clear();
    m_open = true;
    m_detail->showNothing(tr("Loading the approval queue…"));
    m_clock.start();
    reload();
}

void ApprovalsView::closeWorkspace()
{
    m_open = false;
    m_loading = m_reloadAgain = false;
    m_passphrases.clear();
    m_model->clear();
    m_clock.stop();
}

void ApprovalsView::reload()
{
    if (!m_open)
        return;
    // Changes arrive in bursts (a settlement changes the queue and the balances): one load at a
    // time, and one more if anything changed meanwhile, so what is shown is never older than
    // the last change announced.
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    m_loading = true;
    m_client.loadApprovalQueue();
}

QString ApprovalsView::currentApprover() const
{
    return m_session.mayApprove() ? m_session.id() : QString();
}

int ApprovalsView::currentRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_filter->mapToSource(current).row() : -1;
}

bool ApprovalsView::passphraseRemembered() const
{
    return m_passphrases.holds(currentApprover());
}

QString ApprovalsView::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

QString ApprovalsView::countsText() const
{
    return m_counts->text();
}

bool ApprovalsView::loadLanded()
{
    m_loading = false;
    if (!std::exchange(m_reloadAgain, false))
        return true;
    reload(); // what landed was read before the latest change: the next load shows it
    return false;
}

void ApprovalsView::showQueue(const api::ApprovalQueue& queue)
{
    if (!loadLanded())
        return;
    m_model->setQueue(queue);
    updateFilterChoices();
    m_model->setNow(QDateTime::currentDateTimeUtc());
    if (!m_table->currentIndex().isValid() || !m_table->selectionModel()->hasSelection()) {
        // After a verdict, the next proposal takes the decided one's place.
        const int rows = m_filter->rowCount();
        if (rows > 0) {
            const int row = std::clamp(m_resumeRow, 0, rows - 1);
            m_table->selectionModel()->setCurrentIndex(m_filter->index(row, 0),
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        } else {
            m_detail->showNothing(tr("Nothing awaits approval."));
        }
    }
    m_resumeRow = -1;
    Q_EMIT queueShown();
}

void ApprovalsView::updateFilterChoices()
{
    std::set<QString> agents;
    std::set<QString> rules;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        agents.insert(m_model->rowAt(row).agent);
        for (const QString& rule : m_model->rowAt(row).rules)
            rules.insert(rule);
    }
    refill(*m_agentFilter, tr("All agents"), QStringList(agents.begin(), agents.end()));
    refill(*m_ruleFilter, tr("Any rule"), QStringList(rules.begin(), rules.end()));
}

void ApprovalsView::updateCounts()
{
    const int awaiting = m_model->rowCount();
    QString text = tr("%n awaiting", nullptr, awaiting);
    if (m_filter->rowCount() != awaiting)
        text += tr(" (%n shown)", nullptr, m_filter->rowCount());
    if (const int overdue = m_model->overdueCount())
        text += tr(" · %n past expiry", nullptr, overdue);
    text += tr(" · %1 approved · %2 rejected · %3 expired")
                .arg(m_model->approvedCount())
                .arg(m_model->rejectedCount())
                .arg(m_model->expiredCount());
    m_counts->setText(text);
}

void ApprovalsView::showSelected()
{
    const int row = currentRow();
    if (row < 0) {
        m_detail->showNothing(m_model->rowCount() == 0 ? tr("Nothing awaits approval.") : tr("Select a proposal."));
        return;
    }
    m_detail->showRow(m_model->rowAt(row), m_model->now());
}

void ApprovalsView::moveSelection(int step)
{
    const int rows = m_filter->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_table->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + step, 0, rows - 1) : 0;
    m_table->selectionModel()->setCurrentIndex(m_filter->index(row, current.isValid() ? current.column() : 0),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(m_table->currentIndex());
}

void ApprovalsView::setReadOnly(const QString& reason)
{
    m_readOnly = reason;
    for (QShortcut* shortcut : m_verdictShortcuts)
        shortcut->setEnabled(reason.isEmpty());
    if (!reason.isEmpty())
        showMessage(tr("Read-only: the audit log does not verify, so no verdict can be signed here."), true);
}

void ApprovalsView::startVerdict(Verdict::Kind kind)
{
    if (m_dialog)
        return;
    if (!m_readOnly.isEmpty()) {
        showMessage(tr("Read-only: the audit log does not verify, so no verdict can be signed here."), true);
        return;
    }
    if (m_busy) {
        showMessage(tr("Still signing the previous verdict."), false);
        return;
    }
    const int row = currentRow();
    if (row < 0) {
        showMessage(tr("Select a proposal first (J / K)."), true);
        return;
    }
    if (currentApprover().isEmpty()) {
        showMessage(m_session.signedIn()
                        ? tr("%1 cannot sign verdicts: only an active approver or risk manager can. Sign in as one "
                             "(File > Sign In).").arg(m_session.displayText())
                        : tr("Nobody is signed in. Sign in as an approver to sign verdicts (File > Sign In)."),
                    true);
        return;
    }
    const ApprovalRow& chosen = m_model->rowAt(row);
    const std::string me = currentApprover().toStdString();
    if (std::find(chosen.item.approvedBy.begin(), chosen.item.approvedBy.end(), me) != chosen.item.approvedBy.end()) {
        showMessage(tr("%1 already approved this version of %2; an approver counts once.").arg(currentApprover(), chosen.intent), true);
        return;
    }
    m_dialog = new VerdictDialog(chosen, kind, currentApprover(), passphraseRemembered(), m_countdownMs, *m_countdownClock, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::finished, this, &ApprovalsView::finishDialog);
    m_dialog->open();
}

void ApprovalsView::finishDialog(int result)
{
    VerdictDialog* dialog = m_dialog;
    if (dialog == nullptr || result != QDialog::Accepted)
        return;
    const Verdict verdict = dialog->verdict();
    std::shared_ptr<const SecretBytes> passphrase = dialog->takePassphrase();
    if (passphrase == nullptr)
        passphrase = m_passphrases.find(verdict.approver);
    else if (dialog->rememberPassphrase())
        m_passphrases.store(verdict.approver, passphrase);
    if (passphrase == nullptr) { // forgotten (Ctrl+L) while the dialog was open
        showMessage(tr("The passphrase was forgotten; nothing was signed. Press the key again."), true);
        return;
    }
    m_busy = true;
    m_resumeRow = m_table->currentIndex().row();
    showMessage(tr("Signing %1 as %2…").arg(verdict.intent, verdict.approver), false);
    m_client.submitVerdict(verdict, std::move(passphrase));
}

void ApprovalsView::onVerdictSubmitted(const QString& intent, const api::ApprovalOutcome& outcome)
{
    m_busy = false;
    const QString message = QString::fromStdString(outcome.message);
    QString text;
    switch (outcome.state) {
    case api::ApprovalState::Executed:
        text = tr("%1: approved and executed; receipt in audit entry %2.").arg(intent).arg(outcome.receiptSeq);
        break;
    case api::ApprovalState::Pending: text = tr("%1: your approval is recorded; it %2.").arg(intent, message); break;
    case api::ApprovalState::Rejected: text = tr("%1: rejected.").arg(intent); break;
    case api::ApprovalState::Failed: text = tr("%1: failed — %2").arg(intent, message); break;
    case api::ApprovalState::Denied: text = tr("%1: denied — %2").arg(intent, message); break;
    }
    const bool bad = outcome.state == api::ApprovalState::Failed || outcome.state == api::ApprovalState::Denied;
    showMessage(text, bad);
    // The queue follows when the engine says it changed.
    Q_EMIT verdictRecorded(intent, QString::fromLatin1(api::toString(outcome.state).data()));
}

void ApprovalsView::onVerdictFailed(const QString& intent, const QString& message)
{
    m_busy = false;
    m_resumeRow = -1;
    if (message.contains(QLatin1String("passphrase")))
        m_passphrases.clear(); // a remembered passphrase that no longer opens the key is no use
    showMessage(tr("Nothing was signed for %1: %2").arg(intent, message), true);
    Q_EMIT verdictRefused(intent, message);
    reload(); // it may have expired or changed meanwhile
}

void ApprovalsView::lockPassphrase()
{
    m_passphrases.clear();
    showMessage(tr("The remembered passphrase is forgotten; the next verdict asks for it."), false);
}

void ApprovalsView::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: #b01c1c; font-weight: bold; }") : QString());
    m_message->show();
}

} // namespace cs::ui
