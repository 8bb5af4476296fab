package io.forewarn.store;

import io.forewarn.party.Parties;
import io.forewarn.party.Party;
import io.forewarn.place.Area;
import io.forewarn.place.LatLon;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import io.forewarn.place.Reach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.forewarn.Crocus.R1;
import static io.forewarn.Crocus.RECEIVED;
import static io.forewarn.Crocus.VENUE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 63 gives every party on file its boxes anew, each with its column of longitude and a size class that
 * bounds its width as well as its height, and every report with a duty to warn its boxes under the new classes, so a
 * database of an earlier release finds the same candidates by the new index, and the same reports for a party.
 */
class PartyBoxCellsTest {

    private final CasebookJson json = new CasebookJson();

    /** Half a degree wide and a two-hundredth tall, west of Moscow: size class 0 by its height, 4 (1°) by its width. */
    private static final Party STRIP = Parties.venue("strip", Place.of(Map.of(PlaceLevel.SITE, new NamedPlace("Strip",
            Optional.of(new Area.Polygon(List.of(new LatLon(55.800, 37.0), new LatLon(55.800, 37.5), new LatLon(55.805, 37.5))))))),
            "market");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void partiesOnFileGetTheirBoxesAnewAndAreReachedAsBefore(String kind) {
        try (TestDatabase database = "h2".equals(kind) ? TestDatabase.h2Empty() : TestDatabase.postgresEmpty()) {
            Migrations.configuration(database.dataSource()).target("62").load().migrate();
            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            Party closed = Parties.venue("closed-hall", VENUE.place(), "concert hall");
            for (Party party : List.of(VENUE, STRIP, closed)) {
                jdbc.sql("INSERT INTO party (id, kind, audience, body, removed_at) VALUES (:id, :kind, :audience, :body, :removed)")
                        .param("id", party.id())
                        .param("kind", party.kind())
                        .param("audience", party.audience().name())
                        .param("body", json.write(Party.class, party))
                        .param("removed", party == closed ? RECEIVED.atOffset(ZoneOffset.UTC) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                        .update();
            }
            jdbc.sql("INSERT INTO report (id, received_at, window_from, window_to, harm, body, triage_outcome, triage_reason,"
                            + " triage_policy_version) VALUES ('R-1', :at, :from, :to, :harm, :body, 'DUTY_TO_WARN', 'killing at B2', 1)")
                    .param("at", RECEIVED.atOffset(ZoneOffset.UTC))
                    .param("from", R1.window().from().atOffset(ZoneOffset.UTC))
                    .param("to", R1.window().to().atOffset(ZoneOffset.UTC))
                    .param("harm", R1.harm().name())
                    .param("body", json.write(io.forewarn.report.ThreatReport.class, R1))
                    .update();
            jdbc.sql("INSERT INTO report_box (report_id, window_to, size_class, south, north, west, east)"
                            + " VALUES ('R-1', :to, 1, 55.39, 56.12, 36.70, 38.53)")
                    .param("to", R1.window().to().atOffset(ZoneOffset.UTC))
                    .update();
            // the boxes as the release before wrote them: classed by height alone, the strip's in class 0
            String box = "INSERT INTO party_box (party_id, size_class, south, north, west, east) VALUES (?, ?, ?, ?, ?, ?)";
            jdbc.sql(box).params("crocus-city-hall", 0, 55.8224, 55.8296, 37.3854, 37.3926).update();
            jdbc.sql(box).params("strip", 0, 55.800, 55.805, 37.0, 37.5).update();
            jdbc.sql(box).params("strip", 0, 55.800, 55.805, -143.0, -142.5).update();

            // migration 63 and every one after it
            assertThat(Migrations.migrate(database.dataSource())).isEqualTo(MigrationsTest.VERSIONS.size() - MigrationsTest.VERSIONS.indexOf("63"));

            // the venue's 400 m circle: 0.0072° tall, its west 37.3854°, in column 21,738 of a hundredth of a degree;
            // the strip's two boxes (the second seen from the antimeridian) in class 4, columns 217 and 37 of a degree
            assertThat(jdbc.sql("SELECT party_id, size_class, lon_cell FROM party_box ORDER BY party_id, lon_cell")
                    .query((row, n) -> List.of(row.getString(1), row.getInt(2), row.getInt(3)))
                    .list())
                    .containsExactly(
                            List.of("crocus-city-hall", 0, 21_738),
                            List.of("strip", 4, 37),
                            List.of("strip", 4, 217));
            JdbcCasebook casebook = new JdbcCasebook(database.dataSource());
            assertThat(casebook.partiesReached(Reach.of(R1.place())))
                    .extracting(Party::id)
                    .containsExactly("crocus-city-hall", "strip");
            // the report's boxes anew, one set per class of the seven
            assertThat(jdbc.sql("SELECT DISTINCT size_class FROM report_box WHERE report_id = 'R-1' ORDER BY size_class")
                    .query(Integer.class).list())
                    .containsExactly(0, 1, 2, 3, 4, 5, 6);
            assertThat(casebook.reportsReaching(List.of(VENUE, STRIP), R1.window().from()))
                    .containsEntry("crocus-city-hall", java.util.Set.of("R-1"))
                    .containsEntry("strip", java.util.Set.of("R-1"));
        }
    }
}
