// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Snapshots.h"

#include <memory>

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTabWidget;

namespace cs {
class SecretBytes;
}

namespace cs::ui {

class EngineClient;

/**
 * The World view: accounts with their balances, counterparties (and the lists they are on),
 * venues, prices and named lists, as the engine holds them now; a risk manager chosen in "Act
 * as" imports a world file, adds a counterparty or sets a price, each signed and audited.
 * Export writes the world file anyone may read.
 */
class WorldView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorldView)

public:
    enum Tab { AccountsTab, CounterpartiesTab, VenuesTab, PricesTab, ListsTab, TabCount };

    WorldView(EngineClient& client, QWidget* parent = nullptr);

    void showWorkspace(const api::WorkspaceSummary& summary);
    void reload();
    void showWorld(const api::WorldView& world);
    QStandardItemModel* model(Tab tab) const { return m_models[tab]; }

private:
    void importFile();
    void exportFile();
    void addCounterparty();
    void setPrice();
    //! The signer's passphrase, asked for in a dialog (empty is fine in a demo); null when cancelled.
    std::shared_ptr<const SecretBytes> askPassphrase(const QString& what);

    EngineClient& m_client;
    QTabWidget* m_tabs;
    QStandardItemModel* m_models[TabCount];
    QComboBox* m_actAs;
    QPushButton* m_import;
    QPushButton* m_add;
    QPushButton* m_price;
    QLabel* m_state;
    api::WorldView m_world;
    bool m_demo = false;
};

} // namespace cs::ui
