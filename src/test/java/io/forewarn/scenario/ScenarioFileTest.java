package io.forewarn.scenario;

import io.forewarn.party.Party;
import io.forewarn.party.Relationship;
import io.forewarn.place.Area;
import io.forewarn.place.LatLon;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.PlaceLevel;
import io.forewarn.obligation.Waiver;
import io.forewarn.obligation.WaiverTerms;
import io.forewarn.policy.WaiverReason;
import io.forewarn.report.Credibility;
import io.forewarn.report.Facet;
import io.forewarn.report.Harm;
import io.forewarn.report.Marking;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import io.forewarn.incident.Incident;
import io.forewarn.policy.Audience;
import io.forewarn.sanitize.Justification;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioFileTest {

    static Path resource(String name) {
        try {
            return Path.of(ScenarioFileTest.class.getResource("/scenarios/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDesignExampleParses() {
        Scenario scenario = ScenarioFile.load(resource("design-example.yaml"));

        assertThat(scenario.id()).isEqualTo("crocus-2024");
        assertThat(scenario.timezone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(scenario.sources()).hasSize(2);
        assertThat(scenario.delays()).isEqualTo(Delays.DEFAULT);
        assertThat(scenario.parties()).extracting(Party::id)
                .containsExactly("us-citizens-ru", "public-moscow", "ru-authorities", "crocus-city-hall");
        assertThat(scenario.events()).hasSize(5);
        assertThat(scenario.events().get(0)).isInstanceOf(ScenarioEvent.ReportReceived.class);
        assertThat(scenario.events().get(4)).isInstanceOf(ScenarioEvent.IncidentOccurred.class);
        assertThat(scenario.expectations()).containsOnlyKeys(Mode.AS_RECORDED);
        assertThat(scenario.expectations().get(Mode.AS_RECORDED)).containsExactly(
                new ExpectedFinding("warning-expired-before-incident", "us-citizens-ru"),
                new ExpectedFinding("below-ceiling-without-justification", "ru-authorities"),
                new ExpectedFinding("affected-party-never-warned", "crocus-city-hall"));

        ScenarioEvent.RecordedWarning liaison = (ScenarioEvent.RecordedWarning) scenario.events().get(3);
        assertThat(liaison.to()).containsExactly("ru-authorities");
        // no valid-for: valid for the rest of R-1's threat window, 7 March 21:00 to 31 March 00:00
        assertThat(liaison.validFor()).isEqualTo(Duration.ofDays(23).plusHours(3));
        ScenarioEvent.IncidentOccurred incident = (ScenarioEvent.IncidentOccurred) scenario.events().get(4);
        assertThat(incident.incident().id()).isEqualTo("incident-1");
        assertThat(incident.at()).isEqualTo(Instant.parse("2024-03-22T16:58:00Z"));
    }

    @Test
    void theSmallScenarioParsesIntoTheModel() {
        Scenario scenario = ScenarioFile.load(resource("small.yaml"));

        assertThat(scenario.id()).isEqualTo("small-test");
        assertThat(scenario.title()).isEqualTo("A small scenario exercising every kind of event");
        assertThat(scenario.sources()).containsExactly("made up for a test");
        assertThat(scenario.delays()).isEqualTo(new Delays(Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofMinutes(30), Duration.ofHours(1)));
        assertThat(scenario.expectations()).isEqualTo(Map.of(
                Mode.AS_RECORDED, List.of(new ExpectedFinding("warning-expired-before-incident", "citizens"),
                        new ExpectedFinding("waiver-without-alternative", "crocus-city-hall")),
                Mode.AS_POLICY, List.of()));
        assertThat(scenario.events()).extracting(ScenarioEvent::at).containsExactly(
                Instant.parse("2024-03-07T05:00:00Z"),   // 08:00 Moscow time is 05:00 UTC
                Instant.parse("2024-03-07T09:00:00Z"),
                Instant.parse("2024-03-07T17:00:00Z"),   // written with an explicit +03:00
                Instant.parse("2024-03-07T18:00:00Z"),
                Instant.parse("2024-03-08T10:00:00Z"),   // written in UTC
                Instant.parse("2024-03-22T16:58:00Z"));  // written with a space instead of T
    }

    @Test
    void parties() {
        Map<String, Party> parties = partiesById(ScenarioFile.load(resource("small.yaml")));

        Party.Registrants citizens = (Party.Registrants) parties.get("citizens");
        assertThat(citizens.count()).isEqualTo(5000);
        assertThat(citizens.synthetic()).isTrue();
        assertThat(citizens.audience()).isEqualTo(new Audience("own-citizens"));
        assertThat(citizens.relationship()).isEqualTo(Relationship.NEUTRAL);
        assertThat(citizens.place().levels()).isEqualTo(Map.of(PlaceLevel.COUNTRY, NamedPlace.named("RU")));

        Party.Authority authorities = (Party.Authority) parties.get("ru-authorities");
        assertThat(authorities.relationship()).isEqualTo(Relationship.ADVERSARIAL);
        assertThat(authorities.channel()).isEqualTo("liaison");

        Party.Venue crocus = (Party.Venue) parties.get("crocus-city-hall");
        assertThat(crocus.kinds()).containsExactly("concert hall", "exhibition centre");
        assertThat(crocus.place().levels().keySet())
                .containsExactly(PlaceLevel.SITE, PlaceLevel.LOCALITY, PlaceLevel.REGION, PlaceLevel.COUNTRY);
        // the top-level lat/lon/radius-m belongs to the most specific level, the site, in kilometres
        assertThat(crocus.place().at(PlaceLevel.SITE).orElseThrow()).isEqualTo(new NamedPlace("Crocus City Hall",
                Optional.of(new Area.Circle(new LatLon(55.826, 37.389), 0.4))));
        assertThat(crocus.place().at(PlaceLevel.LOCALITY).orElseThrow().area()).isEmpty();

        Party.Authority police = (Party.Authority) parties.get("oblast-police");
        assertThat(police.channel()).isEqualTo("email");
        assertThat(police.relationship()).isEqualTo(Relationship.ALLY);
        assertThat(police.place().mostSpecificArea().orElseThrow()).isEqualTo(Map.entry(PlaceLevel.REGION,
                new Area.Polygon(List.of(new LatLon(56.9, 35.1), new LatLon(56.9, 40.2), new LatLon(54.2, 40.2),
                        new LatLon(54.2, 35.1)))));
    }

    @Test
    void report() {
        Scenario scenario = ScenarioFile.load(resource("small.yaml"));
        ThreatReport report = ((ScenarioEvent.ReportReceived) scenario.events().get(0)).report();

        assertThat(report.id()).isEqualTo("R-1");
        assertThat(report.receivedAt()).isEqualTo(Instant.parse("2024-03-07T05:00:00Z"));
        assertThat(report.harm()).isEqualTo(Harm.KILLING);
        assertThat(report.credibility()).isEqualTo(Credibility.of("B2"));
        assertThat(report.synthetic()).isTrue();
        assertThat(report.window()).isEqualTo(new TimeWindow(Instant.parse("2024-03-06T21:00:00Z"),
                Instant.parse("2024-03-30T21:00:00Z")));
        assertThat(report.place().mostSpecificArea().orElseThrow()).isEqualTo(Map.entry(PlaceLevel.LOCALITY,
                new Area.Circle(new LatLon(55.756, 37.617), 40)));
        assertThat(report.place().at(PlaceLevel.REGION).orElseThrow()).isEqualTo(NamedPlace.named("Moscow Oblast"));
        assertThat(report.statements().get(Facet.ACTOR)).isEqualTo(Map.of(
                Facet.ACTOR.level("named"), "Islamic State Khorasan Province",
                Facet.ACTOR.level("type"), "terrorist group"));
        assertThat(report.supportedLevel(Facet.TARGET)).isEqualTo(Facet.TARGET.level("class"));
        assertThat(report.supportedLevel(Facet.METHOD)).isEqualTo(Facet.METHOD.level("specific"));
        assertThat(report.portions()).extracting(p -> p.marking()).containsExactly(Marking.PUBLIC, Marking.PROTECTED);
        assertThat(report.protectedMaterial().terms()).containsExactly("intercept selector");
        assertThat(report.protectedMaterial().sources()).containsExactly("source codename");
        assertThat(report.protectedMaterial().methods()).containsExactly("signals collection");
    }

    @Test
    void warningsWaiversAndIncidents() {
        Scenario scenario = ScenarioFile.load(resource("small.yaml"));

        assertThat(scenario.events().get(1)).isEqualTo(new ScenarioEvent.Countermeasure(
                Instant.parse("2024-03-07T09:00:00Z"), "FSB reports two persons killed near Moscow"));

        ScenarioEvent.RecordedWarning warning = (ScenarioEvent.RecordedWarning) scenario.events().get(2);
        assertThat(warning.to()).containsExactly("citizens", "public-moscow");
        assertThat(warning.report()).contains("R-1");
        assertThat(warning.validFor()).isEqualTo(Duration.ofHours(48));
        assertThat(warning.released()).isEqualTo(Map.of(Facet.PLACE, Facet.PLACE.level("locality"),
                Facet.TIME, Facet.TIME.level("week"), Facet.TARGET, Facet.TARGET.level("class"),
                Facet.METHOD, Facet.METHOD.none(), Facet.ACTOR, Facet.ACTOR.none()));
        assertThat(warning.text()).contains("avoid large gatherings in Moscow over the next 48 hours");
        assertThat(warning.window()).contains(new TimeWindow(Instant.parse("2024-03-07T17:00:00Z"),
                Instant.parse("2024-03-09T17:00:00Z")));
        assertThat(warning.justifications()).isEqualTo(
                Map.of(Facet.METHOD, Justification.SOURCES_AND_METHODS, Facet.ACTOR, Justification.SOURCES_AND_METHODS));
        assertThat(warning.synthetic()).isFalse();

        ScenarioEvent.RecordedWarning liaison = (ScenarioEvent.RecordedWarning) scenario.events().get(3);
        assertThat(liaison.report()).isEmpty();
        assertThat(liaison.validFor()).isEqualTo(Duration.ofDays(23).plusHours(3)); // the rest of R-1's window
        assertThat(liaison.text()).isEmpty();
        assertThat(liaison.window()).isEmpty();
        assertThat(liaison.justifications()).isEmpty();
        assertThat(liaison.synthetic()).isTrue();

        assertThat(scenario.events().get(4)).isEqualTo(new ScenarioEvent.RecordedWaiver(
                Instant.parse("2024-03-08T10:00:00Z"), Optional.of("R-1"), "crocus-city-hall",
                new WaiverTerms(WaiverReason.UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL, Waiver.Scope.NOT_WARNED,
                        Optional.of("warned the authorities through liaison")), "analyst", "director", true));

        Incident incident = ((ScenarioEvent.IncidentOccurred) scenario.events().get(5)).incident();
        assertThat(incident.id()).isEqualTo("incident-1");
        assertThat(incident.at()).isEqualTo(Instant.parse("2024-03-22T16:58:00Z"));
        assertThat(incident.place().toString()).isEqualTo("Crocus City Hall, Krasnogorsk");
        assertThat(incident.method()).isEqualTo("firearms and arson");
        assertThat(incident.target()).contains("concert hall");
        assertThat(incident.claimedBy()).contains("Islamic State");
        assertThat(incident.casualties()).isEqualTo(new Incident.Casualties(OptionalInt.of(4), OptionalInt.of(137),
                OptionalInt.of(182), OptionalInt.of(11)));
    }

    static Map<String, Party> partiesById(Scenario scenario) {
        return scenario.parties().stream().collect(java.util.stream.Collectors.toMap(Party::id, p -> p));
    }
}
