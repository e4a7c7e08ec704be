// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/AuditLog.h"

namespace cs::audit {

//! The signing keys a synthetic history needs: the engine, two approvers and a risk manager.
struct GeneratorKeys
{
    const identity::SigningKey* engine{};
    const identity::SigningKey* approverA{}; //!< alice
    const identity::SigningKey* approverB{}; //!< bob
    const identity::SigningKey* riskManager{}; //!< rita
};

struct GenerateSummary
{
    std::int64_t appended = 0;
    std::int64_t proposals = 0;
    std::int64_t signedEntries = 0;
    std::int64_t firstSeq = 0;
    std::int64_t lastSeq = 0;
};

/**
 * Appends at least `entries` entries of a realistic synthetic history (for tests and
 * benchmarks): a published policy, a key suspended and restored, then proposals by the four
 * demo agents, each as the pipeline records it (intent received, model exchange, parsed,
 * simulated, signed decision; for about one in five an approval request and signed approvals
 * or a signed rejection; a signed settlement receipt for those that execute; a reputation
 * update). Deterministic for a given starting size. Batches of `batch` entries per transaction.
 */
Result<GenerateSummary> generateHistory(storage::Database& db, std::int64_t entries, const GeneratorKeys& keys,
                                        const Clock& clock, const CheckpointPolicy& policy, std::int64_t batch = 4096);

} // namespace cs::audit
