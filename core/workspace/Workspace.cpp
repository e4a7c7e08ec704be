// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workspace/Workspace.h"
#include "core/workspace/WorldFile.h"

#include "core/settlement/LedgerCheck.h"

#include "core/audit/AuditLog.h"
#include "core/domain/Encoding.h"
#include "core/domain/Ids.h"
#include "core/identity/Registry.h"
#include "core/domain/StrictJson.h"
#include "core/policy/Publish.h"
#include "core/simulation/WorldState.h"
#include "core/storage/DbWriter.h"
#include "core/storage/Files.h"
#include "core/storage/Migrations.h"
#include "core/workspace/DemoSeed.h"
#include "core/store/Principals.h"
#include "core/store/World.h"

#include <sodium.h>

#include <array>
#include <system_error>
#include <tuple>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace cs::workspace {

namespace fs = std::filesystem;

namespace {

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
    return storage::writeFileDurably(dir / kSettingsFile, QJsonDocument(object).toJson().toStdString());
}

bool isWorkspaceDir(const fs::path& dir)
{
    std::error_code ec;
    return fs::exists(dir / kSettingsFile, ec) || fs::exists(dir / kDatabaseFile, ec);
}

//! Keys for every principal and the first entries of the audit log, in one transaction.
Result<void> startAuditLog(storage::Database& db, const fs::path& staging, const InitOptions& options,
                           const Clock& clock)
{
    CS_TRY(transaction, storage::Transaction::begin(db));
    const Timestamp now = clock.now();
    std::array<std::uint8_t, 16> id{};
    identity::ensureCryptoReady();
    randombytes_buf(id.data(), id.size());
    const std::string origin = "countersign/" + toHex(id);
    CS_TRY(stored, storage::writeMeta(db, "audit_origin", origin));

    identity::Enrolment enrolment;
    if (options.demo) {
        CS_TRY(demo, identity::enrolPrincipals(db, staging / kKeysDir, kDemoPassphrase, identity::kDemoSealCost));
        enrolment = std::move(*demo);
    } else {
        // The engine, then the first risk manager, each with a passphrase of its own.
        const std::string name = options.riskManagerName.empty() ? options.riskManager : options.riskManagerName;
        const std::array<std::tuple<std::string, std::string, std::string, std::string_view>, 2> founders{{
            {identity::kEngineId, "Countersign engine", "engine", options.enginePassphrase},
            {options.riskManager, name, "risk_manager", options.riskManagerPassphrase},
        }};
        for (const auto& [principal, displayName, role, passphrase] : founders) {
            CS_TRY(inserted, store::insertPrincipal(db, {principal, displayName, role, "active", {}, {}, now}));
            CS_TRY(enrolled, identity::enrolPrincipal(db, identity::keyFilePath(staging / kKeysDir, principal), principal,
                                                      passphrase, options.sealCost));
            enrolment.registrations.push_back(std::move(enrolled->registration));
            if (role == "engine")
                enrolment.engineKey = std::move(enrolled->key);
        }
    }
    if (!enrolment.engineKey)
        return fail(ErrorCode::Internal, "the workspace has no engine principal to enrol");
    const audit::CheckpointPolicy policy{origin, staging / kCheckpointsDir, &*enrolment.engineKey};
    const QJsonObject created{{QStringLiteral("origin"), QString::fromStdString(origin)},
                              {QStringLiteral("demo"), options.demo},
                              {QStringLiteral("schema_version"), storage::latestSchemaVersion()}};
    CS_TRY(genesis, audit::makeDraft(audit::types::kWorkspaceCreated, identity::kEngineId, created));
    std::vector<audit::Draft> drafts{std::move(*genesis)};
    for (const identity::SignedStatement& registration : enrolment.registrations) {
        CS_TRY(draft, audit::draftOf(registration));
        drafts.push_back(std::move(*draft));
    }
    // The money starts in the log: verify recomputes every balance from here.
    CS_TRY(opening, settlement::openingBody(db));
    // And the world it starts on (countersign.world/1): replay simulates on it, from the log alone.
    CS_TRY(world, exportWorld(db));
    opening->insert(QStringLiteral("world"), *world);
    CS_TRY(opened, audit::makeDraft(audit::types::kLedgerOpened, identity::kEngineId, *opening, &*enrolment.engineKey));
    drafts.push_back(std::move(*opened));
    std::optional<policy::Policy> demoPolicy;
    if (options.demo) {
        // The demo desk starts with a published policy, signed by its risk manager.
        CS_TRY(catalog, store::assetCatalog(db));
        CS_TRY(parsed, policy::parsePolicy(embeddedDemoPolicy(), *catalog));
        CS_TRY(rita, identity::unsealKey(identity::keyFilePath(staging / kKeysDir, "rita"), kDemoPassphrase));
        CS_TRY(publication, policy::publicationDraft(*parsed, "rita", *rita));
        drafts.push_back(std::move(*publication));
        demoPolicy = std::move(*parsed);
    }
    CS_TRY(appended, audit::appendInTransaction(db, drafts, now, policy));
    if (demoPolicy) {
        CS_TRY(recorded, policy::recordPublication(db, *demoPolicy, "rita", appended->entries.back().seq, now));
    }
    CS_TRY(checkpoint, audit::checkpointInTransaction(db, now, policy));
    CS_TRY(committed, transaction->commit());
    std::vector<audit::Checkpoint> signedCheckpoints = appended->checkpoints;
    if (*checkpoint)
        signedCheckpoints.push_back(std::move(**checkpoint));
    return audit::writeCheckpointFiles(signedCheckpoints, policy);
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
    if (!options.demo && options.enginePassphrase.empty())
        return fail(ErrorCode::InvalidInput, "a passphrase for the engine key is required");
    if (!options.demo && (!isValidIdentifier(options.riskManager) || options.riskManager == identity::kEngineId))
        return fail(ErrorCode::InvalidInput, "risk manager: a workspace starts with its first risk manager, named by an id "
                                             "(lowercase letters, digits, - and _), not '" + options.riskManager + "'");
    if (!options.demo && options.riskManagerPassphrase.empty())
        return fail(ErrorCode::InvalidInput, "a passphrase for the risk manager's key is required");
    CS_TRY(created, (*writer)->run([&](storage::Database& db) -> Result<void> {
        CS_TRY(migrated, storage::migrate(db));
        if (options.demo) {
            CS_TRY(seeded, seedDemoWorld(db, embeddedDemoWorld(), clock));
        }
        return startAuditLog(db, staging, options, clock);
    }));
    writer->reset(); // closes the connection and checkpoints the WAL before the directory moves

    Settings settings;
    settings.name = options.demo ? "Demo workspace" : "Workspace";
    settings.createdAt = toIso8601(clock.now());
    settings.demo = options.demo;
    if (options.demo) {
        CS_TRY(intents, storage::writeFileDurably(staging / kIntentsFile, embeddedDemoIntents()));
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
    const QJsonObject model = object.value(QStringLiteral("model")).toObject();
    const QString backend = model.value(QStringLiteral("backend")).toString();
    if (!backend.isEmpty())
        settings.modelBackend = backend.toStdString();
    settings.modelUrl = model.value(QStringLiteral("url")).toString().toStdString();
    settings.modelName = model.value(QStringLiteral("name")).toString().toStdString();
    return settings;
}

} // namespace cs::workspace
