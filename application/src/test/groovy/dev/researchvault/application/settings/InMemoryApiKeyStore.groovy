package dev.researchvault.application.settings

import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.apikey.ApiKey
import dev.researchvault.domain.apikey.ApiKeyStore
import dev.researchvault.domain.apikey.ProviderName

import java.time.Instant
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.ConcurrentSkipListMap

/** {@link ApiKeyStore} in memory, one sorted map per vault (the bound one): the fake behind service specs. */
class InMemoryApiKeyStore implements ApiKeyStore {

    private final Map<UserId, Map<String, ApiKey>> keysByOwner = new ConcurrentHashMap<>()

    @Override
    List<ApiKey> all() {
        List.copyOf(bound().values())
    }

    @Override
    Optional<ApiKey> find(ProviderName provider) {
        Optional.ofNullable(bound().get(provider.value()))
    }

    @Override
    void save(ApiKey key) {
        bound().put(key.provider().value(), key)
    }

    @Override
    boolean remove(ProviderName provider) {
        bound().remove(provider.value()) != null
    }

    @Override
    void markUsed(ProviderName provider, Instant at) {
        bound().computeIfPresent(provider.value(), { name, key ->
            new ApiKey(key.provider(), key.secret(), key.description(), key.active(), key.createdAt(), at)
        })
    }

    private Map<String, ApiKey> bound() {
        keysByOwner.computeIfAbsent(InMemoryVaultScope.owner(), { new ConcurrentSkipListMap<>() })
    }
}
