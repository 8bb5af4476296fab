package io.forewarn.obligation;

import io.forewarn.code.Coded;
import io.forewarn.policy.Role;
import io.forewarn.sanitize.Draft;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A draft as it moves through approval and issue, with who drafted it and which obligations it answers.
 *
 * @param renews the warning this draft renews, if it is a renewal
 */
public record DraftRecord(String id, Draft draft, String draftedBy, Instant draftedAt, List<String> obligationIds,
                          Optional<String> renews, Status status, Optional<String> decidedBy) {

    public enum Status implements Coded {
        DRAFTED, APPROVED, ISSUED, CANCELLED;

        @Override
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status of(String code) {
            return Coded.of(Status.class, "draft status", code);
        }
    }

    public DraftRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(draftedBy, "draftedBy");
        Objects.requireNonNull(draftedAt, "draftedAt");
        obligationIds = List.copyOf(obligationIds);
        Objects.requireNonNull(renews, "renews");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decidedBy, "decidedBy");
    }

    DraftRecord approvedBy(String approver, Role role) {
        return new DraftRecord(id, draft, draftedBy, draftedAt, obligationIds, renews, Status.APPROVED,
                Optional.of(approver + " (" + role.code() + ")"));
    }

    DraftRecord withDraft(Draft edited) {
        return new DraftRecord(id, edited, draftedBy, draftedAt, obligationIds, renews, status, decidedBy);
    }

    DraftRecord withStatus(Status next) {
        return new DraftRecord(id, draft, draftedBy, draftedAt, obligationIds, renews, next, decidedBy);
    }
}
