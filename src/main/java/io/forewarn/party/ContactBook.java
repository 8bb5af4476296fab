package io.forewarn.party;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The contact points of the parties on file, kept beside them: a party's contact points are replaced whole
 * with the party, and one is disabled, never deleted, when the other side asks not to be sent to again.
 */
public interface ContactBook {

    /** A contact point as it stands on its party: in use, or disabled since an instant. */
    record Listed(ContactPoint point, Optional<Instant> disabledAt) {
        public Listed {
            Objects.requireNonNull(point, "point");
            Objects.requireNonNull(disabledAt, "disabledAt");
        }

        public boolean inUse() {
            return disabledAt.isEmpty();
        }
    }

    /** The contact points of each of these parties, in the order given, by party id (a party with none: absent). */
    Map<String, List<Listed>> of(Collection<String> partyIds);

    default List<Listed> of(String partyId) {
        return of(List.of(partyId)).getOrDefault(partyId, List.of());
    }

    /** Writes a party's contact points anew, in this order; those it had go (with whether they were disabled). */
    default void replace(String partyId, List<ContactPoint> contacts) {
        replaceAll(Map.of(partyId, contacts));
    }

    /** Writes the contact points of several parties anew, as {@link #replace} of each would, in one go (an import's chunk). */
    void replaceAll(Map<String, List<ContactPoint>> contactsByParty);

    /**
     * Disables the party's contact points of this kind at this address from {@code at}; whether one was in use.
     */
    boolean disable(String partyId, String kind, String address, Instant at);
}
