package io.forewarn.sanitize;

import io.forewarn.language.Language;
import io.forewarn.policy.ReleaseCeiling;
import io.forewarn.policy.Audience;
import io.forewarn.place.Place;
import io.forewarn.report.Facet;
import io.forewarn.report.Level;
import io.forewarn.report.TimeWindow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A warning drafted for one audience from one report: the released level and wording of each facet,
 * the text in each language its parties need (English first), its specificity, the justification of
 * every gap below the effective ceiling, and the leak check's verdict on every text.
 *
 * @param text         the text in English
 * @param translations the text in each other language its parties need
 */
public record Draft(
        String reportId,
        Audience audience,
        ReleaseCeiling effectiveCeiling,
        Map<Facet, Level> released,
        Place releasedPlace,
        Optional<TimeWindow> statedWindow,
        String text,
        Map<Language, String> translations,
        Map<Facet, Justification> justifications,
        LeakVerdict leak) {

    public Draft {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(effectiveCeiling, "effectiveCeiling");
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
        Objects.requireNonNull(leak, "leak");
    }

    /** The text per language: English (the text the agency reads and its timeline quotes), then the translations. */
    public Map<Language, String> texts() {
        Map<Language, String> texts = new LinkedHashMap<>();
        texts.put(Language.ENGLISH, text);
        texts.putAll(translations);
        return Collections.unmodifiableMap(texts);
    }

    public double specificity() {
        return Specificity.of(released);
    }

    /** Facets stated less specifically than the effective ceiling allows. */
    public List<Facet> gaps() {
        return released.entrySet().stream()
                .filter(entry -> entry.getValue().isLessSpecificThan(effectiveCeiling.of(entry.getKey())))
                .map(Map.Entry::getKey)
                .toList();
    }

    public List<Facet> unjustifiedGaps() {
        return gaps().stream().filter(facet -> !justifications.containsKey(facet)).toList();
    }

    /** Why this draft cannot be approved; empty when it can. Names no protected item. */
    public List<String> obstacles() {
        List<String> obstacles = new java.util.ArrayList<>();
        if (leak.isBlocked()) {
            obstacles.add("the leak check blocks the text");
        }
        for (Facet facet : unjustifiedGaps()) {
            obstacles.add(facet.key() + " is released at " + released.get(facet).name() + ", below the ceiling "
                    + effectiveCeiling.of(facet).name() + ", without a justification");
        }
        return obstacles;
    }

    public boolean isApprovable() {
        return obstacles().isEmpty();
    }
}
