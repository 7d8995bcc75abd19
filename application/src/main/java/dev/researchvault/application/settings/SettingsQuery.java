package dev.researchvault.application.settings;

import dev.researchvault.application.vault.VaultOwner;
import dev.researchvault.domain.settings.EffectiveSetting;

/**
 * Typed reads of a user's effective settings for other use cases (backups read {@code backup.*} here). Each
 * read binds the owner's vault itself. Answers come from a cache after the first read, and always reflect the
 * user's latest change.
 */
public interface SettingsQuery {

    /** @throws dev.researchvault.domain.NotFoundException {@code settings.unknown-key} */
    EffectiveSetting setting(VaultOwner owner, String key);

    /** The value of an {@code int} setting. @throws IllegalArgumentException when {@code key} is not an int setting */
    long intValue(VaultOwner owner, String key);

    /** The value of a {@code float} setting. @throws IllegalArgumentException when {@code key} is not a float setting */
    double floatValue(VaultOwner owner, String key);

    /** The value of a {@code bool} setting. @throws IllegalArgumentException when {@code key} is not a bool setting */
    boolean boolValue(VaultOwner owner, String key);

    /** The value of a {@code string} or {@code enum} setting. @throws IllegalArgumentException otherwise */
    String stringValue(VaultOwner owner, String key);
}
