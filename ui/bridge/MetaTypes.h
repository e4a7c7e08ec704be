// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Health.h"
#include "core/api/Reports.h"
#include "core/api/Reputation.h"
#include "core/api/Snapshots.h"

#include <vector>

#include <QMetaType>

// Engine value types that cross queued signals, declared once.
Q_DECLARE_METATYPE(cs::api::WorkspaceSummary)
Q_DECLARE_METATYPE(cs::api::EngineStatus)
Q_DECLARE_METATYPE(std::vector<cs::api::AgentSummary>)
Q_DECLARE_METATYPE(std::vector<cs::api::PrincipalView>)
Q_DECLARE_METATYPE(cs::api::WorldView)
Q_DECLARE_METATYPE(cs::api::Grants)
Q_DECLARE_METATYPE(cs::api::IntentResult)
Q_DECLARE_METATYPE(cs::api::ApprovalQueue)
Q_DECLARE_METATYPE(cs::api::ApprovalOutcome)
Q_DECLARE_METATYPE(cs::api::Change)
Q_DECLARE_METATYPE(cs::api::PolicyVersion)
Q_DECLARE_METATYPE(cs::api::PolicyCheck)
Q_DECLARE_METATYPE(std::vector<cs::api::CapUse>)
Q_DECLARE_METATYPE(cs::api::BacktestSummary)
Q_DECLARE_METATYPE(cs::api::ShadowReport)
Q_DECLARE_METATYPE(cs::api::QueueItem)
Q_DECLARE_METATYPE(cs::api::AuditQuery)
Q_DECLARE_METATYPE(cs::api::AuditHistogram)
Q_DECLARE_METATYPE(std::vector<std::int64_t>)
Q_DECLARE_METATYPE(std::vector<cs::api::AuditRow>)
Q_DECLARE_METATYPE(cs::api::AuditEntryDetail)
Q_DECLARE_METATYPE(cs::api::ProposalReplay)
Q_DECLARE_METATYPE(cs::api::VerifySummary)
Q_DECLARE_METATYPE(cs::api::ReputationReport)
Q_DECLARE_METATYPE(cs::api::HealthReport)
