package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.adapter.persistence.vault.jdbc.ConnectionSource;
import dev.researchvault.adapter.persistence.vault.jdbc.UnclosableConnection;
import java.sql.Connection;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * Flyway over one already-open (and therefore already keyed) connection. It runs when a vault is created
 * or opened, before its pool exists, so requests never see a half-migrated schema.
 */
public final class FlywaySchemaMigrator implements SchemaMigrator {

    @Override
    public void migrate(VaultFile file, Connection connection) {
        migrate(file.migrations(), connection);
    }

    @Override
    public boolean hasPending(VaultFile file, Connection connection) {
        return flyway(file.migrations(), connection).info().pending().length > 0;
    }

    /** Applies the migrations found at {@code location} to the database behind {@code connection}. */
    public static void migrate(String location, Connection connection) {
        flyway(location, connection).migrate();
    }

    private static Flyway flyway(String location, Connection connection) {
        // Both providers given, Flyway scans nothing (see ListedMigrations); there are no Java migrations.
        return Flyway.configure(FlywaySchemaMigrator.class.getClassLoader())
                .dataSource(new SingleConnectionDataSource(connection))
                .locations(location)
                .resourceProvider(new ListedMigrations(location))
                .javaMigrationClassProvider(List::of)
                .load();
    }

    /** Hands Flyway the caller's connection without letting it close it. */
    private static final class SingleConnectionDataSource extends ConnectionSource {

        private final Connection connection;

        SingleConnectionDataSource(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection getConnection() {
            return new UnclosableConnection(connection);
        }
    }
}
