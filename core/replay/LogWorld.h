// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit/Entry.h"
#include "core/policy/Decide.h"
#include "core/reputation/Reputation.h"
#include "core/settlement/LedgerCheck.h"
#include "core/storage/Database.h"

#include <QJsonObject>

#include <map>
#include <memory>
#include <optional>

namespace cs::replay {

/**
 * What the log says the workspace was at each of its entries, fed the entries in order: the
 * world (ledger.opened's world, then each world.changed, read by the same import code as the
 * workspace's own, into a private in-memory database), the money (settlement::LogLedger), the
 * principals' roles, statuses and keys, the published policies and which one decides, and the
 * spends that count in the windows (reserved by a decision that needs approval, committed by
 * one that allows, released by a rejection, an expiry, a cancellation or a failure). It decides
 * through policy::Decider exactly as the engine does, one Decider per version, built again when
 * a spend is released or replaced, a price or role changes, or time goes back. Agents'
 * reputations are folded from the entries as the engine folds them, so a decision under a
 * policy that matches on reputation is made again with the standing over the entries it names.
 */
class LogWorld
{
public:
    LogWorld();
    ~LogWorld();
    Result<void> open();

    //! The entry's effect on the state above (after replay read it). Untrusted bodies: what does
    //! not read is a problem the world carries (whyUnknown), never a crash.
    Result<void> apply(const audit::Entry& entry, const QJsonObject& body);

    //! Whether the world is known (the log opened it with its world); why not, when not.
    bool known() const { return m_known; }
    const std::string& whyUnknown() const { return m_whyUnknown; }
    //! The world now: the structure with the log's balances and positions.
    const simulation::WorldState& now();
    const AssetCatalog& catalog() const { return m_catalog; }

    std::string status(const std::string& principal) const;
    std::optional<identity::PublicKey> key(const std::string& principal) const;

    const policy::Evaluator* evaluator(const std::string& version) const;
    //! Why evaluator(version) is null.
    std::string whyNoVersion(const std::string& version) const;
    const std::string& activeVersion() const { return m_active; }

    //! Decides as the engine did at `at` under `version` (which must be published), leaving
    //! `intent`'s own spend out of the windows; with agents' reputations over entries
    //! 1..`reputationAsOf` (of those applied so far).
    policy::Decision decide(const std::string& version, const Proposal& proposal, const simulation::SimulationResult& simulated,
                            Timestamp at, const std::string& intent, std::int64_t reputationAsOf);
    //! `intent` now counts `spend` in the windows (replacing what it counted), or nothing.
    void spend(const std::string& intent, std::optional<policy::Spend> spend);

private:
    struct Kept;
    Result<void> opened(const audit::Entry& entry, const QJsonObject& body);
    Result<void> worldChanged(const audit::Entry& entry, const QJsonObject& body);
    Result<void> reloadStructure();
    void principal(const audit::Entry& entry, const QJsonObject& body);
    void unknown(std::string why);
    void rebuild(Kept& kept, const std::string& version, const std::string& except);

    std::optional<storage::Database> m_db; //!< the world the log records, in memory
    bool m_known = false;
    std::string m_whyUnknown = "the log records no opening world (ledger.opened)";
    simulation::WorldState m_structure;
    simulation::WorldState m_now;
    bool m_nowStale = true;
    AssetCatalog m_catalog;
    settlement::LogLedger m_ledger;

    struct Principal
    {
        std::string role;
        std::string status = "active";
        std::optional<identity::PublicKey> key;
    };
    std::map<std::string, Principal> m_principals;

    std::map<std::string, std::unique_ptr<policy::Evaluator>> m_versions;
    std::string m_active;
    std::map<std::string, std::string> m_unreadable; //!< versions published that do not read, and why
    std::unordered_set<std::string> m_paid; //!< counterparties settled to so far

    struct Held
    {
        policy::Spend spend;
        std::uint64_t order = 0;
    };
    std::map<std::string, Held> m_spends; //!< by intent
    std::uint64_t m_order = 0;
    std::map<std::string, std::unique_ptr<Kept>> m_deciders; //!< by policy version
    reputation::Scorer m_scorer{false}; //!< every entry applied
};

} // namespace cs::replay
