package io.forewarn.ledger;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Ledger} held in memory, for a case that lives in memory (tests, tools): the same entries, roots,
 * proofs and heads as the database's ledger given the same events at the same times. Safe for concurrent
 * use: every method holds the ledger's lock.
 */
public final class InMemoryLedger implements Ledger {

    private final Clock clock;
    private final InMemoryMerkleTree tree = new InMemoryMerkleTree(HASHER);
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final List<SignedTreeHead> heads = new ArrayList<>();
    private byte[] boundKey;

    public InMemoryLedger(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Appends the entry of {@code event}, made now, and returns it. */
    public synchronized LedgerEntry append(LedgerEvent event) {
        long index = entries.size();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String body = event.body(index, now);
        byte[] leafHash = HASHER.leafHash(body.getBytes(StandardCharsets.UTF_8));
        tree.append(leafHash);
        LedgerEntry entry = new LedgerEntry(index, now, body, leafHash);
        entries.add(entry);
        return entry;
    }

    @Override
    public synchronized long size() {
        return entries.size();
    }

    @Override
    public synchronized Optional<LedgerEntry> entry(long index) {
        return index >= 0 && index < entries.size() ? Optional.of(entries.get((int) index)) : Optional.empty();
    }

    @Override
    public synchronized List<LedgerEntry> entries(long from, long to) {
        int start = (int) Math.max(0, Math.min(from, entries.size()));
        int end = (int) Math.max(start, Math.min(to, entries.size()));
        return List.copyOf(entries.subList(start, end));
    }

    @Override
    public SubtreeHashes subtrees() {
        return tree;
    }

    @Override
    public synchronized byte[] root(long size) {
        Ledger.requireSize(size, entries.size());
        return tree.root(size);
    }

    @Override
    public synchronized List<byte[]> inclusionProof(long index, long size) {
        Ledger.requireSize(size, entries.size());
        return tree.inclusionProof(index, size);
    }

    @Override
    public synchronized List<byte[]> consistencyProof(long from, long to) {
        Ledger.requireSize(to, entries.size());
        return tree.consistencyProof(from, to);
    }

    @Override
    public synchronized Optional<SignedTreeHead> latestHead() {
        return heads.isEmpty() ? Optional.empty() : Optional.of(heads.get(heads.size() - 1));
    }

    @Override
    public synchronized List<SignedTreeHead> heads(long upTo) {
        return heads.stream().filter(head -> head.size() <= upTo).toList();
    }

    @Override
    public synchronized SignedTreeHead publishHead(TreeHeadSigner signer) {
        long size = entries.size();
        Optional<SignedTreeHead> latest = latestHead();
        if (latest.isPresent() && latest.get().size() >= size) {
            return latest.get();
        }
        SignedTreeHead head = signer.sign(size, tree.root(size), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        heads.add(head);
        return head;
    }

    @Override
    public synchronized void bindKey(PublicKey key) {
        byte[] offered = LedgerKeys.encodePublic(key);
        if (boundKey == null) {
            boundKey = offered;
        } else if (!Arrays.equals(boundKey, offered)) {
            throw Ledger.boundToAnotherKey(boundKey, offered);
        }
    }
}
