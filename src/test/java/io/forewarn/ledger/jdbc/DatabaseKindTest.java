package io.forewarn.ledger.jdbc;

import io.forewarn.store.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link DatabaseKind} names the database behind a pooled connection, as the pool hands it out. */
class DatabaseKindTest {

    @ParameterizedTest
    @CsvSource({"h2, H2, false", "postgres, POSTGRESQL, true"})
    void theKindIsThatOfTheDatabaseBehindThePool(String database, DatabaseKind expected, boolean postgres) throws SQLException {
        try (TestDatabase test = database.equals("h2") ? TestDatabase.h2Empty() : TestDatabase.postgresEmpty();
             Connection connection = test.dataSource().getConnection()) {
            assertThat(DatabaseKind.of(connection)).isEqualTo(expected);
            assertThat(DatabaseKind.isPostgres(connection)).isEqualTo(postgres);
        }
    }
}
