// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/approvals/ApprovalDetail.h"

#include "ui/approvals/ApprovalQueueModel.h"
#include "ui/reputation/ReputationModel.h"
#include "ui/common/MoneyFormat.h"
#include "ui/common/StateText.h"

#include <QJsonArray>

namespace cs::ui {

namespace {

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString esc(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

QString section(const QString& title)
{
    return QStringLiteral("<h4 style='margin-top:10px; margin-bottom:2px'>%1</h4>").arg(esc(title));
}

QString line(const QString& label, const QString& valueHtml)
{
    return QStringLiteral("<tr><td style='padding-right:10px; color:palette(mid)'>%1</td><td>%2</td></tr>").arg(esc(label), valueHtml);
}

QString warning(const QString& text)
{
    return QStringLiteral("<p style='color:#b01c1c; margin:4px 0'><b>%1</b></p>").arg(esc(text));
}

//! "250000.5 USDC" with the locale's grouping.
QString money(const QString& decimalAndAsset)
{
    const qsizetype space = decimalAndAsset.indexOf(u' ');
    if (space < 0)
        return esc(formatAmount(decimalAndAsset));
    return esc(formatAmount(decimalAndAsset.left(space)) + decimalAndAsset.mid(space));
}

QString money(const std::string& decimalAndAsset)
{
    return money(QString::fromStdString(decimalAndAsset));
}

QString whatItWants(const ApprovalRow& row)
{
    const Proposal::Action& action = row.item.proposal.action;
    QString html = section(ApprovalDetail::tr("What the agent wants")) + QStringLiteral("<table>");
    html += line(ApprovalDetail::tr("Action"), esc(ApprovalQueueModel::actionText(row.action)));
    QString amount = money(row.amount + u' ' + row.asset);
    if (!row.item.value.empty() && QString::fromStdString(row.item.value) != row.amount + u' ' + row.asset)
        amount += ApprovalDetail::tr(" (worth %1)").arg(money(row.item.value));
    html += line(ApprovalDetail::tr("Amount"), QStringLiteral("<b>%1</b>").arg(amount));
    if (row.action == u"swap") {
        html += line(ApprovalDetail::tr("Buys"), esc(row.destination));
        if (action.minOut)
            html += line(ApprovalDetail::tr("At least"), money(QString::fromStdString(action.minOut->toString()) + u' ' + row.destination));
    } else if (action.to && !action.to->empty()) {
        html += line(ApprovalDetail::tr("To"), QStringLiteral("<b>%1</b>").arg(esc(QString::fromStdString(*action.to))));
    }
    if (!row.venue.isEmpty())
        html += line(ApprovalDetail::tr("Venue"), esc(row.venue));
    for (const auto& [key, value] : action.params) {
        if (key != "asset_out" && key != "min_out")
            html += line(QString::fromStdString(key), esc(QString::fromStdString(value)));
    }
    return html + QStringLiteral("</table>");
}

QString why(const ApprovalRow& row)
{
    QString html = section(ApprovalDetail::tr("Why"));
    const Proposal& proposal = row.item.proposal;
    html += QStringLiteral("<p style='margin:2px 0'>%1</p>").arg(esc(QString::fromStdString(proposal.rationale)));
    if (!proposal.inputs.empty()) {
        html += QStringLiteral("<table>");
        for (const ProposalInput& input : proposal.inputs) {
            html += line(QString::fromStdString(input.name),
                         ApprovalDetail::tr("%1 <i>(from %2)</i>")
                             .arg(esc(QString::fromStdString(input.value)), esc(QString::fromStdString(input.source))));
        }
        html += QStringLiteral("</table>");
    }
    return html;
}

QString effectNow(const ApprovalRow& row)
{
    const api::QueueItem& item = row.item;
    QString html = section(ApprovalDetail::tr("If it settles now (simulated)"));
    if (!item.simulationOk) {
        html += warning(ApprovalDetail::tr("It cannot execute now: %1").arg(QString::fromStdString(item.simulationProblem)));
        return html;
    }
    // The outcome first, then every balance it moves (exact amounts, never wrapped).
    html += QStringLiteral("<table>");
    if (!item.expectedOut.empty())
        html += line(ApprovalDetail::tr("Receives"), money(item.expectedOut));
    if (!item.fee.empty())
        html += line(ApprovalDetail::tr("Fee"), money(item.fee));
    if (item.priceImpactBps >= 0)
        html += line(ApprovalDetail::tr("Price impact"),
                     ApprovalDetail::tr("%1 bps (%2 %)").arg(item.priceImpactBps).arg(QLocale().toString(item.priceImpactBps / 100.0, 'f', 2)));
    html += QStringLiteral("</table><table cellspacing='0'><tr><th align='left'>%1</th><th align='left' style='padding-left:6px'>%2</th>"
                           "<th align='right' style='padding-left:8px'>%3</th><th></th><th align='right'>%4</th></tr>")
                .arg(esc(ApprovalDetail::tr("Account")), esc(ApprovalDetail::tr("Asset")), esc(ApprovalDetail::tr("Before")),
                     esc(ApprovalDetail::tr("After")));
    for (const api::BalanceChange& change : item.balances) {
        html += QStringLiteral("<tr><td>%1</td><td style='padding-left:6px'>%2</td>"
                               "<td align='right' style='padding-left:8px; white-space:nowrap'>%3</td><td>&nbsp;→&nbsp;</td>"
                               "<td align='right' style='white-space:nowrap'>%4</td></tr>")
                    .arg(esc(change.account), esc(change.asset), money(change.before), money(change.after));
    }
    html += QStringLiteral("</table>");
    if (item.worldMoved)
        html += QStringLiteral("<p style='margin:4px 0'><i>%1</i></p>")
                    .arg(esc(ApprovalDetail::tr("Balances changed since it was decided: approving decides it again on the "
                                                "balances above, and a deny then fails it.")));
    if (item.decidedNow) {
        // What that decision says now (the quorum would meet the same).
        const QString again =
            *item.decidedNow == api::Effect::Allow
                ? ApprovalDetail::tr("Decided again on these balances, it is allowed.")
            : *item.decidedNow == api::Effect::RequireApproval
                ? ApprovalDetail::tr("Decided again on these balances, it still needs approval.")
                : ApprovalDetail::tr("Decided again on these balances, it is denied, so approving it now fails it: %1")
                      .arg(reasonsText(item.decidedNowReasons));
        html += QStringLiteral("<p style='margin:4px 0'><b>%1</b></p>").arg(esc(again));
    }
    return html;
}

QString decision(const ApprovalRow& row)
{
    QString html = section(ApprovalDetail::tr("Decision"));
    html += QStringLiteral("<ul style='margin:0; -qt-list-indent:1'>");
    const api::DecisionView& decided = row.item.decision;
    for (const api::Reason& reason : decided.reasons)
        html += QStringLiteral("<li><b>%1</b>: %2</li>").arg(esc(QString::fromStdString(reason.rule)), esc(reasonText(reason)));
    html += QStringLiteral("</ul>");
    const QString counterfactual = counterfactualText(decided);
    if (!counterfactual.isEmpty())
        html += QStringLiteral("<p style='margin:2px 0'>%1 %2</p>").arg(esc(ApprovalDetail::tr("What would change it:")), esc(counterfactual));
    if (!decided.windows.empty()) {
        html += QStringLiteral("<table>");
        for (const api::WindowUse& window : decided.windows) {
            html += line(QString::fromStdString(window.rule),
                         ApprovalDetail::tr("%1: spent %2, %3 with this")
                             .arg(esc(QString::fromStdString(window.period)), money(QString::fromStdString(window.spent)),
                                  money(QString::fromStdString(window.withThis))));
        }
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("<table>");
    html += line(ApprovalDetail::tr("Risk"),
                 ApprovalDetail::tr("computed <b>%1</b>, %2 approval(s) · the agent claimed %3, %4 approval(s)")
                     .arg(esc(ApprovalQueueModel::riskText(row.computedRisk)))
                     .arg(decided.approvalsRequired)
                     .arg(esc(ApprovalQueueModel::riskText(row.claimedRisk)))
                     .arg(decided.claimedApprovals));
    if (decided.reputation) {
        // The policy matched on the agent's reputation: the standing it was decided on.
        html += line(ApprovalDetail::tr("Reputation"),
                     ApprovalDetail::tr("%1, <b>%2</b> · over entries 1–%3 of the log")
                         .arg(esc(QString::fromStdString(decided.reputation->score)),
                              esc(ReputationModel::tierText(decided.reputation->tier)))
                         .arg(decided.reputation->asOf));
    }
    html += line(ApprovalDetail::tr("Policy"), QStringLiteral("<tt>%1</tt>").arg(esc(QString::fromStdString(decided.policyVersion).left(16))));
    html += QStringLiteral("</table>");
    if (row.underClaimed)
        html += warning(ApprovalDetail::tr("The agent under-claimed its risk."));
    return html;
}

QString approvals(const ApprovalRow& row, const QDateTime& now)
{
    const api::QueueItem& item = row.item;
    // A proposal decided without a request (the policy editor's what-if opens any): no approvals to show.
    if (item.subjectSha256.empty())
        return section(ApprovalDetail::tr("Approvals"))
               + QStringLiteral("<p style='margin:2px 0'>%1</p>").arg(esc(ApprovalDetail::tr("Decided without an approval request.")));
    QString html = section(ApprovalDetail::tr("Approvals")) + QStringLiteral("<table>");
    QStringList signedBy;
    for (const std::string& name : item.approvedBy)
        signedBy.append(QString::fromStdString(name));
    html += line(ApprovalDetail::tr("Signed by"), signedBy.isEmpty() ? esc(ApprovalDetail::tr("nobody yet")) : esc(signedBy.join(QStringLiteral(", "))));
    QStringList needed;
    for (const api::ApproverNeed& need : item.stillNeeded)
        needed.append(needText(need));
    html += line(ApprovalDetail::tr("Still needed"), esc(needed.join(QStringLiteral("; "))));
    const QString at = QLocale().toString(row.expiresAt.toLocalTime(), QLocale::ShortFormat);
    html += line(ApprovalDetail::tr("Expires"),
                 now >= row.expiresAt ? QStringLiteral("<b style='color:#b01c1c'>%1</b>").arg(esc(ApprovalDetail::tr("expired at %1").arg(at)))
                                      : esc(ApprovalDetail::tr("in %1 (%2)").arg(ApprovalQueueModel::durationText(now.secsTo(row.expiresAt)), at)));
    html += QStringLiteral("</table>");
    const QString subject = QString::fromStdString(item.subjectSha256);
    html += section(ApprovalDetail::tr("Your signature covers"));
    html += QStringLiteral("<p style='margin:2px 0'><tt>%1<br>%2</tt></p>").arg(esc(subject.left(32)), esc(subject.mid(32)));
    html += QStringLiteral("<p style='margin:2px 0'><i>%1</i></p>")
                .arg(esc(ApprovalDetail::tr("SHA-256 of this proposal, its simulation, the policy version and the decision.")));
    return html;
}

} // namespace

ApprovalDetail::ApprovalDetail(QWidget* parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("approvalDetail"));
    setOpenLinks(false);
    setFrameShape(QFrame::StyledPanel);
}

QString ApprovalDetail::html(const ApprovalRow& row, const QDateTime& now)
{
    const QString title = tr("%1 · %2: %3 %4 → %5")
                              .arg(row.intent, row.agent, ApprovalQueueModel::actionText(row.action),
                                   formatAmount(row.amount) + u' ' + row.asset, row.destination);
    return QStringLiteral("<h3 style='margin:0'>%1</h3><table width='100%' cellspacing='0'><tr>"
                          "<td width='50%' valign='top' style='padding-right:16px'>%2%3%4</td>"
                          "<td width='50%' valign='top'>%5%6</td></tr></table>")
        .arg(esc(title), whatItWants(row), why(row), effectNow(row), decision(row), approvals(row, now));
}

void ApprovalDetail::showRow(const ApprovalRow& row, const QDateTime& now)
{
    m_intent = row.intent;
    m_paintPending = true;
    setHtml(html(row, now));
}

void ApprovalDetail::showNothing(const QString& message)
{
    m_intent.clear();
    m_paintPending = false;
    setHtml(QStringLiteral("<p style='color:palette(mid)'>%1</p>").arg(esc(message)));
}

void ApprovalDetail::paintEvent(QPaintEvent* event)
{
    QTextBrowser::paintEvent(event);
    if (m_paintPending) {
        m_paintPending = false;
        Q_EMIT painted(m_intent);
    }
}

} // namespace cs::ui
