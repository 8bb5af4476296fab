package io.forewarn.policy;

import io.forewarn.language.Language;
import io.forewarn.report.Harm;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Protective advice a warning carries: what the people warned should do, for a kind of threat (its harms
 * and, optionally, the kinds of target it names), in each language the policy writes it in.
 *
 * @param harms   the harms it is for
 * @param targets the target wordings it is for (e.g. {@code mass gatherings}), compared without regard to
 *                case; empty for any target
 * @param text    the advice per language; English is always there
 */
public record Advice(Set<Harm> harms, List<String> targets, Map<Language, String> text) {

    public Advice {
        harms = Collections.unmodifiableSet(harms.isEmpty() ? EnumSet.noneOf(Harm.class) : EnumSet.copyOf(harms));
        targets = targets.stream().map(target -> target.strip().toLowerCase(Locale.ROOT)).toList();
        text = Collections.unmodifiableMap(new LinkedHashMap<>(text));
        if (!text.containsKey(Language.ENGLISH)) {
            throw new IllegalArgumentException("advice needs its English text (en)");
        }
    }

    /**
     * Whether it is the advice for a threat of {@code harm} against a target stated (as released) in
     * {@code targetWordings}; advice for particular targets fits only when one of them is released, so
     * advice never tells what a warning holds back.
     */
    public boolean fits(Harm harm, List<String> targetWordings) {
        if (!harms.contains(harm)) {
            return false;
        }
        return targets.isEmpty() || targetWordings.stream()
                .map(wording -> wording.strip().toLowerCase(Locale.ROOT))
                .anyMatch(targets::contains);
    }

    /** The advice in a language; in English where the policy has not written it in that language. */
    public String in(Language language) {
        return Optional.ofNullable(text.get(language)).orElse(text.get(Language.ENGLISH));
    }

    /** The first advice of the list that fits, as the policy file orders it. */
    public static Optional<Advice> first(List<Advice> advice, Harm harm, List<String> targetWordings) {
        Objects.requireNonNull(targetWordings, "targetWordings");
        return advice.stream().filter(a -> a.fits(harm, targetWordings)).findFirst();
    }
}
