package dev.researchvault.application.settings;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.settings.EffectiveSetting;
import dev.researchvault.domain.settings.SettingValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** Overrides the caller's settings: one, or several at once. */
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

    /**
     * Stores several of the caller's values at once: all of them, or none when any is refused. Each value is read
     * (its supplier called) here, so a value the adapter cannot read is refused together with the rest.
     *
     * @param values each setting's key and its value as the adapter reads it (which may throw a
     *               {@link dev.researchvault.domain.DomainException}), in the caller's order
     * @return the changed settings as the caller now sees them, in the same order
     * @throws dev.researchvault.domain.RuleViolationException {@code settings.invalid-value}, whose field errors name
     *         every refused key (an unknown key is {@code settings.unknown-key} there); nothing is stored
     */
    List<EffectiveSetting> changeAll(Session session, Map<String, Supplier<SettingValue>> values);
}
