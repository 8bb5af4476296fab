package io.forewarn.store;

import io.forewarn.ledger.jdbc.DatabaseKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

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
 * it finds: nothing to do there.
 */
final class PlannerStatistics {

    /** The tables an import of parties fills, in the order they are analysed. */
    static final List<String> PARTY_TABLES = List.of("party", "party_box", "party_name", "party_place",
            "party_known_name", "contact_point");

    /**
     * The tables of the timeline and its ledger, which a bulk write (an import's events, one a party) fills as fast
     * as the party tables: the listing of events kept a plan made on a few hundred rows, a sequential scan and a
     * sort, and its first page took 259 ms at 1,000,000 parties (bench curves).
     */
    static final List<String> EVENT_TABLES = List.of("duty_event", "ledger_entry", "ledger_node");

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
        if (!DatabaseKind.isPostgres(connection) || tables.isEmpty()) {
            return false;
        }
        try (PreparedStatement size = connection.prepareStatement(
                "SELECT c.relpages, c.reltuples, pg_relation_size(c.oid) / current_setting('block_size')::bigint"
                        + " FROM pg_class c WHERE c.oid = to_regclass(?)")) {
            size.setString(1, tables.get(0));
            try (ResultSet row = size.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                long counted = row.getLong(1);
                boolean never = row.getDouble(2) < 0;
                long now = row.getLong(3);
                if (!never && now < counted * GROWTH) {
                    return false;
                }
            }
        }
        try (Statement analyse = connection.createStatement()) {
            analyse.execute("ANALYZE " + String.join(", ", tables));
        }
        return true;
    }
}
