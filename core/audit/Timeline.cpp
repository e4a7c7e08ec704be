// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/Timeline.h"

#include "core/domain/CanonicalJson.h"
#include "core/audit/Evidence.h"
#include "core/audit/LogReads.h"
#include "core/audit/Merkle.h"
#include "core/audit/Proofs.h"
#include "core/audit/Verifier.h"
#include "core/domain/Encoding.h"
#include "core/storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <map>
#include <cctype>

namespace cs::audit {

namespace {

//! "pay_api 25 USDC to weather-api", "swap 10 ETH at dex-alpha": an action in the log's words.
std::string actionText(const QJsonObject& action, api::AuditRow& row)
{
    row.amount = jsonText(action, "amount");
    row.asset = jsonText(action, "asset");
    std::string text = jsonText(action, "type") + " " + row.amount + " " + row.asset;
    if (action.contains(QStringLiteral("to")))
        text += " to " + jsonText(action, "to");
    else if (action.contains(QStringLiteral("venue")))
        text += " at " + jsonText(action, "venue");
    return text;
}

std::string joined(const QJsonArray& values, const char* separator)
{
    std::string text;
    for (const QJsonValue& value : values)
        text += (text.empty() ? "" : separator) + value.toString().toStdString();
    return text;
}

std::string summaryOf(const Entry& entry, const QJsonObject& body, api::AuditRow& row)
{
    const std::string& type = entry.type;
    if (type == types::kIntentReceived)
        return "intent received from " + entry.actor;
    if (type == types::kModelExchange) {
        if (body.contains(QStringLiteral("error")))
            return "model " + jsonText(body, "backend") + " failed: " + jsonText(body, "error");
        if (body.value(QStringLiteral("cannot_plan")).toBool())
            return "model " + jsonText(body, "backend") + " cannot plan: " + jsonText(body, "reason");
        return "model " + jsonText(body, "backend") + " answered " + std::to_string(body.value(QStringLiteral("response_bytes")).toInteger())
               + " bytes";
    }
    if (type == types::kProposalParsed || type == types::kProposalEdited) {
        const QJsonObject proposal = QJsonDocument::fromJson(QByteArray::fromStdString(jsonText(body, "proposal"))).object();
        const std::string text = actionText(proposal.value(QStringLiteral("action")).toObject(), row);
        return type == types::kProposalEdited ? "edited by " + jsonText(body, "by") + ": " + joined(body.value(QStringLiteral("changes")).toArray(), "; ")
                                              : "proposes " + text;
    }
    if (type == types::kProposalRejected)
        return "refused (" + jsonText(body, "cause") + "): " + jsonText(body, "reason");
    if (type == types::kSimulationCompleted)
        return body.value(QStringLiteral("ok")).toBool()
                   ? "simulated: " + std::to_string(body.value(QStringLiteral("deltas")).toArray().size()) + " balance changes"
                   : "simulation fails: " + jsonText(body, "reason");
    if (type == types::kPolicyDecided)
        return jsonText(body, "effect") + " by " + (body.value(QStringLiteral("rules")).toArray().isEmpty() ? std::string("default")
                                                                                                        : joined(body.value(QStringLiteral("rules")).toArray(), ", "))
               + (body.contains(QStringLiteral("decided_again")) ? " (decided again)" : "");
    if (type == types::kPolicyShadowDiffered)
        return "the shadow would have decided otherwise";
    if (type == types::kApprovalRequested)
        return "needs " + std::to_string(body.value(QStringLiteral("approvals_required")).toInt()) + " approval(s)";
    if (type == types::kApprovalGranted || type == types::kApprovalRejected)
        return jsonText(body, "approver") + (type == types::kApprovalGranted ? " approved" : " rejected: " + jsonText(body, "reason"));
    if (type == types::kSettlementReceipt)
        return "settled " + actionText(body.value(QStringLiteral("action")).toObject(), row);
    if (type == types::kSettlementFailed || type == types::kSettlementUnknown || type == types::kApprovalCancelled
        || type == types::kApprovalExpired)
        return jsonText(body, "reason");
    if (type == types::kPolicyPublished)
        return "published " + jsonText(body, "name") + (jsonText(body, "mode") == "shadow" ? " as a shadow" : "") + " ("
               + jsonText(body, "version").substr(0, 12) + ")";
    if (type.rfind("identity.", 0) == 0)
        return jsonText(body, "event") + " " + jsonText(body, "principal") + (body.contains(QStringLiteral("role")) ? " (" + jsonText(body, "role") + ")" : "")
               + (body.contains(QStringLiteral("to")) ? ": " + jsonText(body, "to") : "");
    if (type == types::kWorldChanged)
        return "world " + jsonText(body, "change");
    if (type == types::kLedgerOpened)
        return "opening balances (" + std::to_string(body.value(QStringLiteral("balances")).toArray().size()) + ")";
    return type;
}

std::string outcomeOf(const std::string& type, const QJsonObject& body)
{
    if (type == types::kPolicyDecided)
        return jsonText(body, "effect");
    if (type == types::kSettlementReceipt)
        return "executed";
    if (type == types::kSettlementFailed)
        return "failed";
    if (type == types::kProposalRejected)
        return "refused";
    if (type == types::kApprovalGranted)
        return "approved";
    if (type == types::kApprovalRejected)
        return "rejected";
    return {};
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

} // namespace

api::AuditRow rowOf(const Entry& entry)
{
    api::AuditRow row;
    row.seq = entry.seq;
    row.timeMs = entry.time.msSinceEpoch;
    row.type = entry.type;
    row.actor = entry.actor;
    row.signedEntry = entry.signature.has_value();
    const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(entry.body)).object();
    row.intent = jsonText(body, "intent");
    row.agent = entry.type == types::kIntentReceived ? entry.actor : jsonText(body, "agent");
    row.summary = summaryOf(entry, body, row);
    row.outcome = outcomeOf(entry.type, body);
    return row;
}

namespace {

/**
 * The seqs of an agent's entries (`agent`: the parameter naming it), in order, each once: its
 * own entries, and every entry of the proposals its intents began — its intents through the
 * index by actor, type and intent, then their entries through the index on the intent column
 * (the proposal each body names, schema 13).
 */
std::string entriesOfAgent(const std::string& agent)
{
    return "SELECT e.seq AS seq FROM audit_entries i INDEXED BY audit_entries_by_actor_intent JOIN audit_entries e ON e.intent = i.intent"
           " WHERE i.actor = " + agent + " AND i.type = 'intent.received'"
           + " UNION SELECT seq FROM audit_entries WHERE actor = " + agent;
}

//! The WHERE clause of `query` (after "WHERE 1"), its text parameters into `texts` (?1, ?2, …).
std::string whereOf(const api::AuditQuery& query, std::vector<std::string>& texts)
{
    std::string sql;
    const auto text = [&](std::string value) {
        texts.push_back(std::move(value));
        return "?" + std::to_string(texts.size());
    };
    if (!query.types.empty()) {
        sql += " AND type IN (";
        for (std::size_t i = 0; i < query.types.size(); ++i)
            sql += (i == 0 ? "" : ", ") + text(query.types[i]);
        sql += ")";
    }
    if (!query.intent.empty())
        sql += " AND intent = " + text(query.intent);
    if (!query.agent.empty())
        sql += " AND seq IN (" + entriesOfAgent(text(query.agent)) + ")";
    if (!query.outcome.empty()) {
        static const std::map<std::string, std::string> byType{
            {"executed", types::kSettlementReceipt}, {"failed", types::kSettlementFailed}, {"refused", types::kProposalRejected},
            {"approved", types::kApprovalGranted},   {"rejected", types::kApprovalRejected}};
        if (const auto found = byType.find(query.outcome); found != byType.end())
            sql += " AND type = " + text(found->second);
        else
            sql += " AND type = 'policy.decided' AND (CASE WHEN json_valid(body) THEN json_extract(body, '$.effect') END) = " + text(query.outcome);
    }
    if (query.fromMs != 0)
        sql += " AND time_ms >= " + std::to_string(query.fromMs);
    if (query.toMs != 0)
        sql += " AND time_ms < " + std::to_string(query.toMs);
    if (!query.text.empty()) {
        const std::string needle = text(lower(query.text));
        sql += " AND (instr(lower(body), " + needle + ") > 0 OR instr(type, " + needle + ") > 0 OR instr(lower(actor), " + needle
               + ") > 0)";
    }
    return sql;
}

//! `sql` prepared with `texts` bound.
Result<storage::Statement> prepared(storage::Database& db, const std::string& sql, const std::vector<std::string>& texts)
{
    CS_TRY(statement, db.prepare(sql));
    for (std::size_t i = 0; i < texts.size(); ++i)
        statement->bind(static_cast<int>(i) + 1, texts[i]);
    return statement;
}

} // namespace

Result<std::vector<std::int64_t>> matchingEntries(storage::Database& db, const api::AuditQuery& query)
{
    std::vector<std::string> texts;
    api::AuditQuery others = query;
    others.agent.clear();
    std::string sql;
    if (!query.agent.empty() && !others.any()) {
        // An agent alone is answered from the indexes, never looking up each of its entries (a
        // quarter of a million for one of four agents in a 1M-entry log).
        texts.push_back(query.agent);
        sql = entriesOfAgent("?1");
    } else {
        sql = "SELECT seq FROM audit_entries WHERE 1" + whereOf(query, texts);
    }
    sql += " ORDER BY seq";
    CS_TRY(statement, prepared(db, sql, texts));
    std::vector<std::int64_t> seqs;
    CS_TRY(read, storage::eachRow(*statement, [&](storage::Statement& row) -> Result<void> {
        seqs.push_back(row.int64At(0));
        return {};
    }));
    return seqs;
}

Result<api::AuditHistogram> histogramOf(storage::Database& db, const api::AuditQuery& query)
{
    constexpr std::int64_t kMaxBuckets = 400;
    api::AuditHistogram histogram;
    CS_TRY(first, db.queryInt("SELECT coalesce(min(time_ms), 0) FROM audit_entries"));
    CS_TRY(last, db.queryInt("SELECT coalesce(max(time_ms), 0) FROM audit_entries"));
    for (std::int64_t bucket : {60'000LL, 3'600'000LL, 86'400'000LL}) {
        histogram.bucketMs = bucket;
        if ((*last - *first) / bucket < kMaxBuckets)
            break;
    }
    std::vector<std::string> texts;
    const std::string sql = "SELECT time_ms / " + std::to_string(histogram.bucketMs)
                            + " AS bucket, type, count(*), min(seq) FROM audit_entries WHERE 1" + whereOf(query, texts)
                            + " GROUP BY bucket, type ORDER BY bucket";
    CS_TRY(statement, prepared(db, sql, texts));
    CS_TRY(read, storage::eachRow(*statement, [&](storage::Statement& row) -> Result<void> {
        const std::int64_t start = row.int64At(0) * histogram.bucketMs;
        if (histogram.buckets.empty() || histogram.buckets.back().startMs != start)
            histogram.buckets.push_back({start, row.int64At(3), {}});
        api::AuditBucket& bucket = histogram.buckets.back();
        bucket.counts[static_cast<std::size_t>(api::kindOf(row.textViewAt(1)))] += row.int64At(2);
        bucket.firstSeq = std::min(bucket.firstSeq, row.int64At(3));
        return {};
    }));
    return histogram;
}

Result<std::vector<api::AuditRow>> rowsOf(storage::Database& db, std::span<const std::int64_t> seqs)
{
    constexpr std::size_t kMaxRows = 10'000;
    if (seqs.size() > kMaxRows)
        return fail(ErrorCode::InvalidInput, "at most " + std::to_string(kMaxRows) + " rows at a time");
    CS_TRY(query, db.cached(std::string("SELECT ") + kEntryColumns + " FROM audit_entries WHERE seq = ?1"));
    // An entry whose body names only its proposal is shown with the agent whose intent began it.
    CS_TRY(agentOf, db.cached("SELECT actor FROM audit_entries WHERE intent = ?1 AND type = 'intent.received' LIMIT 1"));
    std::map<std::string, std::string> agents;
    std::vector<api::AuditRow> rows;
    rows.reserve(seqs.size());
    Entry entry;
    for (std::int64_t seq : seqs) {
        (*query)->bind(1, seq);
        std::string why;
        CS_TRY(found, storage::firstRow(**query, [&](storage::Statement& row) {
            if (readEntryRow(row, entry, why))
                rows.push_back(rowOf(entry));
        }));
        if (!*found || rows.empty() || !rows.back().agent.empty() || rows.back().intent.empty())
            continue;
        api::AuditRow& shown = rows.back();
        auto known = agents.find(shown.intent);
        if (known == agents.end()) {
            std::string agent;
            CS_TRY(read, storage::firstRow((*agentOf)->bind(1, shown.intent), [&](storage::Statement& row) { agent = row.textAt(0); }));
            known = agents.emplace(shown.intent, std::move(agent)).first;
        }
        shown.agent = known->second;
    }
    return rows;
}

Result<api::AuditEntryDetail> entryDetail(storage::Database& db, std::int64_t seq, const PublicKey& engineKey)
{
    CS_TRY(transaction, storage::Transaction::beginRead(db));
    CS_TRY(entry, readEntry(db, seq));
    api::AuditEntryDetail detail;
    detail.row = rowOf(*entry);
    detail.entryBytes = entryBytes(*entry);
    detail.body = QJsonDocument::fromJson(QByteArray::fromStdString(entry->body)).toJson(QJsonDocument::Indented).toStdString();
    detail.leafHash = toHex(entry->leaf);
    detail.prevHash = toHex(entry->prev);
    detail.leafMatches = leafHash(asBytes(detail.entryBytes)) == entry->leaf;
    if (seq == 1) {
        detail.prevMatches = entry->prev == Hash{};
    } else if (auto before = readEntry(db, seq - 1); before) {
        detail.prevMatches = before->leaf == entry->prev;
    }
    if (entry->signature) {
        detail.signer = entry->actor;
        std::optional<PublicKey> key = engineKey;
        if (entry->actor != "engine") {
            CS_TRY(registered, registeredKey(db, entry->actor, seq));
            key = *registered;
            // A self-registration is signed by the key it registers.
            if (!key && entry->type == types::kIdentityRegistered) {
                auto bytes = fromBase64(jsonText(QJsonDocument::fromJson(QByteArray::fromStdString(entry->body)).object(), "public_key"));
                if (auto own = bytes ? identity::publicKeyFromBytes(*bytes, "public_key") : Result<PublicKey>(Unexpected{bytes.error()}))
                    key = *own;
            }
        }
        detail.signature = !key ? api::SignatureState::UnknownKey
                           : identity::verifySignature(*key, entry->body, *entry->signature) ? api::SignatureState::Valid
                                                                                              : api::SignatureState::Invalid;
    }
    auto proof = proveInclusion(db, seq, engineKey);
    if (!proof) {
        detail.proofProblem = proof.error().message;
    } else {
        CS_TRY(checked, verifyInclusionProof(*proof, engineKey));
        detail.proofValid = checked->valid;
        detail.proofProblem = checked->reason;
        detail.proofCheckpoint = static_cast<std::int64_t>(checked->checkpointSize);
        const auto root = fromBase64(proof->value(QStringLiteral("checkpoint")).toObject().value(QStringLiteral("checkpoint")).toObject()
                                         .value(QStringLiteral("root")).toString().toStdString());
        detail.proofRoot = root ? toHex(*root) : std::string();
        for (const QJsonValue& hash : proof->value(QStringLiteral("path")).toArray())
            detail.proofPath.push_back(hash.toString().toStdString());
    }
    if (!detail.row.intent.empty()) {
        api::AuditQuery same;
        same.intent = detail.row.intent;
        CS_TRY(seqs, matchingEntries(db, same));
        CS_TRY(rows, rowsOf(db, std::span(*seqs).first(std::min<std::size_t>(seqs->size(), 10'000))));
        detail.related = std::move(*rows);
    }
    return detail;
}

} // namespace cs::audit
