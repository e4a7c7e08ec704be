// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reputation/HealthPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <map>

namespace cs::ui {

namespace {

QColor colorOf(api::HealthStatus status)
{
    switch (status) {
    case api::HealthStatus::Ok: return {0x2e, 0x7d, 0x32};
    case api::HealthStatus::Warn: return {0xb2, 0x6a, 0x00};
    case api::HealthStatus::Fail: return {0xc6, 0x28, 0x28};
    }
    return {};
}

} // namespace

QString HealthPanel::redFlagText(const api::HealthItem& item)
{
    static const std::map<std::string, const char*> kFlags{
        {"explained", QT_TR_NOOP("an agent acts but cannot explain")},
        {"authorized", QT_TR_NOOP("spending without proven authorization")},
        {"private_data", QT_TR_NOOP("logs that leak private data")},
        {"portable_reputation", QT_TR_NOOP("reputation that is not portable")},
        {"outcome_scoring", QT_TR_NOOP("incentives that reward activity instead of useful output")},
        {"approver_quality", QT_TR_NOOP("approvers who rubber-stamp")}};
    const auto found = kFlags.find(item.check);
    return found != kFlags.end() ? tr(found->second) : QString::fromStdString(item.title);
}

QString HealthPanel::summaryText(const api::HealthItem& item)
{
    const auto count = [&](const char* name) {
        const auto found = item.counts.find(name);
        return found == item.counts.end() ? 0 : static_cast<int>(found->second);
    };
    const bool ok = item.status == api::HealthStatus::Ok;
    if (item.check == "explained")
        return ok ? tr("every one of %n executed action(s) has a rationale and a decision explanation", nullptr, count("executed"))
                  : tr("%n executed action(s) lack an explanation", nullptr, count("failing"));
    if (item.check == "authorized")
        return ok ? tr("every settlement follows an allow or a quorum of valid approval signatures")
                  : tr("%n settlement(s) without proven authorization", nullptr, count("failing"));
    if (item.check == "private_data")
        return item.status == api::HealthStatus::Fail ? tr("entries hold what looks like a secret")
               : ok ? tr("no entry holds a recognisable secret")
                    : tr("no entry holds a recognisable secret; intake redacted %n from intents' free text", nullptr, count("warnings"));
    if (item.check == "portable_reputation")
        return ok ? tr("every agent's reputation can be exported as a signed attestation (countersign-cli attest)")
                  : tr("some reputations cannot be attested yet");
    if (item.check == "outcome_scoring")
        return ok ? tr("a few approved outcomes outscore many routine ones: the score rewards outcomes, not activity")
                  : tr("activity outscores outcomes: the scoring rewards volume");
    if (item.check == "approver_quality") {
        int approvers = 0;
        for (const auto& [name, value] : item.counts)
            approvers += QString::fromStdString(name).endsWith(QLatin1String(".verdicts")) ? 1 : 0;
        return ok ? tr("%n approver(s); none rubber-stamps", nullptr, approvers) : tr("an approver approves everything in seconds");
    }
    return QString::fromStdString(item.summary);
}

HealthPanel::HealthPanel(QWidget* parent)
    : QWidget(parent)
    , m_overall(new QLabel(this))
    , m_checks(new QTableWidget(0, 3, this))
    , m_findings(new QListWidget(this))
{
    m_checks->setObjectName(QStringLiteral("healthChecks"));
    m_checks->setHorizontalHeaderLabels({tr("Status"), tr("Red flag"), tr("What was found")});
    m_checks->verticalHeader()->hide();
    m_checks->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents); // follows the columns' widths
    m_checks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checks->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_checks->setSelectionMode(QAbstractItemView::SingleSelection);
    m_checks->setWordWrap(true);
    m_checks->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_checks->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_checks->horizontalHeader()->setStretchLastSection(true);
    m_findings->setObjectName(QStringLiteral("healthFindings"));
    m_findings->setWordWrap(true);
    connect(m_checks, &QTableWidget::currentCellChanged, this, [this](int row) { showFindings(row); });
    connect(m_findings, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        if (const qint64 seq = item->data(Qt::UserRole).toLongLong(); seq > 0)
            Q_EMIT entryClicked(seq);
    });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_overall);
    layout->addWidget(m_checks, 2);
    layout->addWidget(new QLabel(tr("Findings (double-click one about an entry to show it in the audit timeline):"), this));
    layout->addWidget(m_findings, 1);
}

QString HealthPanel::statusText(api::HealthStatus status)
{
    switch (status) {
    case api::HealthStatus::Ok: return tr("ok");
    case api::HealthStatus::Warn: return tr("warn");
    case api::HealthStatus::Fail: return tr("fail");
    }
    return {};
}

void HealthPanel::showReport(const api::HealthReport& report)
{
    m_report = report;
    const int current = std::max(0, m_checks->currentRow());
    if (report.items.empty()) {
        m_overall->setText(tr("Not checked yet."));
        m_checks->setRowCount(0);
        m_findings->clear();
        return;
    }
    m_overall->setText(tr("<b>%1</b> over %n entries of the log (the same checks as countersign-cli doctor)", nullptr,
                          static_cast<int>(report.entries))
                           .arg(report.overall() == api::HealthStatus::Ok     ? tr("Every red flag checked is clear")
                                : report.overall() == api::HealthStatus::Warn ? tr("Nothing fails; some warnings")
                                                                              : tr("A red flag fails")));
    m_checks->setRowCount(static_cast<int>(report.items.size()));
    for (int row = 0; row < m_checks->rowCount(); ++row) {
        const api::HealthItem& item = report.items[static_cast<std::size_t>(row)];
        auto* status = new QTableWidgetItem(statusText(item.status));
        status->setForeground(colorOf(item.status));
        QFont bold = status->font();
        bold.setBold(true);
        status->setFont(bold);
        m_checks->setItem(row, 0, status);
        m_checks->setItem(row, 1, new QTableWidgetItem(redFlagText(item)));
        m_checks->setItem(row, 2, new QTableWidgetItem(summaryText(item)));
    }
    if (m_checks->rowCount() > 0)
        m_checks->setCurrentCell(std::min(current, m_checks->rowCount() - 1), 0);
    showFindings(m_checks->currentRow());
}

void HealthPanel::showFindings(int row)
{
    m_findings->clear();
    if (row < 0 || row >= static_cast<int>(m_report.items.size()))
        return;
    const api::HealthItem& item = m_report.items[static_cast<std::size_t>(row)];
    for (std::size_t i = 0; i < item.findings.size(); ++i) {
        auto* finding = new QListWidgetItem(QString::fromStdString(item.findings[i]), m_findings);
        if (i < item.entries.size())
            finding->setData(Qt::UserRole, static_cast<qlonglong>(item.entries[i]));
    }
    if (item.findings.empty())
        new QListWidgetItem(tr("Nothing to show."), m_findings);
}

} // namespace cs::ui
