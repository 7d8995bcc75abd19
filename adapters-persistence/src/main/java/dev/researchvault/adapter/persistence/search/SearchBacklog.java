package dev.researchvault.adapter.persistence.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the search index's queue ({@code search_pending}, V12__search_backlog.sql) to the index: every write
 * queues the entry ids of the items it added, changed or removed, in its own transaction, and this rebuilds their
 * index rows from the items themselves, a batch per transaction. FTS5 writes a new segment per transaction, so
 * indexing a batch costs a fraction per item of indexing each write alone (docs/search.md, "The queue").
 *
 * <p>Three callers: a search first applies what is queued when it begins ({@link #applyQueuedNow}, from
 * {@link SqliteSearchIndex}), so it sees every write committed before it; {@code OpenVault} applies it in the
 * background while the vault is in use and before a connection is closed for idleness ({@link #applyWhileIdle}),
 * giving way to writers and waiting requests; vacuum applies it before it optimises the index.
 */
public final class SearchBacklog {

    private static final Logger LOG = LoggerFactory.getLogger(SearchBacklog.class);

    /** Queued ids per transaction: some tens of milliseconds of indexing, so a waiting writer waits no longer. */
    public static final int BATCH = 256;
    /**
     * Batches at most per call of the background and idle work (about 4,000 items, 130 ms): it holds a connection and
     * a lease on the vault meanwhile, which a password change or restore waits for; the rest waits for the next
     * second, idle time or search.
     */
    static final int MAX_BATCHES = 16;

    private static final String LAST_OF_BATCH = "SELECT max(search_id) FROM (SELECT search_id FROM search_pending"
            + " WHERE search_id <= ?1 ORDER BY search_id LIMIT " + BATCH + ")";
    /** The largest id queued, 0 when none is: the end of the queue's key, one page read. */
    public static final String LAST_QUEUED = "SELECT COALESCE(max(search_id), 0) FROM search_pending";
    private static final String QUEUED = " IN (SELECT search_id FROM search_pending WHERE search_id <= ?1)";
    private static final String REMOVE_ROWS = "DELETE FROM search_text WHERE rowid" + QUEUED;
    /** Each queued entry's item, one SELECT per kind, the text as V10's triggers put it. */
    private static final String ENTRIES = " FROM search_pending p CROSS JOIN search_entry e ON e.id = p.search_id"
            + " CROSS JOIN ";
    private static final String OF_KIND = " WHERE p.search_id <= ?1 AND e.kind = ";
    private static final String INSERT_ROWS = "INSERT INTO search_text (rowid, title, body)"
            // Research: its title (else its query); its query and its report.
            + " SELECT e.id, COALESCE(r.title, r.query), r.query || COALESCE(char(10) || rr.content, '')" + ENTRIES
            + "research r ON r.id = e.item_id LEFT JOIN research_report rr ON rr.research_id = r.id"
            + OF_KIND + "'research'"
            + " UNION ALL SELECT e.id, c.title, ''" + ENTRIES + "chat c ON c.id = e.item_id" + OF_KIND + "'chat'"
            // A message's title is its chat's, read when answering: a rename needs no reindexing.
            + " UNION ALL SELECT e.id, '', m.content" + ENTRIES + "chat_message m ON m.id = e.item_id"
            + OF_KIND + "'message'"
            + " UNION ALL SELECT e.id, a.name, COALESCE(a.description, '')" + ENTRIES + "agent a ON a.id = e.item_id"
            + OF_KIND + "'agent'"
            + " UNION ALL SELECT e.id, x.agent_name, x.input || char(10) || COALESCE(x.output, '')" + ENTRIES
            + "agent_execution x ON x.id = e.item_id" + OF_KIND + "'execution'"
            // A document's chunks are its text cut up: indexing them too would only double the index.
            + " UNION ALL SELECT e.id, d.title, COALESCE(t.text, '')" + ENTRIES + "document d ON d.id = e.item_id"
            + " LEFT JOIN document_text t ON t.document_id = d.id" + OF_KIND + "'document'"
            // A draft by its latest version, or by its title alone before its first.
            + " UNION ALL SELECT e.id, COALESCE(v.title, d.title), COALESCE(v.content, '')" + ENTRIES
            + "draft d ON d.id = e.item_id LEFT JOIN draft_version v ON v.draft_id = d.id"
            + " AND v.version = (SELECT max(version) FROM draft_version WHERE draft_id = d.id)" + OF_KIND + "'draft'";
    private static final String DEQUEUE = "DELETE FROM search_pending WHERE search_id <= ?1";

    private SearchBacklog() {
    }

    /** Whether at least {@code items} ids are queued (counted no further). */
    public static boolean queued(Connection connection, int items) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM (SELECT 1 FROM search_pending LIMIT "
                     + items + ")")) {
            count.next();
            return count.getLong(1) >= items;
        }
    }

    /**
     * Applies one batch of the queue, the oldest ids first, in the connection's transaction.
     *
     * @return how many queued ids it applied: 0 when the queue is empty
     */
    public static int applyBatch(Connection connection) throws SQLException {
        return applyBatch(connection, Long.MAX_VALUE);
    }

    /** {@link #applyBatch(Connection)} of the ids up to {@code upTo} only. */
    private static int applyBatch(Connection connection, long upTo) throws SQLException {
        long last;
        try (PreparedStatement statement = connection.prepareStatement(LAST_OF_BATCH)) {
            statement.setLong(1, upTo);
            try (ResultSet batch = statement.executeQuery()) {
                batch.next();
                last = batch.getLong(1);
                if (batch.wasNull()) {
                    return 0;
                }
            }
        }
        // Every queued row goes first, then comes back from its item if the item is still there: an added item has
        // no row yet (deleting a missing rowid is a no-op), a removed one no entry any more.
        execute(connection, REMOVE_ROWS, last);
        execute(connection, INSERT_ROWS, last);
        return execute(connection, DEQUEUE, last);
    }

    /**
     * Applies the whole queue, a batch per transaction, on a connection that holds the file's writer turn and is in
     * auto-commit (the turn is held across the batches: vacuum, specs and benchmarks).
     *
     * @return how many queued ids it applied
     */
    public static int applyAll(Connection writeConnection) throws SQLException {
        return untilNoneLeft(() -> inTransaction(writeConnection, Long.MAX_VALUE));
    }

    /** A connection that holds the file's writer turn until it is closed. */
    @FunctionalInterface
    public interface WriteConnections {
        Connection take() throws SQLException;
    }

    /**
     * Applies what was queued when the caller looked — every id up to {@code upTo}, the largest then
     * ({@link #LAST_QUEUED}) — a batch per transaction,
     * each on a connection of its own with the writer turn taken for it alone: writers go in between the batches
     * (the turn is fair), so a long queue (a search right after an import) delays each of them by one batch, not by
     * all of it. An id queued meanwhile is applied too when it is in that range, which costs only its rebuild.
     *
     * @return how many queued ids it applied
     */
    public static int applyQueuedNow(long upTo, WriteConnections writeConnections) throws SQLException {
        return untilNoneLeft(() -> {
            try (Connection connection = writeConnections.take()) {
                return inTransaction(connection, upTo);
            }
        });
    }

    /** Applies the whole queue inside the write transaction {@code connection} is in. */
    public static int applyQueued(Connection connection) throws SQLException {
        return untilNoneLeft(() -> applyBatch(connection));
    }

    /** One batch applied somehow: how many ids it applied, 0 when none was left. */
    @FunctionalInterface
    private interface Batch {
        int apply() throws SQLException;
    }

    /** Applies batches until one finds nothing left; answers how many ids they applied in all. */
    private static int untilNoneLeft(Batch batch) throws SQLException {
        int applied = 0;
        int last;
        while ((last = batch.apply()) > 0) {
            applied += last;
        }
        return applied;
    }

    /**
     * Applies the queue a batch at a time, at most {@link #MAX_BATCHES}, while the file's writer turn is free and
     * nobody waits for it or for a connection, as {@link SearchSegments#mergeWhileIdle} merges: a writer or reader
     * that arrives waits for one batch at most. Never throws: what is left (or failed: a vault closing under it) stays
     * queued for the next caller.
     *
     * @param connection  a vault.db connection in auto-commit that nobody else uses meanwhile
     * @param othersWait  whether a request waits for one of the file's connections (the pool's borrowers)
     * @return how many queued ids it applied
     */
    public static int applyWhileIdle(Connection connection, ReentrantLock writerTurn, BooleanSupplier othersWait) {
        int applied = 0;
        int batches = 0;
        try {
            // tryLock takes a free turn even ahead of waiting writers, so a waiting writer ends this first.
            while (batches++ < MAX_BATCHES && !writerTurn.hasQueuedThreads() && !othersWait.getAsBoolean()
                    && writerTurn.tryLock()) {
                int batch;
                try {
                    batch = inTransaction(connection, Long.MAX_VALUE);
                } finally {
                    writerTurn.unlock();
                }
                if (batch == 0) {
                    break;
                }
                applied += batch;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("event=search.backlog-failed applied={}", applied, e);
        }
        return applied;
    }

    /**
     * {@link #applyWhileIdle} when at least a batch is queued: the background upkeep of a vault in use, about once a
     * second. A smaller queue waits for a search or for idle time, which apply it in one transaction: applied a few
     * items at a time, the queue would cost what indexing each write did.
     */
    public static int applyWhileInUse(Connection connection, ReentrantLock writerTurn, BooleanSupplier othersWait) {
        try {
            return queued(connection, BATCH) ? applyWhileIdle(connection, writerTurn, othersWait) : 0;
        } catch (SQLException | RuntimeException e) {
            LOG.debug("event=search.backlog-failed applied=0", e);
            return 0;
        }
    }

    /** One batch of the ids up to {@code upTo}, in a transaction of its own, which takes SQLite's write lock at once. */
    private static int inTransaction(Connection connection, long upTo) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                int applied = applyBatch(connection, upTo);
                statement.execute("COMMIT");
                return applied;
            } catch (SQLException | RuntimeException failure) {
                rollBack(statement, failure);
                throw failure;
            }
        }
    }

    /** SQLite may have rolled back already (a full disk does): then the failure that did it is what counts. */
    private static void rollBack(Statement statement, Exception failure) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException alreadyEnded) {
            failure.addSuppressed(alreadyEnded);
        }
    }

    private static int execute(Connection connection, String sql, long last) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, last);
            return statement.executeUpdate();
        }
    }
}
