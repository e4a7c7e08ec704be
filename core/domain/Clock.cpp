// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/Clock.h"

#include <chrono>
#include <cstdio>

namespace cs {

std::string toIso8601(Timestamp at)
{
    // Civil date from the proleptic Gregorian calendar; called for every audit entry the
    // verifier hashes, so it avoids QDateTime's formatting machinery.
    using namespace std::chrono;
    const sys_time<milliseconds> time{milliseconds{at.msSinceEpoch}};
    const sys_days day = floor<days>(time);
    const year_month_day date{day};
    const hh_mm_ss clock{time - day};
    // Fixed-width digits written directly (snprintf's parsing showed in the verifier's profile).
    std::string text = "0000-00-00T00:00:00.000Z";
    const auto put = [&text](std::size_t offset, int width, long long value) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            text[offset + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    };
    const int yearValue = static_cast<int>(date.year());
    if (yearValue < 0 || yearValue > 9999) {
        char wide[48];
        std::snprintf(wide, sizeof wide, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", yearValue,
                      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                      static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                      static_cast<int>(clock.seconds().count()), static_cast<int>(clock.subseconds().count()));
        return wide;
    }
    put(0, 4, yearValue);
    put(5, 2, static_cast<unsigned>(date.month()));
    put(8, 2, static_cast<unsigned>(date.day()));
    put(11, 2, clock.hours().count());
    put(14, 2, clock.minutes().count());
    put(17, 2, clock.seconds().count());
    put(20, 3, clock.subseconds().count());
    return text;
}

Timestamp SystemClock::now() const
{
    const auto sinceEpoch = std::chrono::system_clock::now().time_since_epoch();
    return Timestamp{std::chrono::duration_cast<std::chrono::milliseconds>(sinceEpoch).count()};
}

} // namespace cs
