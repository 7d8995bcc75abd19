package dev.researchvault.adapter.persistence.vault;

import java.sql.Connection;

/** Brings one file to the current schema. */
@FunctionalInterface
public interface SchemaMigrator {

    /** Migrates the file behind {@code connection}; does not close it. */
    void migrate(VaultFile file, Connection connection);
}
