// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Proposal.h"

#include "core/domain/Result.h"

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

/**
 * A JSON value as the strict reader found it: members in document order (duplicates are
 * refused while reading), numbers as their exact source text, strings decoded to UTF-8.
 */
struct JsonValue
{
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    bool boolean = false;
    std::string text; //!< String: decoded UTF-8; Number: the literal as written
    std::vector<JsonValue> items;       //!< Array
    std::vector<std::string> keys;      //!< Object: member names, in document order
    std::vector<JsonValue> values;      //!< Object: values[i] belongs to keys[i]

    const JsonValue* find(std::string_view key) const;
};

//! What a document may hold; past any of these it is refused while reading, the limit named.
struct JsonLimits
{
    std::size_t maxDocument = 64 * 1024; //!< bytes
    std::size_t maxString = 4 * 1024;    //!< bytes of a decoded string (keys included)
    std::size_t maxItems = 64;           //!< per array and per object
    int maxDepth = 8;                    //!< nested arrays and objects, the outermost counting 1
    //! Characters of one number literal. RFC 8259 sets none; 64 holds every amount of 36
    //! decimals in the 128-bit range with room to spare, while a literal such as JSONTestSuite's
    //! y_number_double_close_to_zero (a valid 81-character number) is refused, by this limit.
    std::size_t maxNumber = 64;
};

/**
 * RFC 8259 JSON read without trust: exactly one value (whitespace around it only, no BOM, no
 * comments, no trailing data), valid UTF-8 only (no overlong forms, no encoded surrogates),
 * escapes checked (a lone surrogate is refused), duplicate keys refused at every level, and
 * the limits enforced while reading, so a hostile document costs bounded time and memory.
 * An error names the JSON path ("$.action.params") and the reason.
 */
Result<JsonValue> parseStrictJson(std::string_view bytes, const JsonLimits& limits = {});

//! The path of member `key` of `path` as errors show it (non-printable keys escaped).
std::string jsonMemberPath(const std::string& path, const std::string& key);

//! Walks valid UTF-8 (as parseStrictJson leaves it) one code point at a time.
std::vector<char32_t> codePoints(std::string_view utf8);

// Field readers shared by the strict contracts (proposals, policies): each error is
// InvalidInput "<JSON path>: <reason>".

Unexpected invalid(const std::string& path, const std::string& reason);
//! `path.key` for a key the contract itself names.
std::string member(const std::string& path, const char* key);
//! Exactly the keys allowed: unknown keys first, then the first missing required one.
Result<void> exactKeys(const JsonValue& object, const std::string& path, std::initializer_list<const char*> required,
                       std::initializer_list<const char*> optional = {});
Result<std::string> stringAt(const JsonValue& value, const std::string& path);
//! An ASCII identifier [a-z0-9][a-z0-9._:-]{0,63}: no look-alike, control or bidi characters.
Result<std::string> identifierAt(const JsonValue& value, const std::string& path);
//! Any Unicode but control characters (C0, DEL, C1) and bidirectional formatting ones.
Result<std::string> freeTextAt(const JsonValue& value, const std::string& path, bool mayBeEmpty = false);


//! A positive decimal-string amount within `asset`'s decimals (never a JSON number).
Result<Money> amountAt(const JsonValue& value, const std::string& path, const Asset& asset);
//! An asset code [A-Z][A-Z0-9]{1,11} that `assets` knows.
Result<const Asset*> assetAt(const JsonValue& value, const std::string& path, const AssetCatalog& assets);

} // namespace cs
