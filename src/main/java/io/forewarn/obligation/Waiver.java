package io.forewarn.obligation;

import io.forewarn.code.Coded;
import io.forewarn.policy.Role;
import io.forewarn.policy.WaiverReason;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A decision not to warn a party, or to warn it less specifically, citing an allowed reason; it
 * counts only once approved by the role the policy names for that reason.
 *
 * @param alternative what was done instead (e.g. "sanitized warning through liaison"); required by
 *                    the policy for the sources-and-methods ground
 */
public record Waiver(
        String id,
        String obligationId,
        WaiverReason reason,
        Scope scope,
        String requestedBy,
        Role requesterRole,
        Instant requestedAt,
        Optional<String> alternative,
        Optional<Decision> decision) {

    /** What the waiver excuses. */
    public enum Scope implements Coded {
        /** The party is not warned at all. */
        NOT_WARNED,
        /** The party is warned, but less specifically than its ceiling allows. */
        LESS_SPECIFIC;

        /** {@code not-warned} or {@code less-specific}. */
        @Override
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Scope of(String code) {
            return Coded.of(Scope.class, "scope", code);
        }
    }

    /** The approval or rejection of a waiver. */
    public record Decision(boolean approved, String decidedBy, Role role, Instant at, String note) {
        public Decision {
            Objects.requireNonNull(decidedBy, "decidedBy");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(at, "at");
            note = note == null ? "" : note;
        }
    }

    public Waiver {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(obligationId, "obligationId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requesterRole, "requesterRole");
        Objects.requireNonNull(requestedAt, "requestedAt");
        alternative = alternative.filter(text -> !text.isBlank());
        Objects.requireNonNull(decision, "decision");
    }

    public boolean isApproved() {
        return decision.map(Decision::approved).orElse(false);
    }

    public Waiver decided(Decision made) {
        return new Waiver(id, obligationId, reason, scope, requestedBy, requesterRole, requestedAt, alternative,
                Optional.of(made));
    }
}
