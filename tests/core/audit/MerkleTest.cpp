// SPDX-FileCopyrightText: 2026 Countersign developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "core/audit/Merkle.h"
#include "core/domain/Encoding.h"

using namespace cs;
using namespace cs::audit;

//! RFC 9162 hashing, the incremental frontier, and inclusion and consistency proofs with
//! every mutation a verifier must reject.
class MerkleTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownAnswers_data();
    void knownAnswers();
    void leafAndNodeAreDomainSeparated();
    void frontierMatchesRecursiveRoot();
    void frontierSerializes();
    void inclusionProofs();
    void inclusionMutationsRejected_data();
    void inclusionMutationsRejected();
    void consistencyProofs();
    void consistencyMutationsRejected_data();
    void consistencyMutationsRejected();
};

namespace {

Hash leafOf(std::string_view text)
{
    return leafHash(asBytes(text));
}

std::vector<Hash> makeLeaves(std::size_t n)
{
    std::vector<Hash> leaves;
    for (std::size_t i = 0; i < n; ++i)
        leaves.push_back(leafOf("leaf " + std::to_string(i)));
    return leaves;
}

//! MTH written straight from RFC 9162 §2.1.1, as an independent reference.
Hash referenceRoot(std::span<const Hash> leaves)
{
    if (leaves.empty())
        return emptyRoot();
    if (leaves.size() == 1)
        return leaves.front();
    std::size_t k = 1;
    while (k * 2 < leaves.size())
        k *= 2;
    return nodeHash(referenceRoot(leaves.first(k)), referenceRoot(leaves.subspan(k)));
}

Hash flipped(Hash hash, std::size_t bit)
{
    hash[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    return hash;
}

} // namespace

void MerkleTest::knownAnswers_data()
{
    QTest::addColumn<QByteArray>("which");
    QTest::addColumn<QByteArray>("expected");
    // transparency-dev/merkle rfc6962 known answers.
    QTest::newRow("empty-root") << QByteArray("empty") << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("empty-leaf") << QByteArray("leaf:") << QByteArray("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    QTest::newRow("leaf-L123456") << QByteArray("leaf:L123456") << QByteArray("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
    QTest::newRow("node-N123-N456") << QByteArray("node") << QByteArray("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
}

void MerkleTest::knownAnswers()
{
    QFETCH(QByteArray, which);
    QFETCH(QByteArray, expected);
    Hash got{};
    if (which == "empty") {
        got = emptyRoot();
        QVERIFY(MerkleFrontier().root() == got);
    } else if (which.startsWith("leaf:")) {
        got = leafOf(which.mid(5).toStdString());
    } else {
        Hash left{};
        Hash right{};
        std::copy_n(reinterpret_cast<const std::uint8_t*>("N123"), 4, left.begin());
        std::copy_n(reinterpret_cast<const std::uint8_t*>("N456"), 4, right.begin());
        // The vector hashes the raw strings "N123" and "N456" as children.
        std::string input = std::string(1, '\x01') + "N123" + "N456";
        got = identity::sha256(input);
        QVERIFY(nodeHash(left, right) != got); // padded 32-byte children differ, as they must
    }
    QCOMPARE(QByteArray::fromStdString(toHex(got)), expected);
}

void MerkleTest::leafAndNodeAreDomainSeparated()
{
    const Hash h1 = leafOf("a");
    const Hash h2 = leafOf("b");
    Bytes concatenated(h1.begin(), h1.end());
    concatenated.insert(concatenated.end(), h2.begin(), h2.end());
    QVERIFY(leafHash(concatenated) != nodeHash(h1, h2));
}

void MerkleTest::frontierMatchesRecursiveRoot()
{
    const auto leaves = makeLeaves(300);
    MerkleFrontier frontier;
    QVERIFY(frontier.root() == referenceRoot({}));
    for (std::size_t n = 1; n <= leaves.size(); ++n) {
        frontier.append(leaves[n - 1]);
        QCOMPARE(frontier.size(), n);
        QVERIFY2(frontier.root() == referenceRoot(std::span(leaves).first(n)), qPrintable(QString::number(n)));
        QVERIFY(rootOf(std::span(leaves).first(n)) == frontier.root());
    }
}

void MerkleTest::frontierSerializes()
{
    const auto leaves = makeLeaves(77);
    MerkleFrontier frontier;
    for (const Hash& leaf : leaves)
        frontier.append(leaf);
    const auto bytes = frontier.serialize();
    QCOMPARE(bytes.size(), std::size_t{4 * 32}); // 77 = 0b1001101
    auto restored = MerkleFrontier::restore(77, bytes);
    QVERIFY(restored.has_value());
    QVERIFY(*restored == frontier);
    restored->append(leafOf("next"));
    frontier.append(leafOf("next"));
    QVERIFY(restored->root() == frontier.root());
    QVERIFY(!MerkleFrontier::restore(76, bytes).has_value());
    QVERIFY(!MerkleFrontier::restore(77, std::span(bytes).first(96)).has_value());
}

void MerkleTest::inclusionProofs()
{
    const auto leaves = makeLeaves(70);
    const MerkleTree whole(leaves);
    for (std::size_t n = 1; n <= leaves.size(); ++n) {
        const Hash root = referenceRoot(std::span(leaves).first(n));
        QVERIFY(whole.root(n) == root);
        for (std::size_t i = 0; i < n; ++i) {
            const auto proof = whole.inclusionProof(i, n);
            QVERIFY2(verifyInclusion(i, n, leaves[i], proof, root), qPrintable(QStringLiteral("%1/%2").arg(i).arg(n)));
        }
    }
}

void MerkleTest::inclusionMutationsRejected_data()
{
    QTest::addColumn<QString>("mutation");
    // Sizes change by ×2 and ÷2 as in transparency-dev/merkle's probes: a size ±1 that leaves the
    // path's shape unchanged is not a mutation a verifier can see, the signed root binds the size.
    for (const char* name : {"flip-bit", "index+1", "index-1", "index^2", "size*2", "size/2",
                             "truncated", "extended", "empty", "wrong-leaf", "wrong-root", "index>=size"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void MerkleTest::inclusionMutationsRejected()
{
    QFETCH(QString, mutation);
    const auto leaves = makeLeaves(37);
    const MerkleTree tree(leaves);
    int checked = 0;
    for (std::uint64_t n : {5u, 8u, 13u, 37u}) {
        const Hash root = referenceRoot(std::span(leaves).first(n));
        for (std::uint64_t i = 0; i < n; ++i) {
            auto proof = tree.inclusionProof(i, n);
            std::uint64_t index = i;
            std::uint64_t size = n;
            Hash leaf = leaves[i];
            Hash expectedRoot = root;
            if (mutation == QLatin1String("flip-bit")) {
                for (std::size_t k = 0; k < proof.size(); ++k) {
                    auto bad = proof;
                    bad[k] = flipped(bad[k], 8 * k + 3);
                    QVERIFY(!verifyInclusion(i, n, leaf, bad, root));
                    ++checked;
                }
                continue;
            }
            if (mutation == QLatin1String("index+1"))
                index = i + 1;
            else if (mutation == QLatin1String("index-1"))
                index = i - 1; // wraps for i = 0: also rejected
            else if (mutation == QLatin1String("index^2"))
                index = i ^ 2;
            else if (mutation == QLatin1String("size*2"))
                size = n * 2;
            else if (mutation == QLatin1String("size/2"))
                size = n / 2;
            else if (mutation == QLatin1String("truncated") && !proof.empty())
                proof.pop_back();
            else if (mutation == QLatin1String("extended"))
                proof.push_back(leafOf("extra"));
            else if (mutation == QLatin1String("empty"))
                proof.clear();
            else if (mutation == QLatin1String("wrong-leaf"))
                leaf = leafOf("not in the tree");
            else if (mutation == QLatin1String("wrong-root"))
                expectedRoot = flipped(root, 100);
            else if (mutation == QLatin1String("index>=size"))
                index = n;
            // A mutation can describe the very same tree position (e.g. index^2 == index when it
            // leaves the tree's shape unchanged for a size whose proof does not depend on it):
            // skip those, and require every real change to be rejected.
            const bool same = index == i && size == n && proof == tree.inclusionProof(i, n) && leaf == leaves[i]
                              && expectedRoot == root;
            const bool equivalent = index < size && size <= n && index != i && size == n
                                    && tree.inclusionProof(index, n) == proof && leaves[index] == leaf;
            if (same || equivalent)
                continue;
            QVERIFY2(!verifyInclusion(index, size, leaf, proof, expectedRoot),
                     qPrintable(QStringLiteral("%1 accepted for leaf %2 of %3").arg(mutation).arg(i).arg(n)));
            ++checked;
        }
    }
    QVERIFY(checked > 20);
}

void MerkleTest::consistencyProofs()
{
    const auto leaves = makeLeaves(64);
    const MerkleTree tree(leaves);
    for (std::size_t n = 1; n <= leaves.size(); ++n) {
        const Hash newRoot = referenceRoot(std::span(leaves).first(n));
        for (std::size_t m = 0; m <= n; ++m) {
            const Hash oldRoot = referenceRoot(std::span(leaves).first(m));
            const auto proof = tree.consistencyProof(m, n);
            QVERIFY2(verifyConsistency(m, n, oldRoot, newRoot, proof), qPrintable(QStringLiteral("%1 -> %2").arg(m).arg(n)));
        }
    }
}

void MerkleTest::consistencyMutationsRejected_data()
{
    QTest::addColumn<QString>("mutation");
    for (const char* name : {"flip-bit", "old-size+1", "old-size-1", "new-size*2", "swapped-roots",
                             "truncated", "extended", "empty", "old>new", "forked-history"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void MerkleTest::consistencyMutationsRejected()
{
    QFETCH(QString, mutation);
    const auto leaves = makeLeaves(40);
    const MerkleTree tree(leaves);
    auto forked = leaves;
    forked[2] = leafOf("rewritten");
    int checked = 0;
    for (std::uint64_t n : {3u, 8u, 21u, 40u}) {
        for (std::uint64_t m = 1; m < n; ++m) {
            const Hash oldRoot = referenceRoot(std::span(leaves).first(m));
            const Hash newRoot = referenceRoot(std::span(leaves).first(n));
            auto proof = tree.consistencyProof(m, n);
            std::uint64_t oldSize = m;
            std::uint64_t newSize = n;
            Hash a = oldRoot;
            Hash b = newRoot;
            if (mutation == QLatin1String("flip-bit")) {
                for (std::size_t k = 0; k < proof.size(); ++k) {
                    auto bad = proof;
                    bad[k] = flipped(bad[k], 8 * k + 1);
                    QVERIFY(!verifyConsistency(m, n, oldRoot, newRoot, bad));
                    ++checked;
                }
                continue;
            }
            if (mutation == QLatin1String("old-size+1"))
                oldSize = m + 1;
            else if (mutation == QLatin1String("old-size-1"))
                oldSize = m - 1;
            else if (mutation == QLatin1String("new-size*2"))
                newSize = n * 2;
            else if (mutation == QLatin1String("swapped-roots"))
                std::swap(a, b);
            else if (mutation == QLatin1String("truncated"))
                proof.pop_back();
            else if (mutation == QLatin1String("extended"))
                proof.push_back(leafOf("extra"));
            else if (mutation == QLatin1String("empty"))
                proof.clear();
            else if (mutation == QLatin1String("old>new"))
                std::swap(oldSize, newSize);
            else if (mutation == QLatin1String("forked-history") && m > 2)
                b = referenceRoot(std::span(forked).first(n)); // the new tree rewrote leaf 2
            else
                continue;
            QVERIFY2(!verifyConsistency(oldSize, newSize, a, b, proof),
                     qPrintable(QStringLiteral("%1 accepted for %2 -> %3").arg(mutation).arg(m).arg(n)));
            ++checked;
        }
    }
    QVERIFY(checked > 20);
}

QTEST_GUILESS_MAIN(MerkleTest)
#include "MerkleTest.moc"
