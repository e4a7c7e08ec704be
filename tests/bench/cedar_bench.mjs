// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The Cedar side of bench_policy_vs_cedar.sh: the rule sets bench_policy wrote in Cedar
// (DIR/policies_N.cedar) decided over the same requests (DIR/requests_N.json) by
// @cedar-policy/cedar-wasm, installed in DIR/node_modules. One JSON line per figure:
// isAuthorized (the policy text parsed on every call) and statefulIsAuthorized (parsed once).
// Usage: node cedar_bench.mjs DIR [SECONDS]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const budget = Number(process.argv[3] ?? 2);
const cedar = createRequire(join(dir, 'package.json'))('@cedar-policy/cedar-wasm/nodejs');

function run(rules, mode, policies, requests) {
    if (mode === 'stateful') {
        const parsed = cedar.preparsePolicySet(`bench-${rules}`, { staticPolicies: policies });
        if (parsed.type !== 'success')
            throw new Error(JSON.stringify(parsed.errors));
    }
    const decide = (request) => mode === 'stateful'
        ? cedar.statefulIsAuthorized({ ...request, preparsedPolicySetId: `bench-${rules}`, entities: [] })
        : cedar.isAuthorized({ ...request, policies: { staticPolicies: policies }, entities: [] });
    const first = decide(requests[0]);
    if (first.type !== 'success')
        throw new Error(JSON.stringify(first.errors));
    let decisions = 0;
    let allowed = 0;
    const started = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < budget) {
        for (let i = 0; i < 200; ++i) {
            const answer = decide(requests[decisions % requests.length]);
            if (answer.type === 'success' && answer.response.decision === 'allow')
                ++allowed;
            ++decisions;
        }
        elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    }
    console.log(JSON.stringify({ bench: 'policy', metric: `cedar_${mode}_decisions_per_second`, rules, mode,
                                 decisions, allowed, unit: 'decisions/s', value: decisions / elapsed,
                                 cedar: cedar.getCedarVersion() }));
}

for (const rules of [10, 100, 1000]) {
    const policies = readFileSync(join(dir, `policies_${rules}.cedar`), 'utf8');
    const requests = JSON.parse(readFileSync(join(dir, `requests_${rules}.json`), 'utf8'));
    run(rules, 'text', policies, requests);
    run(rules, 'stateful', policies, requests);
}
