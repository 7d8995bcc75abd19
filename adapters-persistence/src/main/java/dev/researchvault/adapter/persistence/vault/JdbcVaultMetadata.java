package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.application.vault.Transactions;
import dev.researchvault.domain.vault.VaultMetadata;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * {@link VaultMetadata} in the bound vault's {@code vault_meta} table. A write (every login's
 * {@code last_unlocked_at}) runs in a transaction ({@link Transactions}), so it waits for the vault's writer
 * turn like every other write.
 */
@Singleton
final class JdbcVaultMetadata implements VaultMetadata {

    private final VaultMetaRepository rows;
    private final Transactions transactions;

    JdbcVaultMetadata(VaultMetaRepository rows, Transactions transactions) {
        this.rows = rows;
        this.transactions = transactions;
    }

    @Override
    public Optional<String> get(String name) {
        return rows.findById(name).map(VaultMetaRow::value);
    }

    /** @throws dev.researchvault.domain.UnavailableException {@code storage.full} / {@code storage.read-only} */
    @Override
    public void put(String name, String value) {
        try {
            transactions.inTransaction(() -> {
                rows.upsert(name, value);
                return null;
            });
        } catch (RuntimeException failure) {
            throw StorageFailures.refusedWrite(failure).orElseThrow(() -> failure);
        }
    }
}
