#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Countersign developers
# SPDX-License-Identifier: GPL-3.0-or-later
# The longer kill -9 run (RELIABILITY.md CF-1): AuditCrashTest with more trials (default 200)
# and the figure it measured. Usage: tests/crash/audit_kill_loop.sh [BUILD_DIR] [TRIALS]
set -euo pipefail
build=${1:-build}
trials=${2:-200}
CS_CRASH_TRIALS=$trials QT_QPA_PLATFORM=offscreen "$build/tests/AuditCrashTest" -maxwarnings 0 2>&1 |
    grep -E 'kill -9 trials|PASS|FAIL|Totals'
