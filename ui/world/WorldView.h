// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Snapshots.h"

#include <memory>

#include <QWidget>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTabWidget;

namespace cs {
class SecretBytes;
}

namespace cs::ui {

class EngineClient;
class Session;

/**
 * The World view: accounts with their balances, counterparties (and the lists they are on),
 * venues, prices and named lists, as the engine holds them now; the risk manager signed in
 * (`Session`) imports a world file, adds a counterparty, sets a price or edits a name or
 * description, each signed and audited.
 * Export writes the world file anyone may read.
 */
class WorldView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorldView)

public:
    enum Tab { AccountsTab, CounterpartiesTab, VenuesTab, PricesTab, ListsTab, TabCount };

    WorldView(EngineClient& client, const Session& session, QWidget* parent = nullptr);

    void showWorkspace(const api::WorkspaceSummary& summary);
    void reload();
    void showWorld(const api::WorldView& world);
    QStandardItemModel* model(Tab tab) const { return m_models[tab]; }

private:
    void importFile();
    void exportFile();
    void addCounterparty();
    void setPrice();
    //! Edit: the selected item's text no decision reads (name or description), signed.
    void editSelected();
    /**
     * The signer's passphrase, asked for in a dialog (empty is fine in a demo); null when
     * cancelled. With `edited`, the dialog also offers that text, labelled `editLabel`, for editing.
     */
    std::shared_ptr<const SecretBytes> askPassphrase(const QString& what, QString* edited = nullptr,
                                                     const QString& editLabel = {});

    void updateActions();

    EngineClient& m_client;
    const Session& m_session;
    QTabWidget* m_tabs;
    QStandardItemModel* m_models[TabCount];
    QLabel* m_who; //!< who signs here, or why nothing can be signed
    QPushButton* m_import;
    QPushButton* m_add;
    QPushButton* m_price;
    QPushButton* m_edit;
    QLabel* m_state;
    api::WorldView m_world;
    bool m_demo = false;
};

} // namespace cs::ui
