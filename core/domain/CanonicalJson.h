// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Result.h"

#include <QJsonObject>
#include <QJsonValue>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

class CanonicalArray;

/**
 * A JSON object written straight into its canonical text: the same bytes canonicalJson gives
 * for the equal QJsonObject, without building one. For the bodies written for every proposal.
 * Members are added in any order and sorted once, by json(); a key added again replaces its
 * member, as in a QJsonObject. Strings are UTF-8 (anything else is read as QString reads it);
 * an integer outside ±(2^53 − 1) is an error().
 */
class CanonicalObject
{
public:
    CanonicalObject& text(std::string_view key, std::string_view value);
    CanonicalObject& integer(std::string_view key, std::int64_t value);
    CanonicalObject& boolean(std::string_view key, bool value);
    CanonicalObject& object(std::string_view key, const CanonicalObject& value);
    CanonicalObject& array(std::string_view key, const CanonicalArray& value);

    //! The member's value as canonical JSON, or nullptr.
    const std::string* member(std::string_view key) const;
    //! Why it is not valid JSON of the canonical form, or empty.
    const std::string& error() const { return m_error; }
    std::string json() const;

private:
    CanonicalObject& add(std::string_view key, std::string value);
    //! A member that is itself an object or array: its error, if any, becomes this one's.
    CanonicalObject& nested(std::string_view key, const std::string& error, std::string json);
    struct Member
    {
        std::string key;
        std::string json;
    };
    std::vector<Member> m_members;
    std::string m_error;
};

//! A JSON array written straight into its canonical text, item by item.
class CanonicalArray
{
public:
    CanonicalArray& text(std::string_view value);
    CanonicalArray& integer(std::int64_t value);
    CanonicalArray& object(const CanonicalObject& value);
    CanonicalArray& array(const CanonicalArray& value);
    template<typename Strings>
    static CanonicalArray ofTexts(const Strings& items)
    {
        CanonicalArray array;
        for (const auto& item : items)
            array.text(item);
        return array;
    }

    const std::string& error() const { return m_error; }
    std::string json() const { return "[" + m_items + "]"; }

private:
    void next();
    CanonicalArray& nested(const std::string& error, const std::string& json);
    std::string m_items;
    std::string m_error;
};

//! Member `key` of a recorded body read without trust: its string, or empty when it is absent
//! or not a string (what the readers of the log's bodies compare and show).
std::string jsonText(const QJsonObject& object, const char* key);

/**
 * Member `key` of the JSON object `json` when it is a string, read without parsing the rest:
 * the other members' values are only skipped. Nothing when `json` is not an object, lacks the
 * member, holds something else there, or ends before it (a key that appears twice: its first
 * value). Bounded by `json`'s length and read without trust; for JSON that is not well formed
 * the answer means nothing beyond "the same bytes give the same answer".
 */
std::optional<std::string> topLevelString(std::string_view json, std::string_view key);

} // namespace cs
