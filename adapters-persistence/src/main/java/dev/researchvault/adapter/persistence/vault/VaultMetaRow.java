package dev.researchvault.adapter.persistence.vault;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code vault_meta}. */
@MappedEntity("vault_meta")
record VaultMetaRow(@Id String name, String value) {
}
