// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"
#include "core/identity/KeyFile.h"

#include <filesystem>
#include <string>

namespace cs::workspace {

inline constexpr const char* kDatabaseFile = "countersign.db";
inline constexpr const char* kSettingsFile = "workspace.json";
inline constexpr const char* kIntentsFile = "intents.jsonl";
inline constexpr const char* kKeysDir = "keys";
inline constexpr const char* kCheckpointsDir = "checkpoints";
inline constexpr const char* kSettingsFormat = "countersign.workspace/1";

struct InitOptions
{
    bool demo = false;  //!< seed the demo world from resources/demo
    bool force = false; //!< replace an existing workspace (its database, keys and checkpoints)
    //! Seals the engine key of a workspace that is not a demo; required then, never stored.
    //! Demo keys are all sealed with kDemoPassphrase.
    std::string enginePassphrase{};
    //! A workspace that is not a demo starts with its first risk manager (who can add everyone
    //! else): an id, an optional display name and the passphrase that seals their key.
    std::string riskManager{};
    std::string riskManagerName{};
    std::string riskManagerPassphrase{};
    //! The cost of sealing the keys of a workspace that is not a demo (tests lower it).
    identity::KdfCost sealCost = identity::kSealCost;
};

//! The passphrase of every key in a demo workspace; public, and never a default elsewhere.
inline constexpr const char* kDemoPassphrase = "demo";

//! workspace.json: the settings that travel with the directory.
struct Settings
{
    std::string name;
    std::string createdAt; //!< RFC 3339 UTC
    bool demo = false;
    std::string modelBackend = "rules";
    std::string modelUrl;  //!< openai: base URL up to /v1 ("model": {"url"}); empty for the default
    std::string modelName; //!< openai: the model ("model": {"name"}); API keys never live here
};

/**
 * Creates WS: the directory, countersign.db at the latest schema, keys/, checkpoints/ and
 * workspace.json; with `demo`, seeds it from the embedded resources/demo files and copies the
 * demo intents stream to WS/intents.jsonl. Otherwise it holds the engine and the first risk
 * manager. Every principal gets a sealed key, and the audit log starts with workspace.created,
 * one self-signed identity.registered per key, the signed opening of the ledger and a
 * checkpoint signed by the engine. An existing workspace is refused (AlreadyExists)
 * unless `force`; a non-empty directory that is not a workspace is always refused. On failure
 * nothing of a new workspace is left behind.
 */
Result<Settings> initWorkspace(const std::filesystem::path& dir, const InitOptions& options, const Clock& clock);

//! Reads and checks WS/workspace.json; NotAWorkspace when it is missing or not ours.
Result<Settings> loadSettings(const std::filesystem::path& dir);

} // namespace cs::workspace
