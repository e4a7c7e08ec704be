// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/SecretScan.h"

#include <QRegularExpression>

#include <algorithm>

namespace cs {

namespace {

struct Pattern
{
    const char* kind;
    QRegularExpression expression;
    int group; //!< the capture that is the secret (0: the whole match)
};

const std::vector<Pattern>& patterns()
{
    using O = QRegularExpression::PatternOption;
    static const std::vector<Pattern> all{
        {"private_key", QRegularExpression(QStringLiteral("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----")), 0},
        {"private_key",
         QRegularExpression(QStringLiteral("(?:private|secret)[ _-]?key\\W{0,4}((?:0x)?[0-9a-fA-F]{64})\\b"), O::CaseInsensitiveOption), 1},
        {"seed_phrase",
         QRegularExpression(QStringLiteral("(?:seed|mnemonic|recovery)(?: phrase| words)?\\W{0,4}((?:[a-z]{3,8}\\s+){11,23}[a-z]{3,8})\\b"),
                            O::CaseInsensitiveOption),
         1},
        {"api_key",
         QRegularExpression(QStringLiteral("\\b(?:sk-[A-Za-z0-9_-]{16,}|sk_(?:live|test)_[A-Za-z0-9]{16,}|AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{30,}"
                                           "|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35})")),
         0},
        // Never digits inside a longer run, a decimal or a hash: nothing word-like or a dot beside them.
        {"card_number", QRegularExpression(QStringLiteral("(?<![\\w.])\\d(?:[ -]?\\d){12,18}(?!\\w)(?!\\.\\d)")), 0},
    };
    return all;
}

//! The Luhn check over the digits of `text`.
bool luhn(const QString& text)
{
    int sum = 0;
    bool doubled = false;
    for (qsizetype i = text.size() - 1; i >= 0; --i) {
        if (!text.at(i).isDigit())
            continue;
        int digit = text.at(i).digitValue();
        if (doubled && (digit *= 2) > 9)
            digit -= 9;
        sum += digit;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

} // namespace

std::vector<SecretFound> findSecrets(const QString& text)
{
    std::vector<SecretFound> found;
    for (const Pattern& pattern : patterns()) {
        for (auto it = pattern.expression.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            const qsizetype begin = match.capturedStart(pattern.group);
            const qsizetype end = match.capturedEnd(pattern.group);
            if (std::string_view(pattern.kind) == "card_number" && !luhn(match.captured(pattern.group)))
                continue;
            const bool overlaps = std::any_of(found.begin(), found.end(),
                                              [&](const SecretFound& other) { return begin < other.end && other.begin < end; });
            if (!overlaps)
                found.push_back({pattern.kind, begin, end});
        }
    }
    std::sort(found.begin(), found.end(), [](const SecretFound& a, const SecretFound& b) { return a.begin < b.begin; });
    return found;
}

QString redactSecrets(const QString& text, std::vector<std::string>& kinds)
{
    const std::vector<SecretFound> found = findSecrets(text);
    QString out = text;
    for (auto it = found.rbegin(); it != found.rend(); ++it) { // from the end, so earlier offsets hold
        out.replace(it->begin, it->end - it->begin, QStringLiteral("[redacted]"));
        kinds.push_back(it->kind);
    }
    std::reverse(kinds.end() - static_cast<std::ptrdiff_t>(found.size()), kinds.end());
    return out;
}

} // namespace cs
