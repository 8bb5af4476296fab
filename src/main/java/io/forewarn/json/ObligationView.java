package io.forewarn.json;

import io.forewarn.obligation.ClosingReason;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.ObligationState;
import io.forewarn.obligation.Transition;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * An obligation with its whole history; nothing in it is protected. {@code closed-as} is the reason it was
 * closed (e.g. {@code expired-unwarned}), null unless it is closed.
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record ObligationView(String id, String report, String party, String audience,
                             @Codes(ObligationState.class) String state,
                             @Codes(ObligationState.class) String workingState, @Codes(ClosingReason.class) String closedAs, String openedAt,
                             String deadline, int escalations, @Codes(ObligationState.class) List<String> allowedNext,
                             List<Step> history) {

    public static ObligationView of(Obligation obligation) {
        return new ObligationView(obligation.id(), obligation.reportId(), obligation.partyId(),
                obligation.audience().name(), obligation.state().code(), obligation.workingState().code(),
                obligation.closedAs().map(ClosingReason::code).orElse(null),
                obligation.openedAt().toString(), obligation.deadline().toString(), obligation.escalations(),
                obligation.allowedNext().stream().map(ObligationState::code).toList(),
                obligation.history().stream().map(Step::of).toList());
    }

    /** One transition of the history: {@code from} is null for the opening one. */
    @Schema(name = "ObligationStep")
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Step(String at, @Codes(ObligationState.class) String from, @Codes(ObligationState.class) String to,
                       String actor, int policyVersion, String note) {

        static Step of(Transition step) {
            return new Step(step.at().toString(), step.from() == null ? null : step.from().code(), step.to().code(),
                    step.actor(), step.policyVersion(), step.note());
        }
    }
}
