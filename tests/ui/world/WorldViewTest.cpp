// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialog>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

#include "tests/support/FakeEngine.h"
#include "ui/bridge/EngineClient.h"
#include "ui/common/Session.h"
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
    ui::Session session;
    WorldView view(client, session);
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

    // Only a risk manager signed in may change it: not an approver, and not once suspended.
    const auto buttonsEnabled = [&] {
        int enabled = 0;
        for (QPushButton* button : view.findChildren<QPushButton*>()) {
            if (button->text() == QStringLiteral("&Import…") || button->text() == QStringLiteral("Set &price…"))
                enabled += button->isEnabled() ? 1 : 0;
        }
        return enabled;
    };
    QCOMPARE(buttonsEnabled(), 0); // nobody signed in
    api::WorkspaceSummary summary = opened.first().at(1).value<api::WorkspaceSummary>();
    for (const api::PrincipalView& person : summary.principals) {
        if (person.role == api::Role::Approver)
            session.signIn(person);
    }
    QVERIFY(session.signedIn());
    QCOMPARE(buttonsEnabled(), 0);
    for (api::PrincipalView& person : summary.principals) {
        if (person.role == api::Role::RiskManager)
            session.signIn(person);
    }
    QCOMPARE(buttonsEnabled(), 2);

    // Edit: the selected counterparty's name, in one dialog with the signer's passphrase.
    QPushButton* edit = nullptr;
    for (QPushButton* button : view.findChildren<QPushButton*>()) {
        if (button->text() == QStringLiteral("E&dit…"))
            edit = button;
    }
    QVERIFY(edit != nullptr);
    auto* tabs = view.findChild<QTabWidget*>(QStringLiteral("worldTabs"));
    tabs->setCurrentIndex(WorldView::PricesTab);
    QVERIFY(!edit->isEnabled()); // a price is set, not edited
    tabs->setCurrentIndex(WorldView::CounterpartiesTab);
    auto* counterparties = qobject_cast<QTableView*>(tabs->currentWidget());
    QVERIFY(!edit->isEnabled()); // nothing selected
    counterparties->setCurrentIndex(counterparties->model()->index(0, 0)); // cloud-api, sorted by id
    QVERIFY(edit->isEnabled());
    bool filled = false;
    QTimer::singleShot(0, this, [&] { // the dialog is modal: fill it in once it shows
        QTRY_VERIFY(QApplication::activeModalWidget() != nullptr);
        QWidget* dialog = QApplication::activeModalWidget();
        auto* text = dialog->findChild<QLineEdit*>(QStringLiteral("editedText"));
        QVERIFY(text != nullptr);
        QCOMPARE(text->text(), QStringLiteral("Cloud API")); // the text as it is now
        text->setText(QStringLiteral("  Cloud API GmbH "));
        qobject_cast<QDialog*>(dialog)->accept(); // a demo key: no passphrase needed
        filled = true;
    });
    QSignalSpy changed(&client, &ui::EngineClient::worldChanged);
    edit->click();
    QVERIFY(filled);
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() == 1, 30000);
    const auto& edits = factory->workspaces.at("/ws")->textEdits;
    QCOMPARE(edits.size(), 1u);
    QCOMPARE(edits[0].first.section, std::string("counterparties"));
    QCOMPARE(edits[0].first.id, std::string("cloud-api"));
    QCOMPARE(edits[0].first.field, std::string("name"));
    QCOMPARE(edits[0].first.value, std::string("Cloud API GmbH"));
    QCOMPARE(edits[0].second, session.id().toStdString());
    QCOMPARE(view.findChild<QLabel*>(QStringLiteral("worldSignedIn"))->text(), QStringLiteral("Signing as %1.").arg(session.displayText()));
    for (api::PrincipalView& person : summary.principals)
        person.status = api::PrincipalStatus::Suspended;
    session.update(summary.principals);
    QCOMPARE(buttonsEnabled(), 0);
}

QTEST_MAIN(WorldViewTest)
#include "WorldViewTest.moc"
