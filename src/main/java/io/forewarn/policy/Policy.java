package io.forewarn.policy;

import io.forewarn.language.Language;
import io.forewarn.report.Credibility;
import io.forewarn.report.Harm;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The duty-to-warn policy: which harms oblige a warning, how credible a report must be, the
 * deadlines, each audience's release ceiling, how long a warning is valid and when it is renewed,
 * who an overdue obligation escalates to, and the waiver rules. Every decision records the version.
 *
 * @param validity          how long an issued warning is valid (never beyond the threat window)
 * @param renewBeforeExpiry how long before a warning expires its renewal is due
 * @param escalation        the roles an overdue obligation escalates to, in order
 * @param advice            the protective advice warnings carry, the first that fits a threat applying
 * @param languages         the languages each audience's warnings are written in, beside English and the
 *                          languages its parties name
 * @param delivery          how often and how patiently the outbox tries to deliver a warning
 */
public record Policy(
        int version,
        Set<Harm> harms,
        Credibility minCredibility,
        Deadlines deadlines,
        Map<Audience, ReleaseCeiling> audiences,
        Duration validity,
        Duration renewBeforeExpiry,
        List<Role> escalation,
        Map<WaiverReason, WaiverRule> waivers,
        List<Advice> advice,
        Map<Audience, List<Language>> languages,
        DeliveryRules delivery) {

    /** A policy with the default {@link DeliveryRules}. */
    public Policy(int version, Set<Harm> harms, Credibility minCredibility, Deadlines deadlines,
                  Map<Audience, ReleaseCeiling> audiences, Duration validity, Duration renewBeforeExpiry,
                  List<Role> escalation, Map<WaiverReason, WaiverRule> waivers, List<Advice> advice,
                  Map<Audience, List<Language>> languages) {
        this(version, harms, minCredibility, deadlines, audiences, validity, renewBeforeExpiry, escalation, waivers,
                advice, languages, DeliveryRules.DEFAULT);
    }

    public Policy {
        delivery = delivery == null ? DeliveryRules.DEFAULT : delivery;
        if (version < 1) {
            throw new IllegalArgumentException("policy version must be 1 or more");
        }
        harms = Collections.unmodifiableSet(harms.isEmpty() ? EnumSet.noneOf(Harm.class) : EnumSet.copyOf(harms));
        audiences = Collections.unmodifiableMap(new TreeMap<>(audiences));
        escalation = List.copyOf(escalation);
        if (escalation.isEmpty()) {
            throw new IllegalArgumentException("the escalation chain needs at least one role");
        }
        EnumMap<WaiverReason, WaiverRule> rules = new EnumMap<>(WaiverReason.class);
        rules.putAll(waivers);
        waivers = Collections.unmodifiableMap(rules);
        advice = List.copyOf(advice);
        Map<Audience, List<Language>> spoken = new TreeMap<>();
        languages.forEach((audience, tags) -> spoken.put(audience, List.copyOf(tags)));
        languages = Collections.unmodifiableMap(spoken);
    }

    /** The languages the policy has an audience's warnings written in (English is always one). */
    public List<Language> languages(Audience audience) {
        return languages.getOrDefault(audience, List.of());
    }

    public Optional<ReleaseCeiling> ceiling(Audience audience) {
        return Optional.ofNullable(audiences.get(audience));
    }

    public Optional<WaiverRule> waiverRule(WaiverReason reason) {
        return Optional.ofNullable(waivers.get(reason));
    }
}
