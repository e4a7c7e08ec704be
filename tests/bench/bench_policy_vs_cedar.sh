#!/bin/sh
# SPDX-FileCopyrightText: 2026 Countersign developers
# SPDX-License-Identifier: GPL-3.0-or-later
# bench_policy side by side with Cedar: runs bench_policy (which also writes its rule sets in
# Cedar and the requests it decided), installs @cedar-policy/cedar-wasm into a temporary
# directory, decides the same requests under the same rules with it, and prints one JSON line
# per ratio. Skipped, with a message, when node or npm is missing or the install fails.
# Usage: tests/bench/bench_policy_vs_cedar.sh BUILD_DIR [bench_policy options]
set -eu
build=${1:?usage: bench_policy_vs_cedar.sh BUILD_DIR}
shift
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

"$build/tests/bench_policy" --emit-cedar "$work" "$@" | tee "$work/ours.jsonl"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo '{"bench":"policy","metric":"cedar_skipped","reason":"node or npm is not installed"}'
    exit 0
fi
if ! (cd "$work" && npm init -y >/dev/null 2>&1 &&
      npm install --no-audit --no-fund --silent @cedar-policy/cedar-wasm >/dev/null 2>&1); then
    echo '{"bench":"policy","metric":"cedar_skipped","reason":"npm could not install @cedar-policy/cedar-wasm"}'
    exit 0
fi
node "$here/cedar_bench.mjs" "$work" | tee "$work/cedar.jsonl"

# Ratios: our full decisions per second over Cedar's, same rule count, same run.
node -e '
const fs = require("fs");
const lines = (f) => fs.readFileSync(f, "utf8").trim().split("\n").map((l) => JSON.parse(l));
const ours = lines(process.argv[1]).filter((r) => r.metric === "decisions_per_second");
const cedar = lines(process.argv[2]);
for (const o of ours)
    for (const c of cedar.filter((r) => r.rules === o.rules))
        console.log(JSON.stringify({ bench: "policy", metric: `ratio_vs_cedar_${c.mode}`, rules: o.rules,
                                     unit: "x", value: o.value / c.value, ours: o.value, cedar: c.value,
                                     goal: o.rules === 1000 && c.mode === "text" ? 2000 : undefined }));
' "$work/ours.jsonl" "$work/cedar.jsonl"
