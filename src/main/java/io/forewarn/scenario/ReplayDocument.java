package io.forewarn.scenario;

import io.forewarn.json.ObligationView;
import io.forewarn.json.ReportView;
import io.forewarn.json.ReviewView;
import io.forewarn.json.TimelineEntryView;
import io.forewarn.json.WaiverView;
import io.forewarn.json.WarningView;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The machine-readable account of replays: timeline, obligations with their history, warnings,
 * waivers, reviews and the expectation check. Each report, timeline entry, obligation, warning, waiver
 * and review is written by its one view of {@code io.forewarn.json}, so it has here exactly the shape
 * the HTTP API gives it. Built in a fixed order so the same scenario gives byte-identical output on
 * every run. It never carries a report's narrative or protected material: reports are written
 * {@linkplain ReportView#withoutNarrative without their narrative}.
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
        run.casebook().reports().forEach(report -> reports.add(tree(
                ReportView.withoutNarrative(report, run.casebook().triage(report.id())))));
        ArrayNode timeline = node.putArray("timeline");
        run.timeline().forEach(event -> timeline.add(tree(TimelineEntryView.of(event))));
        ArrayNode obligations = node.putArray("obligations");
        run.casebook().obligations().forEach(obligation -> obligations.add(tree(ObligationView.of(obligation))));
        ArrayNode warnings = node.putArray("warnings");
        run.casebook().warnings().forEach(warning -> warnings.add(tree(WarningView.of(warning))));
        ArrayNode waivers = node.putArray("waivers");
        run.casebook().waivers().forEach(waiver -> waivers.add(tree(WaiverView.of(waiver))));
        ArrayNode reviews = node.putArray("reviews");
        run.reviews().forEach(review -> reviews.add(tree(ReviewView.of(review, run.policyVersion(), run.casebook()::report))));
        ObjectNode expectations = node.putObject("expectations");
        expectations.put("checked", run.expectations().checked());
        expectations.put("met", run.expectations().met());
        ArrayNode missing = expectations.putArray("missing");
        run.expectations().missing().forEach(f -> missing.add(expected(f)));
        ArrayNode unexpected = expectations.putArray("unexpected");
        run.expectations().unexpected().forEach(f -> unexpected.add(expected(f)));
        return node;
    }

    private static ObjectNode tree(Object view) {
        return JSON.valueToTree(view);
    }

    private static ObjectNode expected(ExpectedFinding finding) {
        ObjectNode node = JSON.createObjectNode();
        node.put("finding", finding.finding());
        node.put("party", finding.party());
        return node;
    }
}
