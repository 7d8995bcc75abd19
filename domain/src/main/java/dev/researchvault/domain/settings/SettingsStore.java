package dev.researchvault.domain.settings;

import dev.researchvault.domain.account.UserId;
import java.util.Map;

/**
 * The settings a user changed from their defaults, kept in that user's vault. Only overrides are stored;
 * the defaults live in the {@link SettingsCatalog}. Values are in their stored form
 * ({@link SettingDefinition#storedForm}); the store does not interpret them.
 *
 * <p>Vault-backed implementations read and write the vault bound by the caller's
 * {@code VaultScope.call(user, …)}; {@code user} must be that vault's owner (it keys caches and fakes).
 */
public interface SettingsStore {

    /**
     * The user's overrides, stored form by key; empty when the user changed nothing. A read after a
     * {@link #put} or {@link #remove} of the same user always sees that write.
     */
    Map<String, String> overrides(UserId user);

    /** Stores {@code storedValue} as the user's override of {@code key}, replacing an earlier one. Idempotent. */
    void put(UserId user, String key, String storedValue);

    /**
     * Removes the user's override of {@code key}, so the default applies again. Idempotent.
     *
     * @return true when there was an override to remove
     */
    boolean remove(UserId user, String key);
}
