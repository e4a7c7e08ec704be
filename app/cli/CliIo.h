// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every command shares: JSON output, errors and their exit statuses, options,
// passphrases (read from the environment or a terminal, wiped after use), opening a workspace.

#include "app/cli/CliCommands.h"
#include "core/api/Engine.h"

#include <sodium.h>

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include <QByteArray>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cs::cli {

//! The name of one of the seam's states (api::toString), for JSON output.
template <class State>
QString nameOf(State state)
{
    const std::string_view name = api::toString(state);
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

//! One command of countersign-cli: what `--help` says of it and what runs it.
struct Command
{
    const char* name;     //!< the word after countersign-cli
    const char* synopsis; //!< lines after the first are continued options
    const char* help;     //!< lines, as --help prints them
    int (*handler)(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err);
};

void printJson(std::ostream& out, const QJsonObject& object);

int usageError(std::ostream& err, const QString& message);

int workspaceError(std::ostream& err, const Error& error);

//! A passphrase held only as long as the command runs; wiped when it goes out of scope.
struct Passphrase
{
    std::string text;
    Passphrase() = default;
    Passphrase(Passphrase&& other) noexcept : text(std::move(other.text)) { other.wipe(); }
    Passphrase& operator=(Passphrase&& other) noexcept
    {
        wipe();
        text = std::move(other.text);
        other.wipe();
        return *this;
    }
    Passphrase(const Passphrase&) = delete;
    Passphrase& operator=(const Passphrase&) = delete;
    ~Passphrase() { wipe(); }
    void wipe()
    {
        sodium_memzero(text.data(), text.size());
        text.clear();
    }
};

//! From the environment variable, else asked on the terminal (twice when `confirm`); empty
//! when neither is available or the two answers differ.
Passphrase readPassphrase(const char* variable, const char* prompt, bool confirm);

QString absolute(const QString& path);
//! The engine's UTF-8 text as a QString (for JSON output).
inline QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

//! Parses the command's own options; usage errors are reported and returned as ExitUsage.
std::optional<int> parse(QCommandLineParser& parser, const QStringList& arguments, std::ostream& err,
                         qsizetype positionals);

//! Opens WS through the engine interface; errors are reported and returned as ExitWorkspace.
std::unique_ptr<api::Engine> openEngine(api::EngineFactory& factory, const QString& path, std::ostream& err, int& exit);

//! A request to an open workspace failed: the workspace's own failures exit 5, anything the
//! request asked for that does not hold (no such entry, wrong passphrase, …) exits 2.
int requestError(std::ostream& err, const Error& error);

//! The commands whose only argument is WS: parses it and opens the workspace.
std::unique_ptr<api::Engine> openWorkspaceArgument(const QStringList& arguments, api::EngineFactory& factory,
                                                   std::ostream& err, int& exit);

std::optional<std::int64_t> parseSeq(const QString& text);

std::optional<QByteArray> readInput(const QString& path, std::ostream& err, int& exit);

//! The engine key `--key` pins (SPKI PEM), read into `pem` (left empty when not given); false
//! once an error is reported, `exit` set. The verify-* commands share it.
bool readPinnedKey(const QCommandLineParser& parser, std::optional<QByteArray>& pem, std::ostream& err, int& exit);
//! `pem` as the engine's checks take it.
std::optional<std::string_view> pemView(const std::optional<QByteArray>& pem);
//! A check's verdict: `json` on stdout and, when not `valid`, one error line saying `problem`
//! (exit 1: it does not hold).
int verdict(std::ostream& out, std::ostream& err, const QJsonObject& json, bool valid, const std::string& problem);

//! The passphrase of keys to unlock: from `variable`, else asked on a terminal; none is needed in
//! a demo workspace (the engine opens its keys itself). Reports the failure and sets `exit` otherwise.
bool keyPassphrase(api::Engine& engine, const char* variable, Passphrase& passphrase, std::ostream& err, int& exit,
                   const char* prompt = "Passphrase: ", bool confirm = false);

//! The engine key, which every write needs: a demo workspace opens its own; any other opens it
//! with COUNTERSIGN_ENGINE_PASSPHRASE (or asks on a terminal). False once an error is reported.
bool unlockEngineKey(api::Engine& engine, std::ostream& err, int& exit);

//! What a signed write opens: the signer's key (COUNTERSIGN_PASSPHRASE, `prompt` on a
//! terminal) and the engine's. False once an error is reported.
bool signerPassphraseAndEngineKey(api::Engine& engine, const char* prompt, Passphrase& signer, std::ostream& err, int& exit);
//! The start of most signed writes: WS opened, then signerPassphraseAndEngineKey. Null (and
//! `exit` set, the error reported) when either fails.
std::unique_ptr<api::Engine> openToSign(api::EngineFactory& factory, const QString& path, const char* prompt,
                                        Passphrase& signer, std::ostream& err, int& exit);

//! replay WS [--proposal ID] (AuditCommands): every proposal's path recomputed from the log;
//! `proposal` empty for all. Prints the report; exit 0 identical, 1 a divergence.
int replayFromLog(api::Engine& engine, const QString& proposal, std::ostream& out, std::ostream& err);

} // namespace cs::cli
