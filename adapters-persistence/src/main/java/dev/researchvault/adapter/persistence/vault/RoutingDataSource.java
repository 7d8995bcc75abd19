package dev.researchvault.adapter.persistence.vault;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The one {@link DataSource} Micronaut Data sees. Each {@link #getConnection()} goes to {@code vault.db} of
 * the vault bound by {@link CurrentVault}, so ordinary repositories read and write the calling user's
 * file and never another's; without a binding it fails rather than guess.
 */
public final class RoutingDataSource implements DataSource {

    private final SlowQueryLog slowQueryLog;

    public RoutingDataSource(SlowQueryLog slowQueryLog) {
        this.slowQueryLog = slowQueryLog;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return slowQueryLog.watch(CurrentVault.connection(VaultFile.VAULT));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
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
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
