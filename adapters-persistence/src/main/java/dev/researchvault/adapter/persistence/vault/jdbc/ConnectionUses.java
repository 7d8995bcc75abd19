package dev.researchvault.adapter.persistence.vault.jdbc;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the uses of one pool's connections, begun and ended, so that a read can tell whether the file may have
 * changed between two moments without asking SQLite ({@link dev.researchvault.adapter.persistence.vault.PointReads}).
 * A use is any time a connection is out of the pool for a caller (a borrow until its return, background work on an
 * idle one), reads included: which statements write is not known here, so every use counts as one that may. A use
 * ends only once its connection has no transaction left (committed, or rolled back on return).
 *
 * <p>A <em>stamp</em> is a moment at which no use was in progress: {@link #quiescentStamp} reads the ended count
 * first and the begun count second, and equal counts then mean that every use begun before the second read had
 * ended before the first (the ended ones are a subset of the begun ones; equal sizes make them the same set). The
 * file's content at that moment is then the content at any later moment while {@link #begunSince} stays false.
 */
public final class ConnectionUses {

    /** What {@link #quiescentStamp} answers while a use is in progress. */
    public static final long IN_USE = -1;

    private final AtomicLong begun = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();

    void begin() {
        begun.incrementAndGet();
    }

    void end() {
        ended.incrementAndGet();
    }

    /** The number of uses begun so far if none is in progress now, else {@link #IN_USE}. */
    public long quiescentStamp() {
        long endedSoFar = ended.get();
        long begunSoFar = begun.get();
        return endedSoFar == begunSoFar ? begunSoFar : IN_USE;
    }

    /** Whether any use has begun since the moment {@code stamp} was taken ({@link #quiescentStamp}). */
    public boolean begunSince(long stamp) {
        return begun.get() != stamp;
    }
}
