package io.forewarn.policy;

import io.forewarn.language.Language;
import io.forewarn.language.Languages;
import io.forewarn.report.Credibility;
import io.forewarn.report.Harm;
import io.forewarn.yaml.FileProblem;
import io.forewarn.yaml.SafeYaml;
import io.forewarn.yaml.YamlMap;
import io.forewarn.yaml.YamlValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads the duty-to-warn policy from YAML and refuses anything it cannot enforce exactly: unknown
 * keys, durations that are not ISO-8601, ceilings with a missing or non-existent level, unknown
 * harms, roles and waiver reasons. Every refusal is a {@link FileProblem} naming file, line, column
 * and field. The shape is documented in {@code src/main/resources/policy/default-policy.yaml}.
 */
public final class PolicyFile {

    /** The classpath resource of the policy the platform ships with. */
    public static final String DEFAULT_RESOURCE = "/policy/default-policy.yaml";

    private static final List<String> KEYS = List.of("version", "harms", "min-credibility", "deadlines",
            "audiences", "validity", "renewal", "escalation", "waivers", "advice", "languages");

    /** The roles that approve things; the others draft, send, read or oversee. */
    private static final Set<Role> APPROVING_ROLES = EnumSet.of(Role.APPROVER, Role.DIRECTOR);

    private PolicyFile() {
    }

    public static Policy load(Path file) {
        return read(SafeYaml.load(file));
    }

    public static Policy parse(String sourceName, String content) {
        return parse(sourceName, new StringReader(content));
    }

    public static Policy parse(String sourceName, Reader content) {
        return read(SafeYaml.parse(sourceName, content));
    }

    /** The policy in {@value #DEFAULT_RESOURCE}; a broken default is a build error, so it throws. */
    public static Policy defaultPolicy() {
        return parse("classpath:" + DEFAULT_RESOURCE, defaultSource());
    }

    /** The text of the built-in default policy, as stored when it is first put in force. */
    public static String defaultSource() {
        try (InputStream in = PolicyFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the classpath has no " + DEFAULT_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    private static Policy read(YamlValue root) {
        YamlMap policy = root.asMap().allowOnly(KEYS);
        Duration validity = policy.get("validity").asPositiveDuration();
        Duration renewBeforeExpiry = renewal(policy.map("renewal").allowOnly("before-expiry"), validity);
        Map<Audience, ReleaseCeiling> audiences = audiences(policy.get("audiences"));
        return new Policy(
                version(policy.get("version")),
                harms(policy.get("harms")),
                minCredibility(policy.get("min-credibility")),
                deadlines(policy.map("deadlines").allowOnly("imminent", "default", "imminent-within", "lead-time")),
                audiences,
                validity,
                renewBeforeExpiry,
                escalation(policy.get("escalation")),
                waivers(policy.get("waivers")),
                advice(policy.optionalList("advice")),
                languages(policy.optionalMap("languages"), audiences.keySet()));
    }

    /** Optional: per audience, the languages its warnings are written in besides English. */
    private static Map<Audience, List<Language>> languages(java.util.Optional<YamlMap> map, Set<Audience> audiences) {
        Map<Audience, List<Language>> languages = new LinkedHashMap<>();
        if (map.isEmpty()) {
            return languages;
        }
        for (YamlMap.Entry entry : map.get().entries()) {
            Audience audience = entry.key().as(Audience::new);
            if (!audiences.contains(audience)) {
                throw entry.key().problem("audience '" + audience + "' has no release ceiling under audiences");
            }
            List<Language> spoken = new ArrayList<>();
            for (YamlValue tag : entry.value().asList()) {
                spoken.add(Languages.shipped(tag));
            }
            languages.put(audience, spoken);
        }
        return languages;
    }

    /** Optional, so that policies written before advice existed still load. */
    private static List<Advice> advice(List<YamlValue> entries) {
        List<Advice> advice = new ArrayList<>();
        for (YamlValue entry : entries) {
            YamlMap map = entry.asMap().allowOnly("harms", "targets", "text");
            Set<Harm> harms = EnumSet.noneOf(Harm.class);
            if (map.has("harms")) {
                for (YamlValue harm : map.list("harms")) {
                    harms.add(harm.as(Harm::of));
                }
            } else {
                harms.addAll(EnumSet.allOf(Harm.class));
            }
            List<String> targets = map.optionalStringList("targets");
            YamlMap texts = map.map("text");
            Map<Language, String> text = new LinkedHashMap<>();
            for (YamlMap.Entry language : texts.entries()) {
                // advice in a language no warning is written in would never be read: a typo (rus, fr-RU) is refused here
                text.put(Languages.shipped(language.key()), language.value().asText());
            }
            if (!text.containsKey(Language.ENGLISH)) {
                throw texts.problem("advice needs its English text (en); the other languages are optional");
            }
            advice.add(new Advice(harms, targets, text));
        }
        return advice;
    }

    private static int version(YamlValue value) {
        int version = value.asInt();
        if (version < 1) {
            throw value.problem("must be 1 or more, not " + version);
        }
        return version;
    }

    private static Set<Harm> harms(YamlValue value) {
        List<YamlValue> items = nonEmpty(value, "the harms that oblige a warning");
        Set<Harm> harms = EnumSet.noneOf(Harm.class);
        for (YamlValue item : items) {
            if (!harms.add(item.as(Harm::of))) {
                throw item.problem("harm '" + item.asText() + "' is listed twice");
            }
        }
        return harms;
    }

    /** Either {@code {reliability: D, credibility: 4}} or the Admiralty code {@code D4}. */
    private static Credibility minCredibility(YamlValue value) {
        if (value.isScalar()) {
            return value.as(Credibility::of);
        }
        if (!value.isMap()) {
            throw value.expected("an Admiralty code such as D4 or a map {reliability: D, credibility: 4}");
        }
        YamlMap map = value.asMap().allowOnly("reliability", "credibility");
        char reliability = map.get("reliability").as(text -> {
            String letter = text.toUpperCase(Locale.ROOT);
            if (!letter.matches("[A-F]")) {
                throw new IllegalArgumentException("source reliability must be a letter A to F, not '" + text + "'");
            }
            return letter.charAt(0);
        });
        YamlValue credibilityValue = map.get("credibility");
        int credibility = credibilityValue.asInt();
        if (credibility < 1 || credibility > 6) {
            throw credibilityValue.problem("information credibility must be 1 to 6, not " + credibility);
        }
        return new Credibility(reliability, credibility);
    }

    private static Deadlines deadlines(YamlMap map) {
        Duration imminentWithin = map.find("imminent-within").map(YamlValue::asPositiveDuration)
                .orElse(Deadlines.DEFAULT_IMMINENT_WITHIN);
        Duration leadTime = map.find("lead-time").map(YamlValue::asDuration).orElse(Deadlines.DEFAULT_LEAD_TIME);
        return new Deadlines(map.get("imminent").asPositiveDuration(), map.get("default").asPositiveDuration(),
                imminentWithin, leadTime);
    }

    private static Map<Audience, ReleaseCeiling> audiences(YamlValue value) {
        YamlMap map = value.asMap();
        if (map.size() == 0) {
            throw value.problem("must name at least one audience with its release ceiling");
        }
        Map<Audience, ReleaseCeiling> audiences = new LinkedHashMap<>();
        for (YamlMap.Entry entry : map.entries()) {
            Audience audience = entry.key().as(Audience::new);
            audiences.put(audience, new ReleaseCeiling(FacetLevelsReader.read(entry.value())));
        }
        return audiences;
    }

    private static Duration renewal(YamlMap map, Duration validity) {
        YamlValue value = map.get("before-expiry");
        Duration beforeExpiry = value.asPositiveDuration();
        if (beforeExpiry.compareTo(validity) >= 0) {
            throw value.problem("must be shorter than validity (" + validity
                    + "), or every warning would be due for renewal as soon as it is issued");
        }
        return beforeExpiry;
    }

    private static List<Role> escalation(YamlValue value) {
        List<Role> roles = new ArrayList<>();
        for (YamlValue item : nonEmpty(value, "the roles an overdue obligation escalates to, in order")) {
            Role role = item.as(Role::of);
            if (roles.contains(role)) {
                throw item.problem("role '" + role.code() + "' is listed twice");
            }
            roles.add(role);
        }
        return roles;
    }

    private static Map<WaiverReason, WaiverRule> waivers(YamlValue value) {
        Map<WaiverReason, WaiverRule> rules = new EnumMap<>(WaiverReason.class);
        for (YamlMap.Entry entry : value.asMap().entries()) {
            WaiverReason reason = entry.key().as(WaiverReason::of);
            if (rules.containsKey(reason)) {
                throw entry.key().problem("waiver reason '" + reason.code() + "' is listed twice");
            }
            rules.put(reason, waiverRule(reason, entry.value()));
        }
        return rules;
    }

    private static WaiverRule waiverRule(WaiverReason reason, YamlValue value) {
        YamlMap rule = value.asMap().allowOnly("approver", "requires-alternative");
        if (!rule.has("approver")) {
            throw rule.problem("waiver reason '" + reason.code() + "' needs an approver (approver or director)");
        }
        YamlValue approverValue = rule.get("approver");
        Role approver = approverValue.as(Role::of);
        if (!APPROVING_ROLES.contains(approver)) {
            throw approverValue.problem("a waiver is approved by approver or director, not " + approver.code());
        }
        if (reason.protectsSourcesAndMethods() && approver != Role.DIRECTOR) {
            throw approverValue.problem("a waiver on '" + reason.code() + "' is approved by director");
        }
        boolean requiresAlternative = rule.bool("requires-alternative", reason.protectsSourcesAndMethods());
        if (reason.protectsSourcesAndMethods() && !requiresAlternative) {
            throw rule.get("requires-alternative").problem("must be true for '" + reason.code()
                    + "': a waiver citing sources and methods must record what was done instead "
                    + "(e.g. a sanitized warning through liaison)");
        }
        return new WaiverRule(reason, approver, requiresAlternative);
    }

    private static List<YamlValue> nonEmpty(YamlValue value, String what) {
        List<YamlValue> items = value.asList();
        if (items.isEmpty()) {
            throw value.problem("must not be empty: list " + what);
        }
        return items;
    }
}
