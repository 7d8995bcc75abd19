package dev.researchvault.adapter.persistence.settings;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.model.naming.NamingStrategies;

/**
 * A row of {@code setting_override}: one setting a user changed from its default. Column names are explicit so
 * Micronaut Data does not derive them from the property names again for every row (docs/benchmarks.md).
 */
@MappedEntity(value = "setting_override", namingStrategy = NamingStrategies.Raw.class)
record SettingOverrideRow(@Id @MappedProperty("setting_key") String settingKey, String value,
                          @MappedProperty("updated_at") String updatedAt) {
}
