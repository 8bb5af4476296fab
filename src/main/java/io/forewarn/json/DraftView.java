package io.forewarn.json;

import io.forewarn.report.Facet;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.forewarn.obligation.DraftRecord;
import io.forewarn.policy.Role;
import io.forewarn.sanitize.Draft;
import io.forewarn.sanitize.LeakVerdict;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/**
 * A draft: released levels, text, specificity, gaps, obstacles and the leak check's verdict.
 * Need-to-know: the leak verdict names a matched item only to a reader who may read protected material
 * (everyone else reads e.g. "protected term #0"), and the text of a draft the leak check blocks, which
 * by definition reveals protected material, is withheld from them ({@code text} and {@code texts} null,
 * {@code text-withheld: true}; the key is there only when the text is withheld).
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record DraftView(String id, String report, String audience, @Codes(DraftRecord.Status.class) String status, String draftedBy, String draftedAt,
                        String decidedBy, List<String> obligations, String renews, LevelsView released,
                        LevelsView effectiveCeiling, double specificity, LevelsView justifications,
                        @Codes(Facet.class) List<String> gaps, @Codes(Facet.class) List<String> unjustifiedGaps, PlaceView place, WindowView window, String text,
                        @Schema(description = "the text per language (BCP 47 tag), English first") Map<String, String> texts,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean textWithheld, Leak leak,
                        List<String> obstacles, boolean approvable) {

    /** The draft as {@code reader} may read it. */
    public static DraftView of(DraftRecord record, Role reader) {
        Draft draft = record.draft();
        boolean withheld = draft.leak().isBlocked() && !reader.mayReadProtectedMaterial();
        return new DraftView(record.id(), draft.reportId(), draft.audience().name(), record.status().code(),
                record.draftedBy(), record.draftedAt().toString(), record.decidedBy().orElse(null),
                record.obligationIds(), record.renews().orElse(null), LevelsView.of(draft.released()),
                LevelsView.of(draft.effectiveCeiling().levels()), LevelsView.specificity(draft.specificity()),
                LevelsView.justifications(draft.justifications()), LevelsView.keys(draft.gaps()),
                LevelsView.keys(draft.unjustifiedGaps()), PlaceView.of(draft.releasedPlace()),
                WindowView.ofStated(draft.statedWindow()), withheld ? null : draft.text(),
                withheld ? null : WarningView.texts(draft.texts()), withheld ? Boolean.TRUE : null,
                Leak.of(draft.leak(), reader), draft.obstacles(), draft.isApprovable());
    }

    /** The leak check's verdict, its matches described as {@code reader} may read them. */
    @Schema(name = "LeakVerdict")
    public record Leak(boolean blocked, List<String> matches) {

        static Leak of(LeakVerdict verdict, Role reader) {
            List<String> matches = verdict instanceof LeakVerdict.Blocked blocked
                    ? blocked.matches().stream().map(match -> match.describe(reader)).toList()
                    : List.of();
            return new Leak(verdict.isBlocked(), matches);
        }
    }
}
