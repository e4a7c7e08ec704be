// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/CanonicalJson.h"
#include "core/domain/Clock.h"
#include "core/identity/Crypto.h"
#include "core/identity/Registry.h"

#include <QJsonObject>

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace cs::audit {

using identity::Hash;
using identity::PublicKey;
using identity::Signature;

/**
 * What a caller asks the log to record. `body` is canonical JSON (core/domain/CanonicalJson);
 * for the types that carry authority (isSignedType) `signature` is the actor's Ed25519
 * signature over exactly those bytes, and the body names its own kind in "schema", so a
 * signature made for one kind of statement cannot pass for another.
 */
struct Draft
{
    std::string type;  //!< e.g. "settlement.receipt"; [a-z][a-z_.]*
    std::string actor; //!< a principal id
    std::string body;
    std::optional<Signature> signature;
};

//! Canonicalises `body` and, with a signer, signs it. InvalidInput names the field.
Result<Draft> makeDraft(std::string_view type, std::string_view actor, const QJsonObject& body,
                        const identity::SigningKey* signer = nullptr);
//! The same for a body written straight in canonical form (the bodies of every proposal).
Result<Draft> makeDraft(std::string_view type, std::string_view actor, const CanonicalObject& body,
                        const identity::SigningKey* signer = nullptr);
//! makeDraft with a signer, checked the same, with the signature left to signDrafts; until then
//! the draft cannot be appended. (A batch's signatures are many: signDrafts shares them out.)
Result<Draft> makeDraftToSign(std::string_view type, std::string_view actor, const QJsonObject& body);
Result<Draft> makeDraftToSign(std::string_view type, std::string_view actor, const CanonicalObject& body);
//! Signs each of `drafts` (its body, as makeDraft does) with `signer`; when there are many, half
//! of them on a second thread.
void signDrafts(std::span<Draft* const> drafts, const identity::SigningKey& signer);

/**
 * Signs drafts as makeDraft does, on a thread of its own while the caller goes on: a batch hands
 * over each proposal's drafts as soon as it has decided it, and finish() — on the caller's thread
 * too — returns once every draft handed over is signed. A draft handed over must stay where it
 * is and unread until then. The thread starts once there are enough drafts to be worth one.
 */
class DraftSigner
{
public:
    explicit DraftSigner(const identity::SigningKey& signer);
    ~DraftSigner(); //!< finishes
    DraftSigner(const DraftSigner&) = delete;
    DraftSigner& operator=(const DraftSigner&) = delete;

    void add(Draft* draft);
    void finish();

private:
    Draft* take(); //!< the next draft to sign, or nullptr
    void work();

    const identity::SigningKey& m_signer;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Draft*> m_queue;
    std::size_t m_next = 0;
    bool m_finishing = false;
    std::thread m_thread;
};

//! A statement its actor signed elsewhere (core/identity), as a draft; checked as makeDraft
//! checks its own (type, actor, the schema its type needs, a signature where one is needed).
Result<Draft> draftOf(const identity::SignedStatement& statement);

//! One committed entry, as stored.
struct Entry
{
    std::int64_t seq = 0; //!< 1-based; the Merkle leaf index is seq - 1
    Timestamp time;
    std::string type;
    std::string actor;
    std::string body;
    std::optional<Signature> signature;
    Hash prev{}; //!< leaf hash of entry seq - 1; zero for the first entry
    Hash leaf{}; //!< leafHash(entryBytes(...))
};

/**
 * The bytes an entry's leaf hash covers: the canonical JSON object
 * {"actor","body","prev","seq","sig"?,"time","type"} with prev in hex, sig in base64 (absent
 * when unsigned) and time as RFC 3339 UTC. Built without re-parsing the body.
 */
std::string entryBytes(const Entry& entry);
//! The same bytes into `out` (replacing what it held): the verifier reuses one buffer per thread.
void entryBytesInto(const Entry& entry, std::string& out);

/**
 * The proposal an entry's body names: its top-level "intent" when that is a string. Kept in
 * audit_entries.intent beside the body (the timeline's filters by proposal and by agent read it
 * from an index); not covered by the leaf hash, so verify checks the column against this.
 */
std::optional<std::string> intentNamed(std::string_view body);

//! Types whose entries must carry their actor's signature, and the "schema" their body names.
bool isSignedType(std::string_view type);
std::string_view schemaForType(std::string_view type);

//! Types are lowercase words joined by dots or underscores.
bool isValidEntryType(std::string_view type);

namespace types {
inline constexpr const char* kWorkspaceCreated = "workspace.created";
inline constexpr const char* kIdentityRegistered = "identity.registered";
inline constexpr const char* kIdentityStatusChanged = "identity.status_changed";
inline constexpr const char* kIdentityAdded = "identity.added";            //!< by a risk manager, before its registration
inline constexpr const char* kIdentityKeyRotated = "identity.key_rotated"; //!< by a risk manager or the principal
inline constexpr const char* kIntentReceived = "intent.received";
inline constexpr const char* kModelExchange = "model.exchange";
inline constexpr const char* kProposalParsed = "proposal.parsed";
inline constexpr const char* kProposalRejected = "proposal.rejected";
inline constexpr const char* kProposalEdited = "proposal.edited";
inline constexpr const char* kSimulationCompleted = "simulation.completed";
inline constexpr const char* kPolicyPublished = "policy.published";
inline constexpr const char* kPolicyDecided = "policy.decided";
//! A live decision the shadow policy would have made otherwise: both decisions, never enforced.
inline constexpr const char* kPolicyShadowDiffered = "policy.shadow_differed";
inline constexpr const char* kApprovalRequested = "approval.requested";
inline constexpr const char* kApprovalGranted = "approval.granted";
inline constexpr const char* kApprovalRejected = "approval.rejected";
inline constexpr const char* kApprovalExpired = "approval.expired";
inline constexpr const char* kApprovalCancelled = "approval.cancelled";
inline constexpr const char* kSettlementReceipt = "settlement.receipt";
inline constexpr const char* kLedgerOpened = "ledger.opened"; //!< the opening balances, engine-signed
inline constexpr const char* kWorldChanged = "world.changed"; //!< by a risk manager: what was added, the balances it opens
inline constexpr const char* kSettlementUnknown = "settlement.unknown";
inline constexpr const char* kSettlementFailed = "settlement.failed";
inline constexpr const char* kSettlementReconciled = "settlement.reconciled";
inline constexpr const char* kReputationUpdated = "reputation.updated";
} // namespace types

/**
 * A signed tree head: the engine's signature over canonical JSON
 * {"origin","root" (base64),"size","time"}. Kept in the database and as a file under
 * checkpoints/ so that a database rolled back or truncated disagrees with the files.
 */
struct Checkpoint
{
    std::string origin;
    std::uint64_t size = 0;
    Hash root{};
    Timestamp time;
    Signature signature{};
};

std::string checkpointSignedBytes(const Checkpoint& checkpoint);
//! The file form: {"checkpoint": {...}, "key": fingerprint, "signature": base64}.
QJsonObject checkpointToJson(const Checkpoint& checkpoint, const PublicKey& key);
Result<Checkpoint> checkpointFromJson(const QJsonObject& object);
bool verifyCheckpoint(const Checkpoint& checkpoint, const PublicKey& engineKey);
//! checkpoints/000000001000.json: fixed width, so names sort by size.
std::string checkpointFileName(std::uint64_t size);

} // namespace cs::audit
