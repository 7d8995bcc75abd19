package dev.researchvault.application.settings;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.settings.EffectiveSetting;
import java.util.List;
import java.util.Optional;

/** The caller's settings: shipped defaults merged with their own overrides. */
public interface ReadSettingsUseCase {

    /** Which settings to list. @param category only this category; every setting when empty */
    record ListSettingsQuery(Optional<String> category) {
        public static ListSettingsQuery everything() {
            return new ListSettingsQuery(Optional.empty());
        }
    }

    /** Every setting (of the category asked for), ordered by key; an unknown category lists nothing. */
    List<EffectiveSetting> list(Session session, ListSettingsQuery query);

    /** @throws dev.researchvault.domain.NotFoundException {@code settings.unknown-key} */
    EffectiveSetting get(Session session, String key);
}
