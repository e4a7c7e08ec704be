// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ostream>

#include <QStringList>

namespace cs::api {
class EngineFactory;
}

namespace cs::cli {

//! Exit statuses scripts rely on (ARCHITECTURE.md, "Command-line contract").
enum ExitCode : int {
    ExitOk = 0,
    ExitTampered = 1,  //!< verify / verify-proof: the log or the proof does not hold
    ExitUsage = 2,     //!< bad command line or bad input
    ExitNeedsApproval = 3, //!< evaluate: the policy routes the proposal to approvers
    ExitDenied = 4,        //!< evaluate: the policy denies the proposal
    ExitWorkspace = 5, //!< the workspace cannot be created or opened
    ExitNotAllowed = 6, //!< well-formed, but the actor may not (role, duties, expiry)
};

/**
 * countersign-cli: `arguments` includes the program name. Machine output goes to `out` as JSON,
 * errors to `err` as one line starting with "error:". Returns the exit status.
 */
int run(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err);

} // namespace cs::cli
