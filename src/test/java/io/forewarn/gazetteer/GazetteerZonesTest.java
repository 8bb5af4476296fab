package io.forewarn.gazetteer;

import io.forewarn.place.PlaceZones;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static io.forewarn.gazetteer.GazetteerContainmentTest.place;
import static org.assertj.core.api.Assertions.assertThat;

/** The zone of a place from the gazetteer, for warnings written in the threatened place's time (issue 11, point 5). */
class GazetteerZonesTest {

    private final PlaceZones zones = GazetteerZones.ofExtract();

    @Test
    void aTownHasTheZoneGeoNamesRecordsForIt() {
        assertThat(zones.zoneOf(place("site", "Crocus City Hall", "locality", "Krasnogorsk", "country", "RU")))
                .contains(ZoneId.of("Europe/Moscow"));
        assertThat(zones.zoneOf(place("locality", "Krasnogorsk", "region", "Sakhalin Oblast")))
                .contains(ZoneId.of("Asia/Sakhalin"));
    }

    @Test
    void aRegionHasTheZoneItsTownsShareAndACountryOfSeveralZonesHasNone() {
        assertThat(zones.zoneOf(place("region", "Moscow Oblast"))).contains(ZoneId.of("Europe/Moscow"));
        assertThat(zones.zoneOf(place("region", "Marmara Region"))).contains(ZoneId.of("Europe/Istanbul"));
        assertThat(zones.zoneOf(place("country", "RU"))).as("Moscow and Sakhalin time").isEmpty();
    }

    @Test
    void aPlaceTheGazetteerCannotPlaceHasNoZone() {
        assertThat(zones.zoneOf(place("locality", "Atlantis"))).isEmpty();
    }
}
