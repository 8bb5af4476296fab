package io.forewarn.place;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CountryZonesTest {

    private final PlaceZones zones = new CountryZones();

    @Test
    void aCountryWithOneZoneHasIt() {
        assertThat(zones.zoneOf(country("TR"))).hasValue(ZoneId.of("Europe/Istanbul"));
        assertThat(zones.zoneOf(country("ir"))).hasValue(ZoneId.of("Asia/Tehran"));
        assertThat(zones.zoneOf(Places.place().locality("Ankara").country("TR").build())).hasValue(ZoneId.of("Europe/Istanbul"));
    }

    @Test
    void aCountryWithSeveralZonesANameThatIsNoCodeAndAPlaceWithoutCountryHaveNone() {
        assertThat(zones.zoneOf(Places.MOSCOW_LOOSELY)).as("Russia has eleven offsets").isEmpty();
        assertThat(zones.zoneOf(country("Turkey"))).isEmpty();
        assertThat(zones.zoneOf(Places.place().locality("Istanbul").build())).isEmpty();
        assertThat(zones.zoneOf(Place.of(Map.of()))).isEmpty();
    }

    private static Place country(String name) {
        return Places.place().country(name).build();
    }
}
