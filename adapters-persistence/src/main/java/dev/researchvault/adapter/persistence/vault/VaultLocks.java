package dev.researchvault.adapter.persistence.vault;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.researchvault.domain.UnavailableException;
import dev.researchvault.domain.account.UserId;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A read-write lock per user. Requests hold the read side while they use the vault; re-keying, restoring
 * and deleting hold the write side, so they never run under a request (or the other way round).
 * Locks are weakly held: a user nobody touches costs nothing.
 */
final class VaultLocks {

    private final LoadingCache<UserId, ReentrantReadWriteLock> locks =
            Caffeine.newBuilder().weakValues().build(user -> new ReentrantReadWriteLock(true));
    private final Duration timeout;

    VaultLocks(Duration timeout) {
        this.timeout = timeout;
    }

    /** Holds the read side; close the result to release it. */
    Held shared(UserId user) {
        return hold(locks.get(user).readLock());
    }

    /** Holds the write side; close the result to release it. */
    Held exclusive(UserId user) {
        return hold(locks.get(user).writeLock());
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
