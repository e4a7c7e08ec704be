// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/world/WorldView.h"

#include "ui/bridge/EngineClient.h"
#include "ui/common/MoneyFormat.h"
#include "ui/common/Secrets.h"
#include "ui/common/Session.h"
#include "ui/common/ViewHeading.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace cs::ui {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

//! What the Edit button changes in a tab: the one text of its items no decision reads.
struct Editable
{
    const char* section; //!< as in the world file
    const char* field;
    int column;
};

const Editable* editableOf(WorldView::Tab tab)
{
    static const Editable accounts{"accounts", "description", 4};
    static const Editable counterparties{"counterparties", "name", 1};
    static const Editable venues{"venues", "name", 2};
    static const Editable lists{"lists", "description", 3};
    switch (tab) {
    case WorldView::AccountsTab: return &accounts;
    case WorldView::CounterpartiesTab: return &counterparties;
    case WorldView::VenuesTab: return &venues;
    case WorldView::ListsTab: return &lists;
    default: return nullptr;
    }
}

QStandardItem* item(const QString& text)
{
    auto* cell = new QStandardItem(text);
    cell->setEditable(false);
    return cell;
}

QTableView* tableOf(QStandardItemModel* model, QWidget* parent)
{
    auto* proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    auto* table = new QTableView(parent);
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->sortByColumn(0, Qt::AscendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return table;
}

//! "1,200 USDC · 12.75 ETH", in the user's locale and exact.
QString amountsText(const std::map<std::string, std::string>& amounts)
{
    QStringList parts;
    for (const auto& [asset, amount] : amounts)
        parts << formatAmount(qs(amount), QLocale()) + u' ' + qs(asset);
    return parts.isEmpty() ? QStringLiteral("–") : parts.join(QStringLiteral(" · "));
}

} // namespace

WorldView::WorldView(EngineClient& client, const Session& session, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_session(session)
    , m_tabs(new QTabWidget(this))
    , m_models{}
    , m_who(new QLabel(this))
    , m_import(new QPushButton(tr("&Import…"), this))
    , m_add(new QPushButton(tr("Add &counterparty…"), this))
    , m_price(new QPushButton(tr("Set &price…"), this))
    , m_edit(new QPushButton(tr("E&dit…"), this))
    , m_state(new QLabel(this))
{
    const QStringList headers[TabCount] = {
        {tr("Account"), tr("Owner"), tr("Kind"), tr("Balances"), tr("Description")},
        {tr("Counterparty"), tr("Name"), tr("Kind"), tr("On lists")},
        {tr("Venue"), tr("Kind"), tr("Name")},
        {tr("Asset"), tr("Quote"), tr("Price"), tr("Source"), tr("Since")},
        {tr("List"), tr("Kind"), tr("Members"), tr("Description")},
    };
    const QString titles[TabCount] = {tr("Accounts"), tr("Counterparties"), tr("Venues"), tr("Prices"), tr("Lists")};
    for (int tab = 0; tab < TabCount; ++tab) {
        m_models[tab] = new QStandardItemModel(0, static_cast<int>(headers[tab].size()), this);
        m_models[tab]->setHorizontalHeaderLabels(headers[tab]);
        QTableView* table = tableOf(m_models[tab], m_tabs);
        table->setObjectName(QStringLiteral("worldTable%1").arg(tab));
        m_tabs->addTab(table, titles[tab]);
        connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &WorldView::updateActions);
    }
    m_tabs->setObjectName(QStringLiteral("worldTabs"));
    m_who->setObjectName(QStringLiteral("worldSignedIn"));
    m_who->setTextFormat(Qt::PlainText);
    connect(&m_session, &Session::changed, this, &WorldView::updateActions);
    auto* exportButton = new QPushButton(tr("&Export…"), this);
    auto* refresh = new QPushButton(tr("&Refresh"), this);
    connect(m_import, &QPushButton::clicked, this, &WorldView::importFile);
    connect(exportButton, &QPushButton::clicked, this, &WorldView::exportFile);
    connect(m_add, &QPushButton::clicked, this, &WorldView::addCounterparty);
    connect(m_price, &QPushButton::clicked, this, &WorldView::setPrice);
    connect(m_edit, &QPushButton::clicked, this, &WorldView::editSelected);
    m_edit->setToolTip(tr("Change the selected item's name or description, the texts no decision reads"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &WorldView::updateActions);
    connect(refresh, &QPushButton::clicked, this, &WorldView::reload);

    QLabel* heading = makeViewHeading(tr("World"), this);
    auto* explanation = new QLabel(tr("The accounts, counterparties, venues, prices and lists the engine decides on. A risk "
                                      "manager adds to them — one item, or a whole world file — sets prices and edits names "
                                      "and descriptions; each change is signed and recorded, and an import is all or nothing."),
                                   this);
    explanation->setWordWrap(true);
    m_state->setWordWrap(true);
    m_state->setTextFormat(Qt::PlainText);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_who);
    for (QPushButton* button : {m_import, m_add, m_price, m_edit})
        actions->addWidget(button);
    actions->addStretch(1);
    actions->addWidget(exportButton);
    auto* footer = new QHBoxLayout;
    footer->addWidget(m_state, 1);
    footer->addWidget(refresh);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addWidget(heading);
    layout->addWidget(explanation);
    layout->addLayout(actions);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(footer);

    connect(&m_client, &EngineClient::worldLoaded, this, &WorldView::showWorld);
    connect(&m_client, &EngineClient::worldExported, this,
            [this](const QString& path) { m_state->setText(tr("The world file was written to %1.").arg(path)); });
    connect(&m_client, &EngineClient::worldChanged, this, [this](const QString& what) {
        m_state->setText(what);
        reload();
    });
    connect(&m_client, &EngineClient::worldFailed, this, [this](const QString& message) {
        m_state->setText(tr("Nothing was changed: %1").arg(message));
        QMessageBox::warning(this, tr("World not changed"), tr("Nothing was changed:\n%1").arg(message));
    });
}

void WorldView::showWorkspace(const api::WorkspaceSummary& summary)
{
    m_demo = summary.demo;
    updateActions();
    reload();
}

void WorldView::updateActions()
{
    const bool canSign = m_session.mayManage();
    for (QPushButton* button : {m_import, m_add, m_price})
        button->setEnabled(canSign);
    const auto* table = qobject_cast<QTableView*>(m_tabs->currentWidget());
    m_edit->setEnabled(canSign && editableOf(static_cast<Tab>(m_tabs->currentIndex())) != nullptr && table != nullptr
                       && table->currentIndex().isValid());
    m_who->setText(signedInText(m_session, canSign, tr("only a risk manager changes the world")));
}

void WorldView::reload()
{
    m_client.loadWorld();
}

void WorldView::showWorld(const api::WorldView& world)
{
    m_world = world;
    for (QStandardItemModel* model : m_models)
        model->removeRows(0, model->rowCount());
    for (const auto& account : world.accounts)
        m_models[AccountsTab]->appendRow({item(qs(account.id)), item(qs(account.owner)), item(qs(account.kind)),
                                          item(amountsText(account.balances)), item(qs(account.description))});
    for (const auto& counterparty : world.counterparties) {
        QStringList lists;
        for (const std::string& list : counterparty.lists)
            lists << qs(list);
        m_models[CounterpartiesTab]->appendRow({item(qs(counterparty.id)), item(qs(counterparty.name)), item(qs(counterparty.kind)),
                                                item(lists.isEmpty() ? tr("none") : lists.join(QStringLiteral(", ")))});
    }
    for (const auto& venue : world.venues)
        m_models[VenuesTab]->appendRow({item(qs(venue.id)), item(qs(venue.kind)), item(qs(venue.name))});
    for (const auto& price : world.prices)
        m_models[PricesTab]->appendRow({item(qs(price.asset)), item(qs(price.quote)), item(formatAmount(qs(price.price), QLocale())),
                                        item(qs(price.source)),
                                        item(QLocale().toString(QDateTime::fromMSecsSinceEpoch(price.at.msSinceEpoch).toLocalTime(),
                                                                QLocale::ShortFormat))});
    for (const auto& list : world.lists) {
        QStringList members;
        for (const std::string& member : list.members)
            members << qs(member);
        m_models[ListsTab]->appendRow({item(qs(list.id)), item(qs(list.kind)), item(members.join(QStringLiteral(", "))),
                                       item(qs(list.description))});
    }
    m_state->setText(tr("%1 accounts, %2 counterparties, %3 venues, %4 prices, %5 lists.")
                         .arg(world.accounts.size())
                         .arg(world.counterparties.size())
                         .arg(world.venues.size())
                         .arg(world.prices.size())
                         .arg(world.lists.size()));
    updateActions(); // the rows went: so did the selection
}

std::shared_ptr<const SecretBytes> WorldView::askPassphrase(const QString& what, QString* edited, const QString& editLabel)
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("worldSignDialog"));
    dialog.setWindowTitle(tr("Sign as %1").arg(m_session.id()));
    auto* text = new QLabel(what, &dialog);
    text->setWordWrap(true);
    auto* field = new QLineEdit(&dialog);
    field->setObjectName(QStringLiteral("signerPassphrase"));
    field->setEchoMode(QLineEdit::Password);
    QLineEdit* editor = nullptr;
    if (edited != nullptr) {
        editor = new QLineEdit(*edited, &dialog);
        editor->setObjectName(QStringLiteral("editedText"));
        editor->setMaxLength(2000);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    buttons->addButton(tr("&Sign"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout;
    if (editor != nullptr)
        form->addRow(editLabel, editor);
    form->addRow(tr("%1's passphrase:").arg(m_session.id()), field);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(buttons);
    dialog.setMinimumWidth(480);
    if (dialog.exec() != QDialog::Accepted || (field->text().isEmpty() && !m_demo))
        return nullptr;
    if (editor != nullptr)
        *edited = editor->text();
    return takePassphrase(*field);
}

void WorldView::editSelected()
{
    const auto* table = qobject_cast<QTableView*>(m_tabs->currentWidget());
    const Editable* editable = editableOf(static_cast<Tab>(m_tabs->currentIndex()));
    if (table == nullptr || editable == nullptr || !table->currentIndex().isValid())
        return;
    const QModelIndex row = table->currentIndex();
    const QString id = row.siblingAtColumn(0).data().toString();
    QString value = row.siblingAtColumn(editable->column).data().toString();
    const QString field = QLatin1String(editable->field);
    const bool name = field == QLatin1String("name");
    auto passphrase = askPassphrase(name ? tr("Change the name of %1. No decision reads it; the change is signed and recorded "
                                              "with the name before and after.").arg(id)
                                         : tr("Change the description of %1. No decision reads it; the change is signed and "
                                              "recorded with the description before and after.").arg(id),
                                    &value, name ? tr("New &name:") : tr("New &description:"));
    if (passphrase)
        m_client.editWorldText(QLatin1String(editable->section), id, field, value.trimmed(), m_session.id(), std::move(passphrase));
}

void WorldView::importFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a world file"), {}, tr("World files (*.json)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    constexpr qint64 kMaxFile = 16 << 20;
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxFile) {
        m_state->setText(tr("%1 cannot be read, or is larger than 16 MiB.").arg(path));
        return;
    }
    const QByteArray document = file.readAll();
    auto passphrase = askPassphrase(tr("Add what %1 holds that this workspace does not, all or nothing. What is there "
                                       "already must be the same; opening balances are recorded in the signed entry.")
                                        .arg(path));
    if (passphrase)
        m_client.importWorld(document, m_session.id(), std::move(passphrase));
}

void WorldView::exportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the world"), QStringLiteral("world.json"),
                                                      tr("World files (*.json)"));
    if (!path.isEmpty())
        m_client.exportWorld(path);
}

void WorldView::addCounterparty()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add a counterparty"));
    auto* id = new QLineEdit(&dialog);
    id->setPlaceholderText(tr("lowercase letters, digits, - and _"));
    auto* name = new QLineEdit(&dialog);
    auto* kind = new QComboBox(&dialog);
    for (const char* value : {"api", "vendor", "employee", "wallet"})
        kind->addItem(QLatin1String(value));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("&Id:"), id);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Kind:"), kind);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // One item of the world file: the engine checks it as it checks an import.
    const QJsonObject counterparty{{QStringLiteral("id"), id->text().trimmed()},
                                   {QStringLiteral("name"), name->text().trimmed()},
                                   {QStringLiteral("kind"), kind->currentText()}};
    const QJsonObject document{{QStringLiteral("format"), QStringLiteral("countersign.world/1")},
                               {QStringLiteral("counterparties"), QJsonArray{counterparty}}};
    auto passphrase = askPassphrase(tr("Add the counterparty %1. Agents can pay it once a rule of the policy allows it.")
                                        .arg(id->text().trimmed()));
    if (passphrase)
        m_client.importWorld(QJsonDocument(document).toJson(QJsonDocument::Compact), m_session.id(), std::move(passphrase));
}

void WorldView::setPrice()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Set a price"));
    auto* asset = new QComboBox(&dialog);
    auto* quote = new QComboBox(&dialog);
    for (const api::AssetView& known : m_world.assets) {
        asset->addItem(qs(known.code));
        quote->addItem(qs(known.code));
    }
    auto* price = new QLineEdit(&dialog);
    price->setPlaceholderText(tr("a decimal, e.g. 3250.5"));
    auto* source = new QLineEdit(&dialog);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("&Asset:"), asset);
    form->addRow(tr("In &quote asset:"), quote);
    form->addRow(tr("&Price:"), price);
    form->addRow(tr("&Source:"), source);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto passphrase = askPassphrase(tr("One %1 is worth %2 %3 from now on; earlier decisions keep the price they were made with.")
                                        .arg(asset->currentText(), price->text().trimmed(), quote->currentText()));
    if (passphrase)
        m_client.setPrice(asset->currentText(), quote->currentText(), price->text().trimmed(), source->text().trimmed(),
                          m_session.id(), std::move(passphrase));
}

} // namespace cs::ui
