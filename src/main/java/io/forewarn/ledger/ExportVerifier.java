package io.forewarn.ledger;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The offline check of a {@link LedgerExport}, for oversight: with nothing but the export (and, to catch
 * a log rewritten and re-signed, a tree head saved earlier or the log's known public key) it confirms
 * <ol>
 *   <li>the key: the pinned key, if given, is the export's key;</li>
 *   <li>the signatures: of the export's head, of a saved head, of every published head in the export;</li>
 *   <li>every entry: in its place (index = position, and the body says so too), canonical JSON (RFC 8785),
 *       hashing to its recorded leaf hash;</li>
 *   <li>the root: the entries (with the frontier of the part before them) give the signed root;</li>
 *   <li>consistency: every published head and the saved head are heads of this same log, by recomputing
 *       their roots from the entries or, before the export's first entry, by a consistency proof;</li>
 * </ol>
 * and stops at the first thing that fails, naming the entry's index where there is one.
 */
public final class ExportVerifier {

    private static final LogHasher HASHER = Rfc9162Hasher.SHA_256;
    private static final HexFormat HEX = HexFormat.of();

    private ExportVerifier() {
    }

    /** What the check found: confirmed, or the first failure (with the entry it is about, when one is). */
    public record Outcome(boolean verified, String message, OptionalLong index) {
        static Outcome ok(String message) {
            return new Outcome(true, message, OptionalLong.empty());
        }

        static Outcome failed(String message) {
            return new Outcome(false, message, OptionalLong.empty());
        }

        static Outcome failedAt(long index, String message) {
            return new Outcome(false, "entry " + index + ": " + message, OptionalLong.of(index));
        }
    }

    public static Outcome verify(LedgerExport export, Optional<SignedTreeHead> saved, Optional<PublicKey> pinned) {
        Objects.requireNonNull(export, "export");
        PublicKey key;
        try {
            key = LedgerKeys.decodePublic(export.publicKey());
        } catch (IllegalArgumentException e) {
            return Outcome.failed("the export's public key is not an Ed25519 key");
        }
        if (pinned.isPresent() && !Arrays.equals(pinned.get().getEncoded(), key.getEncoded())) {
            return Outcome.failed("the export is signed with another key (" + keyId(key) + ") than the log's key ("
                    + keyId(pinned.get()) + "): it is not this log");
        }
        TreeHeadVerifier signatures = new TreeHeadVerifier(key);
        SignedTreeHead head = export.head();
        if (!signatures.verifies(head)) {
            return Outcome.failed("the export's tree head (size " + head.size() + ") is not signed by the export's key");
        }
        if (saved.isPresent() && !signatures.verifies(saved.get())) {
            return Outcome.failed("the saved tree head (size " + saved.get().size() + ") is not signed by the export's key ("
                    + keyId(key) + "): the log was replaced and re-signed with another key, or the head is not this log's");
        }
        long from = export.from();
        long to = export.to();
        if (from < 0 || from > to || head.size() != to) {
            return Outcome.failed("the export claims entries [" + from + ", " + to + ") under a head of size " + head.size());
        }
        if (export.frontier().size() != Long.bitCount(from)) {
            return Outcome.failed("the frontier of the " + from + " entries before the export has "
                    + export.frontier().size() + " hashes, not " + Long.bitCount(from));
        }

        // every entry in its place, canonical, and hashing to its recorded leaf
        List<LedgerExport.Entry> entries = export.entries();
        byte[][] leaves = new byte[entries.size()][];
        for (int k = 0; k < entries.size(); k++) {
            long expected = from + k;
            if (expected >= to) {
                return Outcome.failed("the export holds more entries than its head covers (" + to + ")");
            }
            LedgerExport.Entry entry = entries.get(k);
            if (entry.index() != expected) {
                boolean later = entries.subList(k, entries.size()).stream().anyMatch(e -> e.index() == expected);
                return Outcome.failedAt(expected, entry.index() < expected || later
                        ? "out of place (entry " + entry.index() + " stands where " + expected + " belongs)"
                        : "missing (the next entry in the export is " + entry.index() + ")");
            }
            Optional<String> problem = bodyProblem(entry.body(), expected);
            if (problem.isPresent()) {
                return Outcome.failedAt(expected, problem.get());
            }
            leaves[k] = HASHER.leafHash(entry.body().getBytes(StandardCharsets.UTF_8));
            if (!Arrays.equals(leaves[k], entry.leafHash())) {
                return Outcome.failedAt(expected, "its bytes do not hash to its recorded leaf hash: the entry was changed");
            }
        }
        if (from + entries.size() < to) {
            return Outcome.failedAt(from + entries.size(), "missing (the export ends before the " + to
                    + " entries its head covers)");
        }

        // the root, from the frontier and the entries
        PartialTree tree = new PartialTree(from, export.frontier(), leaves);
        if (!Arrays.equals(tree.root(to), head.rootHash())) {
            return Outcome.failed("the entries do not give the signed root of size " + to
                    + ": entries or their leaf hashes were changed together, or the frontier was");
        }

        // consistency: the heads the log published, and the one saved earlier
        for (LedgerExport.PublishedHead published : export.heads()) {
            if (!signatures.verifies(published.head())) {
                return Outcome.failed("the published head of size " + published.head().size() + " is not signed by the export's key");
            }
            Optional<String> inconsistent = consistency(published.head(), published.consistency(), tree, export);
            if (inconsistent.isPresent()) {
                return Outcome.failed("the published head of size " + published.head().size() + " " + inconsistent.get());
            }
        }
        String against = "";
        if (saved.isPresent()) {
            SignedTreeHead earlier = saved.get();
            List<byte[]> proof = export.heads().stream()
                    .filter(h -> h.head().size() == earlier.size() && Arrays.equals(h.head().rootHash(), earlier.rootHash()))
                    .map(LedgerExport.PublishedHead::consistency)
                    .findFirst().orElse(null);
            Optional<String> inconsistent = consistency(earlier, proof, tree, export);
            if (inconsistent.isPresent()) {
                return Outcome.failed("the saved head of size " + earlier.size() + " " + inconsistent.get());
            }
            against = "; consistent with the saved head of size " + earlier.size() + " (" + earlier.timestamp() + ")";
        }
        return Outcome.ok("verified " + entries.size() + " entries [" + from + ", " + to + ") up to head size " + to
                + ", root " + HEX.formatHex(head.rootHash()) + ", signed " + head.timestamp() + " by " + keyId(key) + against);
    }

    /** Whether an earlier head belongs to this log: its root recomputed from the entries, or proven consistent. */
    private static Optional<String> consistency(SignedTreeHead earlier, List<byte[]> proof, PartialTree tree, LedgerExport export) {
        long size = earlier.size();
        if (size > export.to()) {
            return Optional.of("is beyond this export, which ends at " + export.to() + "; export up to at least " + size);
        }
        if (size >= export.from()) {
            if (!Arrays.equals(tree.root(size), earlier.rootHash())) {
                return Optional.of("does not match the entries: an entry below " + size
                        + " was changed, removed or reordered since that head was signed");
            }
            return Optional.empty();
        }
        if (size == 0) {
            return Arrays.equals(earlier.rootHash(), HASHER.emptyRoot()) ? Optional.empty()
                    : Optional.of("has a root other than the empty tree's");
        }
        if (proof == null) {
            return Optional.of("is before the export's first entry " + export.from()
                    + " and the export has no consistency proof for it; export from 0");
        }
        try {
            ConsistencyProofs.verify(HASHER, size, export.to(), earlier.rootHash(), export.head().rootHash(), proof);
            return Optional.empty();
        } catch (ProofException e) {
            return Optional.of("is not consistent with the export's head: " + e.getMessage());
        }
    }

    private static Optional<String> bodyProblem(String body, long index) {
        String canonical;
        try {
            canonical = CanonicalJson.canonicalize(body);
        } catch (IllegalArgumentException e) {
            return Optional.of("its body is not JSON");
        }
        if (!canonical.equals(body)) {
            return Optional.of("its body is not in canonical form (RFC 8785): it was changed");
        }
        String prefix = "{\"event\":";
        // the index member, as the canonical form writes it
        String stated = "\"index\":" + index + ",";
        if (!body.startsWith(prefix) || !body.contains(stated)) {
            return Optional.of("its body does not say index " + index + ": entries were removed or reordered");
        }
        return Optional.empty();
    }

    static String keyId(PublicKey key) {
        try {
            return "sha256:" + HEX.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The hashes of a log known from a frontier (the perfect subtrees covering [0, from)) and the leaves
     * [from, from + n): built like {@link InMemoryMerkleTree}, appending leaf by leaf, with the frontier's
     * subtrees as the left siblings the first appends need. Any root of a size from {@code from} up is
     * folded from what it holds.
     */
    private static final class PartialTree implements SubtreeHashes {
        private final Map<Long, byte[]>[] levels;

        @SuppressWarnings("unchecked")
        PartialTree(long from, List<byte[]> frontier, byte[][] leaves) {
            levels = new Map[Long.SIZE];
            for (int level = 0; level < Long.SIZE; level++) {
                levels[level] = new HashMap<>();
            }
            long start = 0;
            int next = 0;
            for (int level = Long.SIZE - 2; level >= 0; level--) {
                if ((from & (1L << level)) != 0) {
                    levels[level].put(start >>> level, frontier.get(next++));
                    start += 1L << level;
                }
            }
            for (int k = 0; k < leaves.length; k++) {
                long position = from + k;
                byte[] hash = leaves[k];
                int level = 0;
                levels[0].put(position, hash);
                while ((position & 1) == 1) {
                    byte[] left = levels[level].get(position - 1);
                    hash = HASHER.nodeHash(left, hash);
                    level++;
                    position >>>= 1;
                    levels[level].put(position, hash);
                }
            }
        }

        @Override
        public byte[] subtreeHash(int level, long index) {
            byte[] hash = levels[level].get(index);
            if (hash == null) {
                throw new IllegalStateException("no hash for the subtree at level " + level + ", position " + index);
            }
            return hash;
        }

        byte[] root(long size) {
            return TreeHash.root(HASHER, this, size);
        }
    }
}
