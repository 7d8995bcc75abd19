package dev.researchvault.adapter.persistence.settings;

import dev.researchvault.application.vault.Transactions;
import dev.researchvault.domain.apikey.ApiKey;
import dev.researchvault.domain.apikey.ApiKeySecret;
import dev.researchvault.domain.apikey.ApiKeyStore;
import dev.researchvault.domain.apikey.ProviderName;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ApiKeyStore} in the bound vault's {@code api_key} table.
 *
 * <p>Plain JDBC on purpose, not a Micronaut Data repository: Micronaut Data's query log
 * ({@code io.micronaut.data.query} at TRACE) prints every bound parameter, which here would be a key in clear.
 * Connections still come from Micronaut's connection operations, so calls join a surrounding transaction.
 * Writes run in a transaction of their own ({@link Transactions}, joined when one is open), so they wait for the
 * vault's writer turn like every other write.
 */
@Singleton
final class JdbcApiKeyStore implements ApiKeyStore {

    private static final String COLUMNS = "provider, secret, description, active, created_at, last_used_at";

    private final ConnectionOperations<Connection> connections;
    private final Transactions transactions;

    JdbcApiKeyStore(@Named("default") ConnectionOperations<Connection> connections, Transactions transactions) {
        this.connections = connections;
        this.transactions = transactions;
    }

    @Override
    public List<ApiKey> all() {
        return query("SELECT " + COLUMNS + " FROM api_key ORDER BY provider", statement -> { });
    }

    @Override
    public Optional<ApiKey> find(ProviderName provider) {
        return query("SELECT " + COLUMNS + " FROM api_key WHERE provider = ?",
                statement -> statement.setString(1, provider.value())).stream().findFirst();
    }

    @Override
    public void save(ApiKey key) {
        update("INSERT INTO api_key (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (provider) DO UPDATE SET "
                + "secret = excluded.secret, description = excluded.description, active = excluded.active, "
                + "created_at = excluded.created_at, last_used_at = excluded.last_used_at", statement -> {
                    statement.setString(1, key.provider().value());
                    statement.setString(2, key.secret().reveal());
                    statement.setString(3, key.description());
                    statement.setInt(4, key.active() ? 1 : 0);
                    statement.setString(5, key.createdAt().toString());
                    statement.setString(6, key.lastUse().map(Instant::toString).orElse(null));
                });
    }

    @Override
    public boolean remove(ProviderName provider) {
        return update("DELETE FROM api_key WHERE provider = ?", statement -> statement.setString(1, provider.value())) > 0;
    }

    @Override
    public void markUsed(ProviderName provider, Instant at) {
        update("UPDATE api_key SET last_used_at = ? WHERE provider = ?", statement -> {
            statement.setString(1, at.toString());
            statement.setString(2, provider.value());
        });
    }

    private List<ApiKey> query(String sql, Binder binder) {
        return connections.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    List<ApiKey> keys = new ArrayList<>();
                    while (rows.next()) {
                        keys.add(toApiKey(rows));
                    }
                    return keys;
                }
            } catch (SQLException failure) {
                throw failed("read", failure);
            }
        });
    }

    private int update(String sql, Binder binder) {
        return transactions.inTransaction(() -> connections.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                binder.bind(statement);
                return statement.executeUpdate();
            } catch (SQLException failure) {
                throw failed("write", failure);
            }
        }));
    }

    private static ApiKey toApiKey(ResultSet row) throws SQLException {
        String lastUsedAt = row.getString("last_used_at");
        return new ApiKey(new ProviderName(row.getString("provider")), ApiKeySecret.of(row.getString("secret")),
                row.getString("description"), row.getInt("active") == 1, Instant.parse(row.getString("created_at")),
                lastUsedAt == null ? null : Instant.parse(lastUsedAt));
    }

    /** The driver's message is left out: whatever it quotes must not reach a log or a response. */
    private static DataAccessException failed(String operation, SQLException failure) {
        return new DataAccessException("api_key " + operation + " failed (SQLite error " + failure.getErrorCode() + ")");
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
