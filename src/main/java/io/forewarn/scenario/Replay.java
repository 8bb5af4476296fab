package io.forewarn.scenario;

import io.forewarn.dissemination.InMemoryOutbox;
import io.forewarn.dissemination.OutboxListener;
import io.forewarn.gazetteer.GazetteerExtract;
import io.forewarn.gazetteer.GazetteerZones;
import io.forewarn.incident.Incident;
import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.DeadlineSweep;
import io.forewarn.obligation.DutyToWarn;
import io.forewarn.obligation.InMemoryCasebook;
import io.forewarn.obligation.Obligations;
import io.forewarn.obligation.Timeline;
import io.forewarn.party.InMemoryContactBook;
import io.forewarn.place.CountryZones;
import io.forewarn.place.Gazetteer;
import io.forewarn.policy.Policy;
import io.forewarn.policy.Role;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;
import io.forewarn.review.AfterActionReview;
import io.forewarn.review.Review;
import io.forewarn.sanitize.Sanitizer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Replays a scenario under a simulated clock through the same workflow that runs live. The clock
 * jumps from one instant to the next at which something happens: a scenario event, a step of the
 * simulated people ({@code as-policy}), or a decision the clock alone takes (deadlines, expiry,
 * renewal). The replay ends with the last scenario event, and every incident is then reviewed.
 *
 * <p>{@link #sendingThrough} gives an {@code as-policy} replay channels: its warnings then go out to the parties'
 * contact points ({@link Scenario#contacts()}) as a server sends them, through an outbox the server's
 * {@link OutboxListener} fills, and the review's "delivered" is the channel's.
 */
public final class Replay {

    /** The actor recorded for what the scenario file says happened. */
    static final String RECORDED = "recorded";

    private final Scenario scenario;
    private final Policy policy;
    private final Supplier<Casebook> casebooks;
    private final Gazetteer gazetteer;
    private final Optional<ReplayChannels> channels;

    /** Replays into a fresh in-memory casebook per run. */
    public Replay(Scenario scenario, Policy policy) {
        this(scenario, policy, () -> new InMemoryCasebook(GazetteerExtract.gazetteer()));
    }

    /** Replays into the casebooks {@code casebooks} supplies: each run asks for one, which must be empty. */
    public Replay(Scenario scenario, Policy policy, Supplier<Casebook> casebooks) {
        this(scenario, policy, casebooks, GazetteerExtract.gazetteer());
    }

    /**
     * As above, placing named places with {@code gazetteer}. A replay by default uses the extract committed with
     * Forewarn, so a scenario gives the same review on every machine, whatever gazetteer a server has imported.
     */
    public Replay(Scenario scenario, Policy policy, Supplier<Casebook> casebooks, Gazetteer gazetteer) {
        this(scenario, policy, casebooks, gazetteer, Optional.empty());
    }

    private Replay(Scenario scenario, Policy policy, Supplier<Casebook> casebooks, Gazetteer gazetteer,
                   Optional<ReplayChannels> channels) {
        this.scenario = scenario;
        this.policy = policy;
        this.casebooks = Objects.requireNonNull(casebooks, "casebooks");
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.channels = channels;
    }

    /** This replay, its {@code as-policy} runs sending through these channels. */
    public Replay sendingThrough(ReplayChannels channels) {
        return new Replay(scenario, policy, casebooks, gazetteer, Optional.of(channels));
    }

    public ReplayResult run(Mode mode) {
        List<ScenarioEvent> events = scenario.events();
        if (events.isEmpty()) {
            throw new IllegalArgumentException("scenario " + scenario.id() + " has no events to replay");
        }
        ReplayClock clock = new ReplayClock(events.get(0).at(), scenario.timezone());
        Casebook casebook = casebooks.get();
        scenario.parties().forEach(casebook::putParty);
        Timeline timeline = new Timeline(casebook);
        DutyToWarn duty = new DutyToWarn(casebook, timeline, policy, new Sanitizer(scenario.timezone(),
                GazetteerZones.ofExtract().orElse(new CountryZones())), clock, gazetteer);
        DeadlineSweep sweep = new DeadlineSweep(duty);
        InMemoryOutbox outbox = new InMemoryOutbox();
        Optional<ReplayDispatcher> dispatcher = Optional.empty();
        if (mode == Mode.AS_POLICY && channels.isPresent()) {
            AtomicLong deliveries = new AtomicLong();
            // numbered, not random: the same scenario gives the same deliveries on every run
            timeline.listen(new OutboxListener(outbox, new InMemoryContactBook(scenario.contacts()),
                    () -> "dlv-" + deliveries.incrementAndGet(), casebook::warning));
            dispatcher = Optional.of(new ReplayDispatcher(outbox, channels.get().open(casebook, clock), duty,
                    scenario.delays().delivery()));
        }
        Optional<Autopilot> people = mode == Mode.AS_POLICY
                ? Optional.of(new Autopilot(duty, scenario.delays(), clock, dispatcher)) : Optional.empty();
        people.ifPresent(timeline::listen);
        Instant end = events.get(events.size() - 1).at();

        int next = 0;
        while (true) {
            Instant now = clock.instant();
            Optional<Instant> upcoming = Stream.of(
                            next < events.size() ? Optional.of(events.get(next).at()) : Optional.<Instant>empty(),
                            sweep.nextDueAfter(now),
                            people.flatMap(Autopilot::nextAt))
                    .flatMap(Optional::stream)
                    .filter(at -> !at.isAfter(end))
                    .min(Instant::compareTo);
            if (upcoming.isEmpty()) {
                break;
            }
            clock.advanceTo(upcoming.get().isBefore(now) ? now : upcoming.get());
            sweep.sweep();
            people.ifPresent(p -> p.runDue(clock.instant()));
            while (next < events.size() && !events.get(next).at().isAfter(clock.instant())) {
                apply(events.get(next++), mode, duty);
            }
            sweep.sweep();
            people.ifPresent(p -> p.runDue(clock.instant()));
            if (next >= events.size() && people.flatMap(Autopilot::nextAt).filter(at -> !at.isAfter(end)).isEmpty()
                    && sweep.nextDueAfter(clock.instant()).filter(at -> !at.isAfter(end)).isEmpty()) {
                break;
            }
        }

        AfterActionReview reviewer = new AfterActionReview(casebook, policy, scenario.timezone(), gazetteer);
        List<Review> reviews = new ArrayList<>();
        for (Incident incident : casebook.incidents()) {
            reviews.add(reviewer.review(incident));
        }
        ReplayResult partial = new ReplayResult(scenario, mode, policy.version(), casebook, reviews,
                ExpectationCheck.of(Optional.empty(), List.of()), outbox.entries());
        ExpectationCheck check = ExpectationCheck.of(Optional.ofNullable(scenario.expectations().get(mode)),
                partial.produced());
        return new ReplayResult(scenario, mode, policy.version(), casebook, reviews, check, outbox.entries());
    }

    private void apply(ScenarioEvent event, Mode mode, DutyToWarn duty) {
        if (event instanceof ScenarioEvent.ReportReceived received) {
            duty.receive(received.report(), RECORDED);
        } else if (event instanceof ScenarioEvent.Countermeasure countermeasure) {
            duty.note(countermeasure.text(), RECORDED);
        } else if (event instanceof ScenarioEvent.IncidentOccurred occurred) {
            duty.recordIncident(occurred.incident(), RECORDED);
        } else if (event instanceof ScenarioEvent.RecordedWarning warning) {
            if (mode == Mode.AS_RECORDED) {
                replayWarning(warning, duty);
            } else {
                duty.note("as recorded, a warning went to " + String.join(", ", warning.to())
                        + "; not replayed, the policy decides", RECORDED);
            }
        } else if (event instanceof ScenarioEvent.RecordedDelivery delivery) {
            String what = "a warning was delivered to " + String.join(", ", delivery.to()) + " over " + delivery.channel();
            replayReceipt(delivery.report(), delivery.at(), delivery.to(), what, mode, duty,
                    obligationId -> duty.deliver(obligationId, RECORDED, delivery.channel()));
        } else if (event instanceof ScenarioEvent.RecordedAcknowledgement acknowledgement) {
            String what = String.join(", ", acknowledgement.by()) + " acknowledged the warning";
            replayReceipt(acknowledgement.report(), acknowledgement.at(), acknowledgement.by(), what, mode, duty,
                    obligationId -> duty.acknowledge(obligationId, RECORDED));
        } else if (event instanceof ScenarioEvent.RecordedWaiver waiver) {
            if (mode == Mode.AS_RECORDED) {
                String reportId = reportFor(waiver.report(), waiver.at(), duty);
                if (duty.casebook().obligation(reportId, waiver.party()).isEmpty()) {
                    // like a recorded warning to a party the report does not affect: on the timeline, not a crash
                    duty.note("as recorded, a waiver (" + waiver.terms().reason().code() + ") excused warning " + waiver.party()
                            + ", but " + reportId + " created no obligation to warn " + waiver.party()
                            + "; nothing to waive", RECORDED);
                    return;
                }
                try {
                    duty.replayWaiver(Obligations.idFor(reportId, waiver.party()), waiver.terms(), waiver.requestedBy(),
                            waiver.approvedBy(), Role.of(waiver.approvedBy()));
                } catch (IllegalStateException impossible) {
                    // History the state graph forbids (a waiver after the warning went out) stays visible.
                    duty.note("as recorded, a waiver (" + waiver.terms().reason().code() + ") excused warning " + waiver.party()
                            + ", which cannot be replayed: " + impossible.getMessage(), RECORDED);
                }
            } else {
                duty.note("as recorded, a waiver (" + waiver.terms().reason().code() + ") excused warning " + waiver.party()
                        + "; not replayed, the policy decides", RECORDED);
            }
        }
    }

    /**
     * Replays a recorded delivery or acknowledgement for each party ({@code as-recorded}); one the state graph
     * forbids (nothing was issued to deliver) stays on the timeline as a note, like a waiver that cannot be replayed.
     */
    private static void replayReceipt(Optional<String> named, Instant at, List<String> parties, String what, Mode mode,
                                      DutyToWarn duty, Consumer<String> step) {
        if (mode != Mode.AS_RECORDED) {
            duty.note("as recorded, " + what + "; not replayed, the policy decides", RECORDED);
            return;
        }
        String reportId = reportFor(named, at, duty);
        for (String party : parties) {
            if (duty.casebook().obligation(reportId, party).isEmpty()) {
                duty.note("as recorded, " + what + ", but " + reportId + " created no obligation to warn " + party, RECORDED);
                continue;
            }
            try {
                step.accept(Obligations.idFor(reportId, party));
            } catch (IllegalStateException impossible) {
                duty.note("as recorded, " + what + ", which cannot be replayed: " + impossible.getMessage(), RECORDED);
            }
        }
    }

    private void replayWarning(ScenarioEvent.RecordedWarning warning, DutyToWarn duty) {
        String reportId = reportFor(warning.report(), warning.at(), duty);
        ThreatReport report = duty.casebook().report(reportId).orElseThrow();
        Instant until = warning.at().plus(warning.validFor());
        duty.issueRecorded(report.id(), warning.to(), new TimeWindow(warning.at(), until), warning.released(),
                warning.text(), warning.window(), warning.justifications(), RECORDED);
    }

    /** The report an event names, or the latest one received before it. */
    private static String reportFor(Optional<String> named, Instant at, DutyToWarn duty) {
        if (named.isPresent()) {
            return named.get();
        }
        return duty.casebook().reports().stream()
                .filter(r -> !r.receivedAt().isAfter(at))
                .reduce((first, second) -> second)
                .map(ThreatReport::id)
                .orElseThrow(() -> new IllegalArgumentException("an event at " + at + " refers to a report, but none was received before it"));
    }
}
