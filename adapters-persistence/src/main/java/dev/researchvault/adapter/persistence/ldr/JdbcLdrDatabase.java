package dev.researchvault.adapter.persistence.ldr;

import dev.researchvault.adapter.persistence.sql.JsonColumns;
import dev.researchvault.domain.ldr.LdrApiKey;
import dev.researchvault.domain.ldr.LdrDatabase;
import dev.researchvault.domain.ldr.LdrLogLine;
import dev.researchvault.domain.ldr.LdrResearch;
import dev.researchvault.domain.ldr.LdrResource;
import dev.researchvault.domain.ldr.LdrSetting;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The tables of an opened LDR database (models of {@code database/models/}, docs/ldr-import.md) read row by row.
 * A table the file lacks reads as empty; a failure of the file half-way is {@code ldr.not-a-database}, which the
 * import's transaction turns into no change at all.
 */
record JdbcLdrDatabase(Connection connection, LdrTempCopy copy, JsonColumns json) implements LdrDatabase {

    private static final List<String> RESEARCH = List.of("id", "query", "mode", "status", "created_at", "completed_at",
            "title", "progress", "research_meta", "report_content");
    private static final List<String> RESOURCES = List.of("research_id", "title", "url", "content_preview",
            "source_type", "created_at");
    private static final List<String> LOGS = List.of("research_id", "timestamp", "level", "message");
    private static final List<String> SETTINGS = List.of("key", "value");
    private static final List<String> API_KEYS = List.of("provider", "key", "description", "is_active");

    @Override
    public void research(Consumer<LdrResearch> each) {
        read("research_history", RESEARCH, "5, rowid", row -> each.accept(new LdrResearch(row.getString(1),
                row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                row.getString(7), integer(row, 8), object(row.getString(9)), row.getString(10))));
    }

    @Override
    public void resources(Consumer<LdrResource> each) {
        read("research_resources", RESOURCES, "1, rowid", row -> each.accept(new LdrResource(row.getString(1),
                row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6))));
    }

    @Override
    public void logs(Consumer<LdrLogLine> each) {
        read("app_logs", LOGS, "1, 2, rowid", row -> {
            // Lines without a research are the application's own log, not a research's.
            if (row.getString(1) != null) {
                each.accept(new LdrLogLine(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
            }
        });
    }

    @Override
    public List<LdrSetting> settings() {
        List<LdrSetting> settings = new ArrayList<>();
        read("settings", SETTINGS, "1", row -> {
            if (row.getString(1) != null) {
                settings.add(new LdrSetting(row.getString(1), scalar(row.getString(2))));
            }
        });
        return settings;
    }

    @Override
    public List<LdrApiKey> apiKeys() {
        List<LdrApiKey> keys = new ArrayList<>();
        read("api_keys", API_KEYS, "1", row -> {
            if (row.getString(1) != null && row.getString(2) != null) {
                keys.add(new LdrApiKey(row.getString(1), row.getString(2), row.getString(3),
                        row.getObject(4) == null || row.getInt(4) != 0));
            }
        });
        return keys;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Read-only: closing writes nothing, and the copy is deleted next either way.
        } finally {
            copy.delete();
        }
    }

    /**
     * Every row of {@code tableName}, {@code columns} in that order (NULL for those the table lacks). Rows lacking a
     * value the caller needs are left out by the caller, not by SQL: a WHERE on a column an older or hand-made file
     * lacks would fail the whole import.
     */
    private void read(String tableName, List<String> columns, String orderBy, LdrTable.RowReader each) {
        try {
            LdrTable table = LdrTable.find(connection, tableName);
            if (table != null) {
                LdrTable.forEachRow(connection, table.select(columns, orderBy), each);
            }
        } catch (SQLException damaged) {
            throw SqlCipherLdrDatabaseReader.notADatabase();
        }
    }

    /** An INTEGER column that an older version, or a hand-edited file, may hold as text. */
    private static Integer integer(ResultSet row, int column) throws SQLException {
        Object value = row.getObject(column);
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return value == null ? null : (int) Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException notNumber) {
            return null;
        }
    }

    /** A JSON object column; anything else (absent, not JSON, not an object) reads as empty. */
    private Map<String, Object> object(String text) {
        try {
            return json.readObject(text);
        } catch (RuntimeException notAnObject) {
            return Map.of();
        }
    }

    /**
     * A setting's value from its JSON column: String, Long, Double, Boolean or null. Arrays and objects (which no
     * setting with a counterpart here takes) read as null; text that is not JSON is taken as the text itself.
     */
    private Object scalar(String text) {
        if (text == null) {
            return null;
        }
        JsonNode node;
        try {
            node = json.read(text, Argument.of(JsonNode.class));
        } catch (RuntimeException notJson) {
            return text;
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        if (node.isBoolean()) {
            return node.getBooleanValue();
        }
        if (node.isNumber()) {
            Number number = node.getNumberValue();
            return number instanceof Double || number instanceof Float || number instanceof java.math.BigDecimal
                    ? (Object) number.doubleValue() : (Object) number.longValue();
        }
        return null;
    }
}
