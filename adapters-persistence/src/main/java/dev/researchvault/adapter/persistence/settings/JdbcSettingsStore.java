package dev.researchvault.adapter.persistence.settings;

import dev.researchvault.application.vault.Transactions;
import dev.researchvault.domain.settings.SettingsStore;
import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link SettingsStore} in the bound vault's {@code setting_override} table. Published only under its own
 * type: the application gets it wrapped in a {@link CachingSettingsStore} (see {@code SettingsWiring}).
 * Writes run in a transaction ({@link Transactions}), so they wait for the vault's writer turn.
 */
@Singleton
@Bean(typed = JdbcSettingsStore.class)
public final class JdbcSettingsStore implements SettingsStore {

    private final SettingOverrideRepository rows;
    private final Transactions transactions;

    JdbcSettingsStore(SettingOverrideRepository rows, Transactions transactions) {
        this.rows = rows;
        this.transactions = transactions;
    }

    @Override
    public Map<String, String> overrides() {
        Map<String, String> overrides = new HashMap<>();
        for (SettingOverrideRow row : rows.findAll()) {
            overrides.put(row.settingKey(), row.value());
        }
        return Map.copyOf(overrides);
    }

    @Override
    public void put(String key, String storedValue) {
        transactions.inTransaction(() -> {
            rows.upsert(key, storedValue);
            return null;
        });
    }

    @Override
    public void putAll(Map<String, String> storedValues) {
        transactions.inTransaction(() -> {
            storedValues.forEach(rows::upsert);
            return null;
        });
    }

    @Override
    public boolean remove(String key) {
        return transactions.inTransaction(() -> rows.deleteBySettingKey(key) > 0);
    }
}
