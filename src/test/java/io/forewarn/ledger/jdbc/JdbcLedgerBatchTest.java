package io.forewarn.ledger.jdbc;

import io.forewarn.store.CasebookJson;
import io.forewarn.store.JdbcCasebook;
import io.forewarn.store.TestDatabase;
import io.forewarn.obligation.EventType;
import io.forewarn.ledger.ConsistencyProofs;
import io.forewarn.ledger.InMemoryMerkleTree;
import io.forewarn.ledger.InclusionProofs;
import io.forewarn.obligation.TimelineEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static io.forewarn.Crocus.RECEIVED;
import static io.forewarn.store.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link JdbcCasebook#appendAll}: events appended several at once, in statement batches, leave the same
 * events, ledger entries and subtree hashes as the same events appended one by one, in the event's own
 * transaction (nothing of a rolled-back batch remains), on H2 and PostgreSQL.
 */
class JdbcLedgerBatchTest {

    private static final Clock CLOCK = Clock.fixed(RECEIVED.plusSeconds(60), ZoneOffset.UTC);

    private final List<TestDatabase> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(TestDatabase::close);
    }

    private TestDatabase open(String kind) {
        TestDatabase database = TestDatabase.of(kind);
        opened.add(database);
        return database;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void severalAtOnceStoreWhatOneByOneStores(String kind) {
        storesWhatOneByOneStores(kind, new int[] {1, 2, 3, 7, 16, 4, 0, 9});
    }

    /** Batches of {@link BulkRows#COPY_FROM} events or more go by COPY on PostgreSQL: the same events, entries and hashes. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void manyAtOnceStoreWhatOneByOneStores(String kind) {
        storesWhatOneByOneStores(kind, new int[] {BulkRows.COPY_FROM, 3, 2 * BulkRows.COPY_FROM + 5, 1, 300});
    }

    private void storesWhatOneByOneStores(String kind, int[] sizes) {
        TestDatabase oneByOne = open(kind);
        TestDatabase atOnce = open(kind);
        JdbcCasebook single = new JdbcCasebook(oneByOne.dataSource(), new CasebookJson(), CLOCK);
        JdbcCasebook batched = new JdbcCasebook(atOnce.dataSource(), new CasebookJson(), CLOCK);
        TransactionTemplate singleTransaction = new TransactionTemplate(new JdbcTransactionManager(oneByOne.dataSource()));
        TransactionTemplate batchedTransaction = new TransactionTemplate(new JdbcTransactionManager(atOnce.dataSource()));

        // batches that end inside and on the edges of subtrees, so some siblings come from earlier transactions
        int next = 0;
        for (int size : sizes) {
            List<TimelineEntry> events = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                // a summary with the characters COPY's text format escapes, and one beyond ASCII
                events.add(event(RECEIVED.plusSeconds(next).plusNanos(1_000 * next), "note", "e" + next++ + (i % 5 == 1
                        ? "\\ tab\t line\n return\r Москва" : "")));
            }
            singleTransaction.executeWithoutResult(status -> events.forEach(single::append));
            batched.appendAll(events); // a transaction of its own
        }
        // one transaction mixing both ways: written in batches, in the order appended
        List<TimelineEntry> mixed = List.of(event(RECEIVED, "note", "m1"), event(RECEIVED, "note", "m2"),
                event(RECEIVED, "note", "m3"), event(RECEIVED, EventType.REPORT_RECEIVED.code(), "R-none"));
        singleTransaction.executeWithoutResult(status -> mixed.forEach(single::append));
        batchedTransaction.executeWithoutResult(status -> {
            batched.append(mixed.get(0));
            batched.appendAll(mixed.subList(1, 3));
            batched.append(mixed.get(3));
        });
        // a batch whose transaction rolls back leaves nothing
        assertThatThrownBy(() -> batchedTransaction.executeWithoutResult(status -> {
            batched.appendAll(List.of(event(RECEIVED, "note", "gone-1"), event(RECEIVED, "note", "gone-2")));
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        JdbcLedger expected = single.ledger();
        JdbcLedger actual = batched.ledger();
        assertThat(actual.size()).isEqualTo(expected.size()).isEqualTo(java.util.Arrays.stream(sizes).sum() + mixed.size());
        assertThat(batched.events()).isEqualTo(single.events());
        assertThat(rows(atOnce, "SELECT idx, event_seq, at, body, leaf_hash FROM ledger_entry ORDER BY idx"))
                .isEqualTo(rows(oneByOne, "SELECT idx, event_seq, at, body, leaf_hash FROM ledger_entry ORDER BY idx"));
        assertThat(rows(atOnce, "SELECT lvl, pos, hash FROM ledger_node ORDER BY lvl, pos"))
                .isEqualTo(rows(oneByOne, "SELECT lvl, pos, hash FROM ledger_node ORDER BY lvl, pos"))
                .hasSize((int) actual.size() - Long.bitCount(actual.size()));

        InMemoryMerkleTree reference = new InMemoryMerkleTree(JdbcLedger.HASHER);
        actual.entries(0, actual.size()).forEach(entry -> reference.appendEntry(entry.body().getBytes(StandardCharsets.UTF_8)));
        long size = actual.size();
        for (long m = 1; m <= size; m++) {
            assertThat(HexFormat.of().formatHex(actual.root(m))).isEqualTo(HexFormat.of().formatHex(reference.root(m)));
        }
        for (long i = 0; i < size; i += 3) {
            InclusionProofs.verify(JdbcLedger.HASHER, i, size, reference.leafHash(i), actual.inclusionProof(i, size), reference.root());
        }
        ConsistencyProofs.verify(JdbcLedger.HASHER, 13, size, reference.root(13), reference.root(), actual.consistencyProof(13, size));
        JdbcClient jdbc = JdbcClient.create(atOnce.dataSource());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_event e WHERE NOT EXISTS "
                + "(SELECT 1 FROM ledger_entry l WHERE l.event_seq = e.seq)").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_event").query(Long.class).single()).isEqualTo(size);
    }

    private static List<List<String>> rows(TestDatabase database, String sql) {
        return JdbcClient.create(database.dataSource()).sql(sql)
                .query((row, n) -> {
                    List<String> values = new ArrayList<>();
                    for (int c = 1; c <= row.getMetaData().getColumnCount(); c++) {
                        Object value = row.getObject(c);
                        values.add(value instanceof java.time.OffsetDateTime at ? at.toInstant().toString() : String.valueOf(value));
                    }
                    return values;
                })
                .list();
    }
}
