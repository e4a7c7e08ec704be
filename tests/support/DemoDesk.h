// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Engine.h"
#include "core/domain/Clock.h"
#include "core/workspace/Workspace.h"

#include <QtGlobal>

#include <cstddef>

namespace cs::test {

/**
 * A demo desk that has lived a little, on the real engine: its intents run, then a minute later
 * alice approves int-0013, bob edits int-0051 down to 7000 (approving that version), alice
 * rejects int-0023 and both approve int-0052 (a two-approver quorum). Returns how many intents
 * ran; a step that fails ends the test run, naming it.
 */
inline std::size_t liveDemoDesk(api::Engine& engine, ManualClock& clock)
{
    const auto ran = engine.runIntents({});
    if (!ran)
        qFatal("running the demo's intents: %s", ran.error().message.c_str());
    const std::string_view pass = workspace::kDemoPassphrase;
    clock.advance(60'000);
    const auto check = [](const auto& done, const char* what) {
        if (!done)
            qFatal("%s: %s", what, done.error().message.c_str());
    };
    check(engine.submitVerdict("int-0013", "alice", true, {}, pass, {}), "alice approves int-0013");
    check(engine.submitEdit("int-0051", "bob", "7000", {}, pass, {}), "bob edits int-0051");
    check(engine.submitVerdict("int-0023", "alice", false, "too large for today", pass, {}), "alice rejects int-0023");
    check(engine.submitVerdict("int-0052", "alice", true, {}, pass, {}), "alice approves int-0052");
    check(engine.submitVerdict("int-0052", "bob", true, {}, pass, {}), "bob approves int-0052");
    return ran->size();
}

} // namespace cs::test
