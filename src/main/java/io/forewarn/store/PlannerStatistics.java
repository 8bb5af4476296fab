package io.forewarn.store;

import io.forewarn.ledger.jdbc.DatabaseKind;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * PostgreSQL's statistics of the tables a bulk write fills, brought up to date when the write has doubled them
 * or more since they were last taken ({@code ANALYZE}, as PostgreSQL's "Populating a Database" advises after a bulk
 * load).
 *
 * <p>Why: the planner keeps a statement's generic plan for as long as the connection keeps the statement, and decides
 * it on the size the statistics give. A plan made while the tables were empty (a sequential scan is then the cheapest)
 * was kept while an import grew them to a million rows; without autovacuum, or before it wakes, nothing replaces it
 * (issue 10: the ingest bench's import fell from 3,055 to 505 rows a second, every lookup of ids on file scanning
 * {@code party} whole). {@code ANALYZE} also drops the plans cached on those tables. H2 plans each statement on what
 * it finds: nothing to do there. Tables filled a row at a time are kept by the deadline scheduler
 * ({@link #refreshGrown}).
 */
public final class PlannerStatistics {

    /** The tables an import of parties fills, in the order they are analysed. */
    static final List<String> PARTY_TABLES = List.of("party", "party_box", "party_name", "party_place",
            "party_known_name", "contact_point");

    /**
     * The tables of the timeline and its ledger, which a bulk write (an import's events, one a party) fills as fast
     * as the party tables: the listing of events kept a plan made on a few hundred rows, a sequential scan and a
     * sort, and its first page took 259 ms at 1,000,000 parties (bench curves).
     */
    static final List<String> EVENT_TABLES = List.of("duty_event", "ledger_entry", "ledger_node");

    /**
     * The tables {@link #refreshGrown} keeps analysed, each judged on its own: those a report's candidate query, a
     * listing or the deadline sweep reads by index, including those filled a row at a time by reports, obligations
     * and warnings, which no bulk write analyses.
     */
    static final List<String> WATCHED = Stream.of(PARTY_TABLES, EVENT_TABLES, List.of("obligation", "report",
            "report_box", "report_name", "report_place", "report_target_name", "near_match", "warning", "warning_party",
            "waiver", "delivery")).flatMap(List::stream).toList();

    /** Statistics are taken again once a table has grown by this factor since they were last taken. */
    static final double GROWTH = 2;

    private PlannerStatistics() {
    }

    /**
     * Analyses {@code tables} when the first of them has no statistics yet or has grown {@link #GROWTH}-fold since
     * they were taken, judged by its pages on disk against the pages its statistics counted.
     *
     * @return whether the tables were analysed
     */
    static boolean refreshIfGrown(Connection connection, List<String> tables) throws SQLException {
        if (!DatabaseKind.isPostgres(connection) || tables.isEmpty()
                || grownAmong(connection, tables.subList(0, 1)).isEmpty()) {
            return false;
        }
        analyse(connection, tables);
        return true;
    }

    /**
     * Analyses the {@link #WATCHED} tables that never had statistics or have grown {@link #GROWTH}-fold since, in
     * one statement after one question of the catalogue. The deadline scheduler calls it after each turn it swept:
     * without autovacuum (as on these machines), a table filled by many small writes kept the plans made while it
     * was empty (the sweep's ranges over {@code obligation} rose from 2.2 to 6.1 ms between 100,000 and 1,000,000
     * parties in bench curves); with autovacuum, this seldom finds anything to do.
     *
     * @return the tables analysed, none on H2
     */
    public static List<String> refreshGrown(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!DatabaseKind.isPostgres(connection)) {
                return List.of();
            }
            List<String> grown = grownAmong(connection, WATCHED);
            if (!grown.isEmpty()) {
                analyse(connection, grown);
            }
            return grown;
        } catch (SQLException failed) {
            throw new IllegalStateException("cannot bring the planner's statistics up to date: " + failed.getMessage(),
                    failed);
        }
    }

    /**
     * Those of {@code tables} due for {@code ANALYZE} ({@link #grown}), by one question of the catalogue; a table
     * that does not exist is not.
     */
    private static List<String> grownAmong(Connection connection, List<String> tables) throws SQLException {
        List<String> grown = new ArrayList<>();
        try (PreparedStatement sizes = connection.prepareStatement("SELECT t.name, c.relpages, c.reltuples,"
                + " pg_relation_size(c.oid) / current_setting('block_size')::bigint"
                + " FROM unnest(?) AS t(name) JOIN pg_class c ON c.oid = to_regclass(t.name) ORDER BY t.name")) {
            sizes.setArray(1, IdArray.of(connection, tables));
            try (ResultSet rows = sizes.executeQuery()) {
                while (rows.next()) {
                    if (grown(rows.getLong(2), rows.getDouble(3), rows.getLong(4))) {
                        grown.add(rows.getString(1));
                    }
                }
            }
        }
        return grown;
    }

    private static void analyse(Connection connection, List<String> tables) throws SQLException {
        try (Statement analyse = connection.createStatement()) {
            analyse.execute("ANALYZE " + String.join(", ", tables));
        }
    }

    /**
     * Whether a table whose statistics counted {@code counted} pages and {@code tuples} rows (negative: never
     * analysed) and that now takes {@code now} pages is due for {@code ANALYZE}. An empty table analysed counts no
     * page: it is due again once it takes two, not at every question.
     */
    private static boolean grown(long counted, double tuples, long now) {
        return tuples < 0 || now >= Math.max(counted, 1) * GROWTH;
    }
}
