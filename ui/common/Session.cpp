// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/Session.h"

#include "ui/common/Settings.h"

#include <algorithm>

namespace cs::ui {

namespace {

bool maySignIn(const api::PrincipalView& person)
{
    return person.status == api::PrincipalStatus::Active
           && (person.role == api::Role::Approver || person.role == api::Role::RiskManager || person.role == api::Role::Analyst);
}

} // namespace

std::vector<api::PrincipalView> Session::candidates(const std::vector<api::PrincipalView>& people)
{
    std::vector<api::PrincipalView> out;
    std::copy_if(people.begin(), people.end(), std::back_inserter(out), maySignIn);
    return out;
}

QString Session::id() const
{
    return m_who ? QString::fromStdString(m_who->id) : QString();
}

QString Session::displayText() const
{
    if (!m_who)
        return {};
    const QString id = QString::fromStdString(m_who->id);
    const QString name = QString::fromStdString(m_who->displayName);
    return name.isEmpty() || name == id ? id : tr("%1 (%2)").arg(name, id);
}

std::optional<api::Role> Session::role() const
{
    return m_who ? std::optional(m_who->role) : std::nullopt;
}

bool Session::mayApprove() const
{
    return m_who && m_who->status == api::PrincipalStatus::Active
           && (m_who->role == api::Role::Approver || m_who->role == api::Role::RiskManager);
}

bool Session::mayManage() const
{
    return m_who && m_who->status == api::PrincipalStatus::Active && m_who->role == api::Role::RiskManager;
}

void Session::signIn(const api::PrincipalView& who)
{
    m_who = who;
    if (!m_workspace.isEmpty()) {
        QVariantMap remembered = Settings().signedIn.get();
        remembered.insert(m_workspace, QString::fromStdString(who.id));
        Settings().signedIn.set(remembered);
    }
    Q_EMIT changed();
}

void Session::signOut()
{
    if (!m_who)
        return;
    m_who.reset();
    Q_EMIT changed();
}

bool Session::resume(const QString& path, const std::vector<api::PrincipalView>& people, const QString& preferred)
{
    m_workspace = path;
    m_who.reset();
    for (const QString& id : {preferred, Settings().signedIn.get().value(path).toString()}) {
        const auto found = std::find_if(people.begin(), people.end(), [&](const api::PrincipalView& person) {
            return !id.isEmpty() && QString::fromStdString(person.id) == id && maySignIn(person);
        });
        if (found != people.end()) {
            m_who = *found;
            break;
        }
    }
    Q_EMIT changed();
    return m_who.has_value();
}

void Session::update(const std::vector<api::PrincipalView>& people)
{
    if (!m_who)
        return;
    const auto found = std::find_if(people.begin(), people.end(),
                                    [&](const api::PrincipalView& person) { return person.id == m_who->id; });
    if (found == people.end() || (found->role == m_who->role && found->status == m_who->status))
        return;
    m_who = *found;
    Q_EMIT changed();
}

QString signedInText(const Session& session, bool allowed, const QString& rule)
{
    if (!session.signedIn())
        return Session::tr("Not signed in (File > Sign In): read only.");
    if (allowed)
        return Session::tr("Signing as %1.").arg(session.displayText());
    return Session::tr("Read only for %1: %2.").arg(session.displayText(), rule);
}

} // namespace cs::ui
