// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/Migrations.h"

#include "core/storage/Database.h"

#include <array>
#include <string>
#include <string_view>

namespace cs::storage {

namespace {

// Each entry takes the schema from version i to i + 1. Never edit a released step: add one.
// Amounts are exact decimal strings in asset units (core/domain/Money), never REAL.
constexpr std::array<std::string_view, 13> kSteps = {
    // 1: principals, assets and the double-entry ledger's accounts and balances.
    R"sql(
CREATE TABLE workspace_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
CREATE TABLE assets (
    code     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    decimals INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 36)
) STRICT;
CREATE TABLE principals (
    id           TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('agent', 'approver', 'risk_manager', 'engine')),
    status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'revoked')),
    description  TEXT NOT NULL DEFAULT '',
    public_key   BLOB,
    created_ms   INTEGER NOT NULL
) STRICT;
CREATE TABLE accounts (
    id          TEXT PRIMARY KEY,
    owner       TEXT REFERENCES principals(id),
    kind        TEXT NOT NULL CHECK (kind IN ('agent', 'treasury', 'counterparty', 'pool', 'venue')),
    description TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE balances (
    account TEXT NOT NULL REFERENCES accounts(id),
    asset   TEXT NOT NULL REFERENCES assets(code),
    amount  TEXT NOT NULL,
    PRIMARY KEY (account, asset)
) STRICT;
)sql",
    // 2: the market the simulator sees: venues, constant-product pools, lending, counterparties,
    // named lists and the prices used to value amounts in a reference currency.
    R"sql(
CREATE TABLE venues (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('x402', 'amm', 'lending', 'bank')),
    display_name TEXT NOT NULL
) STRICT;
CREATE TABLE pools (
    id      TEXT PRIMARY KEY,
    venue   TEXT NOT NULL REFERENCES venues(id),
    account TEXT NOT NULL UNIQUE REFERENCES accounts(id),
    asset_a TEXT NOT NULL REFERENCES assets(code),
    asset_b TEXT NOT NULL REFERENCES assets(code),
    fee_bps INTEGER NOT NULL CHECK (fee_bps BETWEEN 0 AND 10000),
    CHECK (asset_a <> asset_b)
) STRICT;
CREATE TABLE lending_markets (
    venue          TEXT NOT NULL REFERENCES venues(id),
    asset          TEXT NOT NULL REFERENCES assets(code),
    account        TEXT NOT NULL REFERENCES accounts(id),
    supply_apr_bps INTEGER NOT NULL CHECK (supply_apr_bps >= 0),
    PRIMARY KEY (venue, asset)
) STRICT;
CREATE TABLE counterparties (
    id           TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('api', 'vendor', 'employee', 'wallet')),
    account      TEXT NOT NULL UNIQUE REFERENCES accounts(id)
) STRICT;
CREATE TABLE lists (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('venues', 'counterparties', 'assets')),
    description TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE list_members (
    list   TEXT NOT NULL REFERENCES lists(id),
    member TEXT NOT NULL,
    PRIMARY KEY (list, member)
) STRICT;
CREATE TABLE prices (
    asset  TEXT NOT NULL REFERENCES assets(code),
    quote  TEXT NOT NULL REFERENCES assets(code),
    price  TEXT NOT NULL,
    source TEXT NOT NULL,
    at_ms  INTEGER NOT NULL,
    PRIMARY KEY (asset, quote, at_ms)
) STRICT;
)sql",
    // 3: the audit log (core/audit): entries with their hash chain, the Merkle tree's right
    // edge (so an append never rehashes history) and the engine-signed checkpoints. The
    // triggers state the intent; the hashes and the checkpoints outside the database are what
    // actually detect a change made by someone who drops them.
    R"sql(
CREATE TABLE audit_entries (
    seq       INTEGER PRIMARY KEY CHECK (seq >= 1),
    time_ms   INTEGER NOT NULL,
    type      TEXT NOT NULL,
    actor     TEXT NOT NULL,
    body      TEXT NOT NULL,
    sig       BLOB CHECK (sig IS NULL OR length(sig) = 64),
    prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
    leaf_hash BLOB NOT NULL CHECK (length(leaf_hash) = 32)
) STRICT;
CREATE TABLE audit_tree (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    size      INTEGER NOT NULL CHECK (size >= 0),
    frontier  BLOB NOT NULL,
    last_leaf BLOB NOT NULL CHECK (length(last_leaf) = 32)
) STRICT;
INSERT INTO audit_tree(id, size, frontier, last_leaf) VALUES (1, 0, x'', zeroblob(32));
CREATE TABLE audit_checkpoints (
    size    INTEGER PRIMARY KEY CHECK (size >= 1),
    time_ms INTEGER NOT NULL,
    root    BLOB NOT NULL CHECK (length(root) = 32),
    sig     BLOB NOT NULL CHECK (length(sig) = 64)
) STRICT;
CREATE TRIGGER audit_entries_append_only_update BEFORE UPDATE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_entries_append_only_delete BEFORE DELETE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql",
    // 4: settlement (core/settlement): one row per idempotency key, written 'pending' before
    // anything moves so that a crash leaves a trace to reconcile; the double-entry postings
    // of each settlement; lending positions.
    R"sql(
CREATE TABLE settlements (
    idempotency_key TEXT PRIMARY KEY,
    intent          TEXT NOT NULL,
    agent           TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'executed', 'failed', 'unknown')),
    reason          TEXT NOT NULL DEFAULT '',
    receipt_seq     INTEGER REFERENCES audit_entries(seq),
    created_ms      INTEGER NOT NULL,
    updated_ms      INTEGER NOT NULL
) STRICT;
CREATE TABLE ledger_postings (
    id         INTEGER PRIMARY KEY,
    settlement TEXT NOT NULL REFERENCES settlements(idempotency_key),
    account    TEXT NOT NULL REFERENCES accounts(id),
    asset      TEXT NOT NULL REFERENCES assets(code),
    amount     TEXT NOT NULL
) STRICT;
CREATE INDEX ledger_postings_by_settlement ON ledger_postings(settlement);
CREATE TABLE lending_positions (
    agent  TEXT NOT NULL REFERENCES principals(id),
    venue  TEXT NOT NULL REFERENCES venues(id),
    asset  TEXT NOT NULL REFERENCES assets(code),
    amount TEXT NOT NULL,
    PRIMARY KEY (agent, venue, asset)
) STRICT;
)sql",
    // 5: the pipeline (core/engine/Pipeline): where each intent's proposal stands, with its
    // canonical proposal and decision; the approval queue is the 'awaiting_approval' rows.
    R"sql(
CREATE TABLE proposals (
    intent          TEXT PRIMARY KEY,
    agent           TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('cannot_plan', 'rejected', 'denied', 'awaiting_approval',
                                                   'executed', 'failed', 'unknown')),
    reason          TEXT NOT NULL DEFAULT '',
    proposal        TEXT,
    proposal_sha256 TEXT,
    effect          TEXT CHECK (effect IS NULL OR effect IN ('allow', 'require_approval', 'deny')),
    decision        TEXT,
    receipt_seq     INTEGER REFERENCES audit_entries(seq),
    updated_ms      INTEGER NOT NULL
) STRICT;
CREATE INDEX proposals_by_state ON proposals(state);
)sql",
    // 6: the policy engine (core/policy): published policy versions (the newest decides), and
    // every decision with the facts it was made on, so windows and backtests need no JSON. A
    // decision's spend is what windows count: reserved when it needs approval, committed when
    // it settles, released when it is rejected, expires or fails; NULL when it was denied.
    R"sql(
CREATE TABLE policies (
    version      TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    document     TEXT NOT NULL,
    signer       TEXT NOT NULL,
    entry_seq    INTEGER NOT NULL REFERENCES audit_entries(seq),
    published_ms INTEGER NOT NULL
) STRICT;
CREATE TABLE decisions (
    intent            TEXT PRIMARY KEY,
    agent             TEXT NOT NULL,
    action            TEXT NOT NULL,
    asset             TEXT NOT NULL REFERENCES assets(code),
    amount            TEXT NOT NULL,
    to_id             TEXT,
    venue             TEXT,
    asset_out         TEXT REFERENCES assets(code),
    min_out           TEXT,
    claimed_risk      TEXT NOT NULL,
    claimed_approvals INTEGER NOT NULL,
    simulation        TEXT NOT NULL,
    simulation_reason TEXT NOT NULL DEFAULT '',
    expected_out      TEXT,
    at_ms             INTEGER NOT NULL,
    effect            TEXT NOT NULL CHECK (effect IN ('allow', 'require_approval', 'deny')),
    policy_version    TEXT NOT NULL,
    spend             TEXT CHECK (spend IS NULL OR spend IN ('reserved', 'committed', 'released')),
    updated_ms        INTEGER NOT NULL
) STRICT;
CREATE INDEX decisions_by_time ON decisions(at_ms);
-- Counts every change of a spend's state, so a cache of the windows knows to reload.
CREATE TABLE spend_epoch (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    epoch INTEGER NOT NULL
) STRICT;
INSERT INTO spend_epoch(id, epoch) VALUES (1, 0);
CREATE TRIGGER decisions_spend_moved AFTER UPDATE OF spend ON decisions
BEGIN
    UPDATE spend_epoch SET epoch = epoch + 1 WHERE id = 1;
END;
)sql",
    // 7: approvals (core/approval): one request per proposal routed to approvers, with the exact
    // subject they sign and the requirements as decided; one row per approver's signed verdict
    // on a subject (an edit makes a new subject, and verdicts on the old one no longer count).
    R"sql(
CREATE TABLE approval_requests (
    intent         TEXT PRIMARY KEY REFERENCES proposals(intent),
    agent          TEXT NOT NULL,
    subject        TEXT NOT NULL,
    subject_sha256 TEXT NOT NULL,
    requirements   TEXT NOT NULL,
    expires_ms     INTEGER NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'expired')),
    created_ms     INTEGER NOT NULL,
    updated_ms     INTEGER NOT NULL
) STRICT;
CREATE INDEX approval_requests_pending ON approval_requests(expires_ms) WHERE state = 'pending';
CREATE TABLE approvals (
    intent         TEXT NOT NULL REFERENCES approval_requests(intent),
    subject_sha256 TEXT NOT NULL,
    approver       TEXT NOT NULL,
    verdict        TEXT NOT NULL CHECK (verdict IN ('approve', 'reject')),
    reason         TEXT NOT NULL DEFAULT '',
    entry_seq      INTEGER NOT NULL REFERENCES audit_entries(seq),
    at_ms          INTEGER NOT NULL,
    PRIMARY KEY (intent, subject_sha256, approver)
) STRICT;
)sql",
    // 8: the policy engine (core/policy) records whether a decision's counterparty had never been
    // settled to (a `first_time` destination); older decisions get it from the spends settled
    // before them.
    R"sql(
ALTER TABLE decisions ADD COLUMN first_time INTEGER NOT NULL DEFAULT 0 CHECK (first_time IN (0, 1));
-- Who was paid, and when: what each decision (and this backfill) asks.
CREATE INDEX decisions_paid ON decisions(to_id, at_ms) WHERE spend = 'committed';
UPDATE decisions SET first_time = 1
    WHERE to_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM decisions AS earlier
                      WHERE earlier.to_id = decisions.to_id AND earlier.spend = 'committed'
                        AND earlier.at_ms < decisions.at_ms);
)sql",
    // 9: analysts, who read everything and sign nothing (no key): the role check widens, which
    // SQLite does by rebuilding the table (migrate() turns foreign keys off around it and checks
    // them before committing). Each principal's last activity is its newest entry as actor.
    R"sql(
CREATE TABLE principals_v9 (
    id           TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('agent', 'approver', 'risk_manager', 'analyst', 'engine')),
    status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'revoked')),
    description  TEXT NOT NULL DEFAULT '',
    public_key   BLOB,
    created_ms   INTEGER NOT NULL
) STRICT;
INSERT INTO principals_v9(id, display_name, role, status, description, public_key, created_ms)
    SELECT id, display_name, role, status, description, public_key, created_ms FROM principals;
DROP TABLE principals;
ALTER TABLE principals_v9 RENAME TO principals;
CREATE INDEX audit_entries_by_actor ON audit_entries(actor, time_ms);
)sql",
    // 10: shadow mode (core/policy/Publish): a version published as a shadow is evaluated beside
    // the active one on every live decision and never enforced, until it is promoted (the row
    // becomes active, signed again) or another version becomes active.
    R"sql(
ALTER TABLE policies ADD COLUMN mode TEXT NOT NULL DEFAULT 'active' CHECK (mode IN ('active', 'shadow'));
)sql",
    // 11: the audit timeline's filters (core/audit/Timeline) stay fast on a million entries:
    // entries by type, by time, and by the proposal their body names (a body that is not JSON —
    // only ever an altered one — names none, and is still stored and found by verify).
    R"sql(
CREATE INDEX audit_entries_by_type ON audit_entries(type, seq);
CREATE INDEX audit_entries_by_time ON audit_entries(time_ms);
CREATE INDEX audit_entries_by_intent ON audit_entries(CASE WHEN json_valid(body) THEN json_extract(body, '$.intent') END);
)sql",
    // 12: an agent's proposals (its intent.received entries and the proposal each names) read
    // from an index alone, so the timeline's agent filter never opens each intent's body.
    R"sql(
CREATE INDEX audit_entries_by_actor_intent
    ON audit_entries(actor, type, (CASE WHEN json_valid(body) THEN json_extract(body, '$.intent') END));
)sql",
    // 13: the proposal each entry names (its body's top-level "intent", when a string) in a
    // column written with the entry, so that neither an append nor a timeline read parses a body
    // for the two indexes above. It is derived, not covered by the hash: verify checks that it
    // agrees with the body (core/audit/Verifier). Filled for the entries already written, the
    // one time the append-only trigger steps aside.
    R"sql(
ALTER TABLE audit_entries ADD COLUMN intent TEXT;
DROP TRIGGER audit_entries_append_only_update;
UPDATE audit_entries SET intent = CASE WHEN json_valid(body) AND json_type(body, '$.intent') = 'text'
                                       THEN json_extract(body, '$.intent') END;
CREATE TRIGGER audit_entries_append_only_update BEFORE UPDATE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
DROP INDEX audit_entries_by_intent;
DROP INDEX audit_entries_by_actor_intent;
CREATE INDEX audit_entries_by_intent ON audit_entries(intent);
CREATE INDEX audit_entries_by_actor_intent ON audit_entries(actor, type, intent);
)sql",
};

Result<bool> hasAnyTable(Database& db)
{
    auto count = db.queryInt("SELECT count(*) FROM sqlite_schema");
    if (!count)
        return Unexpected{count.error()};
    return *count > 0;
}

std::string hex(std::int64_t value)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string text;
    auto bits = static_cast<std::uint32_t>(value);
    for (int i = 0; i < 8; ++i, bits <<= 4)
        text.push_back(kDigits[bits >> 28]);
    return "0x" + text;
}

} // namespace

int latestSchemaVersion()
{
    return static_cast<int>(kSteps.size());
}

Result<std::int64_t> schemaVersion(Database& db)
{
    return db.queryInt("PRAGMA user_version");
}

Result<std::optional<std::string>> readMeta(Database& db, std::string_view key)
{
    CS_TRY(query, db.cached("SELECT value FROM workspace_meta WHERE key = ?1"));
    std::optional<std::string> value;
    CS_TRY(row, firstRow((*query)->bind(1, key), [&](Statement& at) { value = at.textAt(0); }));
    return value;
}

Result<void> writeMeta(Database& db, std::string_view key, std::string_view value)
{
    CS_TRY(insert, db.cached("INSERT INTO workspace_meta(key, value) VALUES (?1, ?2)"));
    return (*insert)->bind(1, key).bind(2, value).run();
}

Result<void> migrate(Database& db, int targetVersion)
{
    if (targetVersion < 0 || targetVersion > latestSchemaVersion())
        return fail(ErrorCode::Internal, "no schema version " + std::to_string(targetVersion));

    auto applicationId = db.queryInt("PRAGMA application_id");
    auto version = schemaVersion(db);
    if (!applicationId)
        return Unexpected{applicationId.error()};
    if (!version)
        return Unexpected{version.error()};

    if (*applicationId != kApplicationId) {
        auto nonEmpty = hasAnyTable(db);
        if (!nonEmpty)
            return Unexpected{nonEmpty.error()};
        if (*applicationId != 0 || *version != 0 || *nonEmpty) {
            return fail(ErrorCode::NotAWorkspace, db.path() + " is an SQLite database but not a Countersign one "
                                                  "(application_id " + hex(*applicationId) + ")");
        }
    }
    if (*version > latestSchemaVersion()) {
        return fail(ErrorCode::SchemaTooNew,
                    db.path() + " has schema version " + std::to_string(*version)
                        + ", newer than this Countersign supports (" + std::to_string(latestSchemaVersion())
                        + "); open it with a newer Countersign");
    }

    if (*version >= targetVersion)
        return {};
    // A step may rebuild a table others refer to (SQLite's way to change a constraint): foreign
    // keys are off while the steps run, which only works outside a transaction, and every step
    // checks them itself before it commits.
    CS_TRY(off, db.exec("PRAGMA foreign_keys=OFF;"));
    struct KeysBackOn
    {
        Database& db;
        ~KeysBackOn() { (void)db.exec("PRAGMA foreign_keys=ON;"); }
    } keysBackOn{db};
    for (auto step = static_cast<int>(*version); step < targetVersion; ++step) {
        auto transaction = Transaction::begin(db);
        if (!transaction)
            return Unexpected{transaction.error()};
        const std::string sql = std::string(kSteps[static_cast<std::size_t>(step)])
            + "PRAGMA application_id = " + std::to_string(kApplicationId) + ";"
            + "PRAGMA user_version = " + std::to_string(step + 1) + ";";
        if (auto applied = db.exec(sql); !applied) {
            return fail(applied.error().code, "migrating to schema version " + std::to_string(step + 1) + ": "
                                                  + applied.error().message);
        }
        CS_TRY(dangling, db.queryInt("SELECT count(*) FROM pragma_foreign_key_check"));
        if (*dangling != 0)
            return fail(ErrorCode::StorageFailed, "migrating to schema version " + std::to_string(step + 1) + ": "
                                                      + std::to_string(*dangling) + " rows refer to rows that do not exist");
        if (auto committed = transaction->commit(); !committed)
            return committed;
    }
    return {};
}

} // namespace cs::storage
