package io.forewarn.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;

/**
 * Brings a database to the current schema with Flyway, from {@code classpath:db/migration} and the Java
 * migrations that must read stored bodies ({@link SweepColumns}, {@link QueryColumns}, {@link PartyPlaces},
 * {@link ReportPlaces}, {@link KnownNames}, {@link PartyBoxCells}) or apply to H2 alone ({@link IdentityCaches}); the
 * same migrations serve H2 and PostgreSQL. Applies what is missing and nothing else, so running it on a current
 * database is a no-op.
 */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** Migrates the database's current schema; returns how many migrations ran. */
    public static int migrate(DataSource dataSource) {
        return configuration(dataSource).load().migrate().migrationsExecuted;
    }

    /** Every migration, SQL and Java, on this database: a test may stop it at an earlier version. */
    static FluentConfiguration configuration(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .javaMigrations(new SweepColumns(), new QueryColumns(), new PartyPlaces(), new ReportPlaces(), new KnownNames(),
                        new PartyBoxCells(), new IdentityCaches());
    }
}
