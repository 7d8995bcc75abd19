package dev.researchvault.adapter.persistence.sql;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC on the connection Micronaut holds for the bound vault (a surrounding transaction is joined), for the
 * adapters whose statements no entity repository expresses (batches, joins, counts, virtual tables: documents,
 * search). A failure's message names the SQLite code only (driver messages quote values).
 */
public final class VaultStatements {

    /** Binds a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final ConnectionOperations<Connection> connections;
    private final String area;

    /** @param area what the statements are about, for failure messages ({@code documents}, {@code search}) */
    public VaultStatements(ConnectionOperations<Connection> connections, String area) {
        this.connections = connections;
        this.area = area;
    }

    public <T> List<T> query(String sql, Binder binder, Reader<T> reader) {
        return connections.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> read = new ArrayList<>();
                    while (rows.next()) {
                        read.add(reader.read(rows));
                    }
                    return read;
                }
            } catch (SQLException failure) {
                throw failed("read", failure);
            }
        });
    }

    public long count(String sql, Binder binder) {
        return query(sql, binder, row -> row.getLong(1)).stream().findFirst().orElse(0L);
    }

    public int update(String sql, Binder binder) {
        return connections.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                binder.bind(statement);
                return statement.executeUpdate();
            } catch (SQLException failure) {
                throw failed("write", failure);
            }
        });
    }

    /** Runs {@code sql} once per element of {@code items} as one JDBC batch. */
    public <T> void batch(String sql, List<T> items, ItemBinder<T> binder) {
        if (items.isEmpty()) {
            return;
        }
        connections.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (T item : items) {
                    binder.bind(statement, item);
                    statement.addBatch();
                }
                return statement.executeBatch();
            } catch (SQLException failure) {
                throw failed("write", failure);
            }
        });
    }

    /** Binds one element of a batch. */
    @FunctionalInterface
    public interface ItemBinder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /** {@code ?, ?, …} for {@code n} values (n ≥ 1). */
    public static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** The SQLite error code only: the cause's message may quote the statement's values (user content). */
    private DataAccessException failed(String what, SQLException failure) {
        return new DataAccessException(area + " " + what + " failed (SQLite error " + failure.getErrorCode() + ")", failure);
    }
}
