package io.forewarn.store;

import io.forewarn.ledger.SaltedHash;
import io.forewarn.ledger.jdbc.BulkRows;
import io.forewarn.ledger.jdbc.DatabaseKind;
import io.forewarn.ledger.jdbc.JdbcLedger;
import io.forewarn.obligation.Casebook;
import io.forewarn.obligation.DraftRecord;
import io.forewarn.obligation.EventType;
import io.forewarn.obligation.NumberedEntry;
import io.forewarn.obligation.ObligationQuery;
import io.forewarn.obligation.ReceivedReport;
import io.forewarn.obligation.Slice;
import io.forewarn.obligation.TimelineEntry;
import io.forewarn.obligation.NearMatch;
import io.forewarn.obligation.Obligation;
import io.forewarn.obligation.ObligationState;
import io.forewarn.obligation.Waiver;
import io.forewarn.obligation.Warning;
import io.forewarn.party.Party;
import io.forewarn.place.Gazetteer;
import io.forewarn.place.Reach;
import io.forewarn.policy.Audience;
import io.forewarn.policy.Triage;
import io.forewarn.report.Harm;
import io.forewarn.report.ThreatReport;
import io.forewarn.incident.Incident;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The casebook in a relational database (schema: {@code db/migration/V1__casebook.sql}), one SQL for
 * H2 and PostgreSQL. Each value is stored whole as JSON ({@link CasebookJson}) beside a few columns
 * for queries; collections come back in the order their values were first put.
 *
 * <p>It works inside whatever transaction the caller runs on the same {@link DataSource} (Spring's
 * transaction management binds the connection; {@link JdbcClient} joins it), and statement by
 * statement under autocommit when there is none. {@link #nextId} always runs in a transaction,
 * starting a short one of its own when needed.
 *
 * <p>Obligations are versioned by the length of their history: a put must grow the stored history
 * by exactly one transition, or it fails with {@link ConcurrentChangeException} and writes nothing.
 * Other values are replaced by whoever puts last, as in the in-memory casebook.
 *
 * <p>Nothing is cached: every read goes to the database, so casebooks on several nodes see each
 * other's committed writes.
 *
 * <p>Every event appended is also entered in the {@link JdbcLedger} in the same transaction (one of its own
 * when the caller has none), and a report's protected material gets a salt per item beside the report,
 * so that the ledger can carry its digests and never the material.
 */
public final class JdbcCasebook implements Casebook {

    /** Thread-safe, and costly enough to build that casebooks share it. */
    private static final CasebookJson JSON = new CasebookJson();

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final CasebookJson json;
    private final IdSequences ids;
    private final JdbcLedger ledger;
    private final TransactionTemplate inTransaction;
    private final SecureRandom random = new SecureRandom();
    private final Gazetteer gazetteer;

    public JdbcCasebook(DataSource dataSource) {
        this(dataSource, JSON, Clock.systemUTC());
    }

    /** A casebook whose index of places files every party and report where {@code gazetteer} puts it too. */
    public JdbcCasebook(DataSource dataSource, Gazetteer gazetteer) {
        this(dataSource, JSON, Clock.systemUTC(), gazetteer);
    }

    /** @param clock the time ledger entries are stamped with (the events carry the workflow's own) */
    public JdbcCasebook(DataSource dataSource, CasebookJson json, Clock clock) {
        this(dataSource, json, clock, Gazetteer.NONE);
    }

    /**
     * @param clock     the time ledger entries are stamped with (the events carry the workflow's own)
     * @param gazetteer where parties and reports are filed in the index of places besides their geometry and names
     *                  ({@link io.forewarn.place.GazetteerPath}); {@link Gazetteer#NONE} files them by those alone
     */
    public JdbcCasebook(DataSource dataSource, CasebookJson json, Clock clock, Gazetteer gazetteer) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.jdbc = JdbcClient.create(dataSource);
        this.batches = new JdbcTemplate(dataSource);
        this.json = Objects.requireNonNull(json, "json");
        this.ids = new IdSequences(dataSource, jdbc);
        this.ledger = new JdbcLedger(dataSource, clock);
        this.inTransaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.inTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    /** The ledger of this casebook's events. */
    public JdbcLedger ledger() {
        return ledger;
    }

    @Override
    public String nextId(String prefix) {
        return prefix + "-" + ids.next(prefix);
    }

    // --- parties

    /** Stores the party and rewrites its rows of the place index ({@link PartyRows}), in one transaction. */
    @Override
    public void putParty(Party party) {
        putParties(List.of(party));
    }

    /** One statement for all the ids ({@link IdArray}), through the primary key. */
    @Override
    public java.util.Set<String> partiesOnFile(Collection<String> ids) {
        return idsAmong("SELECT id FROM party WHERE id = ANY(?)", ids);
    }

    /** One statement batch of upserts, then the place index rewritten in batches ({@link PartyRows#upsert}). */
    @Override
    public void putParties(List<Party> parties) {
        if (parties.isEmpty()) {
            return;
        }
        inTransaction.executeWithoutResult(status -> batches.execute((ConnectionCallback<Void>) connection -> {
            PartyRows.upsert(connection, parties, json, gazetteer);
            PlannerStatistics.refreshIfGrown(connection, PlannerStatistics.PARTY_TABLES);
            return null;
        }));
    }

    /** One statement batch of inserts, then the place index's rows, with nothing read or removed ({@link PartyRows#insert}). */
    @Override
    public void addParties(List<Party> parties) {
        if (parties.isEmpty()) {
            return;
        }
        try {
            inTransaction.executeWithoutResult(status -> batches.execute((ConnectionCallback<Void>) connection -> {
                PartyRows.insert(connection, parties, json, gazetteer);
                PlannerStatistics.refreshIfGrown(connection, PlannerStatistics.PARTY_TABLES);
                return null;
            }));
        } catch (DuplicateKeyException onFile) {
            throw new IllegalStateException("a party of this batch was put on file by another change meanwhile; "
                    + "nothing of the batch was stored, try again", onFile);
        }
    }

    /** The parties on file: those taken off file ({@code removed_at} set) are not listed. */
    @Override
    public List<Party> parties(Optional<Audience> audience, Slice slice) {
        Keyset keyset = keyset("party", slice, audience.map(a -> columns("audience", a.name())).orElseGet(LinkedHashMap::new));
        String where = keyset.where().isEmpty() ? " WHERE removed_at IS NULL" : keyset.where() + " AND removed_at IS NULL";
        return bodies("SELECT body FROM party" + where + " ORDER BY seq" + fetchFirst(slice), keyset.params(), Party.class);
    }

    /** Marks the party removed and deletes its rows of the place index, so that no report reaches it any more. */
    @Override
    public void removeParty(String id, Instant at) {
        inTransaction.executeWithoutResult(status -> {
            jdbc.sql("UPDATE party SET removed_at = :at WHERE id = :id AND removed_at IS NULL")
                    .param("at", timestamp(at)).param("id", id).update();
            batches.execute((ConnectionCallback<Void>) connection -> {
                PartyIndex.delete(connection, List.of(id));
                NameIndex.deleteParties(connection, List.of(id));
                PartyIndex.deletePlaced(connection, List.of(id));
                return null;
            });
        });
    }

    @Override
    public java.util.Set<String> partiesRemoved(Collection<String> ids) {
        return idsAmong("SELECT id FROM party WHERE id = ANY(?) AND removed_at IS NOT NULL", ids);
    }

    /** The ids {@code sql} answers when given {@code ids} as its one array parameter. */
    private java.util.Set<String> idsAmong(String sql, Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return batches.execute((ConnectionCallback<java.util.Set<String>>) connection -> {
            try (java.sql.PreparedStatement question = connection.prepareStatement(sql)) {
                question.setArray(1, IdArray.of(connection, ids));
                java.util.Set<String> found = new java.util.HashSet<>();
                try (java.sql.ResultSet rows = question.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
                return found;
            }
        });
    }

    /**
     * Two statements, for the open reports' rows of the index of report places ({@link ReportIndex}) by the end of
     * their window; the reach is decided in memory, as {@link Reach#reaches} decides it.
     */
    @Override
    public Map<String, java.util.Set<String>> reportsReaching(Collection<Party> parties, Instant now) {
        Map<String, List<io.forewarn.place.Box>> boxes = new LinkedHashMap<>();
        jdbc.sql(ReportIndex.OPEN_BOXES).param("now", timestamp(now)).query((row, n) -> boxes
                .computeIfAbsent(row.getString(1), k -> new ArrayList<>())
                .add(new io.forewarn.place.Box(row.getInt(2), row.getDouble(3), row.getDouble(4), row.getDouble(5),
                        row.getDouble(6)))).list();
        Map<String, Map<List<String>, java.util.Set<Integer>>> names = new LinkedHashMap<>();
        jdbc.sql(ReportIndex.OPEN_NAMES).param("now", timestamp(now)).query((row, n) -> names
                .computeIfAbsent(row.getString(1), k -> new LinkedHashMap<>())
                .computeIfAbsent(List.of(row.getString(2), row.getString(3)), k -> new java.util.TreeSet<>())
                .add(row.getInt(4))).list();
        Map<String, String> ownEntry = new LinkedHashMap<>();
        Map<String, List<String>> within = new LinkedHashMap<>();
        java.util.Set<String> geometric = new java.util.HashSet<>();
        jdbc.sql(ReportIndex.OPEN_PLACES).param("now", timestamp(now)).query((row, n) -> {
            if (row.getInt(4) == 1) {
                geometric.add(row.getString(1));
            }
            return row.getInt(3) == 1 ? ownEntry.put(row.getString(1), row.getString(2))
                    : within.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add(row.getString(2));
        }).list();
        Map<String, Reach> open = new LinkedHashMap<>();
        java.util.Set<String> reports = new LinkedHashSet<>(boxes.keySet());
        reports.addAll(names.keySet());
        reports.addAll(ownEntry.keySet());
        for (String report : reports) {
            List<Reach.NameKey> keys = new ArrayList<>();
            names.getOrDefault(report, Map.of()).forEach((levelAndName, finer) -> keys.add(new Reach.NameKey(
                    io.forewarn.place.PlaceLevel.of(levelAndName.get(0)), levelAndName.get(1), finer)));
            io.forewarn.place.GazetteerPath placed = new io.forewarn.place.GazetteerPath(
                    Optional.ofNullable(ownEntry.get(report)), within.getOrDefault(report, List.of()),
                    geometric.contains(report));
            open.put(report, new Reach(boxes.getOrDefault(report, List.of()), keys, placed));
        }
        Map<String, java.util.Set<String>> reaching = new LinkedHashMap<>();
        if (open.isEmpty()) {
            return reaching;
        }
        for (Party party : parties) {
            io.forewarn.place.Footprint footprint = PartyIndex.keyed(io.forewarn.place.Footprint.of(party.place(), gazetteer));
            open.forEach((report, reach) -> {
                if (reach.reaches(footprint)) {
                    reaching.computeIfAbsent(party.id(), k -> new LinkedHashSet<>()).add(report);
                }
            });
        }
        return reaching;
    }

    /**
     * One question per {@value #IN_LIST} keys of the index of names ({@link NameIndex}), then the bodies of the
     * parties on file they name, in first-put order.
     */
    @Override
    public List<Party> partiesNamed(Collection<String> keys) {
        java.util.Set<String> ids = new LinkedHashSet<>();
        inLists(keys.stream().map(PartyIndex::key).distinct().toList(), chunk -> ids.addAll(jdbc.sql(
                "SELECT DISTINCT party_id FROM party_known_name WHERE name_key IN (:keys)").param("keys", chunk)
                .query(String.class).list()));
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> removed = partiesRemoved(ids);
        return parties(ids).stream().filter(p -> !removed.contains(p.id())).toList();
    }

    /** One question per {@value #IN_LIST} keys of these parties' names, of the open reports' named targets ({@link NameIndex}). */
    @Override
    public Map<String, java.util.Set<String>> reportsNaming(Collection<Party> parties, Instant now) {
        Map<String, List<String>> partiesByKey = new LinkedHashMap<>();
        for (Party party : parties) {
            for (String key : io.forewarn.party.NamedTarget.keys(party.knownAs())) {
                partiesByKey.computeIfAbsent(PartyIndex.key(key), k -> new ArrayList<>()).add(party.id());
            }
        }
        Map<String, java.util.Set<String>> naming = new LinkedHashMap<>();
        inLists(List.copyOf(partiesByKey.keySet()), chunk -> jdbc.sql(
                "SELECT report_id, name_key FROM report_target_name WHERE name_key IN (:keys) AND window_to > :now")
                .param("keys", chunk).param("now", timestamp(now))
                .query((row, n) -> {
                    for (String party : partiesByKey.get(row.getString(2))) {
                        naming.computeIfAbsent(party, k -> new LinkedHashSet<>()).add(row.getString(1));
                    }
                    return null;
                }).list());
        return naming;
    }

    @Override
    public List<Party> parties(Collection<String> ids) {
        List<Party> found = new ArrayList<>();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += IN_LIST) {
            found.addAll(bodies("SELECT body FROM party WHERE id IN (:ids) ORDER BY seq",
                    Map.of("ids", distinct.subList(from, Math.min(distinct.size(), from + IN_LIST))), Party.class));
        }
        if (distinct.size() > IN_LIST) {
            // chunks come back each in order; put together, they are ordered by first put again
            Map<String, Integer> order = new LinkedHashMap<>();
            jdbc.sql("SELECT id, seq FROM party WHERE id IN (:ids)").param("ids", distinct).query((row, n) ->
                    order.put(row.getString(1), (int) row.getLong(2))).list();
            found.sort(java.util.Comparator.comparingInt(p -> order.get(p.id())));
        }
        return found;
    }

    /**
     * One statement: the index ranges and lookups of {@link PartyIndex#candidates}, then the bodies of the parties they
     * name; on PostgreSQL under a generic plan ({@link GenericPlan}).
     */
    @Override
    public List<Party> partiesReached(Reach reach) {
        // in the caller's transaction (every caller has one), the callback's connection is the one the query runs on
        List<String> bodies = batches.execute((ConnectionCallback<List<String>>) connection -> {
            PartyIndex.Query candidates = PartyIndex.candidates(reach, DatabaseKind.of(connection));
            String sql = "SELECT p.body FROM (" + candidates.sql() + ") c JOIN party p ON p.id = c.party_id ORDER BY p.seq";
            return GenericPlan.around(connection, () -> jdbc.sql(sql).params(candidates.params()).query(String.class).list());
        });
        return bodies.stream().map(body -> json.read(Party.class, body)).toList();
    }

    @Override
    public Collection<Party> parties() {
        return all("party", Party.class);
    }

    @Override
    public Optional<Party> party(String id) {
        return one("party", id, Party.class);
    }

    // --- reports and their triage

    @Override
    public void putReport(ThreatReport report, Triage outcome) {
        if (exists("report", report.id())) {
            throw alreadyReceived(report);
        }
        inTransaction.executeWithoutResult(status -> {
            try {
                insert("report", columns(
                        "id", report.id(),
                        "received_at", timestamp(report.receivedAt()),
                        "window_to", timestamp(report.window().to()),
                        "window_from", timestamp(report.window().from()),
                        "harm", report.harm().name(),
                        "body", json.write(ThreatReport.class, report),
                        "triage_outcome", outcome.outcome().name(),
                        "triage_reason", outcome.reason(),
                        "triage_policy_version", outcome.policyVersion()));
            } catch (DuplicateKeyException raced) {
                throw alreadyReceived(report);
            }
            saltProtectedMaterial(report);
            // obligations put before their report (a copy, a test) learn its end of threat now (migration 21)
            jdbc.sql("UPDATE obligation SET window_to = :to WHERE report_id = :id")
                    .param("to", timestamp(report.window().to())).param("id", report.id()).update();
            if (outcome.obligesWarning()) {
                batches.execute((ConnectionCallback<Void>) connection -> {
                    ReportIndex.insert(connection, List.of(report));
                    NameIndex.insertReports(connection, List.of(report));
                    ReportIndex.insertPlaced(connection, List.of(report), gazetteer);
                    return null;
                });
            }
        });
    }

    /** Rewrites the report's body, its window columns and, when it obliges warnings, its rows of the place index. */
    @Override
    public void reviseReport(ThreatReport revised) {
        Triage outcome = triage(revised.id()).orElseThrow(() -> new IllegalArgumentException("no report " + revised.id()));
        inTransaction.executeWithoutResult(status -> {
            jdbc.sql("UPDATE report SET body = :body, window_from = :from, window_to = :to WHERE id = :id")
                    .param("body", json.write(ThreatReport.class, revised))
                    .param("from", timestamp(revised.window().from()))
                    .param("to", timestamp(revised.window().to()))
                    .param("id", revised.id())
                    .update();
            jdbc.sql("UPDATE obligation SET window_to = :to WHERE report_id = :id")
                    .param("to", timestamp(revised.window().to()))
                    .param("id", revised.id())
                    .update();
            // a longer threat may outlast warnings that outlasted the old one, a shorter one the reverse
            OpenRenewals.reckonReport(jdbc, revised.id());
            batches.execute((ConnectionCallback<Void>) connection -> {
                ReportIndex.delete(connection, revised.id());
                NameIndex.deleteReport(connection, revised.id());
                ReportIndex.deletePlaced(connection, revised.id());
                if (outcome.obligesWarning()) {
                    ReportIndex.insert(connection, List.of(revised));
                    NameIndex.insertReports(connection, List.of(revised));
                    ReportIndex.insertPlaced(connection, List.of(revised), gazetteer);
                }
                return null;
            });
        });
    }

    /** One fresh salt per protected item, kept beside the report; the ledger gets the digests only. */
    private void saltProtectedMaterial(ThreatReport report) {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        kinds.put("source", report.protectedMaterial().sources());
        kinds.put("method", report.protectedMaterial().methods());
        kinds.put("term", report.protectedMaterial().terms());
        int position = 0;
        for (Map.Entry<String, List<String>> kind : kinds.entrySet()) {
            for (String item : kind.getValue()) {
                SaltedHash hash = SaltedHash.of(item, random);
                insert("report_protected_salt", columns(
                        "report_id", report.id(),
                        "position", position++,
                        "kind", kind.getKey(),
                        "salt", hash.saltHex(),
                        "digest", hash.digestHex()));
            }
        }
    }

    private static IllegalStateException alreadyReceived(ThreatReport report) {
        return new IllegalStateException("report " + report.id() + " was already received");
    }

    @Override
    public Collection<ThreatReport> reports() {
        return all("report", ThreatReport.class);
    }

    @Override
    public Optional<ThreatReport> report(String id) {
        return one("report", id, ThreatReport.class);
    }

    /** One statement: the reports' bodies with their triage columns. */
    @Override
    public List<ReceivedReport> reports(Optional<Harm> harm, Slice slice) {
        Map<String, Object> where = harm.map(h -> columns("harm", h.name())).orElseGet(LinkedHashMap::new);
        Keyset keyset = keyset("report", slice, where);
        return jdbc.sql("SELECT body, triage_outcome, triage_reason, triage_policy_version FROM report"
                        + keyset.where() + " ORDER BY seq" + fetchFirst(slice))
                .params(keyset.params())
                .query((row, n) -> new ReceivedReport(json.read(ThreatReport.class, row.getString(1)),
                        new Triage(Triage.Outcome.valueOf(row.getString(2)), row.getString(3), row.getInt(4))))
                .list();
    }

    /**
     * Reads the reports whose stored window and receipt hold the instant give or take a millisecond (the
     * database keeps microseconds, rounded), then keeps those whose exact values do.
     */
    @Override
    public List<ThreatReport> reportsForetelling(Instant at) {
        Instant later = at.plusMillis(1);
        Instant earlier = at.minusMillis(1);
        return bodies("SELECT body FROM report WHERE window_to >= :earlier AND window_from <= :later"
                        + " AND received_at <= :later ORDER BY seq",
                Map.of("earlier", timestamp(earlier), "later", timestamp(later)), ThreatReport.class)
                .stream()
                .filter(report -> report.receivedAt().isBefore(at) && report.window().contains(at))
                .toList();
    }

    @Override
    public Optional<Triage> triage(String reportId) {
        return jdbc.sql("SELECT triage_outcome, triage_reason, triage_policy_version FROM report WHERE id = :id")
                .param("id", reportId)
                .query((row, n) -> new Triage(Triage.Outcome.valueOf(row.getString(1)), row.getString(2), row.getInt(3)))
                .optional();
    }

    // --- obligations, versioned

    @Override
    public void put(Obligation obligation) {
        int version = obligation.history().size();
        Map<String, Object> columns = columns(
                "report_id", obligation.reportId(),
                "party_id", obligation.partyId(),
                "state", obligation.state().name(),
                "deadline", timestamp(obligation.deadline()),
                "version", version,
                "body", json.write(Obligation.class, obligation));
        int updated = jdbc.sql("UPDATE obligation SET " + assignments(columns) + " WHERE id = :id AND version = :grownFrom")
                .params(columns)
                .param("id", obligation.id())
                .param("grownFrom", version - 1)
                .update();
        if (updated == 1) {
            return;
        }
        Optional<Integer> stored = jdbc.sql("SELECT version FROM obligation WHERE id = :id")
                .param("id", obligation.id())
                .query(Integer.class)
                .optional();
        if (stored.isPresent()) {
            throw new ConcurrentChangeException(obligation.id(), "its stored history has " + stored.get()
                    + " transitions, this version has " + version + " (it must add exactly one)");
        }
        try {
            batches.update(INSERT_OBLIGATION, obligation.id(), obligation.reportId(), obligation.partyId(),
                    obligation.state().name(), timestamp(obligation.deadline()), version,
                    json.write(Obligation.class, obligation), obligation.reportId(), obligation.reportId(), obligation.partyId());
        } catch (DuplicateKeyException raced) {
            throw new ConcurrentChangeException(obligation.id(), "another transaction stored it first");
        }
    }

    /** The end of validity of the latest warning to the obligation's party for its report (by warning.seq), or NULL. */
    private static final String LATEST_WARNING_TO = "(SELECT l.valid_to FROM warning l WHERE l.seq = ("
            + "SELECT MAX(w.seq) FROM warning_party p JOIN warning w ON w.id = p.warning_id"
            + " WHERE p.report_id = %s AND p.party_id = %s))";

    /**
     * An obligation with the instants the clock may move it at (migration 21): its report's end of threat and the end
     * of its latest warning, asked of the database in the same statement. Parameters: the seven columns, then the
     * report id, the report id and the party id again.
     */
    private static final String INSERT_OBLIGATION = "INSERT INTO obligation (id, report_id, party_id, state, deadline,"
            + " version, body, window_to, warning_to) VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT window_to FROM report WHERE id = ?), "
            + LATEST_WARNING_TO.formatted("?", "?") + ")";

    /**
     * Obligations just opened, in one statement batch: no UPDATE tried first, no read. One already on file
     * fails the batch ({@link ConcurrentChangeException}) and, in the caller's transaction, the change.
     */
    @Override
    public void open(List<Obligation> obligations) {
        if (obligations.isEmpty()) {
            return;
        }
        for (Obligation obligation : obligations) {
            if (obligation.history().size() != 1) {
                throw new IllegalArgumentException("obligation " + obligation.id() + " is not new: its history has "
                        + obligation.history().size() + " transitions");
            }
        }
        List<Object[]> rows = obligations.stream().map(o -> new Object[] {o.id(), o.reportId(), o.partyId(),
                o.state().name(), timestamp(o.deadline()), 1, json.write(Obligation.class, o), o.reportId(), o.reportId(),
                o.partyId()}).toList();
        try {
            batches.batchUpdate(INSERT_OBLIGATION, rows);
        } catch (DuplicateKeyException raced) {
            throw new ConcurrentChangeException(obligations.get(0).reportId() + "/*",
                    "an obligation of this report was stored first by another transaction");
        }
    }

    @Override
    public List<Obligation> obligations(ObligationQuery query, Slice slice) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        if (!query.states().isEmpty()) {
            where.add("state IN (:states)");
            params.put("states", names(query.states()));
        }
        query.party().ifPresent(party -> {
            where.add("party_id = :party");
            params.put("party", party);
        });
        query.report().ifPresent(report -> {
            where.add("report_id = :report");
            params.put("report", report);
        });
        query.dueBefore().ifPresent(before -> {
            where.add("deadline < :before");
            params.put("before", timestamp(before));
        });
        if (slice.after().isPresent()) {
            Map<String, Object> last = jdbc.sql("SELECT seq, deadline FROM obligation WHERE id = :id")
                    .param("id", slice.after().get())
                    .query((row, n) -> Map.<String, Object>of("afterSeq", row.getLong(1),
                            "afterDeadline", row.getObject(2, OffsetDateTime.class)))
                    .optional()
                    .orElseThrow(() -> slice.unknown("obligation"));
            params.putAll(last);
            where.add(query.byDeadline()
                    ? "(deadline > :afterDeadline OR (deadline = :afterDeadline AND seq > :afterSeq))"
                    : "seq > :afterSeq");
        }
        return bodies("SELECT body FROM obligation" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + (query.byDeadline() ? " ORDER BY deadline, seq" : " ORDER BY seq") + fetchFirst(slice), params,
                Obligation.class);
    }

    @Override
    public Collection<Obligation> obligations() {
        return all("obligation", Obligation.class);
    }

    @Override
    public Optional<Obligation> obligation(String id) {
        return one("obligation", id, Obligation.class);
    }

    @Override
    public List<Obligation> obligationsOf(String reportId) {
        return bodies("SELECT body FROM obligation WHERE report_id = :report ORDER BY seq", Map.of("report", reportId),
                Obligation.class);
    }

    /** Through the index on {@code party_id}, a thousand parties a statement. */
    @Override
    public List<Obligation> obligationsOfParties(Collection<String> partyIds) {
        List<Obligation> found = new ArrayList<>();
        inLists(partyIds, chunk -> found.addAll(bodies("SELECT body FROM obligation WHERE party_id IN (:ids) ORDER BY seq",
                Map.of("ids", chunk), Obligation.class)));
        return found;
    }

    /** The clock's question without a page: see {@link #clockMayMove}. */
    @Override
    public List<Obligation> obligationsTheClockMayMove(Instant now) {
        return bodies(clockMayMove(""), Map.of("now", timestamp(now)), Obligation.class);
    }

    @Override
    public List<Obligation> obligationsTheClockMayMove(Instant now, Slice slice) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("now", timestamp(now));
        String after = "";
        if (slice.after().isPresent()) {
            params.put("afterSeq", seqOf("obligation", slice));
            after = " AND seq > :afterSeq";
        }
        return bodies(clockMayMove(after) + fetchFirst(slice), params, Obligation.class);
    }

    /**
     * The obligations whose deadline, end of threat or latest warning's end has come (migration 21), as one range
     * of an index per state and instant: {@code (state, deadline)} and {@code (state, window_to)} for each state
     * awaiting a warning, {@code (state, warning_to)} for each with a warning out and for escalated. So a sweep reads
     * what is due and nothing else, however many obligations the casebook holds; one range per state, because an
     * {@code IN} list or an {@code OR} of states has H2 read every row of the listed states. Their union, joined to
     * the bodies by {@code seq}, comes in first-opened order; {@code page} narrows each range (a keyset page).
     */
    private static String clockMayMove(String page) {
        List<String> ranges = new ArrayList<>();
        for (String state : names(ObligationState.AWAITING_WARNING)) {
            ranges.add("SELECT seq FROM obligation WHERE state = '" + state + "' AND deadline <= :now" + page);
            ranges.add("SELECT seq FROM obligation WHERE state = '" + state + "' AND window_to <= :now" + page);
        }
        // escalated too: one escalated because its warning could not be delivered still holds that warning, which
        // expires it when it ends (the sweep decides by where the obligation stood)
        for (String state : names(EnumSet.allOf(ObligationState.class).stream()
                .filter(state -> state.hasLiveWarning() || state == ObligationState.ESCALATED).toList())) {
            ranges.add("SELECT seq FROM obligation WHERE state = '" + state + "' AND warning_to <= :now" + page);
        }
        return "SELECT o.body FROM (" + String.join(" UNION ", ranges) + ") due JOIN obligation o ON o.seq = due.seq"
                + " ORDER BY o.seq";
    }

    private static List<String> names(Collection<ObligationState> states) {
        return states.stream().map(ObligationState::name).sorted().toList();
    }

    // --- drafts

    @Override
    public void put(DraftRecord draft) {
        upsert("draft", draft.id(), columns(
                "report_id", draft.draft().reportId(),
                "status", draft.status().name(),
                "body", json.write(DraftRecord.class, draft)));
    }

    @Override
    public Collection<DraftRecord> drafts() {
        return all("draft", DraftRecord.class);
    }

    @Override
    public List<DraftRecord> drafts(Optional<String> reportId, Optional<DraftRecord.Status> status, Slice slice) {
        Map<String, Object> where = new LinkedHashMap<>();
        reportId.ifPresent(id -> where.put("report_id", id));
        status.ifPresent(s -> where.put("status", s.name()));
        return page("draft", DraftRecord.class, where, slice);
    }

    @Override
    public Optional<DraftRecord> draft(String id) {
        return one("draft", id, DraftRecord.class);
    }

    @Override
    public List<DraftRecord> draftsOf(String reportId) {
        return bodies("SELECT body FROM draft WHERE report_id = :report ORDER BY seq", Map.of("report", reportId),
                DraftRecord.class);
    }

    // --- warnings and whom they address

    @Override
    public void put(Warning warning) {
        upsert("warning", warning.id(), columns(
                "report_id", warning.reportId(),
                "issued_at", timestamp(warning.issuedAt()),
                "valid_to", timestamp(warning.validity().to()),
                "renews", warning.renews().orElse(null),
                "cancelled_at", warning.cancellation().map(cancellation -> timestamp(cancellation.at())).orElse(null),
                "body", json.write(Warning.class, warning)));
        java.util.Set<String> addressed = new LinkedHashSet<>(jdbc.sql("SELECT party_id FROM warning_party WHERE warning_id = :id")
                .param("id", warning.id()).query(String.class).list());
        jdbc.sql("DELETE FROM warning_party WHERE warning_id = :id").param("id", warning.id()).update();
        for (String partyId : warning.partyIds().stream().distinct().toList()) {
            insert("warning_party", columns(
                    "warning_id", warning.id(),
                    "report_id", warning.reportId(),
                    "party_id", partyId));
        }
        // the obligations of the parties it addressed before and after: their latest warning may have changed
        addressed.addAll(warning.partyIds());
        inLists(addressed, chunk -> jdbc.sql("UPDATE obligation SET warning_to = "
                        + LATEST_WARNING_TO.formatted("obligation.report_id", "obligation.party_id")
                        + " WHERE report_id = :report AND party_id IN (:parties)")
                .param("report", warning.reportId()).param("parties", chunk).update());
        // it may await renewal; the warning it renews no longer does
        List<String> reckoned = new ArrayList<>(List.of(warning.id()));
        warning.renews().ifPresent(reckoned::add);
        OpenRenewals.reckonWarnings(jdbc, reckoned);
    }

    @Override
    public Collection<Warning> warnings() {
        return all("warning", Warning.class);
    }

    @Override
    public List<Warning> warnings(Optional<String> reportId, Optional<String> partyId, Slice slice) {
        Map<String, Object> where = new LinkedHashMap<>();
        reportId.ifPresent(id -> where.put("report_id", id));
        Keyset keyset = keyset("warning", slice, where);
        Map<String, Object> params = new LinkedHashMap<>(keyset.params());
        String sql = "SELECT body FROM warning" + keyset.where();
        if (partyId.isPresent()) {
            sql += (keyset.where().isEmpty() ? " WHERE" : " AND")
                    + " EXISTS (SELECT 1 FROM warning_party p WHERE p.warning_id = warning.id AND p.party_id = :party)";
            params.put("party", partyId.get());
        }
        return bodies(sql + " ORDER BY seq" + fetchFirst(slice), params, Warning.class);
    }

    /** Asks by the reports and parties of the obligations through {@code warning_party}'s index, in chunks. */
    @Override
    public Map<String, List<Warning>> warningsTo(Collection<Obligation> obligations) {
        Map<String, List<Warning>> found = new LinkedHashMap<>();
        List<Obligation> all = List.copyOf(obligations);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<Obligation> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST));
            java.util.Set<String> wanted = new java.util.HashSet<>(chunk.stream().map(Obligation::id).toList());
            Map<String, Warning> read = new LinkedHashMap<>();
            jdbc.sql("SELECT p.report_id, p.party_id, w.id, w.body FROM warning_party p JOIN warning w ON w.id = p.warning_id"
                            + " WHERE p.report_id IN (:reports) AND p.party_id IN (:parties) ORDER BY w.seq")
                    .param("reports", chunk.stream().map(Obligation::reportId).distinct().toList())
                    .param("parties", chunk.stream().map(Obligation::partyId).distinct().toList())
                    .query(row -> {
                        String obligation = io.forewarn.obligation.Obligations.idFor(row.getString(1), row.getString(2));
                        if (wanted.contains(obligation)) {
                            Warning warning = read.computeIfAbsent(row.getString(3), id -> readBody(row, 4));
                            found.computeIfAbsent(obligation, id -> new ArrayList<>()).add(warning);
                        }
                    });
        }
        Map<String, List<Warning>> ordered = new LinkedHashMap<>();
        for (Obligation obligation : all) {
            List<Warning> of = found.get(obligation.id());
            if (of != null) {
                ordered.put(obligation.id(), List.copyOf(of));
            }
        }
        return ordered;
    }

    private Warning readBody(java.sql.ResultSet row, int column) {
        try {
            return json.read(Warning.class, row.getString(column));
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    @Override
    public Optional<Warning> warning(String id) {
        return one("warning", id, Warning.class);
    }

    @Override
    public List<Warning> warningsInForce(Instant at, int limit) {
        return jdbc.sql("SELECT body FROM warning WHERE valid_to > :at AND issued_at <= :at ORDER BY issued_at DESC, seq DESC"
                        + " FETCH FIRST " + limit + " ROWS ONLY")
                .param("at", timestamp(at))
                .query(String.class)
                .list().stream()
                .map(body -> json.read(Warning.class, body))
                .toList();
    }

    @Override
    public List<Warning> warningsTo(String reportId, String partyId) {
        return jdbc.sql("SELECT w.body FROM warning_party p JOIN warning w ON w.id = p.warning_id"
                        + " WHERE p.report_id = :report AND p.party_id = :party ORDER BY w.seq")
                .param("report", reportId)
                .param("party", partyId)
                .query(String.class)
                .list().stream()
                .map(body -> json.read(Warning.class, body))
                .toList();
    }

    @Override
    public boolean isRenewed(String warningId) {
        return jdbc.sql("SELECT id FROM warning WHERE renews = :id FETCH FIRST 1 ROWS ONLY").param("id", warningId)
                .query(String.class).optional().isPresent();
    }

    @Override
    public List<Warning> warningsAwaitingRenewal(Instant dueBy) {
        return bodies(OpenRenewals.ENDING_BY, Map.of("dueBy", timestamp(dueBy)), Warning.class);
    }

    // --- waivers

    @Override
    public void put(Waiver waiver) {
        upsert("waiver", waiver.id(), columns(
                "obligation_id", waiver.obligationId(),
                "body", json.write(Waiver.class, waiver)));
    }

    @Override
    public Collection<Waiver> waivers() {
        return all("waiver", Waiver.class);
    }

    @Override
    public List<Waiver> waivers(Optional<String> obligationId, Slice slice) {
        return page("waiver", Waiver.class,
                obligationId.map(id -> columns("obligation_id", id)).orElseGet(LinkedHashMap::new), slice);
    }

    @Override
    public Map<String, List<Waiver>> waiversFor(Collection<String> obligationIds) {
        Map<String, List<Waiver>> found = new LinkedHashMap<>();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(obligationIds));
        Map<String, List<Waiver>> read = new java.util.HashMap<>();
        for (int from = 0; from < distinct.size(); from += IN_LIST) {
            jdbc.sql("SELECT obligation_id, body FROM waiver WHERE obligation_id IN (:ids) ORDER BY seq")
                    .param("ids", distinct.subList(from, Math.min(distinct.size(), from + IN_LIST)))
                    .query(row -> {
                        read.computeIfAbsent(row.getString(1), id -> new ArrayList<>())
                                .add(json.read(Waiver.class, row.getString(2)));
                    });
        }
        distinct.forEach(id -> {
            if (read.containsKey(id)) {
                found.put(id, List.copyOf(read.get(id)));
            }
        });
        return found;
    }

    @Override
    public void put(NearMatch match) {
        upsert("near_match", match.id(), columns(
                "report_id", match.reportId(),
                "party_id", match.partyId(),
                "status", match.status().code(),
                "body", json.write(NearMatch.class, match)));
    }

    @Override
    public Optional<NearMatch> nearMatch(String id) {
        return one("near_match", id, NearMatch.class);
    }

    @Override
    public List<NearMatch> nearMatches(Optional<String> reportId, Optional<NearMatch.Status> status, Slice slice) {
        Map<String, Object> equal = new LinkedHashMap<>();
        reportId.ifPresent(id -> equal.put("report_id", id));
        status.ifPresent(s -> equal.put("status", s.code()));
        return page("near_match", NearMatch.class, equal, slice);
    }

    @Override
    public List<NearMatch> nearMatchesOf(String reportId) {
        return bodies("SELECT body FROM near_match WHERE report_id = :report ORDER BY seq", Map.of("report", reportId),
                NearMatch.class);
    }

    @Override
    public Optional<Waiver> waiver(String id) {
        return one("waiver", id, Waiver.class);
    }

    @Override
    public List<Waiver> waiversFor(String obligationId) {
        return bodies("SELECT body FROM waiver WHERE obligation_id = :id ORDER BY seq", Map.of("id", obligationId),
                Waiver.class);
    }

    // --- incidents

    @Override
    public void put(Incident incident) {
        upsert("incident", incident.id(), columns(
                "at", timestamp(incident.at()),
                "body", json.write(Incident.class, incident)));
    }

    @Override
    public Collection<Incident> incidents() {
        return all("incident", Incident.class);
    }

    @Override
    public Optional<Incident> incident(String id) {
        return one("incident", id, Incident.class);
    }

    @Override
    public List<Incident> incidents(Slice slice) {
        return page("incident", Incident.class, new LinkedHashMap<>(), slice);
    }

    // --- the timeline

    @Override
    public long append(TimelineEntry event) {
        return inTransaction.execute(status -> {
            Map<String, Object> columns = columns(
                    "at", timestamp(event.at()),
                    "type", event.type(),
                    "subject", event.subject(),
                    "actor", event.actor(),
                    "summary", event.summary(),
                    "body", json.write(TimelineEntry.class, event));
            KeyHolder seq = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO duty_event (" + String.join(", ", columns.keySet()) + ") VALUES ("
                            + columns.keySet().stream().map(column -> ":" + column).collect(Collectors.joining(", ")) + ")")
                    .params(columns)
                    .update(seq, "seq");
            long number = seq.getKeyAs(Number.class).longValue();
            settleRenewalsCalledFor(List.of(event));
            // Written here, not by a listener: every row of the timeline has its ledger entry however it got
            // there (the server, a replay, an import), and the entry names the row it is the entry of.
            ledger.enqueue(number, event);
            return number;
        });
    }

    /**
     * Appends several events at once, in the caller's transaction or one of its own: the same rows, ledger
     * entries and tree as {@link #append}ing them one by one in one transaction, in this order, but the events
     * go to the database as one JDBC statement batch and their entries as two more before commit (see
     * {@link JdbcLedger}), instead of a round trip per row. For bulk work: imports, replays, benchmarks.
     */
    @Override
    public List<Long> appendAll(List<TimelineEntry> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = new ArrayList<>(events.size());
        for (TimelineEntry event : events) {
            rows.add(new Object[] {timestamp(event.at()), event.type(), event.subject(), event.actor(), event.summary(),
                    json.write(TimelineEntry.class, event)});
        }
        return inTransaction.execute(status -> {
            // many events (an import's, one a party): numbered and copied on PostgreSQL, a statement batch elsewhere
            List<Long> seqs = batches.execute((ConnectionCallback<List<Long>>) connection -> {
                List<Long> numbered = BulkRows.of(connection, rows.size()).insertNumbered("duty_event", "seq", EVENT_COLUMNS, rows);
                if (rows.size() >= BulkRows.COPY_FROM) {
                    PlannerStatistics.refreshIfGrown(connection, PlannerStatistics.EVENT_TABLES);
                }
                return numbered;
            });
            settleRenewalsCalledFor(events);
            ledger.enqueueAll(seqs, events);
            return seqs;
        });
    }

    /** A renewal-due event names a warning whose renewal is no longer open (migration 62). */
    private void settleRenewalsCalledFor(List<TimelineEntry> events) {
        List<String> called = events.stream()
                .filter(event -> event.type().equals(EventType.RENEWAL_DUE.code()))
                .map(TimelineEntry::subject)
                .toList();
        inLists(called, chunk -> OpenRenewals.reckonWarnings(jdbc, chunk));
    }

    private static final List<String> EVENT_COLUMNS = List.of("at", "type", "subject", "actor", "summary", "body");

    @Override
    public List<TimelineEntry> events() {
        return bodies("SELECT body FROM duty_event ORDER BY seq", Map.of(), TimelineEntry.class);
    }

    @Override
    public List<NumberedEntry> eventsAfter(long seq, int size) {
        return jdbc.sql("SELECT seq, body FROM duty_event WHERE seq > :seq ORDER BY seq FETCH FIRST " + size + " ROWS ONLY")
                .param("seq", seq)
                .query((row, n) -> new NumberedEntry(row.getLong(1), json.read(TimelineEntry.class, row.getString(2))))
                .list();
    }

    @Override
    public boolean hasEvent(String type, String subject) {
        return jdbc.sql("SELECT seq FROM duty_event WHERE type = :type AND subject = :subject FETCH FIRST 1 ROWS ONLY")
                .param("type", type)
                .param("subject", subject)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    // --- plumbing

    /** At most this many values in one IN list. */
    private static final int IN_LIST = 1000;

    /** Asks a question once per {@link #IN_LIST} distinct ids, so that no IN list grows past what both databases take. */
    private static void inLists(Collection<String> ids, java.util.function.Consumer<List<String>> ask) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += IN_LIST) {
            ask.accept(distinct.subList(from, Math.min(distinct.size(), from + IN_LIST)));
        }
    }

    /** The WHERE clause (empty or starting with a space) and parameters of a page: its equalities, then the keyset. */
    private record Keyset(String where, Map<String, Object> params) {
    }

    /**
     * The conditions of a page of {@code table} in {@code seq} order: each column equal to its value, and
     * {@code seq} past that of the row the slice names (refused when there is none).
     */
    private Keyset keyset(String table, Slice slice, Map<String, Object> equalities) {
        Map<String, Object> params = new LinkedHashMap<>(equalities);
        List<String> where = new ArrayList<>(equalities.keySet().stream().map(column -> column + " = :" + column).toList());
        if (slice.after().isPresent()) {
            params.put("afterSeq", seqOf(table, slice));
            where.add("seq > :afterSeq");
        }
        return new Keyset(where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where), params);
    }

    private long seqOf(String table, Slice slice) {
        return jdbc.sql("SELECT seq FROM " + table + " WHERE id = :id")
                .param("id", slice.after().get())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> slice.unknown(table));
    }

    private <T> List<T> page(String table, Class<T> type, Map<String, Object> equalities, Slice slice) {
        Keyset keyset = keyset(table, slice, equalities);
        return bodies("SELECT body FROM " + table + keyset.where() + " ORDER BY seq" + fetchFirst(slice), keyset.params(),
                type);
    }

    /** The size is a validated int, written into the statement: both databases take it there. */
    private static String fetchFirst(Slice slice) {
        return " FETCH FIRST " + slice.size() + " ROWS ONLY";
    }

    /**
     * Replaces the row with this id, or inserts it: an UPDATE, then an INSERT when it updated nothing.
     * Plain SQL both databases run, where MERGE and ON CONFLICT differ. Two transactions inserting the
     * same new id at once: the second fails with Spring's {@link DuplicateKeyException}.
     */
    private void upsert(String table, String id, Map<String, Object> columns) {
        int updated = jdbc.sql("UPDATE " + table + " SET " + assignments(columns) + " WHERE id = :id")
                .params(columns)
                .param("id", id)
                .update();
        if (updated == 0) {
            columns.put("id", id);
            insert(table, columns);
        }
    }

    private void insert(String table, Map<String, Object> columns) {
        jdbc.sql("INSERT INTO " + table + " (" + String.join(", ", columns.keySet()) + ") VALUES ("
                        + columns.keySet().stream().map(column -> ":" + column).collect(Collectors.joining(", ")) + ")")
                .params(columns)
                .update();
    }

    private boolean exists(String table, String id) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE id = :id").param("id", id).query(String.class).optional()
                .isPresent();
    }

    private <T> List<T> all(String table, Class<T> type) {
        return bodies("SELECT body FROM " + table + " ORDER BY seq", Map.of(), type);
    }

    private <T> Optional<T> one(String table, String id, Class<T> type) {
        return jdbc.sql("SELECT body FROM " + table + " WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .map(body -> json.read(type, body));
    }

    private <T> List<T> bodies(String sql, Map<String, ?> params, Class<T> type) {
        return jdbc.sql(sql).params(params).query(String.class).list().stream()
                .map(body -> json.read(type, body))
                .toList();
    }

    private static String assignments(Map<String, Object> columns) {
        return columns.keySet().stream().map(column -> column + " = :" + column).collect(Collectors.joining(", "));
    }

    /** Column name, value pairs in order; mutable, so an insert can add the id. */
    private static Map<String, Object> columns(Object... nameValue) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            columns.put((String) nameValue[i], nameValue[i + 1]);
        }
        return columns;
    }

    /** Both drivers bind an {@link OffsetDateTime} to TIMESTAMP WITH TIME ZONE; not every one binds an Instant. */
    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
