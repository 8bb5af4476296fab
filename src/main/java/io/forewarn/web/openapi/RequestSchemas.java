package io.forewarn.web.openapi;

import io.forewarn.policy.WaiverReason;
import io.forewarn.report.Harm;
import io.forewarn.json.Codes;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.forewarn.json.ReportView;
import io.forewarn.json.WindowView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The OpenAPI schemas of the JSON request bodies the controllers read with the readers of the
 * domain (a party is {@link PartySchema}, an incident is {@code json.IncidentView}). A key not named
 * here is refused.
 */
public final class RequestSchemas {

    private RequestSchemas() {
    }

    private static final String LEVEL_TEXT = "{level: text}, from the facet's ladder ";

    @Schema(name = "ReportRequest", description = "A threat report as a scenario file writes one under report:. Times "
            + "carry an offset or are local to forewarn.timezone. It is received now.")
    public record Report(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
                         @Schema(description = "invented to exercise the system (default false)") Boolean synthetic,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[A-Fa-f][1-6]$",
                                 description = "Admiralty grading: source reliability A-F, information credibility 1-6",
                                 example = "B2") String credibility,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Codes(Harm.class) String harm,
                         @Schema(description = LEVEL_TEXT + "(named, type)") Map<String, String> actor,
                         @Schema(description = LEVEL_TEXT + "(named, class, category)") Map<String, String> target,
                         @Schema(description = LEVEL_TEXT + "(specific, generic)") Map<String, String> method,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) PlaceSchema place,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) WindowView time,
                         @Schema(description = "the narrative, each paragraph with its marking (public, partner, protected)")
                         List<ReportView.PortionView> portions,
                         @JsonProperty("protected") ReportView.ProtectedView protectedMaterial) {
    }

    @Schema(name = "ReportRevision", description = "A revision of a received report: its place, its threat window, or "
            + "both, in the shapes a report writes them; at least one. What is not given stays as it was.")
    public record ReportRevision(PlaceSchema place, WindowView time) {
    }

    @Schema(name = "DraftRequest", description = "The warning to draft: its audience, any facet lowered below what the "
            + "ceiling allows, and the justification of each lowered facet (sources-and-methods, detail-unconfirmed or "
            + "waiver; leak-check and not-stated are the sanitizer's own)")
    public record Draft(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "public") String audience,
                        FacetValuesSchema lowered, FacetValuesSchema justifications) {
    }

    @Schema(name = "DraftTextRequest", description = "An analyst's wording of a draft before approval: the language it "
            + "replaces (English when left out), the text, and the justification of each fact the new text no longer "
            + "states (sources-and-methods, detail-unconfirmed or waiver)")
    public record DraftText(@Schema(example = "ru") String language,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String text,
                            FacetValuesSchema justifications) {
    }

    @Schema(name = "WaiverRequest", description = "A request not to warn (not-warned) or to warn less specifically "
            + "(less-specific), citing a reason the policy allows; some reasons require the alternative action taken")
    public record Waiver(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Codes(WaiverReason.class) String reason,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Codes(io.forewarn.obligation.Waiver.Scope.class)
                         String scope,
                         @Schema(description = "free text; refused if the report's protected material shows through it")
                         String alternative) {
    }

    @Schema(name = "CancellationRequest", description = "Why an issued warning is withdrawn")
    public record Cancellation(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            example = "the threat report was withdrawn by its source",
            description = "free text, not blank; it goes on the timeline, never to the recipients; refused if the "
                    + "report's protected material shows through it") String reason) {
    }

    @Schema(name = "DeliveryRequest", description = "How the warning, or its withdrawal, reached its party")
    public record Delivery(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "public alert",
            description = "free text; refused if the report's protected material shows through it") String channel) {
    }

    @Schema(name = "AcknowledgementRequest", description = "The delivery a party acknowledges, by the id it was sent "
            + "(a webhook's webhook-id, the delivery field of its body)")
    public record Acknowledgement(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DL-1") String delivery) {
    }

    @Schema(name = "DecisionNote", description = "An optional note to a decision; the body may be left out")
    public record Note(@Schema(description = "free text; refused if the report's protected material shows through it")
                       String note) {
    }
}
