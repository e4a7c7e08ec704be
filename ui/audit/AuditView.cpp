// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/audit/AuditView.h"

#include "ui/audit/AuditStrip.h"
#include "ui/audit/AuditTimelineModel.h"
#include "ui/bridge/EngineClient.h"
#include "ui/common/ViewHeading.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace cs::ui {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QString pretty(const std::string& canonical)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(canonical));
    return document.isNull() ? qs(canonical) : QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

QString signatureText(const api::AuditEntryDetail& detail)
{
    switch (detail.signature) {
    case api::SignatureState::Unsigned: return AuditView::tr("not signed (covered by the hash chain and the signed checkpoints)");
    case api::SignatureState::Valid: return AuditView::tr("signed by %1, valid").arg(qs(detail.signer));
    case api::SignatureState::Invalid: return AuditView::tr("signed by %1, does NOT verify").arg(qs(detail.signer));
    case api::SignatureState::UnknownKey: return AuditView::tr("signed by %1, whose key the log does not register").arg(qs(detail.signer));
    }
    return {};
}

} // namespace

AuditView::AuditView(EngineClient& client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new AuditTimelineModel(&client, this))
    , m_strip(new AuditStrip(this))
    , m_type(new QComboBox(this))
    , m_agent(new QComboBox(this))
    , m_outcome(new QComboBox(this))
    , m_time(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
    , m_tabs(new QTabWidget(this))
    , m_body(new QPlainTextEdit(this))
    , m_facts(new QLabel(this))
    , m_related(new QListWidget(this))
    , m_replay(new QPushButton(tr("Replay proposal"), this))
    , m_replaySummary(new QLabel(this))
    , m_steps(new QTableWidget(0, 4, this))
    , m_recorded(new QPlainTextEdit(this))
    , m_recomputed(new QPlainTextEdit(this))
    , m_verify(new QPushButton(tr("Verify log"), this))
    , m_cancelVerify(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_verifyResult(new QLabel(this))
{
    QHBoxLayout* filters = buildFilters();
    buildStripAndTable();
    m_tabs->addTab(buildEntryPage(), tr("Entry"));
    m_tabs->addTab(buildReplayPage(), tr("Replay"));
    QHBoxLayout* actions = buildActions();

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({760, 480});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeViewHeading(tr("Audit"), this));
    layout->addLayout(filters);
    layout->addWidget(m_strip);
    layout->addWidget(splitter, 1);
    layout->addLayout(actions);
}

QHBoxLayout* AuditView::buildFilters()
{
    m_type->addItem(tr("All types"), QString());
    for (const char* type : {"intent.received", "model.exchange", "proposal.parsed", "proposal.rejected", "proposal.edited",
                             "simulation.completed", "policy.decided", "policy.shadow_differed", "approval.requested",
                             "approval.granted", "approval.rejected", "approval.expired", "approval.cancelled",
                             "settlement.receipt", "settlement.failed", "settlement.unknown", "policy.published",
                             "identity.registered", "identity.added", "identity.status_changed", "identity.key_rotated",
                             "world.changed", "ledger.opened"})
        m_type->addItem(QLatin1String(type), QLatin1String(type));
    m_agent->addItem(tr("All agents"), QString());
    m_outcome->addItem(tr("Any outcome"), QString());
    const std::pair<QString, const char*> outcomes[] = {
        {tr("Allowed"), "allow"},     {tr("Needs approval"), "require_approval"}, {tr("Denied"), "deny"},
        {tr("Executed"), "executed"}, {tr("Failed"), "failed"},                 {tr("Refused by the parser or intake"), "refused"},
        {tr("Approved"), "approved"}, {tr("Rejected by an approver"), "rejected"}};
    for (const auto& [label, code] : outcomes)
        m_outcome->addItem(label, QLatin1String(code));
    m_time->addItem(tr("Any time"), 0);
    m_time->addItem(tr("Last hour"), 3600);
    m_time->addItem(tr("Last 24 hours"), 86400);
    m_time->addItem(tr("Last 7 days"), 7 * 86400);
    m_time->addItem(tr("Shown in the strip"), kStripRange); // what zooming or panning the strip chose
    m_text->setPlaceholderText(tr("Search entries…"));
    m_text->setClearButtonEnabled(true);
    auto* filters = new QHBoxLayout;
    for (QWidget* widget : std::initializer_list<QWidget*>{m_type, m_agent, m_outcome, m_time})
        filters->addWidget(widget);
    filters->addWidget(m_text, 1);
    filters->addWidget(m_count);
    auto* typing = new QTimer(this);
    typing->setSingleShot(true);
    typing->setInterval(300);
    connect(typing, &QTimer::timeout, this, &AuditView::applyFilter);
    connect(m_text, &QLineEdit::textChanged, typing, qOverload<>(&QTimer::start));
    for (QComboBox* box : {m_type, m_agent, m_outcome, m_time})
        connect(box, &QComboBox::currentIndexChanged, this, &AuditView::applyFilter);

    return filters;
}

void AuditView::buildStripAndTable()
{
    // The strip: what the filter keeps over time; a click jumps to the bar's first entry.
    connect(m_strip, &AuditStrip::jumpTo, this, &AuditView::showEntry);
    // Zooming or panning the strip filters the table to the range it shows.
    connect(m_strip, &AuditStrip::rangeChosen, this, [this] {
        m_time->blockSignals(true);
        m_time->setCurrentIndex(m_time->findData(kStripRange));
        m_time->blockSignals(false);
        applyFilter();
    });
    connect(&m_client, &EngineClient::auditHistogramLoaded, this, [this](quint64 generation, const api::AuditHistogram& histogram) {
        if (generation == m_stripGeneration)
            m_strip->showHistogram(histogram, !stripChoosesTime()); // never undo the user's zoom
    });
    auto* growing = new QTimer(this); // the log grows by bursts: the strip follows once a second at most
    growing->setSingleShot(true);
    growing->setInterval(1000);
    connect(growing, &QTimer::timeout, this, [this] { m_client.loadAuditHistogram(++m_stripGeneration, stripQuery()); });
    connect(m_model, &QAbstractItemModel::rowsInserted, growing, qOverload<>(&QTimer::start));
    connect(m_model, &AuditTimelineModel::pageLoaded, this, [this] {
        if (std::exchange(m_stripWanted, false))
            m_client.loadAuditHistogram(++m_stripGeneration, stripQuery());
    });

    // The table.
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->horizontalHeader()->setStretchLastSection(true);

    // Wide enough for a typical value and for the header in the user's language.
    const QFontMetrics metrics = m_table->fontMetrics();
    const std::pair<int, const char*> samples[] = {
        {AuditTimelineModel::Seq, "0000000"},
        {AuditTimelineModel::Time, "2026-12-03 00:00:00  "},
        {AuditTimelineModel::Type, "simulation.completed  "},
        {AuditTimelineModel::Agent, "treasury-bot  "},
        {AuditTimelineModel::Proposal, "int-0000  "},
        {AuditTimelineModel::Amount, "100000 USDC  "},
        {AuditTimelineModel::Summary, "settled transfer 2400 USDC to sam-fisher"}};
    for (const auto& [column, sample] : samples) {
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        m_table->setColumnWidth(column, std::max(metrics.horizontalAdvance(QLatin1String(sample)), metrics.horizontalAdvance(header) + 24));
    }
    // The actor is in the detail; the signature state is what verify checks.
    m_table->setColumnHidden(AuditTimelineModel::Actor, true);
    m_table->setColumnHidden(AuditTimelineModel::Signature, true);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (current.isValid())
            m_client.loadAuditEntry(m_model->seqAt(current.row()));
    });
    connect(m_model, &AuditTimelineModel::filterApplied, this, [this](int rows) {
        m_count->setText(tr("%n entries", nullptr, rows));
        if (m_pendingSeq != 0)
            showEntry(std::exchange(m_pendingSeq, 0));
    });
}

QWidget* AuditView::buildEntryPage()
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit* text : {m_body, m_recorded, m_recomputed}) {
        text->setReadOnly(true);
        text->setFont(mono);
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* entryPage = new QWidget(this);
    auto* entryLayout = new QVBoxLayout(entryPage);
    entryLayout->addWidget(m_facts);
    entryLayout->addWidget(m_body, 3);
    entryLayout->addWidget(new QLabel(tr("Entries of this proposal (click to show):"), entryPage));
    entryLayout->addWidget(m_related, 1);
    entryLayout->addWidget(m_replay);
    m_replay->setEnabled(false);
    connect(m_related, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) { showEntry(item->data(Qt::UserRole).toLongLong()); });
    connect(m_related, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) { showEntry(item->data(Qt::UserRole).toLongLong()); });
    connect(m_replay, &QPushButton::clicked, this, &AuditView::replaySelected);
    connect(&m_client, &EngineClient::auditEntryLoaded, this, &AuditView::showDetail);

    return entryPage;
}

QWidget* AuditView::buildReplayPage()
{
    auto* replayPage = new QWidget(this);
    auto* replayLayout = new QVBoxLayout(replayPage);
    m_replaySummary->setWordWrap(true);
    m_replaySummary->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_replaySummary->setMinimumHeight(m_replaySummary->fontMetrics().lineSpacing() * 3); // a divergence's reason wraps
    m_steps->setObjectName(QStringLiteral("replaySteps"));
    m_steps->setHorizontalHeaderLabels({tr("Step"), tr("Entry"), tr("Result"), tr("Why")});
    m_steps->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_steps->verticalHeader()->hide();
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_steps, &QTableWidget::currentCellChanged, this, [this](int row) { showStep(row); });
    auto* sideBySide = new QSplitter(Qt::Horizontal, replayPage);
    for (auto [label, text] : {std::pair{tr("Recorded"), m_recorded}, std::pair{tr("Recomputed"), m_recomputed}}) {
        auto* column = new QWidget(sideBySide);
        auto* layout = new QVBoxLayout(column);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(new QLabel(label, column));
        layout->addWidget(text);
        sideBySide->addWidget(column);
    }
    replayLayout->addWidget(m_replaySummary);
    replayLayout->addWidget(m_steps, 2);
    replayLayout->addWidget(sideBySide, 3);
    connect(&m_client, &EngineClient::replayLoaded, this, &AuditView::showReplay);

    return replayPage;
}

QHBoxLayout* AuditView::buildActions()
{
    auto* actions = new QHBoxLayout;
    auto* exportButton = new QPushButton(tr("Export…"), this);
    m_progress->setRange(0, 100);
    m_progress->hide();
    m_cancelVerify->hide();
    m_verifyResult->setWordWrap(true);
    actions->addWidget(m_verify);
    actions->addWidget(m_progress);
    actions->addWidget(m_cancelVerify);
    actions->addWidget(m_verifyResult, 1);
    actions->addWidget(exportButton);
    connect(m_verify, &QPushButton::clicked, this, &AuditView::verify);
    connect(m_cancelVerify, &QPushButton::clicked, &m_client, &EngineClient::cancelVerify);
    connect(exportButton, &QPushButton::clicked, this, &AuditView::exportLog);
    connect(&m_client, &EngineClient::verifyProgress, this, [this](qint64 done, qint64 total) {
        m_progress->setValue(total > 0 ? static_cast<int>(done * 100 / total) : 100);
    });
    connect(&m_client, &EngineClient::verifyFinished, this, [this](const api::VerifySummary& summary) {
        m_progress->hide();
        m_cancelVerify->hide();
        m_verify->setEnabled(true);
        if (const api::VerifyProblem* first = summary.first()) {
            m_verifyResult->setText(tr("The log does NOT verify: %1").arg(qs(first->reason)));
            if (first->seq > 0)
                showEntry(first->seq);
        } else {
            m_verifyResult->setText(tr("Verified: %n entries, the hash chain, the Merkle roots and %1 checkpoints; "
                                       "%2 balances recomputed from the log.",
                                       nullptr, static_cast<int>(summary.entries))
                                        .arg(summary.checkpoints)
                                        .arg(summary.balancesChecked));
        }
        Q_EMIT verifyDone(summary.intact());
    });
    connect(&m_client, &EngineClient::verifyFailed, this, [this](const QString& message, bool cancelled) {
        m_progress->hide();
        m_cancelVerify->hide();
        m_verify->setEnabled(true);
        m_verifyResult->setText(cancelled ? tr("Verification cancelled.") : message);
    });
    connect(&m_client, &EngineClient::auditExported, this, [this](const QString& path, qint64 entries) {
        m_verifyResult->setText(tr("Exported %n entries to %1.", nullptr, static_cast<int>(entries)).arg(QDir::toNativeSeparators(path)));
    });

    return actions;
}

void AuditView::showWorkspace(const api::WorkspaceSummary& summary)
{
    m_model->clear();
    m_agent->blockSignals(true);
    while (m_agent->count() > 1)
        m_agent->removeItem(1);
    for (const api::AgentSummary& agent : summary.agents)
        m_agent->addItem(qs(agent.id), qs(agent.id));
    m_agent->blockSignals(false);
    m_model->setLogSize(summary.auditEntries);
    applyFilter();
}

void AuditView::logGrew(qint64 size)
{
    m_model->setLogSize(size);
}

void AuditView::applyFilter()
{
    api::AuditQuery query;
    if (const QString type = m_type->currentData().toString(); !type.isEmpty())
        query.types.push_back(type.toStdString());
    query.agent = m_agent->currentData().toString().toStdString();
    query.outcome = m_outcome->currentData().toString().toStdString();
    if (stripChoosesTime())
        std::tie(query.fromMs, query.toMs) = m_strip->shownRange();
    else if (const int seconds = m_time->currentData().toInt(); seconds > 0)
        query.fromMs = QDateTime::currentMSecsSinceEpoch() - seconds * 1000LL;
    query.text = m_text->text().trimmed().toStdString();
    m_model->setQuery(query);
    m_stripWanted = true; // once the first rows are painted: the strip is not on their way
}

bool AuditView::stripChoosesTime() const
{
    return m_time->currentData().toInt() == kStripRange;
}

api::AuditQuery AuditView::stripQuery() const
{
    api::AuditQuery query = m_model->query();
    if (stripChoosesTime()) { // the strip shows all time, the range it is zoomed to is the filter
        query.fromMs = 0;
        query.toMs = 0;
    }
    return query;
}

void AuditView::selectRow(int row)
{
    const QModelIndex index = m_model->index(row, AuditTimelineModel::Seq);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void AuditView::showEntry(qint64 seq)
{
    const int row = m_model->rowOfSeq(seq);
    if (row >= 0) {
        selectRow(row);
        return;
    }
    // Hidden by a filter: shown unfiltered, selected once counted.
    m_pendingSeq = seq;
    for (QComboBox* box : {m_type, m_agent, m_outcome, m_time}) {
        box->blockSignals(true);
        box->setCurrentIndex(0);
        box->blockSignals(false);
    }
    m_text->blockSignals(true);
    m_text->clear();
    m_text->blockSignals(false);
    applyFilter();
}

namespace {

//! A hash in groups of 16 hex digits, so a narrow pane wraps it instead of cutting it off.
QString hashText(const std::string& hex)
{
    QStringList groups;
    for (std::size_t at = 0; at < hex.size(); at += 16)
        groups << QString::fromStdString(hex.substr(at, 16));
    return groups.join(u' ');
}

} // namespace

void AuditView::showDetail(const api::AuditEntryDetail& detail)
{
    m_detail = detail;
    const api::AuditRow& row = detail.row;
    QStringList facts;
    facts << tr("<b>Entry %1</b> · %2 · %3").arg(row.seq).arg(qs(row.type).toHtmlEscaped(), qs(row.actor).toHtmlEscaped());
    facts << tr("Leaf hash: <tt>%1</tt> %2").arg(hashText(detail.leafHash), detail.leafMatches ? tr("(matches its bytes)") : tr("(does NOT match its bytes)"));
    facts << tr("Previous: <tt>%1</tt> %2").arg(hashText(detail.prevHash), detail.prevMatches ? tr("(the entry before)") : tr("(does NOT chain)"));
    facts << tr("Signature: %1").arg(signatureText(detail).toHtmlEscaped());
    facts << (detail.proofValid ? tr("Inclusion proof: valid against the checkpoint at size %1 (root <tt>%2…</tt>, %n hashes)", nullptr,
                                     static_cast<int>(detail.proofPath.size()))
                                      .arg(detail.proofCheckpoint)
                                      .arg(qs(detail.proofRoot).left(16))
                                : tr("Inclusion proof: %1").arg(qs(detail.proofProblem).toHtmlEscaped()));
    m_facts->setText(facts.join(QStringLiteral("<br>")));
    m_body->setPlainText(qs(detail.body));
    m_related->clear();
    for (const api::AuditRow& related : detail.related) {
        auto* item = new QListWidgetItem(QStringLiteral("%1  %2  %3").arg(related.seq).arg(qs(related.type), qs(related.summary)), m_related);
        item->setData(Qt::UserRole, static_cast<qlonglong>(related.seq));
        if (related.seq == row.seq)
            item->setSelected(true);
    }
    m_replay->setEnabled(!row.intent.empty());
    m_replay->setText(row.intent.empty() ? tr("Replay proposal") : tr("Replay %1").arg(qs(row.intent)));
}

void AuditView::replaySelected()
{
    if (m_detail.row.intent.empty())
        return;
    m_replaySummary->setText(tr("Replaying %1 from the log…").arg(qs(m_detail.row.intent)));
    m_tabs->setCurrentIndex(ReplayTab);
    m_client.replayProposal(qs(m_detail.row.intent));
}

void AuditView::showReplay(const api::ProposalReplay& replay)
{
    m_lastReplay = replay;
    const api::ReplayStep* divergence = replay.firstDivergence();
    m_replaySummary->setText(divergence == nullptr
                                 ? tr("%1 (%2): every step recomputed from the log is identical to what it recorded.")
                                       .arg(qs(replay.intent), qs(replay.agent))
                                 : tr("%1 (%2) DIVERGES at entry %3, %4: %5")
                                       .arg(qs(replay.intent), qs(replay.agent))
                                       .arg(divergence->seq)
                                       .arg(qs(divergence->field), qs(divergence->reason)));
    m_steps->setRowCount(static_cast<int>(replay.steps.size()));
    int first = -1;
    for (int i = 0; i < static_cast<int>(replay.steps.size()); ++i) {
        const api::ReplayStep& step = replay.steps[static_cast<std::size_t>(i)];
        const QStringList cells{QString::fromUtf8(api::toString(step.stage)), QString::number(step.seq),
                                step.identical ? tr("identical") : tr("differs: %1").arg(qs(step.field)), qs(step.reason)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* cell = new QTableWidgetItem(cells[column]);
            if (!step.identical)
                cell->setBackground(QColor(0xf8, 0xd7, 0xda));
            m_steps->setItem(i, column, cell);
        }
        if (!step.identical && first < 0)
            first = i;
    }
    for (int column = 0; column < 3; ++column)
        m_steps->resizeColumnToContents(column);
    m_tabs->setCurrentIndex(ReplayTab);
    m_steps->setCurrentCell(first >= 0 ? first : 0, 0);
    showStep(first >= 0 ? first : 0);
    Q_EMIT replayShown(qs(replay.intent), divergence == nullptr);
}

void AuditView::showStep(int row)
{
    if (row < 0 || row >= static_cast<int>(m_lastReplay.steps.size()))
        return;
    const api::ReplayStep& step = m_lastReplay.steps[static_cast<std::size_t>(row)];
    m_recorded->setPlainText(step.recorded.empty() ? tr("(checked, nothing to compare side by side)") : pretty(step.recorded));
    m_recomputed->setPlainText(step.recomputed.empty() ? qs(step.reason) : pretty(step.recomputed));
}

void AuditView::verify()
{
    m_verify->setEnabled(false);
    m_progress->setValue(0);
    m_progress->show();
    m_cancelVerify->show();
    m_verifyResult->setText(tr("Verifying the log and the money…"));
    m_client.verifyLog();
}

void AuditView::exportLog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the audit log"), QString(),
                                                      tr("JSON lines (*.jsonl);;CSV (*.csv)"));
    if (path.isEmpty())
        return;
    m_client.exportAuditLog(path, path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? api::LogFormat::Csv : api::LogFormat::JsonLines);
}

} // namespace cs::ui
