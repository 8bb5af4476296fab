package io.forewarn.web.api;

import io.forewarn.web.security.Caller;
import io.forewarn.place.Area;
import io.forewarn.place.Place;
import io.forewarn.policy.Triage;
import io.forewarn.report.Facet;
import io.forewarn.report.Portion;
import io.forewarn.report.ThreatReport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A report as the API shows it, in the shape it is written in. Need-to-know: protected material and
 * {@code protected} portions are in it only for callers who may read them; everyone else gets the
 * redacted view, which says that something was withheld but not what.
 */
final class ReportView {

    private ReportView() {
    }

    static Map<String, Object> of(ThreatReport report, Optional<Triage> triage, Caller caller) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", report.id());
        view.put("received-at", report.receivedAt().toString());
        view.put("harm", report.harm().code());
        view.put("credibility", report.credibility().code());
        triage.ifPresent(t -> view.put("triage", t.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        view.put("place", place(report.place()));
        Map<String, String> time = new LinkedHashMap<>();
        time.put("from", report.window().from().toString());
        time.put("to", report.window().to().toString());
        view.put("time", time);
        for (Facet facet : ThreatReport.TEXT_FACETS) {
            Map<String, String> statements = new LinkedHashMap<>();
            report.statements().get(facet).forEach((level, text) -> statements.put(level.name(), text));
            view.put(facet.key(), statements);
        }
        boolean needToKnow = caller.mayReadProtectedMaterial();
        List<Map<String, String>> portions = report.portions().stream()
                .filter(portion -> needToKnow || !portion.isProtected())
                .map(ReportView::portion)
                .toList();
        view.put("portions", portions);
        if (needToKnow) {
            Map<String, List<String>> material = new LinkedHashMap<>();
            material.put("sources", report.protectedMaterial().sources());
            material.put("methods", report.protectedMaterial().methods());
            material.put("terms", report.protectedMaterial().terms());
            view.put("protected", material);
        } else {
            view.put("redacted", true);
        }
        view.put("synthetic", report.synthetic());
        return view;
    }

    static Map<String, Object> place(Place place) {
        Map<String, Object> view = new LinkedHashMap<>();
        place.levels().forEach((level, named) -> {
            if (named.area().isEmpty()) {
                view.put(level.key(), named.name());
                return;
            }
            Map<String, Object> withArea = new LinkedHashMap<>();
            withArea.put("name", named.name());
            Area area = named.area().get();
            if (area instanceof Area.Circle circle) {
                withArea.put("lat", circle.centre().lat());
                withArea.put("lon", circle.centre().lon());
                withArea.put("radius-km", circle.radiusKm());
            } else if (area instanceof Area.Polygon polygon) {
                withArea.put("polygon", polygon.ring().stream().map(p -> List.of(p.lat(), p.lon())).toList());
            }
            view.put(level.key(), withArea);
        });
        return view;
    }

    private static Map<String, String> portion(Portion portion) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("marking", portion.marking().code());
        view.put("text", portion.text());
        return view;
    }
}
