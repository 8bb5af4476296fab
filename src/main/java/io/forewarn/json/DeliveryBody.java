package io.forewarn.json;

import io.forewarn.dissemination.Delivery;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

import java.util.Locale;

/**
 * What a webhook delivery carries: the delivery's id (also its {@code webhook-id}, the id a receiver drops
 * duplicates by and acknowledges with), why it is sent ({@code alert}, {@code update} or {@code cancel}), and the
 * warning in the API's one shape ({@link WarningView}).
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record DeliveryBody(String delivery, String kind, WarningView warning) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static DeliveryBody of(Delivery delivery) {
        return new DeliveryBody(delivery.id(), delivery.kind().name().toLowerCase(Locale.ROOT),
                WarningView.of(delivery.warning()));
    }

    /** The webhook body of a delivery, UTF-8 JSON. */
    public static byte[] json(Delivery delivery) {
        return JSON.writeValueAsBytes(of(delivery));
    }
}
