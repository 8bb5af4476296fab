package io.forewarn.obligation;

import io.forewarn.Crocus;
import io.forewarn.party.ContactBook;
import io.forewarn.party.ContactPoint;
import io.forewarn.party.InMemoryContactBook;
import io.forewarn.party.bulk.ImportRow;
import io.forewarn.party.bulk.RowProblem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The rules of a bulk import without the server ({@code PartyImportTest} holds them through the API): which rows are
 * stored, which refused and at which row, and what the register and the contact book then hold.
 */
class PartyImportRulesTest {

    private final Desk desk = new Desk(List.of(Crocus.CITIZENS, Crocus.PUBLIC, Crocus.AUTHORITIES));
    private final InMemoryContactBook contacts = new InMemoryContactBook(Map.of());
    private final List<ContactPoint> venueDesk = List.of(new ContactPoint.Email("security@crocus.example"));

    @Test
    void aCreateStoresTheNewRowsAndRefusesTheRestEachAtItsRow() {
        desk.casebook.removeParty(Crocus.AUTHORITIES.id(), desk.clock.instant());
        List<ImportRow> rows = List.of(
                new ImportRow.Accepted(2, Crocus.VENUE, venueDesk),
                new ImportRow.Rejected(3, List.of(new RowProblem(3, "kind", "must be one of registrants, venue, authority, public"))),
                new ImportRow.Accepted(4, Crocus.CITIZENS),
                new ImportRow.Accepted(5, Crocus.VENUE),
                new ImportRow.Accepted(6, Crocus.AUTHORITIES));

        PartyImport.Outcome outcome = PartyImport.of(rows, PartyImport.Mode.CREATE).storeInto(desk.duty, contacts, "ana");

        assertThat(outcome.created()).containsExactly("crocus-city-hall");
        assertThat(outcome.updated()).isEmpty();
        assertThat(outcome.rejected()).containsExactly(
                new RowProblem(3, "kind", "must be one of registrants, venue, authority, public"),
                new RowProblem(4, "id", "a party with this id is on file; import with ?mode=upsert to replace it"),
                new RowProblem(5, "id", "the same id is on an earlier row (2)"),
                new RowProblem(6, "id", "the party with this id was removed, and its id is not given out again"));
        assertThat(desk.casebook.party("crocus-city-hall")).contains(Crocus.VENUE);
        assertThat(contacts.of("crocus-city-hall")).extracting(ContactBook.Listed::point).containsExactlyElementsOf(venueDesk);
        assertThat(desk.heard).filteredOn(event -> event.type() == EventType.PARTY_REGISTERED)
                .extracting(DutyEvent::subject, DutyEvent::actor)
                .containsExactly(tuple("crocus-city-hall", "ana"));
    }

    @Test
    void anUpsertReplacesThePartyOnFileAndItsContactPoints() {
        contacts.replace(Crocus.CITIZENS.id(), venueDesk);

        PartyImport.Outcome outcome = PartyImport.of(List.of(new ImportRow.Accepted(2, Crocus.CITIZENS),
                new ImportRow.Accepted(3, Crocus.VENUE)), PartyImport.Mode.UPSERT).storeInto(desk.duty, contacts, "ana");

        assertThat(outcome.created()).containsExactly("crocus-city-hall");
        assertThat(outcome.updated()).containsExactly("us-citizens-ru");
        assertThat(outcome.rejected()).isEmpty();
        assertThat(contacts.of(Crocus.CITIZENS.id())).as("replaced with the row's, which has none").isEmpty();
        assertThat(desk.heard)
                .filteredOn(event -> event.type() == EventType.PARTY_REGISTERED || event.type() == EventType.PARTY_UPDATED)
                .extracting(DutyEvent::type, DutyEvent::subject, DutyEvent::actor)
                .containsExactly(tuple(EventType.PARTY_REGISTERED, "crocus-city-hall", "ana"),
                        tuple(EventType.PARTY_UPDATED, "us-citizens-ru", "ana"));
    }
}
