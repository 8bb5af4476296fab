package io.forewarn.ledger.jdbc;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The complete subtrees a log of some size ends with, one per bit of its size: the only hashes from before that an
 * append combines with (RFC 9162's tree, built left to right). Kept beside the size in {@code ledger_state}, as
 * {@code level:position:hash} items joined by commas, so that the append that takes the row's lock reads them in the
 * same statement ({@link JdbcLedger}).
 */
final class RightEdge {

    private static final HexFormat HEX = HexFormat.of();

    private RightEdge() {
    }

    /** The subtrees on the right edge of a log of {@code size} leaves, the largest first. */
    static Set<Subtree> of(long size) {
        Set<Subtree> edge = new LinkedHashSet<>();
        for (int level = Long.SIZE - 2; level >= 0; level--) {
            if ((size >>> level & 1) == 1) {
                edge.add(new Subtree(level, (size >>> level) - 1));
            }
        }
        return edge;
    }

    /**
     * The hashes of the edge as stored for a log of {@code size} leaves; empty when none is stored, or when what is
     * stored is not the edge of that size (written before the column existed, or by a version that did not keep it),
     * so that the caller reads them from the tables instead.
     */
    static Optional<Map<Subtree, byte[]>> read(long size, Optional<String> stored) {
        if (size == 0) {
            return Optional.of(Map.of());
        }
        if (stored.isEmpty() || stored.get().isEmpty()) {
            return Optional.empty();
        }
        Map<Subtree, byte[]> hashes = new LinkedHashMap<>();
        for (String item : stored.get().split(",")) {
            String[] parts = item.split(":");
            if (parts.length != 3) {
                return Optional.empty();
            }
            hashes.put(new Subtree(Integer.parseInt(parts[0]), Long.parseLong(parts[1])), HEX.parseHex(parts[2]));
        }
        return hashes.keySet().equals(of(size)) ? Optional.of(hashes) : Optional.empty();
    }

    /** The edge of a log of {@code size} leaves as stored, each hash given by {@code hash}. */
    static String write(long size, Function<Subtree, byte[]> hash) {
        StringBuilder text = new StringBuilder();
        for (Subtree subtree : of(size)) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(subtree.level()).append(':').append(subtree.index()).append(':').append(HEX.formatHex(hash.apply(subtree)));
        }
        return text.toString();
    }
}
