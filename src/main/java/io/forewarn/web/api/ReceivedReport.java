package io.forewarn.web.api;

import io.forewarn.json.ObligationView;
import io.forewarn.json.ReportView;

import java.util.List;

/** The answer to a report received: the report as the caller may read it, and the obligations it opened. */
record ReceivedReport(ReportView report, List<ObligationView> obligations) {
}
