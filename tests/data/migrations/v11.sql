-- Rows a workspace at schema version 11 could hold (on top of v10.sql): v11 adds only indexes
-- on the audit log, so an entry whose body names a proposal is what the new index covers.
INSERT INTO audit_entries(seq, time_ms, type, actor, body, sig, prev_hash, leaf_hash)
    SELECT max(seq) + 1, 1700000000000, 'intent.received', 'old-agent', '{"agent":"old-agent","intent":"int-v11"}', NULL,
           zeroblob(32), zeroblob(32) FROM audit_entries;
