-- Rows a workspace at schema version 5 could hold (on top of v4.sql): an intent that could
-- not be planned.
INSERT INTO proposals(intent, agent, state, reason, updated_ms)
    VALUES ('int-0001', 'old-agent', 'cannot_plan', 'no amount', 1700000000000);
