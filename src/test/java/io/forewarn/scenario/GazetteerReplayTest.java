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

    private static ReplayResult replay(String yaml) {
        return new Replay(ScenarioFile.parse("marmara-region.yaml", yaml), PolicyFile.defaultPolicy()).run(Mode.AS_RECORDED);
    }

    private static String marmara() throws IOException {
        try (InputStream in = GazetteerReplayTest.class.getResourceAsStream("/scenarios/marmara-region.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
