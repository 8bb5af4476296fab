package io.forewarn.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GenericPlan#around}: on PostgreSQL the query runs under a generic plan in the caller's transaction, which
 * gets its own setting back for the statements after it; on H2 the query simply runs.
 */
class GenericPlanTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theQueryRunsUnderAGenericPlanAndTheTransactionGetsItsSettingBack(String kind) throws SQLException {
        try (TestDatabase database = TestDatabase.of(kind); Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            boolean postgres = "postgres".equals(kind);

            String during = GenericPlan.around(connection, () -> postgres ? planCacheMode(connection) : answer(connection));

            assertThat(during).isEqualTo(postgres ? "force_generic_plan" : "1");
            if (postgres) {
                assertThat(planCacheMode(connection)).isEqualTo("auto");
            }
            connection.rollback();
        }
    }

    private static String planCacheMode(Connection connection) throws SQLException {
        return single(connection, "SHOW plan_cache_mode");
    }

    private static String answer(Connection connection) throws SQLException {
        return single(connection, "SELECT 1");
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
