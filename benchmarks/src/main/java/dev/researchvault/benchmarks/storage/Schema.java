package dev.researchvault.benchmarks.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates the production schema on a raw connection by running the adapters' own Flyway scripts (read
 * from the adapters-persistence jar), so the raw sides query exactly the tables and indexes we ship.
 */
final class Schema {

    static final List<String> VAULT = List.of("db/vault/V1__vault_meta.sql", "db/vault/V2__research.sql",
            "db/vault/V3__chat.sql", "db/vault/V4__settings.sql");
    static final List<String> BLOBS = List.of("db/blobs/V1__blob.sql", "db/blobs/V2__blob_metadata_before_bytes.sql");

    private Schema() {
    }

    static void apply(Connection connection, List<String> scripts) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            for (String script : scripts) {
                for (String sql : statements(script)) {
                    statement.execute(sql);
                }
            }
        }
    }

    /** The script's statements: comments dropped, split on ';' (the scripts have no triggers or literals with ';'). */
    private static List<String> statements(String script) throws IOException {
        try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("migration script not on the classpath: " + script);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
            return java.util.Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }
}
