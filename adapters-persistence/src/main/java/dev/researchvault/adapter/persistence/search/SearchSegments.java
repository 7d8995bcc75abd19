package dev.researchvault.adapter.persistence.search;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the search index's segments while the vault is idle. FTS5 writes every transaction's index rows as a new
 * segment and would merge segments inside later writes; V11__search_merge_off_writes.sql turned that off
 * ({@code automerge 0}) to take the merge pages off the writes (docs/search.md, "Write cost"), so the merging is
 * done here, on a vault.db connection that has been idle long enough to be closed ({@code OpenVault}). Each step
 * is its own short transaction under the file's writer turn, taken only if free and nobody waits for it: a writer
 * that arrives waits for one step at most, and then the merging stops until the next idle time. Unmerged segments only make queries read
 * a little more; FTS5's {@code crisismerge} still merges a level that reaches 16 segments within a write.
 */
public final class SearchSegments {

    private static final Logger LOG = LoggerFactory.getLogger(SearchSegments.class);

    /** Leaf pages one step writes at most: about 1 MiB, some tens of milliseconds. */
    static final int PAGES_PER_STEP = 256;
    /** Steps at most per idle time, so that a vault's idle close stays short; the next idle time goes on. */
    static final int MAX_STEPS = 16;

    /**
     * FTS5's merge (not optimize): a level is merged once it holds {@code usermerge} (4) segments, as automerge
     * did in the writes.
     */
    private static final String MERGE = "INSERT INTO search_text (search_text, rank) VALUES ('merge', " + PAGES_PER_STEP + ")";

    private SearchSegments() {
    }

    /**
     * Merges until nothing is left to merge, {@link #MAX_STEPS} steps were done, or a writer holds the turn.
     * Never throws: idle work that fails (a vault closing under it) is retried at the next idle time.
     *
     * @param connection a vault.db connection nobody else uses, in auto-commit
     * @return the merge steps that did work
     */
    public static int mergeWhileIdle(Connection connection, ReentrantLock writerTurn) {
        int steps = 0;
        try (Statement statement = connection.createStatement()) {
            // tryLock takes a free turn even ahead of waiting writers, so a waiting writer ends the merging first.
            while (steps < MAX_STEPS && !writerTurn.hasQueuedThreads() && writerTurn.tryLock()) {
                boolean merged;
                try {
                    merged = mergeStep(statement);
                } finally {
                    writerTurn.unlock();
                }
                if (!merged) {
                    break;
                }
                steps++;
            }
        } catch (SQLException | RuntimeException e) {
            // Idle work must never keep the connection from being closed: the next idle time tries again.
            LOG.debug("event=search.idle-merge-failed steps={}", steps, e);
        }
        return steps;
    }

    /** One merge step; true if it merged something (FTS5 documents a change count of 2 or more for that). */
    private static boolean mergeStep(Statement statement) throws SQLException {
        long before = totalChanges(statement);
        statement.execute(MERGE);
        return totalChanges(statement) - before >= 2;
    }

    private static long totalChanges(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT total_changes()")) {
            result.next();
            return result.getLong(1);
        }
    }
}
