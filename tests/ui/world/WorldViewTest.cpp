// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

#include "tests/support/FakeEngine.h"
#include "ui/bridge/EngineClient.h"
#include "ui/world/WorldView.h"

using namespace cs;
using cs::ui::WorldView;

//! The World view on the fake engine: what the engine holds, shown exactly; who may change it.
class WorldViewTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheWorld();
};

void WorldViewTest::showsTheWorld()
{
    auto factory = std::make_shared<test::FakeEngineFactory>();
    QVERIFY(factory->createWorkspace("/ws", {.demo = true}));
    api::WorldView& world = factory->workspaces.at("/ws")->world;
    world.assets = {{"USDC", "USD Coin", 6}, {"ETH", "Ether", 18}};
    world.accounts = {{"ops-bot:main", "ops-bot", "agent", "Cloud bills", {{"USDC", "1200.5"}, {"ETH", "0.000000000000000001"}}},
                      {"cp:cloud-api", "", "counterparty", "Cloud API", {}}};
    world.counterparties = {{"cloud-api", "Cloud API", "api", {"api-vendors"}}, {"wallet-1", "Unknown wallet", "wallet", {}}};
    world.venues = {{"x402", "x402", "x402 pay-per-call"}};
    world.prices = {{"ETH", "USDC", "3250.5", "desk quote", Timestamp{1'700'000'000'000}}};
    world.lists = {{"api-vendors", "counterparties", "APIs with a pricing agreement", {"cloud-api"}}};

    ui::EngineClient client(factory);
    WorldView view(client);
    QSignalSpy loaded(&client, &ui::EngineClient::worldLoaded);
    QSignalSpy opened(&client, &ui::EngineClient::workspaceOpened);
    client.openWorkspace(QStringLiteral("/ws"));
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1, 30000); // emitted on the worker: maybe before any wait()
    view.showWorkspace(opened.first().at(1).value<api::WorkspaceSummary>());
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 30000);
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    for (int tab = 0; tab < WorldView::TabCount; ++tab)
        testers.push_back(std::make_unique<QAbstractItemModelTester>(view.model(static_cast<WorldView::Tab>(tab)),
                                                                     QAbstractItemModelTester::FailureReportingMode::QtTest));
    QStandardItemModel* accounts = view.model(WorldView::AccountsTab);
    QTRY_COMPARE(accounts->rowCount(), 2); // the view's queued copy of the signal
    // Exact amounts, in the user's locale (QLocale::C here), the smallest unit kept.
    QCOMPARE(accounts->index(0, 3).data().toString(), QStringLiteral("0.000000000000000001 ETH · 1,200.5 USDC"));
    QCOMPARE(accounts->index(1, 3).data().toString(), QStringLiteral("–"));
    QCOMPARE(view.model(WorldView::CounterpartiesTab)->index(0, 3).data().toString(), QStringLiteral("api-vendors"));
    QCOMPARE(view.model(WorldView::CounterpartiesTab)->index(1, 3).data().toString(), QStringLiteral("none"));
    QCOMPARE(view.model(WorldView::PricesTab)->index(0, 2).data().toString(), QStringLiteral("3,250.5"));
    QCOMPARE(view.model(WorldView::ListsTab)->index(0, 2).data().toString(), QStringLiteral("cloud-api"));
    QCOMPARE(view.model(WorldView::VenuesTab)->rowCount(), 1);

    // The demo's risk manager may change it; nobody may where there is none.
    auto* actAs = view.findChild<QComboBox*>(QStringLiteral("worldActAs"));
    QVERIFY(actAs->count() >= 1);
    api::WorkspaceSummary nobody = opened.first().at(1).value<api::WorkspaceSummary>();
    for (api::PrincipalView& person : nobody.principals) {
        if (person.role == api::Role::RiskManager)
            person.status = api::PrincipalStatus::Revoked;
    }
    view.showWorkspace(nobody);
    QCOMPARE(actAs->count(), 0);
    for (QPushButton* button : view.findChildren<QPushButton*>()) {
        if (button->text() == QStringLiteral("&Import…") || button->text() == QStringLiteral("Set &price…"))
            QVERIFY(!button->isEnabled());
    }
}

QTEST_MAIN(WorldViewTest)
#include "WorldViewTest.moc"
