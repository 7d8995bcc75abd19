package dev.researchvault.domain.apikey;

import dev.researchvault.domain.vault.VaultBound;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The bound vault owner's API keys, one per provider, kept only inside that encrypted vault.
 * Implementations never log a key, and never put one into an error message.
 */
@VaultBound
public interface ApiKeyStore {

    /** Every key, ordered by provider; empty when there is none. */
    List<ApiKey> all();

    /** The key for {@code provider}, if stored. */
    Optional<ApiKey> find(ProviderName provider);

    /** Stores {@code key}, replacing the earlier key for the same provider (all its fields). Idempotent. */
    void save(ApiKey key);

    /**
     * Removes the key for {@code provider}. Idempotent.
     *
     * @return true when there was a key to remove
     */
    boolean remove(ProviderName provider);

    /**
     * Records that the key for {@code provider} was taken for a call at {@code at}. Does nothing when there
     * is no such key (it may have been removed meanwhile).
     */
    void markUsed(ProviderName provider, Instant at);
}
