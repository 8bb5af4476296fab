package io.forewarn.web;

import io.forewarn.Poll;
import io.forewarn.policy.Role;
import io.forewarn.server.ForewarnServer;
import io.forewarn.web.Http.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API review places named places through the server's gazetteer (the committed extract, loaded into its
 * empty database at start): a report whose place it cannot compare with the incident's is reported as
 * coverage-unknown, not left out of the review.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GazetteerReviewApiTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry, new ServerUnderTest.Login("ann", Role.ANALYST, Role.APPROVER));
    }

    @Test
    void aReportAtAPlaceTheGazetteerCannotPlaceIsCoverageUnknownInTheReview() {
        assertThat(post("/api/v1/parties", """
                {"id": "public-thrace", "kind": "public", "audience": "public", "area": {"region": "Thrace Uplands"}}""")
                .status()).isEqualTo(201);
        Reply received = post("/api/v1/reports", """
                {"id": "R-9", "credibility": "B2", "harm": "killing", "actor": {"type": "terrorist group"},
                 "target": {"class": "concert halls", "category": "mass gatherings"},
                 "place": {"region": "Thrace Uplands"},
                 "time": {"from": "2024-03-07T00:00+03:00", "to": "2099-03-31T00:00+03:00"},
                 "method": {"generic": "attack"}}""");
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        Instant after = Instant.now();
        Poll.until(Duration.ofSeconds(1), () -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(after),
                () -> "the clock did not move past " + after);
        String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString();
        assertThat(post("/api/v1/incidents", """
                {"id": "istanbul", "at": "%s", "place": {"locality": "Istanbul", "country": "TR"},
                 "target": "concert hall", "method": "firearms"}""".formatted(now)).status()).isEqualTo(201);

        Reply review = Http.callAs(port, "oversight", "GET", "/api/v1/incidents/istanbul/review", null, null);

        assertThat(review.status()).isEqualTo(200);
        assertThat(review.json().path("findings").valueStream().map(f -> f.path("finding").asString() + " "
                + f.path("party").asString())).containsExactly("coverage-unknown public-thrace");
        assertThat(review.json().path("findings").get(0).path("detail").asString())
                .isEqualTo("whether report R-9 foretold the incident, and so whether this party's warnings had to cover it, "
                        + "is unknown: gazetteer: cannot place 'Thrace Uplands', so whether they meet is unknown");
    }

    private Reply post(String path, String body) {
        return Http.callAs(port, "analyst", "POST", path, "application/json", body);
    }
}
