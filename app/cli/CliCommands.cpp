// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliCommands.h"

#include "app/cli/CliIo.h"

#include <QString>

#include <string>

namespace cs::cli {

// The command families, each in its own file, in the order --help lists them.
const std::vector<Command>& workspaceCommands();
const std::vector<Command>& auditCommands();
const std::vector<Command>& policyCommands();
const std::vector<Command>& pipelineCommands();
const std::vector<Command>& peopleCommands();
const std::vector<Command>& worldCommands();
const std::vector<Command>& reputationCommands();

namespace {

const char kAfterCommands[] = R"(
Passphrases: init of a workspace that is not a demo seals the engine key with
COUNTERSIGN_ENGINE_PASSPHRASE and its first risk manager's with COUNTERSIGN_PASSPHRASE (or
asks on a terminal); every write unlocks the engine key with the former and the signer's
with the latter; a new key (principal add, rotate-key) is sealed with
COUNTERSIGN_NEW_PASSPHRASE. In a demo workspace all of them default to "demo", and only there.

Options:
  -h, --help                   show this help
  -v, --version                show the version

Exit status:
  0  success
  1  the log, a proof, evidence or an attestation does not hold (verify, verify-proof,
     verify-evidence, verify-attestation); a red flag fails (doctor); a replay
     diverges or decisions differ (replay);
     the policies differ (policy diff); a write refused on a log that does not verify
  2  usage or bad input
  3  evaluate: needs approval
  4  evaluate: denied
  5  workspace error: missing, not a Countersign workspace, already exists, schema newer
     than this binary, locked, another run in progress
  6  not allowed: an approver who may not; a publisher, a status change or an addition by
     someone who is not a risk manager; a key rotated by someone else; a world import by someone
     who is not a risk manager; the last active risk manager suspended or revoked
Errors go to stderr as one line starting with "error:"; machine output is JSON on stdout.
)";

std::vector<const Command*> commandTable()
{
    std::vector<const Command*> table;
    // --help lists them in this order; a row per synopsis (policy and principal have several).
    static const std::vector<std::string> order{"init", "status", "verify", "prove", "verify-proof", "receipts", "export-receipt", "export", "evidence", "verify-evidence", "check-proposal", "evaluate", "replay", "policy", "run", "queue", "approve", "reject", "principal", "world", "reconcile", "reputation", "attest", "verify-attestation", "doctor", "generate"};
    for (const std::string& name : order) {
        for (const auto* family : {&workspaceCommands(), &auditCommands(), &policyCommands(), &pipelineCommands(), &peopleCommands(), &worldCommands(), &reputationCommands()}) {
            for (const Command& command : *family) {
                if (command.name == name)
                    table.push_back(&command);
            }
        }
    }
    return table;
}

} // namespace

std::string usage()
{
    constexpr std::size_t kHelpColumn = 31;
    std::string text = "Usage: countersign-cli COMMAND [ARGS]\n\nCommands:\n";
    for (const Command* command : commandTable()) {
        std::string line = "  ";
        const std::string synopsis = command->synopsis;
        for (std::size_t at = 0, next = 0; at <= synopsis.size(); at = next + 1) {
            next = synopsis.find('\n', at);
            if (next == std::string::npos)
                next = synopsis.size();
            if (at > 0) {
                text += line + "\n";
                line = "         "; // a continued synopsis
            }
            line += synopsis.substr(at, next - at);
        }
        const std::string help = command->help;
        for (std::size_t at = 0, next = 0; !help.empty() && at <= help.size(); at = next + 1) {
            next = help.find('\n', at);
            if (next == std::string::npos)
                next = help.size();
            if (line.size() >= kHelpColumn) {
                text += line + "\n";
                line.clear();
            }
            line.resize(kHelpColumn, ' ');
            line += help.substr(at, next - at);
        }
        text += line + "\n";
    }
    return text + kAfterCommands;
}

int run(const QStringList& arguments, api::EngineFactory& factory, std::ostream& out, std::ostream& err)
{
    const QString command = arguments.value(1);
    if (command.isEmpty())
        return usageError(err, QStringLiteral("no command given"));
    if (command == QLatin1String("-h") || command == QLatin1String("--help") || command == QLatin1String("help")) {
        out << usage();
        return ExitOk;
    }
    if (command == QLatin1String("-v") || command == QLatin1String("--version")) {
        out << "countersign-cli " << CS_VERSION << "\n";
        return ExitOk;
    }
    const QStringList rest = arguments.mid(1); // the command stands where a program name would
    for (const Command* entry : commandTable()) {
        if (command == QLatin1String(entry->name))
            return entry->handler(rest, factory, out, err);
    }
    return usageError(err, QStringLiteral("unknown command '%1'").arg(command));
}

} // namespace cs::cli
