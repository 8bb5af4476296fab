package io.forewarn.obligation;

import io.forewarn.code.Coded;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A party whose name is near a report's named target, but not the same ({@link io.forewarn.party.NamedTarget}: the
 * same words in another order, one letter apart): never taken for the target, it is offered to an analyst, who
 * confirms it (the party is then affected and its obligation opened, by that analyst's step) or rejects it. Both
 * decisions are kept with who took them, and a decided offer is not offered again.
 *
 * @param partyName the party's name the target is near
 * @param how       how near: "the same words in another order", "one letter apart"
 */
public record NearMatch(String id, String reportId, String partyId, String partyName, String how, Instant offeredAt,
                        Status status, Optional<Decision> decision) {

    /** Where an offer stands. */
    public enum Status implements Coded {
        OFFERED, CONFIRMED, REJECTED;

        @Override
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Who decided, when, and why (a note; empty when none was given). */
    public record Decision(String by, Instant at, String note) {
        public Decision {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            note = note == null ? "" : note;
        }
    }

    public NearMatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(partyName, "partyName");
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(offeredAt, "offeredAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decision, "decision");
    }

    /** The offer decided: confirmed or rejected by {@code by} at {@code at}. */
    NearMatch decided(boolean confirmed, String by, Instant at, String note) {
        if (status != Status.OFFERED) {
            throw new IllegalStateException("near match " + id + " is already " + status.code() + " by "
                    + decision.map(Decision::by).orElse("?") + "; it is decided once");
        }
        return new NearMatch(id, reportId, partyId, partyName, how, offeredAt,
                confirmed ? Status.CONFIRMED : Status.REJECTED, Optional.of(new Decision(by, at, note)));
    }

    /** Why the party is affected once confirmed, for its obligation's reasons. */
    String confirmedReason() {
        return "target: named, near the party's name " + partyName + " (" + how + "), confirmed by "
                + decision.map(Decision::by).orElse("?") + " as near match " + id;
    }
}
