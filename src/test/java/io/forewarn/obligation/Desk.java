package io.forewarn.obligation;

import io.forewarn.Crocus;
import io.forewarn.party.Party;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * Test fixture: one duty-to-warn desk (casebook, workflow and deadline sweep) under a replay clock
 * that stands still until a test moves it, with the parties of the Crocus City Hall case
 * ({@link Crocus}), and ways to vary its report.
 */
final class Desk {

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
        clock = new ReplayClock(Crocus.RECEIVED, Crocus.MOSCOW);
        parties.forEach(casebook::putParty);
        duty = new DutyToWarn(casebook, new Timeline(casebook, List.of((seq, event) -> heard.add(event))), policy,
                new Sanitizer(Crocus.MOSCOW), clock);
        sweep = new DeadlineSweep(duty);
    }

    static Desk crocus() {
        return new Desk(Crocus.PARTIES);
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
