// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/identity/Crypto.h"

#include <cstdint>
#include <span>
#include <vector>

namespace cs::audit {

using identity::Hash;

//! RFC 9162 §2.1.1: SHA-256(0x00 ‖ data).
Hash leafHash(std::span<const std::uint8_t> data);
//! RFC 9162 §2.1.1: SHA-256(0x01 ‖ left ‖ right).
Hash nodeHash(const Hash& left, const Hash& right);
//! The root of the empty tree, SHA-256 of nothing.
Hash emptyRoot();

/**
 * The right edge of a Merkle tree: the roots of its perfect subtrees, largest first (one per
 * set bit of the size). Appending a leaf costs O(log n) hashes at worst and one on average,
 * and the root is computed from the frontier alone, so the log never rehashes its history.
 */
class MerkleFrontier
{
public:
    std::uint64_t size() const { return m_size; }
    void append(const Hash& leaf);
    Hash root() const;

    //! The stored form: the subtree roots concatenated. restore() checks it fits `size`.
    std::vector<std::uint8_t> serialize() const;
    static Result<MerkleFrontier> restore(std::uint64_t size, std::span<const std::uint8_t> bytes);

    bool operator==(const MerkleFrontier&) const = default;

private:
    std::uint64_t m_size = 0;
    std::vector<Hash> m_subtrees;
};

//! MTH(D[n]) over leaf hashes (RFC 9162 §2.1.1).
Hash rootOf(std::span<const Hash> leaves);

/**
 * A tree built once over all leaf hashes, keeping every perfect subtree's hash (about 2n
 * hashes), so that any root, inclusion proof or consistency proof costs O(log n).
 */
class MerkleTree
{
public:
    explicit MerkleTree(std::span<const Hash> leaves);

    std::uint64_t size() const { return m_levels.front().size(); }
    //! MTH of the first `treeSize` leaves.
    Hash root(std::uint64_t treeSize) const;
    //! PATH(m, D[n]) (RFC 9162 §2.1.3.1) with n = treeSize; index < treeSize <= size().
    std::vector<Hash> inclusionProof(std::uint64_t index, std::uint64_t treeSize) const;
    //! PROOF(m, D[n]) (RFC 9162 §2.1.4.1) from oldSize to treeSize; empty when equal or 0.
    std::vector<Hash> consistencyProof(std::uint64_t oldSize, std::uint64_t treeSize) const;

private:
    //! MTH(D[begin:end]) for the ranges RFC 9162's recursion produces.
    Hash rangeRoot(std::uint64_t begin, std::uint64_t end) const;
    void subproof(std::uint64_t begin, std::uint64_t m, std::uint64_t end, bool complete, std::vector<Hash>& out) const;

    std::vector<std::vector<Hash>> m_levels; //!< m_levels[h][i]: the perfect subtree of 2^h leaves at i·2^h
};

//! RFC 9162 §2.1.3.2.
bool verifyInclusion(std::uint64_t index, std::uint64_t size, const Hash& leaf, std::span<const Hash> proof,
                     const Hash& root);
//! RFC 9162 §2.1.4.2, plus the trivial cases: equal sizes need an empty proof and equal roots;
//! from the empty tree only an empty proof; a shrinking tree is never consistent.
bool verifyConsistency(std::uint64_t oldSize, std::uint64_t newSize, const Hash& oldRoot, const Hash& newRoot,
                       std::span<const Hash> proof);

} // namespace cs::audit
