package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.adapter.persistence.search.SearchBacklog;
import dev.researchvault.adapter.persistence.vault.files.FileKeys;
import dev.researchvault.adapter.persistence.vault.files.IntegrityCheck;
import dev.researchvault.adapter.persistence.vault.files.SqlCipher;
import dev.researchvault.domain.UnavailableException;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.chat.MessageRole;
import dev.researchvault.domain.vault.MasterKey;
import dev.researchvault.domain.vault.VaultMaintenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Integrity checks, statistics and VACUUM over a user's two files. Statistics count the rows of every table
 * (agents and executions included), and the messages of each role; not the full-text index's virtual table and its
 * shadow tables ({@code search_text*}: counting the virtual one reads the whole index), whose rows
 * {@code search_entry} counts.
 */
public final class SqliteVaultMaintenance implements VaultMaintenance {

    /** The table whose rows are also counted per role. */
    private static final String MESSAGES = "chat_message";

    private final VaultLayout layout;
    private final SqlCipher.ConnectionSettings settings;

    public SqliteVaultMaintenance(VaultLayout layout, SqlCipher.ConnectionSettings settings) {
        this.layout = layout;
        this.settings = settings;
    }

    @Override
    public IntegrityReport checkIntegrity(UserId user, MasterKey key) {
        List<String> details = new ArrayList<>();
        boolean[] ok = new boolean[VaultFile.values().length];
        for (VaultFile file : VaultFile.values()) {
            byte[] rawKey = FileKeys.derive(key, file);
            try {
                List<String> problems = IntegrityCheck.check(layout.file(user, file), rawKey, file, settings, "integrity_check");
                ok[file.ordinal()] = problems.isEmpty();
                problems.forEach(problem -> details.add(file.fileName() + ": " + problem));
            } finally {
                Arrays.fill(rawKey, (byte) 0);
            }
        }
        return new IntegrityReport(ok[VaultFile.VAULT.ordinal()], ok[VaultFile.BLOBS.ordinal()], details);
    }

    @Override
    public Map<String, FileStats> stats() {
        Map<String, FileStats> stats = new LinkedHashMap<>();
        for (VaultFile file : VaultFile.values()) {
            try (Connection connection = CurrentVault.connection(file)) {
                stats.put(file.fileName(), statsOf(connection));
            } catch (SQLException e) {
                throw unavailable();
            }
        }
        return stats;
    }

    @Override
    public long vacuum() {
        long reclaimed = 0;
        for (VaultFile file : VaultFile.values()) {
            // VACUUM rewrites the whole file: it waits for its turn among the file's writers like any write.
            try (Connection connection = CurrentVault.writeConnection(file); Statement statement = connection.createStatement()) {
                long before = onDiskSize(connection);
                if (file == VaultFile.VAULT) {
                    // Applies what writes queued for the full-text index (V12__search_backlog.sql), then merges its
                    // segments into one (V9__search.sql), before the file is rewritten.
                    SearchBacklog.applyAll(connection);
                    statement.execute("INSERT INTO search_text (search_text) VALUES ('optimize')");
                }
                statement.execute("VACUUM");
                // Fold the rewritten pages back so the main file shows the new size.
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                reclaimed += Math.max(0, before - onDiskSize(connection));
            } catch (SQLException e) {
                throw unavailable();
            }
        }
        return reclaimed;
    }

    private FileStats statsOf(Connection connection) throws SQLException {
        Path main = databasePath(connection);
        Map<String, Long> rowCounts = new LinkedHashMap<>();
        for (String table : tables(connection)) {
            // Table names come from sqlite_master, never from a request; quoting keeps odd names harmless.
            rowCounts.put(table, single(connection, "SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\""));
        }
        if (rowCounts.containsKey(MESSAGES)) {
            rowCounts.putAll(messagesPerRole(connection));
        }
        return new FileStats(size(main), size(Path.of(main + "-wal")), single(connection, "PRAGMA page_count"),
                single(connection, "PRAGMA freelist_count"), rowCounts);
    }

    /**
     * {@code chat_message.user}, {@code chat_message.assistant}, {@code chat_message.system}: every role, 0 when
     * it has no message, so the keys of a vault do not come and go with its content.
     */
    private static Map<String, Long> messagesPerRole(Connection connection) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (MessageRole role : MessageRole.values()) {
            counts.put(MESSAGES + "." + role.wireName(), 0L);
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT role, count(*) FROM " + MESSAGES + " GROUP BY role")) {
            while (rows.next()) {
                counts.put(MESSAGES + "." + rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                     + "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_text%' ORDER BY name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static long onDiskSize(Connection connection) throws SQLException {
        Path main = databasePath(connection);
        return size(main) + size(Path.of(main + "-wal"));
    }

    private static Path databasePath(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA database_list")) {
            while (rows.next()) {
                if ("main".equals(rows.getString("name"))) {
                    return Path.of(rows.getString("file"));
                }
            }
        }
        throw new SQLException("no main database");
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UnavailableException unavailable() {
        return new UnavailableException("vault.unavailable", "the vault cannot be read right now");
    }
}
