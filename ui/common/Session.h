// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/Snapshots.h"

#include <optional>
#include <vector>

#include <QObject>
#include <QString>

namespace cs::ui {

/**
 * Who is signed in to the console for the open workspace: one person (approver, risk manager
 * or analyst), chosen once in the sign-in dialog. Every view signs as them, and their role and
 * status decide which actions are enabled: verdicts for an active approver or risk manager,
 * changes to people, world and policy for an active risk manager, nothing for an analyst. The
 * passphrase is still asked at each signature (the key is what proves who signs); signing in
 * does not unlock anything.
 */
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    explicit Session(QObject* parent = nullptr) : QObject(parent) {}

    //! The people who may sign in: active approvers, risk managers and analysts.
    static std::vector<api::PrincipalView> candidates(const std::vector<api::PrincipalView>& people);

    bool signedIn() const { return m_who.has_value(); }
    //! The signed-in person's id, or empty.
    QString id() const;
    //! "Name (id)", or the id when the name is the id; empty when nobody is signed in.
    QString displayText() const;
    std::optional<api::Role> role() const;
    //! Signs verdicts: an active approver or risk manager.
    bool mayApprove() const;
    //! Changes people, world and policy: an active risk manager.
    bool mayManage() const;

    //! Signs in `who` (remembered for this workspace's next opening); changed() follows.
    void signIn(const api::PrincipalView& who);
    //! Nobody is signed in; changed() follows when someone was.
    void signOut();
    /**
     * The workspace at `path` opened with these people: `preferred` (`countersign --as ID`), else
     * who signed in to it last time, is signed in if they may, else nobody (the caller then
     * asks). Returns whether someone is.
     */
    bool resume(const QString& path, const std::vector<api::PrincipalView>& people, const QString& preferred = {});
    //! The people as they are now: the signed-in person's role or status may have changed (a
    //! suspension signs them out of every action, not out of the console).
    void update(const std::vector<api::PrincipalView>& people);

Q_SIGNALS:
    void changed();

private:
    QString m_workspace;
    std::optional<api::PrincipalView> m_who;
};

/**
 * The line a view shows beside its signed actions: "Signing as NAME" when `allowed`, else why
 * not — nobody signed in, or "Read only for NAME: `rule`".
 */
QString signedInText(const Session& session, bool allowed, const QString& rule);

} // namespace cs::ui
