package dev.researchvault.domain.settings;

/**
 * A setting as one user sees it.
 *
 * @param overridden true when {@code value} is the user's own, false when it is the shipped default
 */
public record EffectiveSetting(SettingDefinition definition, SettingValue value, boolean overridden) {

    /** The setting under {@code stored} (an override's stored form, or null when there is none). */
    public static EffectiveSetting of(SettingDefinition definition, String stored) {
        if (stored == null) {
            return new EffectiveSetting(definition, definition.defaultValue(), false);
        }
        return definition.fromStored(stored)
                .map(value -> new EffectiveSetting(definition, value, true))
                .orElseGet(() -> new EffectiveSetting(definition, definition.defaultValue(), false));
    }
}
