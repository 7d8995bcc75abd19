package dev.researchvault.application.settings

import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.settings.SettingsStore

import java.util.concurrent.ConcurrentHashMap

/** {@link SettingsStore} in memory, one map per user: the fake behind service specs. */
class InMemorySettingsStore implements SettingsStore {

    private final Map<UserId, Map<String, String>> overridesByUser = new ConcurrentHashMap<>()

    @Override
    Map<String, String> overrides(UserId user) {
        Map.copyOf(overridesByUser.getOrDefault(user, [:]))
    }

    @Override
    void put(UserId user, String key, String storedValue) {
        overridesByUser.computeIfAbsent(user, { new ConcurrentHashMap<>() }).put(key, storedValue)
    }

    @Override
    boolean remove(UserId user, String key) {
        overridesByUser.getOrDefault(user, [:]).remove(key) != null
    }
}
