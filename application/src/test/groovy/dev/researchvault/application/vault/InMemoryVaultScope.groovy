package dev.researchvault.application.vault

import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.vault.MasterKey
import dev.researchvault.domain.vault.NoVaultBoundException

import java.util.function.Supplier

/**
 * A {@link VaultScope} for the in-memory fakes: there are no files to open, so binding records whose vault the
 * work runs in, on this thread, for as long as the work runs. The fakes of vault-bound ports ask {@link #owner}
 * for it, and so fail outside a scope exactly as the SQLite adapters do.
 */
class InMemoryVaultScope implements VaultScope {

    /** A user for specs that need one vault and do not care whose. */
    static final UserId SOMEONE = UserId.random()

    private static final ThreadLocal<UserId> BOUND = new ThreadLocal<>()

    /** {@link VaultWork} over this scope and transactions that just run the work: what service specs use. */
    static VaultWork work() {
        new VaultWork(new InMemoryVaultScope(), new InMemoryTransactions())
    }

    /** Runs {@code work} with {@code user}'s vault bound (nested binds restore the outer one). */
    static <T> T bind(UserId user, Closure<T> work) {
        UserId outer = BOUND.get()
        BOUND.set(user)
        try {
            work.call()
        } finally {
            BOUND.set(outer)
        }
    }

    /**
     * Binds {@code user}'s vault to this thread until {@link #leave}: for specs of code that only ever runs inside
     * a vault a caller bound (a migration, a reconciliation), from their {@code setup} to their {@code cleanup}.
     */
    static void enter(UserId user) {
        BOUND.set(user)
    }

    static void leave() {
        BOUND.remove()
    }

    /** Whose vault is bound. @throws NoVaultBoundException when none is, as the real engine does */
    static UserId owner() {
        UserId user = BOUND.get()
        if (user == null) {
            throw new NoVaultBoundException()
        }
        user
    }

    @Override
    <T> T call(UserId user, MasterKey key, Supplier<T> work) {
        bind(user) { work.get() }
    }
}
