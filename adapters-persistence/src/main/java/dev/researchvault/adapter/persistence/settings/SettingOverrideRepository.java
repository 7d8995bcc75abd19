package dev.researchvault.adapter.persistence.settings;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** Micronaut Data over the routing data source: the bound user's {@code setting_override} rows. */
@JdbcRepository(dialect = Dialect.ANSI)
interface SettingOverrideRepository extends GenericRepository<SettingOverrideRow, String> {

    List<SettingOverrideRow> findAll();

    /** One statement, so two concurrent writes of the same key cannot collide on the primary key. */
    @Query("INSERT INTO setting_override (setting_key, value, updated_at) "
            + "VALUES (:settingKey, :value, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) "
            + "ON CONFLICT (setting_key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
    void upsert(String settingKey, String value);

    long deleteBySettingKey(String settingKey);
}
