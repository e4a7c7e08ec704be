// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/HeadlessSummary.h"

#include "core/api/Engine.h"
#include "ui/approvals/ApprovalQueueModel.h"
#include "ui/common/MoneyFormat.h"
#include "ui/common/StateText.h"

#include <iomanip>
#include <optional>

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

namespace cs::app {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("HeadlessSummary", text);
}

void print(const api::WorkspaceSummary& summary, bool asked, std::ostream& out)
{
    out << (asked ? tr("Countersign %1: the workspace summary (--headless).")
                  : tr("Countersign %1: no display, so here is the workspace summary instead of the window."))
               .arg(QStringLiteral(CS_VERSION)).toStdString() << "\n\n";
    out << tr("Workspace:").toStdString() << ' ' << summary.name << " (" << summary.path << ")\n";
    out << tr("Schema version:").toStdString() << ' ' << summary.schemaVersion << "\n";
    out << tr("Assets:").toStdString();
    for (const auto& asset : summary.assets)
        out << ' ' << asset.code << " (" << asset.decimals << ')';
    out << "\n" << tr("People:").toStdString();
    for (const auto& principal : summary.principals) {
        if (principal.role != cs::api::Role::Agent && principal.role != cs::api::Role::Engine)
            out << ' ' << principal.id << " [" << cs::api::toString(principal.role) << ']';
    }
    out << "\n" << tr("Market: %1 venues, %2 pools, %3 lending markets, %4 counterparties (%5 on lists), %6 lists")
                        .arg(summary.venues).arg(summary.pools).arg(summary.lendingMarkets)
                        .arg(summary.counterparties).arg(summary.listedCounterparties).arg(summary.lists)
                        .toStdString()
        << "\n" << tr("Intents waiting in intents.jsonl: %1").arg(summary.pendingIntents).toStdString()
        << "\n" << tr("Audit log: %1 entries, signed checkpoint at %2").arg(summary.auditEntries).arg(summary.latestCheckpoint).toStdString()
        << "\n\n";

    out << tr("Agents and balances").toStdString() << "\n";
    for (const auto& agent : summary.agents) {
        out << "  " << std::left << std::setw(14) << agent.id << std::setw(10) << cs::api::toString(agent.status);
        for (const auto& balance : agent.balances) {
            out << "  " << std::right << std::setw(16)
                << ui::formatAmount(QString::fromStdString(balance.amount)).toStdString() << ' ' << std::left
                << std::setw(4) << balance.asset;
        }
        out << "\n";
    }
}

//! The approval queue, a line per proposal: what, how much, to whom, why, and what it still needs.
void print(const api::ApprovalQueue& queue, std::ostream& out)
{
    out << "\n"
        << tr("Awaiting approval: %1 (so far %2 approved, %3 rejected, %4 expired)")
               .arg(queue.items.size())
               .arg(queue.approved)
               .arg(queue.rejected)
               .arg(queue.expired)
               .toStdString()
        << "\n";
    for (const api::QueueItem& item : queue.items) {
        const ui::ApprovalRow row = ui::ApprovalRow::from(item); // what the console's queue shows
        out << "  " << std::left << std::setw(10) << item.intent << std::setw(14) << item.agent << std::setw(9)
            << row.action.toStdString() << std::right << std::setw(16) << ui::formatAmount(row.amount).toStdString() << ' '
            << std::left << std::setw(5) << row.asset.toStdString() << "→ " << std::setw(21) << row.destination.toStdString()
            << item.reason;
        for (std::size_t i = 0; i < item.stillNeeded.size(); ++i)
            out << (i == 0 ? " — " + tr("needs").toStdString() + ' ' : std::string("; ")) << ui::needText(item.stillNeeded[i]).toStdString();
        out << "\n";
    }
}

} // namespace

int printHeadlessSummary(api::EngineFactory& factory, bool demo, const QString& workspace, bool asked, std::ostream& out,
                         std::ostream& err)
{
    const auto failed = [&err](const Error& error) {
        err << "error: " << error.message << "\n";
        return 5;
    };
    std::optional<QTemporaryDir> demoDir; // only a demo workspace needs one; removed on return
    QString path = workspace;
    if (demo || workspace.isEmpty()) {
        demoDir.emplace();
        path = QDir(demoDir->path()).filePath(QStringLiteral("demo"));
        if (auto created = factory.createWorkspace(path.toStdString(), {.demo = true}); !created)
            return failed(created.error());
    }
    auto engine = factory.openWorkspace(QDir(path).absolutePath().toStdString());
    if (!engine)
        return failed(engine.error());
    auto summary = (*engine)->summary();
    if (!summary)
        return failed(summary.error());
    print(*summary, asked, out);
    // The check every write waits for: a log that does not verify is said before anything else.
    auto integrity = (*engine)->checkIntegrity({});
    if (!integrity)
        return failed(integrity.error());
    if (const api::VerifyProblem* first = integrity->first())
        out << tr("READ-ONLY: the audit log does not verify, so nothing will be written: %1")
                   .arg(QString::fromStdString(first->reason)).toStdString() << "\n";
    auto queue = (*engine)->approvalQueue();
    if (!queue)
        return failed(queue.error());
    print(*queue, out);
    if (!asked)
        out << "\n" << tr("Set DISPLAY (or run under xvfb-run) to open the console window.").toStdString() << "\n";
    return 0;
}

} // namespace cs::app
