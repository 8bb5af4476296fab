package io.forewarn.cli;

import io.forewarn.dissemination.cap.CapAlerts;
import io.forewarn.obligation.Warning;
import io.forewarn.party.ContactBook;
import io.forewarn.policy.Role;
import io.forewarn.scenario.Mode;
import io.forewarn.scenario.Replay;
import io.forewarn.scenario.ReplayResult;
import io.forewarn.scenario.Scenario;
import io.forewarn.scenario.ScenarioEvent;
import io.forewarn.server.CapKeyFiles;
import io.forewarn.server.PublicAlerts;
import io.forewarn.server.WrittenChannels;
import io.forewarn.store.Database;
import io.forewarn.store.DatabaseSettings;
import io.forewarn.store.JdbcContactBook;
import io.forewarn.store.JdbcOutbox;
import io.forewarn.server.ForewarnServer;
import io.forewarn.server.ServerStarted;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo as a server: the Crocus case, as policy, in a fresh embedded database, served with one
 * login per role. The passwords are made up at start and printed once; nothing is reused: the temporary
 * directory (database, ledger key pair, witness file) is removed when the process stops.
 *
 * <p>As policy, not as recorded, because its public alerts are the ones the feed can show: the case is history, so
 * the server's clock is set to run from the moment of the attack ({@code forewarn.clock-offset}), when the policy's
 * alerts were in force and the recorded one had long expired. The parties' contact points are stored with them, and
 * the replay's deliveries, so the API shows where each party's warnings went and when.
 */
final class DemoServer {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

    private final Scenario scenario;
    private final PolicyOption policy;

    DemoServer(Scenario scenario, PolicyOption policy) {
        this.scenario = scenario;
        this.policy = policy;
    }

    void serve(int port, PrintWriter out) {
        Path directory = freshDirectory();
        AtomicReference<ConfigurableApplicationContext> running = new AtomicReference<>();
        // Ctrl-C or SIGTERM: the server closes (its database with it), then the directory goes, signing key included.
        // Spring's own hook may be closing the context at the same moment; close() waits for that to finish.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ConfigurableApplicationContext context = running.get();
            if (context != null) {
                context.close();
            }
            FileSystemUtils.deleteRecursively(directory.toFile());
        }, "forewarn-demo-cleanup"));
        DatabaseSettings settings = DatabaseSettings.embedded(directory);
        long entries;
        Instant attack = scenario.events().stream().filter(ScenarioEvent.IncidentOccurred.class::isInstance)
                .map(ScenarioEvent::at).findFirst().orElseThrow(() -> new IllegalStateException("the demo case has no incident"));
        List<String> alerts;
        try (Database database = Database.open(settings)) {
            ReplayResult replayed = new Replay(scenario, policy.load(), database::casebook)
                    .sendingThrough(new WrittenChannels(scenario.timezone())).run(Mode.AS_POLICY);
            // the replay's outbox is its own, in memory: its deliveries go on file with the case, so that the server
            // lists each warning's deliveries as its ledger records them
            new JdbcOutbox(database.dataSource()).putOnFile(replayed.deliveries());
            ContactBook contacts = new JdbcContactBook(database.dataSource());
            scenario.contacts().forEach(contacts::replace);
            entries = database.casebook().ledger().size();
            alerts = database.casebook().warningsInForce(attack, PublicAlerts.FEED_SIZE).stream()
                    .filter(CapAlerts::isPublic).map(Warning::id).toList();
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", port);
        properties.put(DatabaseSettings.URL_VARIABLE, settings.url());
        properties.put(DatabaseSettings.USER_VARIABLE, settings.user());
        properties.put("forewarn.timezone", scenario.timezone().getId());
        properties.put("forewarn.data-dir", directory.toString()); // the ledger's keys and witness file beside the database
        // The case is history, replayed to its end; a live sweep would add decisions dated today to it.
        properties.put("forewarn.scheduler.enabled", false);
        // and its deliveries were made in the replay: one left queued at its end is not sent today
        properties.put("forewarn.delivery.enabled", false);
        // the feed lists the alerts in force now: "now" is the attack, as the case's own clock had it
        properties.put("forewarn.clock-offset", Duration.between(Instant.now(), attack).toString());
        if (policy.file != null) {
            properties.put("forewarn.policy", policy.file.toAbsolutePath().toString());
        }
        Map<String, String> logins = new LinkedHashMap<>();
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        Role[] roles = Role.values();
        for (int i = 0; i < roles.length; i++) {
            String name = roles[i].code();
            String password = password();
            logins.put(name, password);
            properties.put("forewarn.users[" + i + "].name", name);
            properties.put("forewarn.users[" + i + "].password-hash", bcrypt.encode(password));
            properties.put("forewarn.users[" + i + "].roles[0]", name);
        }
        ConfigurableApplicationContext server = ForewarnServer.start(properties);
        running.set(server);
        ServerStarted started = server.getBean(ServerStarted.class);
        int listening = started.port(); // the one chosen, when asked for port 0
        out.println();
        out.println(started.line());
        out.println("The Crocus case, as policy, is loaded; the server's clock runs from the attack ("
                + LOCAL.format(attack.atZone(scenario.timezone())) + " " + scenario.timezone().getId()
                + "), so the feed holds the alerts in force then. Public, no login:");
        String base = "http://localhost:" + listening;
        out.println("  curl " + base + "/feeds/warnings.atom");
        alerts.forEach(id -> out.println("  curl " + base + "/cap/" + id + ".xml"));
        alerts.stream().findFirst().ifPresent(id -> out.println("  curl -s " + base + "/cap/" + id + ".xml -o " + id
                + ".xml && forewarn cap verify " + id + ".xml --key " + directory.resolve(CapKeyFiles.PUBLIC_FILE)));
        out.println("Demo logins (one per role, made up for this run):");
        logins.forEach((name, password) -> out.printf("  %-10s %s%n", name, password));
        out.println("The ledger holds the case's " + entries + " events, signed with the key in " + directory
                + " (removed when the server stops). Check it offline:");
        out.println("  curl -u oversight:" + logins.get("oversight") + " http://localhost:" + listening + "/api/v1/ledger/export -o ledger.json"
                + " && forewarn ledger verify ledger.json");
        out.println("Try: curl -u oversight:" + logins.get("oversight") + " http://localhost:" + listening
                + "/api/v1/obligations   (Ctrl-C stops the server)");
        out.flush();
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path freshDirectory() {
        try {
            return Files.createTempDirectory("forewarn-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the demo database", e);
        }
    }

    private static String password() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
