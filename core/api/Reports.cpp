// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/api/Reports.h"

namespace cs::api {

const VerifyProblem* VerifySummary::first() const
{
    return problems.empty() ? nullptr : &problems.front();
}

} // namespace cs::api
