package dev.researchvault.application.vault

import java.util.function.Supplier

/** {@link Transactions} for the in-memory fakes: they have nothing to roll back, so the work just runs. */
class InMemoryTransactions implements Transactions {

    @Override
    <T> T inTransaction(Supplier<T> work) {
        InMemoryVaultScope.owner() // a transaction, too, needs a bound vault
        work.get()
    }
}
