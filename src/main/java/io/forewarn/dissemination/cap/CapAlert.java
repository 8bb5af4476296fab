package io.forewarn.dissemination.cap;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A CAP alert (OASIS Common Alerting Protocol), as Forewarn writes it (1.2) and reads it (1.1 and 1.2): the
 * elements a receiver acts on. Values of the enumerated elements ({@code status}, {@code urgency}, ...) are kept
 * as written, so an alert of another sender reads back as it was.
 *
 * @param references the alerts this one updates or cancels, each {@code sender,identifier,sent}
 */
public record CapAlert(String version, String identifier, String sender, OffsetDateTime sent, String status,
                       String msgType, String scope, List<String> references, List<Info> infos) {

    public static final String NAMESPACE_1_2 = "urn:oasis:names:tc:emergency:cap:1.2";
    public static final String NAMESPACE_1_1 = "urn:oasis:names:tc:emergency:cap:1.1";

    public CapAlert {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(msgType, "msgType");
        Objects.requireNonNull(scope, "scope");
        references = List.copyOf(references);
        infos = List.copyOf(infos);
    }

    /** This alert as a reference of a later one: {@code sender,identifier,sent}. */
    public String reference() {
        return sender + "," + identifier + "," + CapTimes.format(sent);
    }

    /** One {@code info} block: the alert in one language. */
    public record Info(String language, List<String> categories, String event, String urgency, String severity,
                       String certainty, Optional<OffsetDateTime> effective, Optional<OffsetDateTime> expires,
                       Optional<String> senderName, Optional<String> headline, Optional<String> description,
                       Optional<String> instruction, List<Area> areas) {

        public Info {
            Objects.requireNonNull(language, "language");
            categories = List.copyOf(categories);
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(urgency, "urgency");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(certainty, "certainty");
            areas = List.copyOf(areas);
        }
    }

    /**
     * One {@code area}: its description and its shapes, polygons as CAP writes them ({@code "lat,lon lat,lon ..."},
     * the first point repeated last) and circles ({@code "lat,lon radius-km"}).
     */
    public record Area(String description, List<String> polygons, List<String> circles) {

        public Area {
            Objects.requireNonNull(description, "description");
            polygons = List.copyOf(polygons);
            circles = List.copyOf(circles);
        }
    }
}
