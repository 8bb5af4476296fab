package io.forewarn.web;

import io.forewarn.server.ForewarnServer;
import io.forewarn.web.request.IdempotencyFilter;
import io.forewarn.policy.Role;
import io.forewarn.store.JdbcIdempotencyKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key over HTTP: one change per key, the first answer again on a repeat, and the misuses refused. */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyKeyTest {

    private static final String REPORTS = "/api/v1/reports";
    private static final String PARTIES = "/api/v1/parties";
    private static final String KEY = IdempotencyFilter.KEY_HEADER;
    private static final String REPLAYED = IdempotencyFilter.REPLAYED_HEADER;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    /** The test logins, a second analyst, and "ann", analyst and approver, whose approval of her own draft is refused. */
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry, new ServerUnderTest.Login("analyst-2", Role.ANALYST),
                new ServerUnderTest.Login("ann", Role.ANALYST, Role.APPROVER));
    }

    @BeforeEach
    void theCrocusPartiesAreOnFile() {
        for (String party : Reports.CROCUS_PARTIES) {
            Http.post(port, "analyst", PARTIES, "application/json", party); // 409 once they are
        }
    }

    @Test
    void aReportSentTwiceWithOneKeyIsReceivedOnceAndAnsweredTheSameTwice() {
        String id = unique("R");
        String key = UUID.randomUUID().toString();

        Http.Reply first = Http.post(port, "analyst", REPORTS, "application/json", Reports.crocus(id), KEY, key);
        Http.Reply second = Http.post(port, "analyst", REPORTS, "application/json", Reports.crocus(id), KEY, key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header(REPLAYED)).isEmpty();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header(REPLAYED)).contains("true");
        assertThat(second.header("Location")).isEqualTo(first.header("Location")).contains(REPORTS + "/" + id);
        assertThat(second.contentType()).isEqualTo(first.contentType());

        assertThat(reportsWithId(id)).isEqualTo(1);
        int opened = first.json().path("obligations").size();
        assertThat(opened).isPositive();
        assertThat(Http.get(port, "analyst", "/api/v1/obligations?report=" + id).json().path("items").size()).isEqualTo(opened);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        String other = unique("R");
        assertThat(Http.post(port, "analyst", REPORTS, "application/json", Reports.crocus(unique("R")), KEY, key).status())
                .isEqualTo(201);

        Http.Reply reused = Http.post(port, "analyst", REPORTS, "application/json", Reports.crocus(other), KEY, key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.json().path("detail").asString()).contains("key reused for a different request");
        assertThat(Http.get(port, "analyst", REPORTS + "/" + other).status()).isEqualTo(404);
    }

    @Test
    void theSameKeyOnAnotherPathOrQueryIsRefused() {
        String key = UUID.randomUUID().toString();
        String party = Reports.venue(unique("venue"));
        assertThat(Http.post(port, "analyst", PARTIES, "application/json", party, KEY, key).status()).isEqualTo(201);

        assertThat(Http.post(port, "analyst", REPORTS, "application/json", party, KEY, key).status()).isEqualTo(422);
        String csv = "id,kind,audience,country\n" + unique("public") + ",public,public,RU\n";
        String importKey = UUID.randomUUID().toString();
        assertThat(Http.post(port, "analyst", PARTIES + "/import", "text/csv", csv, KEY, importKey).status()).isEqualTo(200);
        assertThat(Http.post(port, "analyst", PARTIES + "/import?mode=upsert", "text/csv", csv, KEY, importKey).status())
                .isEqualTo(422);
    }

    @Test
    void withoutAKeyARepeatedReportIsRefusedAsBefore() {
        String id = unique("R");
        assertThat(Http.post(port, "analyst", REPORTS, "application/json", Reports.crocus(id)).status()).isEqualTo(201);

        Http.Reply again = Http.post(port, "analyst", REPORTS, "application/json", Reports.crocus(id));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().path("detail").asString()).isEqualTo("report " + id + " was already received");
        assertThat(again.header(REPLAYED)).isEmpty();
        assertThat(reportsWithId(id)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheLoginThatSentThem() {
        String key = UUID.randomUUID().toString();
        String mine = unique("R");
        String theirs = unique("R");

        Http.Reply first = Http.post(port, "analyst", REPORTS, "application/json", Reports.crocus(mine), KEY, key);
        Http.Reply second = Http.post(port, "analyst-2", REPORTS, "application/json", Reports.crocus(theirs), KEY, key);
        Http.Reply third = Http.post(port, "liaison", PARTIES, "application/json", Reports.venue(unique("venue")), KEY, key);

        assertThat(List.of(first.status(), second.status(), third.status())).containsExactly(201, 201, 201);
        assertThat(second.header(REPLAYED)).isEmpty();
        assertThat(reportsWithId(mine)).isEqualTo(1);
        assertThat(reportsWithId(theirs)).isEqualTo(1);
    }

    @Test
    void aRepeatWhileTheFirstIsStillRunningIsTold409AndChangesNothing() {
        String id = unique("R");
        String key = UUID.randomUUID().toString();
        String body = Reports.crocus(id);
        JdbcIdempotencyKeys keys = new JdbcIdempotencyKeys(dataSource);
        JdbcIdempotencyKeys.Request running = new JdbcIdempotencyKeys.Request("analyst", key, "POST", REPORTS, sha256(body));
        String token = ((JdbcIdempotencyKeys.Claim.Granted) keys.claim(running, Instant.now(), IdempotencyFilter.LEASE,
                IdempotencyFilter.RETENTION)).token();

        Http.Reply repeat = Http.post(port, "analyst", REPORTS, "application/json", body, KEY, key);

        assertThat(repeat.status()).isEqualTo(409);
        assertThat(repeat.contentType()).startsWith("application/problem+json");
        assertThat(repeat.json().path("detail").asString()).contains("still running");
        assertThat(repeat.header("Retry-After")).isPresent();
        assertThat(reportsWithId(id)).isZero();

        keys.release(running, token); // the first failed and gave its key up: a repeat now runs
        assertThat(Http.post(port, "analyst", REPORTS, "application/json", body, KEY, key).status()).isEqualTo(201);
        assertThat(reportsWithId(id)).isEqualTo(1);
    }

    @Test
    void aClaimLeftBehindPastItsLeaseIsTakenOver() {
        String id = unique("R");
        String key = UUID.randomUUID().toString();
        String body = Reports.crocus(id);
        new JdbcIdempotencyKeys(dataSource).claim(new JdbcIdempotencyKeys.Request("analyst", key, "POST", REPORTS,
                sha256(body)), Instant.now().minus(IdempotencyFilter.LEASE).minus(Duration.ofMinutes(1)),
                IdempotencyFilter.LEASE, IdempotencyFilter.RETENTION);

        Http.Reply repeat = Http.post(port, "analyst", REPORTS, "application/json", body, KEY, key);

        assertThat(repeat.status()).isEqualTo(201);
        assertThat(reportsWithId(id)).isEqualTo(1);
    }

    @Test
    void anEmptyOrOverlongKeyIsRefusedAndTwoHundredCharactersAreFine() {
        for (String bad : List.of(" ", "k".repeat(201))) {
            Http.Reply refused = Http.post(port, "analyst", REPORTS, "application/json", Reports.crocus(unique("R")), KEY, bad);
            assertThat(refused.status()).as("key of %d characters", bad.length()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("title").asString()).isEqualTo("Invalid Idempotency-Key");
        }
        Http.Reply twoKeys = Http.post(port, "analyst", REPORTS, "application/json", Reports.crocus(unique("R")),
                KEY, "one", KEY, "two");
        assertThat(twoKeys.status()).isEqualTo(400);

        assertThat(Http.post(port, "analyst", REPORTS, "application/json", Reports.crocus(unique("R")), KEY, "k".repeat(200))
                .status()).isEqualTo(201);
    }

    @Test
    void aRefusalIsStoredAndReplayedToo() {
        String key = UUID.randomUUID().toString();
        String invalid = "{\"id\": \"" + unique("venue") + "\", \"kind\": \"spaceship\"}";

        Http.Reply first = Http.post(port, "analyst", PARTIES, "application/json", invalid, KEY, key);
        Http.Reply second = Http.post(port, "analyst", PARTIES, "application/json", invalid, KEY, key);

        assertThat(first.status()).isEqualTo(400);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header(REPLAYED)).contains("true");
        assertThat(second.contentType()).startsWith("application/problem+json");
    }

    @Test
    void ofManyIdenticalRequestsSentAtOnceExactlyOneRuns() throws Exception {
        String id = unique("R");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Http.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> Http.post(port, "analyst", REPORTS, "application/json", Reports.crocus(id), KEY, key));
            }
            List<Http.Reply> replies = new ArrayList<>();
            for (Future<Http.Reply> reply : pool.invokeAll(calls)) {
                replies.add(reply.get());
            }
            assertThat(replies).extracting(Http.Reply::status).allMatch(status -> status == 201 || status == 409);
            assertThat(replies).filteredOn(reply -> reply.status() == 201 && reply.header(REPLAYED).isEmpty()).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(reportsWithId(id)).isEqualTo(1);
    }

    @Test
    void anImportSentTwiceWithOneKeyIsStoredOnceAndReportedTheSame() {
        String key = UUID.randomUUID().toString();
        String id = unique("public");
        String csv = "id,kind,audience,locality,country\n" + id + ",public,public,Moscow,RU\nbad,spaceship,public,,RU\n";

        Http.Reply first = Http.post(port, "liaison", PARTIES + "/import", "text/csv", csv, KEY, key);
        Http.Reply second = Http.post(port, "liaison", PARTIES + "/import", "text/csv", csv, KEY, key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("created").get(0).asString()).isEqualTo(id);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header(REPLAYED)).contains("true");
    }

    @Test
    void aRefusalTheWorkflowRecordsIsRecordedOnceThoughTheKeyedRequestIsRolledBack() {
        String report = unique("R");
        assertThat(Http.post(port, "analyst", REPORTS, "application/json", Reports.crocus(report)).status()).isEqualTo(201);
        Http.Reply drafted = Http.post(port, "ann", REPORTS + "/" + report + "/drafts", "application/json",
                "{\"audience\": \"own-citizens\"}");
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String draft = drafted.json().path("id").asString();
        String key = UUID.randomUUID().toString();

        Http.Reply refused = Http.post(port, "ann", "/api/v1/drafts/" + draft + "/approve", null, new byte[0], KEY, key);
        Http.Reply again = Http.post(port, "ann", "/api/v1/drafts/" + draft + "/approve", null, new byte[0], KEY, key);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asString()).contains("cannot also approve it");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header(REPLAYED)).contains("true");
        assertThat(again.body()).isEqualTo(refused.body());
        List<String> refusals = new ArrayList<>();
        for (JsonNode event : Http.get(port, "oversight", "/api/v1/events?size=500").json().path("items")) {
            if (event.path("type").asString().equals("approval-refused") && event.path("subject").asString().equals(draft)) {
                refusals.add(event.path("actor").asString());
            }
        }
        assertThat(refusals).containsExactly("ann");
        assertThat(Http.get(port, "oversight", "/api/v1/drafts/" + draft).json().path("status").asString()).isEqualTo("drafted");
    }

    private int reportsWithId(String id) {
        JsonNode items = Http.get(port, "analyst", REPORTS + "?size=500").json().path("items");
        int found = 0;
        for (JsonNode item : items) {
            if (item.path("id").asString().equals(id)) {
                found++;
            }
        }
        return found;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
