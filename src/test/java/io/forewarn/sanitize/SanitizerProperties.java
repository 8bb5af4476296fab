package io.forewarn.sanitize;

import io.forewarn.policy.ReleaseCeiling;
import io.forewarn.policy.Audience;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyFile;
import io.forewarn.report.Credibility;
import io.forewarn.report.Facet;
import io.forewarn.report.Harm;
import io.forewarn.report.Level;
import io.forewarn.report.Marking;
import io.forewarn.report.Portion;
import io.forewarn.report.ProtectedMaterial;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Whatever a report's statements say, no draft the sanitizer writes for any audience lets a
 * protected term through, however the report disguises it: the facet that carries it steps down
 * its ladder until its wording is clean.
 */
class SanitizerProperties {

    private static final Policy POLICY = PolicyFile.defaultPolicy();
    private static final Sanitizer SANITIZER = new Sanitizer(ZoneId.of("Europe/Moscow"));
    private static final Instant RECEIVED = Instant.parse("2024-03-07T05:00:00Z");

    /** Which statements of the report carry the protected term, and in what disguise. */
    record Placement(boolean inNamedTarget, boolean inTargetClass, boolean inSpecificMethod, boolean inGenericMethod,
                     boolean inNamedActor, boolean inLocality, boolean inProtectedPortion) {
    }

    /**
     * Attempts to draw a term with two vowels, per example. QuickTheories gives up on the whole run
     * when one example exhausts them, and a short word misses two vowels more often than not.
     */
    private static final int TERM_ATTEMPTS = 100;

    @Test
    void noDraftLetsAProtectedTermThrough() {
        qt().withExamples(300).withGenerateAttempts(TERM_ATTEMPTS).forAll(terms(), disguises(), placements())
                .checkAssert((term, disguise, placement) -> {
                    String disguised = disguise.apply(term);
                    ThreatReport report = report(term, disguised, placement);
                    LeakCheck leakCheck = LeakCheck.forReport(report);

                    for (Audience audience : POLICY.audiences().keySet()) {
                        Draft draft = SANITIZER.draft(report, audience, POLICY.ceiling(audience).orElseThrow());

                        assertThat(leakCheck.check(draft.text()).isBlocked())
                                .as("draft for %s: %s (term %s disguised as %s)", audience, draft.text(), term, disguised)
                                .isFalse();
                        assertThat(draft.text().toLowerCase(Locale.ROOT)).doesNotContain(term.toLowerCase(Locale.ROOT));
                        for (Facet facet : draft.gaps()) {
                            assertThat(draft.justifications()).as("gap in %s", facet).containsKey(facet);
                        }
                    }
                });
    }

    @Test
    void aCleanReportIsDraftedAtTheEffectiveCeiling() {
        qt().withExamples(100).withGenerateAttempts(TERM_ATTEMPTS).forAll(terms()).checkAssert(term -> {
            ThreatReport report = report(term, "unrelated", new Placement(false, false, false, false, false, false, false));
            for (Audience audience : POLICY.audiences().keySet()) {
                ReleaseCeiling ceiling = POLICY.ceiling(audience).orElseThrow();
                Draft draft = SANITIZER.draft(report, audience, ceiling);

                assertThat(draft.released()).isEqualTo(ceiling.effectiveFor(report).levels());
                assertThat(draft.isApprovable()).isTrue();
            }
        });
    }

    private static ThreatReport report(String term, String disguised, Placement at) {
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
        place.put(PlaceLevel.LOCALITY, NamedPlace.named(at.inLocality() ? disguised + " district" : "Tver"));
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

    private static Gen<String> terms() {
        // Code words unlike any English word of the fixed statements above.
        return strings().betweenCodePoints('a', 'z').ofLengthBetween(6, 10)
                .assuming(word -> word.chars().filter(c -> "aeiou".indexOf(c) >= 0).count() >= 2);
    }

    private static Gen<Disguise> disguises() {
        return Disguise.any();
    }

    private static Gen<Placement> placements() {
        return lists().of(booleans().all()).ofSize(7).map(b -> new Placement(
                b.get(0), b.get(1), b.get(2), b.get(3), b.get(4), b.get(5), b.get(6)));
    }
}
