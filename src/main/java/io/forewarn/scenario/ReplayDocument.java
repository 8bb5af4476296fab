package io.forewarn.scenario;

import io.forewarn.obligation.TimelineEntry;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.Transition;
import io.forewarn.obligation.Waiver;
import io.forewarn.obligation.Warning;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.ThreatReport;
import io.forewarn.review.Finding;
import io.forewarn.incident.Incident;
import io.forewarn.review.PartyCase;
import io.forewarn.review.Review;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The machine-readable account of replays: timeline, obligations with their history, warnings,
 * reviews and the expectation check. Keys are written as in the scenario files and the API
 * ({@code policy-version}, {@code valid-until}). Built field by field in a fixed order so the same scenario
 * gives byte-identical output on every run. It never carries a report's narrative or protected material.
 */
public final class ReplayDocument {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReplayDocument() {
    }

    /** Pretty-printed JSON for one or more replays of the same scenario. */
    public static String toJson(Scenario scenario, List<ReplayResult> runs) {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", scenario.id());
        root.put("title", scenario.title());
        root.put("timezone", scenario.timezone().getId());
        ArrayNode sources = root.putArray("sources");
        scenario.sources().forEach(sources::add);
        ArrayNode array = root.putArray("runs");
        runs.forEach(run -> array.add(run(run)));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static ObjectNode run(ReplayResult run) {
        ObjectNode node = JSON.createObjectNode();
        node.put("mode", run.mode().code());
        node.put("policy-version", run.policyVersion());
        ArrayNode reports = node.putArray("reports");
        run.casebook().reports().forEach(report -> reports.add(report(report, run)));
        ArrayNode timeline = node.putArray("timeline");
        run.timeline().forEach(event -> timeline.add(event(event)));
        ArrayNode obligations = node.putArray("obligations");
        run.casebook().obligations().forEach(obligation -> obligations.add(obligation(obligation)));
        ArrayNode warnings = node.putArray("warnings");
        run.casebook().warnings().forEach(warning -> warnings.add(warning(warning)));
        ArrayNode waivers = node.putArray("waivers");
        run.casebook().waivers().forEach(waiver -> waivers.add(waiver(waiver)));
        ArrayNode reviews = node.putArray("reviews");
        run.reviews().forEach(review -> reviews.add(review(review)));
        ObjectNode expectations = node.putObject("expectations");
        expectations.put("checked", run.expectations().checked());
        expectations.put("met", run.expectations().met());
        ArrayNode missing = expectations.putArray("missing");
        run.expectations().missing().forEach(f -> missing.add(expected(f)));
        ArrayNode unexpected = expectations.putArray("unexpected");
        run.expectations().unexpected().forEach(f -> unexpected.add(expected(f)));
        return node;
    }

    private static ObjectNode report(ThreatReport report, ReplayResult run) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", report.id());
        node.put("received-at", report.receivedAt().toString());
        node.put("harm", report.harm().code());
        node.put("credibility", report.credibility().code());
        node.put("window-from", report.window().from().toString());
        node.put("window-to", report.window().to().toString());
        node.put("synthetic", report.synthetic());
        run.casebook().triage(report.id()).ifPresent(triage -> node.put("triage", triage.outcome().name()
                .toLowerCase(Locale.ROOT).replace('_', '-')));
        ObjectNode supported = node.putObject("supported-levels");
        for (Facet facet : Facet.values()) {
            supported.put(facet.key(), report.supportedLevel(facet).name());
        }
        return node;
    }

    private static ObjectNode event(TimelineEntry event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("at", event.at().toString());
        node.put("type", event.type());
        node.put("subject", event.subject());
        node.put("actor", event.actor());
        node.put("summary", event.summary());
        return node;
    }

    private static ObjectNode obligation(Obligation obligation) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", obligation.id());
        node.put("report", obligation.reportId());
        node.put("party", obligation.partyId());
        node.put("audience", obligation.audience().name());
        node.put("state", obligation.state().code());
        node.put("deadline", obligation.deadline().toString());
        node.put("escalations", obligation.escalations());
        ArrayNode history = node.putArray("history");
        for (Transition step : obligation.history()) {
            ObjectNode entry = history.addObject();
            entry.put("at", step.at().toString());
            entry.put("from", step.from() == null ? null : step.from().code());
            entry.put("to", step.to().code());
            entry.put("actor", step.actor());
            entry.put("policy-version", step.policyVersion());
            entry.put("note", step.note());
        }
        return node;
    }

    private static ObjectNode warning(Warning warning) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", warning.id());
        node.put("report", warning.reportId());
        node.put("audience", warning.audience().name());
        ArrayNode parties = node.putArray("parties");
        warning.partyIds().forEach(parties::add);
        node.put("issued-at", warning.issuedAt().toString());
        node.put("valid-from", warning.validity().from().toString());
        node.put("valid-until", warning.validity().to().toString());
        node.set("released", levels(warning.released()));
        node.put("specificity", Math.round(warning.specificity() * 1000) / 1000.0);
        ObjectNode justifications = node.putObject("justifications");
        warning.justifications().forEach((facet, j) -> justifications.put(facet.key(), j.code()));
        node.put("place", warning.releasedPlace().toString());
        warning.statedWindow().ifPresent(window -> {
            node.put("stated-from", window.from().toString());
            node.put("stated-to", window.to().toString());
        });
        node.put("text", warning.text());
        node.put("renews", warning.renews().orElse(null));
        node.put("recorded", warning.recorded());
        return node;
    }

    private static ObjectNode waiver(Waiver waiver) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", waiver.id());
        node.put("obligation", waiver.obligationId());
        node.put("reason", waiver.reason().code());
        node.put("scope", waiver.scope().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        node.put("requested-by", waiver.requestedBy());
        node.put("requested-at", waiver.requestedAt().toString());
        node.put("alternative", waiver.alternative().orElse(null));
        waiver.decision().ifPresent(decision -> {
            node.put("approved", decision.approved());
            node.put("decided-by", decision.decidedBy());
            node.put("decided-at", decision.at().toString());
        });
        return node;
    }

    private static ObjectNode review(Review review) {
        ObjectNode node = JSON.createObjectNode();
        node.set("incident", incident(review.incident()));
        ArrayNode correlations = node.putArray("correlations");
        for (Review.Correlation correlation : review.correlations()) {
            ObjectNode entry = correlations.addObject();
            entry.put("report", correlation.reportId());
            entry.put("reason", correlation.reason());
        }
        ArrayNode parties = node.putArray("parties");
        for (PartyCase subject : review.cases()) {
            ObjectNode entry = parties.addObject();
            entry.put("report", subject.report().id());
            entry.put("party", subject.party().id());
            entry.put("kind", subject.party().kind());
            entry.put("audience", subject.party().audience().name());
            entry.put("relationship", subject.party().relationship().code());
            entry.set("effective-ceiling", levels(subject.effectiveCeiling().levels()));
            ArrayNode warnings = entry.putArray("warnings");
            subject.warnings().forEach(w -> warnings.add(w.id()));
            entry.put("valid-at-incident", subject.validAtIncident().map(Warning::id).orElse(null));
            ArrayNode findings = entry.putArray("findings");
            review.findingsFor(subject.report().id(), subject.party().id()).forEach(f -> findings.add(f.code().code()));
        }
        ArrayNode findings = node.putArray("findings");
        for (Finding finding : review.findings()) {
            ObjectNode entry = findings.addObject();
            entry.put("finding", finding.code().code());
            entry.put("report", finding.reportId());
            entry.put("party", finding.partyId());
            entry.put("detail", finding.detail());
        }
        return node;
    }

    private static ObjectNode incident(Incident incident) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", incident.id());
        node.put("at", incident.at().toString());
        node.put("place", incident.place().toString());
        node.put("method", incident.method());
        node.put("target", incident.target().orElse(null));
        figure(node, "attackers", incident.casualties().attackers());
        figure(node, "killed", incident.casualties().killed());
        figure(node, "injured", incident.casualties().injured());
        figure(node, "arrested", incident.casualties().arrested());
        node.put("claimed-by", incident.claimedBy().orElse(null));
        return node;
    }

    private static void figure(ObjectNode node, String name, OptionalInt value) {
        if (value.isPresent()) {
            node.put(name, value.getAsInt());
        } else {
            node.putNull(name);
        }
    }

    private static ObjectNode levels(Map<Facet, Level> levels) {
        ObjectNode node = JSON.createObjectNode();
        for (Facet facet : Facet.values()) {
            node.put(facet.key(), levels.get(facet).name());
        }
        return node;
    }

    private static ObjectNode expected(ExpectedFinding finding) {
        ObjectNode node = JSON.createObjectNode();
        node.put("finding", finding.finding());
        node.put("party", finding.party());
        return node;
    }
}
