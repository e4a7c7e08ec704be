// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <string>
#include <vector>

namespace cs {

/**
 * Secrets recognised in free text, by kind: "api_key" (sk-…, sk_live_…, AKIA…, ghp_…, xox?-…,
 * AIza…), "private_key" (a PEM private key block, or 64 hex digits right after the words
 * private or secret key), "seed_phrase" (12 to 24 words after seed, mnemonic or recovery
 * phrase) and "card_number" (13 to 19 digits, in groups or not, that pass the Luhn check). What
 * is recognised is a floor, not a promise: a value declared private is redacted by name
 * whatever it looks like (core/model).
 */
struct SecretFound
{
    std::string kind;
    qsizetype begin = 0; //!< in UTF-16 code units of the text scanned
    qsizetype end = 0;
};

//! Every secret in `text`, in order, none overlapping.
std::vector<SecretFound> findSecrets(const QString& text);

//! `text` with each secret found replaced by "[redacted]"; their kinds appended to `kinds`.
QString redactSecrets(const QString& text, std::vector<std::string>& kinds);

} // namespace cs
