package io.forewarn.store;

import io.forewarn.ledger.jdbc.DatabaseKind;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration 65, on H2 only: every identity column hands out numbers from a cache of {@value #CACHE} instead of H2's 32.
 * H2 keeps a sequence's next value in its file, and whenever a cache runs out it writes the new bound and commits, a
 * write of the whole store of its own: with 32, a report (about six events and four obligations, each numbered) cost
 * one such extra commit every three reports, 12% of a report's samples in a flight recording of {@code bench ingest}
 * (docs/benchmarks.md). The numbers stay increasing; after a crash H2 goes on from the last bound written, so at most
 * a cache's worth of numbers is skipped, as a rollback skips numbers too, and nothing reads them as a count.
 * PostgreSQL is left as it is: its cache is per connection, so a large one would hand each connection a range of its
 * own and the numbers would no longer follow the order of the changes; its sequences write nothing at each step.
 * A table added later with an identity column sets its cache in its own migration (MigrationsTest checks them all).
 */
final class IdentityCaches extends NumberedMigration {

    static final int CACHE = 1_000;

    IdentityCaches() {
        super(65, "identity caches on H2");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (DatabaseKind.of(connection) != DatabaseKind.H2) {
            return;
        }
        List<String> columns = new ArrayList<>();
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                     + " WHERE is_identity = 'YES' AND table_schema = SCHEMA() ORDER BY table_name")) {
            while (rows.next()) {
                columns.add("ALTER TABLE \"" + rows.getString(1) + "\" ALTER COLUMN \"" + rows.getString(2) + "\" SET CACHE " + CACHE);
            }
        }
        try (Statement ddl = connection.createStatement()) {
            for (String alter : columns) {
                ddl.execute(alter);
            }
        }
    }
}
