package dev.researchvault.application.settings;

import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.settings.EffectiveSetting;

/**
 * Typed reads of a user's effective settings for other use cases (backups read {@code backup.*} here).
 * Call inside {@code VaultScope.call(user, …)}: the user's vault must be bound. Answers come from a cache
 * after the first read, and always reflect the user's latest change.
 */
public interface SettingsQuery {

    /** @throws dev.researchvault.domain.NotFoundException {@code settings.unknown-key} */
    EffectiveSetting setting(UserId user, String key);

    /** The value of an {@code int} setting. @throws IllegalArgumentException when {@code key} is not an int setting */
    long intValue(UserId user, String key);

    /** The value of a {@code float} setting. @throws IllegalArgumentException when {@code key} is not a float setting */
    double floatValue(UserId user, String key);

    /** The value of a {@code bool} setting. @throws IllegalArgumentException when {@code key} is not a bool setting */
    boolean boolValue(UserId user, String key);

    /** The value of a {@code string} or {@code enum} setting. @throws IllegalArgumentException otherwise */
    String stringValue(UserId user, String key);
}
