package io.forewarn;

import io.forewarn.party.Party;
import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyFile;
import io.forewarn.report.ThreatReport;
import io.forewarn.scenario.Scenario;
import io.forewarn.scenario.ScenarioEvent;
import io.forewarn.scenario.ScenarioFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Test fixture: the Crocus City Hall case (DESIGN.md) as the shipped scenario
 * {@code /scenarios/crocus-2024.yaml} states it, under the default policy. Every package's tests
 * take the case from here; their own fixtures only add what is particular to the package.
 */
public final class Crocus {

    /** Where the case happens: the scenario's time zone. */
    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    /** When R-1 came in: 08:00 in Moscow on 7 March 2024. */
    public static final Instant RECEIVED = Instant.parse("2024-03-07T05:00:00Z");

    public static final Policy POLICY = PolicyFile.defaultPolicy();

    /** The text of the scenario file that ships with Forewarn. */
    public static final String SCENARIO_TEXT = resource("/scenarios/crocus-2024.yaml");

    public static final Scenario SCENARIO = ScenarioFile.parse("crocus-2024.yaml", SCENARIO_TEXT);

    /**
     * R-1 as the scenario states it: "in Moscow", loosely, against concert halls, threat window 7 to
     * 31 March (Moscow time), with three marked portions, protected terms, sources and methods.
     */
    public static final ThreatReport R1 = SCENARIO.events().stream()
            .filter(ScenarioEvent.ReportReceived.class::isInstance)
            .map(event -> ((ScenarioEvent.ReportReceived) event).report())
            .findFirst().orElseThrow();

    /** R-1 without its marked portions and protected material: only the facets. */
    public static final ThreatReport R1_UNMARKED = new ThreatReport(R1.id(), R1.receivedAt(), R1.harm(), R1.credibility(),
            R1.place(), R1.window(), R1.statements(), List.of(), null, R1.synthetic());

    /** The parties of the scenario, in its order: {@link #CITIZENS}, {@link #PUBLIC}, {@link #AUTHORITIES}, {@link #VENUE}. */
    public static final List<Party> PARTIES = SCENARIO.parties();

    /** US citizens registered in Russia (own-citizens). */
    public static final Party CITIZENS = party("us-citizens-ru");
    /** The public in Moscow. */
    public static final Party PUBLIC = party("public-moscow");
    /** The Russian authorities, adversarial, reached by liaison (foreign-government). */
    public static final Party AUTHORITIES = party("ru-authorities");
    /** Crocus City Hall, the venue (venue-operator). */
    public static final Party VENUE = party("crocus-city-hall");

    private Crocus() {
    }

    public static Party party(String id) {
        return PARTIES.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no party " + id + " in the Crocus scenario"));
    }

    /** An instant given in Moscow local time, e.g. {@code "2024-03-22T19:58"}. */
    public static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }

    /** A resource of the test class path as text. */
    public static String resource(String name) {
        try (InputStream in = Crocus.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
