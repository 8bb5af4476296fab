package io.forewarn.gazetteer;

import io.forewarn.place.Gazetteer;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Overlap;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import io.forewarn.place.PlaceOverlap;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Containment of named places through the committed GeoNames extract (issue 11, point 9). */
class GazetteerContainmentTest {

    private final Gazetteer gazetteer = GazetteerExtract.gazetteer();

    @Test
    void aRegionLevelWarningContainsAnIncidentRecordedOnlyByCityAndCountry() {
        Place released = place("region", "Marmara Region", "country", "TR");
        Place incident = place("locality", "Istanbul", "country", "TR");

        Overlap overlap = PlaceOverlap.contains(released, incident, gazetteer);

        assertThat(overlap.answer()).isEqualTo(Overlap.Answer.YES);
        assertThat(overlap.reason()).isEqualTo("gazetteer: İstanbul, Istanbul, TR (geonames:745044) lies within "
                + "Marmara Region, TR (region:TR:marmara region)");
    }

    @Test
    void aVenueInKrasnogorskIsWithinMoscowOblastWithoutTheFileSayingSo() {
        Place oblast = place("region", "Moscow Oblast", "country", "RU");
        Place venue = place("site", "Crocus City Hall", "locality", "Krasnogorsk");

        assertThat(PlaceOverlap.contains(oblast, venue, gazetteer).answer()).isEqualTo(Overlap.Answer.YES);
        assertThat(PlaceOverlap.meets(oblast, venue, gazetteer).answer()).isEqualTo(Overlap.Answer.YES);
        assertThat(PlaceOverlap.contains(oblast, venue).holds()).as("by the file's names alone").isFalse();
    }

    @Test
    void aTownOutsideTheContainingPlaceIsNotWithinIt() {
        Overlap overlap = PlaceOverlap.contains(place("locality", "Moscow"), place("site", "Crocus City Hall",
                "locality", "Krasnogorsk", "region", "Moscow Oblast"), gazetteer);

        assertThat(overlap.answer()).isEqualTo(Overlap.Answer.NO);
        assertThat(overlap.reason()).startsWith("gazetteer: Krasnogorsk, Moscow Oblast, RU (geonames:542374) lies outside "
                + "Moscow, Moscow, RU (geonames:524901)");
    }

    @Test
    void aNameTheGazetteerCannotPlaceLeavesContainmentUnknownNotDisjoint() {
        Overlap overlap = PlaceOverlap.contains(place("region", "Moscow Oblast"), place("locality", "Atlantis"), gazetteer);

        assertThat(overlap.answer()).isEqualTo(Overlap.Answer.UNKNOWN);
        assertThat(overlap.unknown()).isTrue();
        assertThat(overlap.holds()).isFalse();
        assertThat(overlap.reason()).isEqualTo("gazetteer: cannot place 'Atlantis', so whether one lies within the other is unknown");
        assertThat(PlaceOverlap.meets(place("locality", "Atlantis"), place("locality", "Moscow"), gazetteer).answer())
                .isEqualTo(Overlap.Answer.UNKNOWN);
    }

    @Test
    void aPlaceStatedOnlyMoreCoarselyIsWiderAndNeverWithin() {
        Overlap overlap = PlaceOverlap.contains(place("region", "Moscow Oblast"), place("country", "RU"), gazetteer);

        assertThat(overlap.answer()).isEqualTo(Overlap.Answer.NO);
    }

    @Test
    void whatTheFileSaysStillDecidesFirst() {
        Overlap overlap = PlaceOverlap.contains(place("region", "Moscow Oblast"), place("locality", "Atlantis",
                "region", "Moscow Oblast"), gazetteer);

        assertThat(overlap.answer()).isEqualTo(Overlap.Answer.YES);
        assertThat(overlap.basis()).isEqualTo(Overlap.Basis.NAMES);
    }

    static Place place(String... levelsAndNames) {
        EnumMap<PlaceLevel, NamedPlace> levels = new EnumMap<>(PlaceLevel.class);
        for (int i = 0; i < levelsAndNames.length; i += 2) {
            levels.put(PlaceLevel.of(levelsAndNames[i]), NamedPlace.named(levelsAndNames[i + 1]));
        }
        return Place.of(levels);
    }
}
