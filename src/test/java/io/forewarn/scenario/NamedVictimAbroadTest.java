package io.forewarn.scenario;

import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.Warning;
import io.forewarn.policy.PolicyFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped scenario {@code named-victim-abroad.yaml}: a report names a journalist registered in Berlin as the
 * target of an abduction in Istanbul, and the abduction is recorded only as "Istanbul". As recorded she is never
 * warned; as policy she is warned at the {@code individual} ceiling and covered.
 */
class NamedVictimAbroadTest {

    @Test
    void asRecordedTheNamedVictimRegisteredAbroadIsObligatedButNeverWarned() throws IOException {
        ReplayResult run = new Replay(scenario(), PolicyFile.defaultPolicy()).run(Mode.AS_RECORDED);

        assertThat(run.produced()).contains(new ExpectedFinding("affected-party-never-warned", "mara-kestenholz"));
        assertThat(run.findings()).filteredOn(f -> f.partyId().equals("mara-kestenholz")).singleElement()
                .satisfies(f -> assertThat(f.detail()).startsWith(
                        "affected (target: named Mara Kestenholz is the party's name Mara Kestenholz) but never warned"));
        assertThat(run.expectations().met()).isTrue();
    }

    @Test
    void asPolicyTheNamedVictimIsWarnedAtTheIndividualCeilingAndCovered() throws IOException {
        ReplayResult run = new Replay(scenario(), PolicyFile.defaultPolicy()).run(Mode.AS_POLICY);

        assertThat(run.produced()).contains(new ExpectedFinding("incident-covered", "mara-kestenholz"));
        Obligation obligation = run.casebook().obligation("R-1", "mara-kestenholz").orElseThrow();
        assertThat(obligation.audience().name()).isEqualTo("individual");
        Warning first = run.casebook().warningsTo("R-1", "mara-kestenholz").get(0);
        // the ceiling allows site, exact, named, specific, type; the report supports locality and month
        assertThat(first.released()).extractingFromEntries(e -> e.getKey().key() + "=" + e.getValue().name())
                .containsExactly("place=locality", "time=month", "target=named", "method=specific", "actor=type");
        assertThat(first.text()).isEqualTo("Security alert: credible threat of kidnapping. Method: abduction on arrival "
                + "and removal by car. Suspected perpetrators: foreign security service. Target: Mara Kestenholz. Area: "
                + "Istanbul, Turkey. Dates: from 1 September 2025 to 30 September 2025. What to do: vary your routes and "
                + "times, tell someone you trust where you are going, and do not travel alone.");
        assertThat(run.expectations().met()).isTrue();
    }

    static Scenario scenario() throws IOException {
        try (InputStream in = NamedVictimAbroadTest.class.getResourceAsStream("/scenarios/named-victim-abroad.yaml")) {
            return ScenarioFile.parse("named-victim-abroad.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

}
