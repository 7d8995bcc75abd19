package dev.researchvault.adapter.persistence.vault;

import dev.researchvault.domain.vault.VaultMetadata;
import jakarta.inject.Singleton;
import java.util.Optional;

/** {@link VaultMetadata} in the bound vault's {@code vault_meta} table. */
@Singleton
final class JdbcVaultMetadata implements VaultMetadata {

    private final VaultMetaRepository rows;

    JdbcVaultMetadata(VaultMetaRepository rows) {
        this.rows = rows;
    }

    @Override
    public Optional<String> get(String name) {
        return rows.findById(name).map(VaultMetaRow::value);
    }

    /** @throws dev.researchvault.domain.UnavailableException {@code storage.full} / {@code storage.read-only} */
    @Override
    public void put(String name, String value) {
        try {
            rows.upsert(name, value);
        } catch (RuntimeException failure) {
            throw StorageFailures.refusedWrite(failure).orElseThrow(() -> failure);
        }
    }
}
