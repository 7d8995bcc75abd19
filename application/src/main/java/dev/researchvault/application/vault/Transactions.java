package dev.researchvault.application.vault;

import java.util.function.Supplier;

/**
 * Runs work atomically against the vault bound by {@link VaultScope}. Every write to the vault's rows runs
 * in a transaction, even a single statement: a transaction first waits for the vault's writer turn (writers
 * of one vault queue in arrival order) and holds SQLite's write lock from its start, so a write neither races
 * other writers in SQLite's busy handler nor fails to upgrade a read to a write.
 */
public interface Transactions {

    /**
     * Runs {@code work} in one write transaction: all of its writes commit together, or none when it
     * throws. Joins an enclosing transaction. Keep the work short: SQLite has one writer per file.
     *
     * @throws dev.researchvault.domain.UnavailableException {@code vault.busy} when the turn (or SQLite's
     *         lock) did not come within the busy timeout; {@code vault.unavailable} when the storage cannot
     *         carry the transaction
     */
    <T> T inTransaction(Supplier<T> work);
}
