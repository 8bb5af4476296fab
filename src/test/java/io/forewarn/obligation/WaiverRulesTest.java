package io.forewarn.obligation;

import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyFile;
import io.forewarn.policy.Role;
import io.forewarn.policy.WaiverReason;
import io.forewarn.policy.WaiverRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.forewarn.policy.WaiverReason.NO_REASONABLE_WAY_TO_WARN;
import static io.forewarn.policy.WaiverReason.UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL;
import static io.forewarn.policy.WaiverReason.VICTIM_ALREADY_AWARE;
import static io.forewarn.policy.WaiverReason.VICTIM_PARTY_TO_VIOLENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** Each waiver rule on its own: every other rule passes, so a refusal is that rule's alone. */
class WaiverRulesTest {

    static final Policy POLICY = PolicyFile.defaultPolicy();
    static final Instant REQUESTED = Instant.parse("2024-03-07T06:00:00Z");
    static final String REQUESTER = "analyst-1";

    static Waiver waiver(WaiverReason reason, Optional<String> alternative) {
        return new Waiver("X-1", "R-1/ru-authorities", reason, Waiver.Scope.NOT_WARNED, REQUESTER, Role.ANALYST,
                REQUESTED, alternative, Optional.empty());
    }

    static Waiver waiver(WaiverReason reason) {
        return waiver(reason, Optional.empty());
    }

    /** The default policy with only the given waiver rules. */
    static Policy withWaivers(Map<WaiverReason, WaiverRule> waivers) {
        return new Policy(POLICY.version(), POLICY.harms(), POLICY.minCredibility(), POLICY.deadlines(),
                POLICY.audiences(), POLICY.validity(), POLICY.renewBeforeExpiry(), POLICY.escalation(), waivers, POLICY.advice(), POLICY.languages());
    }

    @Test
    void anApprovalThatPassesEveryRule() {
        Waiver sources = waiver(UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL,
                Optional.of("sanitized warning through liaison"));

        assertThat(WaiverRules.refusals(sources, "director-1", Role.DIRECTOR, POLICY)).isEmpty();
        WaiverRules.all().forEach(rule ->
                assertThat(rule.refusal(sources, "director-1", Role.DIRECTOR, POLICY)).isEmpty());
    }

    @Test
    void aReasonThePolicyDoesNotListIsRefused() {
        Policy narrow = withWaivers(Map.of(VICTIM_ALREADY_AWARE,
                new WaiverRule(VICTIM_ALREADY_AWARE, Role.APPROVER, false)));

        assertThat(WaiverRules.refusals(waiver(NO_REASONABLE_WAY_TO_WARN), "approver-1", Role.APPROVER, narrow))
                .containsExactly("policy v3 does not allow the waiver reason no-reasonable-way-to-warn");
        assertThat(WaiverRules.refusals(waiver(VICTIM_ALREADY_AWARE), "approver-1", Role.APPROVER, narrow)).isEmpty();
    }

    @Test
    void aDirectorMayApproveAnApproverLevelReason() {
        assertThat(WaiverRules.refusals(waiver(VICTIM_ALREADY_AWARE), "director-1", Role.DIRECTOR, POLICY)).isEmpty();
        assertThat(WaiverRules.refusals(waiver(VICTIM_ALREADY_AWARE), "approver-1", Role.APPROVER, POLICY)).isEmpty();
    }

    @Test
    void anApproverMayNotApproveADirectorLevelReason() {
        assertThat(WaiverRules.refusals(waiver(VICTIM_PARTY_TO_VIOLENCE), "approver-1", Role.APPROVER, POLICY))
                .containsExactly("a waiver citing victim-party-to-violence must be approved by director, not approver");
        assertThat(WaiverRules.refusals(waiver(VICTIM_PARTY_TO_VIOLENCE), "director-1", Role.DIRECTOR, POLICY)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ANALYST", "LIAISON", "OVERSIGHT", "PARTNER"})
    void rolesThatDoNotApproveCannotApproveAWaiver(Role role) {
        assertThat(WaiverRules.refusals(waiver(VICTIM_ALREADY_AWARE), "someone-else", role, POLICY))
                .containsExactly("a waiver citing victim-already-aware must be approved by approver, not " + role.code());
    }

    @Test
    void theSourcesAndMethodsGroundWithoutAnAlternativeIsRefused() {
        assertThat(WaiverRules.refusals(waiver(UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL), "director-1", Role.DIRECTOR,
                POLICY)).containsExactly("a waiver citing unduly-endangers-sources-or-personnel must record the "
                + "alternative action taken");
        assertThat(WaiverRules.refusals(waiver(UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL, Optional.of("   ")),
                "director-1", Role.DIRECTOR, POLICY)).as("a blank alternative is no alternative").hasSize(1);
    }

    @Test
    void theSourcesAndMethodsGroundNeedsAnAlternativeEvenIfAPolicyForgetsToSaySo() {
        Policy lax = withWaivers(Map.of(UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL,
                new WaiverRule(UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL, Role.DIRECTOR, false)));

        assertThat(WaiverRules.ALTERNATIVE_RECORDED.refusal(waiver(UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL),
                "director-1", Role.DIRECTOR, lax)).isPresent();
    }

    @Test
    void anyReasonWhoseRuleRequiresAnAlternativeNeedsOne() {
        Policy strict = withWaivers(Map.of(NO_REASONABLE_WAY_TO_WARN,
                new WaiverRule(NO_REASONABLE_WAY_TO_WARN, Role.APPROVER, true)));

        assertThat(WaiverRules.refusals(waiver(NO_REASONABLE_WAY_TO_WARN), "approver-1", Role.APPROVER, strict))
                .containsExactly("a waiver citing no-reasonable-way-to-warn must record the alternative action taken");
        assertThat(WaiverRules.refusals(waiver(NO_REASONABLE_WAY_TO_WARN), "approver-1", Role.APPROVER, POLICY))
                .as("the default policy does not require one for this reason").isEmpty();
    }

    @Test
    void nobodyApprovesTheirOwnRequest() {
        assertThat(WaiverRules.refusals(waiver(VICTIM_ALREADY_AWARE), REQUESTER, Role.APPROVER, POLICY))
                .containsExactly(REQUESTER + " requested this waiver and cannot also approve it");
    }

    @Test
    void everyBrokenRuleIsReported() {
        Waiver sources = waiver(UNDULY_ENDANGERS_SOURCES_OR_PERSONNEL);

        assertThat(WaiverRules.refusals(sources, REQUESTER, Role.APPROVER, POLICY)).hasSize(3);
    }
}
