package dev.researchvault.domain.settings;

import dev.researchvault.domain.NotFoundException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every setting the application ships, with its default. The catalog belongs to the release, not to a
 * user: a user's vault stores only overrides, so a default changed here reaches everyone who did not
 * override it.
 */
public final class SettingsCatalog {

    private final Map<String, SettingDefinition> byKey = new TreeMap<>();

    /** @throws IllegalArgumentException when two definitions share a key */
    public SettingsCatalog(Collection<SettingDefinition> definitions) {
        for (SettingDefinition definition : definitions) {
            if (byKey.putIfAbsent(definition.key(), definition) != null) {
                throw new IllegalArgumentException("the setting " + definition.key() + " is defined twice");
            }
        }
    }

    /** Every definition, ordered by key. */
    public List<SettingDefinition> all() {
        return List.copyOf(byKey.values());
    }

    public Optional<SettingDefinition> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** @throws NotFoundException {@code settings.unknown-key} when no setting has this key */
    public SettingDefinition require(String key) {
        return find(key).orElseThrow(() -> new NotFoundException("settings.unknown-key", "there is no such setting"));
    }

    /**
     * The user's view: every setting with the override from {@code overrides} (stored forms by key) where
     * one exists and still fits, the default otherwise. Overrides of keys the catalog no longer has are
     * ignored.
     */
    public List<EffectiveSetting> merge(Map<String, String> overrides) {
        return byKey.values().stream()
                .map(definition -> EffectiveSetting.of(definition, overrides.get(definition.key())))
                .toList();
    }
}
