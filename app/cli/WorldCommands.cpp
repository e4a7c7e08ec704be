// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
// countersign-cli world …: the world of a workspace as a countersign.world/1 file, out and in.
#include "app/cli/CliCommands.h"
#include "app/cli/CliIo.h"

#include "core/api/Engine.h"
#include "core/api/Tools.h"

#include <QCommandLineParser>

namespace cs::cli {

namespace {

int exportWorld(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("out"), QString(), QStringLiteral("F")});
    if (auto failed = parse(parser, arguments.mid(1), err, 1))
        return *failed;
    if (!parser.isSet(QStringLiteral("out")))
        return usageError(err, QStringLiteral("world export needs --out F"));
    int exit = ExitOk;
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine)
        return exit;
    auto document = engine->exportWorld();
    if (!document)
        return requestError(err, document.error());
    if (auto written = api::writeFileDurably(parser.value(QStringLiteral("out")).toStdString(), *document); !written)
        return usageError(err, QString::fromStdString(written.error().message));
    printJson(out, {{QStringLiteral("out"), absolute(parser.value(QStringLiteral("out")))},
                    {QStringLiteral("bytes"), static_cast<qint64>(document->size())}});
    return ExitOk;
}

int importWorld(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("as"), QString(), QStringLiteral("RM")});
    if (auto failed = parse(parser, arguments.mid(1), err, 2))
        return *failed;
    if (!parser.isSet(QStringLiteral("as")))
        return usageError(err, QStringLiteral("world import needs --as RM (a risk manager)"));
    int exit = ExitOk;
    const auto bytes = readInput(parser.positionalArguments().at(1), err, exit);
    if (!bytes)
        return exit;
    auto engine = openEngine(factory, parser.positionalArguments().at(0), err, exit);
    if (!engine)
        return exit;
    Passphrase passphrase;
    if (!signerPassphraseAndEngineKey(*engine, "Passphrase of the risk manager: ", passphrase, err, exit))
        return exit;
    auto imported = engine->importWorld(std::string_view(bytes->constData(), static_cast<std::size_t>(bytes->size())),
                                        parser.value(QStringLiteral("as")).toStdString(), passphrase.text);
    if (!imported)
        return requestError(err, imported.error());
    engine.reset(); // closing signs a checkpoint over the change
    printJson(out, {{QStringLiteral("added"), imported->added},
                    {QStringLiteral("unchanged"), imported->unchanged},
                    {QStringLiteral("balances_opened"), imported->balances},
                    {QStringLiteral("entry_seq"), static_cast<qint64>(imported->entrySeq)}});
    return ExitOk;
}

int worldCommand(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    const QString sub = arguments.value(1);
    if (sub == QLatin1String("export"))
        return exportWorld(arguments, factory, out, err);
    if (sub == QLatin1String("import"))
        return importWorld(arguments, factory, out, err);
    return usageError(err, QStringLiteral("world needs export or import, not '%1'").arg(sub));
}

} // namespace

const std::vector<Command>& worldCommands()
{
    static const std::vector<Command> commands{
        {"world",
         "world export WS --out F",
         "the world as countersign.world/1 (resources/schemas): assets,\naccounts with balances, venues, pools, lending markets,\ncounterparties, lists, prices",
         worldCommand},
        {"world",
         "world import WS F --as RM",
         "add what F holds that WS does not, all or nothing, signed by risk\nmanager RM (COUNTERSIGN_PASSPHRASE) in one world.changed entry\nwith the balances it opens; what exists must be the same, so a\nsecond import changes nothing. Errors name the JSON path. Exit 6\nfor anyone but a risk manager",
         worldCommand},
    };
    return commands;
}

} // namespace cs::cli
