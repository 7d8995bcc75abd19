package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.NoVaultBoundException;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The vault bound to the work in progress, carried in Micronaut's {@link PropagatedContext} (docs/traps.md
 * S12) so it follows the request onto executor threads and is gone when the scope closes.
 *
 * @param withoutWaiting bound by {@link OpenVaults#attempt} on a thread that must not wait: connections are then
 *                       only idle ones, with SQLite's busy handler off, and a write abandons the attempt
 */
public record CurrentVault(OpenVault vault, boolean withoutWaiting) implements PropagatedContextElement {

    /** The bound vault, if any. */
    static Optional<OpenVault> find() {
        return element().map(CurrentVault::vault);
    }

    /**
     * Whether the bound vault was bound for an attempt that must not wait ({@link OpenVaults#attempt}): an adapter
     * whose step might wait (a cache load another thread may be running) then throws {@link #waitDeclined} instead.
     */
    public static boolean boundWithoutWaiting() {
        return element().map(CurrentVault::withoutWaiting).orElse(false);
    }

    /** What abandons an attempt without waiting at {@code step}: the read then runs again on the blocking path. */
    public static RuntimeException waitDeclined(String step) {
        return new WouldWait(step);
    }

    private static Optional<CurrentVault> element() {
        return PropagatedContext.find().flatMap(context -> context.find(CurrentVault.class));
    }

    /**
     * Whether this thread is inside a write transaction of the bound vault's vault.db: it holds the file's writer
     * turn, which {@code VaultTransactions} takes before it begins one.
     */
    public static boolean writing() {
        return find().flatMap(OpenVault::writers).map(ReentrantLock::isHeldByCurrentThread).orElse(false);
    }

    /** A connection to {@code file} of the bound vault (only an idle one, at once, in an attempt without waiting). */
    public static Connection connection(VaultFile file) throws SQLException {
        CurrentVault current = element().orElseThrow(NoVaultBoundException::new);
        return current.withoutWaiting ? current.vault.idleConnection(file) : current.vault.connection(file);
    }

    /**
     * The answer of {@code read}, a point read of the bound vault's vault.db named by {@code key}: given again
     * while nothing has used the file since it was read ({@link PointReads}), else read now.
     *
     * @param read runs only SELECT statements and returns an immutable answer
     */
    public static <T> Optional<T> pointRead(PointReads.Key key, Supplier<Optional<T>> read) {
        return bound().pointReads().map(reads -> reads.read(key, read)).orElseGet(read);
    }

    /**
     * A connection to {@code file} of the bound vault for a write, taken after waiting for the file's writer
     * turn (fair, at most the busy timeout, then SQLITE_BUSY); the turn ends when the connection is closed.
     * Writes of one file so queue in arrival order instead of racing in SQLite's busy handler.
     */
    public static Connection writeConnection(VaultFile file) throws SQLException {
        if (boundWithoutWaiting()) {
            throw new WouldWait("a write");
        }
        return bound().writeConnection(file);
    }

    /**
     * The bound vault, kept open (one more lease) until the answer is closed, for reads that go on after the
     * vault scope ends: a download that reads a large file a chunk at a time. Each {@link Retained#connection}
     * borrows a pooled connection for one read; hold none between reads.
     */
    public static Retained retain() throws SQLException {
        OpenVault vault = bound();
        vault.retain();
        return new Retained(vault);
    }

    /** A vault kept open by {@link #retain}; closing releases it (once, however often it is closed). */
    public static final class Retained implements AutoCloseable {

        private final OpenVault vault;
        private boolean released;

        private Retained(OpenVault vault) {
            this.vault = vault;
        }

        /** A connection to {@code file} of the retained vault. */
        public Connection connection(VaultFile file) throws SQLException {
            return vault.connection(file);
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                vault.release();
            }
        }
    }

    /** Whose vault is bound: what per-user caches in front of a vault-bound port key their entries by. */
    public static UserId owner() {
        return bound().user();
    }

    // Unchecked and not an SQLException on purpose: a port called outside VaultWork is a programming error
    // that must surface as itself, not be translated into a storage failure (503) on its way out.
    private static OpenVault bound() {
        return find().orElseThrow(NoVaultBoundException::new);
    }
}
