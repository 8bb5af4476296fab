package io.forewarn.obligation;

import io.forewarn.party.Party;
import io.forewarn.place.Place;
import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyFile;
import io.forewarn.report.Credibility;
import io.forewarn.report.Facet;
import io.forewarn.report.Harm;
import io.forewarn.report.Level;
import io.forewarn.report.Portion;
import io.forewarn.report.ProtectedMaterial;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import io.forewarn.sanitize.Sanitizer;
import io.forewarn.scenario.ReplayClock;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.forewarn.party.Parties.authority;
import static io.forewarn.party.Parties.publicOf;
import static io.forewarn.party.Parties.registrants;
import static io.forewarn.party.Parties.venue;
import static io.forewarn.place.Places.CROCUS_CITY_HALL;
import static io.forewarn.place.Places.MOSCOW_LOOSELY;
import static io.forewarn.place.Places.place;

/**
 * Test fixture: one duty-to-warn desk (casebook, workflow and deadline sweep) under a replay clock
 * that stands still until a test moves it, with the parties and the R-1 report of the Crocus City
 * Hall case (reused from {@link io.forewarn.party.Reports}) and ways to vary that report.
 */
final class Desk {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    /** When R-1 came in: 08:00 in Moscow on 7 March 2024. */
    static final Instant RECEIVED = Instant.parse("2024-03-07T05:00:00Z");

    static final Place RU = place().country("RU").build();

    static final Party CITIZENS = registrants("us-citizens-ru", RU);
    static final Party PUBLIC = publicOf("public-moscow", place().locality("Moscow").build());
    static final Party AUTHORITIES = authority("ru-authorities", RU);
    static final Party VENUE = venue("crocus-city-hall", CROCUS_CITY_HALL, "concert hall");

    /** The parties of the Crocus City Hall scenario. */
    static final List<Party> CROCUS_PARTIES = List.of(CITIZENS, PUBLIC, AUTHORITIES, VENUE);

    /** "in Moscow", loosely, against concert halls; threat window 7 to 31 March (Moscow time). */
    static final ThreatReport R1 = io.forewarn.party.Reports.report(MOSCOW_LOOSELY,
            "class", "concert halls", "category", "mass gatherings");

    final ReplayClock clock;
    final Casebook casebook = new InMemoryCasebook();
    /** Every event the workflow published, in order, as a listener heard it. */
    final List<DutyEvent> heard = new ArrayList<>();
    final DutyToWarn duty;
    final DeadlineSweep sweep;

    Desk(List<Party> parties) {
        this(PolicyFile.defaultPolicy(), parties);
    }

    Desk(Policy policy, List<Party> parties) {
        clock = new ReplayClock(RECEIVED, MOSCOW);
        parties.forEach(casebook::putParty);
        duty = new DutyToWarn(casebook, new Timeline(casebook, List.of((seq, event) -> heard.add(event))), policy,
                new Sanitizer(MOSCOW), clock);
        sweep = new DeadlineSweep(duty);
    }

    static Desk crocus() {
        return new Desk(CROCUS_PARTIES);
    }

    /** Moves the clock to {@code instant} (never back). */
    Desk at(Instant instant) {
        clock.advanceTo(instant);
        return this;
    }

    Desk at(String instant) {
        return at(Instant.parse(instant));
    }

    Desk later(Duration duration) {
        return at(clock.instant().plus(duration));
    }

    /** Moves the clock to {@code instant} and runs the sweep there. */
    Desk sweepAt(Instant instant) {
        at(instant);
        sweep.sweep();
        return this;
    }

    Obligation obligation(String id) {
        return casebook.obligation(id).orElseThrow(() -> new AssertionError("no obligation " + id));
    }

    ObligationState state(String id) {
        return obligation(id).state();
    }

    List<TimelineEntry> events(String type) {
        return casebook.events().stream().filter(e -> e.type().equals(type)).toList();
    }

    List<String> eventTypes() {
        return casebook.events().stream().map(TimelineEntry::type).toList();
    }

    // Variations of a report; everything not named stays as it was.

    static ThreatReport withId(ThreatReport r, String id) {
        return new ThreatReport(id, r.receivedAt(), r.harm(), r.credibility(), r.place(), r.window(), r.statements(),
                r.portions(), r.protectedMaterial(), r.synthetic());
    }

    static ThreatReport withHarm(ThreatReport r, Harm harm) {
        return new ThreatReport(r.id(), r.receivedAt(), harm, r.credibility(), r.place(), r.window(), r.statements(),
                r.portions(), r.protectedMaterial(), r.synthetic());
    }

    static ThreatReport withCredibility(ThreatReport r, String admiraltyCode) {
        return new ThreatReport(r.id(), r.receivedAt(), r.harm(), Credibility.of(admiraltyCode), r.place(), r.window(),
                r.statements(), r.portions(), r.protectedMaterial(), r.synthetic());
    }

    static ThreatReport withWindow(ThreatReport r, Instant from, Instant to) {
        return new ThreatReport(r.id(), r.receivedAt(), r.harm(), r.credibility(), r.place(), new TimeWindow(from, to),
                r.statements(), r.portions(), r.protectedMaterial(), r.synthetic());
    }

    /** The report with one text facet stated differently at one level. */
    static ThreatReport withStatement(ThreatReport r, Facet facet, String level, String text) {
        Map<Facet, Map<Level, String>> statements = new EnumMap<>(r.statements());
        Map<Level, String> byLevel = new LinkedHashMap<>(statements.get(facet));
        byLevel.put(facet.level(level), text);
        statements.put(facet, byLevel);
        return new ThreatReport(r.id(), r.receivedAt(), r.harm(), r.credibility(), r.place(), r.window(), statements,
                r.portions(), r.protectedMaterial(), r.synthetic());
    }

    static ThreatReport withProtected(ThreatReport r, ProtectedMaterial material, List<Portion> portions) {
        return new ThreatReport(r.id(), r.receivedAt(), r.harm(), r.credibility(), r.place(), r.window(), r.statements(),
                portions, material, r.synthetic());
    }
}
