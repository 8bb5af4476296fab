package io.forewarn.sanitize;

import io.forewarn.text.TextFolding;
import io.forewarn.language.Language;
import io.forewarn.language.Phrasebook;
import io.forewarn.policy.Advice;
import io.forewarn.policy.ReleaseCeiling;
import io.forewarn.policy.Audience;
import io.forewarn.place.CountryZones;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceZones;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Drafts warnings: facet by facet, the most specific level that is within the audience's effective
 * ceiling and passes the leak check. A level lowered by the leak check is justified by it; a level
 * an analyst lowers needs their justification, or the draft cannot be approved.
 */
public final class Sanitizer {

    private final ZoneId readingZone;
    private final PlaceZones zones;

    /**
     * A sanitizer that knows the zones of countries with one zone ({@link CountryZones}).
     *
     * @param readingZone the zone the reports' times are read in, for a place whose own zone is not known
     */
    public Sanitizer(ZoneId readingZone) {
        this(readingZone, new CountryZones());
    }

    /**
     * @param readingZone the zone the reports' times are read in, for a place whose own zone is not known
     * @param zones       the zones of places: a warning's days are counted, and its times written, in the
     *                    zone of the threatened place
     */
    public Sanitizer(ZoneId readingZone, PlaceZones zones) {
        this.readingZone = Objects.requireNonNull(readingZone, "readingZone");
        this.zones = Objects.requireNonNull(zones, "zones");
    }

    /** The zone a report's warning states its time in: the threatened place's, else the one its times were read in. */
    public ZoneId zoneOf(ThreatReport report) {
        return zones.zoneOf(report.place()).orElse(readingZone);
    }

    /** The most specific draft the ceiling allows, without advice. */
    public Draft draft(ThreatReport report, Audience audience, ReleaseCeiling ceiling) {
        return draft(report, audience, ceiling, Map.of(), Map.of(), List.of(), List.of());
    }

    /**
     * A draft in which some facets are held at most at the {@code requested} levels, each with the
     * justification given for it (a lowered facet without one is reported by {@link Draft#obstacles()}).
     *
     * @param advice    the policy's protective advice; the first that fits the threat as released ends the text
     * @param languages the languages the audience's parties need; the text is written in each, and always in
     *                  English, which the agency reads
     */
    public Draft draft(ThreatReport report, Audience audience, ReleaseCeiling ceiling,
                       Map<Facet, Level> requested, Map<Facet, Justification> justifications, List<Advice> advice,
                       List<Language> languages) {
        ReleaseCeiling effective = ceiling.effectiveFor(report);
        ZoneId zone = zoneOf(report);
        LeakCheck leakCheck = LeakCheck.forReport(report);
        EnumMap<Facet, Level> released = new EnumMap<>(Facet.class);
        EnumMap<Facet, Justification> justified = new EnumMap<>(Facet.class);
        EnumMap<Facet, String> wording = new EnumMap<>(Facet.class);

        for (Facet facet : Facet.values()) {
            Level limit = effective.of(facet);
            Level wanted = requested.containsKey(facet) ? requested.get(facet).coarser(limit) : limit;
            Released choice = mostSpecificClean(report, facet, wanted, leakCheck, zone);
            released.put(facet, choice.level());
            choice.wording().ifPresent(text -> wording.put(facet, text));
            if (choice.level().isLessSpecificThan(wanted)) {
                justified.put(facet, choice.leaked() ? Justification.LEAK_CHECK : Justification.NOT_STATED);
            } else if (choice.level().isLessSpecificThan(limit) && justifications.containsKey(facet)) {
                justified.put(facet, justifications.get(facet));
            }
        }

        Place releasedPlace = ThreatReport.placeLevel(released.get(Facet.PLACE))
                .map(level -> report.place().coarsenedTo(level))
                .orElse(Place.of(Map.of()));
        Optional<TimeWindow> statedWindow = TimeStatement.widen(report.window(), released.get(Facet.TIME), zone);
        Optional<Advice> fitting = Advice.first(advice, report.harm(), releasedTargets(report, released.get(Facet.TARGET)));
        Map<Language, String> texts = new LinkedHashMap<>();
        for (Language language : withEnglishFirst(languages)) {
            texts.put(language, WarningText.compose(Phrasebook.of(language), new WarningText.Content(report.harm(),
                    released, wording, releasedPlace, statedWindow, zone, fitting.map(a -> a.in(language)))));
        }
        LeakVerdict verdict = leakCheck.check(texts.values());
        String english = texts.remove(Language.ENGLISH);
        return new Draft(report.id(), audience, effective, released, releasedPlace, statedWindow, english, texts, justified,
                verdict);
    }

    /**
     * The draft with the text of one language replaced by a person's wording, scored again: each facet is
     * released at the most specific level within the effective ceiling whose words (the report's, the
     * place's names, the stated days as each language writes them) every text holds, so an edit that drops
     * a fact lowers the specificity, and the facet then needs a justification like any lowered one. The
     * leak check reads every text again.
     *
     * @param justifications for facets below the effective ceiling after the edit; those the draft had stay
     * @throws IllegalArgumentException when the draft has no text in the language
     */
    public Draft edit(Draft draft, ThreatReport report, Language language, String text,
                      Map<Facet, Justification> justifications) {
        Map<Language, String> texts = new LinkedHashMap<>(draft.texts());
        if (!texts.containsKey(language)) {
            throw new IllegalArgumentException("draft of " + draft.reportId() + " for " + draft.audience()
                    + " has no text in " + language + "; its languages: " + String.join(", ",
                    texts.keySet().stream().map(Language::tag).toList()));
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("the text must not be blank");
        }
        texts.put(language, text.strip());
        ZoneId zone = zoneOf(report);
        EnumMap<Facet, Level> released = new EnumMap<>(Facet.class);
        EnumMap<Facet, Justification> justified = new EnumMap<>(Facet.class);
        justified.putAll(draft.justifications());
        for (Facet facet : Facet.values()) {
            Level ceiling = draft.effectiveCeiling().of(facet);
            Level stated = ceiling;
            for (Map.Entry<Language, String> each : texts.entrySet()) {
                stated = stated.coarser(statedIn(each.getValue(), report, facet, ceiling, zone, Phrasebook.of(each.getKey())));
            }
            released.put(facet, stated);
            if (stated.isLessSpecificThan(draft.effectiveCeiling().of(facet)) && justifications.containsKey(facet)) {
                justified.put(facet, justifications.get(facet));
            }
        }
        Place releasedPlace = ThreatReport.placeLevel(released.get(Facet.PLACE))
                .map(level -> report.place().coarsenedTo(level))
                .orElse(Place.of(Map.of()));
        Optional<TimeWindow> statedWindow = TimeStatement.widen(report.window(), released.get(Facet.TIME), zone);
        LeakVerdict verdict = LeakCheck.forReport(report).check(texts.values());
        String english = texts.remove(Language.ENGLISH);
        return new Draft(draft.reportId(), draft.audience(), draft.effectiveCeiling(), released, releasedPlace,
                statedWindow, english, texts, justified, verdict);
    }

    /** The most specific level, no higher than {@code start}, whose words a text holds; none when it holds none. */
    private static Level statedIn(String text, ThreatReport report, Facet facet, Level start, ZoneId zone, Phrasebook book) {
        String said = " " + TextFolding.fold(text, TextFolding.Reading.PHONETIC) + " ";
        for (Level level : facet.ladder()) {
            if (level.isMoreSpecificThan(start) || level.isNone()) {
                continue;
            }
            List<String> words = wordsOf(report, facet, level, zone, book);
            if (!words.isEmpty() && words.stream()
                    .allMatch(w -> said.contains(" " + TextFolding.fold(w, TextFolding.Reading.PHONETIC) + " "))) {
                return level;
            }
        }
        return facet.none();
    }

    /** The words a text in {@code book}'s language must hold to state a facet at a level; empty when the report states none. */
    private static List<String> wordsOf(ThreatReport report, Facet facet, Level level, ZoneId zone, Phrasebook book) {
        return switch (facet) {
            case PLACE -> ThreatReport.placeLevel(level)
                    .flatMap(placeLevel -> report.place().at(placeLevel)
                            .map(named -> List.of(WarningText.placeName(placeLevel, named, book))))
                    .orElse(List.of());
            case TIME -> TimeStatement.widen(report.window(), level, zone)
                    .map(window -> TimeStatement.days(window, level, zone, book))
                    .orElse(List.of());
            default -> Optional.ofNullable(report.statements().get(facet).get(level)).map(List::of).orElse(List.of());
        };
    }

    /** English, then the others in the order given, each once. */
    static List<Language> withEnglishFirst(List<Language> languages) {
        LinkedHashSet<Language> ordered = new LinkedHashSet<>();
        ordered.add(Language.ENGLISH);
        ordered.addAll(languages);
        return List.copyOf(ordered);
    }

    /** The report's words for its target at the released level and every coarser one: what the warning tells of it. */
    private static List<String> releasedTargets(ThreatReport report, Level released) {
        return report.statements().get(Facet.TARGET).entrySet().stream()
                .filter(statement -> !statement.getKey().isNone() && !statement.getKey().isMoreSpecificThan(released))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** @param leaked whether a more specific wording was passed over because the leak check blocked it */
    private record Released(Level level, Optional<String> wording, boolean leaked) {
    }

    /**
     * Walks down the ladder from {@code start} to the first level the report states in words that
     * pass the leak check.
     */
    private Released mostSpecificClean(ThreatReport report, Facet facet, Level start, LeakCheck leakCheck, ZoneId zone) {
        boolean leaked = false;
        for (Level level : facet.ladder()) {
            if (level.isMoreSpecificThan(start)) {
                continue;
            }
            if (level.isNone()) {
                return new Released(level, Optional.empty(), leaked);
            }
            Optional<String> wording = wordingAt(report, facet, level, zone);
            if (wording.isPresent()) {
                if (!leakCheck.check(wording.get()).isBlocked()) {
                    return new Released(level, wording, leaked);
                }
                leaked = true;
            }
        }
        return new Released(facet.none(), Optional.empty(), leaked);
    }

    private Optional<String> wordingAt(ThreatReport report, Facet facet, Level level, ZoneId zone) {
        return switch (facet) {
            case PLACE -> ThreatReport.placeLevel(level)
                    .filter(placeLevel -> report.place().at(placeLevel).isPresent())
                    .map(placeLevel -> report.place().coarsenedTo(placeLevel).toString());
            case TIME -> TimeStatement.widen(report.window(), level, zone)
                    .map(window -> TimeStatement.describe(window, level, zone, Phrasebook.of(Language.ENGLISH)));
            default -> Optional.ofNullable(report.statements().get(facet).get(level));
        };
    }
}
