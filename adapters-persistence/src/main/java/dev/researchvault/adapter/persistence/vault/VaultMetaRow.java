package dev.researchvault.adapter.persistence.vault;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.model.naming.NamingStrategies;

/** A row of {@code vault_meta}. */
@MappedEntity(value = "vault_meta", namingStrategy = NamingStrategies.Raw.class)
record VaultMetaRow(@Id String name, String value) {
}
