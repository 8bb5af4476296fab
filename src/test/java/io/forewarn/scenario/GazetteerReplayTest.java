package io.forewarn.scenario;

import io.forewarn.policy.PolicyFile;
import io.forewarn.review.Finding;
import io.forewarn.review.FindingCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The review places named places through the gazetteer (issue 11, point 9). */
class GazetteerReplayTest {

    @Test
    void aWarningReleasedAtRegionLevelCoversAnIncidentRecordedAsACityInIt() throws IOException {
        ReplayResult run = replay(marmara());

        assertThat(run.produced()).containsExactly(new ExpectedFinding("incident-covered", "public-marmara"));
        assertThat(run.findings()).singleElement().satisfies(finding -> assertThat(finding.detail())
                .startsWith("warning W-1 was valid until 2026-05-05 09:00 +03:00 and its place and time contain the incident"));
        assertThat(run.expectations().met()).isTrue();
    }

    @Test
    void anIncidentAtANameTheGazetteerCannotPlaceIsCoverageUnknownNotUncovered() throws IOException {
        ReplayResult run = replay(marmara().replace("{locality: Istanbul, country: TR}", "{locality: Atlantis, country: TR}"));

        assertThat(run.produced()).containsExactly(new ExpectedFinding("coverage-unknown", "public-marmara"));
        Finding finding = run.findings().get(0);
        assertThat(finding.code()).isEqualTo(FindingCode.COVERAGE_UNKNOWN);
        assertThat(finding.detail()).isEqualTo("warning W-1 was valid at the incident, but whether its released place "
                + "(Marmara Region, TR) contains the incident's (Atlantis, TR) is unknown: gazetteer: cannot place "
                + "'Atlantis', so whether one lies within the other is unknown");
    }

    @Test
    void aReportWhosePlaceCannotBeComparedWithTheIncidentsIsReportedNotDropped() throws IOException {
        ReplayResult run = replay(marmara().replace("place:  {region: Marmara Region, country: TR}",
                        "place:  {region: Thrace Uplands}")
                .replace("area: {region: Marmara Region, country: TR}", "area: {region: Thrace Uplands}"));

        assertThat(run.produced()).containsExactly(new ExpectedFinding("coverage-unknown", "public-marmara"));
        assertThat(run.reviews().get(0).correlations()).singleElement().satisfies(correlation ->
                assertThat(correlation.reason()).contains("whether it happened where the report said is unknown"));
    }

    static final String VENUE_ONLY_IN_KRASNOGORSK = """
            scenario: oblast-and-town
            title: A report at a region and a venue recorded only by its town
            timezone: Europe/Moscow
            sources: [made up for a test]
            parties:
              - {id: town-hall, kind: venue, audience: venue-operator, kinds: [concert hall],
                 place: {site: Town Hall, locality: Krasnogorsk}}
              - {id: kazan-public, kind: public, audience: public, area: {locality: Kazan, country: RU}}
            events:
              - at: 2024-03-07T08:00
                report:
                  id: R-1
                  credibility: B2
                  harm: killing
                  actor:  {type: terrorist group}
                  target: {class: concert halls}
                  place:  {region: Moscow Oblast, country: RU}
                  time:   {from: 2024-03-07T00:00, to: 2024-03-31T00:00}
                  method: {generic: attack}
            """;

    @Test
    void aReportAtMoscowOblastObligatesAVenueRecordedOnlyInKrasnogorsk() {
        ReplayResult run = replay(VENUE_ONLY_IN_KRASNOGORSK);

        assertThat(run.casebook().obligations()).extracting(o -> o.partyId()).containsExactly("town-hall");
        assertThat(run.casebook().obligation("R-1", "town-hall").orElseThrow().history().get(0).note())
                .isEqualTo("place: gazetteer: Krasnogorsk, Moscow Oblast, RU (geonames:542374) lies within Moscow Oblast, "
                        + "RU (admin1:RU.47); target: class concert halls includes the venue's kind concert hall");
    }

    private static ReplayResult replay(String yaml) {
        return new Replay(ScenarioFile.parse("marmara-region.yaml", yaml), PolicyFile.defaultPolicy()).run(Mode.AS_RECORDED);
    }

    private static String marmara() throws IOException {
        try (InputStream in = GazetteerReplayTest.class.getResourceAsStream("/scenarios/marmara-region.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
