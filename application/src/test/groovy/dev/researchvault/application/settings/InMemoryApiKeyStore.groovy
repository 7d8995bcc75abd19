package dev.researchvault.application.settings

import dev.researchvault.domain.account.UserId
import dev.researchvault.domain.apikey.ApiKey
import dev.researchvault.domain.apikey.ApiKeyStore
import dev.researchvault.domain.apikey.ProviderName

import java.time.Instant
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.ConcurrentSkipListMap

/** {@link ApiKeyStore} in memory, one sorted map per user: the fake behind service specs. */
class InMemoryApiKeyStore implements ApiKeyStore {

    private final Map<UserId, Map<String, ApiKey>> keysByUser = new ConcurrentHashMap<>()

    @Override
    List<ApiKey> all(UserId user) {
        List.copyOf(keysOf(user).values())
    }

    @Override
    Optional<ApiKey> find(UserId user, ProviderName provider) {
        Optional.ofNullable(keysOf(user).get(provider.value()))
    }

    @Override
    void save(UserId user, ApiKey key) {
        keysOf(user).put(key.provider().value(), key)
    }

    @Override
    boolean remove(UserId user, ProviderName provider) {
        keysOf(user).remove(provider.value()) != null
    }

    @Override
    void markUsed(UserId user, ProviderName provider, Instant at) {
        keysOf(user).computeIfPresent(provider.value(), { name, key ->
            new ApiKey(key.provider(), key.secret(), key.description(), key.active(), key.createdAt(), at)
        })
    }

    private Map<String, ApiKey> keysOf(UserId user) {
        keysByUser.computeIfAbsent(user, { new ConcurrentSkipListMap<>() })
    }
}
