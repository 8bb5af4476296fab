package io.forewarn.cli;

import io.forewarn.obligation.TimelineEntry;
import io.forewarn.obligation.Warning;
import io.forewarn.review.Finding;
import io.forewarn.incident.Incident;
import io.forewarn.review.PartyCase;
import io.forewarn.review.Review;
import io.forewarn.sanitize.TimeStatement;
import io.forewarn.scenario.ExpectationCheck;
import io.forewarn.scenario.ReplayResult;
import io.forewarn.scenario.Scenario;
import io.forewarn.scenario.ScenarioEvent;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Renders replays for a person at a terminal: the timeline, the review table and a side-by-side summary. */
final class ReplayText {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

    private final PrintWriter out;
    private final Scenario scenario;
    private final ZoneId zone;

    ReplayText(PrintWriter out, Scenario scenario) {
        this.out = out;
        this.scenario = scenario;
        this.zone = scenario.timezone();
    }

    /**
     * Everything about the runs: title, sources and the incidents as recorded, each timeline and review, the
     * comparison, the expectations.
     */
    void print(List<ReplayResult> runs, boolean timelines) {
        header();
        runs.forEach(run -> run(run, timelines));
        conclusion(runs);
    }

    /** What the scenario file says before anything is replayed: title, sources, the incidents as recorded. */
    void header() {
        out.println(scenario.title());
        if (!scenario.sources().isEmpty()) {
            out.println("Sources: " + String.join("; ", scenario.sources()) + ". Parts marked synthetic were invented.");
        }
        scenario.events().stream()
                .filter(ScenarioEvent.IncidentOccurred.class::isInstance)
                .map(event -> ((ScenarioEvent.IncidentOccurred) event).incident())
                .forEach(incident -> out.println(incident(incident)));
        out.flush();
    }

    /** One run's timeline (if asked for) and review, printed as soon as it is replayed. */
    void run(ReplayResult run, boolean timelines) {
        if (timelines) {
            timeline(run);
        }
        review(run);
        out.flush();
    }

    /** The comparison of two runs, and whether each met its expectations. */
    void conclusion(List<ReplayResult> runs) {
        if (runs.size() == 2) {
            sideBySide(runs.get(0), runs.get(1));
        }
        out.println();
        runs.forEach(this::expectations);
        out.flush();
    }

    void heading(String text) {
        out.println();
        out.println(text);
        out.println("=".repeat(text.length()));
    }

    void timeline(ReplayResult run) {
        heading("Timeline, " + run.mode().code() + " (times " + zone.getId() + ", policy v" + run.policyVersion() + ")");
        for (TimelineEntry event : run.timeline()) {
            out.printf("%s  %-22s %s%n", local(event.at()), event.type(), event.summary());
        }
    }

    void review(ReplayResult run) {
        for (Review review : run.reviews()) {
            heading("After-action review, " + run.mode().code() + ": " + review.incident().id() + " at "
                    + local(review.incident().at()));
            if (review.correlations().isEmpty()) {
                out.println("No earlier report correlates with this incident.");
            }
            review.correlations().forEach(c -> out.println("Correlated with " + c.reportId() + ": " + c.reason()));
            out.println();
            if (review.cases().isEmpty()) {
                out.println("No party was resolved as affected by the correlated reports.");
                continue;
            }
            out.printf("%-18s %-19s %-12s %-36s %-10s %s%n", "party", "audience", "relationship", "told (issued, specificity)",
                    "valid", "findings");
            for (PartyCase subject : review.cases()) {
                String told = told(subject.warnings());
                String valid = subject.validAtIncident().map(Warning::id).orElse("no");
                String findings = review.findingsFor(subject.report().id(), subject.party().id()).stream()
                        .map(f -> f.code().code()).distinct().collect(Collectors.joining(", "));
                out.printf("%-18s %-19s %-12s %-36s %-10s %s%n", subject.party().id(), subject.party().audience(),
                        subject.party().relationship().code(), told, valid, findings.isEmpty() ? "-" : findings);
            }
            out.println();
            for (Finding finding : review.findings()) {
                out.println("  " + finding.code().code() + " [" + finding.partyId() + "]: " + finding.detail());
            }
        }
    }

    void expectations(ReplayResult run) {
        ExpectationCheck check = run.expectations();
        if (!check.checked()) {
            out.println("No expectations stated for " + run.mode().code() + ".");
        } else if (check.met()) {
            int count = check.expected().orElseThrow().size();
            out.println("Expectations for " + run.mode().code() + " met: " + count
                    + (count == 1 ? " finding" : " findings") + ", as expected.");
        } else {
            out.println("Expectations for " + run.mode().code() + " NOT met (- expected but not produced, + produced but not expected):");
            check.diff().forEach(line -> out.println("  " + run.mode().code() + " " + line));
        }
    }

    /** Parties warned and still covered at each incident, as recorded against as policy. */
    void sideBySide(ReplayResult recorded, ReplayResult policy) {
        heading("Side by side: as recorded vs. as policy");
        out.printf("%-34s %-14s %-14s%n", "", "as recorded", "as policy");
        out.printf("%-34s %-14d %-14d%n", "affected parties", affected(recorded).size(), affected(policy).size());
        out.printf("%-34s %-14d %-14d%n", "parties warned before the incident", warned(recorded).size(), warned(policy).size());
        out.printf("%-34s %-14d %-14d%n", "still covered at the incident", covered(recorded).size(), covered(policy).size());
        out.printf("%-34s %-14d %-14d%n", "failures of the duty to warn", failures(recorded), failures(policy));
        out.println();
        out.printf("%-18s %-36s %-36s%n", "party", "as recorded", "as policy");
        Set<String> parties = new LinkedHashSet<>(affected(recorded));
        parties.addAll(affected(policy));
        for (String party : parties) {
            out.printf("%-18s %-36s %-36s%n", party, verdict(recorded, party), verdict(policy, party));
        }
    }

    /**
     * What the scenario file records of an incident: its toll, its most specific place and its local day,
     * e.g. "Incident crocus-city-hall-attack: 137 killed, 182 injured at Crocus City Hall, 22 March 2024."
     * A figure the file leaves out is not known, so it is not stated (nor guessed as 0).
     */
    private String incident(Incident incident) {
        List<String> toll = new ArrayList<>();
        incident.casualties().killed().ifPresent(killed -> toll.add(killed + " killed"));
        incident.casualties().injured().ifPresent(injured -> toll.add(injured + " injured"));
        // An incident always has a place (Incident refuses an empty one), so it has a most specific level.
        String place = incident.place().mostSpecificLevel().flatMap(incident.place()::at).orElseThrow().name();
        return "Incident " + incident.id() + ": " + (toll.isEmpty() ? "toll not recorded" : String.join(", ", toll))
                + " at " + place + ", " + TimeStatement.day(incident.at().atZone(zone).toLocalDate()) + ".";
    }

    /** The first warning, its time and specificity, and how many followed it. */
    private String told(List<Warning> warnings) {
        if (warnings.isEmpty()) {
            return "never";
        }
        Warning first = warnings.get(0);
        String told = first.id() + " " + local(first.issuedAt()).substring(5)
                + String.format(Locale.ROOT, " %.2f", first.specificity());
        int more = warnings.size() - 1;
        return more == 0 ? told : told + " +" + more + (more == 1 ? " renewal" : " renewals");
    }

    private static Set<String> affected(ReplayResult run) {
        return cases(run).stream().map(c -> c.party().id()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> warned(ReplayResult run) {
        return cases(run).stream().filter(c -> !c.warnings().isEmpty()).map(c -> c.party().id())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> covered(ReplayResult run) {
        return run.findings().stream().filter(f -> !f.code().isFailure()).map(Finding::partyId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static long failures(ReplayResult run) {
        return run.findings().stream().filter(f -> f.code().isFailure()).count();
    }

    private static String verdict(ReplayResult run, String party) {
        List<PartyCase> cases = cases(run).stream().filter(c -> c.party().id().equals(party)).toList();
        if (cases.isEmpty()) {
            return "not affected";
        }
        boolean warned = cases.stream().anyMatch(c -> !c.warnings().isEmpty());
        long failures = run.findings().stream().filter(f -> f.partyId().equals(party) && f.code().isFailure()).count();
        String state = covered(run).contains(party) ? "covered" : warned ? "warned, not covered" : "never warned";
        return state + (failures == 0 ? "" : ", " + failures + (failures == 1 ? " failure" : " failures"));
    }

    private static List<PartyCase> cases(ReplayResult run) {
        return run.reviews().stream().flatMap(r -> r.cases().stream()).toList();
    }

    private String local(Instant instant) {
        return LOCAL.format(instant.atZone(zone));
    }
}
