package dev.researchvault.adapter.persistence.vault;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Micronaut Data over the routing data source: reads and writes the bound user's {@code vault.db}. */
@JdbcRepository(dialect = Dialect.ANSI)
interface VaultMetaRepository extends CrudRepository<VaultMetaRow, String> {

    /** Insert or replace in one statement: concurrent logins of one user write the same name at once. */
    @Query("INSERT INTO vault_meta (name, value) VALUES (:name, :value) "
            + "ON CONFLICT (name) DO UPDATE SET value = excluded.value")
    void upsert(String name, String value);
}
