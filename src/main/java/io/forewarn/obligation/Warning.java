package io.forewarn.obligation;

import io.forewarn.language.Language;
import io.forewarn.place.Place;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.TimeWindow;
import io.forewarn.policy.Audience;
import io.forewarn.sanitize.Justification;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A warning released to the parties of one audience for one report, valid for a period.
 *
 * @param releasedPlace  the place as released (the report's place cut to the released level)
 * @param statedWindow   the time window the warning states; empty when time was released at {@code none}
 * @param text           the text in English
 * @param translations   the text in each other language its parties need
 * @param renews         the warning this one renews, if it is a renewal
 * @param recorded       true when it replays a warning actually given (scenario {@code as-recorded})
 * @param cancellation   why, when and by whom it was withdrawn before its validity ended; empty while it stands
 */
public record Warning(
        String id,
        String reportId,
        Audience audience,
        List<String> partyIds,
        Instant issuedAt,
        TimeWindow validity,
        Map<Facet, Level> released,
        Place releasedPlace,
        Optional<TimeWindow> statedWindow,
        String text,
        Map<Language, String> translations,
        double specificity,
        Map<Facet, Justification> justifications,
        Optional<String> renews,
        boolean recorded,
        Optional<Cancellation> cancellation) {

    /** A warning as issued: not cancelled. */
    public Warning(String id, String reportId, Audience audience, List<String> partyIds, Instant issuedAt,
                   TimeWindow validity, Map<Facet, Level> released, Place releasedPlace, Optional<TimeWindow> statedWindow,
                   String text, Map<Language, String> translations, double specificity,
                   Map<Facet, Justification> justifications, Optional<String> renews, boolean recorded) {
        this(id, reportId, audience, partyIds, issuedAt, validity, released, releasedPlace, statedWindow, text,
                translations, specificity, justifications, renews, recorded, Optional.empty());
    }

    public Warning {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(audience, "audience");
        partyIds = List.copyOf(partyIds);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(validity, "validity");
        released = Facet.levels(released);
        Objects.requireNonNull(releasedPlace, "releasedPlace");
        Objects.requireNonNull(statedWindow, "statedWindow");
        Objects.requireNonNull(text, "text");
        // null in the rows stored before warnings had languages
        translations = translations == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(translations));
        if (translations.containsKey(Language.ENGLISH)) {
            throw new IllegalArgumentException("the English text is the text, not a translation");
        }
        justifications = Facet.copyOf(justifications);
        Objects.requireNonNull(renews, "renews");
        // null in the rows stored before warnings could be cancelled
        cancellation = cancellation == null ? Optional.empty() : cancellation;
    }

    /** This warning withdrawn: the same warning as issued, with its cancellation. */
    public Warning cancelled(Cancellation why) {
        return new Warning(id, reportId, audience, partyIds, issuedAt, validity, released, releasedPlace, statedWindow,
                text, translations, specificity, justifications, renews, recorded, Optional.of(why));
    }

    /** When it stops being in force: the end of its validity, or its cancellation if that came first. */
    public Instant endsAt() {
        return cancellation.map(Cancellation::at).filter(at -> at.isBefore(validity.to())).orElse(validity.to());
    }

    /** The text per language: English (the text the agency reads and its timeline quotes), then the translations. */
    public Map<Language, String> texts() {
        Map<Language, String> texts = new LinkedHashMap<>();
        texts.put(Language.ENGLISH, text);
        texts.putAll(translations);
        return Collections.unmodifiableMap(texts);
    }

    /** Whether it is in force at an instant: within its validity and not cancelled by then. */
    public boolean isValidAt(Instant instant) {
        return validity.contains(instant) && instant.isBefore(endsAt());
    }

    public boolean addresses(String partyId) {
        return partyIds.contains(partyId);
    }
}
