package dev.researchvault.adapter.persistence.blob;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * {@code DELETE ... WHERE (key >= ? AND key < ?) OR ...}: every prefix of a batch in one statement, after retiring
 * the chunks of the chunked files among them (found with the same condition; {@link RetiredChunks} removes them after
 * the commit). Batches beyond {@link #PREFIXES_PER_STATEMENT} (deleting a chat of thousands of messages) run as
 * several statements; the caller runs them all in one transaction, to keep statements small and still delete all or
 * nothing.
 */
final class PrefixDeletion {

    /** Two bound parameters each; far below SQLite's limit of 32766 parameters per statement. */
    static final int PREFIXES_PER_STATEMENT = 500;

    private PrefixDeletion() {
    }

    /** Deletes the files under {@code ranges}; call inside a transaction. Counts files, not their chunks. */
    static int run(Connection connection, RetiredChunks.Retirement retirement, List<KeyPrefixes.Range> ranges)
            throws SQLException {
        int deleted = 0;
        for (int from = 0; from < ranges.size(); from += PREFIXES_PER_STATEMENT) {
            List<KeyPrefixes.Range> batch = ranges.subList(from, Math.min(ranges.size(), from + PREFIXES_PER_STATEMENT));
            // The chunks are retired before the rows go (nothing names them afterwards), removed after the commit.
            for (String content : chunkedContents(connection, batch)) {
                retirement.of(connection, content);
            }
            deleted += deleteFiles(connection, batch);
        }
        return deleted;
    }

    /**
     * The content ids of the chunked files under {@code ranges}. Asked with the ranges at the top of a plain
     * {@code SELECT}: nested in {@code DELETE ... WHERE content IN (SELECT ...)}, 500 ranges exceeded SQLite's limit
     * on expression depth (SQLITE_ERROR).
     */
    private static List<String> chunkedContents(Connection connection, List<KeyPrefixes.Range> ranges) throws SQLException {
        List<String> contents = new ArrayList<>();
        try (PreparedStatement select = bound(connection, Statement.CONTENTS.sql(ranges), ranges);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                if (rows.getString(1) != null) {
                    contents.add(rows.getString(1));
                }
            }
        }
        return contents;
    }

    private static int deleteFiles(Connection connection, List<KeyPrefixes.Range> ranges) throws SQLException {
        try (PreparedStatement delete = bound(connection, Statement.FILES.sql(ranges), ranges)) {
            return delete.executeUpdate();
        }
    }

    private static PreparedStatement bound(Connection connection, String sql, List<KeyPrefixes.Range> ranges) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            int parameter = 1;
            for (KeyPrefixes.Range range : ranges) {
                statement.setString(parameter++, range.lower());
                if (range.upper().isPresent()) {
                    statement.setString(parameter++, range.upper().get());
                }
            }
            return statement;
        } catch (SQLException failure) {
            statement.close();
            throw failure;
        }
    }

    /** The two statements, each with the prefixes' key ranges as its condition. */
    private enum Statement {
        CONTENTS("SELECT content FROM blob WHERE "),
        FILES("DELETE FROM blob WHERE ");

        private final String head;

        Statement(String head) {
            this.head = head;
        }

        String sql(List<KeyPrefixes.Range> ranges) {
            StringJoiner conditions = new StringJoiner(" OR ", head, "");
            for (KeyPrefixes.Range range : ranges) {
                conditions.add(range.upper().isPresent() ? "(key >= ? AND key < ?)" : "(key >= ?)");
            }
            return conditions.toString();
        }
    }
}
