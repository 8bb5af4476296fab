package io.forewarn.store;

import io.forewarn.obligation.Warning;
import io.forewarn.report.ThreatReport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static io.forewarn.Crocus.CITIZENS;
import static io.forewarn.Crocus.PUBLIC;
import static io.forewarn.Crocus.R1;
import static io.forewarn.Crocus.RECEIVED;
import static io.forewarn.store.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 4 fills the sweep's new columns from the bodies of rows stored before it, and migration 62 whether each
 * warning awaits renewal from those columns, so a database of an earlier release sweeps as it did.
 */
class SweepColumnsTest {

    private final CasebookJson json = new CasebookJson();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void rowsStoredBeforeMigration4GetTheirEndsAndRenewals(String kind) {
        try (TestDatabase database = "h2".equals(kind) ? TestDatabase.h2Empty() : TestDatabase.postgresEmpty()) {
            Flyway.configure().dataSource(database.dataSource()).locations(Migrations.LOCATION).target("3").load().migrate();
            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            jdbc.sql("INSERT INTO report (id, received_at, body, triage_outcome, triage_reason, triage_policy_version)"
                            + " VALUES ('R-1', :at, :body, 'DUTY_TO_WARN', 'killing at B2', 1)")
                    .param("at", RECEIVED.atOffset(ZoneOffset.UTC))
                    .param("body", json.write(ThreatReport.class, R1))
                    .update();
            Warning first = warning("W-1", "R-1", RECEIVED.plus(Duration.ofHours(12)), CITIZENS);
            Warning renewal = Fixtures.renewing("W-1", warning("W-2", "R-1", RECEIVED.plus(Duration.ofHours(50)), PUBLIC));
            for (Warning warning : List.of(first, renewal)) {
                jdbc.sql("INSERT INTO warning (id, report_id, issued_at, body) VALUES (:id, 'R-1', :at, :body)")
                        .param("id", warning.id())
                        .param("at", warning.issuedAt().atOffset(ZoneOffset.UTC))
                        .param("body", json.write(Warning.class, warning))
                        .update();
            }

            // migration 4 and every one after it
            assertThat(Migrations.migrate(database.dataSource())).isEqualTo(MigrationsTest.VERSIONS.size() - 3);

            assertThat(jdbc.sql("SELECT id, valid_to, renews FROM warning ORDER BY seq")
                    .query((row, n) -> List.of(row.getString(1), instant(row.getObject(2, OffsetDateTime.class)),
                            Optional.ofNullable(row.getString(3))))
                    .list())
                    .containsExactly(
                            List.of("W-1", Instant.parse("2024-03-09T17:00:00Z"), Optional.empty()),
                            List.of("W-2", Instant.parse("2024-03-11T07:00:00Z"), Optional.of("W-1")));
            assertThat(jdbc.sql("SELECT window_to FROM report WHERE id = 'R-1'").query(OffsetDateTime.class).single().toInstant())
                    .isEqualTo(Instant.parse("2024-03-30T21:00:00Z"));
            // migration 62: the renewed warning awaits no renewal; its renewal does, ending before the threat
            assertThat(jdbc.sql("SELECT id, renewal_open FROM warning ORDER BY seq")
                    .query((row, n) -> List.of(row.getString(1), row.getInt(2)))
                    .list())
                    .containsExactly(List.of("W-1", 0), List.of("W-2", 1));
        }
    }

    private static Instant instant(OffsetDateTime at) {
        return at.toInstant();
    }
}
