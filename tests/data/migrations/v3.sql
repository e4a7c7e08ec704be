-- Rows a workspace at schema version 3 could hold (on top of v2.sql): one unsigned audit entry
-- and the tree state after it.
INSERT INTO audit_entries(seq, time_ms, type, actor, body, sig, prev_hash, leaf_hash)
    VALUES (1, 1700000000000, 'workspace.created', 'engine', '{}', NULL, zeroblob(32), zeroblob(32));
UPDATE audit_tree SET size = 1, frontier = zeroblob(32) WHERE id = 1;
