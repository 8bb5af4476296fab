package io.forewarn.sanitize;

import io.forewarn.place.Area;
import io.forewarn.place.LatLon;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import io.forewarn.report.Credibility;
import io.forewarn.report.Facet;
import io.forewarn.report.Harm;
import io.forewarn.report.Level;
import io.forewarn.report.Marking;
import io.forewarn.report.Portion;
import io.forewarn.report.ProtectedMaterial;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Test fixture for property tests: a report of a killing in Tver whose statements carry a protected code word,
 * disguised, wherever a {@link Placement} puts it. Its site and its locality each have their own circle, so an
 * output that shows a finer place than released shows coordinates it should not.
 */
public final class ProtectedReports {

    public static final Instant RECEIVED = Instant.parse("2024-03-07T05:00:00Z");
    /** The site's circle: a stadium, 300 m. */
    public static final Area.Circle SITE = new Area.Circle(new LatLon(56.8626, 35.8853), 0.3);
    /** The locality's circle: Tver, 15 km. */
    public static final Area.Circle LOCALITY = new Area.Circle(new LatLon(56.8587, 35.9176), 15);

    private ProtectedReports() {
    }

    /** Which statements of the report carry the protected term, and in what disguise. */
    public record Placement(boolean inNamedTarget, boolean inTargetClass, boolean inSpecificMethod, boolean inGenericMethod,
                            boolean inNamedActor, boolean inLocality, boolean inProtectedPortion) {
        /** The term in no statement: a clean report. */
        public static final Placement NOWHERE = new Placement(false, false, false, false, false, false, false);
    }

    public static ThreatReport report(String term, String disguised, Placement at) {
        EnumMap<Facet, Map<Level, String>> statements = new EnumMap<>(Facet.class);
        statements.put(Facet.TARGET, levels(Facet.TARGET,
                "named", at.inNamedTarget() ? "the " + disguised + " arena" : "the Winter Arena",
                "class", at.inTargetClass() ? "arenas near " + disguised : "sports arenas",
                "category", "mass gatherings"));
        statements.put(Facet.METHOD, levels(Facet.METHOD,
                "specific", at.inSpecificMethod() ? "vehicle ramming, " + disguised + " style" : "vehicle ramming",
                "generic", at.inGenericMethod() ? "an attack like " + disguised : "an attack"));
        statements.put(Facet.ACTOR, levels(Facet.ACTOR,
                "named", at.inNamedActor() ? disguised + " Brigade" : "Northern Brigade",
                "type", "violent extremist group"));
        Map<PlaceLevel, NamedPlace> place = new LinkedHashMap<>();
        place.put(PlaceLevel.SITE, new NamedPlace("Winter Stadium", Optional.of(SITE)));
        place.put(PlaceLevel.LOCALITY, new NamedPlace(at.inLocality() ? disguised + " district" : "Tver", Optional.of(LOCALITY)));
        place.put(PlaceLevel.REGION, NamedPlace.named("Tver Oblast"));
        place.put(PlaceLevel.COUNTRY, NamedPlace.named("RU"));
        List<Portion> portions = List.of(
                new Portion(Marking.PUBLIC, "Extremists may target sports venues."),
                new Portion(Marking.PROTECTED, at.inProtectedPortion()
                        ? "Reporting from " + term + " describes vehicle ramming near the stadium gates"
                        : "Reporting from a sensitive source describes the cell's movements in detail"));
        return new ThreatReport("R-P", RECEIVED, Harm.KILLING, Credibility.of("B2"), Place.of(place),
                new TimeWindow(RECEIVED, RECEIVED.plusSeconds(5 * 24 * 3600)), statements, portions,
                new ProtectedMaterial(List.of(), List.of(), List.of(term)), true);
    }

    private static Map<Level, String> levels(Facet facet, String... nameThenText) {
        Map<Level, String> byLevel = new LinkedHashMap<>();
        for (int i = 0; i < nameThenText.length; i += 2) {
            byLevel.put(facet.level(nameThenText[i]), nameThenText[i + 1]);
        }
        return byLevel;
    }

    /** Code words unlike any English word of the fixed statements above. */
    public static Gen<String> terms() {
        return strings().betweenCodePoints('a', 'z').ofLengthBetween(6, 10)
                .assuming(word -> word.chars().filter(c -> "aeiou".indexOf(c) >= 0).count() >= 2);
    }

    public static Gen<Placement> placements() {
        return lists().of(booleans().all()).ofSize(7).map(b -> new Placement(
                b.get(0), b.get(1), b.get(2), b.get(3), b.get(4), b.get(5), b.get(6)));
    }
}
