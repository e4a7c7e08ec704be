// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/Secret.h"

#include <sodium.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <cstdlib>
#include <new>
#include <utility>

namespace cs {

SecretBytes::SecretBytes(std::size_t size) : m_size(size)
{
    if (sodium_init() < 0)
        std::abort();
    m_data = static_cast<std::uint8_t*>(sodium_malloc(size));
    if (m_data == nullptr)
        throw std::bad_alloc();
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        sodium_free(m_data);
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecretBytes::~SecretBytes()
{
    sodium_free(m_data); // zeroes before releasing; accepts nullptr
}

void disableCoreDumps()
{
    const rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
    // Not dumpable: no core file either way, and the user's other processes cannot read this
    // one's memory through /proc/PID/mem or ptrace (a passphrase being typed, an unsealed key).
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

} // namespace cs
