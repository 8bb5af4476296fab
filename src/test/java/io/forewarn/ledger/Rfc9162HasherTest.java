package io.forewarn.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.IntStream;

import static io.forewarn.ledger.TestTrees.EMPTY_ROOT;
import static io.forewarn.ledger.TestTrees.SHA_256;
import static io.forewarn.ledger.TestTrees.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Rfc9162HasherTest {

    @Test
    void emptyTreeRootIsSha256OfNothing() {
        assertThat(hex(SHA_256.emptyRoot())).isEqualTo(EMPTY_ROOT);
    }

    @Test
    void leafAndNodeHashesAreDomainSeparated() throws Exception {
        byte[] left = SHA_256.leafHash("a".getBytes(StandardCharsets.UTF_8));
        byte[] right = SHA_256.leafHash("b".getBytes(StandardCharsets.UTF_8));

        assertThat(left).isEqualTo(sha256(new byte[] {0x00, 'a'}));
        byte[] node = new byte[65];
        node[0] = 0x01;
        System.arraycopy(left, 0, node, 1, 32);
        System.arraycopy(right, 0, node, 33, 32);
        assertThat(SHA_256.nodeHash(left, right)).isEqualTo(sha256(node));
        // the 65 bytes of a node, hashed as a leaf entry, give a different hash: no leaf passes for a node
        byte[] asEntry = new byte[64];
        System.arraycopy(node, 1, asEntry, 0, 64);
        assertThat(SHA_256.leafHash(asEntry)).isNotEqualTo(SHA_256.nodeHash(left, right));
    }

    @Test
    void emptyLeafIsTheRfc6962FirstLeaf() {
        assertThat(hex(SHA_256.leafHash(new byte[0]))).isEqualTo(TestTrees.RFC6962_ROOTS.get(0));
    }

    @Test
    void nodeHashRefusesChildrenThatAreNotHashes() {
        byte[] hash = SHA_256.emptyRoot();
        assertThatIllegalArgumentException().isThrownBy(() -> SHA_256.nodeHash(new byte[31], hash));
        assertThatIllegalArgumentException().isThrownBy(() -> SHA_256.nodeHash(hash, new byte[33]));
    }

    @Test
    void concurrentHashingGivesTheSameResultsAsSequential() {
        List<byte[]> sequential = IntStream.range(0, 20_000).mapToObj(i -> SHA_256.leafHash(entry(i))).toList();
        List<byte[]> parallel = IntStream.range(0, 20_000).parallel().mapToObj(i -> SHA_256.leafHash(entry(i))).toList();

        assertThat(parallel).zipSatisfy(sequential, (a, b) -> assertThat(a).isEqualTo(b));
    }

    private static byte[] entry(int i) {
        return ("entry " + i).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] input) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(input);
    }
}
