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

//! world import WS F --as RM, and world add WS SECTION ITEM --as RM (a file of that one item).
int importWorld(const QStringList& arguments, bool oneItem, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("as"), QString(), QStringLiteral("RM")});
    if (auto failed = parse(parser, arguments.mid(1), err, oneItem ? 3 : 2))
        return *failed;
    if (!parser.isSet(QStringLiteral("as")))
        return usageError(err, QStringLiteral("world %1 needs --as RM (a risk manager)").arg(arguments.value(1)));
    int exit = ExitOk;
    std::optional<QByteArray> bytes;
    if (oneItem) {
        const QString section = parser.positionalArguments().at(1);
        static const QStringList kSections{QStringLiteral("assets"),         QStringLiteral("accounts"), QStringLiteral("venues"),
                                           QStringLiteral("pools"),          QStringLiteral("lending"),  QStringLiteral("counterparties"),
                                           QStringLiteral("lists")};
        if (!kSections.contains(section))
            return usageError(err, QStringLiteral("world add needs a section: %1 (prices: world price)").arg(kSections.join(u'|')));
        const QByteArray item = parser.positionalArguments().at(2).toUtf8();
        bytes = QByteArray(R"({"format": "countersign.world/1", ")") + section.toUtf8() + "\": [" + item + "]}";
    } else {
        bytes = readInput(parser.positionalArguments().at(1), err, exit);
    }
    if (!bytes)
        return exit;
    Passphrase passphrase;
    auto engine = openToSign(factory, parser.positionalArguments().at(0), "Passphrase of the risk manager: ", passphrase, err, exit);
    if (!engine)
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

//! world price WS ASSET QUOTE PRICE --source S --as RM
int setPrice(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("as"), QString(), QStringLiteral("RM")});
    parser.addOption({QStringLiteral("source"), QString(), QStringLiteral("S")});
    if (auto failed = parse(parser, arguments.mid(1), err, 4))
        return *failed;
    if (!parser.isSet(QStringLiteral("as")) || !parser.isSet(QStringLiteral("source")))
        return usageError(err, QStringLiteral("world price needs --source S (where the price comes from) and --as RM"));
    int exit = ExitOk;
    Passphrase passphrase;
    auto engine = openToSign(factory, parser.positionalArguments().at(0), "Passphrase of the risk manager: ", passphrase, err, exit);
    if (!engine)
        return exit;
    const QStringList values = parser.positionalArguments();
    const api::Engine::PriceChange price{values.at(1).toStdString(), values.at(2).toStdString(), values.at(3).toStdString(),
                                         parser.value(QStringLiteral("source")).toStdString()};
    auto seq = engine->setPrice(price, parser.value(QStringLiteral("as")).toStdString(), passphrase.text);
    if (!seq)
        return requestError(err, seq.error());
    engine.reset();
    printJson(out, {{QStringLiteral("asset"), values.at(1)},
                    {QStringLiteral("quote"), values.at(2)},
                    {QStringLiteral("entry_seq"), static_cast<qint64>(*seq)}});
    return ExitOk;
}

//! world edit WS SECTION ID FIELD VALUE --as RM
int editText(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("as"), QString(), QStringLiteral("RM")});
    if (auto failed = parse(parser, arguments.mid(1), err, 5))
        return *failed;
    if (!parser.isSet(QStringLiteral("as")))
        return usageError(err, QStringLiteral("world edit needs --as RM (a risk manager)"));
    int exit = ExitOk;
    Passphrase passphrase;
    auto engine = openToSign(factory, parser.positionalArguments().at(0), "Passphrase of the risk manager: ", passphrase, err, exit);
    if (!engine)
        return exit;
    const QStringList values = parser.positionalArguments();
    const api::Engine::TextEdit edit{values.at(1).toStdString(), values.at(2).toStdString(), values.at(3).toStdString(),
                                     values.at(4).toStdString()};
    auto edited = engine->editWorldText(edit, parser.value(QStringLiteral("as")).toStdString(), passphrase.text);
    if (!edited)
        return requestError(err, edited.error());
    engine.reset();
    printJson(out, {{QStringLiteral("section"), values.at(1)},
                    {QStringLiteral("id"), values.at(2)},
                    {QStringLiteral("field"), values.at(3)},
                    {QStringLiteral("before"), QString::fromStdString(edited->before)},
                    {QStringLiteral("after"), values.at(4)},
                    {QStringLiteral("entry_seq"), static_cast<qint64>(edited->entrySeq)}});
    return ExitOk;
}

int worldCommand(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    const QString sub = arguments.value(1);
    if (sub == QLatin1String("export"))
        return exportWorld(arguments, factory, out, err);
    if (sub == QLatin1String("import") || sub == QLatin1String("add"))
        return importWorld(arguments, sub == QLatin1String("add"), factory, out, err);
    if (sub == QLatin1String("price"))
        return setPrice(arguments, factory, out, err);
    if (sub == QLatin1String("edit"))
        return editText(arguments, factory, out, err);
    return usageError(err, QStringLiteral("world needs export, import, add, price or edit, not '%1'").arg(sub));
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
        {"world",
         "world add WS SECTION ITEM --as RM",
         "one item (JSON, as in the file) into SECTION: assets, accounts,\nvenues, pools, lending, counterparties or lists; the same rules\nand signed entry as world import",
         worldCommand},
        {"world",
         "world price WS ASSET QUOTE PRICE --source S --as RM",
         "a new price of one ASSET in QUOTE from now on, signed by risk\nmanager RM; older prices stay for replay",
         worldCommand},
        {"world",
         "world edit WS SECTION ID FIELD VALUE --as RM",
         "a text no decision reads, signed by risk manager RM: the name of\nan asset, venue or counterparty, the description of an account\nor list (SECTION as in the file). Same text: nothing written",
         worldCommand},
    };
    return commands;
}

} // namespace cs::cli
