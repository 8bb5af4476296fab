package io.forewarn.store;

import io.forewarn.ledger.jdbc.DatabaseKind;
import io.forewarn.party.Party;
import io.forewarn.place.Gazetteer;
import io.forewarn.policy.Triage;
import io.forewarn.report.ThreatReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the index of places ({@code party_place}, {@code report_place}: {@link PartyIndex#insertPlaced},
 * {@link ReportIndex#insertPlaced}) filed under the gazetteer in the database. {@code place_filing} holds the
 * gazetteer's version ({@link GazetteerImport} adds one with every import) and the version the index was filed under;
 * when they differ, or nothing was filed (a database upgraded from before the index), {@link #refileIfStale} files
 * every party on file and every report whose threat window is open anew, a page at a time, each page one
 * transaction, and then records the version it read before it began (an import meanwhile is re-filed next time).
 *
 * <p>One node re-files at a time: it holds a lock for the whole run, a session-level PostgreSQL advisory lock
 * ({@link #LOCK_CLASS}, hash of the schema, as {@link SweepLease} keys its own) on H2 a lock in this process per
 * database. A node starting meanwhile waits for it, then finds the index filed and does nothing.
 */
public final class PlaceFiling {

    /** Parties or reports per page: read, filed and committed together. */
    public static final int PAGE = 500;

    /** The first key of the PostgreSQL advisory lock: "FWpf" in ASCII. */
    public static final int LOCK_CLASS = 0x46577066;

    /** What {@link GazetteerImport} runs in its transaction: the gazetteer is a new one. */
    static final String NEW_GAZETTEER = "UPDATE place_filing SET gazetteer_version = gazetteer_version + 1 WHERE id = 1";

    private static final Logger LOG = LoggerFactory.getLogger(PlaceFiling.class);
    private static final ConcurrentMap<String, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private static final CasebookJson JSON = new CasebookJson();

    /** What one run re-filed, and how long it took. */
    public record Refiled(long parties, long reports, Duration took) {
    }

    private final DataSource dataSource;
    private final Gazetteer gazetteer;
    private final Clock clock;

    /**
     * @param gazetteer the gazetteer in the database, as the casebook files parties and reports with it
     * @param clock     which reports are open (their threat window ends after now), and how long a run took
     */
    public PlaceFiling(DataSource dataSource, Gazetteer gazetteer, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Re-files the index of places when it was filed under another gazetteer, or never; empty when it was up to date. */
    public Optional<Refiled> refileIfStale() {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            boolean postgres = DatabaseKind.isPostgres(connection);
            ReentrantLock local = postgres ? null
                    : JVM_LOCKS.computeIfAbsent(withoutSettings(connection.getMetaData().getURL()), any -> new ReentrantLock());
            lock(connection, postgres, local);
            try {
                connection.setAutoCommit(false);
                return refileIfStale(connection);
            } catch (SQLException | RuntimeException failed) {
                connection.rollback();
                throw failed;
            } finally {
                connection.setAutoCommit(autoCommit);
                unlock(connection, postgres, local);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("cannot file the index of places anew: " + failed.getMessage(), failed);
        }
    }

    private Optional<Refiled> refileIfStale(Connection connection) throws SQLException {
        long version;
        Long filedUnder;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT gazetteer_version, filed_under FROM place_filing WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            row.next();
            version = row.getLong(1);
            filedUnder = row.getObject(2) == null ? null : row.getLong(2);
        }
        connection.commit();
        if (filedUnder != null && filedUnder == version) {
            return Optional.empty();
        }
        Instant start = clock.instant();
        LOG.info("The index of places was filed under {}, the gazetteer is version {}: filing every party and open report anew",
                filedUnder == null ? "no gazetteer" : "gazetteer version " + filedUnder, version);
        long parties = refileParties(connection);
        long reports = refileReports(connection, start);
        try (PreparedStatement record = connection.prepareStatement("UPDATE place_filing SET filed_under = ? WHERE id = 1")) {
            record.setLong(1, version);
            record.executeUpdate();
        }
        connection.commit();
        Refiled refiled = new Refiled(parties, reports, Duration.between(start, clock.instant()));
        LOG.info("Filed {} parties and {} open reports under gazetteer version {} in {} ms", parties, reports, version,
                refiled.took().toMillis());
        return Optional.of(refiled);
    }

    private long refileParties(Connection connection) throws SQLException {
        return refile(connection, "parties", "FROM party WHERE removed_at IS NULL", null, Party.class,
                page -> {
                    PartyIndex.deletePlaced(connection, page.stream().map(Party::id).toList());
                    PartyIndex.insertPlaced(connection, page, gazetteer);
                });
    }

    private long refileReports(Connection connection, Instant now) throws SQLException {
        return refile(connection, "open reports", "FROM report WHERE triage_outcome = '" + Triage.Outcome.DUTY_TO_WARN.name()
                + "' AND window_to > ?", now, ThreatReport.class, page -> {
                    IndexRows.delete(connection, "report_place", "report_id", page.stream().map(ThreatReport::id).toList());
                    ReportIndex.insertPlaced(connection, page, gazetteer);
                });
    }

    /** What files one page anew. */
    private interface PageFiler<T> {
        void file(List<T> page) throws SQLException;
    }

    /**
     * Files the rows {@code from} selects (a table and its condition, with {@code now} as its one parameter when not
     * null) a page at a time in the order they were stored, each page committed, with one log line a page.
     */
    private static <T> long refile(Connection connection, String what, String from, Instant now, Class<T> type,
                                   PageFiler<T> filer) throws SQLException {
        long total;
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) " + from)) {
            bindNow(count, now);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                total = row.getLong(1);
            }
        }
        long done = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<T> page = new ArrayList<>();
            // FOR UPDATE: a party or report stored beside the run waits for its page, so its new rows are not
            // replaced by ones from its old body
            try (PreparedStatement select = connection.prepareStatement("SELECT seq, body " + from
                    + " AND seq > ? ORDER BY seq FETCH FIRST " + PAGE + " ROWS ONLY FOR UPDATE")) {
                int next = bindNow(select, now);
                select.setLong(next, after);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        after = rows.getLong(1);
                        page.add(JSON.read(type, rows.getString(2)));
                    }
                }
            }
            if (page.isEmpty()) {
                return done;
            }
            filer.file(page);
            connection.commit();
            done += page.size();
            LOG.info("Filed {} of {} {}", done, total, what);
        }
    }

    /** Binds {@code now}, when there is one, as the first parameter; answers the index of the next. */
    private static int bindNow(PreparedStatement statement, Instant now) throws SQLException {
        if (now == null) {
            return 1;
        }
        statement.setObject(1, now.atOffset(ZoneOffset.UTC));
        return 2;
    }

    /** Waits for the run another node (or thread) may be making on this database. */
    private static void lock(Connection connection, boolean postgres, ReentrantLock local) throws SQLException {
        if (!postgres) {
            local.lock();
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?, hashtext(current_schema()))")) {
            lock.setInt(1, LOCK_CLASS);
            lock.execute();
        }
    }

    private static void unlock(Connection connection, boolean postgres, ReentrantLock local) throws SQLException {
        if (!postgres) {
            local.unlock();
            return;
        }
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(current_schema()))")) {
            unlock.setInt(1, LOCK_CLASS);
            unlock.execute();
        }
    }

    private static String withoutSettings(String url) {
        int at = url == null ? -1 : url.indexOf(';');
        return at < 0 ? String.valueOf(url) : url.substring(0, at);
    }
}
