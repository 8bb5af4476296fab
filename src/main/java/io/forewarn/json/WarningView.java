package io.forewarn.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.forewarn.obligation.Warning;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import io.forewarn.language.Language;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A warning as issued: released levels, the place and window it states (null when it states none),
 * its text (in English, and per language in {@code texts}) and validity, and when it was cancelled, if it was (who
 * cancelled it and why are the ledger's {@code warning-cancelled} event: a webhook body carries this view). Its text was released to its audience (an issued draft passed the leak check;
 * a recorded warning that leaked is stored withheld), so every case reader sees all of it.
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record WarningView(String id, String report, String audience, List<String> parties,
                          // named outright: Jackson 2 (which documents the API) reads "issuedAt" as an is-getter
                          @JsonProperty("issued-at") String issuedAt,
                          String validFrom, String validUntil, LevelsView released, double specificity,
                          LevelsView justifications, PlaceView place, WindowView window, String text,
                          @Schema(description = "the text per language (BCP 47 tag), English first") Map<String, String> texts,
                          String renews, boolean recorded,
                          @Schema(description = "when it was cancelled (POST /api/v1/warnings/{id}/cancellation); null while it stands")
                          String cancelledAt) {

    public static WarningView of(Warning warning) {
        return new WarningView(warning.id(), warning.reportId(), warning.audience().name(), warning.partyIds(),
                warning.issuedAt().toString(), warning.validity().from().toString(), warning.validity().to().toString(),
                LevelsView.of(warning.released()), LevelsView.specificity(warning.specificity()),
                LevelsView.justifications(warning.justifications()), PlaceView.of(warning.releasedPlace()),
                WindowView.ofStated(warning.statedWindow()), warning.text(), texts(warning.texts()),
                warning.renews().orElse(null), warning.recorded(),
                warning.cancellation().map(cancellation -> cancellation.at().toString()).orElse(null));
    }

    /** Texts keyed by their language's tag, in their order (English first). */
    static Map<String, String> texts(Map<Language, String> texts) {
        Map<String, String> byTag = new LinkedHashMap<>();
        texts.forEach((language, text) -> byTag.put(language.tag(), text));
        return byTag;
    }
}
