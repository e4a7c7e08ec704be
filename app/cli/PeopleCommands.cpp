// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// countersign-cli principal …: people and agents, each change signed by a risk manager (or, for
// a key rotation, by its holder) and audited.
#include "app/cli/CliCommands.h"
#include "app/cli/CliIo.h"

#include "core/api/Engine.h"

#include <QCommandLineParser>
#include <QJsonArray>

#include <map>

namespace cs::cli {

namespace {

QJsonObject principalJson(const api::PrincipalView& principal)
{
    QJsonObject object{{QStringLiteral("id"), QString::fromStdString(principal.id)},
                       {QStringLiteral("name"), QString::fromStdString(principal.displayName)},
                       {QStringLiteral("role"), nameOf(principal.role)},
                       {QStringLiteral("status"), nameOf(principal.status)},
                       {QStringLiteral("description"), QString::fromStdString(principal.description)},
                       {QStringLiteral("created"), QString::fromStdString(toIso8601(principal.created))}};
    object.insert(QStringLiteral("key_fingerprint"),
                  principal.fingerprint.empty() ? QJsonValue() : QJsonValue(QString::fromStdString(principal.fingerprint)));
    object.insert(QStringLiteral("last_active"), principal.lastActive
                                                     ? QJsonValue(QString::fromStdString(toIso8601(*principal.lastActive)))
                                                     : QJsonValue());
    return object;
}

//! The principal as it is now, with the entry that changed it.
int printChange(std::ostream& out, const api::Engine::PrincipalChange& change)
{
    QJsonObject report = principalJson(change.principal);
    report.insert(QStringLiteral("entry_seq"), static_cast<qint64>(change.entrySeq));
    printJson(out, report);
    return ExitOk;
}

//! principal list WS | principal show WS ID
int listOrShow(const QStringList& arguments, bool show, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    if (auto failed = parse(parser, arguments.mid(1), err, show ? 2 : 1))
        return *failed;
    int exit = ExitOk;
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine)
        return exit;
    auto principals = engine->principals();
    if (!principals)
        return requestError(err, principals.error());
    if (!show) {
        QJsonArray list;
        for (const api::PrincipalView& principal : *principals)
            list.append(principalJson(principal));
        printJson(out, {{QStringLiteral("principals"), list}});
        return ExitOk;
    }
    const std::string id = parser.positionalArguments().at(1).toStdString();
    for (const api::PrincipalView& principal : *principals) {
        if (principal.id == id) {
            printJson(out, principalJson(principal));
            return ExitOk;
        }
    }
    return usageError(err, QStringLiteral("no principal '%1'").arg(QString::fromStdString(id)));
}

//! principal add WS ID --role R [--name N] [--description D] --as RM
int add(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("role"), QString(), QStringLiteral("R")});
    parser.addOption({QStringLiteral("name"), QString(), QStringLiteral("N")});
    parser.addOption({QStringLiteral("description"), QString(), QStringLiteral("D")});
    parser.addOption({QStringLiteral("as"), QString(), QStringLiteral("RM")});
    if (auto failed = parse(parser, arguments.mid(1), err, 2))
        return *failed;
    const auto role = api::parseRole(parser.value(QStringLiteral("role")).toStdString());
    if (!role || *role == api::Role::Engine)
        return usageError(err, QStringLiteral("principal add needs --role agent, approver, risk_manager or analyst"));
    if (!parser.isSet(QStringLiteral("as")))
        return usageError(err, QStringLiteral("principal add needs --as RM (a risk manager)"));
    int exit = ExitOk;
    Passphrase passphrase;
    auto engine = openToSign(factory, parser.positionalArguments().at(0), "Passphrase of the risk manager: ", passphrase, err, exit);
    if (!engine)
        return exit;
    Passphrase newPassphrase;
    if (*role != api::Role::Analyst) { // an analyst signs nothing and has no key
        if (!keyPassphrase(*engine, "COUNTERSIGN_NEW_PASSPHRASE", newPassphrase, err, exit, "Passphrase for the new key: ", true))
            return exit;
    }
    const api::Engine::NewPrincipal principal{parser.positionalArguments().at(1).toStdString(), *role,
                                              parser.value(QStringLiteral("name")).toStdString(),
                                              parser.value(QStringLiteral("description")).toStdString()};
    auto added = engine->addPrincipal(principal, parser.value(QStringLiteral("as")).toStdString(), passphrase.text,
                                      newPassphrase.text);
    if (!added)
        return requestError(err, added.error());
    engine.reset(); // closing signs a checkpoint over the change
    return printChange(out, *added);
}

//! principal rotate-key WS ID --as RM|ID
int rotateKey(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("as"), QString(), QStringLiteral("NAME")});
    if (auto failed = parse(parser, arguments.mid(1), err, 2))
        return *failed;
    if (!parser.isSet(QStringLiteral("as")))
        return usageError(err, QStringLiteral("principal rotate-key needs --as NAME (a risk manager, or the key's holder)"));
    int exit = ExitOk;
    Passphrase passphrase;
    auto engine = openToSign(factory, parser.positionalArguments().at(0), "Passphrase of the signer: ", passphrase, err, exit);
    if (!engine)
        return exit;
    Passphrase newPassphrase;
    if (!keyPassphrase(*engine, "COUNTERSIGN_NEW_PASSPHRASE", newPassphrase, err, exit, "Passphrase for the new key: ", true))
        return exit;
    auto rotated = engine->rotateKey(parser.positionalArguments().at(1).toStdString(),
                                     parser.value(QStringLiteral("as")).toStdString(), passphrase.text, newPassphrase.text);
    if (!rotated)
        return requestError(err, rotated.error());
    engine.reset(); // closing signs a checkpoint over the change
    return printChange(out, *rotated);
}

//! principal suspend|resume|revoke WS NAME --as RM --reason T: the kill switch.
int changeStatus(const QStringList& arguments, api::PrincipalStatus status, api::EngineFactory& factory, std::ostream& out,
                 std::ostream& err)
{
    const QString sub = arguments.value(1);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("as"), QString(), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("reason"), QString(), QStringLiteral("T")});
    if (auto failed = parse(parser, arguments.mid(1), err, 2))
        return *failed;
    if (!parser.isSet(QStringLiteral("as")))
        return usageError(err, QStringLiteral("principal %1 needs --as NAME (a risk manager)").arg(sub));
    const QString reason = parser.value(QStringLiteral("reason")).trimmed();
    if (reason.isEmpty())
        return usageError(err, QStringLiteral("principal %1 needs --reason T: a status change says why").arg(sub));
    int exit = ExitOk;
    Passphrase passphrase;
    auto engine = openToSign(factory, parser.positionalArguments().at(0), "Passphrase of the risk manager: ", passphrase, err, exit);
    if (!engine)
        return exit;
    auto changed = engine->changePrincipalStatus(parser.positionalArguments().at(1).toStdString(), status,
                                                 parser.value(QStringLiteral("as")).toStdString(), reason.toStdString(),
                                                 passphrase.text);
    if (!changed)
        return requestError(err, changed.error());
    engine.reset(); // closing signs a checkpoint over the change
    printJson(out, {{QStringLiteral("principal"), QString::fromStdString(changed->principal)},
                    {QStringLiteral("from"), nameOf(changed->from)},
                    {QStringLiteral("to"), nameOf(changed->to)},
                    {QStringLiteral("entry_seq"), static_cast<qint64>(changed->entrySeq)},
                    {QStringLiteral("cancelled_requests"), changed->cancelledRequests}});
    return ExitOk;
}

int principalCommand(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    const QString sub = arguments.value(1);
    const std::map<QString, api::PrincipalStatus> statuses{{QStringLiteral("suspend"), api::PrincipalStatus::Suspended},
                                                           {QStringLiteral("resume"), api::PrincipalStatus::Active},
                                                           {QStringLiteral("revoke"), api::PrincipalStatus::Revoked}};
    if (const auto status = statuses.find(sub); status != statuses.end())
        return changeStatus(arguments, status->second, factory, out, err);
    if (sub == QLatin1String("add"))
        return add(arguments, factory, out, err);
    if (sub == QLatin1String("list") || sub == QLatin1String("show"))
        return listOrShow(arguments, sub == QLatin1String("show"), factory, out, err);
    if (sub == QLatin1String("rotate-key"))
        return rotateKey(arguments, factory, out, err);
    return usageError(err, QStringLiteral("principal needs add, list, show, rotate-key, suspend, resume or revoke, not '%1'")
                               .arg(sub));
}

} // namespace

const std::vector<Command>& peopleCommands()
{
    static const std::vector<Command> commands{
        {"principal",
         "principal add WS ID --role agent|approver|risk_manager|analyst\n[--name N] [--description D] --as RM",
         "add a person or an agent, signed by risk manager RM\n(COUNTERSIGN_PASSPHRASE) and audited; the new key is sealed with\nCOUNTERSIGN_NEW_PASSPHRASE (an agent signs its requests with it).\nAn analyst reads everything, signs nothing and gets no key",
         principalCommand},
        {"principal",
         "principal list WS",
         "every principal as JSON: id, name, role, status, key\nfingerprint, created, last active",
         principalCommand},
        {"principal",
         "principal show WS ID",
         "one principal, as principal list shows it",
         principalCommand},
        {"principal",
         "principal rotate-key WS ID --as RM|ID",
         "a new key for ID, signed by a risk manager or by ID itself\n(COUNTERSIGN_PASSPHRASE) and sealed with\nCOUNTERSIGN_NEW_PASSPHRASE; the old key file moves to\nkeys/retired/ and what it signed still verifies",
         principalCommand},
        {"principal",
         "principal suspend|resume|revoke WS NAME --as RM --reason T",
         "the kill switch, signed by risk manager RM\n(COUNTERSIGN_PASSPHRASE) and audited: a suspended or revoked\nagent's intents are refused at intake and its pending approval\nrequests end, their spends released; resume restores intake\nonly; revoked is final; the last active risk manager stays.\nExit 6 for anyone but a risk manager",
         principalCommand},
    };
    return commands;
}

} // namespace cs::cli
