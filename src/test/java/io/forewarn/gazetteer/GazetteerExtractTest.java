package io.forewarn.gazetteer;

import io.forewarn.place.GazetteerEntry;
import io.forewarn.place.LatLon;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GazetteerExtractTest {

    private final GeoNamesGazetteer gazetteer = GazetteerExtract.gazetteer();

    @Test
    void theExtractHoldsRealGeoNamesRowsForTheScenariosPlaces() {
        GeoName krasnogorsk = GazetteerExtract.rows().places().stream()
                .filter(row -> row.geonameId() == 542374).findFirst().orElseThrow();

        assertThat(krasnogorsk.name()).isEqualTo("Krasnogorsk");
        assertThat(krasnogorsk.admin1Key()).contains("RU.47");
        assertThat(krasnogorsk.timezone()).isEqualTo("Europe/Moscow");
        assertThat(GazetteerExtract.rows().admin1())
                .contains(new Admin1Division("RU.47", "Moscow Oblast", "Moscow Oblast", 524925),
                        new Admin1Division("TR.34", "Istanbul", "Istanbul", 745042));
    }

    @Test
    void aTownIsPlacedWithItsHierarchyPointAndZone() {
        GazetteerEntry entry = gazetteer.locate(place(PlaceLevel.LOCALITY, "Krasnogorsk", "RU"), PlaceLevel.LOCALITY)
                .orElseThrow();

        assertThat(entry.id()).isEqualTo("geonames:542374");
        assertThat(entry.within()).containsExactly("admin1:RU.47", "country:RU");
        assertThat(entry.path()).containsExactly("Krasnogorsk", "Moscow Oblast", "RU");
        assertThat(entry.point()).contains(new LatLon(55.81904, 37.32984));
        assertThat(entry.zone()).contains(ZoneId.of("Europe/Moscow"));
    }

    @Test
    void theCountryAPlaceStatesChoosesAmongTownsOfOneName() {
        assertThat(gazetteer.locate(place(PlaceLevel.LOCALITY, "Moscow", "US"), PlaceLevel.LOCALITY).orElseThrow().id())
                .isEqualTo("geonames:5601538");
        assertThat(gazetteer.locate(place(PlaceLevel.LOCALITY, "Moscow", "RU"), PlaceLevel.LOCALITY).orElseThrow().id())
                .isEqualTo("geonames:524901");
        // without a country, the larger one
        assertThat(gazetteer.locate(place(PlaceLevel.LOCALITY, "Moscow", null), PlaceLevel.LOCALITY).orElseThrow().id())
                .isEqualTo("geonames:524901");
    }

    @Test
    void namesAreMatchedAsPlaceMatchesThemAndByAlternateNames() {
        assertThat(gazetteer.locate(place(PlaceLevel.LOCALITY, "  ISTANBUL ", "TR"), PlaceLevel.LOCALITY).orElseThrow().id())
                .isEqualTo("geonames:745044");
        assertThat(gazetteer.locate(place(PlaceLevel.LOCALITY, "Москва", null), PlaceLevel.LOCALITY).orElseThrow().id())
                .isEqualTo("geonames:524901");
        assertThat(gazetteer.locate(place(PlaceLevel.REGION, "ile-de-france", "FR"), PlaceLevel.REGION).orElseThrow().id())
                .isEqualTo("admin1:FR.11");
        assertThat(gazetteer.locate(place(PlaceLevel.COUNTRY, "Turkey", null), PlaceLevel.COUNTRY).orElseThrow().id())
                .isEqualTo("country:TR");
    }

    @Test
    void marmaraRegionIsKnownByTheProvincesItConsistsOf() {
        GazetteerEntry istanbul = gazetteer.locate(place(PlaceLevel.LOCALITY, "Istanbul", "TR"), PlaceLevel.LOCALITY).orElseThrow();
        GazetteerEntry marmara = gazetteer.locate(place(PlaceLevel.REGION, "Marmara Region", null), PlaceLevel.REGION).orElseThrow();

        assertThat(istanbul.liesWithin(marmara)).isTrue();
        assertThat(istanbul.within()).containsExactly("admin1:TR.34", "region:TR:marmara region", "country:TR");
    }

    @Test
    void aNameTheGazetteerDoesNotHaveIsNotPlaced() {
        assertThat(gazetteer.locate(place(PlaceLevel.LOCALITY, "Atlantis", "RU"), PlaceLevel.LOCALITY)).isEmpty();
        assertThat(gazetteer.locate(place(PlaceLevel.SITE, "Crocus City Hall", "RU"), PlaceLevel.SITE)).isEmpty();
    }

    static Place place(PlaceLevel level, String name, String country) {
        EnumMap<PlaceLevel, NamedPlace> levels = new EnumMap<>(PlaceLevel.class);
        levels.put(level, NamedPlace.named(name));
        Optional.ofNullable(country).ifPresent(code -> levels.put(PlaceLevel.COUNTRY, NamedPlace.named(code)));
        return Place.of(levels);
    }
}
