package dev.researchvault.application.settings;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.VaultOwner;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.apikey.ApiKey;
import dev.researchvault.domain.apikey.ApiKeySecret;
import dev.researchvault.domain.apikey.ApiKeyStore;
import dev.researchvault.domain.apikey.ProviderName;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** API keys: stored in the owner's vault, shown to them masked, handed in clear only to internal callers. */
public record ApiKeyService(ApiKeyStore store, VaultWork vault, Clock clock)
        implements ManageApiKeysUseCase, UseApiKeyUseCase {

    @Override
    public List<ApiKeySummary> list(Session session) {
        return vault.inVault(session, () -> store.all().stream().map(ApiKeySummary::of).toList());
    }

    @Override
    public ApiKeySummary save(Session session, SaveApiKeyCommand command) {
        ProviderName provider = new ProviderName(command.provider());
        // The key and its description are checked together, so a form can mark both at once.
        FieldChecks fields = new FieldChecks();
        ApiKeySecret secret = fields.check("key", () -> ApiKeySecret.of(command.key()));
        fields.checkThat("description", () -> ApiKey.checkDescription(command.description()));
        fields.requireNone();
        ApiKey key = ApiKey.stored(provider, secret, command.description(), command.active(), now());
        vault.inTransaction(session, () -> {
            store.save(key);
            return key;
        });
        return ApiKeySummary.of(key);
    }

    @Override
    public void delete(Session session, String provider) {
        ProviderName name = new ProviderName(provider);
        if (!vault.inTransaction(session, () -> store.remove(name))) {
            throw notFound();
        }
    }

    static NotFoundException notFound() {
        return new NotFoundException("api-key.not-found", "there is no API key for this provider");
    }

    /** Times of keys are kept to the millisecond, like every other time the API writes. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public Optional<ApiKeySecret> useKey(VaultOwner owner, String provider) {
        ProviderName name = new ProviderName(provider);
        return vault.inTransaction(owner, () -> {
            Optional<ApiKey> usable = store.find(name).filter(ApiKey::active);
            usable.ifPresent(key -> store.markUsed(name, now()));
            return usable.map(ApiKey::secret);
        });
    }
}
