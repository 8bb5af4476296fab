package io.forewarn.party;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The contact points of a replay's parties, in memory: the same contract as the database's. */
public final class InMemoryContactBook implements ContactBook {

    private final Map<String, List<Listed>> byParty = new LinkedHashMap<>();

    /** A book holding these contact points, by party id. */
    public InMemoryContactBook(Map<String, List<ContactPoint>> contacts) {
        contacts.forEach(this::replace);
    }

    @Override
    public Map<String, List<Listed>> of(Collection<String> partyIds) {
        Map<String, List<Listed>> found = new LinkedHashMap<>();
        for (String partyId : partyIds) {
            List<Listed> listed = byParty.get(partyId);
            if (listed != null && !listed.isEmpty()) {
                found.put(partyId, List.copyOf(listed));
            }
        }
        return found;
    }

    @Override
    public void replaceAll(Map<String, List<ContactPoint>> contactsByParty) {
        contactsByParty.forEach((partyId, contacts) -> byParty.put(partyId,
                new ArrayList<>(contacts.stream().map(point -> new Listed(point, Optional.empty())).toList())));
    }

    @Override
    public boolean disable(String partyId, String kind, String address, Instant at) {
        List<Listed> listed = byParty.getOrDefault(partyId, List.of());
        boolean wasInUse = false;
        for (int i = 0; i < listed.size(); i++) {
            Listed contact = listed.get(i);
            if (contact.point().kind().equals(kind) && contact.point().address().equals(address) && contact.inUse()) {
                listed.set(i, new Listed(contact.point(), Optional.of(at)));
                wasInUse = true;
            }
        }
        return wasInUse;
    }
}
