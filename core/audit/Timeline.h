// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Reports.h"
#include "core/audit/Entry.h"

#include <span>
#include <vector>

namespace cs::storage {
class Database;
}

//! What the audit timeline reads: entries as rows, which entries a filter keeps, one entry's
//! detail. Read only; bodies are read without trust (a field that is not there is empty).
namespace cs::audit {

//! The row of one entry: its agent, proposal, summary, amount and outcome as its body says.
api::AuditRow rowOf(const Entry& entry);

/**
 * The seqs of the entries `query` keeps, in log order (every one of them: at most the log's
 * size, 8 bytes each). Types, outcomes and time ranges use the entries' indexes, a proposal the
 * index on the intent column (the proposal the body names, schema 13), an agent that and the one
 * by actor, type and intent — an agent alone from the indexes only; text is a scan.
 */
Result<std::vector<std::int64_t>> matchingEntries(storage::Database& db, const api::AuditQuery& query);

//! Entries `query` keeps, counted by kind per minute, hour or day (whichever gives at most 400
//! buckets over the log's time span), in one pass over the time index.
Result<api::AuditHistogram> histogramOf(storage::Database& db, const api::AuditQuery& query);

//! The rows of `seqs` (at most 10,000), in that order; a seq not in the log is left out.
Result<std::vector<api::AuditRow>> rowsOf(storage::Database& db, std::span<const std::int64_t> seqs);

/**
 * Entry `seq` in full: its bytes and body, its hashes checked (the leaf against the bytes, prev
 * against the entry before), its signature against the engine's key or the signer's key as the
 * log registered it before, its inclusion proof against the newest signed checkpoint, and every
 * entry of the same proposal. NotFound when there is no such entry.
 */
Result<api::AuditEntryDetail> entryDetail(storage::Database& db, std::int64_t seq, const PublicKey& engineKey);

} // namespace cs::audit
