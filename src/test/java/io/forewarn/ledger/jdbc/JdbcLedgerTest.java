package io.forewarn.ledger.jdbc;

import io.forewarn.store.CasebookJson;
import io.forewarn.store.Fixtures;
import io.forewarn.store.JdbcCasebook;
import io.forewarn.store.TestDatabase;
import io.forewarn.Crocus;
import io.forewarn.obligation.ClosingReason;
import io.forewarn.obligation.DeadlineSweep;
import io.forewarn.obligation.DutyToWarn;
import io.forewarn.obligation.EventType;
import io.forewarn.sanitize.Sanitizer;
import io.forewarn.scenario.ReplayClock;
import io.forewarn.ledger.CanonicalJson;
import io.forewarn.ledger.ConsistencyProofs;
import io.forewarn.ledger.InMemoryMerkleTree;
import io.forewarn.ledger.InclusionProofs;
import io.forewarn.ledger.LedgerEntry;
import io.forewarn.ledger.SaltedHash;
import io.forewarn.obligation.TimelineEntry;
import io.forewarn.scenario.Mode;
import io.forewarn.scenario.Replay;
import io.forewarn.scenario.ReplayResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.forewarn.Crocus.SCENARIO;
import static io.forewarn.Crocus.POLICY;
import static io.forewarn.Crocus.R1;
import static io.forewarn.Crocus.RECEIVED;
import static io.forewarn.store.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger in the database: every event gets its entry in the event's own transaction, with a gap-free
 * index even when several transactions append at once, the stored tree is the RFC 9162 tree of the stored
 * entries, and a report's protected material reaches the ledger only as salted digests.
 */
class JdbcLedgerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    void aRolledBackChangeLeavesNoEntryAndACommittedOneExactlyItsOwn(String kind) {
        TestDatabase database = open(kind);
        JdbcCasebook casebook = new JdbcCasebook(database.dataSource());
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(database.dataSource()));
        casebook.append(event(RECEIVED, "note", "before"));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            casebook.append(event(RECEIVED, "note", "rolled-back-1"));
            casebook.append(event(RECEIVED, "note", "rolled-back-2"));
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        transaction.executeWithoutResult(status -> {
            casebook.append(event(RECEIVED, "note", "committed-1"));
            casebook.append(event(RECEIVED, "note", "committed-2"));
        });

        JdbcLedger ledger = casebook.ledger();
        assertThat(ledger.size()).isEqualTo(3);
        assertThat(subjects(ledger)).containsExactly("before", "committed-1", "committed-2");
        assertThat(casebook.events()).extracting(TimelineEntry::subject).containsExactly("before", "committed-1", "committed-2");
        assertEveryEventHasExactlyOneEntry(database);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theStoredTreeIsTheTreeOfTheStoredEntries(String kind) {
        TestDatabase database = open(kind);
        JdbcCasebook casebook = new JdbcCasebook(database.dataSource());
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(database.dataSource()));
        for (int i = 0; i < 13; i++) {
            int n = i;
            // some alone, some several to a transaction
            transaction.executeWithoutResult(status -> {
                for (int j = 0; j <= n % 3; j++) {
                    casebook.append(event(RECEIVED, "note", "n" + n + "." + j));
                }
            });
        }
        JdbcLedger ledger = casebook.ledger();
        InMemoryMerkleTree reference = new InMemoryMerkleTree(JdbcLedger.HASHER);
        for (LedgerEntry entry : ledger.entries(0, ledger.size())) {
            assertThat(entry.index()).isEqualTo(reference.size());
            assertThat(CanonicalJson.canonicalize(entry.body())).isEqualTo(entry.body());
            reference.appendEntry(entry.body().getBytes(StandardCharsets.UTF_8));
            assertThat(entry.leafHash()).isEqualTo(reference.leafHash(entry.index()));
        }
        long size = ledger.size();
        assertThat(size).isEqualTo(25); // 5 × 1 + 4 × 2 + 4 × 3
        for (long m = 0; m <= size; m++) {
            assertThat(ledger.root(m)).isEqualTo(reference.root(m));
        }
        for (long i = 0; i < size; i += 5) {
            InclusionProofs.verify(JdbcLedger.HASHER, i, size, reference.leafHash(i), ledger.inclusionProof(i, size), reference.root());
        }
        ConsistencyProofs.verify(JdbcLedger.HASHER, 7, size, reference.root(7), reference.root(), ledger.consistencyProof(7, size));
    }

    @Test
    void concurrentAppendsOnPostgresGetGapFreeIndicesInCommitOrder() throws Exception {
        TestDatabase database = open("postgres");
        int writers = 6;
        int perWriter = 15;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            tasks.add(() -> {
                JdbcCasebook own = new JdbcCasebook(database.dataSource());
                TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(database.dataSource()));
                for (int i = 0; i < perWriter; i++) {
                    int n = i;
                    transaction.executeWithoutResult(status -> {
                        own.append(event(RECEIVED, "note", writer + "/" + n + "/a"));
                        own.append(event(RECEIVED, "note", writer + "/" + n + "/b"));
                    });
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        JdbcLedger ledger = new JdbcCasebook(database.dataSource()).ledger();
        List<LedgerEntry> entries = ledger.entries(0, Long.MAX_VALUE);
        assertThat(ledger.size()).isEqualTo(writers * perWriter * 2L);
        assertThat(entries).extracting(LedgerEntry::index)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, writers * perWriter * 2L).boxed().toList());
        // a transaction's two events are next to each other: the lock is held from the first entry to commit
        List<String> subjects = subjects(ledger);
        for (int i = 0; i < subjects.size(); i += 2) {
            assertThat(subjects.get(i + 1)).isEqualTo(subjects.get(i).replaceAll("/a$", "/b"));
        }
        InMemoryMerkleTree reference = new InMemoryMerkleTree(JdbcLedger.HASHER);
        entries.forEach(entry -> reference.appendEntry(entry.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(ledger.root(ledger.size())).isEqualTo(reference.root());
        assertEveryEventHasExactlyOneEntry(database);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void protectedMaterialReachesTheLedgerOnlyAsSaltedDigests(String kind) {
        TestDatabase database = open(kind);
        JdbcCasebook casebook = new JdbcCasebook(database.dataSource());
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(database.dataSource()));
        transaction.executeWithoutResult(status -> {
            casebook.putReport(R1, Fixtures.triage(R1));
            casebook.append(new TimelineEntry(RECEIVED, EventType.REPORT_RECEIVED.code(), R1.id(), "analyst", "report R-1 received"));
        });

        LedgerEntry entry = casebook.ledger().entry(0).orElseThrow();
        List<String> items = new ArrayList<>();
        items.addAll(R1.protectedMaterial().sources());
        items.addAll(R1.protectedMaterial().methods());
        items.addAll(R1.protectedMaterial().terms());
        assertThat(items).hasSize(4);
        for (String item : items) {
            assertThat(entry.body().toLowerCase(Locale.ROOT)).doesNotContain(item.toLowerCase(Locale.ROOT));
        }
        JsonNode digests = JSON.readTree(entry.body()).get("protected");
        assertThat(digests).hasSize(items.size());
        List<String> salts = JdbcClient.create(database.dataSource())
                .sql("SELECT salt FROM report_protected_salt WHERE report_id = :id ORDER BY position")
                .param("id", R1.id()).query(String.class).list();
        for (int i = 0; i < items.size(); i++) {
            assertThat(SaltedHash.matches(items.get(i), HexFormat.of().parseHex(salts.get(i)),
                    HexFormat.of().parseHex(digests.get(i).stringValue()))).as(items.get(i)).isTrue();
        }
    }

    @Test
    void theCrocusReplayOnADatabaseLeavesOneEntryPerTimelineEvent() {
        TestDatabase database = open("h2");
        ReplayResult result = new Replay(SCENARIO, POLICY, () -> new JdbcCasebook(database.dataSource())).run(Mode.AS_RECORDED);

        JdbcLedger ledger = ((JdbcCasebook) result.casebook()).ledger();
        List<TimelineEntry> events = result.casebook().events();
        assertThat(events).hasSize(27); // as counted in LedgerCommandTest
        assertThat(ledger.size()).isEqualTo(events.size());
        List<LedgerEntry> entries = ledger.entries(0, ledger.size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode recorded = JSON.readTree(entries.get(i).body()).get("event");
            TimelineEntry event = events.get(i);
            assertThat(recorded.get("type").stringValue()).isEqualTo(event.type());
            assertThat(recorded.get("subject").stringValue()).isEqualTo(event.subject());
            assertThat(recorded.get("summary").stringValue()).isEqualTo(event.summary());
            assertThat(recorded.get("at").stringValue()).isEqualTo(event.at().toString());
        }
        assertEveryEventHasExactlyOneEntry(database);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anObligationTheSweepClosesAtTheEndOfItsWindowIsInTheLedgerWithItsReason(String kind) {
        TestDatabase database = open(kind);
        JdbcCasebook casebook = new JdbcCasebook(database.dataSource());
        casebook.putParty(Crocus.AUTHORITIES);
        ReplayClock clock = new ReplayClock(RECEIVED, Crocus.MOSCOW);
        DutyToWarn duty = new DutyToWarn(casebook, POLICY, new Sanitizer(Crocus.MOSCOW), clock);
        duty.receive(Crocus.R1_UNMARKED, "analyst-1");

        clock.advanceTo(Crocus.R1_UNMARKED.window().to());
        new DeadlineSweep(duty).sweep();

        List<JsonNode> closings = casebook.ledger().entries(0, Long.MAX_VALUE).stream()
                .map(entry -> JSON.readTree(entry.body()).get("event"))
                .filter(event -> event.get("type").stringValue().equals("obligation-closed"))
                .toList();
        assertThat(closings).singleElement().satisfies(event -> {
            assertThat(event.get("subject").stringValue()).isEqualTo("R-1/ru-authorities");
            assertThat(event.get("actor").stringValue()).isEqualTo("scheduler");
            assertThat(event.get("summary").stringValue()).isEqualTo("obligation to warn ru-authorities closed as "
                    + "expired-unwarned: the threat window ended at 2024-03-31 00:00 +03:00 with no warning out (it was open)");
        });
        assertThat(casebook.obligation("R-1/ru-authorities").orElseThrow().closedAs())
                .contains(ClosingReason.EXPIRED_UNWARNED);
        assertEveryEventHasExactlyOneEntry(database);
    }

    static List<String> subjects(JdbcLedger ledger) {
        return ledger.entries(0, Long.MAX_VALUE).stream()
                .map(entry -> JSON.readTree(entry.body()).get("event").get("subject").stringValue())
                .toList();
    }

    private static void assertEveryEventHasExactlyOneEntry(TestDatabase database) {
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_event e WHERE NOT EXISTS "
                + "(SELECT 1 FROM ledger_entry l WHERE l.event_seq = e.seq)").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM duty_event").query(Long.class).single());
    }
}
