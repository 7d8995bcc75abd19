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

    @Override
    public void put(String name, String value) {
        rows.upsert(name, value);
    }
}
