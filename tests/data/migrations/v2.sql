-- Rows a workspace at schema version 2 could hold (on top of v1.sql).
INSERT INTO venues(id, kind, display_name) VALUES ('old-dex', 'amm', 'Old DEX');
INSERT INTO accounts(id, kind) VALUES ('pool:old-dex:usdc-eth', 'pool');
INSERT INTO pools(id, venue, account, asset_a, asset_b, fee_bps)
    VALUES ('old-dex:usdc-eth', 'old-dex', 'pool:old-dex:usdc-eth', 'USDC', 'ETH', 30);
INSERT INTO lists(id, kind) VALUES ('old-list', 'venues');
INSERT INTO list_members(list, member) VALUES ('old-list', 'old-dex');
