package dev.researchvault.domain.settings;

import dev.researchvault.domain.vault.VaultBound;
import java.util.Map;

/**
 * The settings the bound vault's owner changed from their defaults, kept in that vault. Only overrides are
 * stored; the defaults live in the {@link SettingsCatalog}. Values are in their stored form
 * ({@link SettingDefinition#storedForm}); the store does not interpret them.
 */
@VaultBound
public interface SettingsStore {

    /**
     * The overrides, stored form by key; empty when the owner changed nothing. A read after a {@link #put} or
     * {@link #remove} in the same vault always sees that write.
     */
    Map<String, String> overrides();

    /** Stores {@code storedValue} as the override of {@code key}, replacing an earlier one. Idempotent. */
    void put(String key, String storedValue);

    /**
     * Stores every override of {@code storedValues} (stored form by key) in one write: all of them or, on a
     * failure, none. Idempotent.
     */
    void putAll(Map<String, String> storedValues);

    /**
     * Removes the override of {@code key}, so the default applies again. Idempotent.
     *
     * @return true when there was an override to remove
     */
    boolean remove(String key);
}
