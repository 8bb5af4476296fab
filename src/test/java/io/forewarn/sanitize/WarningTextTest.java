package io.forewarn.sanitize;

import io.forewarn.Crocus;
import io.forewarn.language.Language;
import io.forewarn.language.Phrasebook;
import io.forewarn.place.Place;
import io.forewarn.place.Places;
import io.forewarn.report.Facet;
import io.forewarn.report.Harm;
import io.forewarn.report.Level;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text of a warning read back, sentence by sentence, for every level of every facet, in every
 * shipped language: the headline, then the one sentence of the facet released at that level.
 */
class WarningTextTest {

    private static final ZoneId MOSCOW = Crocus.MOSCOW;
    private static final Place CROCUS = Places.CROCUS_CITY_HALL;
    private static final TimeWindow EVENING = new TimeWindow(Crocus.moscow("2024-03-22T19:00"), Crocus.moscow("2024-03-22T23:00"));
    private static final Map<Facet, Map<String, String>> WORDING = Map.of(
            Facet.METHOD, Map.of("specific", "armed assault on an audience", "generic", "attack"),
            Facet.ACTOR, Map.of("named", "Islamic State Khorasan Province", "type", "terrorist group"),
            Facet.TARGET, Map.of("named", "Crocus City Hall", "class", "concert halls", "category", "mass gatherings"));

    private static final Map<String, String> HEADLINE = Map.of(
            "en", "Security alert: credible threat to life.",
            "ru", "Предупреждение об угрозе безопасности: достоверная угроза жизни.",
            "fa", "هشدار امنیتی: تهدید جانی معتبر.");

    /** Per language, per facet:level, the sentence it adds; a level absent here (none) adds nothing. */
    private static final Map<String, Map<String, String>> SENTENCES = Map.of(
            "en", sentences(
                    "method:specific", "Method: armed assault on an audience.",
                    "method:generic", "Threat: attack.",
                    "actor:named", "Suspected perpetrators: Islamic State Khorasan Province.",
                    "actor:type", "Suspected perpetrators: terrorist group.",
                    "target:named", "Target: Crocus City Hall.",
                    "target:class", "Targets: concert halls.",
                    "target:category", "Targets: mass gatherings.",
                    "place:site", "Place: Crocus City Hall, Krasnogorsk, Moscow Oblast, Russia.",
                    "place:locality", "Area: Krasnogorsk, Moscow Oblast, Russia.",
                    "place:region", "Area: Moscow Oblast, Russia.",
                    "place:country", "Area: Russia.",
                    "time:exact", "Time: from 22 March 2024, 19:00 MSK to 22 March 2024, 23:00 MSK.",
                    "time:day", "Date: 22 March 2024.",
                    "time:week", "Dates: from 18 March 2024 to 24 March 2024.",
                    "time:month", "Dates: from 1 March 2024 to 31 March 2024."),
            "ru", sentences(
                    "method:specific", "Способ: armed assault on an audience.",
                    "method:generic", "Угроза: attack.",
                    "actor:named", "Предполагаемые исполнители: Islamic State Khorasan Province.",
                    "actor:type", "Предполагаемые исполнители: terrorist group.",
                    "target:named", "Цель: Crocus City Hall.",
                    "target:class", "Цели: concert halls.",
                    "target:category", "Цели: mass gatherings.",
                    "place:site", "Место: Crocus City Hall, Krasnogorsk, Moscow Oblast, Россия.",
                    "place:locality", "Район: Krasnogorsk, Moscow Oblast, Россия.",
                    "place:region", "Район: Moscow Oblast, Россия.",
                    "place:country", "Район: Россия.",
                    "time:exact", "Время: с 22 марта 2024, 19:00 MSK до 22 марта 2024, 23:00 MSK.",
                    "time:day", "Дата: 22 марта 2024.",
                    "time:week", "Даты: с 18 марта 2024 по 24 марта 2024.",
                    "time:month", "Даты: с 1 марта 2024 по 31 марта 2024."),
            "fa", sentences(
                    "method:specific", "شیوه: \u2068armed assault on an audience\u2069.",
                    "method:generic", "نوع تهدید: \u2068attack\u2069.",
                    "actor:named", "عاملان احتمالی: \u2068Islamic State Khorasan Province\u2069.",
                    "actor:type", "عاملان احتمالی: \u2068terrorist group\u2069.",
                    "target:named", "هدف: \u2068Crocus City Hall\u2069.",
                    "target:class", "اهداف: \u2068concert halls\u2069.",
                    "target:category", "اهداف: \u2068mass gatherings\u2069.",
                    "place:site", "مکان: \u2068Crocus City Hall، Krasnogorsk، Moscow Oblast، روسیه\u2069.",
                    "place:locality", "منطقه: \u2068Krasnogorsk، Moscow Oblast، روسیه\u2069.",
                    "place:region", "منطقه: \u2068Moscow Oblast، روسیه\u2069.",
                    "place:country", "منطقه: \u2068روسیه\u2069.",
                    "time:exact", "زمان: از 22 مارس 2024، 19:00 MSK تا 22 مارس 2024، 23:00 MSK.",
                    "time:day", "تاریخ: 22 مارس 2024.",
                    "time:week", "تاریخ‌ها: از 18 مارس 2024 تا 24 مارس 2024.",
                    "time:month", "تاریخ‌ها: از 1 مارس 2024 تا 31 مارس 2024."));

    @Test
    void everyLevelOfEveryFacetReadsAsOneSentenceInEveryShippedLanguage() {
        int read = 0;
        for (String tag : List.of("en", "ru", "fa")) {
            Phrasebook book = Phrasebook.of(Language.of(tag));
            for (Facet facet : Facet.values()) {
                for (Level level : facet.ladder()) {
                    String expected = level.isNone() ? HEADLINE.get(tag)
                            : HEADLINE.get(tag) + " " + SENTENCES.get(tag).get(facet.key() + ":" + level.name());
                    assertThat(WarningText.compose(book, only(facet, level)))
                            .as("%s, %s at %s", tag, facet.key(), level.name())
                            .isEqualTo(expected);
                    read++;
                }
            }
        }
        assertThat(read).as("3 languages × 20 levels").isEqualTo(60);
    }

    @Test
    void aTargetThatSaysWhereIsNotFollowedByThePlaceInTheSameBreath() {
        Map<Facet, Level> released = released(Map.of(Facet.TARGET, Facet.TARGET.level("class"),
                Facet.PLACE, Facet.PLACE.level("locality")));
        String text = WarningText.compose(Phrasebook.of(Language.ENGLISH), new WarningText.Content(Harm.KILLING, released,
                Map.of(Facet.TARGET, "a gathering in Moscow"), Places.MOSCOW_LOOSELY.coarsenedTo(io.forewarn.place.PlaceLevel.LOCALITY),
                Optional.empty(), MOSCOW, Optional.empty()));

        assertThat(text).isEqualTo("Security alert: credible threat to life. Targets: a gathering in Moscow. "
                + "Area: Moscow, Moscow Oblast, Russia.").doesNotContain("in Moscow in Moscow");
    }

    @Test
    void everyHarmHasItsOwnHeadline() {
        Phrasebook english = Phrasebook.of(Language.ENGLISH);
        Map<Harm, String> headlines = new EnumMap<>(Harm.class);
        for (Harm harm : Harm.values()) {
            headlines.put(harm, WarningText.compose(english, new WarningText.Content(harm, released(Map.of()), Map.of(),
                    Place.of(Map.of()), Optional.empty(), MOSCOW, Optional.empty())));
        }
        assertThat(headlines).containsExactly(
                Map.entry(Harm.KILLING, "Security alert: credible threat to life."),
                Map.entry(Harm.SERIOUS_BODILY_INJURY, "Security alert: credible threat of serious injury."),
                Map.entry(Harm.KIDNAPPING, "Security alert: credible threat of kidnapping."),
                Map.entry(Harm.OTHER, "Security alert: credible threat of harm."));
    }

    /** Every facet at none except one. */
    private static WarningText.Content only(Facet facet, Level level) {
        Map<Facet, Level> released = released(Map.of(facet, level));
        Map<Facet, String> wording = new EnumMap<>(Facet.class);
        Optional.ofNullable(WORDING.get(facet)).map(byLevel -> byLevel.get(level.name()))
                .ifPresent(words -> wording.put(facet, words));
        Place place = ThreatReport.placeLevel(released.get(Facet.PLACE)).map(CROCUS::coarsenedTo).orElse(Place.of(Map.of()));
        Optional<TimeWindow> window = TimeStatement.widen(EVENING, released.get(Facet.TIME), MOSCOW);
        return new WarningText.Content(Harm.KILLING, released, wording, place, window, MOSCOW, Optional.empty());
    }

    private static Map<Facet, Level> released(Map<Facet, Level> given) {
        Map<Facet, Level> released = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            released.put(facet, given.getOrDefault(facet, facet.none()));
        }
        return released;
    }

    private static Map<String, String> sentences(String... keyAndSentence) {
        Map<String, String> sentences = new LinkedHashMap<>();
        for (int i = 0; i < keyAndSentence.length; i += 2) {
            sentences.put(keyAndSentence[i], keyAndSentence[i + 1]);
        }
        return sentences;
    }
}
