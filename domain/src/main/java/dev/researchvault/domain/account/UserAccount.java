package dev.researchvault.domain.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered user as the registry knows them: no secret, no password hash. Proof of the password is
 * that the key it derives opens the user's vault.
 *
 * @param pendingKdf parameters of a password change that was staged but not yet confirmed complete
 *                   (see the change-password flow); empty in the normal case
 */
public record UserAccount(UserId id, Username username, Instant createdAt, Instant lastLoginAt,
                          KdfParameters kdf, Optional<KdfParameters> pendingKdf) {

    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(kdf, "kdf");
        Objects.requireNonNull(pendingKdf, "pendingKdf");
    }

    public static UserAccount registered(UserId id, Username username, Instant at, KdfParameters kdf) {
        return new UserAccount(id, username, at, null, kdf, Optional.empty());
    }
}
