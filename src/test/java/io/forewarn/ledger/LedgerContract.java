package io.forewarn.ledger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Ledger} does, run against each storage (memory, H2, PostgreSQL): the same events at the
 * same time give byte for byte the same entries, the roots and proofs of RFC 9162 for every size up to the
 * present, heads published only when the log has grown, and one signing key for life.
 */
abstract class LedgerContract {

    /** When every entry of these tests is made. */
    static final Instant MADE = Instant.parse("2024-03-07T05:01:00Z");
    static final Clock CLOCK = Clock.fixed(MADE, ZoneOffset.UTC);

    private Ledger ledger;

    /** A new, empty ledger whose entries are made at {@link #MADE}. */
    protected abstract Ledger open();

    /** Appends the entries of {@code events}, in this order, as one change of the ledger's storage. */
    protected abstract void append(Ledger ledger, List<LedgerEvent> events);

    /** Releases what {@link #open()} took. */
    protected void close() {
    }

    @BeforeEach
    void openLedger() {
        ledger = open();
    }

    @AfterEach
    void closeLedger() {
        close();
    }

    static LedgerEvent event(int n) {
        return new LedgerEvent("obligation-opened", "ob-" + n, "scheduler", "obligation ob-" + n + " opened",
                Instant.parse("2024-03-07T05:00:00Z").plusSeconds(n), List.of());
    }

    private void appendEvents(int count) {
        append(ledger, IntStream.range(0, count).mapToObj(LedgerContract::event).toList());
    }

    @Test
    void anEmptyLedgerHoldsNothingAndHasTheEmptyRoot() {
        assertThat(ledger.size()).isZero();
        assertThat(ledger.entry(0)).isEmpty();
        assertThat(ledger.entries(0, 10)).isEmpty();
        assertThat(ledger.root(0)).isEqualTo(new InMemoryMerkleTree(Ledger.HASHER).root());
        assertThat(ledger.latestHead()).isEmpty();
        assertThat(ledger.heads(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void anEntryIsTheCanonicalJsonOfItsEventWithItsIndexAndTime() {
        appendEvents(2);

        LedgerEntry second = ledger.entry(1).orElseThrow();
        assertThat(second.index()).isEqualTo(1);
        assertThat(second.at()).isEqualTo(MADE);
        assertThat(second.body()).isEqualTo("{\"event\":{\"actor\":\"scheduler\",\"at\":\"2024-03-07T05:00:01Z\","
                + "\"subject\":\"ob-1\",\"summary\":\"obligation ob-1 opened\",\"type\":\"obligation-opened\"},"
                + "\"index\":1,\"time\":\"2024-03-07T05:01:00Z\"}");
        assertThat(second.leafHash()).isEqualTo(Ledger.HASHER.leafHash(second.body().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void entriesAreListedInIndexOrderWithinTheLog() {
        appendEvents(5);

        assertThat(ledger.size()).isEqualTo(5);
        assertThat(ledger.entries(0, 5)).extracting(LedgerEntry::index).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(ledger.entries(3, 99)).extracting(LedgerEntry::index).containsExactly(3L, 4L);
        assertThat(ledger.entries(7, 9)).isEmpty();
        assertThat(ledger.entry(5)).isEmpty();
    }

    @Test
    void rootsAndProofsAreThoseOfRfc9162ForEverySize() {
        appendEvents(6);
        appendEvents(7); // a second change continues the tree the first one left

        InMemoryMerkleTree reference = new InMemoryMerkleTree(Ledger.HASHER);
        ledger.entries(0, 13).forEach(entry -> reference.appendEntry(entry.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(ledger.size()).isEqualTo(13);
        for (long size = 0; size <= 13; size++) {
            assertThat(ledger.root(size)).as("root of size %d", size).isEqualTo(reference.root(size));
        }
        for (long size = 1; size <= 13; size++) {
            for (long index = 0; index < size; index++) {
                InclusionProofs.verify(Ledger.HASHER, index, size, reference.leafHash(index),
                        ledger.inclusionProof(index, size), reference.root(size));
            }
            ConsistencyProofs.verify(Ledger.HASHER, size, 13, reference.root(size), reference.root(13),
                    ledger.consistencyProof(size, 13));
        }
        assertThat(ledger.subtrees().subtreeHash(2, 2)).isEqualTo(reference.subtreeHash(2, 2));
    }

    @Test
    void aSizeBeyondTheLogIsRefused() {
        appendEvents(3);

        assertThatThrownBy(() -> ledger.root(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tree size 4 is not between 0 and the log's size 3");
        assertThatThrownBy(() -> ledger.inclusionProof(0, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tree size 4 is not between 0 and the log's size 3");
        assertThatThrownBy(() -> ledger.consistencyProof(1, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tree size 4 is not between 0 and the log's size 3");
    }

    @Test
    void aHeadIsSignedOnlyWhenTheLogHasGrown() {
        KeyPair keys = LedgerKeys.generate();
        TreeHeadSigner signer = new TreeHeadSigner(keys.getPrivate());
        appendEvents(3);

        SignedTreeHead first = ledger.publishHead(signer);
        assertThat(first.size()).isEqualTo(3);
        assertThat(first.rootHash()).isEqualTo(ledger.root(3));
        assertThat(first.timestamp()).isEqualTo(MADE);
        assertThat(new TreeHeadVerifier(keys.getPublic()).verifies(first)).isTrue();
        assertThat(ledger.publishHead(signer)).isEqualTo(first);

        appendEvents(2);
        SignedTreeHead second = ledger.publishHead(signer);
        assertThat(second.size()).isEqualTo(5);
        assertThat(second.rootHash()).isEqualTo(ledger.root(5));
        assertThat(ledger.latestHead()).contains(second);
        assertThat(ledger.heads(Long.MAX_VALUE)).extracting(SignedTreeHead::size).containsExactly(3L, 5L);
        assertThat(ledger.heads(4)).extracting(SignedTreeHead::size).containsExactly(3L);
    }

    @Test
    void theFirstKeyIsTheLogsForLife() {
        KeyPair first = LedgerKeys.generate();
        ledger.bindKey(first.getPublic());
        ledger.bindKey(first.getPublic());

        KeyPair other = LedgerKeys.generate();
        assertThatThrownBy(() -> ledger.bindKey(other.getPublic())).isInstanceOf(IllegalStateException.class)
                .hasMessage("this database's ledger is signed with another key (" + LedgerKeyFiles.fingerprint(first.getPublic())
                        + "), not " + LedgerKeyFiles.fingerprint(other.getPublic())
                        + "; supply that key (forewarn.ledger.key-file) or use a fresh database");
    }
}
