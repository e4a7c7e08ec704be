-- Rows a workspace at schema version 9 could hold (on top of v8.sql): an analyst, who has no key.
INSERT INTO principals(id, display_name, role, status, description, public_key, created_ms)
    VALUES ('old-analyst', 'Old analyst', 'analyst', 'active', '', NULL, 1700000000000);
