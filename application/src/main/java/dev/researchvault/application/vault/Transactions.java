package dev.researchvault.application.vault;

import java.util.function.Supplier;

/** Runs work atomically against the vault bound by {@link VaultScope}. */
public interface Transactions {

    /**
     * Runs {@code work} in one write transaction: all of its writes commit together, or none when it
     * throws. Joins an enclosing transaction. Keep the work short: SQLite has one writer per file.
     */
    <T> T inTransaction(Supplier<T> work);
}
