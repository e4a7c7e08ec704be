// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/Seen.h"

#include "core/audit/Merkle.h"
#include "core/domain/Encoding.h"
#include "core/identity/Crypto.h"
#include "core/storage/Files.h"

#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>

namespace cs::audit {

std::filesystem::path seenFile(const std::string& origin)
{
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return std::filesystem::path(data.toStdString()) / "countersign" / "seen" / (toHex(identity::sha256(origin)) + ".json");
}

Result<std::optional<Seen>> readSeen(const std::string& origin)
{
    const std::filesystem::path path = seenFile(origin);
    QFile file(QString::fromStdString(path.string()));
    if (!file.exists())
        return std::optional<Seen>();
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::StorageFailed, "cannot read " + path.string());
    const QJsonObject json = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    auto checkpoint = checkpointFromJson(json.value(QStringLiteral("checkpoint")).toObject());
    const qint64 verified = json.value(QStringLiteral("verified_size")).toInteger(-1);
    if (!checkpoint || verified < 0 || static_cast<std::uint64_t>(verified) > checkpoint->size)
        return fail(ErrorCode::InvalidInput, path.string() + " is not a record of a seen checkpoint");
    if (checkpoint->origin != origin)
        return fail(ErrorCode::InvalidInput, path.string() + " records a checkpoint of another log");
    return std::optional<Seen>(Seen{std::move(*checkpoint), static_cast<std::uint64_t>(verified)});
}

Result<void> recordSeen(const Seen& seen, const PublicKey& engineKey)
{
    if (auto earlier = readSeen(seen.checkpoint.origin); earlier && *earlier
        && ((*earlier)->checkpoint.size > seen.checkpoint.size
            || ((*earlier)->checkpoint.size == seen.checkpoint.size && (*earlier)->verifiedSize >= seen.verifiedSize)))
        return {};
    const std::filesystem::path path = seenFile(seen.checkpoint.origin);
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec)
        return fail(ErrorCode::StorageFailed, "cannot create " + path.parent_path().string() + ": " + ec.message());
    const QJsonObject json{{QStringLiteral("checkpoint"), checkpointToJson(seen.checkpoint, engineKey)},
                           {QStringLiteral("verified_size"), static_cast<qint64>(seen.verifiedSize)}};
    return storage::writeFileDurably(path, QJsonDocument(json).toJson(QJsonDocument::Indented).toStdString());
}

} // namespace cs::audit
