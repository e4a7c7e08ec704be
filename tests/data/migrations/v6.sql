-- Rows a workspace at schema version 6 could hold (on top of v5.sql): a published policy
-- (its entry is the v3 fixture's first entry) and the decision that reserved a spend.
INSERT INTO policies(version, name, document, signer, entry_seq, published_ms)
    SELECT 'aa', 'Old policy', '{"schema":"countersign.policy/1"}', 'old-agent', min(seq), 1700000000000 FROM audit_entries;
INSERT INTO decisions(intent, agent, action, asset, amount, to_id, venue, claimed_risk, claimed_approvals, simulation,
                      at_ms, effect, policy_version, spend, updated_ms)
    VALUES ('int-0001', 'old-agent', 'pay_api', 'USDC', '25', 'weather-api', 'x402', 'low', 0, 'none', 1700000000000,
            'require_approval', 'aa', 'reserved', 1700000000000);
