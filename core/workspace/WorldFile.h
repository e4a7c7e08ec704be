// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"

#include <optional>

#include <QJsonArray>
#include <QJsonObject>

namespace cs::storage {
class Database;
}

namespace cs::workspace {

inline constexpr const char* kWorldFormat = "countersign.world/1";
inline constexpr const char* kWorldChangeSchema = "countersign.world-change/1";

/**
 * The world of a workspace as a `countersign.world/1` document (resources/schemas/
 * countersign.world-1.schema.json): assets; agent and treasury accounts with their balances;
 * venues; pools with their reserves; lending markets with their liquidity; counterparties; named
 * lists; the newest price of each pair. People are not in it (`principal add` makes them).
 */
Result<QJsonObject> exportWorld(storage::Database& db);

enum class WorldSource {
    File, //!< countersign.world/1 from anyone: what exists already must match, and is left as it is
    Demo, //!< resources/demo/world.json (countersign.demo-world/1): the demo's people too, into an empty workspace
};

//! What an import added: the items by section (as exported, with the amounts they open), the
//! opening balances they bring, and how many items were there already, unchanged.
struct ImportedWorld
{
    QJsonObject added;
    QJsonArray balances; //!< [{account, asset, amount}]
    int addedItems = 0;
    int unchangedItems = 0;
};

/**
 * Reads `document` into the caller's transaction, in dependency order. Every field is checked
 * (unknown ones refused) and every amount parsed exactly with its asset's decimals; an error
 * names the JSON path ("world.accounts[2].balances.USDC") and the reason, and the caller rolls
 * back, so an import is all or nothing. From a file, an item whose key exists already must be
 * the same as stored (amounts aside: an existing account's balances move only by settlement), and
 * is then skipped, so importing a file twice changes nothing.
 */
Result<ImportedWorld> importWorld(storage::Database& db, const QJsonObject& document, Timestamp now, WorldSource source);

/**
 * A new price of one unit of `asset` in `quote` from `now` on, in the caller's transaction (the
 * older ones stay: what was decided under them replays). Both assets must exist and the price
 * must be exact in the quote's decimals; returns the price as `exportWorld` shows it.
 */
Result<QJsonObject> setPrice(storage::Database& db, const std::string& asset, const std::string& quote,
                             const std::string& price, const std::string& source, Timestamp now);

/**
 * Sets one text of the world that no decision reads (store::describingField: the `name` of an
 * asset, venue or counterparty, the `description` of an account or list) on an item that exists,
 * in the caller's transaction. `value` at most 2000 characters of valid UTF-8 without control
 * characters, and a name not empty; an error names the part that is wrong (section, field, id,
 * value). Returns {section, id, field, before, after}, or nullopt when the text is already that.
 */
Result<std::optional<QJsonObject>> editText(storage::Database& db, const std::string& section, const std::string& id,
                                            const std::string& field, const std::string& value);

} // namespace cs::workspace
