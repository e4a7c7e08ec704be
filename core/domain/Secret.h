// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

namespace cs {

/**
 * Bytes that must never reach the disk unsealed or outlive their use: allocated with
 * sodium_malloc (guard pages, mlock, excluded from core dumps where the OS allows) and zeroed
 * by sodium_free. Move-only.
 */
class SecretBytes
{
public:
    explicit SecretBytes(std::size_t size);
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    ~SecretBytes();

    std::uint8_t* data() { return m_data; }
    const std::uint8_t* data() const { return m_data; }
    std::size_t size() const { return m_size; }

private:
    std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
};

//! Sets RLIMIT_CORE to 0 and the process non-dumpable (PR_SET_DUMPABLE 0): a crash cannot write
//! key material into a core file, and no other process of the user can read this one's memory.
void disableCoreDumps();

} // namespace cs
