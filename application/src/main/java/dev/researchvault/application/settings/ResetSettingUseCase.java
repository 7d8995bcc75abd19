package dev.researchvault.application.settings;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.settings.EffectiveSetting;

/** Returns one of the caller's settings to its shipped default. */
public interface ResetSettingUseCase {

    /**
     * Forgets the caller's override of {@code key}; it follows the shipped default again, including future
     * changes of that default. Idempotent: resetting a setting that is not overridden changes nothing.
     *
     * @return the setting as the caller now sees it
     * @throws dev.researchvault.domain.NotFoundException {@code settings.unknown-key}
     */
    EffectiveSetting reset(Session session, String key);
}
