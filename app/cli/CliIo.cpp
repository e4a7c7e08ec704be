// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliIo.h"

#include "core/api/Engine.h"
#include "core/api/Tools.h"
#include "core/domain/Encoding.h"

#include <termios.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdlib>
#include <iostream>

namespace cs::cli {

namespace {

std::string readLineWithoutEcho(const char* prompt)
{
    termios saved{};
    tcgetattr(STDIN_FILENO, &saved);
    termios silent = saved;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    std::cerr << prompt << std::flush;
    std::string line;
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::cerr << "\n";
    return line;
}

} // namespace

void printJson(std::ostream& out, const QJsonObject& object)
{
    out << QJsonDocument(object).toJson(QJsonDocument::Indented).toStdString();
}

int usageError(std::ostream& err, const QString& message)
{
    err << "error: " << message.toStdString() << "\n"
        << "Run 'countersign-cli --help' for the commands.\n";
    return ExitUsage;
}

int workspaceError(std::ostream& err, const Error& error)
{
    err << "error: " << error.message << "\n";
    return ExitWorkspace;
}

//! From the environment variable, else asked on the terminal (twice when `confirm`); empty
//! when neither is available or the two answers differ.
Passphrase readPassphrase(const char* variable, const char* prompt, bool confirm)
{
    Passphrase passphrase;
    if (const char* value = std::getenv(variable); value != nullptr && *value != '\0') {
        passphrase.text = value;
        return passphrase;
    }
    if (!isatty(STDIN_FILENO))
        return passphrase;
    passphrase.text = readLineWithoutEcho(prompt);
    if (confirm) {
        Passphrase again;
        again.text = readLineWithoutEcho("Repeat it: ");
        if (again.text != passphrase.text)
            passphrase.wipe();
    }
    return passphrase;
}

QString absolute(const QString& path)
{
    return QDir::cleanPath(QDir::current().absoluteFilePath(path));
}

//! Parses the command's own options; usage errors are reported and returned as ExitUsage.
std::optional<int> parse(QCommandLineParser& parser, const QStringList& arguments, std::ostream& err,
                         qsizetype positionals)
{
    for (const QString& argument : arguments.mid(1)) {
        // "-1" would read as option "1": say what it is instead.
        static const QRegularExpression negative(QStringLiteral("^-[0-9]"));
        if (negative.match(argument).hasMatch())
            return usageError(err, QStringLiteral("%1: a negative number; entry numbers and amounts are positive").arg(argument));
    }
    if (!parser.parse(arguments))
        return usageError(err, parser.errorText());
    if (parser.positionalArguments().size() != positionals)
        return usageError(err, QStringLiteral("%1 expects %2 argument(s), got %3")
                                   .arg(arguments.value(0))
                                   .arg(positionals)
                                   .arg(parser.positionalArguments().size()));
    return std::nullopt;
}

//! Opens WS through the engine interface; errors are reported and returned as ExitWorkspace.
std::unique_ptr<api::Engine> openEngine(api::EngineFactory& factory, const QString& path, std::ostream& err, int& exit)
{
    auto engine = factory.openWorkspace(absolute(path).toStdString());
    if (!engine) {
        exit = workspaceError(err, engine.error());
        return nullptr;
    }
    return std::move(*engine);
}

//! A request to an open workspace failed: the workspace's own failures exit 5, anything the
//! request asked for that does not hold (no such entry, wrong passphrase, …) exits 2.
int requestError(std::ostream& err, const Error& error)
{
    switch (error.code) {
    case ErrorCode::StorageFailed:
    case ErrorCode::StorageBusy:
    case ErrorCode::NotAWorkspace:
    case ErrorCode::SchemaTooNew:
        return workspaceError(err, error);
    case ErrorCode::NotAllowed:
        err << "error: " << error.message << "\n";
        return ExitNotAllowed;
    case ErrorCode::NotIntact: // nothing was written: the log names its first bad entry
        err << "error: " << error.message << "\n";
        return ExitTampered;
    default:
        return usageError(err, QString::fromStdString(error.message));
    }
}

//! The commands whose only argument is WS: parses it and opens the workspace.
std::unique_ptr<api::Engine> openWorkspaceArgument(const QStringList& arguments, api::EngineFactory& factory,
                                                   std::ostream& err, int& exit)
{
    QCommandLineParser parser;
    if (auto failed = parse(parser, arguments, err, 1)) {
        exit = *failed;
        return nullptr;
    }
    return openEngine(factory, parser.positionalArguments().at(0), err, exit);
}

std::optional<std::int64_t> parseSeq(const QString& text)
{
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    if (!ok || value < 1 || text.startsWith(QLatin1Char('+')))
        return std::nullopt;
    return value;
}

std::optional<QByteArray> readInput(const QString& path, std::ostream& err, int& exit)
{
    QFile file(path);
    if (path == QLatin1String("-") ? !file.open(stdin, QIODevice::ReadOnly) : !file.open(QIODevice::ReadOnly)) {
        exit = usageError(err, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    constexpr qint64 kMaxInput = 16 << 20;
    QByteArray bytes = file.read(kMaxInput + 1);
    if (bytes.size() > kMaxInput) { // never a part of it read as if it were the whole
        exit = usageError(err, QStringLiteral("%1 is larger than 16 MiB; refusing it rather than reading part of it").arg(path));
        return std::nullopt;
    }
    return bytes;
}

bool readPinnedKey(const QCommandLineParser& parser, std::optional<QByteArray>& pem, std::ostream& err, int& exit)
{
    if (!parser.isSet(QStringLiteral("key")))
        return true;
    pem = readInput(parser.value(QStringLiteral("key")), err, exit);
    return pem.has_value();
}

std::optional<std::string_view> pemView(const std::optional<QByteArray>& pem)
{
    if (!pem)
        return std::nullopt;
    return std::string_view(pem->constData(), static_cast<std::size_t>(pem->size()));
}

int verdict(std::ostream& out, std::ostream& err, const QJsonObject& json, bool valid, const std::string& problem)
{
    printJson(out, json);
    if (valid)
        return ExitOk;
    err << "error: " << problem << "\n";
    return ExitTampered;
}

//! The passphrase of keys to unlock: from `variable`, else asked on a terminal; none is needed in
//! a demo workspace (the engine opens its keys itself). Reports the failure and sets `exit` otherwise.
bool keyPassphrase(api::Engine& engine, const char* variable, Passphrase& passphrase, std::ostream& err, int& exit,
                   const char* prompt, bool confirm)
{
    auto summary = engine.summary();
    if (!summary) {
        exit = workspaceError(err, summary.error());
        return false;
    }
    passphrase = readPassphrase(variable, prompt, confirm);
    if (passphrase.text.empty() && !summary->demo) {
        exit = usageError(err, QStringLiteral("this command unlocks keys: set %1").arg(QLatin1String(variable)));
        return false;
    }
    return true;
}

//! The engine key, which every write needs: a demo workspace opens its own; any other opens it
//! with COUNTERSIGN_ENGINE_PASSPHRASE (or asks on a terminal). False once an error is reported.
bool unlockEngineKey(api::Engine& engine, std::ostream& err, int& exit)
{
    auto summary = engine.summary();
    if (!summary) {
        exit = workspaceError(err, summary.error());
        return false;
    }
    if (summary->demo)
        return true;
    Passphrase passphrase;
    if (!keyPassphrase(engine, "COUNTERSIGN_ENGINE_PASSPHRASE", passphrase, err, exit, "Passphrase of the engine key: "))
        return false;
    if (auto unlocked = engine.unlockEngine(passphrase.text); !unlocked) {
        exit = requestError(err, unlocked.error());
        return false;
    }
    return true;
}

//! What a signed write opens: the signer's key (COUNTERSIGN_PASSPHRASE, `prompt` on a
//! terminal) and the engine's. False once an error is reported.
bool signerPassphraseAndEngineKey(api::Engine& engine, const char* prompt, Passphrase& signer, std::ostream& err, int& exit)
{
    return keyPassphrase(engine, "COUNTERSIGN_PASSPHRASE", signer, err, exit, prompt) && unlockEngineKey(engine, err, exit);
}

std::unique_ptr<api::Engine> openToSign(api::EngineFactory& factory, const QString& path, const char* prompt,
                                        Passphrase& signer, std::ostream& err, int& exit)
{
    auto engine = openEngine(factory, path, err, exit);
    if (engine && !signerPassphraseAndEngineKey(*engine, prompt, signer, err, exit))
        engine.reset();
    return engine;
}

} // namespace cs::cli
