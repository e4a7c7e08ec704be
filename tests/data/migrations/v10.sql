-- Rows a workspace at schema version 10 could hold (on top of v9.sql): a shadow version beside
-- the active one (its entry is the v3 fixture's last entry).
INSERT INTO policies(version, name, document, signer, entry_seq, published_ms, mode)
    SELECT 'bb', 'Shadow policy', '{"schema":"countersign.policy/1"}', 'old-agent', max(seq), 1700000000000, 'shadow' FROM audit_entries;
