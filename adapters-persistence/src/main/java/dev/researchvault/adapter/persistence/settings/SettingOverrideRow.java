package dev.researchvault.adapter.persistence.settings;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code setting_override}: one setting a user changed from its default. */
@MappedEntity("setting_override")
record SettingOverrideRow(@Id String settingKey, String value, String updatedAt) {
}
