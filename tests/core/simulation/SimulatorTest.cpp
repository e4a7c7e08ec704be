// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTemporaryDir>
#include <QTest>

#include "core/domain/Encoding.h"
#include "core/model/ProposalParser.h"
#include "core/simulation/Simulator.h"
#include "core/storage/Database.h"
#include "tests/support/Proposals.h"
#include "core/workspace/Workspace.h"
#include "core/store/World.h"

#include <map>

using namespace cs;
using namespace cs::simulation;

/**
 * The simulator on the demo world, loaded from a real workspace database: exact integer
 * results for every action type, the golden swaps (computed independently with Python's
 * integers from the Uniswap v2 formula), one-minor-unit boundaries and every failure reason.
 */
class SimulatorTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void actions_data();
    void actions();
    void depositThenWithdraw();
    void overflowAndEmptyPool();
    void stateHashIsStableAndSensitive();

private:
    QTemporaryDir m_dir;
    WorldState m_world;
    std::string m_dbPath;
};

void SimulatorTest::initTestCase()
{
    const ManualClock clock(Timestamp{1'795'600'000'000});
    const std::string ws = m_dir.filePath(QStringLiteral("ws")).toStdString();
    QVERIFY(workspace::initWorkspace(ws, {.demo = true}, clock));
    m_dbPath = ws + "/" + workspace::kDatabaseFile;
    auto db = storage::Database::open(m_dbPath, storage::OpenMode::MustExist);
    QVERIFY(db.has_value());
    auto world = store::loadWorld(*db);
    QVERIFY2(world.has_value(), world ? "" : world.error().message.c_str());
    m_world = std::move(*world);
}

void SimulatorTest::actions_data()
{
    QTest::addColumn<QByteArray>("agent");
    QTest::addColumn<QByteArray>("action");
    QTest::addColumn<int>("maxSlippageBps");
    QTest::addColumn<QString>("failure");
    QTest::addColumn<QStringList>("deltas"); // "account asset amount"
    QTest::addColumn<QString>("swap");       // "out fee impact" for swaps

    QTest::newRow("pay-api") << QByteArray("api-buyer")
                             << QByteArray(R"({"type":"pay_api","asset":"USDC","amount":"25","to":"weather-api","venue":"x402"})")
                             << 10000 << "none"
                             << QStringList{QStringLiteral("api-buyer:main USDC -25"), QStringLiteral("cp:weather-api USDC 25")}
                             << QString();
    QTest::newRow("pay-everything") << QByteArray("api-buyer")
                                    << QByteArray(R"({"type":"pay_api","asset":"USDC","amount":"1200","to":"weather-api"})")
                                    << 10000 << "none"
                                    << QStringList{QStringLiteral("api-buyer:main USDC -1200"), QStringLiteral("cp:weather-api USDC 1200")}
                                    << QString();
    QTest::newRow("one-minor-unit-too-much")
        << QByteArray("api-buyer") << QByteArray(R"({"type":"pay_api","asset":"USDC","amount":"1200.000001","to":"weather-api"})")
        << 10000 << "insufficient_funds" << QStringList() << QString();
    QTest::newRow("asset-not-held") << QByteArray("api-buyer")
                                    << QByteArray(R"({"type":"transfer","asset":"ETH","amount":"0.000000000000000001","to":"wallet-7f3a"})")
                                    << 10000 << "insufficient_funds" << QStringList() << QString();
    QTest::newRow("unknown-counterparty") << QByteArray("payroll-bot")
                                          << QByteArray(R"({"type":"transfer","asset":"USDC","amount":"10","to":"nobody"})")
                                          << 10000 << "unknown_counterparty" << QStringList() << QString();
    QTest::newRow("transfer-to-another-agent")
        << QByteArray("treasury-bot") << QByteArray(R"({"type":"transfer","asset":"USDC","amount":"80000","to":"payroll-bot"})")
        << 10000 << "none"
        << QStringList{QStringLiteral("treasury-bot:main USDC -80000"), QStringLiteral("payroll-bot:main USDC 80000")}
        << QString();
    QTest::newRow("pay-api-to-an-agent") << QByteArray("api-buyer")
                                         << QByteArray(R"({"type":"pay_api","asset":"USDC","amount":"1","to":"trader"})")
                                         << 10000 << "unknown_counterparty" << QStringList() << QString();
    QTest::newRow("transfer-to-itself") << QByteArray("payroll-bot")
                                        << QByteArray(R"({"type":"transfer","asset":"USDC","amount":"1","to":"payroll-bot"})")
                                        << 10000 << "unknown_counterparty" << QStringList() << QString();
    QTest::newRow("unknown-venue") << QByteArray("payroll-bot")
                                   << QByteArray(R"({"type":"transfer","asset":"USDC","amount":"10","to":"sam-fisher","venue":"bank-x"})")
                                   << 10000 << "unknown_venue" << QStringList() << QString();
    QTest::newRow("api-payment-at-a-dex")
        << QByteArray("api-buyer") << QByteArray(R"({"type":"pay_api","asset":"USDC","amount":"1","to":"weather-api","venue":"dex-alpha"})")
        << 10000 << "unknown_venue" << QStringList() << QString();
    QTest::newRow("unknown-agent") << QByteArray("ghost")
                                   << QByteArray(R"({"type":"transfer","asset":"USDC","amount":"1","to":"sam-fisher"})")
                                   << 10000 << "unknown_agent" << QStringList() << QString();

    const QStringList usdcToEth{QStringLiteral("trader:main USDC -3000"), QStringLiteral("trader:main ETH 0.933989109643264249"),
                                QStringLiteral("pool:dex-alpha:usdc-eth USDC 3000"),
                                QStringLiteral("pool:dex-alpha:usdc-eth ETH -0.933989109643264249")};
    QTest::newRow("swap-usdc-eth")
        << QByteArray("trader")
        << QByteArray(R"({"type":"swap","asset":"USDC","amount":"3000","venue":"dex-alpha","params":{"asset_out":"ETH","min_out":"0.9"}})")
        << 50 << "none" << usdcToEth << QStringLiteral("0.933989109643264249 9 8");
    QTest::newRow("swap-min-out-exactly-met")
        << QByteArray("trader")
        << QByteArray(R"({"type":"swap","asset":"USDC","amount":"3000","params":{"asset_out":"ETH","min_out":"0.933989109643264249"}})")
        << 50 << "none" << usdcToEth << QStringLiteral("0.933989109643264249 9 8");
    QTest::newRow("swap-min-out-one-wei-above")
        << QByteArray("trader")
        << QByteArray(R"({"type":"swap","asset":"USDC","amount":"3000","params":{"asset_out":"ETH","min_out":"0.93398910964326425"}})")
        << 50 << "below_min_out" << QStringList() << QString();
    QTest::newRow("swap-eth-usdc")
        << QByteArray("trader")
        << QByteArray(R"({"type":"swap","asset":"ETH","amount":"1","venue":"dex-alpha","params":{"asset_out":"USDC","min_out":"3000"}})")
        << 50 << "none"
        << QStringList{QStringLiteral("trader:main ETH -1"), QStringLiteral("trader:main USDC 3187.857364"),
                       QStringLiteral("pool:dex-alpha:usdc-eth ETH 1"), QStringLiteral("pool:dex-alpha:usdc-eth USDC -3187.857364")}
        << QStringLiteral("3187.857364 0.003 8");
    QTest::newRow("swap-sol-usdc")
        << QByteArray("trader")
        << QByteArray(R"({"type":"swap","asset":"SOL","amount":"100","venue":"dex-beta","params":{"asset_out":"USDC","min_out":"14000"}})")
        << 50 << "none"
        << QStringList{QStringLiteral("trader:main SOL -100"), QStringLiteral("trader:main USDC 14937.66613"),
                       QStringLiteral("pool:dex-beta:sol-usdc SOL 100"), QStringLiteral("pool:dex-beta:sol-usdc USDC -14937.66613")}
        << QStringLiteral("14937.66613 0.25 17");
    QTest::newRow("swap-impact-at-the-limit")
        << QByteArray("trader")
        << QByteArray(R"({"type":"swap","asset":"USDC","amount":"40000","params":{"asset_out":"ETH","min_out":"12"}})")
        << 99 << "none"
        << QStringList{QStringLiteral("trader:main USDC -40000"), QStringLiteral("trader:main ETH 12.339475429963266235"),
                       QStringLiteral("pool:dex-alpha:usdc-eth USDC 40000"), QStringLiteral("pool:dex-alpha:usdc-eth ETH -12.339475429963266235")}
        << QStringLiteral("12.339475429963266235 120 99");
    QTest::newRow("swap-impact-one-bp-too-high")
        << QByteArray("trader")
        << QByteArray(R"({"type":"swap","asset":"USDC","amount":"40000","params":{"asset_out":"ETH","min_out":"12"}})")
        << 98 << "slippage_too_high" << QStringList() << QString();
    QTest::newRow("swap-no-pool-for-pair")
        << QByteArray("trader")
        << QByteArray(R"({"type":"swap","asset":"SOL","amount":"1","params":{"asset_out":"ETH","min_out":"0.01"}})")
        << 10000 << "no_pool" << QStringList() << QString();
    QTest::newRow("swap-pool-at-another-venue")
        << QByteArray("trader")
        << QByteArray(R"({"type":"swap","asset":"USDC","amount":"1","venue":"dex-beta","params":{"asset_out":"ETH","min_out":"0.0001"}})")
        << 10000 << "no_pool" << QStringList() << QString();
    QTest::newRow("swap-more-than-held")
        << QByteArray("trader")
        << QByteArray(R"({"type":"swap","asset":"SOL","amount":"300.000000001","params":{"asset_out":"USDC","min_out":"1"}})")
        << 10000 << "insufficient_funds" << QStringList() << QString();
    QTest::newRow("deposit") << QByteArray("treasury-bot")
                             << QByteArray(R"({"type":"deposit","asset":"USDC","amount":"50000","venue":"lend-one"})")
                             << 10000 << "none"
                             << QStringList{QStringLiteral("treasury-bot:main USDC -50000"), QStringLiteral("venue:lend-one:usdc USDC 50000")}
                             << QString();
    QTest::newRow("deposit-no-market-for-asset")
        << QByteArray("treasury-bot") << QByteArray(R"({"type":"deposit","asset":"SOL","amount":"1","venue":"lend-one"})")
        << 10000 << "unknown_venue" << QStringList() << QString();
    QTest::newRow("withdraw-without-position")
        << QByteArray("treasury-bot") << QByteArray(R"({"type":"withdraw","asset":"USDC","amount":"1","venue":"lend-one"})")
        << 10000 << "no_position" << QStringList() << QString();
}

void SimulatorTest::actions()
{
    QFETCH(QByteArray, agent);
    QFETCH(QByteArray, action);
    QFETCH(int, maxSlippageBps);
    QFETCH(QString, failure);
    QFETCH(QStringList, deltas);
    QFETCH(QString, swap);
    const Proposal p = test::makeProposal(agent, action);
    const SimulationResult result = simulate(m_world, p, {maxSlippageBps});
    QCOMPARE(QString::fromLatin1(toString(result.failure).data()), failure);
    QVERIFY(result.stateBefore == m_world.hash());
    if (!result.ok()) {
        QVERIFY(!result.reason.empty());
        QVERIFY(result.deltas.empty());
        QVERIFY(result.stateAfter == result.stateBefore);
        return;
    }
    QStringList got;
    std::map<std::string, Int128> perAsset;
    for (const BalanceDelta& delta : result.deltas) {
        got << QString::fromStdString(delta.account + " " + delta.amount.asset().code + " " + delta.amount.toString());
        perAsset[delta.amount.asset().code] += delta.amount.minor();
    }
    QCOMPARE(got, deltas);
    for (const auto& [code, sum] : perAsset)
        QVERIFY2(sum == 0, code.c_str()); // nothing is created or destroyed
    if (!swap.isEmpty()) {
        QVERIFY(result.expectedOut && result.fee && result.priceImpactBps);
        QCOMPARE(QString::fromStdString(result.expectedOut->toString() + " " + result.fee->toString() + " "
                                        + std::to_string(*result.priceImpactBps)),
                 swap);
    }
    QVERIFY(result.stateAfter != result.stateBefore);
    WorldState after = m_world;
    apply(after, p, result.deltas);
    QVERIFY(result.stateAfter == after.hash());
    QVERIFY(m_world.hash() == result.stateBefore); // simulate() never changes its input
}

void SimulatorTest::depositThenWithdraw()
{
    const Proposal deposit = test::makeProposal("treasury-bot", R"({"type":"deposit","asset":"ETH","amount":"2.5","venue":"lend-one"})");
    const SimulationResult deposited = simulate(m_world, deposit);
    QVERIFY(deposited.ok());
    WorldState after = m_world;
    apply(after, deposit, deposited.deltas);
    QVERIFY(after.hash() == deposited.stateAfter);

    const Proposal tooMuch = test::makeProposal("treasury-bot", R"({"type":"withdraw","asset":"ETH","amount":"2.500000000000000001","venue":"lend-one"})");
    QVERIFY(simulate(after, tooMuch).failure == Failure::NoPosition);
    const Proposal all = test::makeProposal("treasury-bot", R"({"type":"withdraw","asset":"ETH","amount":"2.5","venue":"lend-one"})");
    const SimulationResult withdrawn = simulate(after, all);
    QVERIFY2(withdrawn.ok(), withdrawn.reason.c_str());
    WorldState back = after;
    apply(back, all, withdrawn.deltas);
    QCOMPARE(back.balance("treasury-bot:main", "ETH"), m_world.balance("treasury-bot:main", "ETH"));
    QVERIFY(back.positions.at({"treasury-bot", "lend-one", "ETH"}) == 0);
}

void SimulatorTest::overflowAndEmptyPool()
{
    WorldState rich = m_world;
    rich.balances[{"trader:main", "USDC"}] = kInt128Max / 2;
    const Proposal huge = test::makeProposal("trader", R"({"type":"swap","asset":"USDC","amount":"1000000000000000000000000","params":{"asset_out":"ETH","min_out":"1"}})");
    const SimulationResult overflowed = simulate(rich, huge);
    QVERIFY(overflowed.failure == Failure::Overflow);
    QVERIFY(overflowed.deltas.empty());

    WorldState payee = m_world;
    payee.balances[{"cp:weather-api", "USDC"}] = kInt128Max;
    QVERIFY(simulate(payee, test::makeProposal("api-buyer", R"({"type":"pay_api","asset":"USDC","amount":"1","to":"weather-api"})")).failure == Failure::Overflow);

    WorldState drained = m_world;
    drained.balances[{"pool:dex-alpha:usdc-eth", "ETH"}] = 0;
    QVERIFY(simulate(drained, test::makeProposal("trader", R"({"type":"swap","asset":"USDC","amount":"1","params":{"asset_out":"ETH","min_out":"0.000000000000000001"}})")).failure == Failure::EmptyPool);
    // One minor unit in: the pool keeps it all as fee and price; the agent gets what the formula gives.
    const SimulationResult dust = simulate(m_world, test::makeProposal("trader", R"({"type":"swap","asset":"USDC","amount":"0.000001","params":{"asset_out":"ETH","min_out":"0.000000000000000001"}})"));
    QVERIFY2(dust.ok(), dust.reason.c_str());
    QCOMPARE(dust.expectedOut->toString(), std::string("0.000000000311562499"));
    QCOMPARE(dust.fee->toString(), std::string("0.000001")); // rounded up, never in the agent's favour
}

void SimulatorTest::stateHashIsStableAndSensitive()
{
    auto db = storage::Database::open(m_dbPath, storage::OpenMode::MustExist);
    QVERIFY(db.has_value());
    const auto again = store::loadWorld(*db);
    QVERIFY(again.has_value());
    QVERIFY(again->hash() == m_world.hash());
    QCOMPARE(m_world.agentAccounts.size(), std::size_t{4});
    QCOMPARE(m_world.pools.size(), std::size_t{2});
    QCOMPARE(m_world.lending.size(), std::size_t{2});
    QVERIFY(!m_world.prices.empty());

    QVERIFY(db->exec("UPDATE balances SET amount = '1200.000001' WHERE account = 'api-buyer:main' AND asset = 'USDC'"));
    const auto moved = store::loadWorld(*db);
    QVERIFY(moved.has_value());
    QVERIFY(moved->hash() != m_world.hash());
    QVERIFY(moved->balance("api-buyer:main", "USDC") == m_world.balance("api-buyer:main", "USDC") + 1);
    QVERIFY(db->exec("UPDATE balances SET amount = '1200' WHERE account = 'api-buyer:main' AND asset = 'USDC'"));

    // The bytes hashed are a format: recorded simulations carry these hashes, so the demo's world
    // (and one lending position) hash to what they always have. A change of the demo's data
    // changes them too; a change of the hashing must not.
    QCOMPARE(QString::fromStdString(toHex(m_world.hash())), QStringLiteral("03c7f7bb5738e367df3c0dd505226cb03e469c67711ccd8406626a437a7e87f1"));
    WorldState lent = m_world;
    lent.positions[{"treasury-bot", "lend-one", "USDC"}] = 1'500'000;
    QCOMPARE(QString::fromStdString(toHex(lent.hash())), QStringLiteral("e21a95f071174430ebe41124a0bf0aaa3f2259201530112373b458714280d68b"));
}

QTEST_GUILESS_MAIN(SimulatorTest)
#include "SimulatorTest.moc"
