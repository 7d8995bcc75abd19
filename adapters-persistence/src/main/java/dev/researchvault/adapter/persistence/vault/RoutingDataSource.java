package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.adapter.persistence.vault.jdbc.ConnectionSource;
import dev.researchvault.adapter.persistence.vault.jdbc.SlowQueryLog;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The one {@link DataSource} Micronaut Data sees. Each {@link #getConnection()} goes to {@code vault.db} of
 * the vault bound by {@link CurrentVault}, so ordinary repositories read and write the calling user's
 * file and never another's; without a binding it fails rather than guess.
 */
public final class RoutingDataSource extends ConnectionSource {

    private final SlowQueryLog slowQueryLog;

    public RoutingDataSource(SlowQueryLog slowQueryLog) {
        this.slowQueryLog = slowQueryLog;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return slowQueryLog.watch(CurrentVault.connection(VaultFile.VAULT));
    }
}
