package dev.researchvault.application.account;

import dev.researchvault.application.vault.VaultOwner;
import dev.researchvault.domain.account.UserId;
import dev.researchvault.domain.account.Username;
import dev.researchvault.domain.vault.MasterKey;
import java.time.Instant;

/**
 * A logged-in user. The master key is shared by all sessions of the user and wiped by the session store
 * when the last one ends.
 *
 * @param token      the opaque bearer token (never logged: {@link #toString()} leaves it out)
 * @param generation the account's key generation the key was proven for ({@link AccountLifecycle})
 * @param expiresAt  the absolute expiry; idle expiry may end the session earlier
 */
public record Session(String token, UserId userId, Username username, MasterKey key, long generation,
                      Instant createdAt, Instant expiresAt) implements VaultOwner {

    @Override
    public String toString() {
        return "Session[user=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
