package dev.researchvault.adapter.persistence.transfer;

import dev.researchvault.adapter.persistence.vault.CurrentVault;
import dev.researchvault.adapter.persistence.vault.VaultFile;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.blob.BlobKey;
import dev.researchvault.domain.transfer.RecordKind;
import dev.researchvault.domain.transfer.VaultRecord;
import dev.researchvault.domain.transfer.VaultRecords;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import org.sqlite.SQLiteErrorCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link VaultRecords} over the tables of the bound user's {@code vault.db}, in plain JDBC: every table is read
 * and written the same way, column by column as the schema has them ({@link RecordTable}).
 */
@Singleton
final class SqliteVaultRecords implements VaultRecords {

    /** Reported, not refused: a record whose primary key or unique name is taken. */
    private static final int PRIMARY_KEY_TAKEN = SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY.code;
    private static final int UNIQUE_TAKEN = SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE.code;

    private final ConnectionOperations<Connection> connections;

    SqliteVaultRecords(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public <T> T inSnapshot(Function<Snapshot, T> work) {
        // A connection of our own, not the request's: a SAVEPOINT outside a transaction is a deferred BEGIN,
        // so the first read fixes the snapshot without taking the write lock (the pool's setAutoCommit(false)
        // would begin IMMEDIATE and hold every writer of the user off for the whole export).
        try (Connection connection = CurrentVault.connection(VaultFile.VAULT)) {
            execute(connection, "SAVEPOINT export_snapshot");
            try {
                return work.apply(new SqliteSnapshot(connection));
            } finally {
                execute(connection, "RELEASE export_snapshot");
            }
        } catch (SQLException failure) {
            throw failed("read", failure);
        }
    }

    @Override
    public List<String> insert(RecordKind kind, Iterator<VaultRecord> records) {
        return connections.executeWrite(status -> {
            Connection connection = status.getConnection();
            try {
                // References are checked once, when every kind is in (checkReferences): records may then come
                // in any order, and a cycle of references would not stop an import.
                execute(connection, "PRAGMA defer_foreign_keys = ON");
                RecordTable table = RecordTable.of(connection, kind);
                try (PreparedStatement insert = connection.prepareStatement(table.insert())) {
                    return insertEach(table, insert, records);
                }
            } catch (SQLException failure) {
                throw failed("write", failure);
            }
        });
    }

    private static List<String> insertEach(RecordTable table, PreparedStatement insert, Iterator<VaultRecord> records)
            throws SQLException {
        List<String> taken = new ArrayList<>();
        HashSet<String> known = new HashSet<>(table.columns());
        while (records.hasNext()) {
            Map<String, Object> fields = records.next().fields();
            for (String field : fields.keySet()) {
                if (!known.contains(field)) {
                    throw invalid(table.name() + " has no field " + quoted(field));
                }
            }
            for (int i = 0; i < table.columns().size(); i++) {
                insert.setObject(i + 1, fields.get(table.columns().get(i)));
            }
            try {
                insert.executeUpdate();
            } catch (SQLException refused) {
                if (!keyTaken(refused)) {
                    throw invalid("a " + table.name() + " record has a value its column refuses (SQLite error "
                            + refused.getErrorCode() + ")");
                }
                taken.add(table.describe(fields));
            }
        }
        return taken;
    }

    /**
     * A primary key or unique value taken. The driver answers extended codes or only the primary one depending
     * on its build; SQLite words both kinds alike ("UNIQUE constraint failed: table.column", names only).
     */
    private static boolean keyTaken(SQLException refused) {
        int code = refused.getErrorCode();
        return code == PRIMARY_KEY_TAKEN || code == UNIQUE_TAKEN
                || (code & 0xFF) == SQLiteErrorCode.SQLITE_CONSTRAINT.code && refused.getMessage() != null
                && refused.getMessage().contains("UNIQUE constraint failed");
    }

    @Override
    public void checkReferences() {
        connections.executeWrite(status -> {
            try (Statement statement = status.getConnection().createStatement();
                 ResultSet broken = statement.executeQuery("PRAGMA foreign_key_check")) {
                if (broken.next()) {
                    throw new RuleViolationException("import.invalid-reference",
                            "a " + broken.getString(1) + " record refers to a " + broken.getString(3)
                                    + " that is neither in the import nor in the vault");
                }
                return null;
            } catch (SQLException failure) {
                throw failed("check", failure);
            }
        });
    }

    private static RuleViolationException invalid(String message) {
        return new RuleViolationException("import.invalid-record", message);
    }

    /** A field name from the import, shortened and stripped of anything unprintable before it is echoed. */
    private static String quoted(String field) {
        String printable = field.replaceAll("[^A-Za-z0-9_]", "?");
        return "'" + (printable.length() > 40 ? printable.substring(0, 40) + "…" : printable) + "'";
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static DataAccessException failed(String what, SQLException failure) {
        return new DataAccessException("vault records " + what + " failed (SQLite error " + failure.getErrorCode() + ")",
                failure);
    }

    /** The reads of one snapshot, all on its one connection. */
    private record SqliteSnapshot(Connection connection) implements Snapshot {

        @Override
        public long count(RecordKind kind) {
            long[] count = {0};
            forEachRow("SELECT count(*) FROM " + kind.wireName(), row -> count[0] = row.getLong(1));
            return count[0];
        }

        @Override
        public void forEach(RecordKind kind, Consumer<VaultRecord> each) {
            try {
                RecordTable table = RecordTable.of(connection, kind);
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery(table.selectAll())) {
                    while (rows.next()) {
                        each.accept(record(table, rows));
                    }
                }
            } catch (SQLException failure) {
                throw failed("read", failure);
            }
        }

        @Override
        public void forEachBlobKey(Consumer<BlobKey> each) {
            // Files listed in a message's JSON (an element still holding its bytes inline has no blob yet;
            // the blob store answers nothing for its key) and the one file of each document.
            forEachRow("SELECT m.id, json_extract(f.value, '$.index'), ifnull(json_extract(f.value, '$.hasThumbnail'), 0)"
                    + " FROM chat_message m, json_each(m.files) f WHERE m.files <> '[]' ORDER BY m.id, f.key", row -> {
                        UUID owner = UUID.fromString(row.getString(1));
                        int index = row.getInt(2);
                        each.accept(BlobKey.file(owner, index));
                        if (row.getInt(3) != 0) {
                            each.accept(BlobKey.thumbnail(owner, index));
                        }
                    });
            forEachRow("SELECT id FROM document ORDER BY id",
                    row -> each.accept(BlobKey.file(UUID.fromString(row.getString(1)), 0)));
        }

        private void forEachRow(String sql, RowHandler handler) {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    handler.handle(rows);
                }
            } catch (SQLException failure) {
                throw failed("read", failure);
            }
        }

        private static VaultRecord record(RecordTable table, ResultSet rows) throws SQLException {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < table.columns().size(); i++) {
                Object value = rows.getObject(i + 1);
                fields.put(table.columns().get(i), value instanceof Number number ? (Object) number.longValue() : value);
            }
            return new VaultRecord(fields);
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }
}
