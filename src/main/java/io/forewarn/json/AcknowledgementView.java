package io.forewarn.json;

import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.ObligationState;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer to an acknowledgement: the delivery it names and the state its obligation is now in. It is all a party
 * that acknowledges needs to know, and all it is told: the obligation's history names the agency's people.
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record AcknowledgementView(String delivery, @Codes(ObligationState.class) String state, String acknowledgedAt) {

    public static AcknowledgementView of(String deliveryId, Obligation obligation) {
        return new AcknowledgementView(deliveryId, obligation.state().code(), obligation.history().isEmpty() ? null
                : obligation.history().get(obligation.history().size() - 1).at().toString());
    }
}
