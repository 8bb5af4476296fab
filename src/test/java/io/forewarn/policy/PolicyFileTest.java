package io.forewarn.policy;

import io.forewarn.report.Credibility;
import io.forewarn.report.Facet;
import io.forewarn.report.Harm;
import io.forewarn.policy.Audience;
import io.forewarn.policy.ReleaseCeiling;
import io.forewarn.yaml.FileProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.forewarn.yaml.Problems.problemOf;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyFileTest {

    /** A valid policy; tests replace one line and assert the exact position of the problem. */
    private static final List<String> VALID = List.of(
            "version: 3",                                                                               // 1
            "harms: [killing, serious-bodily-injury, kidnapping]",                                      // 2
            "min-credibility: {reliability: D, credibility: 4}",                                        // 3
            "deadlines: {imminent: PT4H, default: PT24H}",                                              // 4
            "audiences:",                                                                               // 5
            "  public: {place: locality, time: day, target: class, method: generic, actor: type}",      // 6
            "  foreign-government: {place: site, time: exact, target: named, method: specific, actor: named}", // 7
            "validity: P7D",                                                                            // 8
            "renewal: {before-expiry: PT6H}",                                                           // 9
            "escalation: [approver, director]",                                                         // 10
            "waivers:",                                                                                 // 11
            "  unduly-endangers-sources-or-personnel: {approver: director, requires-alternative: true}", // 12
            "  victim-already-aware: {approver: approver}");                                            // 13

    private static String with(int line, String replacement) {
        String[] lines = VALID.toArray(String[]::new);
        lines[line - 1] = replacement;
        return String.join("\n", lines) + "\n";
    }

    private static FileProblem problem(int line, String replacement) {
        return problemOf(() -> PolicyFile.parse("policy.yaml", with(line, replacement)));
    }

    @Test
    void theValidTestPolicyLoads() {
        Policy policy = PolicyFile.parse("policy.yaml", String.join("\n", VALID));

        assertThat(policy.audiences()).hasSize(2);
        assertThat(policy.deadlines().imminentWithin()).isEqualTo(Duration.ofHours(72));
        assertThat(policy.waiverRule(WaiverReason.VICTIM_ALREADY_AWARE).orElseThrow().requiresAlternative()).isFalse();
    }

    @Test
    void defaultPolicyHasTheDocumentedShape() {
        Policy policy = PolicyFile.defaultPolicy();

        assertThat(policy.version()).isEqualTo(3);
        assertThat(policy.harms()).containsExactlyInAnyOrder(Harm.KILLING, Harm.SERIOUS_BODILY_INJURY, Harm.KIDNAPPING);
        assertThat(policy.minCredibility()).isEqualTo(Credibility.of("D4"));
        assertThat(policy.deadlines().imminent()).isEqualTo(Duration.ofHours(4));
        assertThat(policy.deadlines().standard()).isEqualTo(Duration.ofHours(24));
        assertThat(policy.deadlines().imminentWithin()).isEqualTo(Duration.ofHours(72));
        assertThat(policy.audiences().keySet()).extracting(Audience::name).containsExactly(
                "foreign-government", "individual", "own-citizens", "partner-government", "public", "venue-operator");
        assertThat(levels(policy, "public")).isEqualTo(Map.of("place", "locality", "time", "day", "target", "class",
                "method", "generic", "actor", "type"));
        assertThat(levels(policy, "own-citizens")).isEqualTo(levels(policy, "public"));
        assertThat(levels(policy, "venue-operator")).isEqualTo(Map.of("place", "site", "time", "exact",
                "target", "named", "method", "specific", "actor", "type"));
        assertThat(levels(policy, "partner-government")).isEqualTo(Map.of("place", "site", "time", "exact",
                "target", "named", "method", "specific", "actor", "named"));
        assertThat(levels(policy, "foreign-government")).isEqualTo(levels(policy, "partner-government"));
        assertThat(levels(policy, "individual")).isEqualTo(Map.of("place", "site", "time", "exact",
                "target", "named", "method", "specific", "actor", "type"));
        assertThat(policy.validity()).isEqualTo(Duration.ofDays(7));
        assertThat(policy.renewBeforeExpiry()).isEqualTo(Duration.ofHours(6));
        assertThat(policy.escalation()).containsExactly(Role.APPROVER, Role.DIRECTOR);
        assertThat(policy.waivers()).containsOnlyKeys(WaiverReason.values());
        assertThat(policy.waivers().values()).containsExactlyInAnyOrder(
                new WaiverRule(WaiverReason.UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL, Role.DIRECTOR, true),
                new WaiverRule(WaiverReason.VICTIM_ALREADY_AWARE, Role.APPROVER, false),
                new WaiverRule(WaiverReason.VICTIM_PARTY_TO_VIOLENCE, Role.DIRECTOR, false),
                new WaiverRule(WaiverReason.NO_REASONABLE_WAY_TO_WARN, Role.APPROVER, false),
                new WaiverRule(WaiverReason.RISK_ONLY_FROM_OWN_ARMED_CONFLICT, Role.DIRECTOR, false));
    }

    private static Map<String, String> levels(Policy policy, String audience) {
        ReleaseCeiling ceiling = policy.ceiling(new Audience(audience)).orElseThrow();
        return Map.of("place", ceiling.of(Facet.PLACE).name(), "time", ceiling.of(Facet.TIME).name(),
                "target", ceiling.of(Facet.TARGET).name(), "method", ceiling.of(Facet.METHOD).name(),
                "actor", ceiling.of(Facet.ACTOR).name());
    }

    @Test
    void loadsFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, with(1, "version: 4"));

        assertThat(PolicyFile.load(file).version()).isEqualTo(4);
        Files.writeString(file, with(1, "version: 0"));
        assertThat(problemOf(() -> PolicyFile.load(file)).getMessage())
                .isEqualTo(file + ":1:10: version: must be 1 or more, not 0");
    }

    @Test
    void minCredibilityAlsoReadsTheAdmiraltyCode() {
        Policy policy = PolicyFile.parse("policy.yaml", with(3, "min-credibility: C3"));

        assertThat(policy.minCredibility()).isEqualTo(new Credibility('C', 3));
    }

    @Test
    void unknownTopLevelKey() {
        assertThat(problem(8, "validty: P7D").getMessage())
                .isEqualTo("policy.yaml:8:1: unknown key 'validty' (allowed: version, harms, min-credibility, "
                        + "deadlines, audiences, validity, renewal, escalation, waivers, advice, languages)");
    }

    @Test
    void unknownNestedKey() {
        assertThat(problem(4, "deadlines: {imminent: PT4H, default: PT24H, urgent: PT1H}").getMessage())
                .isEqualTo("policy.yaml:4:45: deadlines: unknown key 'urgent' "
                        + "(allowed: imminent, default, imminent-within, lead-time)");
    }

    @Test
    void badDuration() {
        assertThat(problem(4, "deadlines: {imminent: 4 hours, default: PT24H}").getMessage())
                .isEqualTo("policy.yaml:4:23: deadlines.imminent: '4 hours' is not an ISO-8601 duration "
                        + "(e.g. PT4H, PT30M, P7D, P1DT12H)");
        assertThat(problem(8, "validity: P1M").getMessage())
                .isEqualTo("policy.yaml:8:11: validity: 'P1M' uses months or years, which have no fixed length; "
                        + "state days instead (e.g. P30D)");
    }

    @Test
    void ceilingLevelThatDoesNotExist() {
        assertThat(problem(6, "  public: {place: street, time: day, target: class, method: generic, actor: type}")
                .getMessage())
                .isEqualTo("policy.yaml:6:19: audiences.public.place: unknown place level 'street'; "
                        + "expected one of: site, locality, region, country, none");
    }

    @Test
    void ceilingMissingAFacet() {
        assertThat(problem(6, "  public: {place: locality, time: day, target: class, method: generic}").getMessage())
                .isEqualTo("policy.yaml:6:11: audiences.public: missing a level for actor "
                        + "(every facet needs one: place, time, target, method, actor)");
    }

    @Test
    void ceilingWithAnUnknownFacet() {
        assertThat(problem(6, "  public: {place: locality, time: day, target: class, method: generic, actor: type, "
                + "mood: calm}").problem())
                .isEqualTo("audiences.public: unknown key 'mood' (allowed: place, time, target, method, actor)");
    }

    @Test
    void badAudienceName() {
        assertThat(problem(6, "  The Public: {place: locality, time: day, target: class, method: generic, actor: type}")
                .getMessage())
                .isEqualTo("policy.yaml:6:3: audiences: 'The Public' is not an audience name "
                        + "(lower-case words joined by '-')");
    }

    @Test
    void unknownHarm() {
        assertThat(problem(2, "harms: [killing, maiming]").getMessage())
                .isEqualTo("policy.yaml:2:18: harms[1]: unknown harm 'maiming'; "
                        + "expected one of: killing, serious-bodily-injury, kidnapping, other");
    }

    @Test
    void unknownRole() {
        assertThat(problem(10, "escalation: [approver, minister]").getMessage())
                .isEqualTo("policy.yaml:10:24: escalation[1]: unknown role 'minister'; "
                        + "expected one of: analyst, approver, director, liaison, oversight, partner");
        assertThat(problem(13, "  victim-already-aware: {approver: boss}").getMessage())
                .isEqualTo("policy.yaml:13:36: waivers.victim-already-aware.approver: unknown role 'boss'; "
                        + "expected one of: analyst, approver, director, liaison, oversight, partner");
    }

    @Test
    void waiverApproverMustBeARoleThatApproves() {
        assertThat(problem(13, "  victim-already-aware: {approver: oversight}").getMessage())
                .isEqualTo("policy.yaml:13:36: waivers.victim-already-aware.approver: "
                        + "a waiver is approved by approver or director, not oversight");
    }

    @Test
    void rolesAndWaiverReasonsAreReadStrippedAndInAnyCase() {
        String text = with(10, "escalation: [Approver, ' DIRECTOR ']")
                .replace("  victim-already-aware: {approver: approver}", "  Victim-Already-Aware: {approver: Approver}");
        Policy policy = PolicyFile.parse("policy.yaml", text);

        assertThat(policy.escalation()).containsExactly(Role.APPROVER, Role.DIRECTOR);
        assertThat(policy.waiverRule(WaiverReason.VICTIM_ALREADY_AWARE).orElseThrow().approver()).isEqualTo(Role.APPROVER);
    }

    @Test
    void aWaiverReasonGivenTwiceInAnotherCaseIsRefused() {
        String text = String.join("\n", VALID) + "\n  Victim-Already-Aware: {approver: director}\n";

        assertThat(problemOf(() -> PolicyFile.parse("policy.yaml", text)).getMessage())
                .isEqualTo("policy.yaml:14:3: waivers: waiver reason 'victim-already-aware' is listed twice");
    }

    @Test
    void unknownWaiverReason() {
        assertThat(problem(13, "  too-busy: {approver: approver}").getMessage())
                .startsWith("policy.yaml:13:3: waivers: unknown waiver reason 'too-busy'; expected one of: ");
    }

    @Test
    void waiverReasonWithoutAnApprover() {
        assertThat(problem(13, "  victim-already-aware: {requires-alternative: false}").getMessage())
                .isEqualTo("policy.yaml:13:25: waivers.victim-already-aware: waiver reason 'victim-already-aware' "
                        + "needs an approver (approver or director)");
    }

    @Test
    void sourcesAndMethodsWaiverMustRequireAnAlternative() {
        assertThat(problem(12, "  unduly-endangers-sources-or-personnel: {approver: director, requires-alternative: false}")
                .getMessage())
                .isEqualTo("policy.yaml:12:85: waivers.unduly-endangers-sources-or-personnel.requires-alternative: "
                        + "must be true for 'unduly-endangers-sources-or-personnel': a waiver citing sources and "
                        + "methods must record what was done instead (e.g. a sanitized warning through liaison)");
    }

    @Test
    void sourcesAndMethodsWaiverRequiresAnAlternativeByDefault() {
        Policy policy = PolicyFile.parse("policy.yaml",
                with(12, "  unduly-endangers-sources-or-personnel: {approver: director}"));

        assertThat(policy.waiverRule(WaiverReason.UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL).orElseThrow()
                .requiresAlternative()).isTrue();
    }

    @Test
    void sourcesAndMethodsWaiverIsApprovedByDirector() {
        assertThat(problem(12, "  unduly-endangers-sources-or-personnel: {approver: approver}").getMessage())
                .isEqualTo("policy.yaml:12:53: waivers.unduly-endangers-sources-or-personnel.approver: "
                        + "a waiver on 'unduly-endangers-sources-or-personnel' is approved by director");
    }

    @Test
    void versionMissing() {
        assertThat(problem(1, "# no version").getMessage())
                .isEqualTo("policy.yaml:2:1: missing required key 'version'");
    }

    @Test
    void versionBelowOne() {
        assertThat(problem(1, "version: 0").getMessage()).isEqualTo("policy.yaml:1:10: version: must be 1 or more, not 0");
        assertThat(problem(1, "version: three").getMessage())
                .isEqualTo("policy.yaml:1:10: version: expected a whole number, found a string");
    }

    @Test
    void escalationEmpty() {
        assertThat(problem(10, "escalation: []").getMessage())
                .isEqualTo("policy.yaml:10:13: escalation: must not be empty: list the roles an overdue "
                        + "obligation escalates to, in order");
    }

    @Test
    void badMinCredibility() {
        assertThat(problem(3, "min-credibility: {reliability: G, credibility: 4}").getMessage())
                .isEqualTo("policy.yaml:3:32: min-credibility.reliability: source reliability must be a letter "
                        + "A to F, not 'G'");
        assertThat(problem(3, "min-credibility: {reliability: D, credibility: 7}").getMessage())
                .isEqualTo("policy.yaml:3:48: min-credibility.credibility: information credibility must be 1 to 6, not 7");
        assertThat(problem(3, "min-credibility: G7").getMessage())
                .isEqualTo("policy.yaml:3:18: min-credibility: 'G7' is not an Admiralty code (A-F then 1-6, e.g. B2)");
    }

    @Test
    void renewalMustComeBeforeExpiry() {
        assertThat(problem(9, "renewal: {before-expiry: P8D}").getMessage())
                .isEqualTo("policy.yaml:9:26: renewal.before-expiry: must be shorter than validity (PT168H), "
                        + "or every warning would be due for renewal as soon as it is issued");
    }

    @Test
    void wrongTypes() {
        assertThat(problem(2, "harms: killing").getMessage())
                .isEqualTo("policy.yaml:2:8: harms: expected a list, found a string");
        assertThat(problem(8, "validity: [P7D]").getMessage())
                .isEqualTo("policy.yaml:8:11: validity: expected an ISO-8601 duration (e.g. PT4H, P7D), found a list");
        assertThat(problem(9, "renewal: PT6H").getMessage())
                .isEqualTo("policy.yaml:9:10: renewal: expected a map, found a string");
    }

    @Test
    void theLeadTimeIsReadAndDefaultsToADay() {
        Policy withLead = PolicyFile.parse("policy.yaml", with(4, "deadlines: {imminent: PT4H, default: PT24H, lead-time: PT12H}"));
        Policy without = PolicyFile.parse("policy.yaml", String.join("\n", VALID));

        assertThat(withLead.deadlines().leadTime()).isEqualTo(Duration.ofHours(12));
        assertThat(without.deadlines().leadTime()).isEqualTo(Duration.ofHours(24));
        assertThat(PolicyFile.defaultPolicy().deadlines().leadTime()).isEqualTo(Duration.ofHours(24));
        assertThat(PolicyFile.parse("policy.yaml", with(4, "deadlines: {imminent: PT4H, default: PT24H, lead-time: PT0S}"))
                .deadlines().leadTime()).as("warned by the time the window opens").isZero();
    }

    @Test
    void negativeLeadTime() {
        assertThat(problem(4, "deadlines: {imminent: PT4H, default: PT24H, lead-time: -PT1H}").getMessage())
                .isEqualTo("policy.yaml:4:56: deadlines.lead-time: '-PT1H' is negative; a duration here must not be");
    }

    @Test
    void zeroDeadline() {
        assertThat(problem(4, "deadlines: {imminent: PT0S, default: PT24H}").getMessage())
                .isEqualTo("policy.yaml:4:23: deadlines.imminent: must be longer than zero");
    }
}
