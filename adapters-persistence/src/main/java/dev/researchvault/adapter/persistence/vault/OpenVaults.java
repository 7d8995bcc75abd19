package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.adapter.persistence.vault.files.SqlCipher;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;
import dev.researchvault.application.vault.ReadsWithoutWaiting;
import dev.researchvault.application.vault.VaultScope;
import dev.researchvault.domain.DomainException;
import dev.researchvault.domain.UnauthenticatedException;
import dev.researchvault.domain.UnavailableException;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;
import io.micronaut.core.propagation.PropagatedContext;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded cache of open vaults. The least recently used vaults beyond {@code maxOpenVaults}, and those
 * idle for {@code closeIdleVaultsAfter}, are retired: closed as soon as no request uses them. Before that, the
 * connections of an open vault that nobody used for {@code closeIdleConnectionsAfter} are closed, and the least
 * recently used beyond {@code maxIdleConnections} idle across all vaults ({@link #closeIdleConnections}), because
 * they hold most of a vault's memory.
 */
public final class OpenVaults implements VaultScope, ReadsWithoutWaiting, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenVaults.class);
    /**
     * How long a vault may serve leases taken without waiting before one request takes the blocking path again:
     * those leases bypass the cache, and only a lease through it counts as a use there (idle expiry, eviction
     * order). Once a second per busy vault costs nothing; the idle expiry is minutes.
     */
    private static final long ACCESS_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Cache<UserId, OpenVault> cache;
    private final VaultLocks locks;
    private final OpenVault.Opener opener;
    /** Whether the calling thread is inside {@link #attempt}. */
    private final ThreadLocal<Boolean> attempting = ThreadLocal.withInitial(() -> false);
    /** Attempts that ran without waiting, and those abandoned for the blocking path (adders: event loops count). */
    private final LongAdder attemptsAnswered = new LongAdder();
    private final LongAdder attemptsAbandoned = new LongAdder();
    /**
     * Vaults that left the cache but are not closed yet: a download still reads one. The lifecycle operations that
     * replace or delete the files wait for these too, not only for the cached one (see {@link #retireAndAwaitClosed}).
     */
    private final ClosingVaults closing = new ClosingVaults();
    /** Vaults that left the cache since start: each closes as soon as no request uses it. */
    private final AtomicLong retirements = new AtomicLong();
    /** Connections closed since start because they were idle while their vault stayed open. */
    private final AtomicLong idleConnectionsClosed = new AtomicLong();
    /** {@link #closeRequested} calls since start (a user's last session ended), whether the vault was open or not. */
    private final AtomicLong closeRequests = new AtomicLong();
    /**
     * Users whose files were destroyed since start (account deleted, own orphan removed). A request that resolved
     * its session before the deletion, then queued behind it for the vault's lock, must answer as an ended session
     * (401), not as a vault whose files went missing (503). Ids are random and never reused; one entry per deleted
     * account since start.
     */
    private final Set<UserId> destroyed = ConcurrentHashMap.newKeySet();

    OpenVaults(VaultConfiguration configuration, VaultLocks locks, OpenVault.Opener opener) {
        this.locks = locks;
        this.opener = opener;
        this.cache = Caffeine.newBuilder()
                .maximumSize(configuration.getMaxOpenVaults())
                .expireAfterAccess(configuration.getCloseIdleVaultsAfter())
                .scheduler(Scheduler.systemScheduler())
                // Run on the evicting thread: closing is quick and must not wait on a busy common pool.
                .executor(Runnable::run)
                .removalListener((UserId user, OpenVault vault, com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
                    if (vault != null) {
                        LOG.debug("event=vault.retired user={} cause={}", user, cause);
                        closing.add(user, vault);
                        vault.retire();
                        vault.whenClosed(() -> closing.remove(user, vault));
                        retirements.incrementAndGet();
                    }
                })
                .build();
    }

    @Override
    public <T> T call(UserId user, MasterKey key, Supplier<T> work) {
        if (attempting.get()) {
            return callWithoutWaiting(user, key, work);
        }
        try (VaultLocks.Held shared = locks.shared(user)) {
            OpenVault vault = lease(user, key);
            if (vault == null) {
                // The session's key no longer opens the vault: its password changed under it, or the account's
                // files were deleted while the request waited.
                throw new UnauthenticatedException("session.invalid", "the session is no longer valid; log in again");
            }
            return bound(user, vault, false, work);
        }
    }

    /**
     * Runs {@code read} with every {@link #call} inside it taking only what is free at once; empty when a step
     * would have had to wait (see {@link ReadsWithoutWaiting}). The mode is the calling thread's: the read runs
     * on it, synchronously, and the mode ends with it.
     */
    @Override
    public <T> Optional<T> attempt(Supplier<T> read) {
        if (attempting.get()) {
            return Optional.of(read.get());
        }
        attempting.set(true);
        try {
            T answer = read.get();
            attemptsAnswered.increment();
            return Optional.of(answer);
        } catch (RuntimeException failure) {
            if (WouldWait.in(failure)) {
                attemptsAbandoned.increment();
                return Optional.empty();
            }
            // The read's own answer (a 404, say), given without waiting like any other.
            attemptsAnswered.increment();
            throw failure;
        } finally {
            attempting.remove();
        }
    }

    /**
     * {@link #call} inside an attempt: the same lock and lease as the blocking path, taken only when free now.
     * A vault not open, retired or open with another key (a session gone stale) is left to the blocking path,
     * which opens it or answers as it always has.
     */
    private <T> T callWithoutWaiting(UserId user, MasterKey key, Supplier<T> work) {
        VaultLocks.Held shared = locks.sharedIfFree(user).orElseThrow(() -> new WouldWait("the vault's lock"));
        try (shared) {
            // Quietly: a lookup that counts as a read may run the cache's upkeep on this thread, and upkeep
            // closes retired vaults (a checkpoint: file I/O) where the cache found them.
            OpenVault vault = cache.policy().getIfPresentQuietly(user);
            if (vault == null || !vault.leaseIfOpen(key, ACCESS_REFRESH_NANOS)) {
                throw new WouldWait("the vault open");
            }
            return bound(user, vault, true, work);
        }
    }

    /** Runs {@code work} with the leased {@code vault} bound, translating storage failures; releases the lease. */
    private <T> T bound(UserId user, OpenVault vault, boolean withoutWaiting, Supplier<T> work) {
        try (PropagatedContext.Scope bound = PropagatedContext.getOrEmpty().plus(new CurrentVault(vault, withoutWaiting))
                .propagate()) {
            return work.get();
        } catch (DomainException expected) {
            throw expected;
        } catch (RuntimeException failure) {
            if (withoutWaiting && (WouldWait.in(failure) || SqliteErrors.isBusy(failure))) {
                // SQLite busy (its handler is off here) is a wait declined, not a failure: the blocking path retries.
                throw new WouldWait("SQLite busy");
            }
            throw translated(user, failure);
        } finally {
            vault.release();
        }
    }

    /**
     * The edge where storage failures become domain errors: the repositories raise the driver's exceptions
     * (wrapped by Micronaut Data), and every use of a vault-bound port runs inside {@link #call}. Logged here by
     * code and type only, because the driver's messages quote SQL.
     */
    private static RuntimeException translated(UserId user, RuntimeException failure) {
        Optional<UnavailableException> storage = StorageFailures.of(failure);
        if (storage.isEmpty()) {
            return failure;
        }
        LOG.warn("event=vault.storage-failed user={} code={} error={}", user, storage.get().code(),
                failure.getClass().getSimpleName());
        return storage.get();
    }

    /** Opens the vault with {@code key} (once, however many callers race) and says whether the key fits. */
    boolean unlock(UserId user, MasterKey key) {
        try (VaultLocks.Held shared = locks.shared(user)) {
            OpenVault vault = lease(user, key);
            if (vault == null) {
                return false;
            }
            vault.release();
            return true;
        }
    }

    /** Retires the user's vault (closed once unused). Idempotent. */
    void retire(UserId user) {
        cache.invalidate(user);
    }

    /** {@code Vaults.close}: retires the user's vault, and counts the request ({@link #closeRequests()}). */
    void closeRequested(UserId user) {
        retire(user);
        closeRequests.incrementAndGet();
    }

    /**
     * Retires the user's vault and waits until every open generation of its files is closed: the cached vault, and
     * any retired earlier (idle, logged out, evicted) that a download still keeps open. Callers hold the user's
     * exclusive lock, so no request takes a new lease meanwhile; they are about to replace or delete the files, and
     * a connection still open on the old ones would go on reading them, then fold its write-ahead log, which
     * SQLite keeps under the same name beside whichever file now has it, into the file that replaced them.
     *
     * @throws UnavailableException {@code vault.busy} when one is still in use after {@code timeoutMillis}
     */
    void retireAndAwaitClosed(UserId user, long timeoutMillis) {
        cache.invalidate(user);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            for (OpenVault vault : closing.of(user)) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (!vault.awaitClosed(Math.max(0, left))) {
                    throw new UnavailableException("vault.busy", "the vault is still in use; try again shortly");
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("vault.busy", "interrupted while closing the vault");
        }
    }

    /**
     * Records that the user's files are about to be destroyed: from now on every key is a stale session's key.
     * Callers hold the user's exclusive lock, so no request is between its lease and its answer.
     */
    void destroying(UserId user) {
        destroyed.add(user);
    }

    /** Number of vaults currently cached open (for stats and tests). */
    public long openCount() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /**
     * How many leases the user's cached vault has now (requests, streams, background tasks): 0 when it is not open.
     * For specs that must know a stream holds the vault before they start an operation that waits for it.
     */
    public int leasesOf(UserId user) {
        OpenVault vault = cache.policy().getIfPresentQuietly(user);
        return vault == null ? 0 : vault.leases();
    }

    /** How many vaults have left the cache since start (idle, evicted, re-keyed, deleted): they close once unused. */
    public long retirements() {
        return retirements.get();
    }

    /** How many reads {@link #attempt} ran without waiting since start, their own errors included (stats, tests). */
    public long attemptsAnswered() {
        return attemptsAnswered.sum();
    }

    /** How many reads {@link #attempt} abandoned to the blocking path since start (for stats and tests). */
    public long attemptsAbandoned() {
        return attemptsAbandoned.sum();
    }

    /** How many connections were closed since start because they were idle while their vault stayed open. */
    public long idleConnectionsClosed() {
        return idleConnectionsClosed.get();
    }

    /**
     * How many times a vault was asked to close since start: each time a user's last session ended (logout, expiry;
     * the only caller of {@code Vaults.close}). Counted even when the vault had closed before, idle: what the
     * session's requests allocated natively stays with glibc until a trim (docs/benchmarks.md).
     */
    public long closeRequests() {
        return closeRequests.get();
    }

    /**
     * Closes the connections of open vaults that have been idle for at least {@code idleFor}; the vaults stay open.
     * Walking the cache does not count as using a vault, so it does not delay their own idle close.
     *
     * @return how many connections were closed
     */
    public int closeIdleConnections(Duration idleFor) {
        return closeIdleConnections(idleFor, Integer.MAX_VALUE);
    }

    /**
     * {@link #closeIdleConnections(Duration)}, and while more than {@code maxIdle} connections are idle across all
     * open vaults, the least recently used of them too ({@link IdleConnectionBudget}).
     *
     * @return how many connections were closed
     */
    public int closeIdleConnections(Duration idleFor, int maxIdle) {
        Duration closeAfter = IdleConnectionBudget.idleFor(idleFor, maxIdle, idleSinceOfAll(), System.nanoTime());
        int closedNow = 0;
        for (OpenVault vault : cache.asMap().values()) {
            closedNow += vault.closeIdleConnections(closeAfter);
        }
        idleConnectionsClosed.addAndGet(closedNow);
        return closedNow;
    }

    private long[] idleSinceOfAll() {
        LongStream.Builder since = LongStream.builder();
        for (OpenVault vault : cache.asMap().values()) {
            vault.idleSince(since);
        }
        return since.build().toArray();
    }

    /** Closes every vault once unused: at shutdown. */
    @Override
    public void close() {
        cache.invalidateAll();
        cache.cleanUp();
    }

    /** A leased open vault, or null when {@code key} is not the vault's key. */
    private OpenVault lease(UserId user, MasterKey key) {
        if (destroyed.contains(user)) {
            return null;
        }
        while (true) {
            OpenVault vault = cache.get(user, OpenVault::new);
            OpenVault.Lease lease;
            try {
                lease = vault.lease(key, opener);
            } catch (SQLException failure) {
                if (SqlCipher.isWrongKey(failure)) {
                    return null;
                }
                LOG.warn("event=vault.open-failed user={} errorCode={}", user, failure.getErrorCode());
                throw new UnavailableException("vault.unavailable", "the vault cannot be opened");
            } catch (DomainException expected) {
                throw expected;
            } catch (RuntimeException migrationFailed) {
                // Flyway reports a damaged file as its own exception: to the caller it is an unusable vault.
                LOG.warn("event=vault.open-failed user={} error={}", user, migrationFailed.getClass().getSimpleName());
                throw new UnavailableException("vault.unavailable", "the vault cannot be opened");
            }
            switch (lease) {
                case GRANTED:
                    return vault;
                case WRONG_KEY:
                    return null;
                default:
                    // Retired between lookup and lease: drop that entry and take a fresh one.
                    cache.asMap().remove(user, vault);
            }
        }
    }
}
