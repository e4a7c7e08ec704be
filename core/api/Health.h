// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cs::api {

// The workspace's health: the seed's red flags, checked from the log (core/health).

enum class HealthStatus { Ok, Warn, Fail };
std::string_view toString(HealthStatus status);

struct HealthItem
{
    std::string check;   //!< "explained", "authorized", "private_data", "portable_reputation", "outcome_scoring", "approver_quality"
    std::string title;   //!< the red flag it answers, in English
    HealthStatus status = HealthStatus::Ok;
    std::string summary; //!< one sentence: what was found
    std::vector<std::int64_t> entries; //!< the evidence: entries that fail or warn (at most 100)
    std::vector<std::string> findings; //!< one line each (at most 100), naming the entry, intent or principal — never a secret
    std::map<std::string, std::int64_t> counts; //!< what was counted, and "failing" / "warnings": every finding, beyond 100 too
};

struct HealthReport
{
    std::int64_t entries = 0; //!< the log's entries checked
    std::vector<HealthItem> items;
    //! Fail if any item fails, else Warn if any warns, else Ok.
    HealthStatus overall() const;
};

} // namespace cs::api
