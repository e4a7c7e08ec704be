// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/Merkle.h"

#include "core/identity/Crypto.h"


#include <algorithm>
#include <array>
#include <bit>

namespace cs::audit {

namespace {

//! The largest power of two smaller than n (n ≥ 2).
std::uint64_t splitPoint(std::uint64_t n)
{
    return std::bit_floor(n - 1);
}

} // namespace

Hash leafHash(std::span<const std::uint8_t> data)
{
    return identity::sha256Prefixed(0x00, data);
}

Hash nodeHash(const Hash& left, const Hash& right)
{
    std::array<std::uint8_t, 64> children{};
    std::copy(left.begin(), left.end(), children.begin());
    std::copy(right.begin(), right.end(), children.begin() + 32);
    return identity::sha256Prefixed(0x01, children);
}

Hash emptyRoot()
{
    return identity::sha256(std::span<const std::uint8_t>());
}

void MerkleFrontier::append(const Hash& leaf)
{
    Hash carry = leaf;
    // Each trailing one bit of the old size is a perfect subtree the new leaf completes.
    for (std::uint64_t bits = m_size; bits & 1; bits >>= 1) {
        carry = nodeHash(m_subtrees.back(), carry);
        m_subtrees.pop_back();
    }
    m_subtrees.push_back(carry);
    ++m_size;
}

Hash MerkleFrontier::root() const
{
    if (m_subtrees.empty())
        return emptyRoot();
    Hash root = m_subtrees.back();
    for (auto it = m_subtrees.rbegin() + 1; it != m_subtrees.rend(); ++it)
        root = nodeHash(*it, root);
    return root;
}

std::vector<std::uint8_t> MerkleFrontier::serialize() const
{
    std::vector<std::uint8_t> bytes;
    bytes.reserve(m_subtrees.size() * 32);
    for (const Hash& hash : m_subtrees)
        bytes.insert(bytes.end(), hash.begin(), hash.end());
    return bytes;
}

Result<MerkleFrontier> MerkleFrontier::restore(std::uint64_t size, std::span<const std::uint8_t> bytes)
{
    if (bytes.size() != static_cast<std::size_t>(std::popcount(size)) * 32)
        return fail(ErrorCode::InvalidInput, "stored Merkle frontier does not fit a tree of "
                                                 + std::to_string(size) + " leaves");
    MerkleFrontier frontier;
    frontier.m_size = size;
    for (std::size_t offset = 0; offset < bytes.size(); offset += 32) {
        Hash hash{};
        std::copy_n(bytes.begin() + static_cast<std::ptrdiff_t>(offset), 32, hash.begin());
        frontier.m_subtrees.push_back(hash);
    }
    return frontier;
}

Hash rootOf(std::span<const Hash> leaves)
{
    MerkleFrontier frontier;
    for (const Hash& leaf : leaves)
        frontier.append(leaf);
    return frontier.root();
}

MerkleTree::MerkleTree(std::span<const Hash> leaves)
{
    m_levels.emplace_back(leaves.begin(), leaves.end());
    while (m_levels.back().size() > 1) {
        const std::vector<Hash>& below = m_levels.back();
        std::vector<Hash> level;
        level.reserve(below.size() / 2);
        for (std::size_t i = 0; i + 1 < below.size(); i += 2)
            level.push_back(nodeHash(below[i], below[i + 1]));
        m_levels.push_back(std::move(level));
    }
}

Hash MerkleTree::rangeRoot(std::uint64_t begin, std::uint64_t end) const
{
    const std::uint64_t n = end - begin;
    if (n == 0)
        return emptyRoot();
    if (std::has_single_bit(n) && begin % n == 0) {
        const auto height = static_cast<std::size_t>(std::countr_zero(n));
        return m_levels[height][begin >> height];
    }
    const std::uint64_t k = splitPoint(n);
    return nodeHash(rangeRoot(begin, begin + k), rangeRoot(begin + k, end));
}

Hash MerkleTree::root(std::uint64_t treeSize) const
{
    return rangeRoot(0, treeSize);
}

std::vector<Hash> MerkleTree::inclusionProof(std::uint64_t index, std::uint64_t treeSize) const
{
    std::vector<Hash> path;
    std::uint64_t begin = 0;
    std::uint64_t end = treeSize;
    while (end - begin > 1) {
        const std::uint64_t k = splitPoint(end - begin);
        if (index < begin + k) {
            path.push_back(rangeRoot(begin + k, end));
            end = begin + k;
        } else {
            path.push_back(rangeRoot(begin, begin + k));
            begin += k;
        }
    }
    // Built from the root down; the RFC orders the audit path from the leaf up.
    return {path.rbegin(), path.rend()};
}

void MerkleTree::subproof(std::uint64_t begin, std::uint64_t m, std::uint64_t end, bool complete,
                          std::vector<Hash>& out) const
{
    const std::uint64_t n = end - begin;
    if (m == n) {
        if (!complete)
            out.push_back(rangeRoot(begin, end));
        return;
    }
    const std::uint64_t k = splitPoint(n);
    if (m <= k) {
        subproof(begin, m, begin + k, complete, out);
        out.push_back(rangeRoot(begin + k, end));
    } else {
        subproof(begin + k, m - k, end, false, out);
        out.push_back(rangeRoot(begin, begin + k));
    }
}

std::vector<Hash> MerkleTree::consistencyProof(std::uint64_t oldSize, std::uint64_t treeSize) const
{
    std::vector<Hash> proof;
    if (oldSize == 0 || oldSize >= treeSize)
        return proof;
    subproof(0, oldSize, treeSize, true, proof);
    return proof;
}

bool verifyInclusion(std::uint64_t index, std::uint64_t size, const Hash& leaf, std::span<const Hash> proof,
                     const Hash& root)
{
    if (index >= size)
        return false;
    std::uint64_t fn = index;
    std::uint64_t sn = size - 1;
    Hash r = leaf;
    for (const Hash& p : proof) {
        if (sn == 0)
            return false;
        if ((fn & 1) || fn == sn) {
            r = nodeHash(p, r);
            while (!(fn & 1) && fn != 0) {
                fn >>= 1;
                sn >>= 1;
            }
        } else {
            r = nodeHash(r, p);
        }
        fn >>= 1;
        sn >>= 1;
    }
    return sn == 0 && r == root;
}

bool verifyConsistency(std::uint64_t oldSize, std::uint64_t newSize, const Hash& oldRoot, const Hash& newRoot,
                       std::span<const Hash> proof)
{
    if (oldSize > newSize)
        return false;
    if (oldSize == newSize)
        return proof.empty() && oldRoot == newRoot;
    if (oldSize == 0)
        return proof.empty() && oldRoot == emptyRoot();
    if (proof.empty())
        return false;

    std::vector<Hash> path;
    if (std::has_single_bit(oldSize))
        path.push_back(oldRoot);
    path.insert(path.end(), proof.begin(), proof.end());

    std::uint64_t fn = oldSize - 1;
    std::uint64_t sn = newSize - 1;
    while (fn & 1) {
        fn >>= 1;
        sn >>= 1;
    }
    Hash fr = path.front();
    Hash sr = path.front();
    for (auto it = path.begin() + 1; it != path.end(); ++it) {
        if (sn == 0)
            return false;
        if ((fn & 1) || fn == sn) {
            fr = nodeHash(*it, fr);
            sr = nodeHash(*it, sr);
            while (!(fn & 1) && fn != 0) {
                fn >>= 1;
                sn >>= 1;
            }
        } else {
            sr = nodeHash(sr, *it);
        }
        fn >>= 1;
        sn >>= 1;
    }
    return fr == oldRoot && sr == newRoot && sn == 0;
}

} // namespace cs::audit
