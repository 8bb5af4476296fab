package io.forewarn.sanitize;

import io.forewarn.Crocus;
import io.forewarn.policy.ReleaseCeiling;
import io.forewarn.policy.Audience;
import io.forewarn.party.Reports;
import io.forewarn.place.PlaceLevel;
import io.forewarn.place.Places;
import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyFile;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.ProtectedMaterial;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.forewarn.sanitize.Ceilings.levels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class SanitizerTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Sanitizer SANITIZER = new Sanitizer(MOSCOW);
    private static final Policy POLICY = PolicyFile.defaultPolicy();

    private static final Audience PUBLIC = new Audience("public");
    private static final Audience VENUE_OPERATOR = new Audience("venue-operator");
    private static final Audience FOREIGN_GOVERNMENT = new Audience("foreign-government");

    /** R-1 of the Crocus case: "in Moscow", loosely, 7 to 31 March 2024, against concert halls and mass gatherings. */
    private static final ThreatReport R1 =
            Crocus.R1_UNMARKED;

    /** The same threat known down to the venue. */
    private static final ThreatReport AT_CROCUS = Reports.report(Places.CROCUS_CITY_HALL,
            "named", "Crocus City Hall", "class", "concert halls", "category", "mass gatherings");

    @Nested
    class AtTheCeiling {

        @Test
        void everyAudienceOfTheDefaultPolicyIsDraftedAtItsEffectiveCeiling() {
            assertThat(POLICY.audiences()).hasSizeGreaterThanOrEqualTo(4);
            POLICY.audiences().forEach((audience, ceiling) -> {
                Draft draft = SANITIZER.draft(R1, audience, ceiling);

                assertThat(draft.audience()).isEqualTo(audience);
                assertThat(draft.reportId()).isEqualTo("R-1");
                assertThat(draft.effectiveCeiling()).isEqualTo(ceiling.effectiveFor(R1));
                assertThat(draft.released()).as("%s", audience).isEqualTo(ceiling.effectiveFor(R1).levels());
                assertThat(draft.gaps()).isEmpty();
                assertThat(draft.justifications()).isEmpty();
                assertThat(draft.isApprovable()).isTrue();
            });
        }

        @Test
        void audiencesGetWhatTheirOwnCeilingAllowsAndNoMoreThanTheReportKnows() {
            Draft toThePublic = draft(R1, PUBLIC);
            Draft toTheGovernment = draft(R1, FOREIGN_GOVERNMENT);
            Draft toTheVenue = draft(AT_CROCUS, VENUE_OPERATOR);

            assertThat(toThePublic.released()).isEqualTo(levels("locality", "month", "class", "generic", "type"));
            assertThat(toTheGovernment.released()).isEqualTo(levels("locality", "month", "class", "specific", "named"));
            assertThat(toTheVenue.released()).isEqualTo(levels("site", "month", "named", "specific", "type"));
            assertThat(toThePublic.specificity()).isCloseTo(8 / 15.0, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(toTheGovernment.specificity()).isGreaterThan(toThePublic.specificity());
        }

        @Test
        void theDraftStatesTheReleasedFactsInPlainWords() {
            Draft draft = draft(R1, PUBLIC);

            assertThat(draft.text()).isEqualTo("Security alert: credible threat to life. Threat: attack. Suspected perpetrators: "
                    + "terrorist group. Targets: concert halls. Area: Moscow, Moscow Oblast, Russia. "
                    + "Dates: from 1 March 2024 to 31 March 2024.");
            assertThat(draft.releasedPlace()).isEqualTo(Places.MOSCOW_LOOSELY);
            assertThat(draft.statedWindow()).hasValue(new TimeWindow(
                    moscow("2024-03-01T00:00"), moscow("2024-04-01T00:00")));
            assertThat(draft.leak().isBlocked()).isFalse();
        }

        @Test
        void everyWarningEndsWithThePolicysAdviceForItsKindOfThreat() {
            Draft toThePublic = SANITIZER.draft(R1, PUBLIC, ceilingOf(PUBLIC), Map.of(), Map.of(), POLICY.advice(), List.of());
            Draft targetHeldBack = SANITIZER.draft(R1, PUBLIC, ceilingOf(PUBLIC), Map.of(Facet.TARGET, Facet.TARGET.none()),
                    Map.of(Facet.TARGET, Justification.SOURCES_AND_METHODS), POLICY.advice(), List.of());

            assertThat(toThePublic.text()).endsWith("Dates: from 1 March 2024 to 31 March 2024. What to do: avoid large "
                    + "gatherings, concerts and shopping centres; know the exits of any place you enter, and leave at once "
                    + "if something seems wrong.");
            assertThat(targetHeldBack.text()).as("advice for gatherings would tell the target held back")
                    .endsWith("What to do: stay alert, follow the instructions of the local authorities, and report "
                            + "anything suspicious to the police.").doesNotContain("gatherings");
        }

        @Test
        void aMoreGenerousAudienceHearsTheSpecificMethodAndTheNamedActor() {
            assertThat(draft(R1, FOREIGN_GOVERNMENT).text()).startsWith(
                    "Security alert: credible threat to life. Method: armed assault on an audience. Suspected perpetrators: "
                    + "Islamic State Khorasan Province. Targets: concert halls. Area: Moscow");
        }
    }

    @Nested
    class LoweredByAnAnalyst {

        @Test
        void aFacetLoweredWithoutJustificationIsAnObstacleNamingIt() {
            Draft draft = SANITIZER.draft(R1, FOREIGN_GOVERNMENT, ceilingOf(FOREIGN_GOVERNMENT),
                    Map.of(Facet.METHOD, Facet.METHOD.level("generic")), Map.of(), List.of(), List.of());

            assertThat(draft.released().get(Facet.METHOD)).isEqualTo(Facet.METHOD.level("generic"));
            assertThat(draft.justifications()).doesNotContainKey(Facet.METHOD);
            assertThat(draft.unjustifiedGaps()).containsExactly(Facet.METHOD);
            assertThat(draft.obstacles()).containsExactly(
                    "method is released at generic, below the ceiling specific, without a justification");
            assertThat(draft.isApprovable()).isFalse();
            assertThat(draft.text()).contains("Threat: attack. Suspected perpetrators: Islamic State Khorasan Province.");
        }

        @Test
        void aFacetLoweredWithAJustificationCarriesIt() {
            Draft draft = SANITIZER.draft(R1, FOREIGN_GOVERNMENT, ceilingOf(FOREIGN_GOVERNMENT),
                    Map.of(Facet.METHOD, Facet.METHOD.level("generic"), Facet.TIME, Facet.TIME.none()),
                    Map.of(Facet.METHOD, Justification.SOURCES_AND_METHODS, Facet.TIME, Justification.DETAIL_UNCONFIRMED), List.of(), List.of());

            assertThat(draft.justifications()).containsOnly(
                    entry(Facet.METHOD, Justification.SOURCES_AND_METHODS),
                    entry(Facet.TIME, Justification.DETAIL_UNCONFIRMED));
            assertThat(draft.gaps()).containsExactlyInAnyOrder(Facet.METHOD, Facet.TIME);
            assertThat(draft.unjustifiedGaps()).isEmpty();
            assertThat(draft.isApprovable()).isTrue();
            assertThat(draft.statedWindow()).isEmpty();
            assertThat(draft.text()).doesNotContain("March");
        }

        @Test
        void onlyTheLoweredFacetNeedsAJustification() {
            Draft draft = SANITIZER.draft(R1, FOREIGN_GOVERNMENT, ceilingOf(FOREIGN_GOVERNMENT),
                    Map.of(Facet.ACTOR, Facet.ACTOR.level("type"), Facet.PLACE, Facet.PLACE.level("country")),
                    Map.of(Facet.ACTOR, Justification.SOURCES_AND_METHODS), List.of(), List.of());

            assertThat(draft.obstacles()).containsExactly(
                    "place is released at country, below the ceiling locality, without a justification");
            assertThat(draft.releasedPlace()).isEqualTo(Places.place().country("RU").build());
        }

        @Test
        void aRequestAboveTheCeilingIsHeldAtTheCeiling() {
            Draft draft = SANITIZER.draft(R1, PUBLIC, ceilingOf(PUBLIC),
                    Map.of(Facet.METHOD, Facet.METHOD.top(), Facet.ACTOR, Facet.ACTOR.top()), Map.of(), List.of(), List.of());

            assertThat(draft.released()).isEqualTo(draft(R1, PUBLIC).released());
            assertThat(draft.text()).doesNotContain("armed assault").doesNotContain("Khorasan");
        }
    }

    @Nested
    class NotStatedByTheReport {

        @Test
        void aLevelTheReportSkipsIsJustifiedAsNotStatedNotAsALeak() {
            // A site and a country, nothing in between: the public may hear the locality, the report names none.
            ThreatReport report = Reports.report(Places.place().site("Crocus City Hall").country("RU").build(),
                    "named", "Crocus City Hall", "category", "mass gatherings");

            Draft draft = draft(report, PUBLIC);

            assertThat(draft.released().get(Facet.PLACE)).isEqualTo(Facet.PLACE.level("country"));
            assertThat(draft.released().get(Facet.TARGET)).isEqualTo(Facet.TARGET.level("category"));
            assertThat(draft.justifications()).containsOnly(entry(Facet.PLACE, Justification.NOT_STATED),
                    entry(Facet.TARGET, Justification.NOT_STATED));
            assertThat(draft.isApprovable()).isTrue();
        }
    }

    @Nested
    class LoweredByTheLeakCheck {

        @Test
        void aStatementContainingAProtectedTermIsSteppedDownToTheNextLevel() {
            ThreatReport report = protect(R1, "Khorasan");

            Draft draft = draft(report, FOREIGN_GOVERNMENT);

            assertThat(draft.released().get(Facet.ACTOR)).isEqualTo(Facet.ACTOR.level("type"));
            assertThat(draft.justifications()).containsOnly(entry(Facet.ACTOR, Justification.LEAK_CHECK));
            assertThat(draft.gaps()).containsExactly(Facet.ACTOR);
            assertThat(draft.isApprovable()).isTrue();
            assertThat(draft.text()).contains("Suspected perpetrators: terrorist group.").doesNotContainIgnoringCase("khorasan");
            assertThat(draft.released().get(Facet.METHOD)).as("other facets are untouched").isEqualTo(Facet.METHOD.top());
        }

        @Test
        void aProtectedVenueNameKeepsBothPlaceAndTargetAboveTheVenue() {
            ThreatReport report = protect(AT_CROCUS, "Crocus");

            Draft draft = draft(report, VENUE_OPERATOR);

            assertThat(draft.released().get(Facet.PLACE)).isEqualTo(Facet.PLACE.level("locality"));
            assertThat(draft.released().get(Facet.TARGET)).isEqualTo(Facet.TARGET.level("class"));
            assertThat(draft.justifications()).containsOnly(
                    entry(Facet.PLACE, Justification.LEAK_CHECK), entry(Facet.TARGET, Justification.LEAK_CHECK));
            assertThat(draft.releasedPlace().at(PlaceLevel.SITE)).isEmpty();
            assertThat(draft.releasedPlace()).hasToString("Krasnogorsk, Moscow Oblast, RU");
            assertThat(draft.text()).doesNotContainIgnoringCase("crocus").contains("Targets: concert halls. Area: Krasnogorsk, Moscow Oblast, Russia.");
        }

        @Test
        void theSanitizerWalksDownPastEveryLevelThatLeaks() {
            // the site's wording names its locality too, so both leak
            ThreatReport report = protect(AT_CROCUS, "Krasnogorsk");

            Draft draft = draft(report, VENUE_OPERATOR);

            assertThat(draft.released().get(Facet.PLACE)).isEqualTo(Facet.PLACE.level("region"));
            assertThat(draft.justifications()).containsOnly(entry(Facet.PLACE, Justification.LEAK_CHECK));
            assertThat(draft.releasedPlace()).hasToString("Moscow Oblast, RU");
            assertThat(draft.released().get(Facet.TARGET)).isEqualTo(Facet.TARGET.level("named"));
        }

        @Test
        void aProtectedDateWidensTheStatedTimeUntilItNoLongerShows() {
            // the meeting was overheard for the evening of 22 March; that date must not show
            ThreatReport report = protect(withWindow(AT_CROCUS,
                    new TimeWindow(moscow("2024-03-22T18:00"), moscow("2024-03-22T22:00"))), "22 March");

            Draft draft = draft(report, VENUE_OPERATOR);

            assertThat(draft.released().get(Facet.TIME)).isEqualTo(Facet.TIME.level("week"));
            assertThat(draft.justifications()).containsEntry(Facet.TIME, Justification.LEAK_CHECK);
            assertThat(draft.statedWindow()).hasValue(new TimeWindow(moscow("2024-03-18T00:00"), moscow("2024-03-25T00:00")));
            assertThat(draft.text()).contains("Dates: from 18 March 2024 to 24 March 2024.").doesNotContain("22 March");
        }

        @Test
        void aFacetWhoseEveryLevelLeaksIsReleasedAtNone() {
            ThreatReport countryLeaks = protect(R1, "RU");
            ThreatReport actorLeaks = protect(withStatements(R1, Facet.ACTOR,
                    "named", "Islamic State Khorasan Province", "type", "Khorasan-based terrorist group"), "Khorasan");

            Draft noPlace = draft(countryLeaks, PUBLIC);
            Draft noActor = draft(actorLeaks, FOREIGN_GOVERNMENT);

            assertThat(noPlace.released().get(Facet.PLACE)).isEqualTo(Facet.PLACE.none());
            assertThat(noPlace.releasedPlace().isEmpty()).isTrue();
            assertThat(noPlace.justifications()).containsOnly(entry(Facet.PLACE, Justification.LEAK_CHECK));
            assertThat(noPlace.text()).isEqualTo("Security alert: credible threat to life. Threat: attack. Suspected perpetrators: "
                    + "terrorist group. Targets: concert halls. Dates: from 1 March 2024 to 31 March 2024.");
            assertThat(noActor.released().get(Facet.ACTOR)).isEqualTo(Facet.ACTOR.none());
            assertThat(noActor.justifications()).containsOnly(entry(Facet.ACTOR, Justification.LEAK_CHECK));
            assertThat(noActor.text()).doesNotContainIgnoringCase("khorasan").doesNotContain(" by ");
            assertThat(noPlace.isApprovable()).isTrue();
            assertThat(noActor.isApprovable()).isTrue();
        }

        @Test
        void noReleasableDraftEverContainsAProtectedTerm() {
            List<ThreatReport> reports = List.of(
                    protect(R1, "Khorasan", "concert halls"),
                    protect(R1, "RU", "assault"),
                    protect(AT_CROCUS, "Crocus", "Islamic State"),
                    protect(AT_CROCUS, "Krasnogorsk", "mass gatherings", "audience"),
                    protect(AT_CROCUS, "City Hall", "terrorist"),
                    protect(withWindow(AT_CROCUS, new TimeWindow(moscow("2024-03-22T18:00"), moscow("2024-03-22T22:00"))),
                            "22 March", "18:00", "Moscow Oblast"));
            List<Map<Facet, Level>> requests = List.of(Map.of(), Map.of(Facet.PLACE, Facet.PLACE.level("country")),
                    Map.of(Facet.TARGET, Facet.TARGET.level("category"), Facet.TIME, Facet.TIME.level("month")));
            int released = 0;
            for (ThreatReport report : reports) {
                List<String> terms = report.protectedMaterial().terms();
                for (var audience : POLICY.audiences().entrySet()) {
                    for (Map<Facet, Level> request : requests) {
                        Map<Facet, Justification> justified = new EnumMap<>(Facet.class);
                        request.keySet().forEach(facet -> justified.put(facet, Justification.SOURCES_AND_METHODS));
                        Draft draft = SANITIZER.draft(report, audience.getKey(), audience.getValue(), request, justified, List.of(), List.of());

                        assertThat(draft.isApprovable()).as("%s for %s, terms %s", draft.text(), audience.getKey(), terms)
                                .isTrue();
                        assertThat(terms).allSatisfy(term -> assertThat(draft.text().toLowerCase(Locale.ROOT))
                                .as("draft for %s", audience.getKey()).doesNotContain(term.toLowerCase(Locale.ROOT)));
                        assertThat(LeakCheck.forReport(report).check(draft.text()).isBlocked()).isFalse();
                        released++;
                    }
                }
            }
            assertThat(released).isEqualTo(reports.size() * POLICY.audiences().size() * requests.size());
        }

        @Test
        void aTermThatShowsOnlyWhereTwoStatementsMeetBlocksTheDraft() {
            // neither "concert halls" nor "Moscow" leaks alone, but the text joins them
            ThreatReport report = protect(R1, "concert halls area Moscow");

            Draft draft = draft(report, PUBLIC);

            assertThat(draft.justifications()).isEmpty();
            assertThat(draft.leak().isBlocked()).isTrue();
            assertThat(draft.isApprovable()).isFalse();
            assertThat(draft.obstacles()).containsExactly("the leak check blocks the text");
            assertThat(String.join(" ", draft.obstacles())).doesNotContain("terrorist");
        }
    }

    private static Draft draft(ThreatReport report, Audience audience) {
        return SANITIZER.draft(report, audience, ceilingOf(audience));
    }

    private static ReleaseCeiling ceilingOf(Audience audience) {
        return POLICY.ceiling(audience).orElseThrow();
    }

    private static ThreatReport protect(ThreatReport report, String... terms) {
        return new ThreatReport(report.id(), report.receivedAt(), report.harm(), report.credibility(), report.place(),
                report.window(), report.statements(), report.portions(),
                new ProtectedMaterial(List.of(), List.of(), List.of(terms)), report.synthetic());
    }

    private static ThreatReport withWindow(ThreatReport report, TimeWindow window) {
        return new ThreatReport(report.id(), report.receivedAt(), report.harm(), report.credibility(), report.place(),
                window, report.statements(), report.portions(), report.protectedMaterial(), report.synthetic());
    }

    private static ThreatReport withStatements(ThreatReport report, Facet facet, String... levelAndText) {
        Map<Level, String> byLevel = new LinkedHashMap<>();
        for (int i = 0; i < levelAndText.length; i += 2) {
            byLevel.put(facet.level(levelAndText[i]), levelAndText[i + 1]);
        }
        Map<Facet, Map<Level, String>> statements = new EnumMap<>(report.statements());
        statements.put(facet, byLevel);
        return new ThreatReport(report.id(), report.receivedAt(), report.harm(), report.credibility(), report.place(),
                report.window(), statements, report.portions(), report.protectedMaterial(), report.synthetic());
    }

    private static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }
}
