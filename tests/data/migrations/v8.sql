-- Rows a workspace at schema version 8 could hold (on top of v7.sql): a settled decision that
-- records whether its counterparty had been paid before.
INSERT INTO decisions(intent, agent, action, asset, amount, to_id, venue, claimed_risk, claimed_approvals, simulation,
                      at_ms, effect, policy_version, spend, updated_ms, first_time)
    VALUES ('int-0002', 'old-agent', 'pay_api', 'USDC', '5', 'maps-api', 'x402', 'low', 0, 'none', 1700000100000,
            'allow', 'aa', 'committed', 1700000100000, 1);
