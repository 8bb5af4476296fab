package io.forewarn.cli;

import io.forewarn.ClosedPort;
import io.forewarn.Crocus;
import io.forewarn.ledger.LedgerExport;
import io.forewarn.ledger.LedgerKeys;
import io.forewarn.ledger.SignedTreeHead;
import io.forewarn.ledger.TreeHeadSigner;
import io.forewarn.obligation.TimelineEntry;
import io.forewarn.policy.PolicyFile;
import io.forewarn.scenario.Mode;
import io.forewarn.scenario.Replay;
import io.forewarn.scenario.ReplayResult;
import io.forewarn.store.Database;
import io.forewarn.store.DatabaseSettings;
import io.forewarn.store.JdbcCasebook;
import io.forewarn.ledger.jdbc.JdbcLedger;
import io.forewarn.ledger.LedgerKeyFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code forewarn ledger export} and {@code forewarn ledger verify} on the ledger the Crocus case leaves in
 * an embedded database: it verifies whole, and each kind of tampering, in an export or in the database, is
 * caught and named (the entry's index, or the reason).
 */
class LedgerCommandTest {

    @TempDir
    Path dir;

    private Path data;
    private int crocusEvents;
    private Path savedHead;
    private Path publicKey;

    @BeforeEach
    void theCrocusCaseIsInTheLedgerAndAHeadWasSaved() throws IOException {
        LedgerCommand.environment = Map.of();
        data = dir.resolve("data");
        KeyPair keys = LedgerKeyFiles.loadOrCreate(data);
        publicKey = data.resolve(LedgerKeyFiles.PUBLIC_FILE);
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            ReplayResult recorded = new Replay(Crocus.SCENARIO,
                    PolicyFile.defaultPolicy(), database::casebook).run(Mode.AS_RECORDED);
            crocusEvents = recorded.casebook().events().size();
            JdbcLedger ledger = ((JdbcCasebook) recorded.casebook()).ledger();
            ledger.bindKey(keys.getPublic());
            SignedTreeHead head = ledger.publishHead(new TreeHeadSigner(keys.getPrivate()));
            savedHead = Cli.write(dir, "saved-head.json", LedgerExport.headJson(head, null));
            // the log goes on after the head was saved
            for (int i = 0; i < 5; i++) {
                database.casebook().append(new TimelineEntry(Instant.parse("2024-03-23T10:00:00Z"), "note", "-", "analyst", "later " + i));
            }
        }
    }

    @AfterEach
    void restoreEnvironment() {
        LedgerCommand.environment = System.getenv();
    }

    @Test
    void theCrocusEventsAreAllInTheLedgerAndTheExportVerifies() throws IOException {
        // R-1 received, 4 obligations opened, overdue and escalated at noon (8), the countermeasure noted, 4 escalated to
        // the director, 2 warnings issued and 3 deliveries recorded, 1 renewal due, 2 warnings expired, the incident
        // recorded
        assertThat(crocusEvents).isEqualTo(27);
        Path export = export();
        LedgerExport read = LedgerExport.parse(Files.readString(export));
        assertThat(read.entries()).hasSize(crocusEvents + 5);
        assertThat(read.entries().get(0).body()).contains("\"type\":\"report-received\"").contains("\"protected\":[")
                .doesNotContain("NIGHTJAR");

        Cli.Result verified = Cli.run("ledger", "verify", export, "--head", savedHead, "--key", publicKey);

        assertThat(verified.exit()).as(verified.all()).isZero();
        assertThat(verified.out()).startsWith("verified " + (crocusEvents + 5) + " entries [0, " + (crocusEvents + 5) + ")")
                .contains("consistent with the saved head of size " + crocusEvents);
        assertThat(verified.out().lines()).hasSize(1);
    }

    @Test
    void aPartialExportProvesItsEntriesAndTheSavedHeadBeforeIt() {
        Path export = dir.resolve("tail.json");
        Cli.Result exported = Cli.run("ledger", "export", "--data-dir", data, "--from", crocusEvents + 2, "--out", export);
        assertThat(exported.exit()).as(exported.all()).isZero();

        Cli.Result verified = Cli.run("ledger", "verify", export, "--head", savedHead);

        assertThat(verified.exit()).as(verified.all()).isZero();
        assertThat(verified.out()).startsWith("verified 3 entries [" + (crocusEvents + 2) + ", " + (crocusEvents + 5) + ")");
    }

    @Test
    void oneChangedByteInOneEntryOfAnExportIsNamed() throws IOException {
        Path export = tampered(entries -> {
            LedgerExport.Entry entry = entries.get(7);
            entries.set(7, new LedgerExport.Entry(7, entry.body().replaceFirst("\"summary\":\"(.)", "\"summary\":\"X"),
                    entry.leafHash()));
        });

        assertNotVerified(Cli.run("ledger", "verify", export), "entry 7: its bytes do not hash to its recorded leaf hash");
    }

    @Test
    void aDeletedEntryIsNamed() throws IOException {
        Path export = tampered(entries -> entries.remove(4));

        assertNotVerified(Cli.run("ledger", "verify", export), "entry 4: missing");
    }

    @Test
    void twoReorderedEntriesAreNamed() throws IOException {
        Path export = tampered(entries -> entries.add(3, entries.remove(4)));

        assertNotVerified(Cli.run("ledger", "verify", export), "entry 3: out of place");
    }

    @Test
    void reindexedReorderedEntriesStillFailOnTheirLeaves() throws IOException {
        // the indices relabelled to look in order: the bodies still say where they were
        Path export = tampered(entries -> {
            LedgerExport.Entry third = entries.get(3);
            LedgerExport.Entry fourth = entries.get(4);
            entries.set(3, new LedgerExport.Entry(3, fourth.body(), fourth.leafHash()));
            entries.set(4, new LedgerExport.Entry(4, third.body(), third.leafHash()));
        });

        assertNotVerified(Cli.run("ledger", "verify", export), "entry 3: its body does not say index 3");
    }

    @Test
    void aWholeLogReSignedWithAnotherKeyIsCaughtByTheSavedHeadOrThePublishedKey() throws IOException {
        LedgerExport honest = LedgerExport.parse(Files.readString(export()));
        KeyPair other = LedgerKeys.generate();
        SignedTreeHead forged = new TreeHeadSigner(other.getPrivate()).sign(honest.to(), honest.head().rootHash(),
                honest.head().timestamp());
        LedgerExport replaced = new LedgerExport(LedgerKeys.encodePublic(other.getPublic()), honest.from(), honest.to(), forged,
                honest.frontier(), honest.entries(), List.of());
        Path export = Cli.write(dir, "replaced.json", replaced.toJson());

        assertThat(Cli.run("ledger", "verify", export).exit()).as("on its own it is a well-formed log").isZero();
        assertNotVerified(Cli.run("ledger", "verify", export, "--head", savedHead),
                "the saved tree head (size " + crocusEvents + ") is not signed by the export's key");
        assertNotVerified(Cli.run("ledger", "verify", export, "--key", publicKey), "the export is signed with another key");
    }

    @Test
    void aChangedByteInTheDatabaseIsNamed() {
        publishHead();
        inDatabase(jdbc -> jdbc.sql("UPDATE ledger_entry SET body = REPLACE(body, '\"summary\":\"', '\"summary\":\"!') WHERE idx = 9")
                .update());

        assertNotVerified(Cli.run("ledger", "verify", "--db", "--data-dir", data, "--head", savedHead),
                "entry 9: its bytes do not hash to its recorded leaf hash");
    }

    @Test
    void aDeletedOrReorderedEntryInTheDatabaseIsNamed() {
        publishHead();
        inDatabase(jdbc -> jdbc.sql("DELETE FROM ledger_entry WHERE idx = 11").update());

        assertNotVerified(Cli.run("ledger", "verify", "--db", "--data-dir", data), "entry 11: missing");

        inDatabase(jdbc -> {
            jdbc.sql("UPDATE ledger_entry SET idx = -1 WHERE idx = 2").update();
            jdbc.sql("UPDATE ledger_entry SET idx = 2 WHERE idx = 3").update();
            jdbc.sql("UPDATE ledger_entry SET idx = 3 WHERE idx = -1").update();
        });
        assertNotVerified(Cli.run("ledger", "verify", "--db", "--data-dir", data), "entry 2: its body does not say index 2");
    }

    @Test
    void theDatabaseVerifiesUpToItsLatestHead() {
        Cli.Result verified = Cli.run("ledger", "verify", "--db", "--data-dir", data, "--head", savedHead);

        assertThat(verified.exit()).as(verified.all()).isZero();
        assertThat(verified.out()).startsWith("verified " + crocusEvents + " entries")
                .contains("(5 newer entries are not under a signed head yet)");
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        Cli.Result missing = Cli.run("ledger", "verify", dir.resolve("nope.json"));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip().lines()).hasSize(1);
        assertThat(missing.err()).startsWith("forewarn: cannot read");

        Cli.Result notAnExport = Cli.run("ledger", "verify", Cli.write(dir, "x.json", "{\"format\": \"something else\"}"));
        assertThat(notAnExport.exit()).isEqualTo(2);
        assertThat(notAnExport.err()).contains("not a forewarn-ledger-export/1 document");

        Cli.Result range = Cli.run("ledger", "export", "--data-dir", data, "--from", 5, "--to", 10_000);
        assertThat(range.exit()).isEqualTo(2);
        assertThat(range.err()).contains("no entries [5, 10000)");
    }

    /** Scripts read what these commands print: nothing but the result may reach standard output. */
    @Test
    void ledgerCommandsPrintTheirResultOnStandardOutputAndNothingElse() {
        publishHead();
        Cli.Result exported = Cli.process(dir, Map.of(), "ledger", "export", "--data-dir", data);

        assertThat(exported.exit()).as(exported.all()).isZero();
        assertThat(exported.err()).isEmpty();
        assertThat(exported.out()).startsWith("{").isEqualTo(LedgerExport.parse(exported.out()).toJson());
        assertThat(LedgerExport.parse(exported.out()).entries()).hasSize(crocusEvents + 5);

        Cli.Result verified = Cli.process(dir, Map.of(), "ledger", "verify", "--db", "--data-dir", data);

        assertThat(verified.exit()).as(verified.all()).isZero();
        assertThat(verified.err()).isEmpty();
        assertThat(verified.out()).matches("verified " + (crocusEvents + 5) + " entries \\[0, " + (crocusEvents + 5)
                + "\\) up to head size " + (crocusEvents + 5) + ", root [0-9a-f]{64}, signed \\S+ by sha256:[0-9a-f]{64}\n");
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsOneLineSayingWhichSettingIsWrong() {
        int closed = ClosedPort.any();
        LedgerCommand.environment = Map.of("FOREWARN_DB_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/forewarn",
                "FOREWARN_DB_USER", "forewarn", "FOREWARN_DB_PASSWORD", "not-to-be-shown");

        Cli.Result verified = Cli.run("ledger", "verify", "--db", "--data-dir", data);

        assertThat(verified.exit()).isEqualTo(2);
        assertThat(verified.out()).isEmpty();
        assertThat(verified.err()).isEqualTo("forewarn: cannot open the database PostgreSQL 127.0.0.1:" + closed + "/forewarn as "
                + "user forewarn: nothing answers at its host and port (Connection to 127.0.0.1:" + closed + " refused): check "
                + "FOREWARN_DB_URL and that the database server runs\n");
    }

    @Test
    void verifyingTheDatabaseWithoutItsKeySaysWhereTheKeyIs() {
        Path elsewhere = dir.resolve("elsewhere");

        Cli.Result verified = Cli.run("ledger", "verify", "--db", "--data-dir", elsewhere);

        assertThat(verified.exit()).isEqualTo(2);
        assertThat(verified.err()).isEqualTo("forewarn: no " + elsewhere.resolve("ledger.pub") + " to check the database's tree "
                + "heads with: run this where the server runs (the key pair is in its forewarn.data-dir, made on its first "
                + "start), or give --data-dir DIR, or --key PUB.pem (GET /api/v1/ledger/public-key)\n");
    }

    @Test
    void aDatabaseWithoutASignedHeadSaysThatTheServerPublishesOne() throws IOException {
        Path fresh = dir.resolve("fresh");
        LedgerKeyFiles.loadOrCreate(fresh);
        Database.open(DatabaseSettings.embedded(fresh)).close();

        Cli.Result verified = Cli.run("ledger", "verify", "--db", "--data-dir", fresh);

        assertThat(verified.exit()).isEqualTo(2);
        assertThat(verified.err()).isEqualTo("forewarn: the database's ledger has no signed tree head yet to verify against: "
                + "'forewarn serve' publishes one when it starts\n");
    }

    private Path export() {
        Path export = dir.resolve("export.json");
        Cli.Result exported = Cli.run("ledger", "export", "--data-dir", data, "--out", export);
        assertThat(exported.exit()).as(exported.all()).isZero();
        assertThat(exported.out()).startsWith("exported entries [0, " + (crocusEvents + 5) + ")");
        return export;
    }

    private Path tampered(Consumer<List<LedgerExport.Entry>> change) throws IOException {
        LedgerExport honest = LedgerExport.parse(Files.readString(export()));
        List<LedgerExport.Entry> entries = new ArrayList<>(honest.entries());
        change.accept(entries);
        LedgerExport changed = new LedgerExport(honest.publicKey(), honest.from(), honest.to(), honest.head(), honest.frontier(),
                entries, honest.heads());
        return Files.writeString(dir.resolve("tampered.json"), changed.toJson(), StandardCharsets.UTF_8);
    }

    private void publishHead() {
        KeyPair keys = LedgerKeyFiles.loadOrCreate(data);
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            database.casebook().ledger().publishHead(new TreeHeadSigner(keys.getPrivate()));
        }
    }

    private void inDatabase(Consumer<JdbcClient> change) {
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            change.accept(JdbcClient.create(database.dataSource()));
        }
    }

    private static void assertNotVerified(Cli.Result result, String reason) {
        assertThat(result.exit()).as(result.all()).isEqualTo(1);
        assertThat(result.out()).startsWith("NOT VERIFIED: " + reason);
        assertThat(result.out().lines()).hasSize(1);
    }
}
