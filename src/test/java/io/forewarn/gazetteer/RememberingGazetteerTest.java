package io.forewarn.gazetteer;

import io.forewarn.place.GazetteerEntry;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RememberingGazetteerTest {

    private final List<String> asked = new ArrayList<>();
    private final RememberingGazetteer gazetteer = new RememberingGazetteer((place, level) -> {
        asked.add(level.key() + " of " + place.at(level).map(NamedPlace::name).orElse("-"));
        return Optional.<GazetteerEntry>empty();
    }, 100);

    @Test
    void venuesOfOneTownAskAboutTheTownOnce() {
        gazetteer.locate(venue("Venue 1", "Krasnogorsk"), PlaceLevel.LOCALITY);
        gazetteer.locate(venue("Venue 2", "Krasnogorsk"), PlaceLevel.LOCALITY);

        assertThat(asked).containsExactly("locality of Krasnogorsk");
    }

    @Test
    void theCoarserNamesArePartOfTheQuestion() {
        gazetteer.locate(venue("Venue 1", "Krasnogorsk"), PlaceLevel.LOCALITY);
        gazetteer.locate(venue("Venue 1", "Krasnogorsk", "KZ"), PlaceLevel.LOCALITY);
        gazetteer.locate(venue("Venue 1", "Krasnogorsk"), PlaceLevel.SITE);
        gazetteer.locate(venue("Venue 2", "Krasnogorsk"), PlaceLevel.SITE);

        assertThat(asked).containsExactly("locality of Krasnogorsk", "locality of Krasnogorsk", "site of Venue 1",
                "site of Venue 2");
    }

    private static Place venue(String site, String locality) {
        return venue(site, locality, "RU");
    }

    private static Place venue(String site, String locality, String country) {
        EnumMap<PlaceLevel, NamedPlace> levels = new EnumMap<>(PlaceLevel.class);
        levels.put(PlaceLevel.SITE, NamedPlace.named(site));
        levels.put(PlaceLevel.LOCALITY, NamedPlace.named(locality));
        levels.put(PlaceLevel.COUNTRY, NamedPlace.named(country));
        return new Place(levels);
    }
}
