package dev.researchvault.adapter.persistence.vault.files;

import dev.researchvault.adapter.persistence.vault.VaultFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs SQLite's own checks on an encrypted file over a fresh read-only connection (a check never writes). */
public final class IntegrityCheck {

    private static final int MAX_DETAILS = 20;

    private IntegrityCheck() {
    }

    /**
     * Runs {@code PRAGMA <check>} ({@code integrity_check} reads every page, and with it every page HMAC;
     * {@code quick_check} is the cheaper variant). Answers the problems found; empty means ok. A file that
     * does not open with the key answers one problem saying so.
     */
    public static List<String> check(Path file, byte[] rawKey, VaultFile kind, SqlCipher.ConnectionSettings settings,
                                     String check) {
        List<String> problems = new ArrayList<>();
        try (Connection connection = SqlCipher.openReadOnly(file, rawKey, kind, settings);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA " + ("quick_check".equals(check) ? "quick_check" : "integrity_check"))) {
            while (rows.next() && problems.size() < MAX_DETAILS) {
                String line = rows.getString(1);
                if (!"ok".equals(line)) {
                    problems.add(line);
                }
            }
        } catch (SQLException failure) {
            problems.add("the file cannot be read with its key (SQLite error " + failure.getErrorCode() + ")");
        }
        return problems;
    }
}
