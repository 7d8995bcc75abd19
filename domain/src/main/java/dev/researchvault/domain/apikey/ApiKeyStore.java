package dev.researchvault.domain.apikey;

import dev.researchvault.domain.account.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A user's API keys, one per provider, kept only inside that user's encrypted vault.
 *
 * <p>Vault-backed implementations read and write the vault bound by the caller's
 * {@code VaultScope.call(user, …)}; {@code user} must be that vault's owner. Implementations never log a
 * key, and never put one into an error message.
 */
public interface ApiKeyStore {

    /** Every key of the user, ordered by provider; empty when there is none. */
    List<ApiKey> all(UserId user);

    /** The user's key for {@code provider}, if stored. */
    Optional<ApiKey> find(UserId user, ProviderName provider);

    /** Stores {@code key}, replacing the user's earlier key for the same provider (all its fields). Idempotent. */
    void save(UserId user, ApiKey key);

    /**
     * Removes the user's key for {@code provider}. Idempotent.
     *
     * @return true when there was a key to remove
     */
    boolean remove(UserId user, ProviderName provider);

    /**
     * Records that the key for {@code provider} was taken for a call at {@code at}. Does nothing when the
     * user has no such key (it may have been removed meanwhile).
     */
    void markUsed(UserId user, ProviderName provider, Instant at);
}
