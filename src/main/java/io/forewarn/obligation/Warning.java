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
        boolean recorded) {

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
    }

    /** The text per language: English (the text the agency reads and its timeline quotes), then the translations. */
    public Map<Language, String> texts() {
        Map<Language, String> texts = new LinkedHashMap<>();
        texts.put(Language.ENGLISH, text);
        texts.putAll(translations);
        return Collections.unmodifiableMap(texts);
    }

    public boolean isValidAt(Instant instant) {
        return validity.contains(instant);
    }

    public boolean addresses(String partyId) {
        return partyIds.contains(partyId);
    }
}
