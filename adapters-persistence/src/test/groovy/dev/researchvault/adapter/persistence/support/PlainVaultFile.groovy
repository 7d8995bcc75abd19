package dev.researchvault.adapter.persistence.support

import org.flywaydb.core.Flyway

import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager

/**
 * A plain (unencrypted) {@code vault.db} migrated step by step with the vault's Flyway scripts: how the migration
 * specs build a vault as an older version left it, then migrate it on. One connection, foreign keys on as in a
 * real vault.
 */
class PlainVaultFile implements AutoCloseable {

    private final String url
    final Connection connection

    PlainVaultFile(Path dir) {
        url = "jdbc:sqlite:${dir.resolve('vault.db')}"
        connection = DriverManager.getConnection(url)
        connection.createStatement().withCloseable { it.execute('PRAGMA foreign_keys = ON') }
    }

    /** Migrates to {@code version} ({@code latest} for all). */
    void migrateTo(String version) {
        Flyway.configure(PlainVaultFile.classLoader).dataSource(url, null, null).locations('classpath:db/vault')
                .target(version).load().migrate()
    }

    long single(String sql) {
        connection.createStatement().withCloseable { it.executeQuery(sql).with { it.next(); it.getLong(1) } }
    }

    void run(String sql) {
        connection.createStatement().withCloseable { it.executeUpdate(sql) }
    }

    @Override
    void close() {
        connection.close()
    }
}
