package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.adapter.persistence.vault.jdbc.ConnectionPool;
import dev.researchvault.adapter.persistence.vault.jdbc.ConnectionUses;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * What recent point reads of one open vault's {@code vault.db} answered, kept while nothing else has used the file
 * since: a client polling one research (its status, its progress) is answered without a connection, a query or a
 * row to map. A research read by id cost a request about three times Micronaut's own floor, most of it the read
 * itself; answered from here it costs about what a settings read costs (docs/benchmarks.md, "Point reads kept").
 *
 * <p>Correct without knowing which statements write: an answer is kept with the {@link ConnectionUses stamp} of a
 * moment when no connection of the file was in use, read while none began, and given again only while still none
 * has begun since. Any use of the file in between (a write, a transaction, even another read) makes every kept
 * answer stale at once; the next read reads the file again. A read inside a transaction never comes here: its own
 * connection is in use. Writes that bypass the pool (a restore, a password change) close the vault first, and
 * this object goes with it ({@link OpenVault}).
 *
 * <p>Holds decrypted rows in memory while the vault is open, as the settings cache does; at most
 * {@link #MAX_ANSWERS} per vault, dropped when the vault closes.
 */
public final class PointReads {

    /** Answers kept per vault at most: a polling client reads a handful of rows, not hundreds. */
    static final int MAX_ANSWERS = 32;

    /** What names a point read: the kind of row (its table) and its key. */
    public record Key(String kind, Object id) {
    }

    private record Kept(long stamp, Object answer) {
    }

    private final ConnectionUses uses;
    private final ConcurrentHashMap<Key, Kept> kept = new ConcurrentHashMap<>();
    /** Reads answered with a kept answer (an adder: event loops count). */
    private final LongAdder givenAgain = new LongAdder();

    PointReads(ConnectionUses uses) {
        this.uses = uses;
    }

    /**
     * The answer of {@code read}: kept from an earlier read of {@code key} if the file has not been used since,
     * else read now (and kept when the file was not used meanwhile). An empty answer is not kept.
     *
     * @param read runs only SELECT statements on the vault.db of the bound vault, and returns an immutable answer
     */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> read(Key key, Supplier<Optional<T>> read) {
        long stamp = uses.quiescentStamp();
        if (stamp == ConnectionUses.IN_USE) {
            // A connection is in use (possibly this thread's own transaction): neither trust nor keep anything.
            return read.get();
        }
        Kept earlier = kept.get(key);
        if (earlier != null && earlier.stamp() == stamp) {
            givenAgain.increment();
            return Optional.of((T) earlier.answer());
        }
        Optional<T> answer = ConnectionPool.readUncounted(read);
        // Only a stamp still current is ever given again, so an answer read while a use began could never be: not
        // kept. (Correctness rests on the check above alone; the stamp is then the file's state the read saw.)
        if (answer.isPresent() && !uses.begunSince(stamp)) {
            keep(key, new Kept(stamp, answer.get()));
        }
        return answer;
    }

    private void keep(Key key, Kept answer) {
        if (kept.size() >= MAX_ANSWERS && !kept.containsKey(key)) {
            // Stale answers are the usual reason to be full; starting over is simpler than finding them.
            kept.clear();
        }
        kept.put(key, answer);
    }

    /** How many reads were answered with a kept answer since the vault opened (for specs). */
    long givenAgain() {
        return givenAgain.sum();
    }

    /** Drops every kept answer: the vault is closing. */
    void clear() {
        kept.clear();
    }
}
