package dev.researchvault.application.settings;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.VaultScope;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.apikey.ApiKey;
import dev.researchvault.domain.apikey.ApiKeySecret;
import dev.researchvault.domain.apikey.ApiKeyStore;
import dev.researchvault.domain.apikey.ProviderName;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** API keys: stored in the owner's vault, shown to them masked, handed in clear only to internal callers. */
public final class ApiKeyService implements ManageApiKeysUseCase, UseApiKeyUseCase {

    private final ApiKeyStore store;
    private final VaultScope vaultScope;
    private final Clock clock;

    public ApiKeyService(ApiKeyStore store, VaultScope vaultScope, Clock clock) {
        this.store = store;
        this.vaultScope = vaultScope;
        this.clock = clock;
    }

    @Override
    public List<ApiKeySummary> list(Session session) {
        return vaultScope.call(session.userId(), session.key(),
                () -> store.all(session.userId()).stream().map(ApiKeySummary::of).toList());
    }

    @Override
    public ApiKeySummary save(Session session, SaveApiKeyCommand command) {
        ApiKey key = ApiKey.stored(new ProviderName(command.provider()), ApiKeySecret.of(command.key()),
                command.description(), command.active(), clock.instant());
        vaultScope.call(session.userId(), session.key(), () -> {
            store.save(session.userId(), key);
            return null;
        });
        return ApiKeySummary.of(key);
    }

    @Override
    public void delete(Session session, String provider) {
        ProviderName name = new ProviderName(provider);
        boolean removed = vaultScope.call(session.userId(), session.key(), () -> store.remove(session.userId(), name));
        if (!removed) {
            throw new NotFoundException("api-key.not-found", "there is no API key for this provider");
        }
    }

    @Override
    public Optional<ApiKeySecret> useKey(UserId user, String provider) {
        ProviderName name = new ProviderName(provider);
        Optional<ApiKey> usable = store.find(user, name).filter(ApiKey::active);
        usable.ifPresent(key -> store.markUsed(user, name, clock.instant()));
        return usable.map(ApiKey::secret);
    }
}
