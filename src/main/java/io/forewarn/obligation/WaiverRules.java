package io.forewarn.obligation;

import io.forewarn.policy.Policy;
import io.forewarn.policy.Role;
import io.forewarn.policy.WaiverRule;

import java.util.List;
import java.util.Optional;

/**
 * The rules a waiver approval must pass, each a small named check returning the reason it refuses,
 * if it does. A new rule is one more entry in {@link #all()}.
 */
public final class WaiverRules {

    /** One rule: empty when the approval is allowed, otherwise why not. */
    @FunctionalInterface
    public interface Rule {
        Optional<String> refusal(Waiver waiver, String approver, Role approverRole, Policy policy);
    }

    /** The policy must list the reason. */
    public static final Rule REASON_ALLOWED = (waiver, approver, role, policy) ->
            policy.waiverRule(waiver.reason()).isPresent() ? Optional.empty()
                    : Optional.of("policy v" + policy.version() + " does not allow the waiver reason " + waiver.reason().code());

    /**
     * The approver must hold the role the policy names for the reason, or one above it in the
     * escalation chain (a director may approve what an approver may).
     */
    public static final Rule APPROVER_ROLE = (waiver, approver, role, policy) -> {
        Optional<WaiverRule> rule = policy.waiverRule(waiver.reason());
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        Role required = rule.get().approver();
        if (role == required || outranks(role, required, policy)) {
            return Optional.empty();
        }
        return Optional.of("a waiver citing " + waiver.reason().code() + " must be approved by "
                + required.code() + ", not " + role.code());
    };

    /** A waiver on the sources-and-methods ground is no licence for silence: it must say what was done instead. */
    public static final Rule ALTERNATIVE_RECORDED = (waiver, approver, role, policy) -> {
        boolean required = waiver.reason().protectsSourcesAndMethods()
                || policy.waiverRule(waiver.reason()).map(WaiverRule::requiresAlternative).orElse(false);
        return required && waiver.alternative().isEmpty()
                ? Optional.of("a waiver citing " + waiver.reason().code() + " must record the alternative action taken")
                : Optional.empty();
    };

    /** Two-person rule: nobody approves their own request. */
    public static final Rule TWO_PERSONS = (waiver, approver, role, policy) ->
            waiver.requestedBy().equals(approver)
                    ? Optional.of(approver + " requested this waiver and cannot also approve it")
                    : Optional.empty();

    private WaiverRules() {
    }

    public static List<Rule> all() {
        return List.of(REASON_ALLOWED, APPROVER_ROLE, ALTERNATIVE_RECORDED, TWO_PERSONS);
    }

    /** Every refusal the rules give for this approval; empty when it may go ahead. */
    public static List<String> refusals(Waiver waiver, String approver, Role approverRole, Policy policy) {
        return all().stream()
                .map(rule -> rule.refusal(waiver, approver, approverRole, policy))
                .flatMap(Optional::stream)
                .toList();
    }

    private static boolean outranks(Role role, Role required, Policy policy) {
        List<Role> chain = policy.escalation();
        int held = chain.indexOf(role);
        int needed = chain.indexOf(required);
        return held >= 0 && needed >= 0 && held > needed;
    }
}
