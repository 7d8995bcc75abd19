package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.application.vault.Transactions;
import dev.researchvault.domain.UnavailableException;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.TransactionException;
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

    /**
     * A transaction the storage cannot carry (disk full, file system read-only, file gone) is a 503 for this
     * user, not an unexpected 500: the framework reports it as a connection or transaction failure around
     * the work (the work's own domain errors pass through unchanged). The cause is not logged here: its
     * message can quote SQL.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return operations.executeWrite(status -> work.get());
        } catch (ConnectionException | TransactionException storageFailure) {
            throw new UnavailableException("vault.unavailable", "the vault cannot be written right now");
        }
    }
}
