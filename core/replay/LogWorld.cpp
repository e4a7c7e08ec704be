// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/replay/LogWorld.h"

#include "core/audit/Evidence.h"
#include "core/domain/CanonicalJson.h"
#include "core/storage/Migrations.h"
#include "core/store/Principals.h"
#include "core/store/World.h"
#include "core/workspace/WorldFile.h"

#include <QJsonArray>

#include <algorithm>

namespace cs::replay {

struct LogWorld::Kept
{
    policy::Decider decider;
    bool fresh = false;   //!< holds every spend held now, and the context as it is
    Timestamp latest{0};  //!< the latest spend time it counted
};

LogWorld::LogWorld() : m_catalog(std::vector<Asset>{}) {}
LogWorld::~LogWorld() = default;

Result<void> LogWorld::open()
{
    CS_TRY(db, storage::Database::open({}, storage::OpenMode::InMemory));
    m_db.emplace(std::move(*db));
    return storage::migrate(*m_db);
}

void LogWorld::unknown(std::string why)
{
    if (m_known || m_whyUnknown.rfind("the log records no opening world", 0) == 0) {
        m_known = false;
        m_whyUnknown = std::move(why);
    }
}

Result<void> LogWorld::reloadStructure()
{
    auto world = store::loadWorld(*m_db);
    if (!world) {
        unknown("the world the log records does not load: " + world.error().message);
        return {};
    }
    m_structure = std::move(*world);
    m_catalog = AssetCatalog(m_structure.assetList());
    m_ledger.assets = m_structure.assets;
    m_nowStale = true;
    for (auto& [version, kept] : m_deciders)
        kept->fresh = false; // prices may have moved
    return {};
}

void LogWorld::principal(const audit::Entry& entry, const QJsonObject& body)
{
    const std::string id = jsonText(body, "principal");
    Principal& principal = m_principals[id];
    const std::string event = jsonText(body, "event");
    if (body.contains(QStringLiteral("role")))
        principal.role = jsonText(body, "role");
    if (event == "status_changed")
        principal.status = jsonText(body, "to");
    if (auto registration = audit::registrationIn(entry)) // the key verify and evidence hold it to
        principal.key = registration->key;
    // The private world needs its agents: an account is owned by one.
    if (event == "registered" || event == "added") {
        auto known = store::findPrincipal(*m_db, id);
        if (known && !*known)
            (void)store::insertPrincipal(*m_db, {id, id, principal.role, "active", {}, {}, entry.time});
    }
    for (auto& [version, kept] : m_deciders)
        kept->fresh = false; // roles are in the context
}

Result<void> LogWorld::opened(const audit::Entry& entry, const QJsonObject& body)
{
    if (!body.contains(QStringLiteral("world"))) {
        unknown("the log's opening (entry " + std::to_string(entry.seq)
                + ") records no world: the workspace was created before replay could recompute simulations");
        m_ledger.opening(entry.seq, body);
        return {};
    }
    CS_TRY(transaction, storage::Transaction::begin(*m_db));
    auto imported = workspace::importWorld(*m_db, body.value(QStringLiteral("world")).toObject(), entry.time,
                                           workspace::WorldSource::File);
    if (!imported) {
        unknown("the opening world (entry " + std::to_string(entry.seq) + ") does not read: " + imported.error().message);
        return {};
    }
    CS_TRY(committed, transaction->commit());
    m_known = true;
    m_whyUnknown.clear();
    CS_TRY(loaded, reloadStructure());
    m_ledger.opening(entry.seq, body);
    return {};
}

Result<void> LogWorld::worldChanged(const audit::Entry& entry, const QJsonObject& body)
{
    if (m_known) {
        CS_TRY(transaction, storage::Transaction::begin(*m_db));
        const std::string change = jsonText(body, "change");
        QJsonObject added = body.value(QStringLiteral("added")).toObject();
        Result<void> applied;
        if (change == "price") {
            const QJsonObject price = added.value(QStringLiteral("prices")).toArray().first().toObject();
            auto set = workspace::setPrice(*m_db, jsonText(price, "asset"), jsonText(price, "quote"), jsonText(price, "price"),
                                           jsonText(price, "source"), entry.time);
            if (!set)
                applied = Unexpected{set.error()};
        } else if (change == "import") {
            added.insert(QStringLiteral("format"), QLatin1String(workspace::kWorldFormat));
            auto imported = workspace::importWorld(*m_db, added, entry.time, workspace::WorldSource::File);
            if (!imported)
                applied = Unexpected{imported.error()};
        } // an edit changes a text no decision or simulation reads
        if (!applied) {
            unknown("the world change at entry " + std::to_string(entry.seq) + " does not read: " + applied.error().message);
        } else {
            CS_TRY(committed, transaction->commit());
            CS_TRY(loaded, reloadStructure());
        }
    }
    m_ledger.worldChanged(entry.seq, body);
    m_nowStale = true;
    return {};
}

Result<void> LogWorld::apply(const audit::Entry& entry, const QJsonObject& body)
{
    m_scorer.add(entry, body);
    const std::string& type = entry.type;
    const std::string intent = jsonText(body, "intent");
    if (type.rfind("identity.", 0) == 0) {
        principal(entry, body);
    } else if (type == audit::types::kLedgerOpened) {
        CS_TRY(done, opened(entry, body));
    } else if (type == audit::types::kWorldChanged) {
        CS_TRY(done, worldChanged(entry, body));
    } else if (type == audit::types::kPolicyPublished) {
        const std::string version = jsonText(body, "version");
        auto parsed = policy::parsePolicy(jsonText(body, "document"), m_catalog);
        if (!parsed) {
            m_unreadable[version] = "its document does not parse: " + parsed.error().message;
        } else if (parsed->version != version) {
            m_unreadable[version] = "its document is version " + parsed->version;
        } else {
            if (jsonText(body, "mode") != "shadow")
                m_active = version;
            m_versions[version] = std::make_unique<policy::Evaluator>(std::move(*parsed));
        }
    } else if (type == audit::types::kSettlementReceipt) {
        m_ledger.receipt(entry.seq, body);
        m_nowStale = true;
        const std::string to = jsonText(body.value(QStringLiteral("action")).toObject(), "to");
        if (!to.empty()) {
            m_paid.insert(to);
            for (auto& [version, kept] : m_deciders)
                kept->decider.paidTo(to);
        }
    } else if (type == audit::types::kApprovalRejected || type == audit::types::kApprovalExpired
               || type == audit::types::kApprovalCancelled || type == audit::types::kSettlementFailed) {
        spend(intent, std::nullopt); // released
    }
    return {};
}

const simulation::WorldState& LogWorld::now()
{
    if (m_nowStale) {
        m_now = m_structure;
        m_now.balances = m_ledger.balances;
        m_now.positions = m_ledger.positions;
        m_nowStale = false;
    }
    return m_now;
}

std::string LogWorld::status(const std::string& principal) const
{
    const auto found = m_principals.find(principal);
    return found == m_principals.end() ? std::string("unknown") : found->second.status;
}

std::optional<identity::PublicKey> LogWorld::key(const std::string& principal) const
{
    const auto found = m_principals.find(principal);
    return found == m_principals.end() ? std::nullopt : found->second.key;
}

std::string LogWorld::whyNoVersion(const std::string& version) const
{
    const auto found = m_unreadable.find(version);
    return "policy version " + version
           + (found == m_unreadable.end() ? std::string(" was never published in this log")
                                          : " was published here, but " + found->second);
}

const policy::Evaluator* LogWorld::evaluator(const std::string& version) const
{
    const auto found = m_versions.find(version);
    return found == m_versions.end() ? nullptr : found->second.get();
}

void LogWorld::rebuild(Kept& kept, const std::string& version, const std::string& except)
{
    const policy::Evaluator& evaluator = *m_versions.at(version);
    policy::Context context;
    context.prices = policy::pricesIn(now(), evaluator.policy().globals.referenceCurrency);
    for (const auto& [id, principal] : m_principals)
        context.roles.emplace(id, principal.role);
    context.settledTo = m_paid;
    kept.decider = policy::Decider(evaluator, std::move(context));
    // In time order, as the engine's windows are filled.
    std::vector<const Held*> held;
    for (const auto& [intent, each] : m_spends) {
        if (intent != except)
            held.push_back(&each);
    }
    std::sort(held.begin(), held.end(), [](const Held* a, const Held* b) {
        return std::tie(a->spend.at.msSinceEpoch, a->order) < std::tie(b->spend.at.msSinceEpoch, b->order);
    });
    kept.latest = Timestamp{0};
    for (const Held* each : held) {
        kept.decider.count(each->spend, false);
        kept.latest = each->spend.at;
    }
    kept.fresh = except.empty();
}

policy::Decision LogWorld::decide(const std::string& version, const Proposal& proposal,
                                  const simulation::SimulationResult& simulated, Timestamp at, const std::string& intent,
                                  std::int64_t reputationAsOf)
{
    std::unique_ptr<Kept>& kept = m_deciders[version];
    if (!kept)
        kept = std::make_unique<Kept>();
    const bool own = m_spends.count(intent) != 0;
    if (!kept->fresh || own)
        rebuild(*kept, version, own ? intent : std::string());
    if (kept->decider.evaluator().usesReputation())
        kept->decider.useStandings(m_scorer.standingsAt(reputationAsOf));
    return kept->decider.decide(proposal, simulated, at);
}

void LogWorld::spend(const std::string& intent, std::optional<policy::Spend> spend)
{
    if (m_spends.erase(intent) != 0) {
        for (auto& [version, kept] : m_deciders)
            kept->fresh = false; // a spend left the windows: counted again from scratch
    }
    if (!spend)
        return;
    const Held& held = m_spends[intent] = Held{std::move(*spend), ++m_order};
    for (auto& [version, kept] : m_deciders) {
        if (!kept->fresh)
            continue;
        if (held.spend.at < kept->latest) {
            kept->fresh = false; // back in time: the windows are filled in order
            continue;
        }
        kept->decider.count(held.spend, false);
        kept->latest = held.spend.at;
    }
}

} // namespace cs::replay
