package dev.researchvault.benchmarks.storage;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The adapters' SQL, written by hand over one JDBC connection per file: what a program without our layers
 * (no pool, no routing, no Micronaut Data, no vault scope) would run. Statements are prepared per call, as
 * the adapters do. The SHA-256 of a saved blob is computed here too, because the stored row needs it.
 */
final class RawJdbcSide implements StorageSide {

    private static final String INSERT_RESEARCH = "INSERT INTO research (id, query, mode, status, title, progress,"
            + " created_at, started_at, completed_at, metadata) VALUES (?, ?, 'deep', 'pending', NULL, 0, ?, NULL, NULL, '{}')";
    private static final String FIND_RESEARCH = "SELECT * FROM research WHERE id = ?";
    private static final String NEWEST = "SELECT * FROM research ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?";
    private static final String COUNT = "SELECT COUNT(*) FROM research";
    private static final String APPEND_LOG = "INSERT INTO research_log (research_id, seq, level, message, progress, created_at)"
            + " SELECT ?, COALESCE(MAX(seq), 0) + 1, 'info', 'fetched 12 sources', 40, ? FROM research_log WHERE research_id = ?";
    private static final String LAST_LOG = "SELECT * FROM research_log WHERE id = last_insert_rowid()";
    private static final String SETTINGS = "SELECT * FROM setting_override";
    private static final String UPSERT_BLOB = "INSERT INTO blob (key, mime, size, sha256, created_at, data) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (key) DO UPDATE SET mime = excluded.mime, size = excluded.size, sha256 = excluded.sha256,"
            + " created_at = excluded.created_at, data = excluded.data";
    private static final String SELECT_BLOB = "SELECT mime, size, sha256, data FROM blob WHERE key = ?";

    private final Connection vault;
    private final Connection blobs;
    private final Seed seed;
    private int inserted;

    RawJdbcSide(Connection vault, Connection blobs, Seed seed) throws Exception {
        this.vault = vault;
        this.blobs = blobs;
        this.seed = seed;
        Schema.apply(vault, Schema.VAULT);
        Schema.apply(blobs, Schema.BLOBS);
        fill();
    }

    private void fill() throws Exception {
        vault.setAutoCommit(false);
        for (UUID id : seed.researchIds) {
            insertResearch(id, Seed.query(inserted++));
        }
        try (PreparedStatement put = vault.prepareStatement(
                "INSERT INTO setting_override (setting_key, value, updated_at) VALUES (?, ?, ?)")) {
            for (int i = 0; i < Seed.SETTINGS; i++) {
                put.setString(1, "bench.setting_" + i);
                put.setString(2, Integer.toString(i));
                put.setString(3, Seed.now());
                put.executeUpdate();
            }
        }
        vault.commit();
        vault.setAutoCommit(true);
        upsertBlob(seed.readBlobKey());
    }

    @Override
    public Object insertResearch() throws SQLException {
        return insertResearch(UUID.randomUUID(), Seed.query(inserted++));
    }

    private int insertResearch(UUID id, String query) throws SQLException {
        try (PreparedStatement insert = vault.prepareStatement(INSERT_RESEARCH)) {
            insert.setString(1, id.toString());
            insert.setString(2, query);
            insert.setString(3, Seed.now());
            return insert.executeUpdate();
        }
    }

    @Override
    public Object findResearch() throws SQLException {
        try (PreparedStatement select = vault.prepareStatement(FIND_RESEARCH)) {
            select.setString(1, seed.someResearch().toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? readResearch(row) : null;
            }
        }
    }

    @Override
    public Object pageOf20() throws SQLException {
        int seen = 0;
        try (PreparedStatement select = vault.prepareStatement(NEWEST)) {
            select.setInt(1, 20);
            select.setLong(2, 0);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    seen += readResearch(rows).length();
                }
            }
        }
        try (PreparedStatement count = vault.prepareStatement(COUNT); ResultSet total = count.executeQuery()) {
            total.next();
            return seen + total.getLong(1);
        }
    }

    /** Reads every column, as the adapters' row mapping does. */
    private static String readResearch(ResultSet row) throws SQLException {
        return row.getString("id") + row.getString("query") + row.getString("mode") + row.getString("status")
                + row.getString("title") + row.getInt("progress") + row.getString("created_at")
                + row.getString("started_at") + row.getString("completed_at") + row.getString("metadata");
    }

    @Override
    public Object appendLog() throws SQLException {
        vault.setAutoCommit(false);
        try {
            String research = seed.logResearch.toString();
            try (PreparedStatement append = vault.prepareStatement(APPEND_LOG)) {
                append.setString(1, research);
                append.setString(2, Seed.now());
                append.setString(3, research);
                append.executeUpdate();
            }
            long sequence;
            try (PreparedStatement last = vault.prepareStatement(LAST_LOG); ResultSet row = last.executeQuery()) {
                row.next();
                sequence = row.getLong("seq") + row.getString("message").length() + row.getString("created_at").length();
            }
            vault.commit();
            return sequence;
        } finally {
            vault.setAutoCommit(true);
        }
    }

    @Override
    public Object readSettings() throws SQLException {
        int length = 0;
        try (PreparedStatement select = vault.prepareStatement(SETTINGS); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                length += rows.getString("setting_key").length() + rows.getString("value").length();
            }
        }
        return length;
    }

    @Override
    public Object saveBlob() throws Exception {
        return upsertBlob(seed.saveBlobKey());
    }

    private int upsertBlob(String key) throws Exception {
        byte[] data = seed.blobBytes;
        try (PreparedStatement upsert = blobs.prepareStatement(UPSERT_BLOB)) {
            upsert.setString(1, key);
            upsert.setString(2, "application/octet-stream");
            upsert.setLong(3, data.length);
            upsert.setString(4, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
            upsert.setString(5, Seed.now());
            upsert.setBytes(6, data);
            return upsert.executeUpdate();
        }
    }

    @Override
    public Object getBlob() throws SQLException {
        try (PreparedStatement select = blobs.prepareStatement(SELECT_BLOB)) {
            select.setString(1, seed.readBlobKey());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBytes("data").length + row.getString("mime").length() + row.getString("sha256").length();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        vault.close();
        blobs.close();
    }
}
