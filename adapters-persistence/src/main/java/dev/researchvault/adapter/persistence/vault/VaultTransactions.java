package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.application.vault.Transactions;
import dev.researchvault.domain.UnavailableException;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.TransactionException;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** {@link Transactions} on Micronaut's transaction manager over the routing data source. */
public final class VaultTransactions implements Transactions {

    private final TransactionOperations<Connection> operations;
    private final long writerWaitMillis;

    private VaultTransactions(TransactionOperations<Connection> operations, long writerWaitMillis) {
        this.operations = operations;
        this.writerWaitMillis = writerWaitMillis;
    }

    /** @param writerWait how long a transaction waits for its turn among the vault's writers (the busy timeout) */
    public static Transactions over(TransactionOperations<Connection> operations, Duration writerWait) {
        return new VaultTransactions(operations, writerWait.toMillis());
    }

    /**
     * Takes the vault's writer turn first (before a connection is borrowed), then runs {@code work} in a
     * transaction that begins with {@code BEGIN IMMEDIATE} ({@code vault.jdbc.PooledConnection}), so it holds SQLite's
     * write lock from its first statement and can never fail to upgrade a read to a write.
     *
     * <p>A transaction the storage cannot carry is a storage failure for this user, not an unexpected 500: the
     * framework reports it as a connection or transaction failure around the work (the work's own domain errors
     * pass through unchanged). What the work itself met decides the answer: on {@code SQLITE_FULL} SQLite rolls
     * the transaction back on its own, the manager then fails to end it ("no transaction is active") and reports
     * only that, so the work's failure is kept aside and translated first: a full disk stays the 507
     * {@code storage.full} it is. A busy file is the 503 {@code vault.busy} that asks to try again; anything else
     * the 503 {@code vault.unavailable}. The cause is not logged here: its message can quote SQL.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (CurrentVault.boundWithoutWaiting()) {
            // A write waits for its turn and for SQLite's lock: never on a thread that must not wait. Abandoned
            // before anything begins, so the blocking path runs the whole work once.
            throw new WouldWait("a write transaction");
        }
        ReentrantLock writers = CurrentVault.find().flatMap(OpenVault::writers).orElse(null);
        if (writers != null) {
            awaitTurn(writers);
        }
        RuntimeException[] metByWork = new RuntimeException[1];
        try {
            return operations.executeWrite(status -> {
                try {
                    return work.get();
                } catch (RuntimeException failure) {
                    metByWork[0] = failure;
                    throw failure;
                }
            });
        } catch (ConnectionException | TransactionException storageFailure) {
            throw translated(metByWork[0], storageFailure);
        } finally {
            if (writers != null) {
                writers.unlock();
            }
        }
    }

    private static UnavailableException translated(RuntimeException metByWork, RuntimeException storageFailure) {
        if (SqliteErrors.isBusy(storageFailure)) {
            return StorageFailures.busy();
        }
        return Optional.ofNullable(metByWork).flatMap(StorageFailures::of)
                .or(() -> StorageFailures.of(storageFailure))
                .orElseGet(() -> new UnavailableException("vault.unavailable", "the vault cannot be written right now"));
    }

    /** Waits, in arrival order, until no other transaction of this vault is writing (reentrant when nested). */
    private void awaitTurn(ReentrantLock writers) {
        try {
            if (!writers.tryLock(writerWaitMillis, TimeUnit.MILLISECONDS)) {
                throw StorageFailures.busy();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw StorageFailures.busy();
        }
    }
}
