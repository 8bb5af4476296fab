package io.forewarn.store;

import io.forewarn.obligation.Casebook;
import io.forewarn.scenario.Mode;
import io.forewarn.scenario.Replay;
import io.forewarn.scenario.ReplayDocument;
import io.forewarn.scenario.ReplayResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static io.forewarn.Crocus.SCENARIO;
import static io.forewarn.Crocus.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The equivalence that matters most: the shipped Crocus City Hall scenario, replayed in both modes
 * with the casebook in a database, gives byte for byte the replay document the in-memory casebook
 * gives, and every stored value comes back equal. Whatever the database changes (order, precision,
 * a lost or doubled row) shows up here.
 */
class ReplayOnDatabaseTest {

    private static List<ReplayResult> inMemory;
    private static String inMemoryDocument;

    private final List<TestDatabase> opened = new ArrayList<>();

    @BeforeAll
    static void replayInMemory() {
        inMemory = replay(new Replay(SCENARIO, POLICY));
        inMemoryDocument = ReplayDocument.toJson(SCENARIO, inMemory);
    }

    @AfterEach
    void closeDatabases() {
        opened.forEach(TestDatabase::close);
    }

    @Test
    void onH2() {
        assertSameAsInMemory(() -> track(TestDatabase.h2()));
    }

    @Test
    void onPostgres() {
        assertSameAsInMemory(() -> track(TestDatabase.postgres()));
    }

    private Casebook track(TestDatabase database) {
        opened.add(database);
        return new JdbcCasebook(database.dataSource());
    }

    private void assertSameAsInMemory(Supplier<Casebook> casebooks) {
        List<ReplayResult> stored = replay(new Replay(SCENARIO, POLICY, casebooks));

        assertThat(ReplayDocument.toJson(SCENARIO, stored)).isEqualTo(inMemoryDocument);
        for (int run = 0; run < stored.size(); run++) {
            Casebook expected = inMemory.get(run).casebook();
            Casebook actual = stored.get(run).casebook();
            assertThat(actual).isInstanceOf(JdbcCasebook.class);
            assertThat(actual.parties()).containsExactlyElementsOf(expected.parties());
            assertThat(actual.reports()).containsExactlyElementsOf(expected.reports());
            for (var report : expected.reports()) {
                assertThat(actual.triage(report.id())).isEqualTo(expected.triage(report.id()));
            }
            assertThat(actual.obligations()).containsExactlyElementsOf(expected.obligations());
            assertThat(actual.drafts()).containsExactlyElementsOf(expected.drafts());
            assertThat(actual.warnings()).containsExactlyElementsOf(expected.warnings());
            assertThat(actual.waivers()).containsExactlyElementsOf(expected.waivers());
            assertThat(actual.incidents()).containsExactlyElementsOf(expected.incidents());
            assertThat(actual.events()).containsExactlyElementsOf(expected.events());
        }
    }

    private static List<ReplayResult> replay(Replay replay) {
        return List.of(replay.run(Mode.AS_RECORDED), replay.run(Mode.AS_POLICY));
    }
}
