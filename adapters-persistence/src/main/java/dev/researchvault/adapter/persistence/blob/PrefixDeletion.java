package dev.researchvault.adapter.persistence.blob;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;

/**
 * {@code DELETE ... WHERE (key >= ? AND key < ?) OR ...}: every prefix of a batch in one statement. Batches
 * beyond {@link #PREFIXES_PER_STATEMENT} (deleting a chat of thousands of messages) run as several statements
 * in one transaction, to keep statements small and still delete all or nothing.
 */
final class PrefixDeletion {

    /** Two bound parameters each; far below SQLite's limit of 32766 parameters per statement. */
    static final int PREFIXES_PER_STATEMENT = 500;

    private PrefixDeletion() {
    }

    static int run(Connection connection, List<KeyPrefixes.Range> ranges) throws SQLException {
        if (ranges.size() <= PREFIXES_PER_STATEMENT) {
            return deleteChunk(connection, ranges);
        }
        connection.setAutoCommit(false);
        int deleted = 0;
        for (int from = 0; from < ranges.size(); from += PREFIXES_PER_STATEMENT) {
            deleted += deleteChunk(connection, ranges.subList(from, Math.min(ranges.size(), from + PREFIXES_PER_STATEMENT)));
        }
        // On failure the pooled connection's close() rolls back, so no partial deletion is committed.
        connection.commit();
        connection.setAutoCommit(true);
        return deleted;
    }

    private static int deleteChunk(Connection connection, List<KeyPrefixes.Range> ranges) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql(ranges))) {
            int parameter = 1;
            for (KeyPrefixes.Range range : ranges) {
                delete.setString(parameter++, range.lower());
                if (range.upper().isPresent()) {
                    delete.setString(parameter++, range.upper().get());
                }
            }
            return delete.executeUpdate();
        }
    }

    private static String sql(List<KeyPrefixes.Range> ranges) {
        StringJoiner conditions = new StringJoiner(" OR ", "DELETE FROM blob WHERE ", "");
        for (KeyPrefixes.Range range : ranges) {
            conditions.add(range.upper().isPresent() ? "(key >= ? AND key < ?)" : "(key >= ?)");
        }
        return conditions.toString();
    }
}
