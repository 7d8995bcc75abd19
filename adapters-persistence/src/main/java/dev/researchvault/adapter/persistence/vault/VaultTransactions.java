package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.application.vault.Transactions;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.util.function.Supplier;

/** {@link Transactions} on Micronaut's transaction manager over the routing data source. */
public final class VaultTransactions implements Transactions {

    private final TransactionOperations<Connection> operations;

    private VaultTransactions(TransactionOperations<Connection> operations) {
        this.operations = operations;
    }

    public static Transactions over(TransactionOperations<Connection> operations) {
        return new VaultTransactions(operations);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return operations.executeWrite(status -> work.get());
    }
}
