package io.forewarn.web;

import io.forewarn.Poll;
import io.forewarn.server.CaseDatabase;
import io.forewarn.obligation.TimelineEntry;
import io.forewarn.obligation.Obligation;
import io.forewarn.report.ThreatReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.forewarn.policy.Role.ANALYST;
import static io.forewarn.policy.Role.APPROVER;
import static io.forewarn.policy.Role.OVERSIGHT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety: {@code forewarn serve} as a process of its own, its dispatcher off, issues warnings whose
 * deliveries are enqueued, then takes reports from several threads and is killed with SIGKILL while they are in
 * flight. Started again on the same database, its dispatcher on, it has every report that was answered 2xx, each
 * with all its obligations, and nothing twice; a report whose answer was lost in the crash may be there or not, but
 * never in part. And it sends every delivery that a channel of its carries (the CAP feed subscriptions), once, and
 * shows the others (email, for which this node has no channel) queued, never dropped. One kill serves both, as each
 * start of a server costs the suite seconds.
 */
class ServeCrashTest {

    /** Posting threads, the most reports they post, and how many answered reports to wait for before the kill. */
    private static final int THREADS = 4;
    private static final int MAX_REPORTS = 100;
    private static final int KILL_AFTER = 15;
    private static final Duration POSTING_TIMEOUT = Duration.ofSeconds(30);
    /** Reports with a warning issued to the public of Moscow before the kill, their deliveries queued. */
    private static final int WARNED_REPORTS = 3;
    /** The public of Moscow of {@link Reports#CROCUS_PARTIES}, with a CAP feed and an email address to deliver to. */
    private static final String PUBLIC_MOSCOW_WITH_CONTACTS = """
            {"id": "public-moscow", "kind": "public", "audience": "public",
             "area": {"locality": "Moscow", "region": "Moscow Oblast", "country": "RU"},
             "contacts": [{"kind": "cap-feed", "address": "Moscow public broadcaster"},
                          {"kind": "email", "address": "desk@broadcaster.example"}]}""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @TempDir
    Path directory;

    @AfterEach
    void killWhatRuns() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @Test
    void onPostgresql() throws Exception {
        CaseDatabase database = CaseDatabase.postgres();
        cleanup.add(database);
        crashAndRestart(database);
    }

    @Test
    void onH2() throws Exception {
        crashAndRestart(CaseDatabase.h2(directory.resolve("forewarn-data")));
    }

    private void crashAndRestart(CaseDatabase database) throws Exception {
        // The scheduler sweeps every second meanwhile (nothing is due yet), so the kill may also cut one of its transactions.
        Path dispatcherOff = ServeProcess.config(directory, "dispatcher-off", """
                scheduler: {interval: PT1S}
                delivery: {enabled: false}""", "");
        ServeProcess first = serve("first", dispatcherOff, database);
        for (String party : Reports.CROCUS_PARTIES) {
            first.expect(201, ANALYST, "POST", "/api/v1/parties", party.contains("\"public-moscow\"") ? PUBLIC_MOSCOW_WITH_CONTACTS : party);
        }
        List<String> warnings = warnThePublic(first);

        Posting posting = new Posting(first);
        posting.untilKilled();

        Path dispatcherOn = ServeProcess.config(directory, "dispatcher-on", """
                scheduler: {interval: PT1S}
                delivery: {interval: PT0.1S}""", "");
        ServeProcess restarted = serve("restarted", dispatcherOn, database);
        Set<String> listedReports = ids(restarted.expect(200, ANALYST, "GET", "/api/v1/reports?size=500", null));
        Set<String> listedObligations = ids(restarted.expect(200, ANALYST, "GET", "/api/v1/obligations?size=500", null));
        theQueuedDeliveriesAreSentOnceOrKept(restarted, warnings);
        restarted.expect(201, ANALYST, "POST", "/api/v1/reports", Reports.crocus("R-after-restart"));
        restarted.stop();

        Stored stored = database.read(Stored::of);
        String account = posting.account() + "; stored " + stored.reports.size() + " reports";
        System.out.println("crash test: " + account);

        assertThat(posting.acknowledged).as(account).hasSizeGreaterThanOrEqualTo(KILL_AFTER);
        assertThat(posting.refused).as("answers that were neither 2xx nor lost in the crash").isEmpty();
        assertThat(stored.reports).as("no report twice").doesNotHaveDuplicates();
        assertThat(stored.obligations).as("no obligation twice").doesNotHaveDuplicates();
        assertThat(stored.reports).as("every report answered 2xx is there (%s)", account)
                .containsAll(posting.acknowledged.keySet());
        assertThat(stored.reports).as("nothing that was never sent").allMatch(id -> posting.sent.contains(id)
                || id.equals("R-after-restart") || id.startsWith("W-"));
        for (Map.Entry<String, List<String>> answered : posting.acknowledged.entrySet()) {
            assertThat(answered.getValue()).as("obligations the answer for %s listed", answered.getKey()).hasSize(Reports.CROCUS_PARTIES.size());
            assertThat(stored.obligations).as("the obligations of %s", answered.getKey()).containsAll(answered.getValue());
        }
        Map<String, Long> obligationsPerReport = stored.obligations.stream()
                .collect(Collectors.groupingBy(id -> id.substring(0, id.indexOf('/')), Collectors.counting()));
        for (String report : stored.reports) {
            assertThat(obligationsPerReport.get(report)).as("obligations of %s, all or none", report)
                    .isEqualTo(Reports.CROCUS_PARTIES.size());
        }
        assertThat(stored.eventCount("report-received")).as("one report-received event per report")
                .isEqualTo(countEach(stored.reports));
        assertThat(stored.eventCount("obligation-opened")).as("one obligation-opened event per obligation")
                .isEqualTo(countEach(stored.obligations));

        Set<String> beforeTheNewOne = new TreeSet<>(stored.reports);
        beforeTheNewOne.remove("R-after-restart");
        assertThat(listedReports).as("the restarted server shows what is stored").isEqualTo(beforeTheNewOne);
        assertThat(listedObligations).as("the restarted server shows what is stored")
                .isEqualTo(stored.obligations.stream().filter(id -> !id.startsWith("R-after-restart/")).collect(Collectors.toSet()));

        for (ServeProcess server : List.of(first, restarted)) {
            String output = server.output().toLowerCase(Locale.ROOT);
            for (String secret : Reports.PROTECTED) {
                assertThat(output).as("the output of %s", server).doesNotContain(secret.toLowerCase(Locale.ROOT));
            }
        }
    }

    /** Reports W-1, W-2, … each with a warning to the public of Moscow issued, and its deliveries queued. */
    private static List<String> warnThePublic(ServeProcess server) {
        List<String> warnings = new ArrayList<>();
        for (int i = 1; i <= WARNED_REPORTS; i++) {
            server.expect(201, ANALYST, "POST", "/api/v1/reports", Reports.crocus("W-" + i));
            String draft = JSON.readTree(server.expect(201, ANALYST, "POST", "/api/v1/reports/W-" + i + "/drafts",
                    "{\"audience\": \"public\"}")).path("id").asString();
            server.expect(200, APPROVER, "POST", "/api/v1/drafts/" + draft + "/approve", null);
            warnings.add(JSON.readTree(server.expect(201, APPROVER, "POST", "/api/v1/drafts/" + draft + "/issue", null))
                    .path("id").asString());
        }
        for (String warning : warnings) {
            assertThat(deliveryStates(server, warning)).isEqualTo(Map.of("cap-feed", "queued", "email", "queued"));
        }
        return warnings;
    }

    private static void theQueuedDeliveriesAreSentOnceOrKept(ServeProcess restarted, List<String> warnings) {
        Poll.until(Duration.ofSeconds(30), () -> warnings.stream().allMatch(w -> deliveryStates(restarted, w).get("cap-feed").equals("sent")),
                () -> "after the restart: " + warnings.stream().map(w -> w + " " + deliveryStates(restarted, w)).toList());
        for (String warning : warnings) {
            assertThat(deliveryStates(restarted, warning)).as(warning).isEqualTo(Map.of("cap-feed", "sent", "email", "queued"));
            JsonNode feed = JSON.readTree(restarted.expect(200, OVERSIGHT, "GET",
                    "/api/v1/warnings/" + warning + "/deliveries?state=sent", null)).path("items").get(0);
            assertThat(feed.path("attempts").size()).as("sent once").isEqualTo(1);
            assertThat(feed.path("attempts").get(0).path("detail").asString()).isEqualTo("in feed");
        }
        for (int i = 1; i <= WARNED_REPORTS; i++) {
            assertThat(JSON.readTree(restarted.expect(200, OVERSIGHT, "GET", "/api/v1/obligations/W-" + i + "/public-moscow", null))
                    .path("state").asString()).isEqualTo("delivered");
        }
    }

    /** The state of a warning's delivery over each channel. */
    private static Map<String, String> deliveryStates(ServeProcess server, String warning) {
        Map<String, String> states = new TreeMap<>();
        JSON.readTree(server.expect(200, OVERSIGHT, "GET", "/api/v1/warnings/" + warning + "/deliveries", null)).path("items")
                .forEach(d -> states.put(d.path("channel").asString(), d.path("state").asString()));
        return states;
    }

    private ServeProcess serve(String name, Path config, CaseDatabase database) {
        ServeProcess server = ServeProcess.start(name, directory, config, database.environment());
        cleanup.add(server);
        return server;
    }

    private static Map<String, Long> countEach(Collection<String> ids) {
        return ids.stream().collect(Collectors.toMap(Function.identity(), id -> 1L));
    }

    private static Set<String> ids(String page) {
        Set<String> ids = new TreeSet<>();
        JSON.readTree(page).get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    /** Reports posted from several threads until the server is killed under them. */
    private static final class Posting {
        private final ServeProcess server;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicBoolean killed = new AtomicBoolean();
        final Set<String> sent = ConcurrentHashMap.newKeySet();
        final Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
        final Queue lost = new Queue();
        final Queue refused = new Queue();
        private int inFlightAtKill;

        Posting(ServeProcess server) {
            this.server = server;
        }

        void untilKilled() throws InterruptedException {
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                for (int i = 0; i < THREADS; i++) {
                    threads.execute(this::post);
                }
                Instant until = Instant.now().plus(POSTING_TIMEOUT);
                while (acknowledged.size() < KILL_AFTER || inFlight.get() == 0) {
                    if (Instant.now().isAfter(until) || next.get() >= MAX_REPORTS) {
                        throw new AssertionError("the server answered only " + acknowledged.size() + " of " + next.get()
                                + " reports before the kill was due; refused: " + refused + "\n" + server.output());
                    }
                    // not a spin: on two cores a spinning waiter takes a core from the server it waits for
                    TimeUnit.MILLISECONDS.sleep(1);
                }
                inFlightAtKill = inFlight.get();
                server.kill();
                killed.set(true);
            } finally {
                threads.shutdown();
                if (!threads.awaitTermination(40, TimeUnit.SECONDS)) {
                    threads.shutdownNow();
                    throw new AssertionError("the posting threads did not stop after the kill");
                }
            }
        }

        private void post() {
            while (!killed.get()) {
                int number = next.incrementAndGet();
                if (number > MAX_REPORTS) {
                    return;
                }
                String id = "R-" + number;
                sent.add(id);
                inFlight.incrementAndGet();
                try {
                    Http.Reply answer = server.call(ANALYST, "POST", "/api/v1/reports", Reports.crocus(id));
                    if (answer.status() / 100 == 2) {
                        List<String> obligations = new ArrayList<>();
                        JsonNode body = JSON.readTree(answer.body());
                        body.get("obligations").forEach(o -> obligations.add(o.get("id").asString()));
                        acknowledged.put(id, obligations);
                    } else {
                        refused.add(id + ": " + answer.status() + " " + answer.body());
                    }
                } catch (IOException lostInTheCrash) {
                    lost.add(id);
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        }

        String account() {
            return acknowledged.size() + " answered 2xx, " + inFlightAtKill + " in flight at the kill, " + lost.size()
                    + " without an answer, of " + sent.size() + " sent";
        }
    }

    private static final class Queue extends ConcurrentLinkedQueue<String> {
    }

    /** What the database holds after the crash and the restart. */
    private record Stored(List<String> reports, List<String> obligations, List<TimelineEntry> events) {

        static Stored of(io.forewarn.store.JdbcCasebook casebook) {
            return new Stored(casebook.reports().stream().map(ThreatReport::id).toList(),
                    casebook.obligations().stream().map(Obligation::id).toList(), casebook.events());
        }

        Map<String, Long> eventCount(String type) {
            return events.stream().filter(e -> e.type().equals(type))
                    .collect(Collectors.groupingBy(TimelineEntry::subject, Collectors.counting()));
        }
    }
}
