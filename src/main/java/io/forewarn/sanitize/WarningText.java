package io.forewarn.sanitize;

import io.forewarn.language.Phrasebook;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import io.forewarn.report.Facet;
import io.forewarn.report.Harm;
import io.forewarn.report.Level;
import io.forewarn.report.TimeWindow;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Composes the text of a warning in one language from its phrasebook: the headline, one sentence per
 * facet released above {@code none}, then the advice. The words the report supplies are put in as they
 * are (a country code becomes the country's name in the language); in a right-to-left language they
 * are isolated (FSI … PDI), so a left-to-right name does not reorder the sentence around it.
 */
final class WarningText {

    /** What, by whom, against whom, where, when: the order a reader asks in. */
    private static final List<Facet> ORDER = List.of(Facet.METHOD, Facet.ACTOR, Facet.TARGET, Facet.PLACE, Facet.TIME);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * What a warning states, in no language yet.
     *
     * @param wording the report's words for method, actor and target at their released levels
     * @param zone    the zone of the threatened place, in which its days and times are written
     */
    record Content(Harm harm, Map<Facet, Level> released, Map<Facet, String> wording, Place place,
                   Optional<TimeWindow> window, ZoneId zone, Optional<String> advice) {
    }

    private WarningText() {
    }

    static String compose(Phrasebook book, Content content) {
        List<String> sentences = new ArrayList<>();
        sentences.add(book.say("headline", Map.of("harm", content.harm().code().replace('-', '_'))));
        for (Facet facet : ORDER) {
            Level level = content.released().get(facet);
            if (level == null || level.isNone()) {
                continue;
            }
            switch (facet) {
                case PLACE -> {
                    if (!content.place().isEmpty()) {
                        sentences.add(book.say("place", Map.of("level", level.name(),
                                "text", book.isolate(placeWords(content.place(), book)))));
                    }
                }
                case TIME -> content.window().ifPresent(window ->
                        sentences.add(TimeStatement.describe(window, level, content.zone(), book)));
                default -> {
                    String words = content.wording().get(facet);
                    if (words != null) {
                        sentences.add(book.say(facet.key(), Map.of("level", level.name(), "text", book.isolate(words))));
                    }
                }
            }
        }
        content.advice().ifPresent(advice -> sentences.add(book.say("advice", Map.of("text", advice))));
        return String.join(" ", sentences);
    }

    /** The names of a place, most specific first; a country's ISO code is written as its name in the language. */
    static String placeWords(Place place, Phrasebook book) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<PlaceLevel, NamedPlace> level : place.levels().entrySet()) {
            names.add(placeName(level.getKey(), level.getValue(), book));
        }
        return String.join(book.direction() == Phrasebook.Direction.RTL ? "، " : ", ", names);
    }

    /** One name of a place as a text in the language writes it: a country's ISO code as the country's name. */
    static String placeName(PlaceLevel level, NamedPlace place, Phrasebook book) {
        String name = place.name();
        if (level == PlaceLevel.COUNTRY && COUNTRIES.contains(name.toUpperCase(Locale.ROOT))) {
            return new Locale.Builder().setRegion(name.toUpperCase(Locale.ROOT)).build()
                    .getDisplayCountry(book.language().locale());
        }
        return name;
    }

}
