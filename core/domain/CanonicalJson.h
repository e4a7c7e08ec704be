// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Result.h"

#include <QJsonObject>
#include <QJsonValue>

#include <string>

namespace cs {

/**
 * The one canonical JSON form Countersign hashes and signs (audit entries, receipts,
 * checkpoints, key file headers), in the spirit of RFC 8785:
 * - object members sorted by key, compared as UTF-16 code units; no whitespace anywhere;
 * - strings as UTF-8; only `"` `\` and U+0000–U+001F are escaped (\b \t \n \f \r, else
 *   \u00xx in lowercase hex); a lone surrogate is an error;
 * - numbers only as integers within ±(2^53 − 1), written in decimal; fractions, NaN and
 *   larger magnitudes are errors (amounts are decimal strings, never JSON numbers).
 * Errors name the JSON path ("$.body.amount") and the reason.
 */
Result<std::string> canonicalJson(const QJsonValue& value);

//! Member `key` of a recorded body read without trust: its string, or empty when it is absent
//! or not a string (what the readers of the log's bodies compare and show).
std::string jsonText(const QJsonObject& object, const char* key);

} // namespace cs
