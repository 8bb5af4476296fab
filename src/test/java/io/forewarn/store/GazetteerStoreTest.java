package io.forewarn.store;

import io.forewarn.gazetteer.GazetteerExtract;
import io.forewarn.gazetteer.GazetteerZones;
import io.forewarn.gazetteer.GeoNamesGazetteer;
import io.forewarn.place.GazetteerEntry;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import io.forewarn.place.PlaceOverlap;
import io.forewarn.yaml.FileProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gazetteer imported into H2 and PostgreSQL places names as the in-memory extract does. */
class GazetteerStoreTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theExtractLoadsIntoAnEmptyDatabaseOnceAndPlacesNamesFromThere(String kind) {
        try (TestDatabase database = TestDatabase.of(kind)) {
            GazetteerImport load = new GazetteerImport(database.dataSource());

            GazetteerImport.Summary summary = load.loadExtractIfEmpty().orElseThrow();
            assertThat(summary.towns()).isEqualTo(GazetteerExtract.rows().places().size());
            assertThat(summary.divisions()).isEqualTo(GazetteerExtract.rows().admin1().size());
            assertThat(summary.regions()).isEqualTo(1);
            assertThat(load.loadExtractIfEmpty()).as("not loaded twice").isEmpty();

            GeoNamesGazetteer stored = new GeoNamesGazetteer(new JdbcPlaceNames(database.dataSource()));
            GazetteerEntry krasnogorsk = stored.locate(place("locality", "Krasnogorsk", "country", "RU"), PlaceLevel.LOCALITY)
                    .orElseThrow();
            assertThat(krasnogorsk).isEqualTo(GazetteerExtract.gazetteer()
                    .locate(place("locality", "Krasnogorsk", "country", "RU"), PlaceLevel.LOCALITY).orElseThrow());
            assertThat(krasnogorsk.zone()).contains(ZoneId.of("Europe/Moscow"));
            assertThat(stored.locate(place("locality", "Moskva"), PlaceLevel.LOCALITY).orElseThrow().id())
                    .isEqualTo("geonames:524901");
            assertThat(PlaceOverlap.contains(place("region", "Marmara Region"), place("locality", "Istanbul", "country", "TR"),
                    stored).holds()).isTrue();
            GazetteerZones zones = new GazetteerZones(stored, new JdbcPlaceNames(database.dataSource()));
            assertThat(zones.zoneOf(place("region", "Marmara Region"))).contains(ZoneId.of("Europe/Istanbul"));
            assertThat(zones.zoneOf(place("region", "Moscow Oblast"))).contains(ZoneId.of("Europe/Moscow"));
            assertThat(zones.zoneOf(place("country", "RU"))).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aBadRowAnywhereLeavesTheGazetteerAsItWas(String kind) {
        try (TestDatabase database = TestDatabase.of(kind)) {
            GazetteerImport load = new GazetteerImport(database.dataSource());
            load.loadExtractIfEmpty();
            List<Long> progress = new ArrayList<>();
            String good = "542374\tKrasnogorsk\tKrasnogorsk\t\t55.81904\t37.32984\tP\tPPL\tRU\t\t47\t\t\t\t92932\t\t155\tEurope/Moscow\t2012-01-17\n";

            assertThatThrownBy(() -> load.replace(source("admin1CodesASCII.txt", "RU.47\tMoscow Oblast\tMoscow Oblast\t524925\n"),
                    List.of(), List.of(source("cities1000.txt", good + good.replace("55.81904", "north"))), progress::add))
                    .isInstanceOf(FileProblem.class)
                    .hasMessageStartingWith("cities1000.txt:2:");

            GeoNamesGazetteer stored = new GeoNamesGazetteer(new JdbcPlaceNames(database.dataSource()));
            assertThat(stored.locate(place("locality", "Istanbul"), PlaceLevel.LOCALITY)).as("the extract is still there").isPresent();
        }
    }

    private static GazetteerImport.Source source(String name, String text) {
        return new GazetteerImport.Source(name, new BufferedReader(new StringReader(text)));
    }

    static Place place(String... levelsAndNames) {
        EnumMap<PlaceLevel, NamedPlace> levels = new EnumMap<>(PlaceLevel.class);
        for (int i = 0; i < levelsAndNames.length; i += 2) {
            levels.put(PlaceLevel.of(levelsAndNames[i]), NamedPlace.named(levelsAndNames[i + 1]));
        }
        return Place.of(levels);
    }
}
