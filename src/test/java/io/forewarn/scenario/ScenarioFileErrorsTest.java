package io.forewarn.scenario;

import io.forewarn.yaml.FileProblem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.forewarn.yaml.Problems.problemOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Each test breaks one line of a valid scenario and asserts the exact file:line:column message. */
class ScenarioFileErrorsTest {

    private static final List<String> VALID = List.of(
            "scenario: t",                                                                                   // 1
            "title: test",                                                                                   // 2
            "timezone: Europe/Moscow",                                                                       // 3
            "parties:",                                                                                      // 4
            "  - {id: citizens, kind: registrants, audience: own-citizens, area: {country: RU}, count: 10}", // 5
            "  - {id: hall, kind: venue, audience: venue-operator, place: {site: Hall, lat: 55.8, lon: 37.4}}", // 6
            "events:",                                                                                       // 7
            "  - at: 2024-03-07T08:00",                                                                      // 8
            "    report:",                                                                                   // 9
            "      id: R-1",                                                                                 // 10
            "      credibility: B2",                                                                         // 11
            "      harm: killing",                                                                           // 12
            "      actor: {type: terrorist group}",                                                          // 13
            "      target: {category: mass gatherings}",                                                     // 14
            "      method: {generic: attack}",                                                               // 15
            "      place: {locality: Moscow}",                                                               // 16
            "      time: {from: 2024-03-07T00:00, to: 2024-03-31T00:00}",                                    // 17
            "  - at: 2024-03-07T20:00",                                                                      // 18
            "    warning: {to: [citizens], released: {place: locality, time: week, target: category, "
                    + "method: generic, actor: type}}",                                                      // 19
            "  - at: 2024-03-22T19:58",                                                                      // 20
            "    incident: {place: {site: Hall}, method: firearms}",                                         // 21
            "expect:",                                                                                       // 22
            "  - {finding: warning-expired-before-incident, party: citizens}");                              // 23

    private static String with(int line, String... replacement) {
        List<String> lines = new ArrayList<>(VALID);
        lines.remove(line - 1);
        lines.addAll(line - 1, Arrays.asList(replacement));
        return String.join("\n", lines) + "\n";
    }

    private static FileProblem problem(int line, String... replacement) {
        return problemOf(() -> ScenarioFile.parse("s.yaml", with(line, replacement)));
    }

    @Test
    void theBaseScenarioIsValid() {
        assertThat(ScenarioFile.parse("s.yaml", String.join("\n", VALID)).events()).hasSize(3);
    }

    @Test
    void unknownPartyInAWarning() {
        assertThat(problem(19, "    warning: {to: [citizens, venue-crocus], released: {place: locality, time: week, "
                + "target: category, method: generic, actor: type}}").getMessage())
                .isEqualTo("s.yaml:19:30: events[1].warning.to[1]: unknown party 'venue-crocus' "
                        + "(parties: citizens, hall)");
    }

    @Test
    void aDeliveryToAnUnknownPartyOrWithoutAChannel() {
        assertThat(problem(21, "    delivery: {to: [citizens, hal], channel: liaison}").getMessage())
                .isEqualTo("s.yaml:21:31: events[2].delivery.to[1]: unknown party 'hal' (parties: citizens, hall)");
        assertThat(problem(21, "    delivery: {to: [citizens]}").getMessage())
                .isEqualTo("s.yaml:21:15: events[2].delivery: missing required key 'channel'");
        assertThat(problem(21, "    acknowledgement: {by: []}").getMessage())
                .isEqualTo("s.yaml:21:27: events[2].acknowledgement.by: an acknowledgement is made by at least one party");
    }

    @Test
    void aDeliveryChannelThatRevealsProtectedMaterialIsRefusedWithoutRepeatingIt() {
        FileProblem problem = problemOf(() -> ScenarioFile.parse("crocus.yaml", io.forewarn.Crocus.SCENARIO_TEXT
                .replace("      channel: liaison", "      channel: the NIGHTJAR courier")));

        assertThat(problem.getMessage()).endsWith(".delivery.channel: the channel reveals protected material of "
                + "report R-1; say it without it").doesNotContainIgnoringCase("nightjar");
    }

    @Test
    void aWaiverAlternativeThatRevealsProtectedMaterialIsRefusedWithoutRepeatingIt() {
        FileProblem problem = problemOf(() -> ScenarioFile.parse("crocus.yaml", io.forewarn.Crocus.SCENARIO_TEXT
                .replace("  - at: 2024-03-22T19:58\n", "  - at: 2024-03-08T09:00\n    waiver: {party: crocus-city-hall, "
                        + "reason: unduly-endangers-sources-or-personnel, alternative: told the venue what Nightjar said, "
                        + "requested-by: analyst, approved-by: director}\n  - at: 2024-03-22T19:58\n")));

        assertThat(problem.getMessage()).endsWith(".waiver.alternative: the alternative reveals protected material of "
                + "report R-1; say it without it").doesNotContainIgnoringCase("nightjar");
    }

    @Test
    void aCountermeasureThatRevealsProtectedMaterialIsRefusedWithoutRepeatingIt() {
        FileProblem problem = problemOf(() -> ScenarioFile.parse("crocus.yaml", io.forewarn.Crocus.SCENARIO_TEXT
                .replace("countermeasure: FSB announces", "countermeasure: after TELEMARK 7, FSB announces")));

        assertThat(problem.getMessage()).endsWith(".countermeasure: the countermeasure reveals protected material of "
                + "report R-1; say it without it").doesNotContainIgnoringCase("telemark");
    }

    @Test
    void aWaiverWithAnUnknownScope() {
        assertThat(problem(21, "    waiver: {party: citizens, reason: victim-already-aware, scope: partly, "
                + "requested-by: ann, approved-by: approver}").getMessage())
                .isEqualTo("s.yaml:21:68: events[2].waiver.scope: unknown scope 'partly'; expected one of: "
                        + "not-warned, less-specific");
    }

    @Test
    void unknownReportInAWarning() {
        assertThat(problem(19, "    warning: {to: [citizens], report: R-9, released: {place: locality, time: week, "
                + "target: category, method: generic, actor: type}}").getMessage())
                .isEqualTo("s.yaml:19:39: events[1].warning.report: unknown report 'R-9' (reports: R-1)");
    }

    @Test
    void warningAnsweringAReportReceivedLater() {
        assertThat(problem(18, "  - at: 2024-03-07T07:00").getMessage())
                .isEqualTo("s.yaml:19:14: events[1].warning: no report has been received by this time; "
                        + "name the report it answers with report:");
    }

    @Test
    void warningWithoutValidityIsValidForTheRestOfTheThreatWindow() {
        ScenarioEvent.RecordedWarning warning = (ScenarioEvent.RecordedWarning) ScenarioFile
                .parse("s.yaml", String.join("\n", VALID)).events().get(1);

        assertThat(warning.validFor()).isEqualTo(java.time.Duration.ofDays(23).plusHours(4)); // 7 Mar 20:00 to 31 Mar
    }

    @Test
    void warningWithoutValidityAfterTheThreatWindow() {
        assertThat(problem(18, "  - at: 2024-04-02T20:00").getMessage())
                .isEqualTo("s.yaml:19:14: events[1].warning: the threat window of report 'R-1' ended "
                        + "(2024-03-30T21:00:00Z) before this warning; state valid-for");
    }

    @Test
    void duplicatePartyId() {
        assertThat(problem(6, "  - {id: citizens, kind: public, audience: public, area: {locality: Moscow}}").getMessage())
                .isEqualTo("s.yaml:6:10: parties[1].id: party id 'citizens' is already used (line 5)");
    }

    @Test
    void duplicateReportId() {
        FileProblem problem = problem(20,
                "  - at: 2024-03-08T08:00",
                "    report: {id: R-1, credibility: B2, harm: killing, actor: {type: x}, target: {category: y},",
                "             method: {generic: z}, place: {country: RU}, time: {from: 2024-03-08, to: 2024-03-09}}",
                "  - at: 2024-03-22T19:58");

        assertThat(problem.getMessage()).isEqualTo("s.yaml:21:18: events[2].report.id: report id 'R-1' is already used "
                + "(line 10)");
    }

    @Test
    void duplicateIncidentIdIncludingADefaultOne() {
        FileProblem problem = problem(21,
                "    incident: {place: {site: Hall}, method: firearms}",
                "  - at: 2024-03-22T20:30",
                "    incident: {id: incident-1, place: {site: Hall}, method: arson}");

        assertThat(problem.getMessage()).isEqualTo("s.yaml:23:20: events[3].incident.id: incident id 'incident-1' "
                + "is already used (line 21)");
    }

    @Test
    void badReleasedLevel() {
        assertThat(problem(19, "    warning: {to: [citizens], released: {place: city, time: week, target: category, "
                + "method: generic, actor: type}}").getMessage())
                .isEqualTo("s.yaml:19:49: events[1].warning.released.place: unknown place level 'city'; "
                        + "expected one of: site, locality, region, country, none");
    }

    @Test
    void releasedMissingAFacet() {
        assertThat(problem(19, "    warning: {to: [citizens], released: {place: locality, time: week}}").getMessage())
                .isEqualTo("s.yaml:19:41: events[1].warning.released: missing a level for target "
                        + "(every facet needs one: place, time, target, method, actor)");
    }

    @Test
    void badStatementLevel() {
        assertThat(problem(13, "      actor: {group: Islamic State}").getMessage())
                .isEqualTo("s.yaml:13:15: events[0].report.actor: unknown actor level 'group'; "
                        + "expected one of: named, type, none");
    }

    @Test
    void reportWindowEndingBeforeItStarts() {
        assertThat(problem(17, "      time: {from: 2024-03-31T00:00, to: 2024-03-07T00:00}").getMessage())
                .isEqualTo("s.yaml:17:13: events[0].report.time: the window ends (2024-03-07T00:00) before or "
                        + "when it starts (2024-03-31T00:00)");
    }

    @Test
    void credibilityG7() {
        assertThat(problem(11, "      credibility: G7").getMessage())
                .isEqualTo("s.yaml:11:20: events[0].report.credibility: 'G7' is not an Admiralty code "
                        + "(A-F then 1-6, e.g. B2)");
    }

    @Test
    void waiverApprovedByARoleThatDoesNotExist() {
        assertThat(problem(20, "  - at: 2024-03-07T09:00",
                "    waiver: {party: citizens, reason: victim-already-aware, requested-by: analyst, "
                        + "approved-by: deputy director}",
                "  - at: 2024-03-22T19:58").getMessage())
                .startsWith("s.yaml:21:97: ").contains("unknown role 'deputy director'");
    }

    @Test
    void unknownJustificationInARecordedWarning() {
        assertThat(problem(19, "    warning: {to: [citizens], released: {place: locality, time: week, target: category, "
                + "method: generic, actor: type}, justifications: {time: because}}").getMessage())
                .startsWith("s.yaml:19:").contains("unknown justification 'because'");
    }

    @Test
    void negativeCasualtyFigure() {
        assertThat(problem(21, "    incident: {place: {site: Hall}, method: firearms, killed: -3}").getMessage())
                .isEqualTo("s.yaml:21:63: events[2].incident.killed: must not be negative, not -3");
    }

    @Test
    void casualtyFigureThatIsNotAWholeNumber() {
        assertThat(problem(21, "    incident: {place: {site: Hall}, method: firearms, injured: many}").getMessage())
                .isEqualTo("s.yaml:21:64: events[2].incident.injured: expected a whole number, found a string");
    }

    @Test
    void unknownHarm() {
        assertThat(problem(12, "      harm: fright").getMessage())
                .isEqualTo("s.yaml:12:13: events[0].report.harm: unknown harm 'fright'; "
                        + "expected one of: killing, serious-bodily-injury, kidnapping, other");
    }

    @Test
    void reportValidationIsReportedAtTheReportWithTheField() {
        assertThat(problem(15, "      # no method").getMessage())
                .isEqualTo("s.yaml:10:7: events[0].report: report 'R-1' is invalid: method: needs at least one "
                        + "level (specific, generic)");
    }

    @Test
    void unknownKeysInAReport() {
        assertThat(problem(12, "      harms: killing").getMessage())
                .isEqualTo("s.yaml:12:7: events[0].report: unknown key 'harms' (allowed: id, synthetic, credibility, "
                        + "harm, actor, target, method, place, time, portions, protected)");
    }

    @Test
    void eventWithTwoKinds() {
        assertThat(problem(21, "    countermeasure: arrests",
                "    incident: {place: {site: Hall}, method: firearms}").getMessage())
                .isEqualTo("s.yaml:22:5: events[2]: an event has exactly one of report, countermeasure, warning, "
                        + "delivery, acknowledgement, waiver, incident; this one already has 'countermeasure'");
    }

    @Test
    void eventWithoutAKind() {
        assertThat(problem(21, "    # nothing happens").getMessage())
                .isEqualTo("s.yaml:20:5: events[2]: an event needs one of report, countermeasure, warning, delivery, "
                        + "acknowledgement, waiver, incident");
    }

    @Test
    void badTime() {
        assertThat(problem(20, "  - at: 22 March 2024").getMessage())
                .isEqualTo("s.yaml:20:9: events[2].at: '22 March 2024' is not a time (e.g. 2024-03-07T08:00, local "
                        + "to Europe/Moscow, or 2024-03-07T08:00+03:00)");
    }

    @Test
    void localTimeSkippedByAClockChange() {
        String yaml = with(3, "timezone: Europe/Berlin").replace("2024-03-22T19:58", "2024-03-31T02:30");

        assertThat(problemOf(() -> ScenarioFile.parse("s.yaml", yaml)).getMessage())
                .isEqualTo("s.yaml:20:9: events[2].at: 2024-03-31T02:30 does not exist in Europe/Berlin "
                        + "(the clocks skip it); give an offset");
    }

    @Test
    void badTimezone() {
        assertThat(problem(3, "timezone: Europe/Moskva").getMessage())
                .isEqualTo("s.yaml:3:11: timezone: 'Europe/Moskva' is not a time zone (e.g. Europe/Moscow, UTC, +03:00)");
    }

    @Test
    void latitudeOutOfRange() {
        assertThat(problem(6, "  - {id: hall, kind: venue, audience: venue-operator, place: {site: Hall, lat: 95.8, "
                + "lon: 37.4}}").getMessage())
                .isEqualTo("s.yaml:6:80: parties[1].place.lat: latitude must be between -90 and 90, not 95.8");
    }

    @Test
    void latWithoutLon() {
        assertThat(problem(6, "  - {id: hall, kind: venue, audience: venue-operator, place: {site: Hall, lat: 55.8}}")
                .getMessage())
                .isEqualTo("s.yaml:6:80: parties[1].place.lat: lat and lon go together; give both");
    }

    @Test
    void bothRadiusUnits() {
        assertThat(problem(6, "  - {id: hall, kind: venue, audience: venue-operator, place: {site: Hall, lat: 55.8, "
                + "lon: 37.4, radius-km: 1, radius-m: 400}}").getMessage())
                .isEqualTo("s.yaml:6:121: parties[1].place.radius-m: give radius-km or radius-m, not both");
    }

    @Test
    void polygonTooSmall() {
        assertThat(problem(16, "      place: {locality: {name: Moscow, polygon: [[55.1, 37.1], [55.2, 37.2]]}}")
                .getMessage())
                .isEqualTo("s.yaml:16:49: events[0].report.place.locality.polygon: a polygon needs at least three "
                        + "[lat, lon] points, not 2");
    }

    @Test
    void placeWithoutALevel() {
        assertThat(problem(16, "      place: {lat: 55.7, lon: 37.6}").getMessage())
                .isEqualTo("s.yaml:16:14: events[0].report.place: a place needs at least one of site, locality, "
                        + "region, country");
    }

    @Test
    void unknownPartyKindAndKeysOfAnotherKind() {
        assertThat(problem(5, "  - {id: citizens, kind: citizens, audience: own-citizens, area: {country: RU}}")
                .getMessage())
                .isEqualTo("s.yaml:5:26: parties[0].kind: unknown party kind 'citizens' "
                        + "(kinds: registrants, public, authority, venue)");
        assertThat(problem(6, "  - {id: hall, kind: venue, audience: venue-operator, area: {site: Hall}}").getMessage())
                .isEqualTo("s.yaml:6:55: parties[1]: unknown key 'area' "
                        + "(allowed: id, kind, audience, relationship, synthetic, languages, known-as, place, kinds, contacts)");
    }

    /** A party's contacts are read as the API reads them: a bad one is a problem at its line, a secret never quoted. */
    @Test
    void aBadContactPointIsRefusedAtItsLine() {
        assertThat(problem(6, "  - {id: hall, kind: venue, audience: venue-operator, place: {site: Hall},",
                "     contacts: [{kind: email, address: the operator}]}").getMessage())
                .isEqualTo("s.yaml:7:17: parties[1].contacts[0]: contact point is invalid: not an email address: the operator");
        assertThat(problem(6, "  - {id: hall, kind: venue, audience: venue-operator, place: {site: Hall},",
                "     contacts: [{kind: webhook, address: \"https://hall.example/hook\", secret: whsec_c2hvcnQ=}]}").getMessage())
                .isEqualTo("s.yaml:7:17: parties[1].contacts[0]: contact point is invalid: a webhook secret holds 24 to 64 "
                        + "bytes; this one holds 5");
        assertThat(problem(6, "  - {id: hall, kind: venue, audience: venue-operator, place: {site: Hall},",
                "     contacts: [{kind: pigeon, address: loft 4}]}").getMessage())
                .contains("unknown contact kind 'pigeon'");
    }

    @Test
    void contactPointsAreKeptByParty() {
        Scenario read = ScenarioFile.parse("s.yaml", with(6,
                "  - {id: hall, kind: venue, audience: venue-operator, place: {site: Hall},",
                "     contacts: [{kind: email, address: ops@hall.invalid}, {kind: liaison, address: desk 4}]}"));
        assertThat(read.contacts()).containsOnlyKeys("hall");
        assertThat(read.contacts().get("hall")).containsExactly(new io.forewarn.party.ContactPoint.Email("ops@hall.invalid"),
                new io.forewarn.party.ContactPoint.Liaison("desk 4"));
    }

    @Test
    void unknownFindingAndUnknownPartyInExpect() {
        assertThat(problem(23, "  - {finding: warning-too-vague, party: citizens}").getMessage())
                .isEqualTo("s.yaml:23:15: expect[0].finding: unknown finding 'warning-too-vague'; expected one of: "
                        + "affected-party-never-warned, warning-expired-before-incident, renewal-missed, "
                        + "below-ceiling-without-justification, unequal-specificity, late-warning, "
                        + "waiver-without-alternative, waiver-improper, warning-not-delivered, expired-unwarned, "
                        + "incident-covered, coverage-unknown");
        assertThat(problem(23, "  - {finding: late-warning, party: nobody}").getMessage())
                .isEqualTo("s.yaml:23:36: expect[0].party: unknown party 'nobody' (parties: citizens, hall)");
    }

    @Test
    void unknownMarkingOfAPortion() {
        assertThat(problem(17, "      time: {from: 2024-03-07T00:00, to: 2024-03-31T00:00}",
                "      portions: [{marking: secret, text: x}]").getMessage())
                .isEqualTo("s.yaml:18:28: events[0].report.portions[0].marking: unknown marking 'secret'; "
                        + "expected one of: public, partner, protected");
    }

    @Test
    void unknownRelationshipOfAParty() {
        assertThat(problem(5, "  - {id: citizens, kind: registrants, audience: own-citizens, relationship: enemy, "
                + "area: {country: RU}, count: 10}").getMessage())
                .isEqualTo("s.yaml:5:77: parties[0].relationship: unknown relationship 'enemy'; "
                        + "expected one of: ally, neutral, adversarial");
    }

    @Test
    void unknownFacetInJustifications() {
        assertThat(problem(19, "    warning: {to: [citizens], released: {place: locality, time: week, target: category, "
                + "method: generic, actor: type}, justifications: {mood: waiver}}").getMessage())
                .isEqualTo("s.yaml:19:137: events[1].warning.justifications: unknown facet 'mood'; "
                        + "expected one of: place, time, target, method, actor");
    }

    @Test
    void codesAreReadStrippedAndInAnyCase() {
        Scenario scenario = ScenarioFile.parse("s.yaml", with(23,
                "  - {finding: ' Warning-Expired-Before-Incident ', party: citizens}",
                "  - {finding: LATE-WARNING, party: hall}").replace("harm: killing", "harm: Killing"));

        assertThat(scenario.expectations().get(Mode.AS_RECORDED)).containsExactly(
                new ExpectedFinding("warning-expired-before-incident", "citizens"),
                new ExpectedFinding("late-warning", "hall"));
    }

    @Test
    void aCodeKeyGivenTwiceInAnotherCaseIsRefused() {
        assertThat(problem(19, "    warning: {to: [citizens], released: {place: locality, time: week, target: category, "
                + "method: generic, actor: type}, justifications: {time: waiver, Time: waiver}}").getMessage())
                .isEqualTo("s.yaml:19:151: events[1].warning.justifications: facet 'time' is listed twice");
        assertThat(problem(13, "      actor: {type: terrorist group, Type: armed group}").getMessage())
                .isEqualTo("s.yaml:13:38: events[0].report.actor: level 'type' is listed twice");
    }

    @Test
    void unknownWaiverReason() {
        assertThat(problem(21, "    waiver: {party: hall, reason: too-busy, requested-by: a, approved-by: b}")
                .getMessage())
                .startsWith("s.yaml:21:35: events[2].waiver.reason: unknown waiver reason 'too-busy'; expected one of: ");
    }

    @Test
    void hostileScenarioFile() {
        FileProblem problem = problemOf(() -> ScenarioFile.parse("s.yaml", "scenario: &a [*a]\n"));

        assertThat(problem.getMessage()).isEqualTo("s.yaml:1:11: recursive alias: &a contains itself");
    }

    @Test
    void wrongTypeAtTheTop() {
        assertThat(problemOf(() -> ScenarioFile.parse("s.yaml", "- just\n- a list\n")).getMessage())
                .isEqualTo("s.yaml:1:1: expected a map, found a list");
    }
}
