// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/CanonicalJson.h"

#include "core/domain/Encoding.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace cs {

namespace {

constexpr double kMaxSafeInteger = 9007199254740991.0; // 2^53 - 1

Result<void> writeString(std::string& out, const QString& text, const std::string& path)
{
    out.push_back('"');
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = text.at(i).unicode();
        char32_t code = unit;
        if (QChar::isHighSurrogate(unit)) {
            if (i + 1 >= size || !QChar::isLowSurrogate(text.at(i + 1).unicode()))
                return fail(ErrorCode::InvalidInput, path + ": string contains a lone surrogate");
            code = QChar::surrogateToUcs4(unit, text.at(++i).unicode());
        } else if (QChar::isLowSurrogate(unit)) {
            return fail(ErrorCode::InvalidInput, path + ": string contains a lone surrogate");
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

Result<void> write(std::string& out, const QJsonValue& value, const std::string& path)
{
    switch (value.type()) {
    case QJsonValue::Null: out += "null"; return {};
    case QJsonValue::Bool: out += value.toBool() ? "true" : "false"; return {};
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (!std::isfinite(number) || std::trunc(number) != number || std::fabs(number) > kMaxSafeInteger)
            return fail(ErrorCode::InvalidInput,
                        path + ": only integers within ±(2^53 - 1) are allowed as JSON numbers");
        out += std::to_string(static_cast<long long>(number));
        return {};
    }
    case QJsonValue::String: return writeString(out, value.toString(), path);
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        out.push_back('[');
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out.push_back(',');
            CS_TRY(item, write(out, array.at(i), path + "[" + std::to_string(i) + "]"));
        }
        out.push_back(']');
        return {};
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QStringList keys = object.keys();
        std::sort(keys.begin(), keys.end()); // QString's operator< compares UTF-16 code units
        out.push_back('{');
        bool first = true;
        for (const QString& key : keys) {
            if (!first)
                out.push_back(',');
            first = false;
            const std::string childPath = path + "." + key.toStdString();
            CS_TRY(name, writeString(out, key, childPath));
            out.push_back(':');
            CS_TRY(member, write(out, object.value(key), childPath));
        }
        out.push_back('}');
        return {};
    }
    case QJsonValue::Undefined: break;
    }
    return fail(ErrorCode::InvalidInput, path + ": undefined value");
}

} // namespace

Result<std::string> canonicalJson(const QJsonValue& value)
{
    std::string out;
    CS_TRY(written, write(out, value, "$"));
    return out;
}

} // namespace cs
