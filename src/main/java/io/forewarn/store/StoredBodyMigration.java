package io.forewarn.store;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration in Java because it fills new columns or tables from the JSON bodies of rows already stored, which
 * H2 cannot take apart in SQL: each body is read as the casebook reads it ({@link #json}). Its checksum is its
 * version, and it runs in one transaction.
 */
abstract class StoredBodyMigration implements JavaMigration {

    protected final CasebookJson json = new CasebookJson();

    private final int version;
    private final String description;

    StoredBodyMigration(int version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(Integer.toString(version));
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return version;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
