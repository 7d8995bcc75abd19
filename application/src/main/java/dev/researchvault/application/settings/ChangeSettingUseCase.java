package dev.researchvault.application.settings;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.settings.EffectiveSetting;
import dev.researchvault.domain.settings.SettingValue;
import java.util.Objects;

/** Overrides one of the caller's settings. */
public interface ChangeSettingUseCase {

    record ChangeSettingCommand(String key, SettingValue value) {
        public ChangeSettingCommand {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Stores the caller's value for a setting; later reads see it at once. Idempotent.
     *
     * @return the setting as the caller now sees it
     * @throws dev.researchvault.domain.NotFoundException {@code settings.unknown-key}
     * @throws dev.researchvault.domain.RuleViolationException {@code settings.invalid-value} with the reason
     */
    EffectiveSetting change(Session session, ChangeSettingCommand command);
}
