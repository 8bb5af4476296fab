package io.forewarn.json;

import io.forewarn.report.Marking;
import io.forewarn.report.Harm;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.forewarn.policy.Role;
import io.forewarn.policy.Triage;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.Portion;
import io.forewarn.report.ThreatReport;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A report in the shape it is written in, with its triage and the level of each facet it supports.
 * Need-to-know: protected material and {@code protected} portions are in it only for readers who may
 * read them; everyone else gets the redacted report ({@code redacted: true}), which says that something
 * was withheld but not what. The account of a replay carries the report without its narrative: no
 * {@code portions} at all, and redacted. Keys whose value is absent ({@code triage} before triage,
 * {@code protected} or {@code redacted}, {@code portions} without narrative) are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record ReportView(String id, String receivedAt, @Codes(Harm.class) String harm, String credibility, String triage, PlaceView place,
                         WindowView time, Map<String, String> target, Map<String, String> method,
                         Map<String, String> actor, List<PortionView> portions,
                         @JsonProperty("protected") ProtectedView protectedMaterial, Boolean redacted,
                         boolean synthetic, LevelsView supportedLevels) {

    /** The report as {@code reader} may read it. */
    public static ReportView of(ThreatReport report, Optional<Triage> triage, Role reader) {
        boolean needToKnow = reader.mayReadProtectedMaterial();
        List<PortionView> portions = report.portions().stream()
                .filter(portion -> needToKnow || !portion.isProtected())
                .map(PortionView::of)
                .toList();
        return of(report, triage, portions, needToKnow);
    }

    /** The report without its narrative or protected material, as the account of a replay carries it. */
    public static ReportView withoutNarrative(ThreatReport report, Optional<Triage> triage) {
        return of(report, triage, null, false);
    }

    private static ReportView of(ThreatReport report, Optional<Triage> triage, List<PortionView> portions,
                                 boolean needToKnow) {
        Map<Facet, Map<String, String>> statements = new EnumMap<>(Facet.class);
        for (Facet facet : ThreatReport.TEXT_FACETS) {
            Map<String, String> stated = new LinkedHashMap<>();
            report.statements().get(facet).forEach((level, text) -> stated.put(level.name(), text));
            statements.put(facet, stated);
        }
        Map<Facet, Level> supported = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            supported.put(facet, report.supportedLevel(facet));
        }
        return new ReportView(report.id(), report.receivedAt().toString(), report.harm().code(),
                report.credibility().code(),
                triage.map(t -> t.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-')).orElse(null),
                PlaceView.of(report.place()), WindowView.of(report.window()), statements.get(Facet.TARGET),
                statements.get(Facet.METHOD), statements.get(Facet.ACTOR), portions,
                needToKnow ? ProtectedView.of(report) : null, needToKnow ? null : Boolean.TRUE, report.synthetic(),
                LevelsView.of(supported));
    }

    /** One paragraph of the narrative with its marking. */
    public record PortionView(@Codes(Marking.class) String marking, String text) {

        static PortionView of(Portion portion) {
            return new PortionView(portion.marking().code(), portion.text());
        }
    }

    /** The report's protected material, for readers with need-to-know only. */
    public record ProtectedView(List<String> sources, List<String> methods, List<String> terms) {

        static ProtectedView of(ThreatReport report) {
            return new ProtectedView(report.protectedMaterial().sources(), report.protectedMaterial().methods(),
                    report.protectedMaterial().terms());
        }
    }
}
