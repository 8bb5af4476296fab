package io.forewarn.store;

import io.forewarn.gazetteer.GazetteerExtract;
import io.forewarn.gazetteer.GeoNamesGazetteer;
import io.forewarn.policy.Audience;
import io.forewarn.party.Party;
import io.forewarn.party.Relationship;
import io.forewarn.place.Gazetteer;
import io.forewarn.place.Reach;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.forewarn.Crocus.PARTIES;
import static io.forewarn.Crocus.R1;
import static io.forewarn.place.Places.place;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose index of places was filed under no gazetteer (as one upgraded from before V31) or under a replaced
 * one is filed anew at start, once, by one node.
 */
class PlaceFilingTest {

    /** Within R-1's threat window (7 to 31 March 2024). */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-10T00:00:00Z"), ZoneOffset.UTC);

    private static final Party IN_KRASNOGORSK = new Party.Venue("crocus", new Audience("venue-operator"),
            Relationship.ALLY, place().site("Crocus City Hall").locality("Krasnogorsk").build(),
            List.of("concert hall"), true);

    private static final ThreatReport AT_MOSCOW_OBLAST = reportAt("R-oblast", new TimeWindow(R1.window().from(), R1.window().to()));

    /** The same place, its threat window ended before {@link #CLOCK}: not open, so not filed. */
    private static final ThreatReport ENDED = reportAt("R-ended",
            new TimeWindow(Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-05T00:00:00Z")));

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void partiesAndOpenReportsStoredBeforeTheIndexAreFiledAtStartAndOnlyOnce(String kind) {
        try (TestDatabase database = TestDatabase.of(kind)) {
            DataSource dataSource = database.dataSource();
            Gazetteer gazetteer = storedUnfiled(dataSource);
            JdbcCasebook casebook = new JdbcCasebook(dataSource, gazetteer);
            Reach oblast = Reach.of(AT_MOSCOW_OBLAST.place(), gazetteer);
            assertThat(casebook.partiesReached(oblast)).as("before filing: no name nor geometry meets").doesNotContain(IN_KRASNOGORSK);

            PlaceFiling.Refiled refiled = new PlaceFiling(dataSource, gazetteer, CLOCK).refileIfStale().orElseThrow();

            assertThat(refiled.parties()).isEqualTo(PARTIES.size() + 1);
            assertThat(refiled.reports()).as("the open report, not the ended one").isEqualTo(1);
            assertThat(casebook.partiesReached(oblast)).contains(IN_KRASNOGORSK);
            assertThat(placeIds(dataSource, "report_place", "report_id", AT_MOSCOW_OBLAST.id())).contains("admin1:RU.47");
            assertThat(placeIds(dataSource, "report_place", "report_id", ENDED.id())).isEmpty();
            assertThat(placeIds(dataSource, "party_place", "party_id", IN_KRASNOGORSK.id()))
                    .contains("geonames:542374", "admin1:RU.47", "country:RU");

            assertThat(new PlaceFiling(dataSource, gazetteer, CLOCK).refileIfStale()).as("a second start").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aGazetteerImportMakesTheNextStartFileAnew(String kind) {
        try (TestDatabase database = TestDatabase.of(kind)) {
            DataSource dataSource = database.dataSource();
            Gazetteer gazetteer = storedUnfiled(dataSource);
            new PlaceFiling(dataSource, gazetteer, CLOCK).refileIfStale().orElseThrow();
            // rows filed under the old gazetteer, which the new one must replace (not add to)
            JdbcClient.create(dataSource).sql("UPDATE party_place SET place_id = 'geonames:0' WHERE party_id = :id AND own = 1")
                    .param("id", IN_KRASNOGORSK.id()).update();

            new GazetteerImport(dataSource).replace(extract(GazetteerExtract.ADMIN1), List.of(extract(GazetteerExtract.REGIONS)),
                    List.of(extract(GazetteerExtract.CITIES)), towns -> { });
            PlaceFiling.Refiled refiled = new PlaceFiling(dataSource, gazetteer, CLOCK).refileIfStale().orElseThrow();

            assertThat(refiled.parties()).isEqualTo(PARTIES.size() + 1);
            assertThat(refiled.reports()).isEqualTo(1);
            assertThat(placeIds(dataSource, "party_place", "party_id", IN_KRASNOGORSK.id()))
                    .containsExactlyInAnyOrderElementsOf(placeIdsOnce(dataSource, IN_KRASNOGORSK))
                    .doesNotContain("geonames:0").contains("geonames:542374");
            assertThat(new PlaceFiling(dataSource, gazetteer, CLOCK).refileIfStale()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void nodesStartingTogetherFileOnce(String kind) throws Exception {
        try (TestDatabase database = TestDatabase.of(kind)) {
            DataSource dataSource = database.dataSource();
            Gazetteer gazetteer = storedUnfiled(dataSource);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Optional<PlaceFiling.Refiled>>> nodes = new ArrayList<>();
            for (int node = 0; node < 3; node++) {
                nodes.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException interrupted) {
                        throw new IllegalStateException(interrupted);
                    }
                    return new PlaceFiling(dataSource, gazetteer, CLOCK).refileIfStale();
                }));
            }
            start.countDown();
            List<Optional<PlaceFiling.Refiled>> runs = new ArrayList<>();
            for (CompletableFuture<Optional<PlaceFiling.Refiled>> node : nodes) {
                runs.add(node.get());
            }

            assertThat(runs.stream().filter(Optional::isPresent).count()).as("nodes that filed").isEqualTo(1);
            assertThat(placeIds(dataSource, "party_place", "party_id", IN_KRASNOGORSK.id())).hasSize(3);
        }
    }

    /** The gazetteer loaded, the parties and reports stored as before V31: no row of the index of places. */
    private static Gazetteer storedUnfiled(DataSource dataSource) {
        new GazetteerImport(dataSource).loadExtractIfEmpty().orElseThrow();
        JdbcCasebook unfiled = new JdbcCasebook(dataSource);
        unfiled.putParties(PARTIES);
        unfiled.putParty(IN_KRASNOGORSK);
        for (ThreatReport report : List.of(AT_MOSCOW_OBLAST, ENDED)) {
            unfiled.putReport(report, Fixtures.triage(report));
            assertThat(Fixtures.triage(report).obligesWarning()).as(report.id() + " obliges warnings").isTrue();
        }
        assertThat(JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM party_place").query(Long.class).single()).isZero();
        return new GeoNamesGazetteer(new JdbcPlaceNames(dataSource));
    }

    private static ThreatReport reportAt(String id, TimeWindow window) {
        return new ThreatReport(id, R1.receivedAt(), R1.harm(), R1.credibility(), place().region("Moscow Oblast").country("RU").build(),
                window, R1.statements(), List.of(), null, R1.synthetic());
    }

    private static List<String> placeIds(DataSource dataSource, String table, String column, String id) {
        return JdbcClient.create(dataSource).sql("SELECT place_id FROM " + table + " WHERE " + column + " = :id")
                .param("id", id).query(String.class).list();
    }

    /** Where the gazetteer puts the party, as storing it files it now. */
    private static List<String> placeIdsOnce(DataSource dataSource, Party party) {
        io.forewarn.place.GazetteerPath path = io.forewarn.place.GazetteerPath.ofParty(party.place(),
                new GeoNamesGazetteer(new JdbcPlaceNames(dataSource)));
        List<String> ids = new ArrayList<>(List.of(path.entry().orElseThrow()));
        ids.addAll(path.within());
        return ids;
    }

    private static GazetteerImport.Source extract(String file) {
        return new GazetteerImport.Source(file, GazetteerExtract.open(file));
    }
}
