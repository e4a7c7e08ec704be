-- Rows a workspace at schema version 1 could hold; MigrationsTest checks they survive every upgrade.
INSERT INTO workspace_meta(key, value) VALUES ('fixture', 'v1');
INSERT INTO assets(code, name, decimals) VALUES ('USDC', 'USD Coin', 6), ('ETH', 'Ether', 18);
INSERT INTO principals(id, display_name, role, created_ms) VALUES
    ('old-agent', 'Old agent', 'agent', 1700000000000),
    ('old-approver', 'Old approver', 'approver', 1700000000000);
INSERT INTO accounts(id, owner, kind) VALUES ('old-agent:main', 'old-agent', 'agent');
INSERT INTO balances(account, asset, amount) VALUES
    ('old-agent:main', 'USDC', '1234.5'),
    ('old-agent:main', 'ETH', '170141183460469231731.687303715884105727');
