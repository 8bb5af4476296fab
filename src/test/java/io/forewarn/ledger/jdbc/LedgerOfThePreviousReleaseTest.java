package io.forewarn.ledger.jdbc;

import io.forewarn.Crocus;
import io.forewarn.ledger.ConsistencyProofs;
import io.forewarn.ledger.ExportVerifier;
import io.forewarn.ledger.InMemoryMerkleTree;
import io.forewarn.ledger.Ledger;
import io.forewarn.ledger.LedgerEntry;
import io.forewarn.ledger.LedgerEvent;
import io.forewarn.ledger.LedgerExporter;
import io.forewarn.ledger.LedgerKeys;
import io.forewarn.ledger.SignedTreeHead;
import io.forewarn.ledger.TreeHeadVerifier;
import io.forewarn.obligation.TimelineEntry;
import io.forewarn.store.CasebookJson;
import io.forewarn.store.JdbcCasebook;
import io.forewarn.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger written by the release before typed events and the one append routine still verifies, and the
 * code of today continues it. {@code /ledger/before-typed-events.json} holds the rows that release (commit
 * 2dcfb1f) stored for the Crocus case replayed as recorded, its entries made at 2024-03-22T20:00:00Z, with a
 * head signed over all 24 entries by a key that was thrown away: the tables of V3 exactly as written, read
 * back here into a fresh database.
 */
class LedgerOfThePreviousReleaseTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode ROWS = JSON.readTree(Crocus.resource("/ledger/before-typed-events.json"));
    private static final HexFormat HEX = HexFormat.of();
    /** How H2 printed a {@code TIMESTAMP WITH TIME ZONE}: {@code 2024-03-07 05:00:00+00}. */
    private static final DateTimeFormatter PRINTED = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]x").toFormatter();

    private final List<TestDatabase> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(TestDatabase::close);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void itsHeadStillVerifiesAndEveryEntryIsRenderedByteForByteAsItWas(String kind) {
        JdbcLedger ledger = restored(kind);
        SignedTreeHead head = storedHead();

        assertThat(ledger.size()).isEqualTo(24);
        assertThat(head.size()).isEqualTo(24);
        assertThat(new TreeHeadVerifier(publicKey()).verifies(head)).isTrue();
        assertThat(ledger.root(24)).isEqualTo(head.rootHash());
        assertThat(ledger.latestHead()).contains(head);

        List<LedgerEntry> entries = ledger.entries(0, 24);
        JsonNode events = ROWS.get("duty_event");
        for (LedgerEntry entry : entries) {
            JsonNode event = events.get((int) entry.index());
            List<String> digests = new ArrayList<>();
            JSON.readTree(entry.body()).path("protected").forEach(digest -> digests.add(digest.asString()));
            LedgerEvent recorded = new LedgerEvent(event.get("type").asString(), event.get("subject").asString(),
                    event.get("actor").asString(), event.get("summary").asString(), instant(event.get("at")), digests);
            assertThat(recorded.body(entry.index(), entry.at())).as("entry %d", entry.index()).isEqualTo(entry.body());
        }
        assertThat(entries.get(0).body()).contains("\"type\":\"report-received\"").contains("\"protected\":[");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void itsExportVerifiesOffline(String kind) {
        JdbcLedger ledger = restored(kind);

        ExportVerifier.Outcome outcome = ExportVerifier.verify(
                new LedgerExporter(ledger, Clock.systemUTC()).export(0, 24, publicKey(), Optional.empty()),
                Optional.of(storedHead()), Optional.of(publicKey()));

        assertThat(outcome.verified()).as(outcome.message()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void todaysCodeContinuesItConsistently(String kind) {
        TestDatabase database = migrated(kind);
        Clock later = Clock.fixed(Instant.parse("2024-03-23T08:00:00Z"), ZoneOffset.UTC);
        JdbcCasebook casebook = new JdbcCasebook(database.dataSource(), new CasebookJson(), later);
        new TransactionTemplate(new JdbcTransactionManager(database.dataSource())).executeWithoutResult(status -> {
            for (int i = 0; i < 5; i++) {
                casebook.append(new TimelineEntry(Instant.parse("2024-03-23T07:00:00Z").plusSeconds(i), "note",
                        "case-crocus", "analyst", "note " + i));
            }
        });
        Ledger ledger = casebook.ledger();

        InMemoryMerkleTree reference = new InMemoryMerkleTree(Ledger.HASHER);
        ledger.entries(0, 29).forEach(entry -> reference.appendEntry(entry.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(ledger.size()).isEqualTo(29);
        assertThat(ledger.entry(28).orElseThrow().body()).isEqualTo("{\"event\":{\"actor\":\"analyst\","
                + "\"at\":\"2024-03-23T07:00:04Z\",\"subject\":\"case-crocus\",\"summary\":\"note 4\",\"type\":\"note\"},"
                + "\"index\":28,\"time\":\"2024-03-23T08:00:00Z\"}");
        assertThat(ledger.root(29)).isEqualTo(reference.root());
        ConsistencyProofs.verify(Ledger.HASHER, 24, 29, storedHead().rootHash(), reference.root(),
                ledger.consistencyProof(24, 29));
    }

    private JdbcLedger restored(String kind) {
        return new JdbcCasebook(migrated(kind).dataSource(), new CasebookJson(), Clock.systemUTC()).ledger();
    }

    /** A database migrated as today, holding the previous release's rows. */
    private TestDatabase migrated(String kind) {
        TestDatabase database = TestDatabase.of(kind);
        opened.add(database);
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        for (JsonNode row : ROWS.get("duty_event")) {
            jdbc.sql("INSERT INTO duty_event (seq, at, type, subject, actor, summary, body) "
                            + "VALUES (:seq, :at, :type, :subject, :actor, :summary, :body)")
                    .param("seq", row.get("seq").asLong())
                    .param("at", instant(row.get("at")).atOffset(ZoneOffset.UTC))
                    .param("type", row.get("type").asString())
                    .param("subject", row.get("subject").asString())
                    .param("actor", row.get("actor").asString())
                    .param("summary", row.get("summary").asString())
                    .param("body", row.get("body").asString())
                    .update();
        }
        jdbc.sql("ALTER TABLE duty_event ALTER COLUMN seq RESTART WITH " + (ROWS.get("duty_event").size() + 1)).update();
        for (JsonNode row : ROWS.get("ledger_entry")) {
            jdbc.sql("INSERT INTO ledger_entry (idx, event_seq, at, body, leaf_hash) VALUES (:idx, :seq, :at, :body, :leaf)")
                    .param("idx", row.get("idx").asLong())
                    .param("seq", row.get("event_seq").asLong())
                    .param("at", instant(row.get("at")).atOffset(ZoneOffset.UTC))
                    .param("body", row.get("body").asString())
                    .param("leaf", row.get("leaf_hash").asString())
                    .update();
        }
        for (JsonNode row : ROWS.get("ledger_node")) {
            jdbc.sql("INSERT INTO ledger_node (lvl, pos, hash) VALUES (:lvl, :pos, :hash)")
                    .param("lvl", row.get("lvl").asInt())
                    .param("pos", row.get("pos").asLong())
                    .param("hash", row.get("hash").asString())
                    .update();
        }
        for (JsonNode row : ROWS.get("ledger_head")) {
            jdbc.sql("INSERT INTO ledger_head (size, signed_at, root_hash, signature) VALUES (:size, :at, :root, :signature)")
                    .param("size", row.get("size").asLong())
                    .param("at", row.get("signed_at").asLong())
                    .param("root", row.get("root_hash").asString())
                    .param("signature", row.get("signature").asString())
                    .update();
        }
        JsonNode state = ROWS.get("ledger_state").get(0);
        jdbc.sql("UPDATE ledger_state SET size = :size, public_key = :key WHERE id = 1")
                .param("size", state.get("size").asLong())
                .param("key", state.get("public_key").asString())
                .update();
        return database;
    }

    private static SignedTreeHead storedHead() {
        JsonNode row = ROWS.get("ledger_head").get(ROWS.get("ledger_head").size() - 1);
        return new SignedTreeHead(row.get("size").asLong(), HEX.parseHex(row.get("root_hash").asString()),
                Instant.ofEpochMilli(row.get("signed_at").asLong()), HEX.parseHex(row.get("signature").asString()));
    }

    private static PublicKey publicKey() {
        return LedgerKeys.decodePublic(HEX.parseHex(ROWS.get("ledger_state").get(0).get("public_key").asString()));
    }

    private static Instant instant(JsonNode printed) {
        return OffsetDateTime.parse(printed.asString(), PRINTED).toInstant();
    }
}
