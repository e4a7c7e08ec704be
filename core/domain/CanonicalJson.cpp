// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/CanonicalJson.h"

#include "core/domain/Encoding.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace cs {

namespace {

constexpr double kMaxSafeInteger = 9007199254740991.0; // 2^53 - 1

//! Where the writer is: a chain of steps on the stack, spelled out ("$.a.b[3]") only for an error.
struct Step
{
    const Step* parent = nullptr;
    const QString* key = nullptr; //!< a member's key, or nullptr for an array item
    qsizetype index = 0;
};

std::string pathOf(const Step* step)
{
    if (step == nullptr)
        return "$";
    std::string path = pathOf(step->parent);
    if (step->key != nullptr)
        return path + "." + step->key->toStdString();
    return path + "[" + std::to_string(step->index) + "]";
}

Unexpected failAt(const Step* step, std::string_view reason)
{
    return fail(ErrorCode::InvalidInput, pathOf(step) + ": " + std::string(reason));
}

Result<void> writeString(std::string& out, const QString& text, const Step* step)
{
    const qsizetype size = text.size();
    const QChar* units = text.constData();
    out.reserve(out.size() + static_cast<std::size_t>(size) + 2);
    out.push_back('"');
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = units[i].unicode();
        if (unit >= 0x20 && unit < 0x80 && unit != u'"' && unit != u'\\') {
            out.push_back(static_cast<char>(unit)); // the common case: printable ASCII as it is
            continue;
        }
        char32_t code = unit;
        if (QChar::isHighSurrogate(unit)) {
            if (i + 1 >= size || !QChar::isLowSurrogate(units[i + 1].unicode()))
                return failAt(step, "string contains a lone surrogate");
            code = QChar::surrogateToUcs4(unit, units[++i].unicode());
        } else if (QChar::isLowSurrogate(unit)) {
            return failAt(step, "string contains a lone surrogate");
        }
        switch (code) {
        case U'"': out += "\\\""; continue;
        case U'\\': out += "\\\\"; continue;
        case U'\b': out += "\\b"; continue;
        case U'\f': out += "\\f"; continue;
        case U'\n': out += "\\n"; continue;
        case U'\r': out += "\\r"; continue;
        case U'\t': out += "\\t"; continue;
        default: break;
        }
        if (code < 0x20) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\u00";
            out.push_back(kHex[code >> 4]);
            out.push_back(kHex[code & 0xf]);
        } else {
            appendUtf8(out, code);
        }
    }
    out.push_back('"');
    return {};
}

Result<void> write(std::string& out, const QJsonValue& value, const Step* step);

Result<void> writeMember(std::string& out, const QString& key, const QJsonValue& value, const Step* parent, bool first)
{
    if (!first)
        out.push_back(',');
    const Step step{parent, &key, 0};
    CS_TRY(name, writeString(out, key, &step));
    out.push_back(':');
    return write(out, value, &step);
}

Result<void> writeObject(std::string& out, const QJsonObject& object, const Step* step)
{
    // QJsonObject usually iterates in key order already; the sort is for when it does not.
    bool sorted = true;
    for (auto it = object.constBegin(), previous = it; sorted && it != object.constEnd(); previous = it++)
        sorted = it == previous || previous.key() < it.key();
    out.push_back('{');
    if (sorted) {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            CS_TRY(member, writeMember(out, it.key(), it.value(), step, it == object.constBegin()));
        }
    } else {
        QStringList keys = object.keys();
        std::sort(keys.begin(), keys.end()); // QString's operator< compares UTF-16 code units
        for (qsizetype i = 0; i < keys.size(); ++i) {
            CS_TRY(member, writeMember(out, keys.at(i), object.value(keys.at(i)), step, i == 0));
        }
    }
    out.push_back('}');
    return {};
}

Result<void> write(std::string& out, const QJsonValue& value, const Step* step)
{
    switch (value.type()) {
    case QJsonValue::Null: out += "null"; return {};
    case QJsonValue::Bool: out += value.toBool() ? "true" : "false"; return {};
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (!std::isfinite(number) || std::trunc(number) != number || std::fabs(number) > kMaxSafeInteger)
            return failAt(step, "only integers within ±(2^53 - 1) are allowed as JSON numbers");
        out += std::to_string(static_cast<long long>(number));
        return {};
    }
    case QJsonValue::String: return writeString(out, value.toString(), step);
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        out.push_back('[');
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out.push_back(',');
            const Step item{step, nullptr, i};
            CS_TRY(written, write(out, array.at(i), &item));
        }
        out.push_back(']');
        return {};
    }
    case QJsonValue::Object: return writeObject(out, value.toObject(), step);
    case QJsonValue::Undefined: break;
    }
    return failAt(step, "undefined value");
}

//! `text` (UTF-8) as a canonical JSON string: printable ASCII directly, anything else as QString
//! reads it, so the bytes are those canonicalJson writes for the same QString.
void writeUtf8(std::string& out, std::string_view text)
{
    const std::size_t start = out.size();
    out.reserve(start + text.size() + 2);
    out.push_back('"');
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x80) {
            out.resize(start); // from the opening quote again, the careful way
            (void)writeString(out, QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())), nullptr);
            return;
        }
        if (byte >= 0x20 && byte != '"' && byte != '\\') {
            out.push_back(static_cast<char>(byte));
            continue;
        }
        switch (byte) {
        case '"': out += "\\\""; continue;
        case '\\': out += "\\\\"; continue;
        case '\b': out += "\\b"; continue;
        case '\f': out += "\\f"; continue;
        case '\n': out += "\\n"; continue;
        case '\r': out += "\\r"; continue;
        case '\t': out += "\\t"; continue;
        default: break;
        }
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out.push_back(kHex[byte >> 4]);
        out.push_back(kHex[byte & 0xf]);
    }
    out.push_back('"');
}

std::string quoted(std::string_view text)
{
    std::string out;
    writeUtf8(out, text);
    return out;
}

bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

//! Keys in canonical order: by UTF-16 code units, which for ASCII is the order of the bytes.
bool keyLess(const std::string& a, const std::string& b)
{
    if (isAscii(a) && isAscii(b))
        return a < b;
    return QString::fromStdString(a) < QString::fromStdString(b);
}

bool isSafeInteger(std::int64_t value)
{
    constexpr std::int64_t kMax = 9007199254740991; // 2^53 - 1
    return value >= -kMax && value <= kMax;
}

} // namespace

CanonicalObject& CanonicalObject::add(std::string_view key, std::string value)
{
    m_members.push_back({std::string(key), std::move(value)});
    return *this;
}

CanonicalObject& CanonicalObject::text(std::string_view key, std::string_view value)
{
    return add(key, quoted(value));
}

CanonicalObject& CanonicalObject::integer(std::string_view key, std::int64_t value)
{
    if (!isSafeInteger(value) && m_error.empty())
        m_error = "$." + std::string(key) + ": only integers within ±(2^53 - 1) are allowed as JSON numbers";
    return add(key, std::to_string(value));
}

CanonicalObject& CanonicalObject::boolean(std::string_view key, bool value)
{
    return add(key, value ? "true" : "false");
}

CanonicalObject& CanonicalObject::nested(std::string_view key, const std::string& error, std::string json)
{
    if (!error.empty() && m_error.empty())
        m_error = error;
    return add(key, std::move(json));
}

CanonicalObject& CanonicalObject::object(std::string_view key, const CanonicalObject& value)
{
    return nested(key, value.error(), value.json());
}

CanonicalObject& CanonicalObject::array(std::string_view key, const CanonicalArray& value)
{
    return nested(key, value.error(), value.json());
}

const std::string* CanonicalObject::member(std::string_view key) const
{
    for (auto it = m_members.rbegin(); it != m_members.rend(); ++it) {
        if (it->key == key)
            return &it->json;
    }
    return nullptr;
}

std::string CanonicalObject::json() const
{
    std::vector<const Member*> sorted;
    sorted.reserve(m_members.size());
    std::size_t size = 2;
    for (const Member& member : m_members) {
        sorted.push_back(&member);
        size += member.key.size() + member.json.size() + 4;
    }
    // Stable: of a key added twice, the later member is the one kept.
    std::stable_sort(sorted.begin(), sorted.end(), [](const Member* a, const Member* b) { return keyLess(a->key, b->key); });
    std::string out;
    out.reserve(size);
    out.push_back('{');
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        if (i + 1 < sorted.size() && sorted[i + 1]->key == sorted[i]->key)
            continue;
        if (out.size() > 1)
            out.push_back(',');
        writeUtf8(out, sorted[i]->key);
        out.push_back(':');
        out += sorted[i]->json;
    }
    out.push_back('}');
    return out;
}

void CanonicalArray::next()
{
    if (!m_items.empty())
        m_items.push_back(',');
}

CanonicalArray& CanonicalArray::text(std::string_view value)
{
    next();
    writeUtf8(m_items, value);
    return *this;
}

CanonicalArray& CanonicalArray::integer(std::int64_t value)
{
    if (!isSafeInteger(value) && m_error.empty())
        m_error = "$[]: only integers within ±(2^53 - 1) are allowed as JSON numbers";
    next();
    m_items += std::to_string(value);
    return *this;
}

CanonicalArray& CanonicalArray::nested(const std::string& error, const std::string& json)
{
    if (!error.empty() && m_error.empty())
        m_error = error;
    next();
    m_items += json;
    return *this;
}

CanonicalArray& CanonicalArray::object(const CanonicalObject& value)
{
    return nested(value.error(), value.json());
}

CanonicalArray& CanonicalArray::array(const CanonicalArray& value)
{
    return nested(value.error(), value.json());
}

std::string jsonText(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toString().toStdString();
}

namespace {

constexpr std::size_t kEnd = std::string_view::npos;

std::size_t skipSpace(std::string_view json, std::size_t i)
{
    while (i < json.size() && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r'))
        ++i;
    return i;
}

//! Past the string that opens at json[i] (a '"'), or kEnd when it does not close. `escaped`:
//! it holds a backslash, so its text is not its bytes.
std::size_t pastString(std::string_view json, std::size_t i, bool& escaped)
{
    for (++i; i < json.size(); ++i) {
        if (json[i] == '"')
            return i + 1;
        if (json[i] == '\\') {
            escaped = true;
            ++i;
        }
    }
    return kEnd;
}

//! Past the value at json[i] (its nested strings, objects and arrays skipped whole), or kEnd.
std::size_t pastValue(std::string_view json, std::size_t i)
{
    bool escaped = false;
    if (i >= json.size())
        return kEnd;
    if (json[i] == '"')
        return pastString(json, i, escaped);
    if (json[i] != '{' && json[i] != '[') {
        const std::size_t end = json.find_first_of(",}] \t\n\r", i);
        return end == i ? kEnd : end;
    }
    std::size_t depth = 0;
    while (i < json.size()) {
        const char c = json[i];
        if (c == '"') {
            i = pastString(json, i, escaped);
            if (i == kEnd)
                return kEnd;
            continue;
        }
        if (c == '{' || c == '[')
            ++depth;
        else if ((c == '}' || c == ']') && --depth == 0)
            return i + 1;
        ++i;
    }
    return kEnd;
}

//! The text of the JSON string json[from, to) (quotes included).
std::optional<std::string> stringText(std::string_view json, std::size_t from, std::size_t to, bool escaped)
{
    if (!escaped)
        return std::string(json.substr(from + 1, to - from - 2));
    const QJsonDocument document = QJsonDocument::fromJson("[" + QByteArray(json.data() + from, static_cast<qsizetype>(to - from)) + "]");
    if (!document.isArray() || !document.array().at(0).isString())
        return std::nullopt;
    return document.array().at(0).toString().toStdString();
}

} // namespace

std::optional<std::string> topLevelString(std::string_view json, std::string_view key)
{
    std::size_t i = skipSpace(json, 0);
    if (i >= json.size() || json[i] != '{')
        return std::nullopt;
    for (i = skipSpace(json, i + 1); i < json.size() && json[i] == '"'; i = skipSpace(json, i + 1)) {
        bool escaped = false;
        const std::size_t keyEnd = pastString(json, i, escaped);
        if (keyEnd == kEnd)
            return std::nullopt;
        const bool wanted = stringText(json, i, keyEnd, escaped) == key;
        const std::size_t colon = skipSpace(json, keyEnd);
        if (colon >= json.size() || json[colon] != ':')
            return std::nullopt;
        const std::size_t value = skipSpace(json, colon + 1);
        if (wanted) {
            escaped = false;
            const std::size_t end = value < json.size() && json[value] == '"' ? pastString(json, value, escaped) : kEnd;
            return end == kEnd ? std::nullopt : stringText(json, value, end, escaped);
        }
        i = skipSpace(json, pastValue(json, value));
        if (i >= json.size() || json[i] != ',')
            return std::nullopt;
    }
    return std::nullopt;
}

Result<std::string> canonicalJson(const QJsonValue& value)
{
    std::string out;
    CS_TRY(written, write(out, value, nullptr));
    return out;
}

} // namespace cs
