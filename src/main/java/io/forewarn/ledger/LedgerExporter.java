package io.forewarn.ledger;

import java.security.PublicKey;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a {@link LedgerExport} of entries {@code [from, to)} from a {@link Ledger}: the entries exactly as
 * stored (a tampered or missing row goes out as it is, for the verifier to find), the frontier and the
 * consistency proofs from the stored subtree hashes, and a head of size {@code to}: a published one of
 * that size if there is one, else one signed now (which needs the private key).
 */
public final class LedgerExporter {

    private final Ledger ledger;
    private final Clock clock;

    public LedgerExporter(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * @param signer to sign a head of size {@code to} when none was published; empty to use only published heads
     * @throws IllegalArgumentException if the range is not within the log, or a head is needed and there is no signer
     */
    public LedgerExport export(long from, long to, PublicKey key, Optional<TreeHeadSigner> signer) {
        long size = ledger.size();
        if (from < 0 || from > to || to > size) {
            throw new IllegalArgumentException("no entries [" + from + ", " + to + ") in a log of " + size + " entries"
                    + " (--from and --to must satisfy 0 <= from <= to <= " + size + ")");
        }
        List<SignedTreeHead> published = ledger.heads(to);
        SignedTreeHead head = published.stream().filter(h -> h.size() == to).findFirst()
                .orElseGet(() -> signer.orElseThrow(() -> new IllegalArgumentException("no head of size " + to
                                + " was published and there is no private key to sign one"))
                        .sign(to, ledger.root(to), clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        SubtreeHashes subtrees = ledger.subtrees();
        List<byte[]> frontier = new ArrayList<>();
        long start = 0;
        for (int level = Long.SIZE - 2; level >= 0; level--) {
            if ((from & (1L << level)) != 0) {
                frontier.add(subtrees.subtreeHash(level, start >>> level));
                start += 1L << level;
            }
        }
        List<LedgerExport.Entry> entries = ledger.entries(from, to).stream()
                .map(entry -> new LedgerExport.Entry(entry.index(), entry.body(), entry.leafHash()))
                .toList();
        List<LedgerExport.PublishedHead> heads = new ArrayList<>();
        for (SignedTreeHead earlier : published) {
            if (earlier.size() == 0) {
                continue;
            }
            try {
                heads.add(new LedgerExport.PublishedHead(earlier,
                        earlier.size() == to ? List.of() : ledger.consistencyProof(earlier.size(), to)));
            } catch (IllegalStateException missingHash) {
                // a stored hash is gone: the proof cannot be made; the verifier still checks the head from the entries
                heads.add(new LedgerExport.PublishedHead(earlier, List.of()));
            }
        }
        return new LedgerExport(LedgerKeys.encodePublic(key), from, to, head, frontier, entries, heads);
    }
}
