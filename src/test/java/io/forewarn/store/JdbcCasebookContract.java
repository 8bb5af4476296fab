package io.forewarn.store;

import io.forewarn.Crocus;
import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.ObligationState;
import io.forewarn.ledger.jdbc.BulkRows;
import io.forewarn.party.KnownAs;
import io.forewarn.party.NamedTarget;
import io.forewarn.party.Party;
import io.forewarn.party.Relationship;
import io.forewarn.place.Area;
import io.forewarn.place.LatLon;
import io.forewarn.place.NamedPlace;
import io.forewarn.place.Place;
import io.forewarn.place.PlaceLevel;
import io.forewarn.place.Reach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.forewarn.Crocus.CITIZENS;
import static io.forewarn.Crocus.PUBLIC;
import static io.forewarn.Crocus.R1;
import static io.forewarn.Crocus.RECEIVED;
import static io.forewarn.Crocus.VENUE;
import static io.forewarn.store.Fixtures.event;
import static io.forewarn.store.Fixtures.moved;
import static io.forewarn.store.Fixtures.obligation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database casebook on one database: the {@link CasebookContract}, and what only a shared,
 * transactional store has to get right: stale obligations, transactions it joins, nodes that
 * allocate ids at the same time, and a second casebook that sees what the first one wrote.
 */
abstract class JdbcCasebookContract extends CasebookContract {

    protected TestDatabase database;

    /** A fresh, migrated database for one test. */
    protected abstract TestDatabase database();

    @Override
    protected Casebook open() {
        database = database();
        return new JdbcCasebook(database.dataSource());
    }

    @Override
    protected void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aStaleCopyOfAnObligationIsRefusedAndNothingIsLost() {
        Obligation opened = obligation("R-1", CITIZENS);
        casebook.put(opened);
        Obligation mine = casebook.obligation(opened.id()).orElseThrow();
        Obligation theirs = casebook.obligation(opened.id()).orElseThrow();

        Obligation drafted = moved(mine, ObligationState.DRAFTED, Duration.ofMinutes(30));
        casebook.put(drafted);
        Obligation waiverAsked = moved(theirs, ObligationState.WAIVER_REQUESTED, Duration.ofMinutes(40));

        assertThatThrownBy(() -> casebook.put(waiverAsked))
                .isInstanceOf(ConcurrentChangeException.class)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("obligation R-1/us-citizens-ru was changed concurrently")
                .hasMessageContaining("stored history has 2 transitions, this version has 2")
                .satisfies(e -> assertThat(((ConcurrentChangeException) e).obligationId()).isEqualTo(opened.id()));
        assertThat(casebook.obligation(opened.id())).contains(drafted);
        assertThat(casebook.obligations()).containsExactly(drafted);
    }

    @Test
    void anObligationThatSkipsAVersionOrGoesBackIsRefused() {
        Obligation opened = obligation("R-1", PUBLIC);
        casebook.put(opened);
        Obligation drafted = moved(opened, ObligationState.DRAFTED, Duration.ofMinutes(30));
        Obligation approved = moved(drafted, ObligationState.APPROVED, Duration.ofHours(1));

        assertThatThrownBy(() -> casebook.put(approved)).isInstanceOf(ConcurrentChangeException.class);
        casebook.put(drafted);
        assertThatThrownBy(() -> casebook.put(opened)).isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> casebook.put(drafted)).isInstanceOf(ConcurrentChangeException.class);
        assertThat(casebook.obligation(opened.id())).contains(drafted);
    }

    @Test
    void aSecondCasebookOnTheSameDatabaseSeesEverything() {
        casebook.putParty(CITIZENS);
        casebook.putReport(R1, Fixtures.triage(R1));
        casebook.put(obligation("R-1", CITIZENS));
        casebook.append(event(RECEIVED, "report-received", "R-1"));
        casebook.nextId("W");

        Casebook other = new JdbcCasebook(database.dataSource());

        assertThat(other.parties()).containsExactly(CITIZENS);
        assertThat(other.reports()).containsExactly(R1);
        assertThat(other.obligations()).containsExactly(obligation("R-1", CITIZENS));
        assertThat(other.events()).containsExactlyElementsOf(casebook.events());
        assertThat(other.nextId("W")).isEqualTo("W-2");
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehindNotEvenAnId() {
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(database.dataSource()));

        transaction.executeWithoutResult(status -> {
            casebook.putParty(CITIZENS);
            casebook.putReport(R1, Fixtures.triage(R1));
            assertThat(casebook.nextId("W")).isEqualTo("W-1");
            casebook.append(event(RECEIVED, "report-received", "R-1"));
            assertThat(casebook.parties()).containsExactly(CITIZENS); // its own writes, inside
            status.setRollbackOnly();
        });

        assertThat(casebook.parties()).isEmpty();
        assertThat(casebook.reports()).isEmpty();
        assertThat(casebook.events()).isEmpty();
        assertThat(casebook.nextId("W")).isEqualTo("W-1");
    }

    @Test
    void aRefusedReportLeavesTheCallersTransactionUsable() {
        casebook.putReport(R1, Fixtures.triage(R1));
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(database.dataSource()));

        transaction.executeWithoutResult(status -> {
            assertThatThrownBy(() -> casebook.putReport(R1, Fixtures.triage(R1))).isInstanceOf(IllegalStateException.class);
            casebook.putParty(CITIZENS);
        });

        assertThat(casebook.parties()).containsExactly(CITIZENS);
    }

    @Test
    void nodesAllocatingIdsAtOnceNeverShareOne() throws Exception {
        int perNode = 25;
        List<Callable<List<String>>> nodes = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            nodes.add(() -> {
                Casebook own = new JdbcCasebook(database.dataSource());
                TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(database.dataSource()));
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < perNode; i++) {
                    // each in a transaction that also writes, as the workflow does
                    ids.add(transaction.execute(status -> {
                        String id = own.nextId("C");
                        own.append(event(RECEIVED, "note", id));
                        return id;
                    }));
                }
                return ids;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        List<String> all = Collections.synchronizedList(new ArrayList<>());
        try {
            for (Future<List<String>> ids : pool.invokeAll(nodes)) {
                all.addAll(ids.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(new HashSet<>(all)).hasSize(3 * perNode);
        assertThat(all).allMatch(id -> id.matches("C-([1-9]|[1-6][0-9]|7[0-5])"));
        assertThat(casebook.events()).hasSize(3 * perNode);
    }

    @Test
    void aPartyIsStoredWholeWhateverItsKind() {
        for (Party party : Crocus.SCENARIO.parties()) {
            casebook.putParty(party);
        }
        casebook.putParty(Fixtures.PLAZA);

        assertThat(new JdbcCasebook(database.dataSource()).parties())
                .containsExactlyElementsOf(List.of(Crocus.party("us-citizens-ru"), Crocus.party("public-moscow"),
                        Crocus.party("ru-authorities"), Crocus.party("crocus-city-hall"), Fixtures.PLAZA));
    }

    /**
     * An import's new parties in one go ({@link Casebook#addParties}): on PostgreSQL, from {@link BulkRows#COPY_FROM}
     * rows on, by COPY. Their bodies come back as they went in (names with what COPY's text format escapes), in
     * order, found by place and by name; a batch holding a party on file stores none of its parties.
     */
    @Test
    void manyNewPartiesAreStoredWithTheirIndexRowsAndOneOnFileStoresNoneOfThem() {
        List<Party> many = new ArrayList<>();
        for (int i = 0; i < 2 * BulkRows.COPY_FROM; i++) {
            Place place = Place.of(Map.of(
                    PlaceLevel.SITE, new NamedPlace("Hall \\ " + i + "\tЗал", Optional.of(new Area.Circle(new LatLon(55.826, 37.389), 0.4))),
                    PlaceLevel.LOCALITY, NamedPlace.named("Krasnogorsk"),
                    PlaceLevel.COUNTRY, NamedPlace.named("RU")));
            many.add(new Party.Venue("venue\\" + i, VENUE.audience(), Relationship.NEUTRAL, place, List.of("concert hall"), true)
                    .knownAs(new KnownAs(List.of("Hall Keeper " + i), List.of())));
        }

        casebook.addParties(many);

        assertThat(new JdbcCasebook(database.dataSource()).parties()).containsExactlyElementsOf(many);
        assertThat(casebook.partiesReached(Reach.of(R1.place()))).containsExactlyElementsOf(many);
        assertThat(casebook.partiesNamed(NamedTarget.lookups("Hall Keeper 70"))).contains(many.get(70))
                .doesNotContain(many.get(1));

        List<Party> withOneOnFile = new ArrayList<>();
        for (int i = 0; i < 2 * BulkRows.COPY_FROM; i++) {
            Party venue = many.get(i);
            withOneOnFile.add(new Party.Venue("other-" + i, venue.audience(), venue.relationship(), venue.place(),
                    List.of("concert hall"), true));
        }
        withOneOnFile.add(many.get(3));
        assertThatThrownBy(() -> casebook.addParties(withOneOnFile)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing of the batch was stored");
        assertThat(casebook.partiesOnFile(withOneOnFile.stream().map(Party::id).toList())).containsExactly(many.get(3).id());
        assertThat(casebook.partiesReached(Reach.of(R1.place()))).containsExactlyElementsOf(many);
    }
}
