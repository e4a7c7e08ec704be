// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/StrictJson.h"

#include "core/domain/Encoding.h"
#include "core/domain/Ids.h"

namespace cs {

namespace {

//! `path.key`, or `path["\u202e…"]` when the key is not plain printable ASCII: an error line
//! must never carry control or bidi characters from the document to a terminal.
std::string memberPath(const std::string& path, const std::string& key)
{
    bool plain = !key.empty() && key.size() <= 64;
    for (char c : key)
        plain = plain && c > 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '.' && c != '[';
    if (plain)
        return path + "." + key;
    std::string shown = path + "[\"";
    static constexpr char kHex[] = "0123456789abcdef";
    for (char32_t code : codePoints(key.substr(0, 64))) {
        if (code >= 0x20 && code < 0x7f && code != '"' && code != '\\') {
            shown.push_back(static_cast<char>(code));
        } else {
            const auto unit = [&](unsigned u) {
                shown += "\\u";
                for (int shift = 12; shift >= 0; shift -= 4)
                    shown.push_back(kHex[(u >> shift) & 0xf]);
            };
            if (code >= 0x10000) {
                unit(0xd800 + ((code - 0x10000) >> 10));
                unit(0xdc00 + ((code - 0x10000) & 0x3ff));
            } else {
                unit(code);
            }
        }
    }
    return shown + (key.size() > 64 ? "…\"]" : "\"]");
}

class Reader
{
public:
    Reader(std::string_view bytes, const JsonLimits& limits) : m_bytes(bytes), m_limits(limits) {}

    Result<JsonValue> document()
    {
        if (m_bytes.size() > m_limits.maxDocument)
            return error("$", "the document is " + std::to_string(m_bytes.size()) + " bytes, more than the "
                                  + std::to_string(m_limits.maxDocument) + " allowed");
        if (m_bytes.starts_with("\xEF\xBB\xBF"))
            return error("$", "a byte order mark is not allowed");
        skipWhitespace();
        CS_TRY(value, parseValue("$", 0));
        skipWhitespace();
        if (m_pos != m_bytes.size())
            return error("$", "trailing data after the JSON value at byte " + std::to_string(m_pos));
        return std::move(*value);
    }

private:
    Unexpected error(const std::string& path, const std::string& reason) const
    {
        return fail(ErrorCode::InvalidInput, path + ": " + reason);
    }

    void skipWhitespace()
    {
        while (m_pos < m_bytes.size()
               && (m_bytes[m_pos] == ' ' || m_bytes[m_pos] == '\t' || m_bytes[m_pos] == '\n' || m_bytes[m_pos] == '\r'))
            ++m_pos;
    }

    bool consume(std::string_view literal)
    {
        if (m_bytes.substr(m_pos, literal.size()) != literal)
            return false;
        m_pos += literal.size();
        return true;
    }

    Result<JsonValue> parseValue(const std::string& path, int depth)
    {
        if (m_pos >= m_bytes.size())
            return error(path, "the document ends where a value should be");
        JsonValue value;
        const char c = m_bytes[m_pos];
        if (c == '{' || c == '[') {
            if (depth + 1 > m_limits.maxDepth)
                return error(path, "nested deeper than " + std::to_string(m_limits.maxDepth) + " levels");
            return c == '{' ? parseObject(path, depth + 1) : parseArray(path, depth + 1);
        }
        if (c == '"') {
            value.kind = JsonValue::Kind::String;
            CS_TRY(text, parseString(path));
            value.text = std::move(*text);
            return value;
        }
        if (consume("true") || consume("false")) {
            value.kind = JsonValue::Kind::Bool;
            value.boolean = m_bytes[m_pos - 1] == 'e' && m_bytes[m_pos - 2] == 'u';
            return value;
        }
        if (consume("null"))
            return value;
        if (c == '-' || (c >= '0' && c <= '9'))
            return parseNumber(path);
        return error(path, "unexpected character at byte " + std::to_string(m_pos)
                               + " (comments, NaN, Infinity and unquoted text are not JSON)");
    }

    Result<JsonValue> parseNumber(const std::string& path)
    {
        const std::size_t start = m_pos;
        const auto digits = [&] {
            const std::size_t from = m_pos;
            while (m_pos < m_bytes.size() && m_bytes[m_pos] >= '0' && m_bytes[m_pos] <= '9')
                ++m_pos;
            return m_pos - from;
        };
        if (m_bytes[m_pos] == '-')
            ++m_pos;
        const std::size_t integerStart = m_pos;
        const std::size_t integerDigits = digits();
        if (integerDigits == 0 || (integerDigits > 1 && m_bytes[integerStart] == '0'))
            return error(path, "malformed number at byte " + std::to_string(start));
        if (m_pos < m_bytes.size() && m_bytes[m_pos] == '.') {
            ++m_pos;
            if (digits() == 0)
                return error(path, "malformed number at byte " + std::to_string(start));
        }
        if (m_pos < m_bytes.size() && (m_bytes[m_pos] == 'e' || m_bytes[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_bytes.size() && (m_bytes[m_pos] == '+' || m_bytes[m_pos] == '-'))
                ++m_pos;
            if (digits() == 0)
                return error(path, "malformed number at byte " + std::to_string(start));
        }
        if (m_pos - start > m_limits.maxNumber)
            return error(path, "a number of " + std::to_string(m_pos - start) + " characters, more than the "
                                   + std::to_string(m_limits.maxNumber) + " allowed (JsonLimits::maxNumber)");
        JsonValue value;
        value.kind = JsonValue::Kind::Number;
        value.text = std::string(m_bytes.substr(start, m_pos - start));
        return value;
    }

    //! Length of the valid UTF-8 sequence at m_pos, or 0.
    std::size_t utf8Length() const
    {
        const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(m_bytes[m_pos + i]); };
        const std::size_t left = m_bytes.size() - m_pos;
        const unsigned char b0 = byte(0);
        const auto continuation = [&](std::size_t i) { return i < left && (byte(i) & 0xc0) == 0x80; };
        if (b0 >= 0xc2 && b0 <= 0xdf)
            return continuation(1) ? 2 : 0;
        if (b0 >= 0xe0 && b0 <= 0xef) {
            if (!continuation(1) || !continuation(2))
                return 0;
            if ((b0 == 0xe0 && byte(1) < 0xa0) || (b0 == 0xed && byte(1) >= 0xa0))
                return 0; // overlong, or an encoded surrogate
            return 3;
        }
        if (b0 >= 0xf0 && b0 <= 0xf4) {
            if (!continuation(1) || !continuation(2) || !continuation(3))
                return 0;
            if ((b0 == 0xf0 && byte(1) < 0x90) || (b0 == 0xf4 && byte(1) >= 0x90))
                return 0; // overlong, or beyond U+10FFFF
            return 4;
        }
        return 0;
    }

    Result<unsigned> hex4(const std::string& path)
    {
        if (m_pos + 4 > m_bytes.size())
            return error(path, "truncated \\u escape");
        unsigned value = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = m_bytes[m_pos++];
            value <<= 4;
            if (h >= '0' && h <= '9')
                value |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f')
                value |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                value |= static_cast<unsigned>(h - 'A' + 10);
            else
                return error(path, "malformed \\u escape");
        }
        return value;
    }

    Result<std::string> parseString(const std::string& path)
    {
        ++m_pos; // the opening quote
        std::string out;
        for (;;) {
            if (m_pos >= m_bytes.size())
                return error(path, "unterminated string");
            const auto c = static_cast<unsigned char>(m_bytes[m_pos]);
            if (out.size() > m_limits.maxString)
                return error(path, "a string longer than " + std::to_string(m_limits.maxString) + " bytes");
            if (c == '"') {
                ++m_pos;
                break;
            }
            if (c < 0x20)
                return error(path, "a raw control character inside a string");
            if (c == '\\') {
                ++m_pos;
                if (m_pos >= m_bytes.size())
                    return error(path, "unterminated string");
                const char e = m_bytes[m_pos++];
                switch (e) {
                case '"': out.push_back('"'); break;
                case '\\': out.push_back('\\'); break;
                case '/': out.push_back('/'); break;
                case 'b': out.push_back('\b'); break;
                case 'f': out.push_back('\f'); break;
                case 'n': out.push_back('\n'); break;
                case 'r': out.push_back('\r'); break;
                case 't': out.push_back('\t'); break;
                case 'u': {
                    CS_TRY(unit, hex4(path));
                    char32_t code = *unit;
                    if (code >= 0xdc00 && code <= 0xdfff)
                        return error(path, "a lone low surrogate in a \\u escape");
                    if (code >= 0xd800 && code <= 0xdbff) {
                        if (!consume("\\u"))
                            return error(path, "a lone high surrogate in a \\u escape");
                        CS_TRY(low, hex4(path));
                        if (*low < 0xdc00 || *low > 0xdfff)
                            return error(path, "a high surrogate not followed by a low one");
                        code = 0x10000 + ((code - 0xd800) << 10) + (*low - 0xdc00);
                    }
                    appendUtf8(out, code);
                    break;
                }
                default: return error(path, "an unknown escape \\" + std::string(1, e));
                }
                continue;
            }
            if (c < 0x80) {
                out.push_back(static_cast<char>(c));
                ++m_pos;
                continue;
            }
            const std::size_t length = utf8Length();
            if (length == 0)
                return error(path, "invalid UTF-8 at byte " + std::to_string(m_pos));
            out.append(m_bytes.substr(m_pos, length));
            m_pos += length;
        }
        if (out.size() > m_limits.maxString)
            return error(path, "a string longer than " + std::to_string(m_limits.maxString) + " bytes");
        return out;
    }

    Result<JsonValue> parseArray(const std::string& path, int depth)
    {
        ++m_pos;
        JsonValue value;
        value.kind = JsonValue::Kind::Array;
        skipWhitespace();
        if (consume("]"))
            return value;
        for (;;) {
            if (value.items.size() >= m_limits.maxItems)
                return error(path, "more than " + std::to_string(m_limits.maxItems) + " items");
            skipWhitespace();
            CS_TRY(item, parseValue(path + "[" + std::to_string(value.items.size()) + "]", depth));
            value.items.push_back(std::move(*item));
            skipWhitespace();
            if (consume("]"))
                return value;
            if (!consume(","))
                return error(path, "expected ',' or ']' at byte " + std::to_string(m_pos));
        }
    }

    Result<JsonValue> parseObject(const std::string& path, int depth)
    {
        ++m_pos;
        JsonValue value;
        value.kind = JsonValue::Kind::Object;
        skipWhitespace();
        if (consume("}"))
            return value;
        for (;;) {
            if (value.keys.size() >= m_limits.maxItems)
                return error(path, "more than " + std::to_string(m_limits.maxItems) + " members");
            skipWhitespace();
            if (m_pos >= m_bytes.size() || m_bytes[m_pos] != '"')
                return error(path, "expected a quoted member name at byte " + std::to_string(m_pos));
            CS_TRY(key, parseString(path));
            const std::string childPath = memberPath(path, *key);
            if (value.find(*key) != nullptr)
                return error(childPath, "duplicate key");
            skipWhitespace();
            if (!consume(":"))
                return error(childPath, "expected ':' at byte " + std::to_string(m_pos));
            skipWhitespace();
            CS_TRY(member, parseValue(childPath, depth));
            value.keys.push_back(std::move(*key));
            value.values.push_back(std::move(*member));
            skipWhitespace();
            if (consume("}"))
                return value;
            if (!consume(","))
                return error(path, "expected ',' or '}' at byte " + std::to_string(m_pos));
        }
    }

    std::string_view m_bytes;
    const JsonLimits& m_limits;
    std::size_t m_pos = 0;
};

} // namespace

std::string jsonMemberPath(const std::string& path, const std::string& key)
{
    return memberPath(path, key);
}

const JsonValue* JsonValue::find(std::string_view key) const
{
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i] == key)
            return &values[i];
    }
    return nullptr;
}

Result<JsonValue> parseStrictJson(std::string_view bytes, const JsonLimits& limits)
{
    return Reader(bytes, limits).document();
}

std::vector<char32_t> codePoints(std::string_view utf8)
{
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto b0 = static_cast<unsigned char>(utf8[i]);
        const std::size_t length = b0 < 0x80 ? 1 : b0 < 0xe0 ? 2 : b0 < 0xf0 ? 3 : 4;
        char32_t code = length == 1 ? b0 : length == 2 ? (b0 & 0x1fu) : length == 3 ? (b0 & 0x0fu) : (b0 & 0x07u);
        for (std::size_t k = 1; k < length && i + k < utf8.size(); ++k)
            code = (code << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3fu);
        out.push_back(code);
        i += length;
    }
    return out;
}

// --- Field readers ---------------------------------------------------------------------------

Unexpected invalid(const std::string& path, const std::string& reason)
{
    return fail(ErrorCode::InvalidInput, path + ": " + reason);
}

std::string member(const std::string& path, const char* key)
{
    return path + "." + key;
}

//! Exactly the keys allowed: unknown keys first, then the first missing required one.
Result<void> exactKeys(const JsonValue& object, const std::string& path, std::initializer_list<const char*> required,
                       std::initializer_list<const char*> optional)
{
    if (object.kind != JsonValue::Kind::Object)
        return invalid(path, "must be an object");
    for (const std::string& key : object.keys) {
        bool known = false;
        for (const char* name : required)
            known = known || key == name;
        for (const char* name : optional)
            known = known || key == name;
        if (!known)
            return invalid(jsonMemberPath(path, key), "unknown key (the contract allows no other)");
    }
    for (const char* name : required) {
        if (object.find(name) == nullptr)
            return invalid(member(path, name), "required");
    }
    return {};
}

Result<std::string> stringAt(const JsonValue& value, const std::string& path)
{
    if (value.kind != JsonValue::Kind::String)
        return invalid(path, value.kind == JsonValue::Kind::Object || value.kind == JsonValue::Kind::Array ? "must be a string, not a nested value"
                                                                                      : "must be a string");
    return value.text;
}

Result<std::string> identifierAt(const JsonValue& value, const std::string& path)
{
    CS_TRY(text, stringAt(value, path));
    if (!isValidIdentifier(*text))
        return invalid(path, "must be an ASCII identifier [a-z0-9][a-z0-9._:-]{0,63} (no look-alike, control or "
                             "bidi characters)");
    return text;
}

namespace {

bool isBidiFormatting(char32_t code)
{
    return code == 0x061c || code == 0x200e || code == 0x200f || (code >= 0x202a && code <= 0x202e)
           || (code >= 0x2066 && code <= 0x2069);
}

} // namespace

//! Any Unicode but control characters (C0, DEL, C1) and bidirectional formatting ones.
Result<std::string> freeTextAt(const JsonValue& value, const std::string& path, bool mayBeEmpty)
{
    CS_TRY(text, stringAt(value, path));
    if (text->empty() && !mayBeEmpty)
        return invalid(path, "must not be empty");
    for (char32_t code : codePoints(*text)) {
        if (code < 0x20 || (code >= 0x7f && code <= 0x9f))
            return invalid(path, "contains a control character (text is data, never terminal or prompt control)");
        if (isBidiFormatting(code))
            return invalid(path, "contains a bidirectional formatting character");
    }
    return text;
}

Result<Money> amountAt(const JsonValue& value, const std::string& path, const Asset& asset)
{
    if (value.kind == JsonValue::Kind::Number)
        return invalid(path, "amounts are decimal strings such as \"25.00\", never JSON numbers");
    CS_TRY(text, stringAt(value, path));
    auto amount = Money::parse(*text, asset, SignPolicy::UnsignedOnly);
    if (!amount)
        return invalid(path, amount.error().message);
    if (amount->isZero())
        return invalid(path, "must be greater than zero");
    return amount;
}

Result<const Asset*> assetAt(const JsonValue& value, const std::string& path, const AssetCatalog& assets)
{
    CS_TRY(code, stringAt(value, path));
    if (!Asset::isValidCode(*code))
        return invalid(path, "must be an asset code [A-Z][A-Z0-9]{1,11}");
    const Asset* asset = assets.find(*code);
    if (asset == nullptr)
        return invalid(path, "unknown asset " + *code);
    return asset;
}

} // namespace cs
