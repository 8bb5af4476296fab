package io.forewarn.ledger.jdbc;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The right edge kept beside the log's size: the subtrees of each bit of the size, and only for that size. */
class RightEdgeTest {

    @Test
    void theEdgeOfALogIsOneCompleteSubtreePerBitOfItsSizeLargestFirst() {
        // 13 leaves = 8 + 4 + 1: leaves 0-7, 8-11 and 12
        assertThat(RightEdge.of(13)).containsExactly(new Subtree(3, 0), new Subtree(2, 2), new Subtree(0, 12));
        assertThat(RightEdge.of(16)).containsExactly(new Subtree(4, 0));
        assertThat(RightEdge.of(0)).isEmpty();
    }

    @Test
    void anEdgeWrittenForOneSizeIsReadBackForItAndRefusedForAnother() {
        String written = RightEdge.write(13, subtree -> new byte[] {(byte) subtree.level(), (byte) subtree.index()});

        assertThat(written).isEqualTo("3:0:0300,2:2:0202,0:12:000c");
        Map<Subtree, byte[]> read = RightEdge.read(13, Optional.of(written)).orElseThrow();
        assertThat(read).containsOnlyKeys(RightEdge.of(13));
        assertThat(read.get(new Subtree(0, 12))).containsExactly(0, 12);
        assertThat(RightEdge.read(14, Optional.of(written))).as("another size: read from the tables").isEmpty();
        assertThat(RightEdge.read(13, Optional.empty())).as("none kept yet").isEmpty();
        assertThat(RightEdge.read(0, Optional.empty())).contains(Map.of());
    }
}
