package io.forewarn.web.api;

import io.forewarn.web.problem.NotFound;
import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.DraftRecord;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.Waiver;
import io.forewarn.obligation.Warning;
import io.forewarn.report.ThreatReport;
import io.forewarn.incident.Incident;

/**
 * What a request's path names, or 404. Controllers look a thing up here before the workflow acts
 * on it, inside the same transaction, so an unknown id is "not found" rather than a bad request.
 */
final class Found {

    private Found() {
    }

    static ThreatReport report(Casebook casebook, String id) {
        return casebook.report(id).orElseThrow(() -> new NotFound("no report " + id));
    }

    static Obligation obligation(Casebook casebook, String report, String party) {
        return casebook.obligation(report, party).orElseThrow(() -> new NotFound("no obligation " + report + "/" + party));
    }

    static DraftRecord draft(Casebook casebook, String id) {
        return casebook.draft(id).orElseThrow(() -> new NotFound("no draft " + id));
    }

    static Warning warning(Casebook casebook, String id) {
        return casebook.warning(id).orElseThrow(() -> new NotFound("no warning " + id));
    }

    static io.forewarn.obligation.NearMatch nearMatch(Casebook casebook, String id) {
        return casebook.nearMatch(id).orElseThrow(() -> new NotFound("no near match " + id));
    }

    static Waiver waiver(Casebook casebook, String id) {
        return casebook.waiver(id).orElseThrow(() -> new NotFound("no waiver " + id));
    }

    static Incident incident(Casebook casebook, String id) {
        return casebook.incident(id).orElseThrow(() -> new NotFound("no incident " + id));
    }
}
