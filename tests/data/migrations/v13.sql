-- Rows a workspace at schema version 13 could hold (on top of v12.sql): v13 keeps the proposal
-- each entry's body names in audit_entries.intent.
INSERT INTO audit_entries(seq, time_ms, type, actor, body, sig, prev_hash, leaf_hash, intent)
    SELECT max(seq) + 1, 1700000000002, 'intent.received', 'old-agent', '{"agent":"old-agent","intent":"int-v13"}', NULL,
           zeroblob(32), zeroblob(32), 'int-v13' FROM audit_entries;
