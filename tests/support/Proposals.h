// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/ProposalParser.h"
#include "core/workspace/DemoSeed.h"

#include <QByteArray>
#include <QtGlobal>

namespace cs::test {

//! A proposal for `agent` doing `action` (JSON), through the real strict parser.
inline Proposal makeProposal(const QByteArray& agent, const QByteArray& action, const QByteArray& intent = "int-0001")
{
    const QByteArray json = R"({"schema":"countersign.proposal/1","agent":")" + agent + R"(","intent":")" + intent
                            + R"(","action":)" + action + R"(,"risk_level":"low","required_approvals":0,"inputs":[],)"
                            + R"("execution_plan":["simulate"],"rationale":"test","audit_summary":"test"})";
    auto parsed = model::parseProposal(json.toStdString(), workspace::demoAssets());
    if (!parsed)
        qFatal("%s", parsed.error().message.c_str());
    return *parsed;
}

} // namespace cs::test
