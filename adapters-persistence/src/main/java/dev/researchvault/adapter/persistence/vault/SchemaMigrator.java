package dev.researchvault.adapter.persistence.vault;

import java.sql.Connection;

/** Brings one file to the current schema. */
@FunctionalInterface
public interface SchemaMigrator {

    /** Migrates the file behind {@code connection}; does not close it. */
    void migrate(VaultFile file, Connection connection);

    /** Whether {@link #migrate} would change the file; used to take a backup before it does. */
    default boolean hasPending(VaultFile file, Connection connection) {
        return false;
    }
}
