package dev.researchvault.application.vault;

import java.util.function.Supplier;

/**
 * The one way a use case reaches the {@link dev.researchvault.domain.vault.VaultBound} ports: it binds the
 * owner's vault around the work ({@link VaultScope}) and, for writes, runs the work in one transaction
 * ({@link Transactions}). A port called outside of it throws
 * {@link dev.researchvault.domain.vault.NoVaultBoundException}, in the SQLite adapter and in the fakes alike.
 */
public final class VaultWork {

    private final VaultScope scope;
    private final Transactions transactions;

    public VaultWork(VaultScope scope, Transactions transactions) {
        this.scope = scope;
        this.transactions = transactions;
    }

    /**
     * Runs {@code work} with the owner's vault bound, outside any transaction: for reads, and for work that
     * opens its own transactions ({@link #inTransaction(Supplier)}) around some of its steps only.
     */
    public <T> T inVault(VaultOwner owner, Supplier<T> work) {
        return scope.call(owner.userId(), owner.key(), work);
    }

    /** Runs {@code work} with the owner's vault bound, in one write transaction: all of it commits, or none. */
    public <T> T inTransaction(VaultOwner owner, Supplier<T> work) {
        return inVault(owner, () -> transactions.inTransaction(work));
    }

    /**
     * Runs {@code work} in one write transaction of the vault already bound by an enclosing
     * {@link #inVault}: for a use case whose steps must not all share one transaction (a file stored before
     * the row that names it, say).
     */
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.inTransaction(work);
    }
}
