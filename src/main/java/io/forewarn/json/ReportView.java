package io.forewarn.json;

import io.forewarn.report.Marking;
import io.forewarn.report.Harm;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.forewarn.obligation.NearMatch;
import io.forewarn.policy.Role;
import io.forewarn.policy.Triage;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.Portion;
import io.forewarn.report.ThreatReport;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import io.forewarn.sanitize.LeakCheck;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A report in the shape it is written in, with its triage and the level of each facet it supports.
 * Need-to-know: protected material and {@code protected} portions are in it only for readers who may
 * read them; everyone else gets the redacted report ({@code redacted: true}), which says that something
 * was withheld but not what. A redacted report also leaves out every place name, facet statement and
 * portion through which the report's own protected material shows (the leak check a warning passes), and
 * lists what it left out in {@code withheld} ({@code place/site}, {@code target/class}, {@code portions/2}).
 * {@code protected-in-facets} names, for every reader, the facets whose statements hold the report's own
 * protected material, so that the analyst can move it into the protected material; it names facets, never
 * the material. The account of a replay carries the report without its narrative: no {@code portions} at
 * all, and redacted. Keys whose value is absent ({@code triage} before triage, {@code protected} or
 * {@code redacted}, {@code portions} without narrative, {@code withheld} and {@code protected-in-facets}
 * when empty) are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record ReportView(String id, String receivedAt, @Codes(Harm.class) String harm, String credibility, String triage, PlaceView place,
                         WindowView time, Map<String, String> target, Map<String, String> method,
                         Map<String, String> actor, List<PortionView> portions,
                         @JsonProperty("protected") ProtectedView protectedMaterial, Boolean redacted,
                         boolean synthetic, LevelsView supportedLevels,
                         @Codes(Facet.class) @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> protectedInFacets,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> withheld,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NearMatchView> nearMatches) {

    /** The report as {@code reader} may read it. */
    public static ReportView of(ThreatReport report, Optional<Triage> triage, Role reader) {
        return of(report, triage, reader.mayReadProtectedMaterial(), true);
    }

    /**
     * The report as {@code reader} may read it, with the near matches of its named target offered to an analyst
     * ({@code near-matches}) when the reader has need-to-know: the party's name is read beside the target.
     */
    public static ReportView of(ThreatReport report, Optional<Triage> triage, Role reader, List<NearMatch> nearMatches) {
        ReportView view = of(report, triage, reader);
        if (!reader.mayReadProtectedMaterial() || nearMatches.isEmpty()) {
            return view;
        }
        return new ReportView(view.id(), view.receivedAt(), view.harm(), view.credibility(), view.triage(), view.place(),
                view.time(), view.target(), view.method(), view.actor(), view.portions(), view.protectedMaterial(),
                view.redacted(), view.synthetic(), view.supportedLevels(), view.protectedInFacets(), view.withheld(),
                nearMatches.stream().map(NearMatchView::of).toList());
    }

    /** The report without its narrative or protected material, as the account of a replay carries it. */
    public static ReportView withoutNarrative(ThreatReport report, Optional<Triage> triage) {
        return of(report, triage, false, false);
    }

    private static ReportView of(ThreatReport report, Optional<Triage> triage, boolean needToKnow, boolean narrative) {
        LeakCheck leakCheck = LeakCheck.forReport(report);
        List<String> withheld = new ArrayList<>();
        Set<Facet> protectedIn = EnumSet.noneOf(Facet.class);

        Map<PlaceLevel, NamedPlace> place = new LinkedHashMap<>();
        report.place().levels().forEach((level, named) -> {
            if (leakCheck.check(named.name()).isBlocked()) {
                protectedIn.add(Facet.PLACE);
                if (!needToKnow) {
                    withheld.add(Facet.PLACE.key() + "/" + level.key());
                    return;
                }
            }
            place.put(level, named);
        });
        Map<Facet, Map<String, String>> statements = new EnumMap<>(Facet.class);
        for (Facet facet : ThreatReport.TEXT_FACETS) {
            Map<String, String> stated = new LinkedHashMap<>();
            report.statements().get(facet).forEach((level, text) -> {
                if (leakCheck.check(text).isBlocked()) {
                    protectedIn.add(facet);
                    if (!needToKnow) {
                        withheld.add(facet.key() + "/" + level.name());
                        return;
                    }
                }
                stated.put(level.name(), text);
            });
            statements.put(facet, stated);
        }
        List<PortionView> portions = null;
        if (narrative) {
            portions = new ArrayList<>();
            for (int index = 0; index < report.portions().size(); index++) {
                Portion portion = report.portions().get(index);
                if (needToKnow) {
                    portions.add(PortionView.of(portion));
                } else if (!portion.isProtected()) {
                    if (leakCheck.check(portion.text()).isBlocked()) {
                        withheld.add("portions/" + index);
                    } else {
                        portions.add(PortionView.of(portion));
                    }
                }
            }
        }
        Map<Facet, Level> supported = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            supported.put(facet, report.supportedLevel(facet));
        }
        return new ReportView(report.id(), report.receivedAt().toString(), report.harm().code(),
                report.credibility().code(),
                triage.map(t -> t.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-')).orElse(null),
                PlaceView.of(Place.of(place)), WindowView.of(report.window()), statements.get(Facet.TARGET),
                statements.get(Facet.METHOD), statements.get(Facet.ACTOR), portions,
                needToKnow ? ProtectedView.of(report) : null, needToKnow ? null : Boolean.TRUE, report.synthetic(),
                LevelsView.of(supported), protectedIn.stream().map(Facet::key).toList(), List.copyOf(withheld), null);
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
