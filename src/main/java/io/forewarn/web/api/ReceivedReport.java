package io.forewarn.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.forewarn.json.ObligationView;
import io.forewarn.json.ReportView;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a report received: the report as the caller may read it, the obligations it opened, and what the
 * analyst should know about it at once ({@code warnings}, left out when there is nothing to say): today, that
 * some of its facets state its own protected material, which every warning must then step down past and roles
 * without need-to-know do not see, so the analyst can move it into the protected material.
 */
record ReceivedReport(ReportView report, List<ObligationView> obligations,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    static ReceivedReport of(ReportView report, List<ObligationView> obligations) {
        List<String> warnings = new ArrayList<>();
        if (report.protectedInFacets() != null && !report.protectedInFacets().isEmpty()) {
            warnings.add("the " + String.join(", ", report.protectedInFacets()) + " facet"
                    + (report.protectedInFacets().size() == 1 ? " states" : "s state") + " the report's own protected"
                    + " material: warnings step down past it and roles without need-to-know do not see it; move it into"
                    + " the report's protected material, or word the facet without it");
        }
        return new ReceivedReport(report, obligations, List.copyOf(warnings));
    }
}
