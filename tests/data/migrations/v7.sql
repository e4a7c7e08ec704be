-- Rows a workspace at schema version 7 could hold (on top of v6.sql): the approval request of
-- the v5 fixture's intent and one approver's verdict (its entry is the v3 fixture's first).
INSERT INTO approval_requests(intent, agent, subject, subject_sha256, requirements, expires_ms, state, created_ms, updated_ms)
    VALUES ('int-0001', 'old-agent', '{"schema":"countersign.approval-subject/1"}', 'bb', '[]', 1700086400000, 'pending',
            1700000000000, 1700000000000);
INSERT INTO approvals(intent, subject_sha256, approver, verdict, reason, entry_seq, at_ms)
    SELECT 'int-0001', 'bb', 'old-approver', 'approve', '', min(seq), 1700000100000 FROM audit_entries;
