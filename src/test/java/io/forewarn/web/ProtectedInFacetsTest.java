package io.forewarn.web;

import io.forewarn.policy.Role;
import io.forewarn.server.ForewarnServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report whose facets state its own protected term is flagged when it is received, so the analyst can move the
 * term into the protected material; roles without need-to-know read the report without those statements, and
 * the flag names facets, never the term.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProtectedInFacetsTest {

    /** The Crocus report, its target class naming its own protected term, and its region a disguise of it. */
    static final String REPORT = Reports.crocus("R-7")
            .replace("\"class\": \"concert halls\"", "\"class\": \"concerts at KESTREL LANTERN\"")
            .replace("\"region\": \"Moscow Oblast\"", "\"region\": \"K\u0435strel-Lant\u0435rn Oblast\"")
            .replace("\"terms\": [\"NIGHTJAR\", \"TELEMARK-7\"]", "\"terms\": [\"NIGHTJAR\", \"Kestrel Lantern\"]");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
    }

    @Test
    void aReportStatingItsOwnProtectedTermInItsFacetsIsFlaggedAtIntake() {
        for (String party : Reports.CROCUS_PARTIES) {
            Http.call(port, Role.ANALYST, "POST", "/api/v1/parties", "application/json", party);
        }
        assertThat(REPORT).contains("concerts at KESTREL LANTERN", "\u0435strel");

        Http.Reply received = Http.call(port, Role.ANALYST, "POST", "/api/v1/reports", "application/json", REPORT);

        assertThat(received.status()).as(received.body()).isEqualTo(201);
        assertThat(strings(received.json().path("report").path("protected-in-facets"))).containsExactly("place", "target");
        assertThat(strings(received.json().path("warnings"))).singleElement().asString()
                .startsWith("the place, target facets state the report's own protected material");
        JsonNode asAnalyst = Http.call(port, Role.ANALYST, "GET", "/api/v1/reports/R-7", null, null).json();
        assertThat(strings(asAnalyst.path("protected-in-facets"))).containsExactly("place", "target");
        assertThat(asAnalyst.path("target").path("class").asString()).isEqualTo("concerts at KESTREL LANTERN");
        assertThat(asAnalyst.has("withheld")).isFalse();

        for (Role role : List.of(Role.LIAISON, Role.OVERSIGHT)) {
            Http.Reply read = Http.call(port, role, "GET", "/api/v1/reports/R-7", null, null);
            assertThat(strings(read.json().path("protected-in-facets"))).as("%s", role).containsExactly("place", "target");
            assertThat(strings(read.json().path("withheld"))).as("%s", role).containsExactly("place/region", "target/class");
            assertThat(read.json().path("target").path("category").asString()).isEqualTo("mass gatherings");
            assertThat(read.json().path("place").path("country").asString()).isEqualTo("RU");
            assertThat(read.body().toLowerCase()).as("%s", role).doesNotContain("kestrel", "lantern", "k\u0435strel", "lant\u0435rn");
        }
    }

    @Test
    void aReportWithoutProtectedMaterialInItsFacetsIsNotFlagged() {
        Http.Reply received = Http.call(port, Role.ANALYST, "POST", "/api/v1/reports", "application/json",
                Reports.crocus("R-8"));

        assertThat(received.status()).as(received.body()).isEqualTo(201);
        assertThat(received.json().path("report").has("protected-in-facets")).isFalse();
        assertThat(received.json().has("warnings")).isFalse();
        assertThat(Http.call(port, Role.LIAISON, "GET", "/api/v1/reports/R-8", null, null).json().has("withheld")).isFalse();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
