// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace cs {

//! What kind of failure; callers branch on this, the UI maps it to translated text.
enum class ErrorCode {
    InvalidInput,      //!< bad value from outside: the message names the field and the reason
    NotFound,          //!< a file, workspace or record that should exist does not
    AlreadyExists,     //!< refusing to overwrite
    NotAWorkspace,     //!< the file or directory is not a Countersign workspace/database
    SchemaTooNew,      //!< the database was written by a newer Countersign
    StorageBusy,       //!< locked by another process or connection
    StorageFailed,     //!< SQLite or the file system reported an error
    Overflow,          //!< an amount left the checked 128-bit range
    WrongPassphrase,   //!< a sealed key did not open; nothing was released
    InsecureKeyFile,   //!< a key file readable by group or others, or not a regular file
    Locked,            //!< the operation needs a signing key that has not been unlocked
    NotAllowed,        //!< well-formed, but this actor may not do it (role, duties, expiry)
    NotIntact,         //!< the audit log does not verify: the workspace is read-only
    Cancelled,         //!< the caller asked a long read to stop; nothing was written
    Internal,          //!< a bug: an invariant did not hold
};

//! A failure with an English message for logs, the CLI and the audit trail.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    std::string message;
};

} // namespace cs
