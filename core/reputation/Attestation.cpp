// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reputation/Attestation.h"

#include "core/domain/CanonicalJson.h"
#include "core/domain/Encoding.h"
#include "core/identity/Crypto.h"
#include "core/reputation/Reputation.h"

#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace cs::reputation {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

api::AttestationCheck altered(api::AttestationCheck check, std::string reason)
{
    check.valid = false;
    check.reason = std::move(reason);
    return check;
}

} // namespace

Result<std::string> attestationFile(const api::AgentReputation& agent, std::span<const std::uint8_t> agentKey,
                                    const audit::Checkpoint& checkpoint, const identity::SigningKey& engine)
{
    QJsonObject outcomes;
    for (const auto& [outcome, count] : agent.counts)
        outcomes.insert(qs(outcome), static_cast<qint64>(count));
    const std::string score = api::twoDecimals(std::clamp(agent.score, 0.0, 100.0));
    const QJsonObject attestation{
        {QStringLiteral("schema"), QLatin1String(kAttestationSchema)},
        {QStringLiteral("agent"), qs(agent.agent)},
        {QStringLiteral("agent_key"), qs(toBase64(agentKey))},
        {QStringLiteral("score"), qs(score)},
        {QStringLiteral("tier"), qs(std::string(api::toString(agent.tier)))},
        {QStringLiteral("scored"), static_cast<qint64>(agent.outcomes)},
        {QStringLiteral("incidents"), static_cast<qint64>(agent.incidents)},
        {QStringLiteral("outcomes"), outcomes},
        {QStringLiteral("window"),
         QJsonObject{{QStringLiteral("from"), agent.firstMs == 0 ? QString() : qs(toIso8601(Timestamp{agent.firstMs}))},
                     {QStringLiteral("to"), qs(toIso8601(checkpoint.time))}}},
        {QStringLiteral("computed_over"), static_cast<qint64>(checkpoint.size)},
        {QStringLiteral("checkpoint"), audit::checkpointToJson(checkpoint, engine.publicKey())},
        {QStringLiteral("method"),
         QJsonObject{{QStringLiteral("half_life_days"), static_cast<qint64>(kHalfLifeDays)},
                     {QStringLiteral("prior_weight"), static_cast<qint64>(kPriorWeight)},
                     {QStringLiteral("trusted_at"), static_cast<qint64>(kTrustedAt)},
                     {QStringLiteral("provisional_at"), static_cast<qint64>(kProvisionalAt)}}},
        {QStringLiteral("erc8004"),
         QJsonObject{{QStringLiteral("value"), std::llround(std::clamp(agent.score, 0.0, 100.0) * 100.0)},
                     {QStringLiteral("valueDecimals"), 2},
                     {QStringLiteral("tag1"), QStringLiteral("countersign.reputation")},
                     {QStringLiteral("tag2"), qs(std::string(api::toString(agent.tier)))},
                     {QStringLiteral("endpoint"), QString()},
                     {QStringLiteral("feedbackURI"), QString()}}},
    };
    CS_TRY(signedBytes, canonicalJson(attestation));
    const QJsonObject file{{QStringLiteral("attestation"), attestation},
                           {QStringLiteral("engine_key"), qs(toBase64(engine.publicKey()))},
                           {QStringLiteral("signature"), qs(toBase64(engine.sign(*signedBytes)))}};
    return QJsonDocument(file).toJson(QJsonDocument::Indented).toStdString();
}

Result<api::AttestationCheck> verifyAttestation(std::string_view file, const std::optional<identity::PublicKey>& pinned)
{
    if (file.size() > kMaxAttestationBytes)
        return fail(ErrorCode::InvalidInput, "larger than any attestation (" + std::to_string(kMaxAttestationBytes) + " bytes at most)");
    QJsonParseError parsed{};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(file.data(), static_cast<qsizetype>(file.size())), &parsed);
    if (parsed.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorCode::InvalidInput, "not JSON: " + parsed.errorString().toStdString());
    const QJsonObject root = document.object();
    const QJsonObject attestation = root.value(QStringLiteral("attestation")).toObject();
    if (attestation.value(QStringLiteral("schema")).toString() != QLatin1String(kAttestationSchema))
        return fail(ErrorCode::InvalidInput, std::string("$.attestation.schema: not ") + kAttestationSchema);
    api::AttestationCheck check;
    check.agent = attestation.value(QStringLiteral("agent")).toString().toStdString();
    check.score = attestation.value(QStringLiteral("score")).toString().toStdString();
    check.tier = attestation.value(QStringLiteral("tier")).toString().toStdString();
    check.checkpointSize = attestation.value(QStringLiteral("computed_over")).toInteger();

    auto keyBytes = fromBase64(root.value(QStringLiteral("engine_key")).toString().toStdString());
    auto key = keyBytes ? identity::publicKeyFromBytes(*keyBytes, "$.engine_key") : Result<identity::PublicKey>(Unexpected{keyBytes.error()});
    if (!key)
        return altered(check, "$.engine_key: " + key.error().message);
    if (pinned && *pinned != *key)
        return altered(check, "signed by another engine than the pinned key");
    auto signatureBytes = fromBase64(root.value(QStringLiteral("signature")).toString().toStdString());
    auto signature = signatureBytes ? identity::signatureFromBytes(*signatureBytes, "$.signature")
                                    : Result<identity::Signature>(Unexpected{signatureBytes.error()});
    if (!signature)
        return altered(check, "$.signature: " + signature.error().message);
    auto signedBytes = canonicalJson(attestation);
    if (!signedBytes)
        return altered(check, "$.attestation: " + signedBytes.error().message);
    if (!identity::verifySignature(*key, *signedBytes, *signature))
        return altered(check, "the engine's signature does not cover this attestation: it was altered");
    auto checkpoint = audit::checkpointFromJson(attestation.value(QStringLiteral("checkpoint")).toObject());
    if (!checkpoint)
        return altered(check, "$.attestation.checkpoint: " + checkpoint.error().message);
    if (!audit::verifyCheckpoint(*checkpoint, *key))
        return altered(check, "$.attestation.checkpoint: its signature is not the engine's");
    if (static_cast<std::int64_t>(checkpoint->size) != check.checkpointSize)
        return altered(check, "$.attestation.computed_over: not the checkpoint's size");
    check.valid = true;
    return check;
}

} // namespace cs::reputation
