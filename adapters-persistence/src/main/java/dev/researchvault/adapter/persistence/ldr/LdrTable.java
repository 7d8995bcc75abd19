package dev.researchvault.adapter.persistence.ldr;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One of LDR's tables as this file has it: older versions lack tables and columns that later ones added, so each
 * query selects the columns that exist and NULL for the others. Every name in the SQL comes from this code (a
 * constant of {@link JdbcLdrDatabase}), never from the file.
 */
record LdrTable(String name, Set<String> columns) {

    /** The table {@code name} as the file has it, or null when the file has no such table (a view does not count). */
    static LdrTable find(Connection connection, String name) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (var statement = connection.prepareStatement(
                "SELECT p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns.isEmpty() ? null : new LdrTable(name, Set.copyOf(columns));
    }

    /**
     * {@code SELECT} of {@code wanted} (in that order) with a NULL for each column this table lacks, ordered by
     * {@code orderBy}: result column numbers and {@code rowid}, which exist whatever the file's columns are.
     */
    String select(List<String> wanted, String orderBy) {
        String list = wanted.stream().map(column -> columns.contains(column) ? quoted(column) : "NULL")
                .collect(Collectors.joining(", "));
        return "SELECT " + list + " FROM " + quoted(name) + " ORDER BY " + orderBy;
    }

    /** Runs {@code sql} and hands each row to {@code each}. */
    static void forEachRow(Connection connection, String sql, RowReader each) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                each.read(rows);
            }
        }
    }

    /** What is done with one row. */
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static String quoted(String identifier) {
        return '"' + identifier + '"';
    }
}
