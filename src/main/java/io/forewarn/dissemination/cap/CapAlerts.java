package io.forewarn.dissemination.cap;

import io.forewarn.dissemination.Delivery.Kind;
import io.forewarn.language.Language;
import io.forewarn.language.Phrasebook;
import io.forewarn.obligation.Cancellation;
import io.forewarn.obligation.Warning;
import io.forewarn.place.Area;
import io.forewarn.place.LatLon;
import io.forewarn.place.PlaceLevel;
import io.forewarn.report.Credibility;
import io.forewarn.report.Harm;
import io.forewarn.report.ThreatReport;
import io.forewarn.report.TimeWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A warning as a CAP alert for the public and a state's own citizens. What it says comes only from the warning
 * (its released text, its released place, its validity), never from the report's own statements: the report
 * gives only what CAP asks to be graded — the harm (severity) and the Admiralty grading (certainty).
 *
 * <ul>
 *   <li>{@code msgType}: {@code Alert}, {@code Update} for a renewal (with {@code references} to the alert it
 *       renews; the renewal of a cancelled warning is a new {@code Alert}), {@code Cancel} when the warning is
 *       withdrawn (sent at its cancellation);</li>
 *   <li>{@code urgency}: {@code Immediate} when the stated window is open at issue, {@code Expected} when it
 *       opens within a day, {@code Future} when later, {@code Unknown} when no time was released;</li>
 *   <li>{@code severity}: {@code Extreme} for a killing, {@code Severe} for serious bodily injury and
 *       kidnapping, {@code Moderate} otherwise;</li>
 *   <li>{@code certainty}, from the information's credibility (the digit of the Admiralty grade): 1 confirmed and
 *       2 probably true are {@code Likely}, 3 possibly true is {@code Possible}, 4 doubtful and 5 improbable are
 *       {@code Unlikely}, 6 cannot be judged is {@code Unknown}. ({@code Observed} means that it has happened;
 *       a warning is about what has not.)</li>
 *   <li>{@code area}: the released place's name and, when the released place carries a geometry at its own most
 *       specific level, that geometry: never a finer one.</li>
 * </ul>
 */
public final class CapAlerts {

    /** The audiences CAP alerts are published for: the public reads them, as do a state's own citizens abroad. */
    public static final Set<String> AUDIENCES = Set.of("public", "own-citizens");

    /** An alert's text in one language: what the warning says, and what to do. */
    public record Text(String language, String description, Optional<String> instruction) {
    }

    /** What the identifier of a warning's Cancel adds to the warning's id ({@code W-1-cancel}): a message of its own. */
    public static final String CANCEL_SUFFIX = "-cancel";

    private CapAlerts() {
    }

    /**
     * The CAP alert of a warning.
     *
     * @param sender     the agency's CAP sender id (e.g. {@code alerts@agency.example})
     * @param senderName the agency's name as the public knows it
     * @param texts      the warning's text in each language its audience needs, first the one the warning was drafted in
     * @param references the alerts this one updates or cancels ({@link CapAlert#reference()})
     */
    public static CapAlert of(Warning warning, ThreatReport report, String sender, String senderName, List<Text> texts,
                              Kind kind, List<String> references) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("an alert needs its text in at least one language");
        }
        if (kind != Kind.ALERT && references.isEmpty()) {
            throw new IllegalArgumentException("a CAP " + msgType(kind) + " must reference the alert it follows");
        }
        String event = event(report.harm());
        CapAlert.Area area = area(warning);
        List<CapAlert.Info> infos = new ArrayList<>();
        for (Text text : texts) {
            infos.add(new CapAlert.Info(text.language(), List.of("Security"), event,
                    urgency(warning.statedWindow(), warning.issuedAt()), severity(report.harm()),
                    certainty(report.credibility()), Optional.of(CapTimes.utc(warning.validity().from())),
                    Optional.of(CapTimes.utc(warning.validity().to())), Optional.of(senderName),
                    Optional.of(event + ": " + area.description()), Optional.of(text.description()), text.instruction(),
                    List.of(area)));
        }
        // a Cancel is a message of its own, sent when the warning was withdrawn
        Instant sent = kind == Kind.CANCEL ? warning.cancellation().map(Cancellation::at).orElseThrow(() ->
                new IllegalArgumentException("warning " + warning.id() + " is not cancelled: it has no CAP Cancel"))
                : warning.issuedAt();
        return new CapAlert("1.2", identifier(warning, kind), sender, CapTimes.utc(sent), "Actual",
                msgType(kind), "Public", references, infos);
    }

    /** CAP's name for a kind of message. */
    static String msgType(Kind kind) {
        return switch (kind) {
            case ALERT -> "Alert";
            case UPDATE -> "Update";
            case CANCEL -> "Cancel";
        };
    }

    /**
     * The alert a warning is published as, wherever it goes out (the public feed, a replay's written alerts): one
     * info block per language the warning was written in, English first; an Update referencing the alert of the
     * warning it renews, if it renews one that was not cancelled ({@link Kind#updating}).
     */
    public static CapAlert ofWarning(Warning warning, ThreatReport report, Optional<Warning> renewed, String sender,
                                     String senderName) {
        List<String> references = Kind.updating(renewed).map(earlier -> reference(sender, earlier)).stream().toList();
        return ofWarning(warning, report, Kind.of(renewed), references, sender, senderName);
    }

    /**
     * The alert of a warning as one of its kinds: one info block per language the warning was written in; a Cancel
     * says first, in each language, that the alert is withdrawn (the phrasebook's words), then the text as it was.
     */
    public static CapAlert ofWarning(Warning warning, ThreatReport report, Kind kind, List<String> references,
                                     String sender, String senderName) {
        List<Text> texts = warning.texts().entrySet().stream()
                .map(text -> new Text(text.getKey().tag(),
                        kind == Kind.CANCEL ? withdrawn(text.getKey(), text.getValue()) : text.getValue(),
                        Optional.empty())).toList();
        return of(warning, report, sender, senderName, texts, kind, references);
    }

    private static String withdrawn(Language language, String text) {
        return Phrasebook.of(language).say("mail-subject", Map.of("kind", "cancel", "until", "")) + ": " + text;
    }

    /** Whether a warning is to an audience CAP alerts are published for ({@link #AUDIENCES}). */
    public static boolean isPublic(Warning warning) {
        return AUDIENCES.contains(warning.audience().name());
    }

    /** How a later alert references the alert of this warning: {@code sender,identifier,sent}. */
    public static String reference(String sender, Warning warning) {
        return sender + "," + identifier(warning, Kind.ALERT) + "," + CapTimes.format(CapTimes.utc(warning.issuedAt()));
    }

    static String identifier(Warning warning, Kind kind) {
        // CAP identifiers may not hold spaces, commas or '<' / '&'; a cancel is a message of its own
        String id = warning.id().replaceAll("[\\s,<&]", "-");
        return kind == Kind.CANCEL ? id + CANCEL_SUFFIX : id;
    }

    static String event(Harm harm) {
        return switch (harm) {
            case KILLING -> "Threat to life";
            case SERIOUS_BODILY_INJURY -> "Threat of serious injury";
            case KIDNAPPING -> "Threat of kidnapping";
            case OTHER -> "Security threat";
        };
    }

    static String urgency(Optional<TimeWindow> stated, Instant issued) {
        if (stated.isEmpty()) {
            return "Unknown";
        }
        TimeWindow window = stated.get();
        if (!issued.isBefore(window.from())) {
            return "Immediate";
        }
        return Duration.between(issued, window.from()).compareTo(Duration.ofDays(1)) <= 0 ? "Expected" : "Future";
    }

    static String severity(Harm harm) {
        return switch (harm) {
            case KILLING -> "Extreme";
            case SERIOUS_BODILY_INJURY, KIDNAPPING -> "Severe";
            case OTHER -> "Moderate";
        };
    }

    static String certainty(Credibility credibility) {
        return switch (credibility.credibility()) {
            case 1, 2 -> "Likely";
            case 3 -> "Possible";
            case 4, 5 -> "Unlikely";
            default -> "Unknown";
        };
    }

    /** The released place: its name, and its geometry only when it is at the place's own most specific level. */
    static CapAlert.Area area(Warning warning) {
        String description = warning.releasedPlace().isEmpty() ? "Unspecified area" : warning.releasedPlace().toString();
        Optional<PlaceLevel> finest = warning.releasedPlace().mostSpecificLevel();
        Optional<Map.Entry<PlaceLevel, Area>> shape = warning.releasedPlace().mostSpecificArea()
                .filter(entry -> finest.isPresent() && entry.getKey() == finest.get());
        List<String> polygons = new ArrayList<>();
        List<String> circles = new ArrayList<>();
        shape.map(Map.Entry::getValue).ifPresent(geometry -> {
            if (geometry instanceof Area.Circle circle) {
                circles.add(point(circle.centre()) + " " + String.format(Locale.ROOT, "%.3f", circle.radiusKm()));
            } else if (geometry instanceof Area.Polygon polygon) {
                List<String> points = new ArrayList<>(polygon.ring().stream().map(CapAlerts::point).toList());
                if (!points.get(0).equals(points.get(points.size() - 1))) {
                    points.add(points.get(0)); // CAP's polygon is closed: its first point repeated last
                }
                polygons.add(String.join(" ", points));
            }
        });
        return new CapAlert.Area(description, polygons, circles);
    }

    private static String point(LatLon point) {
        return String.format(Locale.ROOT, "%.5f,%.5f", point.lat(), point.lon());
    }
}
