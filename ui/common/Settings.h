// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace cs::ui {

//! A typed QSettings key, so callers never spell keys or convert variants by hand.
template <class T>
class SettingValue
{
public:
    explicit SettingValue(QString key) : m_key(std::move(key)) {}
    T get(const T& fallback = T()) const { return QSettings().value(m_key, QVariant::fromValue(fallback)).template value<T>(); }
    void set(const T& value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }

private:
    QString m_key;
};

//! The console's persisted user settings (not the workspace's: those travel in workspace.json).
struct Settings
{
    SettingValue<QByteArray> windowGeometry{QStringLiteral("mainWindow/geometry")};
    SettingValue<QByteArray> windowState{QStringLiteral("mainWindow/state")};
    SettingValue<int> currentView{QStringLiteral("mainWindow/currentView")};
    SettingValue<QByteArray> agentsHeader{QStringLiteral("agents/headerState")};
    SettingValue<QStringList> recentWorkspaces{QStringLiteral("workspaces/recent")};
    SettingValue<QVariantMap> signedIn{QStringLiteral("session/signedIn")}; //!< workspace path → who signed in there last

    static constexpr int kMaxRecent = 8;
    //! Puts `path` first in the recent list, without duplicates, at most kMaxRecent long.
    void rememberWorkspace(const QString& path) const;
};

} // namespace cs::ui
