package dev.researchvault.adapter.persistence.vault.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pooled SQLite connection that keeps its most recently used prepared statements, by SQL text, across
 * borrowers. Compiling a statement costs SQLite about as much as running a small read (measured in
 * docs/benchmarks.md: 10 of 18 µs for a research read by id), and the adapters ask for the same few dozen SQL
 * texts again and again. Kept statements stay valid across schema changes (SQLite re-prepares them itself).
 *
 * <p>A statement goes back to the cache when its borrower closes it, or when the pooled connection is given
 * back (see {@link PooledConnection}). Going back resets it: its result set is closed, which resets the SQLite
 * statement so no read transaction stays open and the WAL can still be checkpointed, and its parameters are
 * cleared, so no bound blob stays referenced. A statement whose reset fails is finalized instead.
 *
 * <p>A statement is kept from the second time its SQL is asked for: one-off statements (login, migrations,
 * backups) would otherwise fill the cache of every open vault, and a kept statement costs native memory
 * (measured with {@code benchmarks/memory.sh}: about 240 KiB per open vault when every statement of a login
 * was kept). The SQL texts seen once are remembered in a small bounded set.
 *
 * <p>Only {@link #prepareStatement(String)} is cached: the other variants (generated keys, cursor types)
 * carry state that a reset does not clear. A connection is used by one borrower at a time (the pool's
 * contract), so the cache needs no locking. If the same SQL is asked for while its statement is lent out
 * (nested use), the second one is an ordinary statement.
 */
final class StatementCachingConnection extends DelegatingConnection {

    /** A compiled statement this connection keeps, and whether a borrower holds it now. */
    static final class Kept {
        private final String sql;
        private final PreparedStatement statement;
        private boolean lent;
        private boolean evicted;

        private Kept(String sql, PreparedStatement statement) {
            this.sql = sql;
            this.statement = statement;
        }

        PreparedStatement statement() {
            return statement;
        }
    }

    /** How many SQL texts asked for once are remembered, per kept statement. */
    private static final int SEEN_PER_KEPT = 4;

    private final int capacity;
    /** Access-ordered: the eldest entry is the least recently used statement. */
    private final Map<String, Kept> kept;
    /** SQL asked for once and not kept yet; access-ordered, bounded, eldest forgotten first. */
    private final Map<String, Boolean> seenOnce;

    StatementCachingConnection(Connection delegate, int capacity) {
        super(delegate);
        this.capacity = capacity;
        this.kept = new LinkedHashMap<>(capacity * 2, 0.75f, true);
        int seenCapacity = capacity * SEEN_PER_KEPT;
        this.seenOnce = new LinkedHashMap<>(seenCapacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > seenCapacity;
            }
        };
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        Kept statement = kept.get(sql);
        if (statement == null && seenOnce.remove(sql) == null) {
            seenOnce.put(sql, Boolean.TRUE);
            return delegate.prepareStatement(sql);
        }
        if (statement != null && statement.lent) {
            return delegate.prepareStatement(sql);
        }
        if (statement == null) {
            statement = new Kept(sql, delegate.prepareStatement(sql));
            kept.put(sql, statement);
            evictBeyondCapacity();
        }
        statement.lent = true;
        return new CachedPreparedStatement(statement, this);
    }

    private void evictBeyondCapacity() {
        if (kept.size() > capacity) {
            Kept eldest = kept.values().iterator().next();
            kept.remove(eldest.sql);
            eldest.evicted = true;
            if (!eldest.lent) {
                finalizeQuietly(eldest);
            }
        }
    }

    /** Called by a borrower's handle on close: reset the statement for the next borrower, or finalize it. */
    void giveBack(Kept statement, ResultSet results) {
        statement.lent = false;
        if (statement.evicted || !reset(statement, results)) {
            kept.remove(statement.sql, statement);
            finalizeQuietly(statement);
        }
    }

    private static boolean reset(Kept statement, ResultSet results) {
        try {
            if (results != null) {
                results.close();
            }
            statement.statement.clearParameters();
            return !statement.statement.isClosed();
        } catch (SQLException broken) {
            return false;
        }
    }

    int cachedStatements() {
        return kept.size();
    }

    @Override
    public void close() throws SQLException {
        List<Kept> all = new ArrayList<>(kept.values());
        kept.clear();
        all.forEach(StatementCachingConnection::finalizeQuietly);
        delegate.close();
    }

    private static void finalizeQuietly(Kept statement) {
        try {
            statement.statement.close();
        } catch (SQLException ignored) {
            // Finalizing a statement nobody can use any more; there is nothing else to release.
        }
    }
}
