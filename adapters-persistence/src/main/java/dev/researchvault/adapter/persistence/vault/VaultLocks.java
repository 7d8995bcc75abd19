package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.domain.UnavailableException;
import dev.researchvault.domain.account.UserId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A read-write lock per user. Requests hold the read side while they use the vault; re-keying, restoring
 * and deleting hold the write side, so they never run under a request (or the other way round).
 *
 * <p>Locks are held strongly, one per user seen since start (a few dozen bytes each). They were weakly held
 * once: but a held read or write lock references only the lock's inner state, not the lock object the cache
 * held weakly, so a garbage collection during a request let the next caller get a <em>new</em> lock for the
 * same user and re-key the files under a running request. LifecycleSpec (seed 203, step 260) caught it: a
 * vault opened with the old key stayed cached after a password change, and the new password answered 401.
 */
final class VaultLocks {

    private final ConcurrentMap<UserId, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();
    private final Duration timeout;

    VaultLocks(Duration timeout) {
        this.timeout = timeout;
    }

    /** Holds the read side; close the result to release it. */
    Held shared(UserId user) {
        return hold(lockOf(user).readLock());
    }

    /**
     * Holds the read side if it is free now, for a caller that must not wait; empty otherwise. Free means: no
     * re-key, restore or deletion holds the write side <em>or waits for it</em>. Not {@code tryLock()}, which
     * takes a fair lock past waiting writers: readers that never wait would then keep a password change waiting
     * for as long as they keep coming.
     */
    Optional<Held> sharedIfFree(UserId user) {
        Lock lock = lockOf(user).readLock();
        try {
            return lock.tryLock(0, TimeUnit.NANOSECONDS) ? Optional.of(lock::unlock) : Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Holds the write side; close the result to release it. */
    Held exclusive(UserId user) {
        return hold(lockOf(user).writeLock());
    }

    private ReentrantReadWriteLock lockOf(UserId user) {
        return locks.computeIfAbsent(user, id -> new ReentrantReadWriteLock(true));
    }

    private Held hold(Lock lock) {
        try {
            if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new UnavailableException("vault.busy", "the vault is busy with maintenance; try again shortly");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("vault.busy", "interrupted while waiting for the vault");
        }
        return lock::unlock;
    }

    /** A held lock. */
    @FunctionalInterface
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
