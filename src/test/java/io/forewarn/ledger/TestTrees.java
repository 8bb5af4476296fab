package io.forewarn.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/** Shared fixtures for the ledger tests. */
final class TestTrees {

    static final LogHasher SHA_256 = Rfc9162Hasher.SHA_256;

    /**
     * The eight leaves of the RFC 6962 reference tests (certificate-transparency, and the
     * transparency-dev/merkle test vectors built from them), as hex.
     */
    static final List<String> RFC6962_LEAVES = List.of(
            "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** MTH of the first 1 … 8 of those leaves, from the same source. */
    static final List<String> RFC6962_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** SHA-256 of nothing, the root of the empty tree (RFC 9162 §2.1.1). */
    static final String EMPTY_ROOT = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private TestTrees() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static InMemoryMerkleTree rfc6962Tree() {
        InMemoryMerkleTree tree = new InMemoryMerkleTree(SHA_256);
        RFC6962_LEAVES.forEach(leaf -> tree.appendEntry(hex(leaf)));
        return tree;
    }

    /** Leaf hashes of {@code n} distinct entries "entry 0", "entry 1", … */
    static List<byte[]> leafHashes(int n) {
        List<byte[]> hashes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            hashes.add(SHA_256.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return Collections.unmodifiableList(hashes);
    }

    static InMemoryMerkleTree treeOf(List<byte[]> leafHashes) {
        InMemoryMerkleTree tree = new InMemoryMerkleTree(SHA_256);
        leafHashes.forEach(tree::append);
        return tree;
    }

    static byte[] flipBit(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
