package dev.researchvault.application.vault;

import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.vault.MasterKey;
import java.util.function.Supplier;

/**
 * Binds one user's vault to the work of a use case: every vault-backed port called inside
 * {@link #call} reads and writes that user's files and no one else's.
 */
public interface VaultScope {

    /**
     * Runs {@code work} with the vault of {@code user} open and bound, and unbinds it afterwards. The vault
     * stays open (cached) for later calls; it is never closed while a call is running.
     *
     * @throws dev.researchvault.domain.UnavailableException when the vault cannot be opened right now
     */
    <T> T call(UserId user, MasterKey key, Supplier<T> work);
}
