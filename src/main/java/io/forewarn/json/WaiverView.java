package io.forewarn.json;

import io.forewarn.policy.WaiverReason;
import io.forewarn.policy.Role;
import io.forewarn.obligation.Waiver;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A waiver: the request, its status ({@code pending}, {@code approved}, {@code rejected}) and the
 * decision once there is one (null before).
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record WaiverView(String id, String obligation, @Codes(WaiverReason.class) String reason,
                         @Codes(Waiver.Scope.class) String scope, String requestedBy, @Codes(Role.class) String requesterRole, String requestedAt, String alternative, String status, Decision decision) {

    public static WaiverView of(Waiver waiver) {
        return new WaiverView(waiver.id(), waiver.obligationId(), waiver.reason().code(), waiver.scope().code(),
                waiver.requestedBy(), waiver.requesterRole().code(), waiver.requestedAt().toString(),
                waiver.alternative().orElse(null),
                waiver.decision().map(d -> d.approved() ? "approved" : "rejected").orElse("pending"),
                waiver.decision().map(Decision::of).orElse(null));
    }

    /** Who approved or rejected the waiver, in which role, when, and with what note. */
    @Schema(name = "WaiverDecision")
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Decision(boolean approved, String decidedBy, @Codes(Role.class) String role, String at, String note) {

        static Decision of(Waiver.Decision decision) {
            return new Decision(decision.approved(), decision.decidedBy(), decision.role().code(),
                    decision.at().toString(), decision.note());
        }
    }
}
