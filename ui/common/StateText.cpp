// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/StateText.h"

#include <QCoreApplication>

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

QString stateText(api::Role role)
{
    switch (role) {
    case api::Role::Agent: return QCoreApplication::translate("StateText", "agent");
    case api::Role::Approver: return QCoreApplication::translate("StateText", "approver");
    case api::Role::RiskManager: return QCoreApplication::translate("StateText", "risk manager");
    case api::Role::Engine: return QCoreApplication::translate("StateText", "engine");
    }
    return {};
}

} // namespace cs::ui
