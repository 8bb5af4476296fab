package io.forewarn.obligation;

import io.forewarn.code.Coded;
import io.forewarn.party.ContactBook;
import io.forewarn.party.ContactPoint;
import io.forewarn.party.Party;
import io.forewarn.party.bulk.ImportRow;
import io.forewarn.party.bulk.RowProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Many parties put on file at once, from rows read and checked one by one ({@link ImportRow}: a CSV file's or a
 * GeoJSON document's). A good row is stored; a bad one, and a good one that cannot be stored, is a {@link RowProblem}
 * at its row, and the others are stored all the same. With {@link Mode#CREATE} a row whose id is on file is refused;
 * with {@link Mode#UPSERT} it replaces that party. A row repeating the id of an earlier good row is refused in both,
 * and so is the id of a removed party, which is never given out again.
 *
 * <p>Stored through the {@link PartyRegister} (one event a party, resolved against the open reports) a chunk at a
 * time: per chunk one question for the ids on file, one write of the parties and of their events, one question of
 * the index for the reports that reach them, one write of their contact points.
 */
public final class PartyImport {

    /**
     * Rows stored per chunk: each table's rows of a chunk go in one COPY on PostgreSQL, so fewer, larger chunks
     * wait on fewer round trips (measured with bench import, 100,000 rows, loaded: 1,640 rows/s at 10,000 against
     * 1,554 at 1,000; docs/benchmarks.md). A document (4 MiB at most) holds up to a few of them.
     */
    static final int CHUNK = 10_000;

    /** What a row whose id is on file does. */
    public enum Mode implements Coded {
        /** It is refused: the import adds parties only. */
        CREATE,
        /** It replaces the party on file, its contact points included, as a PUT would. */
        UPSERT;

        @Override
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The ids created and updated, in row order, and every problem, by row. */
    public record Outcome(List<String> created, List<String> updated, List<RowProblem> rejected) {
        public Outcome {
            created = List.copyOf(created);
            updated = List.copyOf(updated);
            rejected = List.copyOf(rejected);
        }
    }

    private final Mode mode;
    private final List<ImportRow.Accepted> accepted;
    private final List<RowProblem> refused;

    private PartyImport(Mode mode, List<ImportRow.Accepted> accepted, List<RowProblem> refused) {
        this.mode = mode;
        this.accepted = accepted;
        this.refused = refused;
    }

    /**
     * The rows to store, and those refused before anything is asked of the casebook: those read with problems, and
     * those repeating the id of an earlier good row.
     */
    public static PartyImport of(List<ImportRow> rows, Mode mode) {
        List<RowProblem> refused = new ArrayList<>();
        List<ImportRow.Accepted> accepted = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (ImportRow row : rows) {
            if (row instanceof ImportRow.Rejected bad) {
                refused.addAll(bad.problems());
            } else if (row instanceof ImportRow.Accepted good) {
                Integer earlier = firstRow.putIfAbsent(good.party().id(), good.row());
                if (earlier != null) {
                    refused.add(new RowProblem(good.row(), "id", "the same id is on an earlier row (" + earlier + ")"));
                } else {
                    accepted.add(good);
                }
            }
        }
        return new PartyImport(mode, accepted, refused);
    }

    /**
     * Stores the good rows in the caller's change, {@code login} the actor of every event, and says what became of
     * each row. Contact points go to {@code contacts}, which must write in the same transaction.
     */
    public Outcome storeInto(DutyToWarn duty, ContactBook contacts, String login) {
        List<RowProblem> rejected = new ArrayList<>(refused);
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (int from = 0; from < accepted.size(); from += CHUNK) {
            List<ImportRow.Accepted> chunk = accepted.subList(from, Math.min(accepted.size(), from + CHUNK));
            List<String> ids = chunk.stream().map(good -> good.party().id()).toList();
            Set<String> taken = duty.casebook().partiesOnFile(ids);
            // the bodies of the parties on file are read only to be replaced: a create reads ids alone
            Map<String, Party> onFile = new HashMap<>();
            if (mode == Mode.UPSERT && !taken.isEmpty()) {
                duty.casebook().parties(taken).forEach(party -> onFile.put(party.id(), party));
            }
            Set<String> removed = taken.isEmpty() ? Set.of() : duty.casebook().partiesRemoved(ids);
            List<Party> registered = new ArrayList<>();
            List<PartyRegister.Replacement> replaced = new ArrayList<>();
            List<ImportRow.Accepted> stored = new ArrayList<>();
            for (ImportRow.Accepted good : chunk) {
                Party party = good.party();
                if (removed.contains(party.id())) {
                    rejected.add(new RowProblem(good.row(), "id",
                            "the party with this id was removed, and its id is not given out again"));
                } else if (taken.contains(party.id()) && mode == Mode.CREATE) {
                    rejected.add(new RowProblem(good.row(), "id",
                            "a party with this id is on file; import with ?mode=upsert to replace it"));
                } else {
                    stored.add(good);
                    Party before = onFile.get(party.id());
                    if (before == null) {
                        registered.add(party);
                        created.add(party.id());
                    } else {
                        replaced.add(new PartyRegister.Replacement(before, party));
                        updated.add(party.id());
                    }
                }
            }
            duty.parties().importAll(registered, replaced, login);
            // a replaced party's contact points are replaced with it, as by PUT; a new one's written if it has any
            Map<String, List<ContactPoint>> written = new LinkedHashMap<>();
            for (ImportRow.Accepted good : stored) {
                if (!good.contacts().isEmpty() || onFile.containsKey(good.party().id())) {
                    written.put(good.party().id(), good.contacts());
                }
            }
            contacts.replaceAll(written);
        }
        rejected.sort(Comparator.comparingInt(RowProblem::row));
        return new Outcome(created, updated, rejected);
    }
}
