package io.forewarn.policy;

import java.util.Objects;

/** How the policy treats one waiver reason: who approves it and whether an alternative action is required. */
public record WaiverRule(WaiverReason reason, Role approver, boolean requiresAlternative) {
    public WaiverRule {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(approver, "approver");
    }
}
