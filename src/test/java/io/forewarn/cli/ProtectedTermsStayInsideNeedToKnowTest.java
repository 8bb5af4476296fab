package io.forewarn.cli;

import io.forewarn.policy.Role;
import io.forewarn.report.ProtectedMaterial;
import io.forewarn.sanitize.Disguise;
import io.forewarn.sanitize.LeakCheck;
import io.forewarn.sanitize.LeakVerdict;
import io.forewarn.server.ForewarnServer;
import io.forewarn.web.Http;
import io.forewarn.web.Reports;
import io.forewarn.web.ServerUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report whose own protected term is written, in every disguise the leak check folds away (every
 * combination of the steps of the sanitizer tests' {@link Disguise}: case, homoglyphs, Cyrillic
 * transliteration, diacritics, full-width letters, invisible characters, spacing and punctuation), into
 * every facet and narrative field. The case is worked through the real server, and everything a liaison,
 * oversight or partner login can reach is read: the timeline, reports, obligations, drafts, warnings,
 * waivers, incidents and the review, the problem details of their refused requests, the ledger's entries
 * and export (by the API and by {@code forewarn ledger export}), the metrics page and the server's log
 * lines. The term shows in none of them, in any disguise: each is read through the leak check itself,
 * which folds every disguise back to the term.
 */
@ExtendWith(OutputCaptureExtension.class)
public class ProtectedTermsStayInsideNeedToKnowTest {

    public static final String TERM = "Kestrel Lantern";
    static final List<Role> WITHOUT_NEED_TO_KNOW = List.of(Role.LIAISON, Role.OVERSIGHT, Role.PARTNER);
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Reports worked through drafts, approval, issue, delivery and waivers; every report is listed and read. */
    static final int WORKED = 4;
    /**
     * Disguises per report: each of its fields carries all of them, so every disguise is still in every field, in a
     * quarter of the reports that one disguise a report would take.
     */
    static final int PER_REPORT = 4;

    @TempDir
    Path data;

    /** Each output read, by what it is and who read it. */
    final Map<String, String> read = new LinkedHashMap<>();
    int port;

    @AfterEach
    void restoreEnvironment() {
        LedgerCommand.environment = System.getenv();
    }

    @Test
    void noOutputForRolesWithoutNeedToKnowCarriesTheTermInAnyDisguise(CapturedOutput output) throws IOException {
        List<Disguise> disguises = Disguise.everyCombination();
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext ignored = ForewarnServer.start(settings(url))) {
            port = Integer.parseInt(ignored.getEnvironment().getProperty("local.server.port"));
            for (String party : Reports.CROCUS_PARTIES) {
                expect(201, Http.post(port, "analyst", "/api/v1/parties", "application/json", party));
            }
            expect(201, Http.post(port, "analyst", "/api/v1/parties", "application/json", KINDLESS_VENUE));

            Set<String> disguised = new LinkedHashSet<>();
            for (int i = 0; i * PER_REPORT < disguises.size(); i++) {
                List<String> terms = disguises.subList(i * PER_REPORT, Math.min(disguises.size(), (i + 1) * PER_REPORT))
                        .stream().map(disguise -> disguise.apply(TERM)).toList();
                disguised.addAll(terms);
                String term = String.join(", ", terms);
                Http.Reply received = Http.post(port, "analyst", "/api/v1/reports", "application/json", report(i, term));
                expect(201, received);
                if (i < WORKED) {
                    work(i, received.json(), term);
                }
            }
            // the check below would pass vacuously if the disguises were not disguises, or the leak check missed one
            assertThat(disguised).hasSizeGreaterThan(disguises.size() / 2);
            assertThat(disguised).allSatisfy(term -> assertThat(oracle().check("the " + term + " cell").isBlocked())
                    .as("the leak check sees %s", term).isTrue());

            String incidentAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            expect(201, Http.post(port, "analyst", "/api/v1/incidents", "application/json", INCIDENT.formatted(incidentAt)));
            readEverything();
            Path export = data.resolve("export.json");
            LedgerCommand.environment = Map.of("FOREWARN_DB_URL", url);
            Cli.Result exported = Cli.run("ledger", "export", "--out", export, "--data-dir", data);
            assertThat(exported.exit()).as(exported.all()).isZero();
            read.put("forewarn ledger export file", Files.readString(export, StandardCharsets.UTF_8));
            read.put("forewarn ledger export output", exported.all());
        }
        read.put("the server's log lines", output.getAll());

        // the outputs are real: the reports' released facts and the workflow's steps are in them
        assertThat(List.of("oversight GET /api/v1/events", "forewarn ledger export file")).allSatisfy(what ->
                assertThat(read.get(what).contains("obligation-opened") && read.get(what).contains("warning-issued")
                        && read.get(what).contains("Security alert: credible threat to life.")
                        && read.get(what).contains("Area: Russia.")).as(what).isTrue());
        assertThat(read.get("liaison GET /api/v1/incidents/crocus-city-hall-attack/review").contains("\"R-0\""))
                .as("the review holds R-0").isTrue();

        // Liaison and oversight read the same bodies: each text is checked once.
        Map<String, List<String>> readers = new LinkedHashMap<>();
        read.forEach((what, text) -> readers.computeIfAbsent(text, t -> new ArrayList<>()).add(what));
        LeakCheck oracle = oracle();
        List<String> leaks = new ArrayList<>();
        readers.forEach((text, what) -> {
            if (oracle.check(text) instanceof LeakVerdict.Blocked) {
                leaks.add(what + ": " + around(text));
            }
        });
        assertThat(leaks).as("outputs that carry the protected term").isEmpty();
    }

    /**
     * Waives the authorities' obligation, drafts, approves and issues every other audience's warning, records a
     * delivery, and has requests refused: free text carrying the term, and steps the role may not take.
     */
    private void work(int i, JsonNode received, String term) {
        String id = "R-" + i;
        Set<String> audiences = new LinkedHashSet<>();
        received.path("obligations").forEach(obligation -> audiences.add(obligation.path("audience").asString()));
        assertThat(audiences).as("obligations of %s", id).contains("own-citizens", "venue-operator", "foreign-government");
        String authorities = "/api/v1/obligations/" + id + "/ru-authorities/waivers";
        refused("liaison", authorities, "{\"reason\": \"unduly-endangers-sources-or-personnel\", \"scope\": \"not-warned\", "
                + "\"alternative\": " + JSON.writeValueAsString("told them of the " + term) + "}");
        Http.Reply waiver = Http.post(port, "liaison", authorities, "application/json",
                "{\"reason\": \"victim-already-aware\", \"scope\": \"not-warned\"}");
        expect(201, waiver);
        expect(200, Http.post(port, "approver", "/api/v1/waivers/" + waiver.json().path("id").asString() + "/approve",
                "application/json", "{\"note\": \"they know\"}"));
        audiences.remove("foreign-government");
        for (String audience : audiences) {
            Http.Reply drafted = Http.post(port, "analyst", "/api/v1/reports/" + id + "/drafts", "application/json",
                    json("audience", audience));
            expect(201, drafted);
            String draft = drafted.json().path("id").asString();
            expect(200, Http.post(port, "approver", "/api/v1/drafts/" + draft + "/approve", null, (String) null));
            expect(201, Http.post(port, "approver", "/api/v1/drafts/" + draft + "/issue", null, (String) null));
        }
        String citizens = "/api/v1/obligations/" + id + "/us-citizens-ru";
        refused("liaison", citizens + "/delivery", json("channel", "alert about the " + term));
        expect(200, Http.post(port, "liaison", citizens + "/delivery", "application/json", json("channel", "registrant alert")));
        refused("oversight", "/api/v1/reports", report(1000 + i, term));
        refused("partner", "/api/v1/reports/" + id + "/drafts", json("audience", "public"));
        refused("liaison", "/api/v1/reports/" + id + "/drafts", json("audience", term));
    }

    private void refused(String login, String path, String body) {
        Http.Reply answer = Http.post(port, login, path, "application/json", body);
        assertThat(answer.status()).as("%s POST %s: %s", login, path, answer.body()).isBetween(400, 499);
        read.put(login + " POST " + path + " (refused " + answer.status() + ")", answer.body());
    }

    private void readEverything() {
        for (Role role : WITHOUT_NEED_TO_KNOW) {
            String login = role.code();
            for (String listing : List.of("/api/v1/reports", "/api/v1/obligations", "/api/v1/drafts", "/api/v1/warnings",
                    "/api/v1/waivers", "/api/v1/incidents", "/api/v1/parties", "/api/v1/events", "/api/v1/ledger/entries")) {
                readAllPages(login, listing);
            }
            for (int i = 0; i < WORKED; i++) {
                readOne(login, "/api/v1/reports/R-" + i);
                readOne(login, "/api/v1/obligations/R-" + i + "/crocus-city-hall");
                readOne(login, "/api/v1/obligations/R-" + i + "/kindless-arena");
            }
            for (String path : List.of("/api/v1/drafts/D-1", "/api/v1/warnings/W-1", "/api/v1/waivers/X-1",
                    "/api/v1/incidents/crocus-city-hall-attack", "/api/v1/incidents/crocus-city-hall-attack/review",
                    "/api/v1/ledger/export", "/api/v1/reports/R-404")) {
                readOne(login, path);
            }
        }
        read.put("anonymous GET /actuator/prometheus", Http.get(port, null, "/actuator/prometheus").body());
    }

    private void readAllPages(String login, String listing) {
        String path = listing + "?size=500";
        int page = 0;
        while (path != null) {
            Http.Reply answer = Http.get(port, login, path);
            read.put(login + " GET " + listing + (page == 0 ? "" : " page " + page), answer.body());
            JsonNode next = answer.status() == 200 ? answer.json().path("next") : null;
            path = next == null || next.isMissingNode() || next.isNull() ? null : next.asString();
            page++;
        }
    }

    private void readOne(String login, String path) {
        read.put(login + " GET " + path, Http.get(port, login, path).body());
    }

    private static void expect(int status, Http.Reply answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    }

    private static String json(String key, String value) {
        return "{" + JSON.writeValueAsString(key) + ": " + JSON.writeValueAsString(value) + "}";
    }

    /** The leak check of a report whose one protected term is {@link #TERM}: it folds every disguise back to it. */
    public static LeakCheck oracle() {
        return new LeakCheck(new ProtectedMaterial(List.of(), List.of(), List.of(TERM)), List.of());
    }

    /** The start of a text, for the failure message. */
    private static String around(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }

    private Map<String, Object> settings(String url) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("server.port", 0);
        settings.put("FOREWARN_DB_URL", url);
        settings.put("forewarn.data-dir", data.toString());
        settings.put("forewarn.timezone", "Europe/Moscow");
        settings.put("forewarn.scheduler.interval", "PT0.5S");
        ServerUnderTest.Login[] logins = ServerUnderTest.everyRole();
        for (int i = 0; i < logins.length; i++) {
            settings.put("forewarn.users[" + i + "].name", logins[i].name());
            settings.put("forewarn.users[" + i + "].password-hash", logins[i].passwordHash());
            settings.put("forewarn.users[" + i + "].roles[0]", logins[i].roles()[0].code());
        }
        return settings;
    }

    /** A report with {@code term}, its own protected term in disguises, in every facet statement and every portion. */
    public static String report(int i, String term) {
        String t = JSON.writeValueAsString(term);
        String q = t.substring(1, t.length() - 1);
        return """
                {"id": "R-%d", "credibility": "B2", "harm": "killing",
                 "actor": {"named": "the %2$s cell", "type": "%2$s group"},
                 "target": {"named": "%2$s Hall", "class": "concerts at %2$s", "category": "gatherings around %2$s"},
                 "place": {"site": {"name": "%2$s Arena", "lat": 55.781, "lon": 37.621, "radius-km": 20}, "locality": {"name": "%2$s Town", "lat": 55.756, "lon": 37.617, "radius-km": 40},
                           "region": "%2$s Oblast", "country": "RU"},
                 "time": {"from": "2024-03-07T00:00+03:00", "to": "2099-03-31T00:00+03:00"},
                 "method": {"specific": "armed assault at %2$s", "generic": "attack near %2$s"},
                 "portions": [
                   {"marking": "public", "text": "Extremists speak of %2$s as their next target."},
                   {"marking": "partner", "text": "A partner service heard %2$s named twice."},
                   {"marking": "protected", "text": "The courier says the cell calls the operation %2$s."}],
                 "protected": {"terms": ["%3$s"], "sources": ["a recruited courier"], "methods": ["signals collection"]}}
                """.formatted(i, q, TERM);
    }

    /** A venue in Moscow whose kinds are not recorded: no target class can rule it out. */
    static final String KINDLESS_VENUE = """
            {"id": "kindless-arena", "kind": "venue", "audience": "venue-operator",
             "place": {"site": "Olimpiyskiy Arena", "locality": "Moscow", "region": "Moscow Oblast", "country": "RU",
                       "lat": 55.781, "lon": 37.621, "radius-m": 300}}""";

    static final String INCIDENT = """
            {"id": "crocus-city-hall-attack", "at": "%s",
             "place": {"site": "Crocus City Hall", "locality": "Krasnogorsk", "region": "Moscow Oblast",
                       "country": "RU", "lat": 55.826, "lon": 37.389},
             "method": "firearms and arson", "attackers": 4, "killed": 137,
             "injured": 182, "arrested": 11}""";
}
