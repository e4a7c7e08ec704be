-- Rows a workspace at schema version 4 could hold (on top of v3.sql): a settlement left
-- pending by a crash, with no postings.
INSERT INTO settlements(idempotency_key, intent, agent, state, created_ms, updated_ms)
    VALUES ('00ff', 'int-0001', 'old-agent', 'pending', 1700000000000, 1700000000000);
