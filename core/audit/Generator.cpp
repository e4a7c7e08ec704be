// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/Generator.h"

#include "core/audit/LogReads.h"
#include "core/domain/CanonicalJson.h"
#include "core/domain/Encoding.h"
#include "core/identity/Registry.h"
#include "core/storage/Database.h"

#include <QJsonArray>

#include <array>
#include <random>

namespace cs::audit {

namespace {

QString hexHash(std::string_view text)
{
    return QString::fromStdString(toHex(identity::sha256(text)));
}

struct AgentProfile
{
    const char* id;
    const char* action;
    const char* asset;
    const char* to;
    const char* venue;
    int decimals;
    std::int64_t maxMinor;
};

constexpr std::array<AgentProfile, 4> kAgents = {{
    {"api-buyer", "pay_api", "USDC", "weather-api", "x402", 6, 50'000'000},
    {"treasury-bot", "deposit", "USDC", "lend-one", "lend-one", 6, 900'000'000'000},
    {"trader", "swap", "ETH", "dex-alpha", "dex-alpha", 18, 0},
    {"payroll-bot", "transfer", "USDC", "emp-dana", "bank", 6, 12'000'000'000},
}};

std::string minorToDecimal(std::uint64_t minor, int decimals)
{
    std::string digits = std::to_string(minor);
    if (decimals == 0)
        return digits;
    if (digits.size() <= static_cast<std::size_t>(decimals))
        digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<std::size_t>(decimals), ".");
    while (digits.back() == '0')
        digits.pop_back();
    if (digits.back() == '.')
        digits.pop_back();
    return digits;
}

class HistoryBuilder
{
public:
    HistoryBuilder(const GeneratorKeys& keys, std::uint64_t seed) : m_keys(keys), m_random(seed) {}

    //! Appends the drafts of one proposal's life to `out`.
    Result<void> proposal(std::int64_t number, const std::string& policyVersion, std::vector<Draft>& out,
                          GenerateSummary& summary)
    {
        const AgentProfile& agent = kAgents[static_cast<std::size_t>(number) % kAgents.size()];
        char intentId[32];
        std::snprintf(intentId, sizeof intentId, "gen-%08lld", static_cast<long long>(number));
        const QString intent = QLatin1String(intentId);
        std::uint64_t minor = agent.maxMinor > 0 ? 1 + m_random() % static_cast<std::uint64_t>(agent.maxMinor)
                                                 : 1'000'000'000'000'000ull + m_random() % 4'000'000'000'000'000'000ull;
        const QString amount = QString::fromStdString(minorToDecimal(minor, agent.decimals));
        const QString debit = QStringLiteral("-") + amount;
        const QJsonObject action{{QStringLiteral("type"), QLatin1String(agent.action)},
                                 {QStringLiteral("asset"), QLatin1String(agent.asset)},
                                 {QStringLiteral("amount"), amount},
                                 {QStringLiteral("to"), QLatin1String(agent.to)},
                                 {QStringLiteral("venue"), QLatin1String(agent.venue)}};
        const std::string proposalText = canonicalJson(action).value();
        const unsigned roll = static_cast<unsigned>(m_random() % 100);
        const char* effect = roll < 70 ? "allow" : roll < 90 ? "require_approval" : "deny";

        CS_TRY(received, add(out, types::kIntentReceived, agent.id,
                             {{QStringLiteral("intent"), intent},
                              {QStringLiteral("agent"), QLatin1String(agent.id)},
                              {QStringLiteral("task"), QStringLiteral("%1 %2 %3 to %4")
                                                           .arg(QLatin1String(agent.action), amount,
                                                                QLatin1String(agent.asset), QLatin1String(agent.to))}}));
        CS_TRY(exchange, add(out, types::kModelExchange, "engine",
                             {{QStringLiteral("intent"), intent},
                              {QStringLiteral("backend"), QStringLiteral("rules")},
                              {QStringLiteral("request_sha256"), hexHash(intentId)},
                              {QStringLiteral("response_sha256"), hexHash(proposalText)},
                              {QStringLiteral("data_accessed"),
                               QJsonArray{QStringLiteral("balances"), QStringLiteral("prices")}}}));
        CS_TRY(parsed, add(out, types::kProposalParsed, "engine",
                           {{QStringLiteral("intent"), intent},
                            {QStringLiteral("action"), action},
                            {QStringLiteral("proposal_sha256"), hexHash(proposalText)}}));
        const QString stateBefore = hexHash(std::to_string(m_random()));
        CS_TRY(simulated, add(out, types::kSimulationCompleted, "engine",
                              {{QStringLiteral("intent"), intent},
                               {QStringLiteral("ok"), true},
                               {QStringLiteral("state_hash"), stateBefore},
                               {QStringLiteral("deltas"), // what the receipt's postings then move
                                QJsonArray{QJsonObject{{QStringLiteral("account"), QStringLiteral("%1:main").arg(QLatin1String(agent.id))},
                                                       {QStringLiteral("asset"), QLatin1String(agent.asset)},
                                                       {QStringLiteral("amount"), debit}},
                                           QJsonObject{{QStringLiteral("account"), QStringLiteral("cp:%1").arg(QLatin1String(agent.to))},
                                                       {QStringLiteral("asset"), QLatin1String(agent.asset)},
                                                       {QStringLiteral("amount"), amount}}}}}));
        const QJsonObject decision{{QStringLiteral("schema"), QStringLiteral("countersign.decision/1")},
                                   {QStringLiteral("intent"), intent},
                                   {QStringLiteral("effect"), QLatin1String(effect)},
                                   {QStringLiteral("rules"), QJsonArray{QStringLiteral("r-%1").arg(roll % 12)}},
                                   {QStringLiteral("policy_version"), QString::fromStdString(policyVersion)}};
        CS_TRY(decided, add(out, types::kPolicyDecided, "engine", decision, m_keys.engine));
        const QString decisionHash = hexHash(canonicalJson(decision).value());

        bool execute = roll < 70;
        if (roll >= 70 && roll < 90) {
            CS_TRY(requested, add(out, types::kApprovalRequested, "engine",
                                  {{QStringLiteral("intent"), intent},
                                   {QStringLiteral("groups"), QJsonArray{QStringLiteral("treasury")}},
                                   {QStringLiteral("threshold"), 2}}));
            const bool reject = roll >= 86;
            CS_TRY(first, add(out, types::kApprovalGranted, "alice", approval(intent, "alice", decisionHash, {}), m_keys.approverA));
            if (reject) {
                CS_TRY(second, add(out, types::kApprovalRejected, "bob",
                                   approval(intent, "bob", decisionHash, QStringLiteral("amount above the usual range")),
                                   m_keys.approverB));
            } else {
                CS_TRY(second, add(out, types::kApprovalGranted, "bob", approval(intent, "bob", decisionHash, {}), m_keys.approverB));
            }
            execute = !reject;
        }
        if (execute) {
            const QJsonObject receipt{
                {QStringLiteral("schema"), QStringLiteral("countersign.receipt/1")},
                {QStringLiteral("receipt_id"), QStringLiteral("rcpt-%1").arg(number, 8, 10, QLatin1Char('0'))},
                {QStringLiteral("intent"), intent},
                {QStringLiteral("agent"), QLatin1String(agent.id)},
                {QStringLiteral("action"), action},
                {QStringLiteral("idempotency_key"), hexHash(std::string(intentId) + "/1")},
                {QStringLiteral("postings"),
                 QJsonArray{QJsonObject{{QStringLiteral("account"), QStringLiteral("%1:main").arg(QLatin1String(agent.id))},
                                        {QStringLiteral("asset"), QLatin1String(agent.asset)},
                                        {QStringLiteral("amount"), debit}},
                            QJsonObject{{QStringLiteral("account"), QStringLiteral("cp:%1").arg(QLatin1String(agent.to))},
                                        {QStringLiteral("asset"), QLatin1String(agent.asset)},
                                        {QStringLiteral("amount"), amount}}}},
                {QStringLiteral("decision_sha256"), decisionHash},
                {QStringLiteral("policy_version"), QString::fromStdString(policyVersion)},
                {QStringLiteral("state_hash_before"), stateBefore},
                {QStringLiteral("state_hash_after"), hexHash(stateBefore.toStdString().append("/after"))},
                {QStringLiteral("adapter"), QStringLiteral("synthetic")}, // moves nothing in the ledger
                {QStringLiteral("outcome"), QStringLiteral("executed")},
            };
            CS_TRY(settled, add(out, types::kSettlementReceipt, "engine", receipt, m_keys.engine));
        }
        CS_TRY(reputation, add(out, types::kReputationUpdated, "engine",
                               {{QStringLiteral("agent"), QLatin1String(agent.id)},
                                {QStringLiteral("intent"), intent},
                                {QStringLiteral("outcome"), QLatin1String(execute ? "executed" : effect)}}));
        ++summary.proposals;
        return {};
    }

    Result<void> add(std::vector<Draft>& out, std::string_view type, std::string_view actor, const QJsonObject& body,
                     const identity::SigningKey* signer = nullptr)
    {
        CS_TRY(draft, makeDraft(type, actor, body, signer));
        out.push_back(std::move(*draft));
        return {};
    }

private:
    static QJsonObject approval(const QString& intent, const char* approver, const QString& decisionHash,
                                const QString& reason)
    {
        QJsonObject body{{QStringLiteral("schema"), QStringLiteral("countersign.approval/1")},
                         {QStringLiteral("intent"), intent},
                         {QStringLiteral("approver"), QLatin1String(approver)},
                         {QStringLiteral("signed_hash"), decisionHash}};
        if (!reason.isEmpty())
            body.insert(QStringLiteral("reason"), reason);
        return body;
    }

    const GeneratorKeys& m_keys;
    std::mt19937_64 m_random;
};

} // namespace

Result<GenerateSummary> generateHistory(storage::Database& db, std::int64_t entries, const GeneratorKeys& keys,
                                        const Clock& clock, const CheckpointPolicy& policy, std::int64_t batch)
{
    if (entries < 1)
        return fail(ErrorCode::InvalidInput, "--entries must be at least 1");
    if (keys.engine == nullptr || keys.approverA == nullptr || keys.approverB == nullptr || keys.riskManager == nullptr)
        return fail(ErrorCode::InvalidInput, "generate needs the engine, alice, bob and rita keys");
    CS_TRY(startSize, logSize(db));
    GenerateSummary summary;
    summary.firstSeq = *startSize + 1;
    HistoryBuilder builder(keys, static_cast<std::uint64_t>(*startSize) * 7919 + 17);
    const QJsonObject policyVersion{{QStringLiteral("schema"), QStringLiteral("countersign.policy-version/1")},
                                    {QStringLiteral("version"), QStringLiteral("generated-%1").arg(*startSize)},
                                    {QStringLiteral("rules"), 12},
                                    {QStringLiteral("note"), QStringLiteral("synthetic policy for countersign-cli generate")}};
    const std::string policyHash = toHex(identity::sha256(canonicalJson(policyVersion).value()));

    std::int64_t number = *startSize;
    bool first = true;
    while (summary.appended < entries) {
        std::vector<Draft> drafts;
        if (first) {
            CS_TRY(published, builder.add(drafts, types::kPolicyPublished, "rita", policyVersion, keys.riskManager));
        }
        while (static_cast<std::int64_t>(drafts.size()) < std::min(batch, entries - summary.appended)) {
            CS_TRY(made, builder.proposal(++number, policyHash, drafts, summary));
        }
        CS_TRY(transaction, storage::Transaction::begin(db));
        std::vector<Checkpoint> signedCheckpoints; // mirrored to files only after COMMIT
        if (first) {
            // A key suspended and restored, as a risk manager would while investigating an agent.
            for (auto status : {identity::KeyStatus::Suspended, identity::KeyStatus::Active}) {
                CS_TRY(statement, identity::changeStatus(db, "trader", status, "rita", *keys.riskManager,
                                                         "synthetic history: investigation"));
                CS_TRY(draft, draftOf(*statement));
                CS_TRY(changed, appendInTransaction(db, std::span(&*draft, 1), clock.now(), policy));
                summary.appended += static_cast<std::int64_t>(changed->entries.size());
                summary.signedEntries += 1;
                signedCheckpoints.insert(signedCheckpoints.end(), changed->checkpoints.begin(), changed->checkpoints.end());
            }
            first = false;
        }
        CS_TRY(appended, appendInTransaction(db, drafts, clock.now(), policy));
        CS_TRY(committed, transaction->commit());
        signedCheckpoints.insert(signedCheckpoints.end(), appended->checkpoints.begin(), appended->checkpoints.end());
        CS_TRY(files, writeCheckpointFiles(signedCheckpoints, policy));
        for (const Entry& entry : appended->entries)
            summary.signedEntries += entry.signature ? 1 : 0;
        summary.appended += static_cast<std::int64_t>(appended->entries.size());
    }
    CS_TRY(endSize, logSize(db));
    summary.lastSeq = *endSize;
    return summary;
}

} // namespace cs::audit
