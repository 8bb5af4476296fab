package io.forewarn.obligation;

import io.forewarn.party.Party;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parties on file, changed by a login: registered, replaced, imported in bulk, removed. Every change is a
 * typed event with its actor ({@code party-registered}, {@code party-updated}, {@code party-removed}, one per
 * party, an import's included: the ledger answers who put each party on file and when, and an obligation a
 * change opens names that party's event). The party is then resolved against every report whose threat
 * window is open ({@link Resolution}). The summaries name the party by its id only: its place and contact
 * details are need-to-know.
 */
public final class PartyRegister {

    private final DutyToWarn duty;
    private final DutyEvents events;

    PartyRegister(DutyToWarn duty, DutyEvents events) {
        this.duty = Objects.requireNonNull(duty, "duty");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Registers a party not on file (one on file, or removed, is refused: an id names one party for good). */
    public void register(Party party, String actor) {
        if (duty.casebook().party(party.id()).isPresent()) {
            throw new IllegalStateException("party " + party.id() + (duty.casebook().partyRemoved(party.id())
                    ? " was removed, and its id is not given out again" : " exists; PUT /api/v1/parties/" + party.id()
                    + " changes it"));
        }
        importAll(List.of(party), List.of(), actor);
    }

    /** Replaces a party on file by its new version. */
    public void replace(Party party, String actor) {
        Party before = duty.casebook().party(party.id())
                .filter(p -> !duty.casebook().partyRemoved(p.id()))
                .orElseThrow(() -> new IllegalArgumentException("no party " + party.id()));
        importAll(List.of(), List.of(new Replacement(before, party)), actor);
    }

    /** A party on file and the version that replaces it. */
    public record Replacement(Party before, Party after) {
    }

    /**
     * Stores new parties and replacements in one go, publishes one event per party in one batch, and resolves
     * them all against the open reports with one question of the index per call: a bulk import calls it a chunk
     * at a time.
     */
    public void importAll(List<Party> registered, List<Replacement> replaced, String actor) {
        Instant now = duty.clock().instant();
        List<Party> stored = new ArrayList<>(registered);
        replaced.forEach(r -> stored.add(r.after()));
        duty.casebook().addParties(registered);
        duty.casebook().putParties(stored.subList(registered.size(), stored.size()));
        Map<String, DutyEvent> causes = new LinkedHashMap<>();
        for (Party party : registered) {
            causes.put(party.id(), new DutyEvent.PartyRegistered(now, party, actor, "party " + party.id() + " registered"));
        }
        for (Replacement replacement : replaced) {
            Party after = replacement.after();
            boolean moved = !after.place().equals(replacement.before().place());
            causes.put(after.id(), new DutyEvent.PartyUpdated(now, after, replacement.before(), actor, "party " + after.id()
                    + " updated" + (moved ? "; its place changed" : "")));
        }
        List<DutyEvent> all = new ArrayList<>(causes.values());
        all.addAll(new Resolution(duty).partiesChanged(stored, causes, !replaced.isEmpty(), actor));
        events.publishAll(all);
    }

    /** Takes a party off file: no report reaches it any more; its obligations still awaiting a warning are closed. */
    public Party remove(String partyId, String actor) {
        Party party = duty.casebook().party(partyId)
                .filter(p -> !duty.casebook().partyRemoved(p.id()))
                .orElseThrow(() -> new IllegalArgumentException("no party " + partyId));
        Instant now = duty.clock().instant();
        duty.casebook().removeParty(partyId, now);
        DutyEvent removed = new DutyEvent.PartyRemoved(now, party, actor, "party " + partyId + " removed");
        List<DutyEvent> all = new ArrayList<>();
        all.add(removed);
        all.addAll(new Resolution(duty).partyRemoved(partyId, Cause.of(removed), actor));
        events.publishAll(all);
        return party;
    }
}
