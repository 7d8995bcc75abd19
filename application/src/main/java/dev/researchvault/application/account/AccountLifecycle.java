package dev.researchvault.application.account;

import dev.researchvault.domain.UnauthenticatedException;
import dev.researchvault.domain.UnavailableException;
import dev.researchvault.domain.account.UserId;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one owner of each account's lifecycle: every operation that changes an account's key, files or
 * sessions (login, password change, backup, restore, deletion, crash recovery) runs under the account's
 * lock, one at a time, and the account's <em>key generation</em> says which key is current.
 *
 * <p>Each of those operations reads state (the KDF row, the session's key, the backup list), does slow work
 * (KDF, copies) and then writes; two of them interleaved acted on stale reads and lost whole vaults
 * (LIFECYCLE.md, "Check, then act"). So the slow KDF runs outside the lock, and under it the operation
 * re-checks what it read: a login proves its key against the files as they are now, a session-bound
 * operation checks that its session's generation is still the current one.
 *
 * <p>Generations live in memory only: every session dies with the process, and a restarted server starts
 * every account at generation 0 with no session. A request's own vault use is not serialised here (the
 * vault engine's per-user read-write lock keeps requests off files being replaced); only lifecycle
 * operations are.
 */
public final class AccountLifecycle {

    private final ConcurrentMap<UserId, Account> accounts = new ConcurrentHashMap<>();
    private final Duration lockTimeout;

    /** @param lockTimeout how long an operation waits for another one of the same account before 503 */
    public AccountLifecycle(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    /**
     * Runs {@code work} while no other lifecycle operation of the account runs. Re-entrant.
     *
     * @throws UnavailableException {@code vault.busy} when another operation held the account too long
     */
    public <T> T exclusively(UserId user, Supplier<T> work) {
        ReentrantLock lock = account(user).lock;
        try {
            if (!lock.tryLock(lockTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** {@link #exclusively(UserId, Supplier)} for work without a result. */
    public void exclusively(UserId user, Runnable work) {
        exclusively(user, () -> {
            work.run();
            return null;
        });
    }

    /** The account's current key generation: sessions opened now carry it. */
    public long generation(UserId user) {
        return account(user).generation;
    }

    /**
     * Refuses a session whose key is no longer the account's: its generation is older than the current one
     * (a password change or deletion came after its login). Call it under {@link #exclusively}.
     *
     * @throws UnauthenticatedException {@code session.invalid}
     */
    public void requireCurrent(Session session) {
        Account account = account(session.userId());
        requireHeld(account);
        if (account.deleted || session.generation() != account.generation) {
            throw staleSession();
        }
    }

    /**
     * Whether {@code session}'s key is still the account's, read without the lock: good enough to tell a stale
     * session (401) from a wrong password (403) when a re-proof fails, never to guard a change.
     */
    public boolean isCurrent(Session session) {
        Account account = account(session.userId());
        return !account.deleted && session.generation() == account.generation;
    }

    /** Whether the account was deleted in this process's lifetime. */
    public boolean isDeleted(UserId user) {
        return account(user).deleted;
    }

    /** The key changed (a password change committed): every older session and key is stale. Under the lock. */
    public void keyChanged(UserId user) {
        Account account = account(user);
        requireHeld(account);
        account.generation++;
    }

    /** The account is gone: no session of it, however fresh, is current any more. Under the lock. */
    public void deleted(UserId user) {
        Account account = account(user);
        requireHeld(account);
        account.generation++;
        account.deleted = true;
    }

    /** The 401 of a session whose key or account changed under it: log in again. */
    public static UnauthenticatedException staleSession() {
        return new UnauthenticatedException("session.invalid", "the session is no longer valid; log in again");
    }

    private Account account(UserId user) {
        return accounts.computeIfAbsent(user, id -> new Account());
    }

    private static void requireHeld(Account account) {
        if (!account.lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("a lifecycle change outside the account's lock");
        }
    }

    private static UnavailableException busy() {
        return new UnavailableException("vault.busy", "another operation on this account is running; try again shortly");
    }

    /** One account's lock and key generation (written only under the lock, read anywhere). */
    private static final class Account {
        final ReentrantLock lock = new ReentrantLock(true);
        volatile long generation;
        volatile boolean deleted;
    }
}
