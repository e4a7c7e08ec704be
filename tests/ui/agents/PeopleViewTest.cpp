// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include "tests/support/FakeEngine.h"
#include "ui/agents/AgentsView.h"
#include "ui/agents/PeopleModel.h"
#include "ui/agents/PrincipalDialog.h"
#include "ui/bridge/EngineClient.h"
#include "ui/common/Session.h"

using namespace cs;
using cs::ui::PeopleModel;

//! People & agents on the fake engine: the model, what a risk manager may do to whom, and the dialog.
class PeopleViewTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelShowsEveryone();
    void actionsFollowRoleAndStatus();
    void detailShowsWhatThePolicyLetsAnAgentDo();
    void dialogSignsOnlyWhenComplete_data();
    void dialogSignsOnlyWhenComplete();
};

namespace {

api::PrincipalView person(const char* id, const char* name, api::Role role, api::PrincipalStatus status, const char* key,
                          std::optional<Timestamp> lastActive)
{
    return {id, name, role, status, "", key, Timestamp{1'700'000'000'000}, lastActive};
}

} // namespace

void PeopleViewTest::modelShowsEveryone()
{
    PeopleModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPeople({person("rita", "Rita Alvarez", api::Role::RiskManager, api::PrincipalStatus::Active, "SHA256:aaaa:bbbb:cccc:dddd",
                            Timestamp{1'700'000'100'000}),
                     person("ola", "ola", api::Role::Analyst, api::PrincipalStatus::Active, "", std::nullopt),
                     person("trader", "Trader", api::Role::Agent, api::PrincipalStatus::Suspended, "SHA256:1111:2222:3333:4444",
                            std::nullopt)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(PeopleModel::ColumnCount));
    QCOMPARE(model.index(0, PeopleModel::NameColumn).data().toString(), QStringLiteral("Rita Alvarez (rita)"));
    QCOMPARE(model.index(1, PeopleModel::NameColumn).data().toString(), QStringLiteral("ola")); // the id once
    QCOMPARE(model.index(1, PeopleModel::KeyColumn).data().toString(), QStringLiteral("no key (signs nothing)"));
    QCOMPARE(model.index(1, PeopleModel::RoleColumn).data().toString(), QStringLiteral("analyst"));
    QCOMPARE(model.index(2, PeopleModel::StatusColumn).data().toString(), QStringLiteral("Suspended"));
    QCOMPARE(model.index(2, PeopleModel::LastActiveColumn).data().toString(), QStringLiteral("never"));
    QCOMPARE(model.index(0, PeopleModel::LastActiveColumn).data(PeopleModel::SortRole).toLongLong(), 1'700'000'100'000LL);
    QCOMPARE(model.index(2, 0).data(PeopleModel::IdRole).toString(), QStringLiteral("trader"));
    QCOMPARE(model.headerData(PeopleModel::KeyColumn, Qt::Horizontal).toString(), QStringLiteral("Key fingerprint"));
}

void PeopleViewTest::actionsFollowRoleAndStatus()
{
    auto factory = std::make_shared<test::FakeEngineFactory>();
    ui::EngineClient client(factory);
    ui::Session session;
    ui::AgentsView view(client, session);
    api::WorkspaceSummary summary;
    summary.principals = {person("rita", "Rita", api::Role::RiskManager, api::PrincipalStatus::Active, "SHA256:a", std::nullopt),
                          person("trader", "Trader", api::Role::Agent, api::PrincipalStatus::Suspended, "SHA256:b", std::nullopt),
                          person("api-buyer", "API buyer", api::Role::Agent, api::PrincipalStatus::Active, "SHA256:c", std::nullopt),
                          person("ola", "Ola", api::Role::Analyst, api::PrincipalStatus::Active, "", std::nullopt)};
    view.showWorkspace(summary);
    auto* who = view.findChild<QLabel*>(QStringLiteral("peopleSignedIn"));
    const auto button = [&](const QString& text) {
        for (QPushButton* candidate : view.findChildren<QPushButton*>()) {
            if (candidate->text() == text)
                return candidate;
        }
        return static_cast<QPushButton*>(nullptr);
    };
    const auto select = [&](const QString& id) {
        for (int row = 0; row < view.peopleTable()->model()->rowCount(); ++row) {
            if (view.peopleTable()->model()->index(row, 0).data(PeopleModel::IdRole).toString() == id)
                view.peopleTable()->setCurrentIndex(view.peopleTable()->model()->index(row, 0));
        }
    };
    // Nobody signed in: nothing can be signed.
    QVERIFY(!button(QStringLiteral("&Add…"))->isEnabled());
    QCOMPARE(who->text(), QStringLiteral("Not signed in (File > Sign In): read only."));
    // An analyst reads only.
    session.signIn(summary.principals[3]);
    QVERIFY(!button(QStringLiteral("&Add…"))->isEnabled());
    QVERIFY(!button(QStringLiteral("&Freeze all agents…"))->isEnabled());
    QCOMPARE(who->text(), QStringLiteral("Read only for Ola (ola): only a risk manager changes people and agents."));
    // The risk manager.
    session.signIn(summary.principals[0]);
    QCOMPARE(who->text(), QStringLiteral("Signing as Rita (rita)."));
    QVERIFY(button(QStringLiteral("&Add…"))->isEnabled());
    QVERIFY(button(QStringLiteral("&Freeze all agents…"))->isEnabled()); // api-buyer is active
    select(QStringLiteral("trader"));
    QVERIFY(!button(QStringLiteral("&Suspend…"))->isEnabled());
    QVERIFY(button(QStringLiteral("Res&ume…"))->isEnabled());
    QVERIFY(button(QStringLiteral("Re&voke…"))->isEnabled());
    QVERIFY(!button(QStringLiteral("New &key…"))->isEnabled()); // suspended
    QVERIFY(view.findChild<QLabel*>(QStringLiteral("principalDetail"))->text().contains(QStringLiteral("Id: trader")));
    select(QStringLiteral("api-buyer"));
    QVERIFY(button(QStringLiteral("&Suspend…"))->isEnabled());
    QVERIFY(!button(QStringLiteral("Res&ume…"))->isEnabled());
    QVERIFY(button(QStringLiteral("New &key…"))->isEnabled());

    // Suspended while signed in: the risk manager signs nothing more.
    summary.principals[0].status = api::PrincipalStatus::Suspended;
    session.update(summary.principals);
    view.showWorkspace(summary);
    QVERIFY(!button(QStringLiteral("&Add…"))->isEnabled());
    QVERIFY(!button(QStringLiteral("&Freeze all agents…"))->isEnabled());
}

void PeopleViewTest::detailShowsWhatThePolicyLetsAnAgentDo()
{
    auto factory = std::make_shared<test::FakeEngineFactory>();
    QVERIFY(factory->createWorkspace("/ws", {.demo = true}));
    factory->workspaces.at("/ws")->grants = {"Desk policy",
                                             {{"ops.small", api::Effect::Allow, "ops-bot pays listed APIs", "action in {pay_api}",
                                               "at most 100 USDC", ""},
                                              {"ops.cap", api::Effect::Deny, "at most 300 USDC a day", "", "",
                                               "above 300 USDC per calendar_day", "240.5", "300", "USDC",
                                               Timestamp{1'700'000'000'000}, 80}}};
    ui::EngineClient client(factory);
    ui::Session session;
    ui::AgentsView view(client, session);
    QSignalSpy opened(&client, &ui::EngineClient::workspaceOpened);
    client.openWorkspace(QStringLiteral("/ws"));
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1, 30000);
    view.showWorkspace(opened.first().at(1).value<api::WorkspaceSummary>());
    QTableView* people = view.peopleTable();
    for (int row = 0; row < people->model()->rowCount(); ++row) {
        if (people->model()->index(row, PeopleModel::RoleColumn).data().toString() == QLatin1String("agent"))
            people->setCurrentIndex(people->model()->index(row, 0));
    }
    auto* detail = view.findChild<QLabel*>(QStringLiteral("principalDetail"));
    QTRY_VERIFY(detail->text().contains(QStringLiteral("What the policy \u201cDesk policy\u201d lets it do:")));
    QVERIFY(detail->text().contains(QStringLiteral("• allows (ops.small): ops-bot pays listed APIs; each at most 100 USDC")));
    QVERIFY(detail->text().contains(QStringLiteral("• denies (ops.cap): at most 300 USDC a day; in total above 300 USDC per calendar_day")));
    // Each cap with a window as a bar of its use now; the one without a window has none.
    auto* bar = view.findChild<QProgressBar*>(QStringLiteral("cap:ops.cap"));
    QVERIFY(bar != nullptr);
    QCOMPARE(bar->value(), 80);
    QVERIFY2(bar->format().startsWith(QStringLiteral("240.5 of 300 USDC since ")), qPrintable(bar->format()));
    QVERIFY(bar->format().endsWith(QStringLiteral("(80 %)")));
    QVERIFY(bar->styleSheet().contains(QStringLiteral("#b26a00"))); // near the cap: amber
    QVERIFY(view.findChild<QProgressBar*>(QStringLiteral("cap:ops.small")) == nullptr);
}

void PeopleViewTest::dialogSignsOnlyWhenComplete_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("demo");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("newPassphrase");
    QTest::addColumn<QString>("again");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<bool>("signs");
    const int add = int(ui::PrincipalDialog::Kind::Add);
    const int status = int(ui::PrincipalDialog::Kind::Status);
    const int rotate = int(ui::PrincipalDialog::Kind::RotateKey);
    QTest::newRow("add-complete") << add << false << "ops-bot" << "" << "n" << "n" << "p" << true;
    QTest::newRow("add-bad-id") << add << false << "Ops Bot" << "" << "n" << "n" << "p" << false;
    QTest::newRow("add-passphrases-differ") << add << false << "ops-bot" << "" << "n" << "m" << "p" << false;
    QTest::newRow("add-no-signer-passphrase") << add << false << "ops-bot" << "" << "n" << "n" << "" << false;
    QTest::newRow("add-demo-no-passphrases") << add << true << "ops-bot" << "" << "" << "" << "" << true;
    QTest::newRow("status-needs-reason") << status << false << "" << "" << "" << "" << "p" << false;
    QTest::newRow("status-complete") << status << false << "" << "odd swaps" << "" << "" << "p" << true;
    QTest::newRow("rotate-needs-new-passphrase") << rotate << false << "" << "" << "" << "" << "p" << false;
    QTest::newRow("rotate-complete") << rotate << false << "" << "" << "n" << "n" << "p" << true;
}

void PeopleViewTest::dialogSignsOnlyWhenComplete()
{
    QFETCH(int, kind);
    QFETCH(bool, demo);
    QFETCH(QString, id);
    QFETCH(QString, reason);
    QFETCH(QString, newPassphrase);
    QFETCH(QString, again);
    QFETCH(QString, passphrase);
    QFETCH(bool, signs);
    ui::PrincipalDialog dialog(static_cast<ui::PrincipalDialog::Kind>(kind), QStringLiteral("rita"), QStringLiteral("what"), demo);
    if (auto* field = dialog.findChild<QLineEdit*>(QStringLiteral("principalId")))
        field->setText(id);
    if (auto* field = dialog.findChild<QPlainTextEdit*>(QStringLiteral("reason")))
        field->setPlainText(reason);
    dialog.findChild<QLineEdit*>(QStringLiteral("signerPassphrase"))->setText(passphrase);
    QList<QLineEdit*> fresh; // the new key's passphrase and its repetition, in that order
    for (QLineEdit* field : dialog.findChildren<QLineEdit*>()) {
        if (field->echoMode() == QLineEdit::Password && field->objectName() != QLatin1String("signerPassphrase"))
            fresh << field;
    }
    if (fresh.size() == 2) {
        fresh[0]->setText(newPassphrase);
        fresh[1]->setText(again);
    }
    QCOMPARE(dialog.findChild<QPushButton*>(QStringLiteral("sign"))->isEnabled(), signs);
}

QTEST_MAIN(PeopleViewTest)
#include "PeopleViewTest.moc"
