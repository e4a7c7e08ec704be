-- Rows a workspace at schema version 12 could hold (on top of v11.sql): v12 adds only an index
-- on the audit log, so an agent's intent is what the new index covers.
INSERT INTO audit_entries(seq, time_ms, type, actor, body, sig, prev_hash, leaf_hash)
    SELECT max(seq) + 1, 1700000000001, 'intent.received', 'old-agent', '{"agent":"old-agent","intent":"int-v12"}', NULL,
           zeroblob(32), zeroblob(32) FROM audit_entries;
