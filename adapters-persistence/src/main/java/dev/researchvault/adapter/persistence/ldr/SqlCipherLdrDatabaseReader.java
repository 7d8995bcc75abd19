package dev.researchvault.adapter.persistence.ldr;

import dev.researchvault.adapter.persistence.sql.JsonColumns;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.ldr.LdrDatabase;
import dev.researchvault.domain.ldr.LdrDatabaseReader;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.mc.SQLiteMCConfig;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * Opens an uploaded LDR database with LDR's cipher settings (docs/ldr-import.md): SQLCipher 4 (AES-256-CBC,
 * HMAC-SHA512, PBKDF2-HMAC-SHA512 with 256,000 iterations) with 16 KiB pages, keyed by {@link LdrKey}. Read-only,
 * with {@code trusted_schema} off: the file is the user's, so its schema may hold anything.
 */
@Singleton
public final class SqlCipherLdrDatabaseReader implements LdrDatabaseReader {

    /** LDR's {@code DEFAULT_PAGE_SIZE}. */
    static final int PAGE_SIZE = 16_384;
    static final String WRONG_PASSWORD = "ldr.wrong-password";
    static final String NOT_A_DATABASE = "ldr.not-a-database";
    static final String INVALID_SALT = "ldr.invalid-salt";
    private static final byte[] PLAIN_SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final JsonColumns json;

    SqlCipherLdrDatabaseReader(JsonColumns json) {
        this.json = json;
    }

    @Override
    public LdrDatabase open(byte[] database, byte[] salt, char[] password) {
        requireEncryptedPages(database);
        if (salt != null && salt.length != LdrKey.SALT_LENGTH) {
            throw new RuleViolationException(INVALID_SALT, "a .salt file of Local Deep Research holds 32 bytes");
        }
        String passphrase = LdrKey.passphrase(password, salt == null ? LdrKey.LEGACY_SALT : salt);
        LdrTempCopy copy = LdrTempCopy.of(database);
        try {
            return new JdbcLdrDatabase(connect(copy, passphrase), copy, json);
        } catch (RuntimeException failure) {
            copy.delete();
            throw failure;
        }
    }

    /** An encrypted LDR file is whole 16 KiB pages of noise; plain SQLite starts with its magic text. */
    private static void requireEncryptedPages(byte[] database) {
        if (database.length == 0 || database.length % PAGE_SIZE != 0
                || Arrays.equals(database, 0, PLAIN_SQLITE.length, PLAIN_SQLITE, 0, PLAIN_SQLITE.length)) {
            throw notADatabase();
        }
    }

    private static Connection connect(LdrTempCopy copy, String passphrase) {
        SQLiteMCConfig config = SQLiteMCSqlCipherConfig.getV4Defaults()
                .setLegacyPageSize(PAGE_SIZE)
                .withKey(passphrase)
                .build();
        config.setReadOnly(true);
        Connection connection = null;
        try {
            connection = config.createConnection("jdbc:sqlite:" + copy.file());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA trusted_schema = OFF");
                // Reads page 1, whose HMAC fails for a wrong key: the password is proven here or never.
                statement.executeQuery("SELECT count(*) FROM sqlite_master").close();
            }
            return connection;
        } catch (SQLException failure) {
            close(connection);
            throw failure.getErrorCode() == SQLiteErrorCode.SQLITE_NOTADB.code
                    ? new RuleViolationException(WRONG_PASSWORD,
                    "the password (with the salt file, or its absence) does not open this Local Deep Research database")
                    : notADatabase();
        }
    }

    static RuleViolationException notADatabase() {
        return new RuleViolationException(NOT_A_DATABASE, "the database part is not a Local Deep Research database "
                + "of a supported format (SQLCipher 4, 16 KiB pages), or it is damaged");
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Opening already failed; that failure is the one to report.
        }
    }
}
