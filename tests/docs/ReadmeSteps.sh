#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Countersign developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the README's "Start your own workspace" commands exactly as written, in a scratch home
# with `build` pointing at this build: from nothing to a first approved proposal, then verify.
# Usage: ReadmeSteps.sh README.md BUILD_DIR
set -euo pipefail
readme=$1
build=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
awk '/^## Start your own workspace/{f=1} /^## Layout/{f=0} f&&/^```sh/{c=1;next} f&&/^```/{c=0;next} c{print}' "$readme" > "$scratch/steps.sh"
grep -q "principal add" "$scratch/steps.sh" || { echo "the README has no own-workspace steps" >&2; exit 1; }
ln -s "$build" "$scratch/build"
cd "$scratch"
export HOME="$scratch"
build/app/countersign-cli init ~/ws --demo > /dev/null # the demo the steps start a world from
set -x
# shellcheck disable=SC1091
source steps.sh
set +x
# The first approved proposal settled, and the log with every balance holds.
build/app/countersign-cli receipts ~/desk | grep -q '"op-2"'
build/app/countersign-cli verify ~/desk --full | grep -q '"intact": true'
echo "README steps: all ran"
