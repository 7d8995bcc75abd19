package dev.researchvault.application.settings;

import dev.researchvault.application.account.PasswordProof;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.account.Password;
import dev.researchvault.domain.apikey.ApiKey;
import dev.researchvault.domain.apikey.ApiKeyStore;
import dev.researchvault.domain.apikey.ProviderName;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands an owner their key in clear. The password is proven first (through the login throttle, so the endpoint is
 * no faster way to guess a password than login), and the reveal is logged by provider only: never the key.
 */
public record RevealApiKey(PasswordProof proof, ApiKeyStore store, VaultWork vault, Clock clock)
        implements RevealApiKeyUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(RevealApiKey.class);

    @Override
    public RevealedApiKey reveal(Session session, String provider, String password) {
        ProviderName name = new ProviderName(provider);
        try (Password offered = Password.offered(password)) {
            proof.prove(session, offered).destroy();
        }
        ApiKey key = vault.inTransaction(session, () -> {
            ApiKey found = store.find(name).orElseThrow(ApiKeyService::notFound);
            store.markUsed(name, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            return found;
        });
        LOG.info("event=api-key.revealed user={} provider={}", session.userId(), name.value());
        return new RevealedApiKey(name.value(), key.secret().reveal());
    }
}
