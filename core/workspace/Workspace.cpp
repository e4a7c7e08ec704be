// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workspace/Workspace.h"

#include "core/storage/DbWriter.h"
#include "core/storage/Migrations.h"
#include "core/workspace/DemoSeed.h"

#include <system_error>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace cs::workspace {

namespace fs = std::filesystem;

namespace {

Result<void> writeFileAtomically(const fs::path& path, const std::string& bytes)
{
    QSaveFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes.data(), static_cast<qint64>(bytes.size())) < 0
        || !file.commit())
        return fail(ErrorCode::StorageFailed, "writing " + path.string() + ": " + file.errorString().toStdString());
    return {};
}

Result<void> writeSettings(const fs::path& dir, const Settings& settings)
{
    const QJsonObject model{{QStringLiteral("backend"), QString::fromStdString(settings.modelBackend)}};
    const QJsonObject object{
        {QStringLiteral("format"), QLatin1String(kSettingsFormat)},
        {QStringLiteral("name"), QString::fromStdString(settings.name)},
        {QStringLiteral("created"), QString::fromStdString(settings.createdAt)},
        {QStringLiteral("demo"), settings.demo},
        {QStringLiteral("database"), QLatin1String(kDatabaseFile)},
        {QStringLiteral("model"), model},
    };
    return writeFileAtomically(dir / kSettingsFile, QJsonDocument(object).toJson().toStdString());
}

bool isWorkspaceDir(const fs::path& dir)
{
    std::error_code ec;
    return fs::exists(dir / kSettingsFile, ec) || fs::exists(dir / kDatabaseFile, ec);
}

//! Builds a complete workspace in `staging`, which must not exist yet.
Result<Settings> build(const fs::path& staging, const InitOptions& options, const Clock& clock)
{
    std::error_code ec;
    fs::create_directories(staging / kCheckpointsDir, ec);
    if (!ec)
        fs::create_directory(staging / kKeysDir, ec);
    if (!ec)
        fs::permissions(staging / kKeysDir, fs::perms::owner_all, fs::perm_options::replace, ec);
    if (ec)
        return fail(ErrorCode::StorageFailed, "creating " + staging.string() + ": " + ec.message());

    CS_TRY(writer, storage::DbWriter::start((staging / kDatabaseFile).string(), storage::OpenMode::CreateIfMissing));
    CS_TRY(created, (*writer)->run([&](storage::Database& db) -> Result<void> {
        CS_TRY(migrated, storage::migrate(db));
        if (!options.demo)
            return {};
        return seedDemoWorld(db, embeddedDemoWorld(), clock);
    }));
    writer->reset(); // closes the connection and checkpoints the WAL before the directory moves

    Settings settings;
    settings.name = options.demo ? "Demo workspace" : "Workspace";
    settings.createdAt = toIso8601(clock.now());
    settings.demo = options.demo;
    if (options.demo) {
        CS_TRY(intents, writeFileAtomically(staging / kIntentsFile, embeddedDemoIntents()));
    }
    CS_TRY(written, writeSettings(staging, settings));
    return settings;
}

} // namespace

Result<Settings> initWorkspace(const fs::path& dir, const InitOptions& options, const Clock& clock)
{
    std::error_code ec;
    const fs::path target = fs::absolute(dir, ec);
    if (ec || target.filename().empty())
        return fail(ErrorCode::InvalidInput, "workspace path is not usable: " + dir.string());

    const bool exists = fs::exists(target, ec);
    bool replacing = false;
    if (exists) {
        if (!fs::is_directory(target, ec))
            return fail(ErrorCode::AlreadyExists, target.string() + " exists and is not a directory");
        if (isWorkspaceDir(target)) {
            if (!options.force)
                return fail(ErrorCode::AlreadyExists,
                            target.string() + " is already a Countersign workspace (use --force to replace it)");
            replacing = true;
        } else if (!fs::is_empty(target, ec)) {
            return fail(ErrorCode::AlreadyExists,
                        target.string() + " is not empty and is not a Countersign workspace; refusing to write into it");
        }
    }

    // Build next to the target and move it into place, so a failure leaves no half-made
    // workspace and --force never destroys the old one before the new one is complete.
    const std::string suffix = std::to_string(clock.now().msSinceEpoch);
    const fs::path staging = target.parent_path() / ("." + target.filename().string() + ".init-" + suffix);
    const fs::path retired = target.parent_path() / ("." + target.filename().string() + ".replaced-" + suffix);
    fs::remove_all(staging, ec);
    auto settings = build(staging, options, clock);
    if (!settings) {
        fs::remove_all(staging, ec);
        return settings;
    }

    if (replacing)
        fs::rename(target, retired, ec);
    else if (exists)
        fs::remove(target, ec); // the empty directory the user made for it
    if (!ec)
        fs::rename(staging, target, ec);
    if (ec) {
        const std::string reason = ec.message();
        if (replacing && !fs::exists(target))
            fs::rename(retired, target, ec);
        fs::remove_all(staging, ec);
        return fail(ErrorCode::StorageFailed, "moving the new workspace into " + target.string() + ": " + reason);
    }
    if (replacing)
        fs::remove_all(retired, ec);
    return settings;
}

Result<Settings> loadSettings(const fs::path& dir)
{
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return fail(ErrorCode::NotFound, "workspace not found: " + dir.string());
    QFile file(QString::fromStdString((dir / kSettingsFile).string()));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::NotAWorkspace, dir.string() + " is not a Countersign workspace (no readable "
                                                  + kSettingsFile + ")");
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject object = document.object();
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorCode::NotAWorkspace, (dir / kSettingsFile).string() + " is not valid JSON");
    if (object.value(QStringLiteral("format")).toString() != QLatin1String(kSettingsFormat))
        return fail(ErrorCode::NotAWorkspace,
                    (dir / kSettingsFile).string() + ": format must be " + kSettingsFormat);

    Settings settings;
    settings.name = object.value(QStringLiteral("name")).toString().toStdString();
    settings.createdAt = object.value(QStringLiteral("created")).toString().toStdString();
    settings.demo = object.value(QStringLiteral("demo")).toBool();
    const QString backend = object.value(QStringLiteral("model")).toObject().value(QStringLiteral("backend")).toString();
    if (!backend.isEmpty())
        settings.modelBackend = backend.toStdString();
    return settings;
}

} // namespace cs::workspace
