package dev.researchvault.application.settings

import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.settings.SettingsStore

import java.util.concurrent.ConcurrentHashMap

/** {@link SettingsStore} in memory, one map per vault (the bound one): the fake behind service specs. */
class InMemorySettingsStore implements SettingsStore {

    private final Map<UserId, Map<String, String>> overridesByOwner = new ConcurrentHashMap<>()

    @Override
    Map<String, String> overrides() {
        Map.copyOf(bound())
    }

    @Override
    void put(String key, String storedValue) {
        bound().put(key, storedValue)
    }

    @Override
    void putAll(Map<String, String> storedValues) {
        bound().putAll(storedValues)
    }

    @Override
    boolean remove(String key) {
        bound().remove(key) != null
    }

    private Map<String, String> bound() {
        overridesByOwner.computeIfAbsent(InMemoryVaultScope.owner(), { new ConcurrentHashMap<>() })
    }
}
