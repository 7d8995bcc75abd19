package dev.researchvault.adapter.persistence.vault;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
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
        return Flyway.configure(FlywaySchemaMigrator.class.getClassLoader())
                .dataSource(new SingleConnectionDataSource(connection))
                .locations(location)
                .load();
    }

    /** Hands Flyway the caller's connection without letting it close it. */
    private record SingleConnectionDataSource(Connection connection) implements DataSource {

        @Override
        public Connection getConnection() {
            return new UnclosableConnection(connection);
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
            throw new java.sql.SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
