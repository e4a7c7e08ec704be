// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Reports.h"
#include "core/domain/Result.h"

#include <stop_token>
#include <string>

namespace cs::storage {
class Database;
}

namespace cs::replay {

struct Options
{
    std::string intent;           //!< replay (and report) this proposal's path; empty: every one
    std::size_t maxDivergent = 100; //!< divergent proposals reported in full without `intent`
};

/**
 * Every proposal's path recomputed from what the log recorded, read in log order and nothing
 * else: never the mutable tables, never a model, never a key, never a write. The world starts
 * from ledger.opened (its world and balances) and moves by world.changed entries and by the
 * receipts' postings (settlement::LogLedger); policies come from policy.published, roles and
 * keys from identity entries. For each intent: the recorded model output is parsed again (or
 * its refusal reproduced), an edit checked against the version before, each simulation
 * recomputed on the world as the log has it at that entry (its state hash included), each
 * decision made again by the one decide step (policy::Decider) under the recorded version with
 * spend windows rebuilt from the log's own decisions, verdicts and settlements, each request's
 * subject and each verdict's signature checked, and each receipt held against the recomputed
 * simulation, decision and quorum. A step's recorded and recomputed bodies are compared as
 * canonical JSON; the first field that differs names the divergence.
 *
 * Read the log in one read transaction; `progress` every few thousand entries; a stop
 * requested on `stop` ends it with Cancelled. NotFound when `options.intent` is not in the log.
 */
Result<api::ReplaySummary> replayLog(storage::Database& db, const Options& options, const api::ProgressFn& progress = {},
                                     std::stop_token stop = {});

} // namespace cs::replay
