// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/Files.h"
#include <utility>
#include <sys/file.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace cs::storage {

namespace {

//! `bytes` into a temporary file beside `path`, fsynced, renamed over `path`.
Result<void> replaceDurably(const std::filesystem::path& path, std::string_view bytes, unsigned mode)
{
    const std::filesystem::path temporary = path.string() + ".tmp";
    ::unlink(temporary.c_str());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
    if (fd < 0)
        return fail(ErrorCode::StorageFailed, "creating " + temporary.string() + ": " + std::strerror(errno));
    std::size_t done = 0;
    bool ok = ::fchmod(fd, mode) == 0; // the umask may have narrowed it; never widen beyond `mode`
    while (ok && done < bytes.size()) {
        const ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
        ok = wrote > 0 || (wrote < 0 && errno == EINTR);
        if (wrote > 0)
            done += static_cast<std::size_t>(wrote);
    }
    ok = ok && ::fsync(fd) == 0;
    const std::string reason = ok ? std::string() : std::strerror(errno);
    ::close(fd);
    if (!ok || ::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string why = ok ? std::strerror(errno) : reason;
        ::unlink(temporary.c_str());
        return fail(ErrorCode::StorageFailed, "writing " + path.string() + ": " + why);
    }
    return {};
}

} // namespace

Result<void> writeFileDurably(const std::filesystem::path& path, std::string_view bytes, unsigned mode)
{
    const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    const std::pair<std::string, std::string_view> file{path.filename().string(), bytes};
    return writeFilesDurably(dir, std::span(&file, 1), mode);
}

Result<void> writeFilesDurably(const std::filesystem::path& dir,
                               std::span<const std::pair<std::string, std::string_view>> files, unsigned mode)
{
    Result<void> written;
    for (std::size_t i = 0; i < files.size() && written; ++i)
        written = replaceDurably(dir / files[i].first, files[i].second, mode);
    // Every rename in the directory made durable at once (those before a failure too).
    if (const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return written;
}

Result<FileLock> FileLock::acquire(const std::filesystem::path& path, bool wait, const std::string& busy)
{
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return fail(ErrorCode::StorageFailed, "cannot open the lock file " + path.string() + ": " + std::strerror(errno));
    while (::flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
        if (errno == EINTR)
            continue;
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK)
            return fail(ErrorCode::StorageBusy, busy);
        return fail(ErrorCode::StorageFailed, "cannot lock " + path.string() + ": " + std::strerror(error));
    }
    return FileLock(fd);
}

FileLock::FileLock(FileLock&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

FileLock::~FileLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // closing the last descriptor releases the lock
}

} // namespace cs::storage
