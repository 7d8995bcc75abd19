package dev.researchvault.application.settings;

import dev.researchvault.application.vault.VaultOwner;
import dev.researchvault.domain.apikey.ApiKeySecret;
import java.util.Optional;

/**
 * Hands a user's key to the adapter that calls the provider, and records the use. For internal callers
 * only: no HTTP endpoint answers this. Binds the owner's vault itself.
 */
public interface UseApiKeyUseCase {

    /**
     * The user's active key for {@code provider}, with its {@code lastUsedAt} set to now.
     *
     * @return empty when the user has no key for the provider, or has parked it (inactive)
     * @throws dev.researchvault.domain.RuleViolationException {@code api-key.invalid-provider}
     */
    Optional<ApiKeySecret> useKey(VaultOwner owner, String provider);
}
