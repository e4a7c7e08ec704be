// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/StateText.h"

#include <QCoreApplication>
#include <QStringList>

namespace cs::ui {

QString stateText(api::IntentState state)
{
    switch (state) {
    case api::IntentState::CannotPlan: return QCoreApplication::translate("StateText", "could not be planned");
    case api::IntentState::Rejected: return QCoreApplication::translate("StateText", "rejected");
    case api::IntentState::Denied: return QCoreApplication::translate("StateText", "denied");
    case api::IntentState::AwaitingApproval: return QCoreApplication::translate("StateText", "awaiting approval");
    case api::IntentState::Executed: return QCoreApplication::translate("StateText", "executed");
    case api::IntentState::Failed: return QCoreApplication::translate("StateText", "failed");
    case api::IntentState::Unknown: return QCoreApplication::translate("StateText", "outcome unknown");
    }
    return {};
}

QString stateText(api::PrincipalStatus status)
{
    switch (status) {
    case api::PrincipalStatus::Active: return QCoreApplication::translate("StateText", "Active");
    case api::PrincipalStatus::Suspended: return QCoreApplication::translate("StateText", "Suspended");
    case api::PrincipalStatus::Revoked: return QCoreApplication::translate("StateText", "Revoked");
    }
    return {};
}

QString stateText(api::Effect effect)
{
    switch (effect) {
    case api::Effect::Allow: return QCoreApplication::translate("StateText", "allowed");
    case api::Effect::RequireApproval: return QCoreApplication::translate("StateText", "needs approval");
    case api::Effect::Deny: return QCoreApplication::translate("StateText", "denied");
    }
    return {};
}

QString stateText(api::Role role)
{
    switch (role) {
    case api::Role::Agent: return QCoreApplication::translate("StateText", "agent");
    case api::Role::Approver: return QCoreApplication::translate("StateText", "approver");
    case api::Role::RiskManager: return QCoreApplication::translate("StateText", "risk manager");
    case api::Role::Engine: return QCoreApplication::translate("StateText", "engine");
    case api::Role::Analyst: return QCoreApplication::translate("StateText", "analyst");
    }
    return {};
}

QString reasonText(const api::Reason& reason)
{
    const auto param = [&](const char* name) {
        const auto it = reason.params.find(name);
        return it == reason.params.end() ? QString() : QString::fromStdString(it->second);
    };
    if (reason.code == "global.default-deny")
        return QCoreApplication::translate("StateText", "no rule allows this proposal");
    if (reason.code == "global.simulation" && reason.params.count("problem") != 0)
        return QCoreApplication::translate("StateText", "the simulation failed: %1").arg(param("problem"));
    if (reason.code == "global.max-slippage" && reason.params.count("allowed_bps") != 0)
        return QCoreApplication::translate("StateText", "min_out accepts %1 bps of slippage, more than the %2 bps allowed")
            .arg(param("tolerance_bps"), param("allowed_bps"));
    if (reason.code == "global.error" && reason.params.count("message") != 0)
        return QCoreApplication::translate("StateText", "evaluation error, which denies: %1").arg(param("message"));
    return QString::fromStdString(reason.text); // a rule, or a decision recorded before reasons carried their figures
}

QString needText(const api::ApproverNeed& need)
{
    // English plurals come with the engine's text; a translation has its own numerus forms.
    static constexpr const char* kMore = QT_TRANSLATE_N_NOOP("StateText", "%n more approver(s) from '%1'");
    QStringList alternatives;
    for (const api::ApproverNeed::Group& group : need.anyOf) {
        const QString translated = QCoreApplication::translate("StateText", kMore, nullptr, group.count);
        if (translated == QString::fromLatin1(kMore).replace(QLatin1String("%n"), QString::number(group.count)))
            return QString::fromStdString(need.text); // no translation
        alternatives << translated.arg(QString::fromStdString(group.group));
    }
    return alternatives.join(QCoreApplication::translate("StateText", " or "));
}

QString counterfactualText(const api::DecisionView& decision)
{
    if (!decision.counterfactualParts)
        return QString::fromStdString(decision.counterfactual);
    const api::CounterfactualParts& parts = *decision.counterfactualParts;
    QStringList ways;
    if (!parts.approvers.empty()) {
        QStringList needs;
        for (const api::ApproverNeed& need : parts.approvers)
            needs << (need.anyOf.size() > 1 && parts.approvers.size() > 1 ? u'(' + needText(need) + u')' : needText(need));
        ways << QCoreApplication::translate("StateText", "needs %1").arg(needs.join(QCoreApplication::translate("StateText", " and ")));
    }
    if (!parts.amountAtMost.empty()) {
        const QString amount = QString::fromStdString(parts.amountAtMost);
        switch (parts.then) {
        case api::Effect::Allow: ways << QCoreApplication::translate("StateText", "amount ≤ %1 would be allowed").arg(amount); break;
        case api::Effect::RequireApproval:
            ways << QCoreApplication::translate("StateText", "amount ≤ %1 would need approval").arg(amount);
            break;
        case api::Effect::Deny: ways << QCoreApplication::translate("StateText", "amount ≤ %1 would be denied").arg(amount); break;
        }
    }
    return ways.join(QCoreApplication::translate("StateText", "; or "));
}

QString reasonsText(const std::vector<api::Reason>& reasons)
{
    QStringList texts;
    for (const api::Reason& reason : reasons)
        texts << reasonText(reason);
    return texts.join(QStringLiteral("; "));
}

} // namespace cs::ui
