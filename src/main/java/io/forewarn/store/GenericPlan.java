package io.forewarn.store;

import io.forewarn.ledger.jdbc.DatabaseKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs a query under PostgreSQL's generic plan for its statement ({@code plan_cache_mode = force_generic_plan}) in the
 * caller's transaction, then puts back the setting it found (both with set_config's local form, which the
 * transaction's end undoes anyway). PostgreSQL otherwise plans a prepared query afresh at every execution while it
 * judges a plan for the given values cheaper than one for any values: for the candidates of a report, index ranges
 * whatever the values, that planning was two thirds of what the query cost (docs/benchmarks.md). On H2 the query
 * runs as it is.
 */
final class GenericPlan {

    private GenericPlan() {
    }

    /** A query that may throw what JDBC throws. */
    interface Query<T> {
        T run() throws SQLException;
    }

    static <T> T around(Connection connection, Query<T> query) throws SQLException {
        if (!DatabaseKind.isPostgres(connection)) {
            return query.run();
        }
        String before;
        try (Statement setting = connection.createStatement();
             ResultSet set = setting.executeQuery("SELECT current_setting('plan_cache_mode'),"
                     + " set_config('plan_cache_mode', 'force_generic_plan', true)")) {
            set.next();
            before = set.getString(1);
        }
        T result = query.run();
        try (PreparedStatement back = connection.prepareStatement("SELECT set_config('plan_cache_mode', ?, true)")) {
            back.setString(1, before);
            back.execute();
        }
        return result;
    }
}
