package io.forewarn.json;

import io.forewarn.obligation.NearMatch;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A near match of a report's named target, for roles with need-to-know only (the party's name it is near is read
 * beside the report's target): {@code status} {@code offered}, {@code confirmed} or {@code rejected}, and the
 * decision once there is one (null before).
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record NearMatchView(String id, String report, String party, String partyName, String how, String offeredAt,
                            @Codes(NearMatch.Status.class) String status, Decision decision) {

    public static NearMatchView of(NearMatch match) {
        return new NearMatchView(match.id(), match.reportId(), match.partyId(), match.partyName(), match.how(),
                match.offeredAt().toString(), match.status().code(), match.decision().map(Decision::of).orElse(null));
    }

    /** Who confirmed or rejected it, when, and with what note. */
    @Schema(name = "NearMatchDecision")
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Decision(String decidedBy, String at, String note) {

        static Decision of(NearMatch.Decision decision) {
            return new Decision(decision.by(), decision.at().toString(), decision.note());
        }
    }
}
