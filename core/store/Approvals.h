// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cs::storage {
class Database;
}

namespace cs::store {

//! One proposal routed to approvers (`approval_requests`).
struct RequestRow
{
    std::string intent;
    std::string agent; //!< the initiator
    std::string subject;
    std::string subjectSha256;
    std::string requirements; //!< canonical JSON, as decided
    Timestamp expires;
    std::string state; //!< pending, approved, rejected, expired
    Timestamp created;
    Timestamp updated;
};

//! A new request, pending from `row.created`.
Result<void> insertRequest(storage::Database& db, const RequestRow& row);
Result<std::optional<RequestRow>> findRequest(storage::Database& db, std::string_view intent);
Result<void> setRequestState(storage::Database& db, std::string_view intent, std::string_view state, Timestamp now);
//! A new subject for approvers (an edit): subject, hash and requirements.
Result<void> setRequestSubject(storage::Database& db, const RequestRow& row);
//! The pending requests of `agent`, ordered by intent.
Result<std::vector<RequestRow>> pendingRequestsOf(storage::Database& db, std::string_view agent);
//! The intents of pending requests that expire at or before `now`.
Result<std::vector<std::string>> dueRequests(storage::Database& db, Timestamp now);
//! How many requests are in each state.
Result<std::map<std::string, int>> requestCounts(storage::Database& db);

//! One approver's signed verdict on one subject (`approvals`).
struct VerdictRow
{
    std::string intent;
    std::string subjectSha256;
    std::string approver;
    std::string verdict; //!< approve, reject
    std::string reason;
    std::int64_t entrySeq = 0;
    Timestamp at;
};

Result<void> insertVerdict(storage::Database& db, const VerdictRow& row);
//! Whether `approver` gave a verdict on this subject.
Result<bool> hasVerdict(storage::Database& db, std::string_view intent, std::string_view subjectSha256,
                        std::string_view approver);
//! Who approved this subject, in order.
Result<std::vector<std::string>> approversOf(storage::Database& db, std::string_view intent, std::string_view subjectSha256);
Result<std::int64_t> verdictCount(storage::Database& db);

} // namespace cs::store
