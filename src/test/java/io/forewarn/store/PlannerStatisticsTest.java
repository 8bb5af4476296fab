package io.forewarn.store;

import io.forewarn.obligation.TimelineEntry;
import io.forewarn.party.Party;
import io.forewarn.party.Relationship;
import io.forewarn.place.Area;
import io.forewarn.place.LatLon;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.forewarn.Crocus.VENUE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import brings PostgreSQL's statistics of the party tables up to date when it has doubled them
 * ({@link PlannerStatistics}), so that a plan made on an empty table is not kept for a large one; a smaller growth
 * leaves them, so that every document of an import does not pay an {@code ANALYZE}. The same for the timeline, which
 * an import fills with one event a party.
 */
class PlannerStatisticsTest {

    private TestDatabase database;
    private JdbcCasebook casebook;
    private JdbcClient sql;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.postgres();
        casebook = new JdbcCasebook(database.dataSource());
        sql = JdbcClient.create(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void anImportThatDoublesThePartyTablesAnalysesThemAndASmallerOneDoesNot() {
        assertThat(rowsCounted("party")).as("never analysed").isEqualTo(-1);

        casebook.addParties(venues(0, 2000));
        assertThat(rowsCounted("party")).isEqualTo(2000);
        assertThat(rowsCounted("party_box")).isEqualTo(2000);
        assertThat(rowsCounted("party_name")).isEqualTo(2000 * 3);

        casebook.addParties(venues(2000, 1000));
        assertThat(rowsCounted("party")).as("grown by half: left").isEqualTo(2000);

        casebook.addParties(venues(3000, 1200));
        assertThat(rowsCounted("party")).as("more than doubled: analysed").isEqualTo(4200);
        assertThat(casebook.partiesOnFile(List.of("venue-0", "venue-4199", "venue-4200"))).containsExactlyInAnyOrder(
                "venue-0", "venue-4199");
    }

    @Test
    void aBulkWriteOfEventsThatDoublesTheTimelineAnalysesItAndAFewEventsDoNotAsk() {
        casebook.appendAll(events(0, 63));
        assertThat(rowsCounted("duty_event")).as("63 events: not a bulk write").isEqualTo(-1);

        casebook.appendAll(events(63, 2000));
        assertThat(rowsCounted("duty_event")).as("a bulk write over a table never analysed").isEqualTo(2063);

        casebook.appendAll(events(2063, 1000));
        assertThat(rowsCounted("duty_event")).as("grown by half: left").isEqualTo(2063);
        List<Long> numbers = casebook.appendAll(events(3063, 1300));
        assertThat(rowsCounted("duty_event")).as("more than doubled: analysed").isEqualTo(4363);
        assertThat(rowsCounted("ledger_entry")).as("analysed with it, before this write's entries reach it")
                .isEqualTo(3063);
        assertThat(casebook.eventsAfter(numbers.get(0) - 1, 100)).extracting(e -> e.entry().subject())
                .containsExactlyElementsOf(events(3063, 100).stream().map(TimelineEntry::subject).toList());
    }

    @Test
    void theSchedulersUpkeepAnalysesEveryWatchedTableOnceThenOnlyThoseThatDoubled() {
        assertThat(PlannerStatistics.refreshGrown(database.dataSource())).as("never analysed: all of them")
                .containsExactlyInAnyOrderElementsOf(PlannerStatistics.WATCHED);
        assertThat(rowsCounted("obligation")).as("empty, and now known to be").isZero();
        assertThat(PlannerStatistics.refreshGrown(database.dataSource())).as("nothing grew, empty tables included")
                .isEmpty();

        for (int from = 0; from < 630; from += 63) { // small writes, none of which analyses anything
            casebook.appendAll(events(from, 63));
        }
        assertThat(rowsCounted("duty_event")).isZero();
        assertThat(PlannerStatistics.refreshGrown(database.dataSource())).contains("duty_event", "ledger_entry")
                .doesNotContain("party", "obligation", "warning");
        assertThat(rowsCounted("duty_event")).isEqualTo(630);
        assertThat(PlannerStatistics.refreshGrown(database.dataSource())).isEmpty();
    }

    private static List<TimelineEntry> events(int from, int count) {
        List<TimelineEntry> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            events.add(new TimelineEntry(Instant.parse("2024-03-07T19:00:00Z"), "party-registered", "venue-" + i,
                    "bench-analyst", "party venue-" + i + " registered"));
        }
        return events;
    }

    /** What PostgreSQL's statistics say the table holds ({@code -1}: never analysed). */
    private long rowsCounted(String table) {
        return sql.sql("SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(?)").param(table)
                .query(Long.class).single();
    }

    private static List<Party> venues(int from, int count) {
        List<Party> venues = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Place place = Place.of(Map.of(
                    PlaceLevel.SITE, new NamedPlace("Hall " + i, Optional.of(new Area.Circle(new LatLon(55.8, 37.4), 0.4))),
                    PlaceLevel.LOCALITY, NamedPlace.named("Krasnogorsk"),
                    PlaceLevel.COUNTRY, NamedPlace.named("RU")));
            venues.add(new Party.Venue("venue-" + i, VENUE.audience(), Relationship.NEUTRAL, place, List.of("concert hall"), true));
        }
        return venues;
    }
}
