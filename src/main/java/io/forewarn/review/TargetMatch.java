package io.forewarn.review;

import io.forewarn.incident.Incident;
import io.forewarn.party.KindNames;
import io.forewarn.place.Names;
import io.forewarn.place.PlaceLevel;
import io.forewarn.report.Facet;
import io.forewarn.report.ThreatReport;

import java.util.Map;
import java.util.Optional;

/** Whether what an incident struck is what a report said would be targeted. */
final class TargetMatch {

    private TargetMatch() {
    }

    /** Why the targets match, or empty when they do not. An incident of unknown target matches any report. */
    static Optional<String> reason(ThreatReport report, Incident incident) {
        Map<io.forewarn.report.Level, String> target = report.statements().get(Facet.TARGET);
        Optional<String> site = incident.place().at(PlaceLevel.SITE).map(named -> named.name());
        String named = target.get(Facet.TARGET.level("named"));
        if (named != null && site.isPresent() && Names.same(named, site.get())) {
            return Optional.of("the report named " + site.get());
        }
        String targetClass = target.get(Facet.TARGET.level("class"));
        if (targetClass != null && incident.target().isPresent()) {
            return KindNames.same(targetClass, incident.target().get())
                    ? Optional.of(incident.target().get() + " is one of the " + targetClass)
                    : Optional.empty();
        }
        if (incident.target().isEmpty()) {
            return Optional.of("the incident's target is not recorded, so any target matches");
        }
        String category = target.get(Facet.TARGET.level("category"));
        return Optional.of(category != null ? "the report stated only the category " + category
                : "the report stated no target class");
    }
}
