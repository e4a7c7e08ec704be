// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <compare>
#include <cstdint>
#include <string>

namespace cs {

//! UTC time in milliseconds since the Unix epoch. Converted to QDateTime only in ui/.
struct Timestamp
{
    std::int64_t msSinceEpoch = 0;
    auto operator<=>(const Timestamp&) const = default;
};

//! RFC 3339 UTC text with milliseconds, e.g. "2026-11-24T09:30:00.000Z".
std::string toIso8601(Timestamp at);

//! The only source of "now" in core; injected so tests and replay are deterministic.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual Timestamp now() const = 0;
};

//! Wall clock time.
class SystemClock final : public Clock
{
public:
    Timestamp now() const override;
};

//! A clock that moves only when told to; for tests, demo seeding and replay. Thread-safe.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(Timestamp start) : m_ms(start.msSinceEpoch) {}
    Timestamp now() const override { return Timestamp{m_ms.load()}; }
    void advance(std::int64_t ms) { m_ms += ms; }
    void set(Timestamp at) { m_ms = at.msSinceEpoch; }

private:
    std::atomic<std::int64_t> m_ms;
};

} // namespace cs
