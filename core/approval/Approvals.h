// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/AuditLog.h"
#include "core/policy/Evaluator.h"
#include "core/settlement/Settlement.h"

#include <QJsonArray>

#include <optional>
#include <string>
#include <vector>

namespace cs::storage {
class Database;
}

namespace cs::approval {

inline constexpr const char* kVerdictSchema = "countersign.approval/1";

//! The subject approvers sign (countersign.approval-subject/1, canonical JSON): the hashes of the
//! proposal, its simulation and the decision, the policy version and the simulated state.
std::string subjectOf(const std::string& intent, const std::string& proposalSha256, const simulation::SimulationResult& simulated,
                      const std::string& policyVersion, const std::string& decisionSha256);

//! The approvals `decision` requires, each group with its members in `policy` now; `expirySeconds`
//! gets the shortest expiry among them.
QJsonArray requirementsOf(const policy::Decision& decision, const policy::Policy& policy, std::int64_t& expirySeconds);

//! One approver's verdict on one request: approve, or reject with a reason.
struct Verdict
{
    std::string intent;
    std::string approver;
    bool approve = true;
    std::string reason;
    std::string subjectSha256; //!< the subject the approver was shown, and signs
};

/**
 * The approver's side: the approval.granted / approval.rejected draft, its body
 * (countersign.approval/1: intent, approver, verdict, reason, subject_sha256) signed with the
 * approver's key. The subject hash covers the proposal, its simulation, the policy version and
 * the decision, so the signature covers them too.
 */
Result<audit::Draft> signVerdict(const Verdict& verdict, const identity::SigningKey& key);

//! A request as the approvers see it.
struct Request
{
    std::string intent;
    std::string agent; //!< the initiator
    std::string subject;
    std::string subjectSha256;
    std::string requirements; //!< canonical JSON, as decided
    std::string state;        //!< pending, approved, rejected, expired
    Timestamp expiresAt;
    std::vector<std::string> approvedBy;
    Timestamp requestedAt; //!< when it entered the queue, on the clock its expiry counts from
};

Result<std::optional<Request>> findRequest(storage::Database& db, const std::string& intent);

//! What the request still needs ("1 more approver from 'treasury'"); empty once the quorum is reached.
//! Who must still approve the request's subject (policy::toString says it in English).
std::vector<policy::ApproverNeed> stillNeeded(const Request& request);

//! Where a request stands after a verdict.
struct Submitted
{
    std::string state;        //!< pending, executed, failed, rejected
    std::string message;      //!< "needs 1 more approver from 'treasury'", "executed", …
    std::int64_t receiptSeq = 0;
};

/**
 * The engine's side, in one transaction: checks the signed verdict and records it, then, when
 * the quorum is reached, settles the proposal through `adapter` on the world as it is now
 * (simulated again; a simulation that no longer succeeds fails it), or on a rejection releases
 * its spend.
 * Refused, with nothing written:
 * - InvalidInput: not a verdict, a rejection without a reason, a signature that does not verify
 *   under the approver's registered key (forged, or signed with another key), a subject hash
 *   that is not this request's (signed for something else);
 * - NotAllowed: the request is no longer pending, the approver already counted (a replay), is
 *   in none of the required groups, is inactive, or is the initiator where the rule forbids it;
 *   an expired request is marked expired (audited, its spend released) and refused;
 * - NotFound: no request for that intent.
 */
Result<Submitted> submitVerdict(storage::Database& db, const audit::Draft& verdict, Timestamp now,
                                const audit::CheckpointPolicy& checkpoints, settlement::SettlementAdapter& adapter);

//! What an approver may change before approving: a smaller amount, or a higher min_out for a
//! swap (decimal strings). Nothing else.
struct Edit
{
    std::optional<std::string> amount;
    std::optional<std::string> minOut;
};

/**
 * Edit-then-approve, in one transaction: the approver's tightened version of the proposal is
 * simulated on the world as it is and decided by the policy that decides now; the change is
 * recorded (proposal.edited, with the diff); the approver's approval is signed with
 * `approverKey` over the new version's subject, so the signature covers exactly what may
 * execute; verdicts on the old version no longer count. A deny ends it (the spend released);
 * an allow settles it at once; an approval again waits for the rest of its quorum.
 * InvalidInput for an edit that loosens or changes anything else; otherwise the refusals of
 * submitVerdict.
 */
Result<Submitted> submitEdit(storage::Database& db, const std::string& intent, const Edit& edit,
                             const std::string& approver, const identity::SigningKey& approverKey, Timestamp now,
                             const audit::CheckpointPolicy& checkpoints, settlement::SettlementAdapter& adapter);

/**
 * The kill switch, inside the caller's transaction: every pending request of `agent` ends
 * (approval.cancelled naming `why`; the request rejected, its spend released, the proposal
 * rejected), so nothing it asked for can still be approved.
 */
struct Cancelled
{
    int requests = 0;
    std::vector<audit::Checkpoint> checkpoints; //!< signed on the way: write their files after COMMIT
};
Result<Cancelled> cancelPendingOf(storage::Database& db, const std::string& agent, const std::string& why,
                                                       Timestamp now, const audit::CheckpointPolicy& checkpoints);

//! Expires every pending request whose time is up: audited, spend released. Returns how many.
Result<int> expireDue(storage::Database& db, Timestamp now, const audit::CheckpointPolicy& checkpoints);

} // namespace cs::approval
