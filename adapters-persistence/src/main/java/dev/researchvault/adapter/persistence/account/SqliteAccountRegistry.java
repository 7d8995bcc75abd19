package dev.researchvault.adapter.persistence.account;

import dev.researchvault.adapter.persistence.vault.VaultLayout;
import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.UnavailableException;
import dev.researchvault.domain.account.AccountRegistry;
import dev.researchvault.domain.account.KdfAlgorithm;
import dev.researchvault.domain.account.KdfParameters;
import dev.researchvault.domain.account.UserAccount;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.account.Username;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;

/**
 * The account registry in the plain (unencrypted) {@code registry.db}: it holds nothing secret, only names,
 * times and KDF parameters, and it must be readable before any key exists. Every account change is
 * checkpointed into the main file before it returns, so {@code registry.db} alone holds every account.
 */
public final class SqliteAccountRegistry implements AccountRegistry, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteAccountRegistry.class);

    private static final String COLUMNS = "id, username, created_at, last_login_at, kdf_algorithm, kdf_memory_kib, "
            + "kdf_iterations, kdf_parallelism, kdf_salt, pending_kdf_algorithm, pending_kdf_memory_kib, "
            + "pending_kdf_iterations, pending_kdf_parallelism, pending_kdf_salt";

    private final RegistryConnections connections;

    public SqliteAccountRegistry(Path registryFile, Duration busyTimeout) {
        this(registryFile, busyTimeout, UnaryOperator.identity());
    }

    /** @param opened applied to each new connection (specs inject storage faults through it) */
    SqliteAccountRegistry(Path registryFile, Duration busyTimeout, UnaryOperator<Connection> opened) {
        VaultLayout.createPrivateFile(registryFile);
        this.connections = new RegistryConnections(registryFile, busyTimeout, opened);
    }

    @Override
    public Optional<UserAccount> findByUsername(Username username) {
        try {
            return connections.withConnection(connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM account WHERE username_canonical = ?")) {
                    select.setString(1, username.canonical());
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? Optional.of(toAccount(row)) : Optional.empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    @Override
    public void add(UserAccount account) {
        KdfParameters kdf = account.kdf();
        try {
            connections.change(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO account (id, username, "
                        + "username_canonical, created_at, kdf_algorithm, kdf_memory_kib, kdf_iterations, "
                        + "kdf_parallelism, kdf_salt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, account.id().toString());
                    insert.setString(2, account.username().value());
                    insert.setString(3, account.username().canonical());
                    insert.setString(4, account.createdAt().toString());
                    insert.setString(5, kdf.algorithm().name());
                    insert.setInt(6, kdf.memoryKib());
                    insert.setInt(7, kdf.iterations());
                    insert.setInt(8, kdf.parallelism());
                    insert.setBytes(9, kdf.salt());
                    return insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            if (e.getErrorCode() == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
                throw new ConflictException("account.username-taken", "this username is already registered");
            }
            throw unavailable();
        }
    }

    /** Best effort: a login time the storage refuses (full disk, read-only file) is logged and dropped. */
    @Override
    public void recordLogin(UserId id, Instant at) {
        try {
            connections.withConnection(connection -> update(connection, "UPDATE account SET last_login_at = ? WHERE id = ?",
                    at.toString(), id.toString()));
        } catch (SQLException e) {
            LOG.warn("event=registry.login-not-recorded user={} sqliteCode={}", id, e.getErrorCode() & 0xFF);
        }
    }

    @Override
    public void stageKdfChange(UserId id, KdfParameters newKdf) {
        try {
            connections.change(connection -> {
                try (PreparedStatement stage = connection.prepareStatement("UPDATE account SET pending_kdf_algorithm = ?, "
                        + "pending_kdf_memory_kib = ?, pending_kdf_iterations = ?, pending_kdf_parallelism = ?, "
                        + "pending_kdf_salt = ? WHERE id = ?")) {
                    stage.setString(1, newKdf.algorithm().name());
                    stage.setInt(2, newKdf.memoryKib());
                    stage.setInt(3, newKdf.iterations());
                    stage.setInt(4, newKdf.parallelism());
                    stage.setBytes(5, newKdf.salt());
                    stage.setString(6, id.toString());
                    return stage.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    @Override
    public void completeKdfChange(UserId id) {
        change("UPDATE account SET kdf_algorithm = pending_kdf_algorithm, kdf_memory_kib = pending_kdf_memory_kib, "
                + "kdf_iterations = pending_kdf_iterations, kdf_parallelism = pending_kdf_parallelism, "
                + "kdf_salt = pending_kdf_salt, pending_kdf_algorithm = NULL, pending_kdf_memory_kib = NULL, "
                + "pending_kdf_iterations = NULL, pending_kdf_parallelism = NULL, pending_kdf_salt = NULL "
                + "WHERE id = ? AND pending_kdf_salt IS NOT NULL", id.toString());
    }

    @Override
    public boolean remove(UserId id) {
        return change("DELETE FROM account WHERE id = ?", id.toString()) > 0;
    }

    @Override
    public boolean exists(UserId id) {
        try {
            return connections.withConnection(connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM account WHERE id = ?")) {
                    select.setString(1, id.toString());
                    try (ResultSet row = select.executeQuery()) {
                        return row.next();
                    }
                }
            });
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    @Override
    public void close() {
        connections.close();
    }

    private int change(String sql, String... parameters) {
        try {
            return connections.change(connection -> update(connection, sql, parameters));
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    private static int update(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static UserAccount toAccount(ResultSet row) throws SQLException {
        String lastLogin = row.getString("last_login_at");
        return new UserAccount(new UserId(UUID.fromString(row.getString("id"))), new Username(row.getString("username")),
                Instant.parse(row.getString("created_at")), lastLogin == null ? null : Instant.parse(lastLogin),
                kdf(row, ""), row.getBytes("pending_kdf_salt") == null ? Optional.empty() : Optional.of(kdf(row, "pending_")));
    }

    private static KdfParameters kdf(ResultSet row, String prefix) throws SQLException {
        return new KdfParameters(KdfAlgorithm.valueOf(row.getString(prefix + "kdf_algorithm")),
                row.getInt(prefix + "kdf_memory_kib"), row.getInt(prefix + "kdf_iterations"),
                row.getInt(prefix + "kdf_parallelism"), row.getBytes(prefix + "kdf_salt"));
    }

    private static UnavailableException unavailable() {
        return new UnavailableException("registry.unavailable", "the account registry cannot be reached");
    }
}
