package dev.researchvault.adapter.persistence.transfer;

import dev.researchvault.domain.transfer.RecordKind;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The table behind a {@link RecordKind} (named like it), with its columns as the vault's schema has them now,
 * read from {@code PRAGMA table_info}: an export always carries every column of the running schema, and a
 * column added by a later migration needs no change here, except {@value #SEARCH_ID}: the id of the row's entry in
 * the vault's own search index (V10__search_write_cost.sql), which means nothing in another vault and is set by the
 * insert trigger on import. Table and column names come from the schema and our own enum only, never from a
 * request, so they may be written into SQL.
 */
record RecordTable(String name, List<String> columns, List<String> keyColumns) {

    private static final String SEARCH_ID = "search_id";

    static RecordTable of(Connection connection, RecordKind kind) throws SQLException {
        String table = kind.wireName();
        List<String> columns = new ArrayList<>();
        TreeMap<Integer, String> keys = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rows.next()) {
                if (!rows.getString("name").equals(SEARCH_ID)) {
                    columns.add(rows.getString("name"));
                }
                if (rows.getInt("pk") > 0) {
                    keys.put(rows.getInt("pk"), rows.getString("name"));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new SQLException("the vault has no table " + table);
        }
        return new RecordTable(table, List.copyOf(columns), List.copyOf(keys.values()));
    }

    /** Every row in primary-key order: one cursor stepped through, never a whole table in memory. */
    String selectAll() {
        return "SELECT " + String.join(", ", columns) + " FROM " + name + " ORDER BY " + String.join(", ", keyColumns);
    }

    String insert() {
        return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
    }

    /** What a record is called in a report: its kind and primary key. */
    String describe(java.util.Map<String, Object> fields) {
        StringBuilder description = new StringBuilder(name);
        for (String key : keyColumns) {
            description.append(' ').append(fields.get(key));
        }
        return description.toString();
    }
}
